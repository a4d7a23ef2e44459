import Foundation

/// Everything that describes one chart: where its data and references come from, its window, its look,
/// and where its images go. `refchart render` parses its flags onto one; a report job file holds many.
///
/// Field names are the `render` options in camelCase (`--time-column` → ``timeColumn``), and mean the
/// same. Every field has a default, so `ChartRequest(csv: "pageviews.csv")` is a whole request.
/// Run it with ``ChartPipeline/render(_:)``.
public struct ChartRequest: Sendable, Hashable, Codable {
    /// A name for the chart (`[A-Za-z0-9._-]`): the `{name}` in ``output``, and how reports name it.
    public var name: String?

    // MARK: Data

    /// The metrics CSV: a path, `-` for standard input, or an http(s) URL.
    public var csv: String?
    /// The time column (default: found by name).
    public var timeColumn: String?
    /// The value columns to draw (default: every numeric column).
    public var valueColumns: [String]
    /// The delimiter: `,`, `;` or `tab` (default: sniffed).
    public var delimiter: String?
    /// How times are written (default: detected).
    public var timeFormat: CSVOptions.TimeFormat?
    /// Whether `12,5` means 12.5 (default: on for `;`-delimited files).
    public var decimalComma: Bool?
    /// What to do with rows of the same time.
    public var duplicates: CSVOptions.DuplicatePolicy
    /// Skip unreadable rows (and count them) instead of failing.
    public var lenient: Bool
    /// A long file's series column: one series per distinct value (default: detected when times repeat).
    public var seriesColumn: String?

    // MARK: Metrics from OpenPanel's Export API (instead of a CSV)

    /// Events whose counts to draw, one series each, from ``openpanelProject`` (instead of ``csv``).
    public var events: [String]
    /// What to count per bucket: `event` (the default), `user`, `session`, `user_average`, …
    public var segment: String?
    /// The bucket size (default: one that suits the window and the width).
    public var interval: ExportInterval?
    /// The organization's IANA zone, in which the Export API writes its (offset-less) dates (default:
    /// `OPENPANEL_ORG_TIMEZONE`, else UTC).
    public var orgTimezone: String?

    // MARK: References

    /// Local references files (`{"data": [...]}` or a plain array).
    public var references: [String]
    /// An OpenPanel project whose references are drawn too.
    public var openpanelProject: String?
    /// Draw only references of these categories (empty: all).
    public var categories: [String]
    /// Leave out references of these categories.
    public var excludeCategories: [String]

    // MARK: Window and zone

    /// The window's start (ISO 8601; a date or time without an offset is read in ``timezone``).
    public var from: String?
    /// The window's end (default: the data's end, or now with ``last``).
    public var to: String?
    /// A window ending at ``to`` (or now): `90min`, `12h`, `30d`, `6w`, `3mo`, `1y`.
    public var last: String?
    /// The IANA zone for axis labels, footnote dates and times written without an offset.
    public var timezone: String

    // MARK: Image

    /// The title drawn at the top; empty for none.
    public var title: String
    /// The width in output pixels.
    public var width: Int
    /// The height in output pixels (the image grows only for footnotes).
    public var height: Int
    /// Device pixels per output pixel for PNG (2 for HiDPI).
    public var scale: Double
    /// Light or dark colours.
    public var theme: ChartTheme
    /// The formats to render; empty means the ``output`` extension's, or PNG.
    public var formats: [ChartFormat]
    /// Where to write the images: a path with `{name}`, `{format}` and `{date}` placeholders, or `-` for
    /// standard output; `nil` renders to memory only.
    public var output: String?
    /// Where to write the layout report as JSON, or `-` for standard output.
    public var layoutReport: String?
    /// How the footnote table lists references that got a badge (default: each its own row).
    public var footnotes: FootnoteMode
    /// The tallest the image may grow for footnotes, in pixels (default: 4× ``height``).
    public var maxHeight: Int?
    /// Where to write the whole footnote table: CSV, or Markdown for `.md` (`{name}` and `{date}` allowed).
    public var footnotesFile: String?
    /// How an SVG holds its text: `<text>` elements (default) or glyph outlines.
    public var svgText: SVGTextMode
    /// Lines, areas or bars.
    public var type: ChartType
    /// Areas or bars stacked on one another.
    public var stacked: Bool
    /// The bar width as a duration (`1d`); default: the data's interval.
    public var bucket: String?
    /// The value axis's title, with its unit.
    public var yLabel: String?
    /// The value axis's lower bound (default: zero for counts near it, else zoomed to the data).
    public var yMin: Double?
    /// The value axis's upper bound.
    public var yMax: Double?
    /// A logarithmic value axis (values ≤ 0 are left out, with a warning).
    public var log: Bool
    /// Series drawn against a second value axis at the right (line charts).
    public var rightAxis: [String]
    /// Impact numbers: each reference's effect on the measured series, after its label and in its footnote.
    public var impact: Bool
    /// The window each side of a reference for impact numbers (default `7d`).
    public var impactWindow: String
    /// The series impact numbers measure (default: the first).
    public var impactSeries: String?

    /// Creates a request; every field not given keeps its default.
    public init(csv: String? = nil, name: String? = nil) {
        self.name = name
        self.csv = csv
        valueColumns = []
        events = []
        duplicates = .last
        lenient = false
        references = []
        categories = []
        excludeCategories = []
        footnotes = .auto
        impact = false
        type = .line
        svgText = .text
        stacked = false
        log = false
        rightAxis = []
        impactWindow = "7d"
        timezone = "UTC"
        title = ""
        width = 1200
        height = 600
        scale = 1
        theme = .light
        formats = []
    }

    /// The keys a request has, as written in job files.
    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        case name, csv, timeColumn, valueColumns, seriesColumn, delimiter, timeFormat, decimalComma, duplicates, lenient
        case events, segment, interval, orgTimezone
        case references, openpanelProject, categories, excludeCategories, from, to, last, timezone
        case title, width, height, scale, theme, formats, output, layoutReport, footnotes, maxHeight, footnotesFile
        case impact, impactWindow, impactSeries, type, stacked, bucket, yLabel, yMin, yMax, log, rightAxis, svgText
    }

    /// Decodes a request; absent keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try c.decodeIfPresent(String.self, forKey: .name)
        csv = try c.decodeIfPresent(String.self, forKey: .csv)
        timeColumn = try c.decodeIfPresent(String.self, forKey: .timeColumn)
        valueColumns = try c.decodeIfPresent([String].self, forKey: .valueColumns) ?? valueColumns
        delimiter = try c.decodeIfPresent(String.self, forKey: .delimiter)
        timeFormat = try c.decodeIfPresent(CSVOptions.TimeFormat.self, forKey: .timeFormat)
        decimalComma = try c.decodeIfPresent(Bool.self, forKey: .decimalComma)
        duplicates = try c.decodeIfPresent(CSVOptions.DuplicatePolicy.self, forKey: .duplicates) ?? duplicates
        lenient = try c.decodeIfPresent(Bool.self, forKey: .lenient) ?? lenient
        seriesColumn = try c.decodeIfPresent(String.self, forKey: .seriesColumn)
        events = try c.decodeIfPresent([String].self, forKey: .events) ?? events
        segment = try c.decodeIfPresent(String.self, forKey: .segment)
        interval = try c.decodeIfPresent(ExportInterval.self, forKey: .interval)
        orgTimezone = try c.decodeIfPresent(String.self, forKey: .orgTimezone)
        references = try c.decodeIfPresent([String].self, forKey: .references) ?? references
        openpanelProject = try c.decodeIfPresent(String.self, forKey: .openpanelProject)
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? categories
        excludeCategories = try c.decodeIfPresent([String].self, forKey: .excludeCategories) ?? excludeCategories
        from = try c.decodeIfPresent(String.self, forKey: .from)
        to = try c.decodeIfPresent(String.self, forKey: .to)
        last = try c.decodeIfPresent(String.self, forKey: .last)
        timezone = try c.decodeIfPresent(String.self, forKey: .timezone) ?? timezone
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? title
        width = try c.decodeIfPresent(Int.self, forKey: .width) ?? width
        height = try c.decodeIfPresent(Int.self, forKey: .height) ?? height
        scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? scale
        theme = try c.decodeIfPresent(ChartTheme.self, forKey: .theme) ?? theme
        formats = try c.decodeIfPresent([ChartFormat].self, forKey: .formats) ?? formats
        output = try c.decodeIfPresent(String.self, forKey: .output)
        layoutReport = try c.decodeIfPresent(String.self, forKey: .layoutReport)
        footnotes = try c.decodeIfPresent(FootnoteMode.self, forKey: .footnotes) ?? footnotes
        maxHeight = try c.decodeIfPresent(Int.self, forKey: .maxHeight)
        footnotesFile = try c.decodeIfPresent(String.self, forKey: .footnotesFile)
        impact = try c.decodeIfPresent(Bool.self, forKey: .impact) ?? impact
        impactWindow = try c.decodeIfPresent(String.self, forKey: .impactWindow) ?? impactWindow
        impactSeries = try c.decodeIfPresent(String.self, forKey: .impactSeries)
        type = try c.decodeIfPresent(ChartType.self, forKey: .type) ?? type
        svgText = try c.decodeIfPresent(SVGTextMode.self, forKey: .svgText) ?? svgText
        stacked = try c.decodeIfPresent(Bool.self, forKey: .stacked) ?? stacked
        bucket = try c.decodeIfPresent(String.self, forKey: .bucket)
        yLabel = try c.decodeIfPresent(String.self, forKey: .yLabel)
        yMin = try c.decodeIfPresent(Double.self, forKey: .yMin)
        yMax = try c.decodeIfPresent(Double.self, forKey: .yMax)
        log = try c.decodeIfPresent(Bool.self, forKey: .log) ?? log
        rightAxis = try c.decodeIfPresent([String].self, forKey: .rightAxis) ?? rightAxis
    }
}
