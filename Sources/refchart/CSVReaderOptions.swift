import ArgumentParser
import Foundation
import RefChart

/// The CSV reader's flags, shared by `render`, `inspect` and `report`.
struct CSVReaderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The metrics CSV: a file, - for standard input, or an http(s) URL.", valueName: "file"))
    var csv: String

    @Option(help: ArgumentHelp("The time column (default: timestamp, time, date, ts, datetime, day or hour).", valueName: "name"))
    var timeColumn: String?

    @Option(help: ArgumentHelp("A value column to read; repeat for several (default: every numeric column).", valueName: "name"))
    var valueColumn: [String] = []

    @Option(help: ArgumentHelp("The delimiter: , ; or tab (default: sniffed from the header).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("How times are written: iso, epoch-s or epoch-ms (default: detected).", valueName: "format"))
    var timeFormat: String?

    @Flag(inversion: .prefixedNo, help: "Read 12,5 as 12.5 (default: on for ;-delimited files only).")
    var decimalComma: Bool?

    @Option(help: ArgumentHelp("Rows with the same time: last, sum, mean or error.", valueName: "policy"))
    var duplicates = "last"

    @Flag(help: "Skip unreadable rows (and say how many) instead of stopping at the first.")
    var lenient = false

    func validate() throws {
        _ = try delimiterByte()
        _ = try parsedTimeFormat()
        guard CSVOptions.DuplicatePolicy(rawValue: duplicates) != nil else {
            throw ValidationError("--duplicates \(duplicates) is not a policy: use last, sum, mean or error")
        }
    }

    /// The reader options for `zone`.
    func options(zone: TimeZone) throws -> CSVOptions {
        CSVOptions(
            delimiter: try delimiterByte(), timeColumn: timeColumn, valueColumns: valueColumn,
            timeFormat: try parsedTimeFormat(), zone: zone, decimalComma: decimalComma,
            duplicates: CSVOptions.DuplicatePolicy(rawValue: duplicates)!, lenient: lenient)
    }

    /// Reads the CSV from a file, stdin or a URL; in lenient mode, says on stderr what was skipped.
    func read(zone: TimeZone) throws -> MetricTable {
        let table = try MetricSource.read(csv, options: try options(zone: zone))
        if !table.skippedLines.isEmpty {
            let first = table.skippedLines.prefix(5).map(String.init).joined(separator: ", ")
            let more = table.skippedLines.count > 5 ? ", …" : ""
            FileHandle.standardError.write(Data(
                "refchart: warning: skipped \(table.skippedLines.count) unreadable rows of \(csv) (lines \(first)\(more))\n".utf8))
        }
        return table
    }

    private func delimiterByte() throws -> UInt8? {
        switch delimiter {
        case nil: return nil
        case ",": return UInt8(ascii: ",")
        case ";": return UInt8(ascii: ";")
        case "tab", "\t", "\\t": return 0x09
        case let other?: throw ValidationError("--delimiter \(other) is not supported: use , ; or tab")
        }
    }

    private func parsedTimeFormat() throws -> CSVOptions.TimeFormat? {
        switch timeFormat {
        case nil: return nil
        case "iso", "iso8601": return .iso8601
        case "date": return .date
        case "epoch-s": return .epochSeconds
        case "epoch-ms": return .epochMilliseconds
        case let other?: throw ValidationError("--time-format \(other) is not a format: use iso, epoch-s or epoch-ms")
        }
    }
}
