import ArgumentParser
import Foundation
import RefChart
import RefChartReport
import RefChartServe

/// `refchart serve`: a jobs file's charts over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a jobs file's charts over HTTP: PNG, SVG and PDF rendered in-process, cached, with ETags.",
        discussion: """
            Example:
              refchart serve samples/serve.yaml
              curl -o chart.png 'http://127.0.0.1:8080/v1/charts/pageviews.png?last=30d&theme=dark'

            The file is a jobs file whose charts need no output, with a serve: section (listen, concurrency, \
            queue, cacheEntries, deadline). Routes: GET /v1/charts, GET /v1/charts/NAME.png|svg|pdf (query: \
            from, to, last, width, height, theme, scale, impact, category), /healthz, /readyz, /metrics. A \
            refused value is 400 with {"error", "field"}; a full queue 503 with Retry-After; a render over \
            the deadline 504. SIGTERM or SIGINT: no new connections, in-flight renders finish.
            """)

    @Argument(help: ArgumentHelp("The jobs file with the charts to serve.", valueName: "config.yaml"))
    var config: String

    @Option(help: ArgumentHelp("Listen here instead of serve.listen (port 0: any free port).", valueName: "host:port"))
    var listen: String?

    func run() async throws {
        let job: ReportJob
        do {
            job = try ReportJob.load(path: config)
        } catch let error as any RefChartFailure {
            throw fail(error.message(spelling: .flags), status: error.exitStatus)
        }
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
