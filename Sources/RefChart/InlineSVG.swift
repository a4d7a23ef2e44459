import RefChartRender
package import RefChartScene

/// A chart as an `<svg>` element (real text, `<title>` hovers) for a page that holds several: an HTML
/// report.
package enum InlineSVG {
    /// `scene`'s element, its ids starting with `idPrefix` so they stay unique on the page.
    package static func element(_ scene: Scene, idPrefix: String) -> String { ChartRenderer.inlineSVG(scene, idPrefix: idPrefix) }
}
