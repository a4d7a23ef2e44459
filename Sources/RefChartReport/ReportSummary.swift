/// What one `refchart report` run did: written as JSON with `--summary`.
public struct ReportSummary: Sendable, Hashable, Codable {
    /// How one chart ended.
    public struct Chart: Sendable, Hashable, Codable {
        /// `ok` or `failed`.
        public enum Status: String, Sendable, Hashable, Codable {
            case ok
            case failed
        }

        /// Where the chart's references went.
        public struct References: Sendable, Hashable, Codable {
            public var label: Int
            public var badge: Int
            public var outOfRange: Int
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
        /// Why it failed; `nil` for a chart that rendered.
        public var error: Failure?
        /// Things the user should hear of, e.g. skipped rows.
        public var warnings: [String]

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
        }
    }

    /// The combined PDF's outcome.
    public struct CombinedPDF: Sendable, Hashable, Codable {
        public var path: String
        public var pages: Int
        /// Why it could not be written, if it could not.
        public var error: String?
    }

    /// When the run began and ended (ISO 8601, UTC).
    public var started: String
    public var finished: String
    /// Charts rendered and written.
    public var ok: Int
    /// Charts that failed.
    public var failed: Int
    /// Every chart of the run, in file order.
    public var charts: [Chart]
    /// The combined PDF, when the jobs file asks for one.
    public var pdf: CombinedPDF?

    /// Whether everything the run was asked to make was made.
    public var succeeded: Bool { failed == 0 && pdf?.error == nil }
}
