import ArgumentParser
import Foundation
import RefChart

/// `refchart render`: one chart from a CSV file and a references file.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a chart from a metrics CSV and a references file.",
        discussion: """
            Example:
              refchart render --csv samples/pageviews.csv --references samples/references.json -o chart.png

            The output format comes from the -o extension (.png, .svg, .pdf) or --format. Nothing is written \
            unless the whole chart rendered: files are written to a temporary name and renamed.
            """)

    @OptionGroup var input: CSVReaderOptions

    @Option(help: ArgumentHelp("A references JSON file: {\"data\": [...]} as the OpenPanel API returns, or a plain array.", valueName: "file"))
    var references: String?

    @Option(help: ArgumentHelp("Fetch the references of this OpenPanel project (credentials from the environment).", valueName: "id"))
    var openpanelProject: String?

    @OptionGroup(title: "OpenPanel") var api: OpenPanelOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the chart; - for standard output.", valueName: "file"))
    var output: String

    @Option(help: "The output format: png, svg or pdf (default: from the --output extension).")
    var format: String?

    @Option(help: "The width in pixels.")
    var width = 1200

    @Option(help: "The height in pixels.")
    var height = 600

    @Option(help: "The chart title.")
    var title = ""

    @Option(help: "The colour theme: light or dark.")
    var theme = "light"

    @Option(help: "Device pixels per pixel for PNG (2 for HiDPI).")
    var scale = 1.0

    @Option(help: ArgumentHelp("The IANA time zone for axis labels and dates without an offset.", valueName: "zone"))
    var timezone = "UTC"

    @Option(help: ArgumentHelp("Start of the time window (ISO 8601).", valueName: "datetime"))
    var from: String?

    @Option(help: ArgumentHelp("End of the time window (ISO 8601).", valueName: "datetime"))
    var to: String?

    @Option(help: ArgumentHelp("A window ending at --to (default: now): 30d, 12h, 6w, 3mo, 1y.", valueName: "duration"))
    var last: String?

    @Option(help: ArgumentHelp("Also write the layout report (where each reference went) as JSON.", valueName: "file"))
    var layoutReport: String?

    func validate() throws {
        guard Chart.sizeRange.contains(width) else {
            throw ValidationError("--width \(width) is out of range: use \(Chart.sizeRange.lowerBound) to \(Chart.sizeRange.upperBound)")
        }
        guard Chart.sizeRange.contains(height) else {
            throw ValidationError("--height \(height) is out of range: use \(Chart.sizeRange.lowerBound) to \(Chart.sizeRange.upperBound)")
        }
        guard Chart.scaleRange.contains(scale) else {
            throw ValidationError("--scale \(scale) is out of range: use \(Chart.scaleRange.lowerBound) to \(Chart.scaleRange.upperBound)")
        }
        guard ChartTheme(rawValue: theme) != nil else {
            throw ValidationError("--theme \(theme) is not a theme: use light or dark")
        }
        try validateTimeZone(timezone)
        _ = try outputFormat()
        if let last {
            guard RelativeWindow(last) != nil else {
                throw ValidationError("--last \(last) is not a duration: use e.g. 90min, 12h, 30d, 6w, 3mo or 1y")
            }
            guard from == nil else { throw ValidationError("use either --from or --last, not both") }
        }
    }

    func outputFormat() throws -> ChartFormat {
        if let format {
            guard let chosen = ChartFormat(rawValue: format.lowercased()) else {
                throw ValidationError("--format \(format) is not supported: use png, svg or pdf")
            }
            return chosen
        }
        if output == "-" { throw ValidationError("writing to standard output needs --format png, svg or pdf") }
        guard let chosen = ChartFormat(fileExtension: output) else {
            let name = URL(fileURLWithPath: output).lastPathComponent
            let ext = name.contains(".") ? "\"." + name.split(separator: ".").last! + "\"" : "no extension"
            throw ValidationError("cannot tell the format of \(output) (\(ext)): use .png, .svg or .pdf, or pass --format")
        }
        return chosen
    }

    func run() async throws {
        let zone = TimeZone(identifier: timezone)!
        try await reportingErrors {
            let chart = try await makeChart(zone: zone)
            let (image, report) = try chart.renderWithReport(try outputFormat(), scale: scale)
            if output == "-" {
                FileHandle.standardOutput.write(Data(image))
            } else {
                try AtomicFile.write(image, to: output)
            }
            if let layoutReport { try AtomicFile.write(report, to: layoutReport) }
        }
    }

    private func makeChart(zone: TimeZone) async throws -> Chart {
        let table = try input.read(zone: zone)
        var refs = try references.map { try ReferencesFile.read(path: $0, zone: zone) } ?? []
        if let openpanelProject { refs += try await api.client().list(projectId: openpanelProject) }
        let window = try timeWindow(table: table, zone: zone)
        return Chart(
            title: title, width: width, height: height, theme: ChartTheme(rawValue: theme)!, timeZone: zone,
            series: table.series, references: refs, window: window)
    }

    /// The window from --from/--to/--last; `nil` shows all the data.
    private func timeWindow(table: MetricTable, zone: TimeZone) throws -> ClosedRange<Date>? {
        guard from != nil || to != nil || last != nil else { return nil }
        let extent = table.series.timeExtent ?? 0...0
        let dataStart = Date(timeIntervalSince1970: extent.lowerBound)
        let dataEnd = Date(timeIntervalSince1970: extent.upperBound)
        let high = try to.map { try parseDate($0, option: "--to", zone: zone) } ?? (last != nil ? Date() : dataEnd)
        let low = try from.map { try parseDate($0, option: "--from", zone: zone) }
            ?? last.flatMap(RelativeWindow.init)?.start(before: high, in: zone) ?? dataStart
        guard low < high else { throw ChartError("the window's start must be before its end (check --from, --to, --last)") }
        return low...high
    }

    private func parseDate(_ text: String, option: String, zone: TimeZone) throws -> Date {
        guard let date = ISO8601.date(from: text, in: zone) else {
            throw ChartError("\(option) \"\(text)\" is not an ISO 8601 date: use 2024-01-15 or 2024-01-15T10:00:00Z")
        }
        return date
    }
}
