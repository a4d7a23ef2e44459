/// What the reader decided from a file's first rows before reading them all: where the header is, the
/// column names, the time column (or the date parts it is written over), and the columns not drawn.
struct CSVPlan: Sendable {
    /// A column whose values read as times, with what the first rows say about it.
    struct TimeCandidate: Sendable, Hashable {
        let field: Int
        let name: String
        /// Seconds from the earliest to the latest time in the first rows.
        let span: Double
        /// Distinct times in the first rows.
        let distinct: Int
    }

    var delimiter: UInt8
    /// Records starting before this line are not read: comments, titles, `--skip-lines`, a replaced header.
    var firstLine = 1
    /// The column names, when decided here (the header found, or `--column-names`); `nil` takes the first
    /// record read as the header.
    var names: [String]?
    /// The time column chosen by content; `nil` when it was named, or no row was seen to choose from.
    var timeField: Int?
    /// Why that column: "by content: …", shown by `inspect`.
    var timeRule: String?
    /// The date parts the time is combined from, instead of one column.
    var parts: CSVDateParts?
    /// A column of times of day (`17:24:00`) added to a date-only time column.
    var timeOfDayField: Int?
    /// Columns not drawn unless named with `--value-column`, and why.
    var skippedColumns: [Int: String] = [:]
    /// Every column whose values read as times, best first.
    var timeCandidates: [TimeCandidate] = []
    /// What was skipped and decided, in words, for `inspect`.
    var notes: [String] = []

    /// The fields the time is read from.
    var timeFields: Set<Int> {
        var fields = Set(parts?.used ?? [])
        if let timeField { fields.insert(timeField) }
        if let timeOfDayField { fields.insert(timeOfDayField) }
        return fields
    }
}
