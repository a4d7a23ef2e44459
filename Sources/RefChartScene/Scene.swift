/// Everything the renderer draws, as plain values: no Cairo, no Pango, no references to the input.
///
/// The layout produces it; any renderer (Cairo raster, SVG, PDF) paints it in order.
package struct Scene: Sendable, Hashable, Codable {
    /// The image size in output pixels (before a HiDPI scale factor).
    package var size: Size
    package var background: Color
    package var items: [SceneItem]
    /// Text for screen readers: the chart's title.
    package var accessibleTitle: String
    /// Text for screen readers: what the chart shows and the list of references.
    package var accessibleDescription: String
    /// The instant the document is dated (a PDF's creation date), in seconds since the epoch: the end of
    /// the chart's time range, so the same chart always gives the same bytes.
    package var documentDate: Double
    /// For a paged document (PDF): the page height; the scene is its pages stacked.
    package var pageHeight: Double?
    /// The chart's time window (seconds since the epoch), for a report document's period; `nil` for pages
    /// that are not time series.
    package var timeWindow: ClosedRange<Double>?

    package init(
        size: Size, background: Color, items: [SceneItem] = [], accessibleTitle: String = "",
        accessibleDescription: String = "", documentDate: Double = 0
    ) {
        self.documentDate = documentDate
        self.size = size
        self.background = background
        self.items = items
        self.accessibleTitle = accessibleTitle
        self.accessibleDescription = accessibleDescription
    }
}
