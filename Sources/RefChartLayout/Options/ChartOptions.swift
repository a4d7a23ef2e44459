public import Foundation
public import RefChartCore
public import RefChartScene

/// Everything that shapes how a chart looks: its type, axes, stacking, buckets, impact numbers,
/// footnotes, theme and sizes. One value, held as it is by a ``ChartRequest`` (the CLI and job files), a
/// `Chart` (the library) and the layout, so an option is declared once and cannot be lost on the way.
///
/// Field names are the job-file keys (``ChartKey``) and the `render` flags in camelCase (`--y-min` →
/// ``yMin``). Every field has a default: `ChartOptions()` is a whole set.
///
/// Adding an option: a field here with its default, its row in ``fields`` (which decodes and encodes it),
/// its check in ``validate()`` if it has one, a flag in `refchart render`, its use, its README line
/// (`CONTRIBUTING.md` has the checklist; `OptionParityTests` fails until all are there).
public struct ChartOptions: Sendable, Hashable {
    /// The smallest and largest width or height accepted, in output pixels.
    public static let sizeRange = 100...16_384
    /// The HiDPI scale factors accepted for PNG.
    public static let scaleRange = 0.25...8.0

    /// The title drawn at the top; empty for none.
    public var title = ""
    /// The width in output pixels.
    public var width = 1200
    /// The height in output pixels (the image grows only for footnotes).
    public var height = 600
    /// Device pixels per output pixel for PNG (2 for HiDPI); vector formats ignore it.
    public var scale = 1.0
    /// Light or dark colours.
    public var theme = ChartTheme.light
    /// The zone of axis labels, footnote dates and times written without an offset; `nil` leaves it to the
    /// request's rule (``ChartRequest/zone()``: an export's organisation zone, else UTC).
    public var timezone: ZoneIdentifier?
    /// Lines, areas or bars.
    public var type = ChartType.line
    /// Areas or bars stacked on one another.
    public var stacked = false
    /// Draw lines across gaps in the data; by default a line breaks where a step between points is more than
    /// 5× the series' median step (``GapBreaks``).
    public var connectGaps = false
    /// The bar width (`1d`); `nil` uses the data's interval.
    public var bucket: RelativeWindow?
    /// The value axis's title, with its unit (`Pageviews per hour`).
    public var yLabel: String?
    /// The value axis's lower bound (default: zero for counts near it, else zoomed to the data).
    public var yMin: Double?
    /// The value axis's upper bound (default: the data's nice top).
    public var yMax: Double?
    /// A logarithmic value axis: equal ratios take equal heights; values ≤ 0 are left out.
    public var log = false
    /// Names of series drawn against a second value axis at the plot's right (line charts).
    public var rightAxis: [String] = []
    /// Only references of these categories compete for labels; the rest are drawn in the rug and listed in
    /// the footnotes (empty: every category competes).
    public var labelCategories: [String] = []
    /// Series colours by name, each `NAME=#rrggbb` (the others keep the theme's, in order).
    public var seriesColors: [String] = []
    /// Impact numbers: each reference's effect on the measured series, after its label and in its footnote.
    public var impact = false
    /// The window each side of a reference for impact numbers.
    public var impactWindow = RelativeWindow("7d")!
    /// The series impact numbers measure (default: the first).
    public var impactSeries: String?
    /// How the footnote table lists references that got a badge or a cut label.
    public var footnotes = FootnoteMode.auto
    /// The tallest the image may grow for footnotes, in pixels (default: 4× ``height``).
    public var maxHeight: Int?
    /// How an SVG holds its text: `<text>` elements or glyph outlines.
    public var svgText = SVGTextMode.text

    /// The defaults.
    public init() {}

    /// The display zone: ``timezone``, or UTC.
    public var zone: TimeZone { timezone?.zone ?? ZoneIdentifier.utc.zone }
}
