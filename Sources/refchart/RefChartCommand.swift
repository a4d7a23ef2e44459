import ArgumentParser

/// `refchart`: annotated metric charts from the command line.
@main
struct RefChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refchart",
        abstract: "Render metric time series with reference markers (launches, campaigns, releases) as PNG, SVG or PDF.",
        discussion: """
            Exit codes: 0 success; 1 bad input or a failed render (the message says what and where); \
            64 a usage error (a missing or invalid option).
            """,
        subcommands: [RenderCommand.self, InspectCommand.self, BenchCommand.self, BenchRunCommand.self])
}
