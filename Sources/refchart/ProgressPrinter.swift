import Foundation
import RefChart
import RefChartReport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a report run on standard error: on a terminal one live line (done/total, failures, the
/// chart that just finished); otherwise, for logs, one line per finished chart. Failures always get a line.
final class ProgressPrinter: Sendable {
    private let quiet: Bool
    private let live: Bool
    /// Each line starts with the time (ISO 8601, UTC): for logs a scheduler appends to.
    private let timestamps: Bool
    private let lock = NSLock()

    init(quiet: Bool, timestamps: Bool = false) {
        self.quiet = quiet
        self.timestamps = timestamps
        live = isatty(STDERR_FILENO) == 1 && !timestamps
    }

    func finished(_ progress: ReportRunner.Progress) {
        let chart = progress.chart
        lock.withLock {
            if let error = chart.error {
                write(clearing: true, "refchart: error: chart \(chart.name): \(withInvisiblesEscaped(error.message))\n")
            } else if !quiet && !live {
                write(
                    clearing: false,
                    "ok \(chart.name) (\(String(format: "%.2f", chart.seconds)) s) → \(chart.outputs.map(shownPath).joined(separator: ", "))\n")
            }
            for warning in chart.warnings where !quiet {
                write(clearing: true, "refchart: warning: chart \(chart.name): \(withInvisiblesEscaped(warning))\n")
            }
            if live && !quiet {
                let failures = progress.failed > 0 ? ", \(progress.failed) failed" : ""
                write(clearing: true, "[\(progress.done)/\(progress.total)\(failures)] \(chart.name)")
            }
        }
    }

    /// Ends the live line.
    func close() {
        if live && !quiet { lock.withLock { write(clearing: true, "") } }
    }

    /// Prints a whole line.
    func line(_ text: String) {
        lock.withLock { write(clearing: live, text + "\n") }
    }

    private func write(clearing: Bool, _ text: String) {
        let prefix = clearing && live ? "\r\u{1B}[K" : ""
        let stamp = timestamps && !text.isEmpty ? ReportRunner.stamp(Date()) + " " : ""
        FileHandle.standardError.write(Data((prefix + stamp + text).utf8))
    }
}
