package import RefChartScene

/// Colours and fonts of a chart.
package struct Theme: Sendable, Hashable {
    package var name: String
    package var background: Color
    package var text: Color
    package var mutedText: Color
    package var axis: Color
    package var grid: Color
    /// Series colours, used in order.
    package var series: [Color]
    /// Reference colours by category, used in order of first appearance; uncategorised use the first.
    /// Ten hues apart from the series' colours, each at least 4.5:1 against the background (WCAG AA), so
    /// label text in them stays readable in print.
    package var references: [Color]
    /// Reference colours for charts with many series (``ReferencePalette/manySeries``), after one accent:
    /// two greys ≥ 10 apart (CIEDE2000, in every vision: greys hardly shift under colour blindness), ≥ 20
    /// from every series colour and ≥ 4.5:1 against the background. (A third grey that far from both and
    /// from the series does not exist: the light series reach down to L* 48, the dark ones up to L* 83.)
    package var neutralReferences: [Color]
    package var fontFamily: String
    /// Impact numbers: a rise, a fall (both at least 4.5:1 against the background).
    package var positive: Color
    package var negative: Color

    /// Dark text on white, for print and email.
    package static let light = Theme(
        name: "light", background: Color(hex: 0xFFFFFF), text: Color(hex: 0x1F2328),
        mutedText: Color(hex: 0x59636E), axis: Color(hex: 0x8C959F), grid: Color(hex: 0xE6E9ED),
        series: [0x2563EB, 0x16A34A, 0xEA580C, 0x9333EA, 0x0891B2, 0xDB2777].map { Color(hex: $0) },
        references: [0xC2410C, 0x7C3AED, 0x0F766E, 0xB91C1C, 0x4D7C0F, 0xA16207, 0xA21CAF, 0x475569, 0x854D0E, 0x1E3A8A].map { Color(hex: $0) },
        neutralReferences: [0x2B2F36, 0x52575F].map { Color(hex: $0) },
        fontFamily: "DejaVu Sans", positive: Color(hex: 0x15803D), negative: Color(hex: 0xB91C1C))

    /// Light text on near-black, for dashboards and slides.
    package static let dark = Theme(
        name: "dark", background: Color(hex: 0x111418), text: Color(hex: 0xE6EDF3),
        mutedText: Color(hex: 0x9DA7B3), axis: Color(hex: 0x5B6570), grid: Color(hex: 0x262C33),
        series: [0x60A5FA, 0x4ADE80, 0xFB923C, 0xC084FC, 0x22D3EE, 0xF472B6].map { Color(hex: $0) },
        references: [0xFDBA74, 0xC4B5FD, 0x5EEAD4, 0xFCA5A5, 0xBEF264, 0xFDE047, 0xF0ABFC, 0xCBD5E1, 0xE7C9A9, 0x93C5FD].map { Color(hex: $0) },
        neutralReferences: [0xF1F3F5, 0xC0C5CC].map { Color(hex: $0) },
        fontFamily: "DejaVu Sans", positive: Color(hex: 0x4ADE80), negative: Color(hex: 0xFCA5A5))
}
