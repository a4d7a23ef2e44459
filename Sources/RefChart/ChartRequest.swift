import Foundation

/// Everything that describes one chart: where its data and references come from, its window, its look,
/// and where its images go. `refchart render` parses its flags onto one; a report job file holds many.
///
/// Field names are the job-file keys (``ChartKey``), mostly the `render` options in camelCase
/// (`--time-column` → ``timeColumn``). How the chart looks is its ``options`` (``ChartOptions``), whose
/// fields read and write on the request itself (`request.type = .bar`). Every field has a default, so
/// `ChartRequest(csv: "pageviews.csv")` is a whole request. Run it with ``ChartPipeline/render(_:)``.
@dynamicMemberLookup
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
    /// What to do with rows of the same time (default: a few merged as the last, many refused).
    public var duplicates: CSVOptions.DuplicatePolicy?
    /// Skip unreadable rows (and count them) instead of failing.
    public var lenient: Bool
    /// A long file's series column: one series per distinct value (default: detected when times repeat).
    public var seriesColumn: String?
    /// Lines above the header to skip (default: `#` comments and title lines are detected).
    public var skipLines: Int?
    /// Every column's name, for a file whose header is missing or wrong.
    public var columnNames: [String]
    /// More cells to read as gaps, such as `-99.99` (besides `NA`, `N/A`, `null`, `NaN`, `-`, `.`, empty).
    public var naValues: [String]
    /// Draw only these series (a wide file's column names, a long file's series values); empty: all.
    public var series: [String]
    /// Leave out these series.
    public var excludeSeries: [String]

    // MARK: Metrics from OpenPanel's Export API (instead of a CSV)

    /// Events whose counts to draw, one series each, from ``openpanelProject`` (instead of ``csv``).
    public var events: [String]
    /// What to count per bucket: `event` (the default), `user`, `session`, `user_average`, …
    public var segment: String?
    /// The bucket size (default: one that suits the window and the width).
    public var interval: ExportInterval?
    /// The organization's IANA zone, in which the Export API writes its (offset-less) dates (default:
    /// `OPENPANEL_ORG_TIMEZONE`, else UTC).
    public var orgTimezone: ZoneIdentifier?

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
    public var last: RelativeWindow?

    // MARK: Outputs

    /// The formats to render; empty means the ``output`` extension's, or PNG.
    public var formats: [ChartFormat]
    /// Where to write the images: a path with `{name}`, `{format}` and `{date}` placeholders, or `-` for
    /// standard output; `nil` renders to memory only.
    public var output: String?
    /// Where to write the layout report as JSON, or `-` for standard output.
    public var layoutReport: String?
    /// Where to write the whole footnote table: CSV, or Markdown for `.md` (`{name}` and `{date}` allowed).
    public var footnotesFile: String?

    // MARK: Look

    /// How the chart looks (``ChartOptions``); its fields are also the request's (`request.yMin`).
    public var options: ChartOptions

    /// An option of the chart, read and written in place.
    public subscript<Value>(dynamicMember path: WritableKeyPath<ChartOptions, Value>) -> Value {
        get { options[keyPath: path] }
        set { options[keyPath: path] = newValue }
    }

    /// Creates a request; every field not given keeps its default.
    public init(csv: String? = nil, name: String? = nil) {
        self.name = name
        self.csv = csv
        valueColumns = []
        columnNames = []
        naValues = []
        series = []
        excludeSeries = []
        events = []
        lenient = false
        references = []
        categories = []
        excludeCategories = []
        formats = []
        options = ChartOptions()
    }

    /// The keys a request has, as written in job files.
    public typealias CodingKeys = ChartKey

    /// Decodes a request; absent keys keep their defaults.
    ///
    /// Only the keys present are read (a chart of a jobs file gives a few of its ~50): asking for every key
    /// through the decoder's boxes was a quarter of checking a jobs file of 40,000 charts.
    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, keys: decoder.container(keyedBy: CodingKeys.self).allKeys)
    }

    /// Decodes a request from `keys`, the keys `decoder` holds, in the order to read them: a decoder that
    /// knows its keys (a jobs file's) saves the container's `allKeys`, which casts an array of boxed keys
    /// (10 % of checking a jobs file of 40,000 charts).
    public init(from decoder: any Decoder, keys: [ChartKey]) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        for key in keys {
            switch key {
            case .name: name = try c.decodeIfPresent(String.self, forKey: key)
            case .csv: csv = try c.decodeIfPresent(String.self, forKey: key)
            case .timeColumn: timeColumn = try c.decodeIfPresent(String.self, forKey: key)
            case .valueColumns: valueColumns = try c.decodeIfPresent([String].self, forKey: key) ?? valueColumns
            case .delimiter: delimiter = try c.decodeIfPresent(String.self, forKey: key)
            case .timeFormat: timeFormat = try c.decodeIfPresent(CSVOptions.TimeFormat.self, forKey: key)
            case .decimalComma: decimalComma = try c.decodeIfPresent(Bool.self, forKey: key)
            case .duplicates: duplicates = try c.decodeIfPresent(CSVOptions.DuplicatePolicy.self, forKey: key)
            case .lenient: lenient = try c.decodeIfPresent(Bool.self, forKey: key) ?? lenient
            case .seriesColumn: seriesColumn = try c.decodeIfPresent(String.self, forKey: key)
            case .skipLines: skipLines = try c.decodeIfPresent(Int.self, forKey: key)
            case .columnNames: columnNames = try c.decodeIfPresent([String].self, forKey: key) ?? columnNames
            case .naValues: naValues = try c.decodeIfPresent([String].self, forKey: key) ?? naValues
            case .series: series = try c.decodeIfPresent([String].self, forKey: key) ?? series
            case .excludeSeries: excludeSeries = try c.decodeIfPresent([String].self, forKey: key) ?? excludeSeries
            case .events: events = try c.decodeIfPresent([String].self, forKey: key) ?? events
            case .segment: segment = try c.decodeIfPresent(String.self, forKey: key)
            case .interval: interval = try c.decodeIfPresent(ExportInterval.self, forKey: key)
            case .orgTimezone: orgTimezone = try c.decodeIfPresent(ZoneIdentifier.self, forKey: key)
            case .references: references = try c.decodeIfPresent([String].self, forKey: key) ?? references
            case .openpanelProject: openpanelProject = try c.decodeIfPresent(String.self, forKey: key)
            case .categories: categories = try c.decodeIfPresent([String].self, forKey: key) ?? categories
            case .excludeCategories: excludeCategories = try c.decodeIfPresent([String].self, forKey: key) ?? excludeCategories
            case .from: from = try c.decodeIfPresent(String.self, forKey: key)
            case .to: to = try c.decodeIfPresent(String.self, forKey: key)
            case .last: last = try c.decodeIfPresent(RelativeWindow.self, forKey: key)
            case .formats: formats = try c.decodeIfPresent([ChartFormat].self, forKey: key) ?? formats
            case .output: output = try c.decodeIfPresent(String.self, forKey: key)
            case .layoutReport: layoutReport = try c.decodeIfPresent(String.self, forKey: key)
            case .footnotesFile: footnotesFile = try c.decodeIfPresent(String.self, forKey: key)
            default: try options.decode(key, from: c)
            }
        }
    }

    /// Encodes the request under its job-file keys (absent fields left out).
    public func encode(to encoder: any Encoder) throws {
        try options.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(csv, forKey: .csv)
        try c.encodeIfPresent(timeColumn, forKey: .timeColumn)
        try c.encode(valueColumns, forKey: .valueColumns)
        try c.encodeIfPresent(delimiter, forKey: .delimiter)
        try c.encodeIfPresent(timeFormat, forKey: .timeFormat)
        try c.encodeIfPresent(decimalComma, forKey: .decimalComma)
        try c.encodeIfPresent(duplicates, forKey: .duplicates)
        try c.encode(lenient, forKey: .lenient)
        try c.encodeIfPresent(seriesColumn, forKey: .seriesColumn)
        try c.encodeIfPresent(skipLines, forKey: .skipLines)
        try c.encode(columnNames, forKey: .columnNames)
        try c.encode(naValues, forKey: .naValues)
        try c.encode(series, forKey: .series)
        try c.encode(excludeSeries, forKey: .excludeSeries)
        try c.encode(events, forKey: .events)
        try c.encodeIfPresent(segment, forKey: .segment)
        try c.encodeIfPresent(interval, forKey: .interval)
        try c.encodeIfPresent(orgTimezone, forKey: .orgTimezone)
        try c.encode(references, forKey: .references)
        try c.encodeIfPresent(openpanelProject, forKey: .openpanelProject)
        try c.encode(categories, forKey: .categories)
        try c.encode(excludeCategories, forKey: .excludeCategories)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encodeIfPresent(to, forKey: .to)
        try c.encodeIfPresent(last, forKey: .last)
        try c.encode(formats, forKey: .formats)
        try c.encodeIfPresent(output, forKey: .output)
        try c.encodeIfPresent(layoutReport, forKey: .layoutReport)
        try c.encodeIfPresent(footnotesFile, forKey: .footnotesFile)
    }
}
