/// How an SVG holds its text.
public enum SVGTextMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// `<text>` elements: selectable, searchable, read by screen readers, restyled by CSS; a viewer
    /// without the chart's font draws them in a look-alike held to the measured widths.
    case text
    /// Glyph outlines drawn by Cairo: exactly the PNG's glyphs in any viewer, but not text.
    case outline
}
