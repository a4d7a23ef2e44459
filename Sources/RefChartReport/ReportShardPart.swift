package import Foundation
package import RefChart

/// What one shard of a report (`--shard I/N`) leaves for the assembly: its summary, each chart's page of
/// the combined PDF, and what it was made from. A sharded run never writes the combined PDF itself (four
/// pods each wrote one with only their own pages, over each other); `--assemble` writes it from all parts.
package struct ReportShardPart: Sendable, Codable {
    /// One chart of the shard: its position in the jobs file, its outcome and its page.
    package struct Entry: Sendable, Codable {
        package var index: Int
        package var chart: ReportSummary.Chart
        package var page: Scene?

        package init(index: Int, chart: ReportSummary.Chart, page: Scene?) { (self.index, self.chart, self.page) = (index, chart, page) }
    }

    /// The part format's version.
    package var format = 1
    package var shard: Int
    package var shards: Int
    /// The `--only` names the shard ran with (every shard of a report must have the same).
    package var only: [String]
    /// FNV-1a of the jobs file's bytes: a part made from another version of the file does not belong.
    package var jobsDigest: String
    package var summary: ReportSummary
    package var entries: [Entry]

    package init(shard: Int, shards: Int, only: [String], jobsDigest: String, summary: ReportSummary, entries: [Entry]) {
        (self.shard, self.shards, self.only, self.jobsDigest, self.summary, self.entries) = (shard, shards, only, jobsDigest, summary, entries)
    }

    /// The file of shard `index` of `count` in `folder`.
    package static func path(folder: String, jobsFile: String, index: Int, count: Int) -> String {
        let base = URL(fileURLWithPath: jobsFile).deletingPathExtension().lastPathComponent
        return URL(fileURLWithPath: folder).appendingPathComponent("\(base)-shard-\(index)-of-\(count).json").path
    }

    /// Where a job's parts go: `--parts`, else a `.refchart-parts` folder beside the combined PDF (beside
    /// the jobs file when it has none), which every shard of a report must reach (a shared volume).
    package static func folder(job: ReportJob, override: String?, now: Date) -> String {
        if let override { return override }
        let beside = ((try? job.pdfPath(now: now)) ?? nil).map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? job.folder
        return URL(fileURLWithPath: beside).appendingPathComponent(".refchart-parts").path
    }

    /// FNV-1a (64 bits) of a file's bytes, as hex; `""` when it cannot be read.
    package static func digest(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
