public import Foundation

/// How to read a metrics CSV file.
public struct CSVOptions: Sendable, Hashable {
    /// How the time column's values are written.
    public enum TimeFormat: String, Sendable, Hashable, CaseIterable, Codable {
        /// ISO 8601 with a time (`2024-01-15T10:00:00Z`, offsets, or a wall-clock time in ``CSVOptions/zone``).
        case iso8601
        /// Dates only (`2024-01-15`), midnight in ``CSVOptions/zone``.
        case date
        /// Seconds since the Unix epoch.
        case epochSeconds = "epoch-s"
        /// Milliseconds since the Unix epoch.
        case epochMilliseconds = "epoch-ms"
    }

    /// What to do when two rows have the same timestamp.
    public enum DuplicatePolicy: String, Sendable, Hashable, CaseIterable, Codable {
        /// The later row in the file wins (the default).
        case last
        /// Values are added.
        case sum
        /// Values are averaged.
        case mean
        /// A duplicate is an error.
        case error
    }

    /// The delimiter, or `nil` to sniff `,`, `;` or tab from the header.
    public var delimiter: UInt8?
    /// The time column's name, or `nil` to look for `timestamp`, `time`, `date`, `ts`, `datetime`, `day`, `hour`.
    public var timeColumn: String?
    /// The value columns to read; empty reads every numeric column.
    public var valueColumns: [String]
    /// The format of the time column, or `nil` to detect it from the first row.
    public var timeFormat: TimeFormat?
    /// The zone for timestamps written without an offset.
    public var zone: TimeZone
    /// Whether `12,5` means 12.5; `nil` turns it on for `;`-delimited files.
    public var decimalComma: Bool?
    /// What to do with duplicate timestamps.
    public var duplicates: DuplicatePolicy
    /// Skip unreadable rows (and count them) instead of stopping at the first.
    public var lenient: Bool
    /// A long ("tidy") file's series column: one series per distinct value. `nil` detects one when times
    /// repeat and a text column tells the repeated rows apart.
    public var seriesColumn: String?

    /// Creates reader options; every default reads a typical export.
    public init(
        delimiter: UInt8? = nil, timeColumn: String? = nil, valueColumns: [String] = [],
        timeFormat: TimeFormat? = nil, zone: TimeZone = .gmt, decimalComma: Bool? = nil,
        duplicates: DuplicatePolicy = .last, lenient: Bool = false, seriesColumn: String? = nil
    ) {
        self.delimiter = delimiter
        self.timeColumn = timeColumn
        self.valueColumns = valueColumns
        self.timeFormat = timeFormat
        self.zone = zone
        self.decimalComma = decimalComma
        self.duplicates = duplicates
        self.lenient = lenient
        self.seriesColumn = seriesColumn
    }

    /// Column names tried, in order, when no time column is named.
    public static let timeColumnNames = ["timestamp", "time", "date", "ts", "datetime", "day", "hour"]
}

extension CSVOptions.TimeFormat {
    /// The format in a sentence: "an ISO 8601 timestamp".
    var noun: String {
        switch self {
        case .iso8601: return "an ISO 8601 timestamp"
        case .date: return "a date (YYYY-MM-DD)"
        case .epochSeconds: return "an epoch time in seconds"
        case .epochMilliseconds: return "an epoch time in milliseconds"
        }
    }
}
