public import Foundation

/// How to read a metrics CSV file.
public struct CSVOptions: Sendable, Hashable {
    /// How the time column's values are written.
    public enum TimeFormat: Sendable, Hashable, Codable, RawRepresentable {
        /// ISO 8601 with a time (`2024-01-15T10:00:00Z`, offsets, or a wall-clock time in ``CSVOptions/zone``).
        case iso8601
        /// Dates only (`2024-01-15`), midnight in ``CSVOptions/zone``.
        case date
        /// Seconds since the Unix epoch.
        case epochSeconds
        /// Milliseconds since the Unix epoch.
        case epochMilliseconds
        /// Day before month: `15/01/2024`, `15.01.2024`, `15-01-2024 10:00`.
        case dayFirst
        /// Month before day: `01/15/2024`.
        case monthFirst
        /// Written dates: `Jan 1 2000`, `15 Jan 2024`, RFC 2822, `2010/01/01 00:00`, `2024-01-15 10:00:00 UTC`.
        case written
        /// `2024-01`: the month's first day.
        case yearMonth
        /// `2024-W03`: the week's Monday.
        case isoWeek
        /// `2017`: the year's first day.
        case year
        /// A strftime pattern such as `%d/%m/%Y %H:%M` (see ``TimePattern``).
        case pattern(String)

        /// The named formats, as written on the command line.
        public static let names = [
            "iso8601", "date", "epoch-s", "epoch-ms", "day-first", "month-first", "written", "year-month", "iso-week", "year",
        ]

        /// A name from ``names``, or a pattern with at least one `%` field.
        public init?(rawValue: String) {
            switch rawValue {
            case "iso8601", "iso": self = .iso8601
            case "date": self = .date
            case "epoch-s", "epoch": self = .epochSeconds
            case "epoch-ms": self = .epochMilliseconds
            case "day-first": self = .dayFirst
            case "month-first": self = .monthFirst
            case "written": self = .written
            case "year-month": self = .yearMonth
            case "iso-week": self = .isoWeek
            case "year": self = .year
            default:
                guard rawValue.contains("%"), TimePattern(rawValue) != nil else { return nil }
                self = .pattern(rawValue)
            }
        }

        /// The format's name, or the pattern.
        public var rawValue: String {
            switch self {
            case .iso8601: return "iso8601"
            case .date: return "date"
            case .epochSeconds: return "epoch-s"
            case .epochMilliseconds: return "epoch-ms"
            case .dayFirst: return "day-first"
            case .monthFirst: return "month-first"
            case .written: return "written"
            case .yearMonth: return "year-month"
            case .isoWeek: return "iso-week"
            case .year: return "year"
            case .pattern(let pattern): return pattern
            }
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let format = Self(rawValue: text) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription:
                            "Cannot initialize TimeFormat from invalid String value \(text): use one of \(Self.names.joined(separator: ", ")) or a pattern such as %d/%m/%Y %H:%M"
                    ))
            }
            self = format
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// What to do when two rows have the same timestamp.
    public enum DuplicatePolicy: String, Sendable, Hashable, CaseIterable, Codable {
        /// The later row in the file wins (what a few repeats get when no policy is asked for).
        case last
        /// The earlier row in the file wins.
        case first
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
    /// What to do with duplicate timestamps; `nil` (not asked) merges a few like ``DuplicatePolicy/last``
    /// and refuses a file where many rows share a time that no text column explains.
    public var duplicates: DuplicatePolicy?
    /// Skip unreadable rows (and count them) instead of stopping at the first.
    public var lenient: Bool
    /// A long ("tidy") file's series column: one series per distinct value. `nil` detects one when times
    /// repeat and a text column tells the repeated rows apart.
    public var seriesColumn: String?
    /// Lines to skip above the header; `nil` skips `#` comments and title lines detected by their field
    /// count.
    public var skipLines: Int?
    /// The column names, for a file whose header is missing or wrong (its header line, if any, is skipped).
    public var columnNames: [String]
    /// Cells read as gaps besides the usual ones (`NA`, `N/A`, `null`, `NaN`, `-`, `.`, empty): numbers
    /// such as `-99.99` match by value, words by text (any case).
    public var naValues: [String]
    /// Reduce long series while reading, so memory does not grow with the file; `nil` keeps every point.
    public var reduction: SeriesReduction?

    /// Creates reader options; every default reads a typical export.
    public init(
        delimiter: UInt8? = nil, timeColumn: String? = nil, valueColumns: [String] = [],
        timeFormat: TimeFormat? = nil, zone: TimeZone = .gmt, decimalComma: Bool? = nil,
        duplicates: DuplicatePolicy? = nil, lenient: Bool = false, seriesColumn: String? = nil,
        skipLines: Int? = nil, columnNames: [String] = [], naValues: [String] = []
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
        self.skipLines = skipLines
        self.columnNames = columnNames
        self.naValues = naValues
    }

    /// Column names tried, in order (any case), when no time column is named; after them, the first
    /// column whose values all read as times.
    public static let timeColumnNames = [
        "timestamp", "time", "date", "ts", "datetime", "day", "hour", "created_at", "createdat", "created", "period",
        "month", "week", "year", "date_time", "event_time", "time_stamp",
    ]
}

extension CSVOptions.TimeFormat {
    /// The format in a sentence: "an ISO 8601 timestamp".
    var noun: String {
        switch self {
        case .iso8601: return "an ISO 8601 timestamp"
        case .date: return "a date (YYYY-MM-DD)"
        case .epochSeconds: return "an epoch time in seconds"
        case .epochMilliseconds: return "an epoch time in milliseconds"
        case .dayFirst: return "a day-first date (15/01/2024)"
        case .monthFirst: return "a month-first date (01/15/2024)"
        case .written: return "a written date (Jan 15 2024, 15 Jan 2024, 2024/01/15 10:00)"
        case .yearMonth: return "a year-month (2024-01)"
        case .isoWeek: return "an ISO week (2024-W03)"
        case .year: return "a year (2017)"
        case .pattern(let pattern): return "a time in the form \(pattern)"
        }
    }

    /// Every form detection tries, for an error about a time that fits none.
    static let formsTried =
        "ISO 8601 (2024-01-15T10:00:00Z), epoch seconds or milliseconds, 2010/01/01 00:00, "
        + "15/01/2024 or 01/15/2024, 15.01.2024, Jan 1 2000, 15 Jan 2024, Mon, 15 Jan 2024 10:00:00 GMT, 2024-W03, "
        + "2024-01, 2017"
}
