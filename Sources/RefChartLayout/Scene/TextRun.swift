/// One line of text, already measured and positioned by the layout.
package struct TextRun: Sendable, Hashable {
    package var text: String
    /// The top-left corner of the text's logical box.
    package var origin: Point
    package var font: FontSpec
    package var color: Color

    package init(text: String, origin: Point, font: FontSpec, color: Color) {
        self.text = text
        self.origin = origin
        self.font = font
        self.color = color
    }
}
