import RefChartScene

/// The text a label, a legend entry or a footnote draws from a title: one line, printable, capped.
enum LabelText {
    /// The longest a drawn text may be, in characters: a label longer than the plot is cut anyway, and
    /// measuring a 10 MB title took 34 s.
    static let maximumLength = 400

    /// `text` on one line, without characters a document may not hold, and at most ``maximumLength``
    /// characters.
    static func singleLine(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var result = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if count >= maximumLength { break }
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
            count += 1
        }
        return PrintableText.clean(String(result))
    }

    /// Whether `text` is already what ``singleLine(_:)`` makes of it, by its bytes alone: printable ASCII, at
    /// most ``maximumLength`` characters, single spaces between words (scalar properties cost far more).
    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count <= maximumLength, bytes.first != 0x20, bytes.last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte >= 0x20 && byte < 0x7F && !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            return true
        } ?? false
    }

    /// `n` in superscript digits, marking a truncated label's footnote.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
