extension StringProtocol {
    /// Whether `part` occurs in the text, compared byte for byte (UTF-8, no locale or normalisation).
    ///
    /// Why not `contains`: with Foundation imported, `"…".contains("{format}")` is `NSString.range(of:)`
    /// through `CFStringFind`, 9 % of checking a jobs file of 40,000 charts; paths and placeholders are
    /// compared as bytes anyway.
    package func includes(_ part: StaticString) -> Bool {
        part.withUTF8Buffer { needle in
            utf8.withContiguousStorageIfAvailable { Self.find(needle, in: $0) } ?? Self.find(needle, in: Array(utf8))
        }
    }

    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in bytes: some RandomAccessCollection<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        var start = bytes.startIndex
        let last = bytes.index(bytes.endIndex, offsetBy: -needle.count)
        while start <= last {
            if bytes[start] == first, needle.indices.allSatisfy({ bytes[bytes.index(start, offsetBy: $0)] == needle[$0] }) { return true }
            start = bytes.index(after: start)
        }
        return false
    }
}
