import RefChartCore
import RefChartScene

/// Fitting text into a width, and finding the characters no font draws.
extension TextMetrics {
    /// `text` as is when it fits in `maxWidth`, else its longest prefix that fits with an ellipsis.
    /// - Parameter byPrefix: Whether a long text is cut by shaping only a prefix of it
    ///   (``LayoutShortcuts/fitsByPrefix``).
    func fitted(_ text: String, maxWidth: Double, font: FontSpec, byPrefix: Bool = true) -> (text: String, truncated: Bool) {
        // One layout gives the whole width (does it fit?) and every character's offset (where to cut); a
        // text measured before (a label's title, in the layout's later passes) needs none to fit.
        if let size = cached(text, font), size.width <= maxWidth { return (text, false) }
        // A text too short to reach the width even at 1.5 em a byte (text fonts' glyphs are narrower) most
        // likely fits: a plain measurement says so without walking its characters (a third cheaper); when it
        // does not, the offsets below are taken as for any other text.
        if Double(text.utf8.count) * font.size * 1.5 <= maxWidth, measure(text, font).width <= maxWidth { return (text, false) }
        // A long text (a grouped footnote joins every title of its references) is cut within its first
        // characters: shape only a prefix, when it is already too wide — first as many characters as fill the
        // width at half an em each (Latin text averages more), then at a quarter em (no character is narrower
        // but a zero-width one), then the whole text.
        var (text, offsets) = (text, [Double]())
        for em in byPrefix ? [0.5, 0.25] : [] {
            let limit = Int(maxWidth / (font.size * em)) + 8
            guard text.utf8.count > limit, text.count > limit else { break }
            let prefix = String(text.prefix(limit))
            offsets = measurer.characterOffsets(prefix, font: font)
            if offsets.last ?? 0 > maxWidth {
                text = prefix
                break
            }
            offsets = []
        }
        if offsets.isEmpty { offsets = measurer.characterOffsets(text, font: font) }
        if offsets.last ?? 0 <= maxWidth { return (text, false) }
        // Where each prefix of whole characters ends: cutting slices the text (no array of Characters).
        let ends = text.isEmpty ? [] : Array(text.indices.dropFirst()) + [text.endIndex]
        let characterCount = ends.count
        let cut = { (count: Int) in (count == 0 ? "" : String(text[..<ends[count - 1]])).trimmingSpaces + "…" }
        let fits = { (count: Int) in count == 0 || self.measure(cut(count), font).width <= maxWidth }
        // A first guess from one layout of the whole text (each character's offset in it), then checked by
        // measuring the cut text and moved a character at a time: shaping at the cut rarely moves it more
        // than one. A binary search of measurements took ~8 Pango layouts per text.
        let room = maxWidth - measure("…", font).width
        var count = offsets.count == characterCount + 1 ? (offsets.dropLast().lastIndex { $0 <= room } ?? 0) : 0
        var steps = 0
        if fits(count) {
            while count < characterCount, steps < 4, fits(count + 1) { (count, steps) = (count + 1, steps + 1) }
            if steps < 4 { return (cut(count), true) }
        } else {
            while count > 0, steps < 4, !fits(count - 1) { (count, steps) = (count - 1, steps + 1) }
            if steps < 4 { return (cut(max(count - 1, 0)), true) }
        }
        // Offsets far from the shaped cut (right-to-left text): search by measuring.
        var (low, high) = (0, characterCount)
        while low < high {
            let mid = (low + high + 1) / 2
            if fits(mid) { low = mid } else { high = mid - 1 }
        }
        return (cut(low), true)
    }

    /// `text` on at most `lines` lines `maxWidth` wide, broken at spaces (a word wider than a line is cut
    /// where the line ends); the last line ends in an ellipsis when the text goes on past it.
    ///
    /// One layout of the whole text gives every character's offset, and the breaks are read from them
    /// (measuring each prefix of words was a Pango layout a word: 10 % of a 5,000-reference PDF).
    func wrapped(_ text: String, maxWidth: Double, font: FontSpec, lines: Int) -> [String] {
        let characters = Array(text)
        let offsets = measurer.characterOffsets(text, font: font)
        guard lines > 1, offsets.count == characters.count + 1, (offsets.last ?? 0) > maxWidth else {
            return [fitted(text, maxWidth: maxWidth, font: font).text]
        }
        var result: [String] = []
        var start = 0
        while start < characters.count {
            if result.count == lines - 1 {
                result.append(fitted(String(characters[start...]), maxWidth: maxWidth, font: font).text)
                break
            }
            var end = start
            var lastSpace: Int?
            while end < characters.count, offsets[end + 1] - offsets[start] <= maxWidth {
                if characters[end] == " " { lastSpace = end }
                end += 1
            }
            if end < characters.count, let space = lastSpace, space > start { end = space }
            end = max(end, start + 1)
            let line = String(characters[start..<end]).trimmingSpaces
            // Offsets within a longer run can differ from the line shaped alone by a pixel of kerning.
            result.append(measure(line, font).width <= maxWidth ? line : fitted(line, maxWidth: maxWidth, font: font).text)
            start = end
            while start < characters.count, characters[start] == " " { start += 1 }
        }
        return result
    }

    /// The characters of `text` no installed font can draw, in order, each once; empty when all can be.
    func missingCharacters(_ text: String, _ font: FontSpec) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return "" }  // by bytes: far cheaper than Characters
        let total = measurer.missingGlyphs(text, font: font)
        guard total > 0 else { return "" }
        // A character is missing when taking it out of the text leaves fewer boxes (Pango shapes in
        // context: a lone character may fall back differently).
        var seen = Set<Character>()
        let missing = String(
            text.filter { character in
                !character.isASCII && seen.insert(character).inserted
                    && measurer.missingGlyphs(text.filter { $0 != character }, font: font) < total
            })
        return missing.isEmpty ? "\u{FFFD}" : missing
    }
}
