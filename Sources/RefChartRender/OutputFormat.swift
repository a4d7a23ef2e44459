package import RefChartScene

/// What the renderer writes: a PNG at a device-pixel scale, an SVG whose text is `<text>` or outlines, or a
/// PDF. Each format carries only the settings that mean something for it.
package enum OutputFormat: Sendable, Hashable {
    /// A PNG with `scale` device pixels per output pixel (2 for HiDPI).
    case png(scale: Double)
    /// An SVG, its text as ``SVGTextMode`` says.
    case svg(text: SVGTextMode)
    /// A PDF page at 96 px to the inch.
    case pdf
}
