import ArgumentParser
import Foundation
import RefChart

/// `refchart render`: one chart. Parses its flags onto a ``ChartRequest`` and runs it; nothing more.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a chart of a metrics CSV (or OpenPanel events) with its references.",
        discussion: """
            Example:
              refchart render --csv samples/pageviews.csv --references samples/references.json -o chart.png

            The output format comes from the -o extension (.png, .svg, .pdf) or --format. Nothing is written \
            unless the whole chart rendered: files are written to a temporary name and renamed.
            """)

    @OptionGroup var input: CSVReaderOptions

    @OptionGroup var deadline: DeadlineOption

    @Option(
        help: ArgumentHelp(
            "A references JSON file: {\"data\": [...]} as the OpenPanel API returns, or a plain array; repeat for several.", valueName: "file"))
    var references: [String] = []

    @Option(
        name: [.customLong("openpanel-project"), .customLong("project")],
        help: ArgumentHelp("Fetch the references of this OpenPanel project (credentials from the environment; --project for short).", valueName: "id")
    )
    var openpanelProject: String?

    @Option(name: .customLong("category"), help: ArgumentHelp("Draw only references of this category; repeat for several.", valueName: "name"))
    var categories: [String] = []

    @Option(
        name: .customLong("exclude-category"), help: ArgumentHelp("Leave out references of this category; repeat for several.", valueName: "name"))
    var excludeCategories: [String] = []

    @Option(
        name: .customLong("label-category"),
        help: ArgumentHelp(
            "Only references of this category compete for labels (the rest go to the rug and the footnotes); repeat for several.",
            valueName: "name"))
    var labelCategories: [String] = []

    @OptionGroup(title: "OpenPanel") var api: OpenPanelOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the chart; - for standard output.", valueName: "file"))
    var output: String

    @Option(help: "The output format (default: from the --output extension).")
    var format: ChartFormat?

    // `.unconditional`: `--width -1` is a width to refuse with a reason, not a missing value.
    @Option(parsing: .unconditional, help: "The width in pixels.")
    var width = 1200

    @Option(parsing: .unconditional, help: "The height in pixels.")
    var height = 600

    @Option(help: "The chart title.")
    var title = ""

    @Option(help: "The colour theme.")
    var theme = ChartTheme.light

    @Option(parsing: .unconditional, help: "Device pixels per pixel for PNG (2 for HiDPI).")
    var scale = 1.0

    @Option(
        help: ArgumentHelp(
            "The IANA time zone for axis labels and dates without an offset (default: UTC; for --event, the organization's zone).", valueName: "zone")
    )
    var timezone: String?

    @OptionGroup(title: "Time window") var window: WindowOptions

    @Option(help: ArgumentHelp("Also write the layout report (where each reference went) as JSON; - for standard output.", valueName: "file"))
    var layoutReport: String?

    @Option(
        help:
            "How the footnote table lists badged references: each its own row, growing the image up to --max-height (auto), always (all), grouped to keep the height (grouped), or no table (none)."
    )
    var footnotes = FootnoteMode.auto

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The tallest the image may grow for footnotes, in pixels (default: 4× --height).", valueName: "px"))
    var maxHeight: Int?

    @Option(help: ArgumentHelp("Also write every reference's footnote row to this file: .csv or .md.", valueName: "file"))
    var footnotesFile: String?

    @Option(help: "How series are drawn: line, area, or bar (bars sum the points of each bucket).")
    var type = ChartType.line

    @Option(help: "SVG text as <text> elements (selectable, searchable) or as glyph outlines (exact glyphs everywhere).")
    var svgText = SVGTextMode.text

    @Flag(help: "Stack areas or bars on one another.")
    var stacked = false

    @Flag(help: "Draw lines across gaps (by default a line breaks where a step is over 5× the median step).")
    var connectGaps = false

    @Option(
        help: ArgumentHelp(
            "A bar's period, in the calendar of --timezone: Nmin, Nh, Nd, Nw (ISO weeks), Nmo, Nq, Ny (default: the data's own interval — monthly data gets calendar months — widened to fit).",
            valueName: "duration"))
    var bucket: String?

    @Option(help: ArgumentHelp("The value axis's title, with its unit (e.g. \"Pageviews per hour\").", valueName: "text"))
    var yLabel: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The value axis's lower bound (default: zero for counts near it, else zoomed to the data).", valueName: "number"))
    var yMin: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("The value axis's upper bound.", valueName: "number"))
    var yMax: Double?

    @Option(help: ArgumentHelp("Draw this series against a second value axis at the right (line charts); repeat for several.", valueName: "name"))
    var rightAxis: [String] = []

    @Option(help: ArgumentHelp("Draw this series in this colour (NAME=#rrggbb); repeat for several.", valueName: "name=#hex"))
    var seriesColor: [String] = []

    @Flag(help: "A logarithmic value axis: equal ratios take equal heights (values ≤ 0 are left out, with a warning).")
    var log = false

    @Flag(help: "Impact numbers: after each label, how the series' mean after the reference differs from its mean before.")
    var impact = false

    @Option(parsing: .unconditional, help: ArgumentHelp("The window each side of a reference for --impact (default 7d).", valueName: "duration"))
    var impactWindow = "7d"

    @Option(help: ArgumentHelp("The series --impact measures (default: the first).", valueName: "name"))
    var impactSeries: String?

    /// The request these flags describe.
    var request: ChartRequest {
        get throws { try makeRequest() }
    }

    private func makeRequest() throws -> ChartRequest {
        var request = try input.request()
        request.references = references
        request.openpanelProject = openpanelProject
        request.output = output
        request.formats = format.map { [$0] } ?? []
        request.width = width
        request.height = height
        request.title = title
        request.theme = theme
        request.scale = scale
        request.timezone = try zone(timezone, .timezone)
        try window.apply(to: &request)
        request.layoutReport = layoutReport
        request.categories = categories
        request.excludeCategories = excludeCategories
        request.footnotes = footnotes
        request.maxHeight = maxHeight
        request.footnotesFile = footnotesFile
        request.type = type
        request.svgText = svgText
        request.stacked = stacked
        request.connectGaps = connectGaps
        request.bucket = try duration(bucket, .bucket)
        request.yLabel = yLabel
        request.yMin = yMin
        request.yMax = yMax
        request.log = log
        request.rightAxis = rightAxis
        request.labelCategories = labelCategories
        request.seriesColors = seriesColor
        request.impact = impact
        request.impactWindow = try duration(impactWindow, .impactWindow)!
        request.impactSeries = impactSeries
        return request
    }

    func validate() throws {
        try validating(try request)
    }

    func run() async throws {
        deadline.arm()
        try await reportingErrors {
            let pipeline = ChartPipeline(openPanel: { [api] in try api.client() })
            let chart = try await pipeline.run(try request)
            for warning in chart.warnings { printWarning(warning.spelled(.flags)) }
        }
    }
}
