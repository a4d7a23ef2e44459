import ArgumentParser
import Foundation
import RefChart

/// The CSV reader's flags, shared by `render` and `inspect`.
struct CSVReaderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The metrics CSV: a file, - for standard input, or an http(s) URL (or use --event).", valueName: "file"))
    var csv: String?

    @Option(
        name: .customLong("event"),
        help: ArgumentHelp("Draw this event's counts from OpenPanel's Export API instead of a CSV; repeat for several.", valueName: "name"))
    var events: [String] = []

    @Option(help: ArgumentHelp("What --event counts per bucket: event (default), user, session, user_average, …", valueName: "segment"))
    var segment: String?

    @Option(help: "The bucket of --event series (default: one that suits the window and the width).")
    var interval: ExportInterval?

    @Option(
        help: ArgumentHelp(
            "The OpenPanel organization's IANA zone, in which the Export API writes dates (default: $OPENPANEL_ORG_TIMEZONE or UTC).",
            valueName: "zone"))
    var orgTimezone: String?

    @Option(
        help: ArgumentHelp(
            "The time column (default: one named like a time — timestamp, time, date, month, year, … — else the first whose values read as times).",
            valueName: "name"))
    var timeColumn: String?

    @Option(help: ArgumentHelp("A value column to read; repeat for several (default: every numeric column).", valueName: "name"))
    var valueColumn: [String] = []

    @Option(
        help: ArgumentHelp("A long file's series column: one series per distinct value (default: detected when times repeat).", valueName: "name"))
    var seriesColumn: String?

    @Option(help: ArgumentHelp("The delimiter: , ; or tab (default: sniffed from the header).", valueName: "char"))
    var delimiter: String?

    @Option(
        help: ArgumentHelp(
            "How times are written: a named form or a strftime pattern such as %d/%m/%Y %H:%M (default: detected).", valueName: "format"))
    var timeFormat: CSVOptions.TimeFormat?

    @Flag(inversion: .prefixedNo, help: "Read 12,5 as 12.5 (default: sniffed from the values of ;-delimited files).")
    var decimalComma: Bool?

    @Option(
        help: ArgumentHelp(
            "Merge rows with the same time: last, first, sum, mean, or error (default: a few merged as last; many refused).",
            valueName: "policy"))
    var duplicates: CSVOptions.DuplicatePolicy?

    @Flag(help: "Skip unreadable rows (and say how many) instead of stopping at the first.")
    var lenient = false

    @Option(help: ArgumentHelp("Lines above the header to skip (default: # comments and title lines are detected).", valueName: "n"))
    var skipLines: Int?

    @Option(
        help: ArgumentHelp("Every column's name, comma-separated, for a file whose header is missing or wrong.", valueName: "a,b,c"))
    var columnNames: String?

    @Option(
        help: ArgumentHelp(
            "More cells to read as gaps, comma-separated, such as -99.99,-9.99 (NA, N/A, null, NaN, -, . and empty always are).", valueName: "list"))
    var naValues: String?

    @Option(
        help: ArgumentHelp(
            "Draw only this series (a column of a wide file, a value of a long file's series column); repeat for several.", valueName: "name"))
    var series: [String] = []

    @Option(help: ArgumentHelp("Leave out this series; repeat for several.", valueName: "name"))
    var excludeSeries: [String] = []

    /// A request holding these flags.
    func request() throws -> ChartRequest {
        var request = ChartRequest(csv: csv)
        request.events = events
        request.segment = segment
        request.interval = interval
        request.orgTimezone = try zone(orgTimezone, .orgTimezone)
        request.timeColumn = timeColumn
        request.valueColumns = valueColumn
        request.seriesColumn = seriesColumn
        request.delimiter = delimiter
        request.timeFormat = timeFormat
        request.decimalComma = decimalComma
        request.duplicates = duplicates
        request.lenient = lenient
        request.skipLines = skipLines
        request.columnNames = list(columnNames)
        request.naValues = list(naValues)
        request.series = series
        request.excludeSeries = excludeSeries
        return request
    }
}

/// A comma-separated flag value as its items, spaces around them trimmed.
private func list(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Checks a request built from flags, naming the flag at fault (a usage error, exit 64).
func validating(_ request: ChartRequest) throws {
    do {
        try request.validate()
    } catch let error as ChartRequestError {
        throw ValidationError(error.message(spelling: .flags))
    }
}

/// Prints `refchart: warning: …` to standard error, control characters escaped as in ``fail(_:status:)``.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("refchart: warning: \(withInvisiblesEscaped(message))\n".utf8))
}
