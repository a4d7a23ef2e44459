extension String {
    /// The string without leading and trailing spaces and tabs — what `trimmingCharacters(in: .whitespaces)`
    /// removes — found by scalars: Foundation's costs far more a call, and every date is trimmed.
    package var trimmingSpaces: String {
        // Printable ASCII at both ends: nothing to trim, known from two bytes (no scalar properties).
        if let first = utf8.first, let last = utf8.last, 0x21..<0x7F ~= first, 0x21..<0x7F ~= last { return self }
        let scalars = unicodeScalars
        // Tab, the space separators, and the zero-width space (Foundation still counts it).
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        var (start, end) = (scalars.startIndex, scalars.endIndex)
        while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start && isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
