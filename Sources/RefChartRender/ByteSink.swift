import CCairoPango

/// Collects the bytes Cairo writes through a `cairo_write_func_t`.
final class ByteSink {
    var bytes: [UInt8] = []

    /// Runs `body` with a Cairo write callback and its closure pointer that append to this sink.
    func withWriter<R>(_ body: (cairo_write_func_t, UnsafeMutableRawPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) {
            try body(byteSinkWrite, Unmanaged.passUnretained(self).toOpaque())
        }
    }
}

@available(*, unavailable)
extension ByteSink: Sendable {}

/// The C callback: appends `length` bytes to the `ByteSink` behind `closure`.
private let byteSinkWrite: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_NULL_POINTER }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
