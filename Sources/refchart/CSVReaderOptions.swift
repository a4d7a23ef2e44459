import ArgumentParser
import Foundation
import RefChart

/// The CSV reader's flags, shared by `render` and `inspect`.
struct CSVReaderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The metrics CSV: a file, - for standard input, or an http(s) URL.", valueName: "file"))
    var csv: String

    @Option(help: ArgumentHelp("The time column (default: one named like a time — timestamp, time, date, month, year, … — else the first whose values read as times).", valueName: "name"))
    var timeColumn: String?

    @Option(help: ArgumentHelp("A value column to read; repeat for several (default: every numeric column).", valueName: "name"))
    var valueColumn: [String] = []

    @Option(help: ArgumentHelp("A long file's series column: one series per distinct value (default: detected when times repeat).", valueName: "name"))
    var seriesColumn: String?

    @Option(help: ArgumentHelp("The delimiter: , ; or tab (default: sniffed from the header).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("How times are written: a named form or a strftime pattern such as %d/%m/%Y %H:%M (default: detected).", valueName: "format"))
    var timeFormat: CSVOptions.TimeFormat?

    @Flag(inversion: .prefixedNo, help: "Read 12,5 as 12.5 (default: on for ;-delimited files only).")
    var decimalComma: Bool?

    @Option(help: ArgumentHelp("Rows with the same time.", valueName: "policy"))
    var duplicates = CSVOptions.DuplicatePolicy.last

    @Flag(help: "Skip unreadable rows (and say how many) instead of stopping at the first.")
    var lenient = false

    /// A request holding these flags.
    func request() -> ChartRequest {
        var request = ChartRequest(csv: csv)
        request.timeColumn = timeColumn
        request.valueColumns = valueColumn
        request.seriesColumn = seriesColumn
        request.delimiter = delimiter
        request.timeFormat = timeFormat
        request.decimalComma = decimalComma
        request.duplicates = duplicates
        request.lenient = lenient
        return request
    }
}

/// Checks a request built from flags, naming the flag at fault (a usage error, exit 64).
func validating(_ request: ChartRequest) throws {
    do {
        try request.validate()
    } catch let error as ChartRequestError {
        throw ValidationError("\(error.optionName) \(error.message)")
    }
}

/// Prints `refchart: warning: …` to standard error.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("refchart: warning: \(message)\n".utf8))
}
