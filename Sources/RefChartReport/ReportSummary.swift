import Foundation

/// What one `refchart report` run did: written as JSON with `--summary` on every ending (done, failed,
/// interrupted, timed out, refused), and as `running` when it starts, so a summary never describes an
/// earlier run.
public struct ReportSummary: Sendable, Hashable, Codable {
    /// How the run ended.
    public enum State: String, Sendable, Hashable, Codable {
        /// Still running (written when the run starts; a run killed with SIGKILL leaves this).
        case running
        /// Every selected chart was tried.
        case complete
        /// Stopped by SIGINT or SIGTERM: charts not finished are `not-run`.
        case interrupted
        /// Stopped by `--timeout`: charts rendering then are `timeout`, the rest `not-run`.
        case timeout
        /// The jobs file or the command line was refused: nothing ran (``ReportSummary/error`` says why).
        case invalid
    }

    /// How one chart ended.
    public struct Chart: Sendable, Hashable, Codable {
        /// How the chart ended.
        public enum Status: String, Sendable, Hashable, Codable {
            /// Rendered and written.
            case ok
            /// Refused or failed with an error (``Chart/error``); nothing of it written.
            case failed
            /// The process rendering it died (a trap, a signal): the error names the signal.
            case crashed
            /// It took longer than the chart deadline (`chartTimeout`, `--chart-timeout`).
            case timeout
            /// Never finished: the run was interrupted or timed out first.
            case notRun = "not-run"
        }

        /// Where the chart's references went.
        public struct References: Sendable, Hashable, Codable {
            public var label: Int
            public var badge: Int
            /// Untitled ranges, drawn as their bands alone.
            public var band: Int
            public var outOfRange: Int
        }

        /// One reference's impact numbers (`impact: true`), for the document's impact table and readers of
        /// the summary.
        public struct Impact: Sendable, Hashable, Codable {
            public var reference: String
            /// The reference's instant, `YYYY-MM-DDTHH:mm:ssZ`.
            public var date: String
            public var before: Double?
            public var after: Double?
            /// after / before − 1: 0.18 is +18 %.
            public var change: Double?
            public var window: String
        }

        /// Why a chart failed.
        public struct Failure: Sendable, Hashable, Codable {
            /// `input` (a data or references file), `request` (a chart key's value), `openpanel`, `chart`
            /// (drawing or writing), or `internal`.
            public var kind: String
            /// What went wrong, where, and how to fix it.
            public var message: String
        }

        public var name: String
        public var status: Status
        /// The files written (none for a failed chart).
        public var outputs: [String]
        /// Wall-clock seconds from start to last file written.
        public var seconds: Double
        /// Where the references went; `nil` for a failed chart.
        public var references: References?
        /// Why it did not render; `nil` for a chart that rendered.
        public var error: Failure?
        /// Things the user should hear of, e.g. skipped rows.
        public var warnings: [String]
        /// Each reference's impact numbers, in time order, when the chart asked for them; `nil` otherwise.
        public var impacts: [Impact]? = nil
        /// SHA-256 of the chart's series, references and options, when a destination is `onlyIfChanged`.
        public var inputDigest: String? = nil

        /// Writes every key, `null` included, so readers can rely on the shape.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(status, forKey: .status)
            try c.encode(outputs, forKey: .outputs)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(references, forKey: .references)
            try c.encode(error, forKey: .error)
            try c.encode(warnings, forKey: .warnings)
            try c.encode(impacts, forKey: .impacts)
            try c.encodeIfPresent(inputDigest, forKey: .inputDigest)
        }
    }

    /// The combined PDF's outcome.
    public struct CombinedPDF: Sendable, Hashable, Codable {
        public var path: String
        public var pages: Int
        /// Why it could not be written, if it could not.
        public var error: String?
    }

    /// The HTML report's outcome.
    public struct HTMLReport: Sendable, Hashable, Codable {
        public var path: String
        /// Charts on the page.
        public var charts: Int
        /// Why it could not be written, if it could not.
        public var error: String?
    }

    /// One destination's delivery (`deliver:`).
    public struct Delivery: Sendable, Hashable, Codable {
        public enum Status: String, Sendable, Hashable, Codable {
            case sent, skipped, failed
            case dryRun = "dry-run"
        }
        public var destination: String
        public var status: Status
        /// What was sent, or why it was skipped or failed.
        public var detail: String
    }

    /// How the run ended.
    public var state: State
    /// Why the run was refused or stopped, when it was.
    public var error: String?
    /// When the run began and ended (ISO 8601, UTC; `finished` is `null` while running).
    public var started: String
    public var finished: String?
    /// Charts rendered and written.
    public var ok: Int
    /// Charts that did not render: failed, crashed or timed out.
    public var failed: Int
    /// Charts never finished (an interrupted or timed-out run).
    public var notRun: Int
    /// Every selected chart, in file order.
    public var charts: [Chart]
    /// The combined PDF, when the jobs file asks for one (a shard's run has none: the assembly writes it).
    public var pdf: CombinedPDF?
    /// The HTML report, when the jobs file asks for one (as ``pdf``).
    public var html: HTMLReport?
    /// The time the charts cover, `START/END` in ISO 8601 (UTC); the delivery ledger's period.
    public var period: String?
    /// The same as the cover says it, in the report's zone.
    public var periodText: String?
    /// SHA-256 of what the charts are drawn from, when a destination is `onlyIfChanged`, which compares it.
    public var digest: String?
    /// Each destination's delivery, when the job has `deliver:`.
    public var deliveries: [Delivery]?
    /// For a sharded run, which shard (`2/4`); for an assembly, `all 4`; `nil` otherwise.
    public var shard: String?
    /// For a shard's run, the part it left for the assembly.
    public var part: String?

    /// A summary of `charts` (counts from their statuses).
    public init(state: State, error: String? = nil, started: String, finished: String?, charts: [Chart], pdf: CombinedPDF? = nil) {
        self.state = state
        self.error = error
        self.started = started
        self.finished = finished
        self.charts = charts
        self.pdf = pdf
        ok = charts.count { $0.status == .ok }
        notRun = charts.count { $0.status == .notRun }
        failed = charts.count - ok - notRun
    }

    /// `9 of 10 charts rendered, 1 failed`.
    public var countsLine: String { "\(ok) of \(charts.count) charts rendered" + (failed > 0 ? ", \(failed) failed" : "") }

    /// Every chart's impact numbers, chart by chart, with the chart's name.
    public var impactRows: [(chart: String, impact: Chart.Impact)] {
        charts.flatMap { chart in (chart.impacts ?? []).map { (chart.name, $0) } }
    }

    /// Whether everything the run was asked to make was made.
    public var succeeded: Bool {
        state == .complete && failed == 0 && notRun == 0 && pdf?.error == nil && html?.error == nil
            && !(deliveries ?? []).contains { $0.status == .failed }
    }

    /// Writes every key, `null` included, so readers can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encode(error, forKey: .error)
        try c.encode(started, forKey: .started)
        try c.encode(finished, forKey: .finished)
        try c.encode(ok, forKey: .ok)
        try c.encode(failed, forKey: .failed)
        try c.encode(notRun, forKey: .notRun)
        try c.encode(charts, forKey: .charts)
        try c.encode(pdf, forKey: .pdf)
        try c.encodeIfPresent(html, forKey: .html)
        try c.encodeIfPresent(period, forKey: .period)
        try c.encodeIfPresent(periodText, forKey: .periodText)
        try c.encodeIfPresent(digest, forKey: .digest)
        try c.encodeIfPresent(deliveries, forKey: .deliveries)
        try c.encodeIfPresent(shard, forKey: .shard)
        try c.encodeIfPresent(part, forKey: .part)
    }

    /// The summary as pretty-printed JSON with sorted keys and a final newline.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }
}
