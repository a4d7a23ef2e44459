/// One line of text, measured and positioned by the layout: writers draw it where it stands without
/// measuring it again (the SVG writer places `<text>` on its baseline and holds it to its width).
package struct TextRun: Sendable, Hashable, Codable {
    package var text: String
    /// The top-left corner of the text's logical box.
    package var origin: Point
    package var font: FontSpec
    package var color: Color
    /// The logical box's size, as the layout measured it.
    package var size: Size
    /// The first baseline, down from the top of the logical box.
    package var baseline: Double

    package init(text: String, origin: Point, font: FontSpec, color: Color, size: Size, baseline: Double) {
        self.text = text
        self.origin = origin
        self.font = font
        self.color = color
        self.size = size
        self.baseline = baseline
    }
}
