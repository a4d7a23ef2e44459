import ArgumentParser
import Foundation
import RefChart

/// `refchart`: annotated metric charts from the command line.
@main
struct RefChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refchart",
        abstract: "Render metric time series with reference markers (launches, campaigns, releases) as PNG, SVG or PDF.",
        discussion: """
            Exit codes: 0 success; 1 bad input or a failed render (the message says what and where); 3 missing \
            or rejected OpenPanel credentials; 4 no such OpenPanel reference or project; 5 OpenPanel or the \
            network failed after retries; 64 a usage error (a missing or invalid option).
            """,
        version: RefChartVersion.description,
        subcommands: [
            RenderCommand.self, ReportCommand.self, ServeCommand.self, MCPCommand.self, ReferencesCommand.self, DashboardCommand.self,
            InspectCommand.self,
            BenchCommand.self,
            BenchRunCommand.self,
            ReportWorkerCommand.self,
        ])

    /// Parses and runs the command with the signal handlers installed.
    static func main() async {
        // Not `serve`: its service lifecycle stops it gracefully on SIGINT and SIGTERM.
        if CommandLine.arguments.dropFirst().first != "serve" { SignalCleanup.install() }
        // Commands that draw start the font set-up first: it then overlaps argument parsing and reading.
        // Not `report`: its worker draws; set up in both, it took a core from the charts (24 charts: 0.52 → 0.48 s).
        if CommandLine.arguments.dropFirst().first.map(["render", "report-worker", "bench-run"].contains) ?? false {
            Chart.prepareFonts()
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exitPrintingSafely(error)
        }
    }

    /// argument-parser's messages echo the value given (`The value '…' is invalid for '--time-format'`):
    /// escape sequences and other control characters in it are printed escaped, and a huge value is cut,
    /// so the terminal never receives them raw.
    static func exitPrintingSafely(_ error: any Error) -> Never {
        let message = fullMessage(for: error)
        let safe = withInvisiblesEscaped(message)
        guard safe != message else { exit(withError: error) }
        let code = exitCode(for: error)
        FileHandle.standardError.write(Data((safe + "\n").utf8))
        Foundation.exit(code.rawValue)
    }
}
