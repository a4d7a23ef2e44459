public import RefChart

/// Which of a jobs file's charts one run renders: `--only` names, then `--shard I/N`.
public struct ReportSelection: Sendable, Hashable {
    /// One machine's part of a report split across `count` machines.
    public struct Shard: Sendable, Hashable {
        /// This shard, `0..<count` (Kubernetes' `JOB_COMPLETION_INDEX`).
        public var index: Int
        /// How many shards there are.
        public var count: Int

        /// Shard `index` of `count`.
        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }

        /// Parses `I/N` with `0 <= I < N`; `nil` otherwise.
        public init?(_ text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0,
                (0..<count).contains(index)
            else { return nil }
            self.index = index
            self.count = count
        }
    }

    /// Chart names to keep; empty keeps all.
    public var only: [String]
    /// The shard to keep, if any.
    public var shard: Shard?

    /// Creates a selection.
    public init(only: [String] = [], shard: Shard? = nil) {
        self.only = only
        self.shard = shard
    }

    /// The names, quoted, at most 20 of them (a file may hold thousands of charts).
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(20).map { quoted($0) }.joined(separator: ", ")
        return names.count > 20 ? "\(shown) and \(names.count - 20) more" : shown
    }

    /// The charts of `job` this selection keeps, in file order. Shards are disjoint and together complete:
    /// the chart at position p (0-based, after `only`) belongs to shard p mod N.
    /// - Throws: ``JobFileError`` for an `only` name the file has neither as a chart nor as a dashboard.
    public func charts(of job: ReportJob) throws -> [ChartRequest] {
        let kept = try keptCharts(of: job)
        return kept.enumerated().filter { inShard($0.offset) }.map(\.element)
    }

    /// The dashboards of `job` this selection keeps, in file order, each with its position in a sharded
    /// run's parts (after every chart). In shards they continue the charts' round: with 5 charts kept, the
    /// first dashboard is position 5, so shard 5 mod N renders it.
    /// - Throws: ``JobFileError`` as ``charts(of:)``.
    public func dashboards(of job: ReportJob) throws -> [(index: Int, dashboard: DashboardJob)] {
        let charts = try keptCharts(of: job).count
        let kept = job.dashboards.filter { only.isEmpty || only.contains($0.name) }
        return kept.enumerated().filter { inShard(charts + $0.offset) }.map { (job.charts.count + $0.offset, $0.element) }
    }

    /// The charts `only` keeps (all of them when it names none, or only dashboards: then none).
    private func keptCharts(of job: ReportJob) throws -> [ChartRequest] {
        let names = Set(job.names + job.dashboards.map(\.name))
        if let unknown = only.first(where: { !names.contains($0) }) {
            throw JobFileError(
                file: job.file, message: "there is no chart named \(quoted(unknown)) (charts: \(Self.list(job.names + job.dashboards.map(\.name))))")
        }
        let chartNames = Set(job.names)
        let onlyCharts = only.filter(chartNames.contains)
        if !only.isEmpty && onlyCharts.isEmpty { return [] }
        return job.charts.filter { onlyCharts.isEmpty || onlyCharts.contains($0.name ?? "") }
    }

    private func inShard(_ position: Int) -> Bool { shard.map { position % $0.count == $0.index } ?? true }
}
