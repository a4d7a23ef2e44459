import ArgumentParser
import Foundation
import RefChart

/// `refchart inspect`: what the CSV reader sees in a file, before rendering it.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what the CSV reader detects in a metrics file: delimiter, time column, series, gaps, duplicates.",
        discussion: "Example: refchart inspect --csv samples/pageviews.csv --json")

    @OptionGroup var input: CSVReaderOptions

    @OptionGroup var deadline: DeadlineOption

    @Option(
        name: [.customLong("openpanel-project"), .customLong("project")],
        help: ArgumentHelp("The OpenPanel project --event series come from (--project for short).", valueName: "id"))
    var openpanelProject: String?

    @OptionGroup(title: "OpenPanel") var api: OpenPanelOptions

    @OptionGroup(title: "Time window (for --event)") var window: WindowOptions

    @Option(help: ArgumentHelp("The IANA time zone for times without an offset.", valueName: "zone"))
    var timezone: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// The JSON `inspect --json` prints.
    struct Report: Codable {
        var delimiter: String
        var timeColumn: String
        /// How the time column was found: `named` (--time-column), `by name`, or `by content`.
        var timeColumnRule: String
        var timeFormat: String
        var rows: Int
        var series: [SeriesSummary]
        var duplicates: Int
        var skippedRows: [Int]
        var reordered: Bool
        /// The long file's series column, if rows were split by one.
        var seriesColumn: String?
        /// How the series column was found: `named` (--series-column) or `detected`.
        var seriesColumnRule: String?
        /// What the reader decided on the way: lines skipped, columns not drawn, gap values.
        var notes: [String]
    }

    /// The request these flags describe (only its source and reader options are used).
    var request: ChartRequest {
        get throws {
            var request = try input.request()
            request.timezone = try zone(timezone, .timezone)
            request.openpanelProject = openpanelProject
            try window.apply(to: &request)
            return request
        }
    }

    func validate() throws {
        try validating(try request)
    }

    func run() async throws {
        deadline.arm()
        let table = try await reportingErrors {
            try await ChartPipeline(openPanel: { [api] in try api.client() }).metrics(for: try request, reduction: SeriesReduction())
        }
        for warning in table.warnings(source: input.csv ?? "the export") { printWarning(warning.spelled(.flags)) }
        let report = Report(
            delimiter: table.delimiter == 0x09 ? "\t" : String(UnicodeScalar(table.delimiter)),
            timeColumn: table.timeColumn, timeColumnRule: table.timeColumnRule, timeFormat: table.timeFormat.rawValue, rows: table.rows,
            series: table.series.map(SeriesSummary.init), duplicates: table.duplicates,
            skippedRows: table.skippedLines, reordered: table.wasReordered, seriesColumn: table.seriesColumn,
            seriesColumnRule: table.seriesColumn == nil ? nil : table.seriesColumnDetected ? "detected" : "named", notes: table.notes)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let delimiterName = [",": "comma", ";": "semicolon", "\t": "tab"][report.delimiter] ?? report.delimiter
        print(input.csv ?? "OpenPanel export of \(input.events.joined(separator: ", "))")
        print("  delimiter    \(delimiterName)")
        let rule = report.timeColumnRule == "named" ? "named with --time-column" : "found \(report.timeColumnRule)"
        let form = table.timeParts.isEmpty ? "; \(report.timeFormat)" : ""
        print("  time column  \(report.timeColumn) (\(rule)\(form)\(table.wasReordered ? ", rows were out of order: sorted" : ""))")
        if let column = report.seriesColumn {
            print(
                "  series from  \(column) (\(report.seriesColumnRule == "detected" ? "detected: times repeat and it tells the rows apart" : "--series-column")): one series per value"
            )
        }
        print(
            "  rows         \(report.rows) (\(report.duplicates) duplicate times merged by \((input.duplicates ?? .last).rawValue), \(report.skippedRows.count) skipped)"
        )
        for note in report.notes { print("  read         \(note)") }
        for s in report.series {
            let range = s.first.map { "\($0) … \(s.last!)" } ?? "no values"
            let extent = s.min.map { "min \(format($0)), max \(format(s.max!))" } ?? ""
            print("  series       \(s.name): \(s.points) points, \(s.gaps) gaps, \(range), \(extent)")
        }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
