import ArgumentParser
import Foundation
import RefChart
import RefChartMCP
import RefChartReport
import RefChartServe

/// `refchart serve`: a jobs file's charts over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a jobs file's charts over HTTP: PNG, SVG and PDF rendered in-process, cached, with ETags.",
        discussion: """
            Example:
              refchart serve --config samples/serve.yaml
              curl -o chart.png 'http://127.0.0.1:8080/v1/charts/pageviews.png?last=30d&theme=dark'
              curl -o mine.png --data '{"csv": "pageviews", "references": ["launches"]}' http://127.0.0.1:8080/v1/render

            The file is a jobs file whose charts need no output, with a serve: section (listen, concurrency, \
            queue, cacheEntries, deadline, tokens, rateLimit, sources, projects, openPanelTTL, accessLog). \
            Routes: GET /v1/charts, GET /v1/charts/NAME.png|svg|pdf (query: from, to, last, width, height, \
            theme, scale, impact, category), GET /v1/charts/NAME/layout, POST /v1/render?format=png (a chart \
            over serve.sources, named by id), /healthz, /readyz, /metrics. A refused value is 400 with \
            {"error", "field"}; over the rate limit 429; a full queue 503 with Retry-After; a render over \
            the deadline 504. SIGTERM or SIGINT: no new connections, in-flight renders finish.
            """)

    @OptionGroup var file: ServeConfigFile

    @Option(help: ArgumentHelp("Listen here instead of serve.listen (port 0: any free port).", valueName: "host:port"))
    var listen: String?

    func run() async throws {
        let job = try file.load()
        var host: String?
        var port: Int?
        if let listen {
            let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let number = Int(parts[1]), (0...65_535).contains(number) else {
                throw fail("--listen \(quoted(listen)) is not host:port (e.g. 127.0.0.1:8080)", status: ExitStatus.usage)
            }
            (host, port) = (String(parts[0]), number)
        }
        let server = ChartServer(job: job)
        let count = job.charts.count
        try await server.run(host: host, port: port) { address in
            FileHandle.standardError.write(Data("refchart serve: listening on \(address) (\(count) chart\(count == 1 ? "" : "s"))\n".utf8))
        }
    }
}

/// The config file `serve` and `mcp` read: `--config FILE`, or the file as the argument.
struct ServeConfigFile: ParsableArguments {
    @Option(help: ArgumentHelp("The jobs file with the charts (and its serve: section).", valueName: "config.yaml"))
    var config: String?

    @Argument(help: ArgumentHelp("The same file, without --config.", valueName: "config.yaml"))
    var file: String?

    func validate() throws {
        guard (config == nil) != (file == nil) else { throw ValidationError("give the config file once: --config FILE (or FILE)") }
    }

    func load() throws -> ReportJob {
        do {
            return try ReportJob.load(path: config ?? file!)
        } catch let error as any RefChartFailure {
            throw fail(error.message(spelling: .flags), status: error.exitStatus)
        }
    }
}

/// `refchart mcp`: the charts as Model Context Protocol tools on stdio.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Offer a jobs file's charts to an AI agent as MCP tools (list_charts, render_chart) on stdin/stdout.",
        discussion: """
            Example (an MCP client's server entry):
              {"command": "refchart", "args": ["mcp", "--config", "/etc/refchart/serve.yaml"]}

            render_chart takes a chart's name and the overrides of refchart serve (from, to, last, width, \
            height, theme, scale, impact, category) and answers with the PNG and a text summary of the \
            references drawn and their impact numbers. Standard output carries only the protocol.
            """)

    @OptionGroup var file: ServeConfigFile

    func run() async throws {
        try await ChartTools(job: try file.load()).run()
    }
}
