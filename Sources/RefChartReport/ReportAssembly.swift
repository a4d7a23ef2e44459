public import Foundation
import RefChart

/// Makes one report of a sharded run's parts (``ReportShardPart``): the summary of every chart in file
/// order and the one combined PDF, or a refusal naming each shard that is missing, stale, failed or from
/// another jobs file. Never a PDF that looks whole and is not.
public enum ReportAssembly {
    /// How an assembly ended.
    public enum Outcome: Sendable {
        /// Every part was there and sound: the merged summary (its PDF written, if the job has one).
        case assembled(ReportSummary)
        /// These shards (of `count`) have left no part yet.
        case incomplete(missing: [Int], count: Int)
        /// The parts cannot make a report: why, a line per shard.
        case refused([String])
    }

    /// Parts older than this (from a run whose assembly never happened) do not count: a day.
    public static let maximumAge = 86_400.0

    /// Assembles `job`'s parts in `folder`; on success the parts are removed (a later run cannot reuse them).
    /// - Parameters:
    ///   - only: The `--only` names the shards ran with.
    ///   - count: The number of shards, when known (`--shard I/N`); else read from the parts' names.
    public static func assemble(job: ReportJob, folder: String, only: [String], count known: Int?, now: Date) -> Outcome {
        let base = URL(fileURLWithPath: job.file).deletingPathExtension().lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let counts = Set(names.compactMap { shardCount(of: $0, base: base) })
        guard let count = known ?? counts.first else {
            return .refused(["no shard parts in \(folder): run `refchart report \(job.file) --shard I/N` on each shard first"])
        }
        guard known != nil || counts.count == 1 else {
            return .refused(["\(folder) holds parts of \(counts.sorted().map(String.init).joined(separator: " and ")) shards: remove the old ones"])
        }
        var parts: [ReportShardPart] = []
        var missing: [Int] = []
        var problems: [String] = []
        let digest = ReportShardPart.digest(ofFile: job.workerFile)
        // A part's entries by position: the charts, then the dashboards.
        let positions = job.names + job.dashboards.map(\.name)
        for index in 0..<count {
            let path = ReportShardPart.path(folder: folder, jobsFile: job.file, index: index, count: count)
            guard let data = FileManager.default.contents(atPath: path) else {
                missing.append(index)
                continue
            }
            guard let part = try? JSONDecoder().decode(ReportShardPart.self, from: data) else {
                problems.append("shard \(index)/\(count): \(path) is not a part refchart can read")
                continue
            }
            let selection = ReportSelection(only: only, shard: .init(index: index, count: count))
            let expected =
                ((try? selection.charts(of: job).map(\.name)) ?? []) + ((try? selection.dashboards(of: job).map(\.dashboard.name)) ?? [])
            let started = ISO8601.date(from: part.summary.started) ?? .distantPast
            if part.jobsDigest != digest {
                problems.append("shard \(index)/\(count) was made from another version of \(job.file): run it again")
            } else if now.timeIntervalSince(started) > maximumAge {
                problems.append("shard \(index)/\(count) is from \(part.summary.started), over a day old: run it again")
            } else if part.summary.state != .complete {
                problems.append("shard \(index)/\(count) ended \(part.summary.state.rawValue)\(part.summary.error.map { ": \($0)" } ?? "")")
            } else if part.only != only || part.entries.map({ positions.indices.contains($0.index) ? positions[$0.index] : "" }) != expected {
                problems.append("shard \(index)/\(count) rendered other charts than this assembly expects (--only must be the same)")
            } else {
                parts.append(part)
            }
        }
        if !problems.isEmpty { return .refused(problems + missing.map { "shard \($0)/\(count) has left no part" }) }
        if !missing.isEmpty { return .incomplete(missing: missing, count: count) }
        let entries = parts.flatMap(\.entries).sorted { $0.index < $1.index }
        let started = parts.map(\.summary.started).min() ?? ReportRunner.stamp(now)
        var summary = ReportSummary(
            state: .complete, started: started, finished: ReportRunner.stamp(Date()), charts: entries.map(\.chart))
        summary.shard = "all \(count)"
        if only.isEmpty {
            ReportRunner.writeDocuments(job: job, now: now, entries: entries.map { ($0.chart, $0.page) }, into: &summary)
        }
        if summary.pdf?.error == nil && summary.html?.error == nil {
            for index in 0..<count {
                try? FileManager.default.removeItem(atPath: ReportShardPart.path(folder: folder, jobsFile: job.file, index: index, count: count))
            }
        }
        return .assembled(summary)
    }

    /// `N` of a part's file name `BASE-shard-I-of-N.json`.
    private static func shardCount(of name: String, base: String) -> Int? {
        guard name.hasPrefix(base + "-shard-"), name.hasSuffix(".json") else { return nil }
        let middle = name.dropFirst(base.count + 7).dropLast(5).components(separatedBy: "-of-")
        guard middle.count == 2, Int(middle[0]) != nil, let count = Int(middle[1]), count > 0 else { return nil }
        return count
    }
}
