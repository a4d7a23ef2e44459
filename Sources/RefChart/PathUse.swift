public import RefChartCore

/// One file a run reads or writes, and what for: the unit of the collision check (``PathLedger``).
public struct PathUse: Sendable, Hashable {
    /// What the file is to the run, in words: `the metrics CSV (csv)`, `chart "a"'s output`.
    public var role: OptionText
    /// The chart key naming it, when a chart key does (errors point at it); `nil` for the jobs file,
    /// the combined PDF, the summary.
    public var field: ChartKey?
    /// The path, placeholders filled in; `-` is standard input for a read, standard output for a write.
    public var path: String
    /// Whether the run writes it.
    public var writes: Bool

    /// Creates a use.
    public init(_ role: OptionText, field: ChartKey? = nil, path: String, writes: Bool) {
        self.role = role
        self.field = field
        self.path = path
        self.writes = writes
    }

    /// A chart's use (`png image (output)`) as a report names it (`chart "a"'s png image (output)`), or as
    /// a lone chart does (`the png image (output)`).
    func inChart(_ name: String?) -> PathUse {
        var use = self
        use.role = name.map { "chart \"\($0)\"'s \(role)" } ?? "the \(role)"
        return use
    }
}
