package import RefChartScene

/// Text items for pages laid out by hand (summary pages, a report document's cover and footers): measured
/// once here, so every writer draws them where they stand.
package enum SceneText {
    /// A text item with its top-left corner at `origin`.
    package static func run(_ text: String, at origin: Point, _ font: FontSpec, _ color: Color, _ measurer: some TextMeasuring) -> SceneItem {
        .text(
            TextRun(
                text: text, origin: origin, font: font, color: color, size: measurer.measure(text, font: font),
                baseline: measurer.baseline(text, font: font)))
    }

    /// A text item whose right edge is at `right`.
    package static func run(
        _ text: String, right: Double, y: Double, _ font: FontSpec, _ color: Color, _ measurer: some TextMeasuring
    )
        -> SceneItem
    {
        run(text, at: Point(x: right - measurer.measure(text, font: font).width, y: y), font, color, measurer)
    }

    /// `text`, cut with an ellipsis to `width`.
    package static func fitted(_ text: String, _ width: Double, _ font: FontSpec, _ measurer: some TextMeasuring) -> String {
        guard measurer.measure(text, font: font).width > width else { return text }
        var cut = text
        while !cut.isEmpty && measurer.measure(cut + "…", font: font).width > width { cut.removeLast() }
        return cut + "…"
    }
}
