/// Short text written byte by byte (numbers, and UTF-8 literals such as `–`): dates and numbers a chart writes thousands of times (each
/// reference's date in the footnotes, the description and the layout report, each badge's numbers). String
/// interpolation of padded numbers costs about ten times more a date (docs/PERFORMANCE.md). Holds up to
/// 64 bytes in place (no allocation until ``string``); more go to a `String`.
package struct ASCIIText {
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var count = 0
    private var spill: [UInt8] = []

    package init() {}

    package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { append(byte: byte) } }
    }

    /// `value` in decimal, zero-padded to at least `width` digits (`-` before the digits when negative).
    package mutating func append(_ value: Int, width: Int = 1) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        var digits = 1
        while divisor <= magnitude / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { append(byte: UInt8(ascii: "0")) }
        while divisor > 0 {
            append(byte: UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }

    private mutating func append(byte: UInt8) {
        guard count < 64 else {
            spill.append(byte)
            return
        }
        withUnsafeMutableBytes(of: &buffer) { $0[count] = byte }
        count += 1
    }

    /// Appends the text's bytes to `bytes` (no `String` in between).
    package func write(to bytes: inout [UInt8]) {
        var buffer = buffer
        withUnsafeBytes(of: &buffer) { bytes += $0.prefix(count) }
        bytes += spill
    }

    package var string: String {
        var buffer = buffer
        let head = withUnsafeBytes(of: &buffer) { String(decoding: $0.prefix(count), as: UTF8.self) }
        return spill.isEmpty ? head : head + String(decoding: spill, as: UTF8.self)
    }
}
