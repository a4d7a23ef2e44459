/// Measures text for the layout; the renderer implements it with the same engine it draws with (Pango),
/// so what the layout reserves is what gets drawn.
///
/// Implementations need not be `Sendable`: a layout runs synchronously on one thread.
package protocol TextMeasuring {
    /// The logical size of one line of `text` in `font`, in output pixels.
    func measure(_ text: String, font: FontSpec) -> Size

    /// The first baseline of one line of `text` in `font`, down from the top of its logical box.
    func baseline(_ text: String, font: FontSpec) -> Double

    /// How many glyphs of `text` no installed font can draw (they would show as boxes).
    func missingGlyphs(_ text: String, font: FontSpec) -> Int

    /// Where each character of `text` starts, from its left edge, in output pixels: element `i` is the
    /// width of the first `i` characters (as laid out together), and one more element at the end is the
    /// whole text's width (as ``measure(_:font:)`` gives it).
    func characterOffsets(_ text: String, font: FontSpec) -> [Double]
}

extension TextMeasuring {
    /// Each prefix measured on its own (a measurer that can do better lays the text out once).
    package func characterOffsets(_ text: String, font: FontSpec) -> [Double] {
        let characters = Array(text)
        return (0...characters.count).map { measure(String(characters[..<$0]), font: font).width }
    }

    /// How many glyphs of `text` no installed font can draw (they show as boxes); 0 by default.
    package func missingGlyphs(_ text: String, font: FontSpec) -> Int { 0 }
}
