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
    /// - Throws: ``JobFileError`` for an `only` name the file does not have.
    public func charts(of job: ReportJob) throws -> [ChartRequest] {
        let names = Set(job.names)
        if let unknown = only.first(where: { !names.contains($0) }) {
            throw JobFileError(
                file: job.file, message: "there is no chart named \(quoted(unknown)) (charts: \(Self.list(job.names)))")
        }
        let kept = job.charts.filter { only.isEmpty || only.contains($0.name ?? "") }
        return kept.enumerated().filter { shard == nil || $0.offset % shard!.count == shard!.index }.map(\.element)
    }
}
