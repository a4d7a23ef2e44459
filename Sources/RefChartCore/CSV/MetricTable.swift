/// What the CSV reader read: the series, and what it detected and did on the way.
public struct MetricTable: Sendable, Hashable {
    /// One series per value column, all sharing the time column.
    public var series: [MetricSeries]
    /// The delimiter found or used.
    public var delimiter: UInt8
    /// The time column's header.
    public var timeColumn: String
    /// The time format found or used.
    public var timeFormat: CSVOptions.TimeFormat
    /// Data rows read (blank lines and the header not counted).
    public var rows: Int
    /// Rows merged into an earlier row with the same timestamp.
    public var duplicates: Int
    /// Lines skipped as unreadable (lenient mode only), in file order.
    public var skippedLines: [Int]
    /// Whether the rows were out of time order in the file and were sorted when read.
    public var wasReordered: Bool
    /// How the time column was found: `named` (`--time-column`), `by name`, or `by content`.
    public var timeColumnRule = "named"
    /// The long file's series column, when rows were split into one series per value.
    public var seriesColumn: String?
    /// Whether the series column was detected (rather than named with `--series-column`).
    public var seriesColumnDetected = false
    /// The first lines whose rows were merged into an earlier row of the same time.
    public var duplicateLines: [Int] = []
    /// The columns the time was combined from (`year`, `month`, `day`, `hour`; a date and a time of day),
    /// or empty when it was read from one column.
    public var timeParts: [String] = []
    /// What the reader decided on the way, in words (lines skipped, columns not drawn, gap values), for
    /// `inspect`.
    public var notes: [String] = []
    /// How rows of the same time were merged: as asked, or `nil` (a few merged as the last row).
    public var duplicatePolicy: CSVOptions.DuplicatePolicy?

    /// Creates a table.
    public init(
        series: [MetricSeries], delimiter: UInt8, timeColumn: String, timeFormat: CSVOptions.TimeFormat,
        rows: Int, duplicates: Int = 0, skippedLines: [Int] = [], wasReordered: Bool = false
    ) {
        self.series = series
        self.delimiter = delimiter
        self.timeColumn = timeColumn
        self.timeFormat = timeFormat
        self.rows = rows
        self.duplicates = duplicates
        self.skippedLines = skippedLines
        self.wasReordered = wasReordered
    }
}
