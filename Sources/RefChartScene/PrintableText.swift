/// Text as it may appear in a chart and its documents: without the characters XML 1.0 forbids (C0
/// controls other than tab and newline, U+FFFE, U+FFFF, lone surrogates cannot occur in a Swift String)
/// and without other controls that would draw as boxes. An SVG or PDF with one is not a valid document
/// (xmllint and rsvg-convert refuse it), so every title, label and name passes through here.
package enum PrintableText {
    package static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isForbidden(scalar) { result.append(scalar) }
        return String(result)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
            || value == 0xFFFE || value == 0xFFFF
    }
}
