extension StringProtocol {
    /// Whether `part` occurs in the text, compared byte for byte (UTF-8, no locale or normalisation).
    ///
    /// Why not `contains`: with Foundation imported, `"…".contains("{format}")` is `NSString.range(of:)`
    /// through `CFStringFind`, 9 % of checking a jobs file of 40,000 charts; paths and placeholders are
    /// compared as bytes anyway. The search runs over a concrete buffer: generic over the collection, it
    /// was not specialised across the module boundary and took 13 % of that check on its own.
    package func includes(_ part: StaticString) -> Bool {
        part.withUTF8Buffer { needle in
            if let found = utf8.withContiguousStorageIfAvailable({ Self.find(needle, in: $0) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { Self.find(needle, in: $0) }
        }
    }

    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        var start = 0
        let last = bytes.count - needle.count
        outer: while start <= last {
            defer { start += 1 }
            guard bytes[start] == first else { continue }
            for offset in 1..<needle.count where bytes[start + offset] != needle[offset] { continue outer }
            return true
        }
        return false
    }
}
