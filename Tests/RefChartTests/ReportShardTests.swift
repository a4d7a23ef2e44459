import Foundation
import RefChart
import RefChartReport
import Testing

/// A report split over four processes (`--shard I/4`, as four Kubernetes pods) and put together again
/// (`--assemble`): one combined PDF with every page, one summary; a missing, stale or foreign shard is a
/// refusal that names it, and no shard ever leaves a combined PDF of its own.
@Suite(.serialized)
struct ReportShardTests {
    /// Nine charts of the CSV fixture and a combined PDF.
    static func workspace() throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try CLIReportTests.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let charts = (0..<9).map { "  - name: c\($0)\n" }.joined()
        try ("defaults:\n  csv: m.csv\n  width: 300\n  height: 200\n  output: out/{name}.png\ncharts:\n" + charts + "pdf: out/report.pdf\n")
            .write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    static func shards(_ indices: [Int], in dir: URL, assemble: Bool = false) async throws -> [CLIRunner.Result] {
        try await withThrowingTaskGroup(of: CLIRunner.Result.self) { group in
            for index in indices {
                group.addTask {
                    try await CLIRunner.runAsync(
                        ["report", "jobs.yaml", "--shard", "\(index)/4", "--summary", "out/summary-{shard}.json"] + (assemble ? ["--assemble"] : []),
                        in: dir)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func fourShardProcessesAndTheAssemblyMakeOneWholeReport() async throws {
        let dir = try Self.workspace()
        let out = dir.appendingPathComponent("out")
        for result in try await Self.shards([0, 1, 2, 3], in: dir) { #expect(result.status == 0, "\(result.stderr)") }
        // No shard wrote a combined PDF: each left a part and its own summary.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
        let own = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: out.appendingPathComponent("summary-2-of-4.json")))
        #expect(own.shard == "2/4" && own.charts.map(\.name) == ["c2", "c6"] && own.pdf == nil && own.part != nil)
        let assembled = try await CLIRunner.runAsync(["report", "jobs.yaml", "--assemble", "--summary", "out/summary.json"], in: dir)
        #expect(assembled.status == 0, "\(assembled.stderr)")
        let pdf = try String(decoding: Data(contentsOf: out.appendingPathComponent("report.pdf")), as: UTF8.self)
        #expect(PDFProbe.pageCount(pdf) == 10, "9 charts and the cover")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: out.appendingPathComponent("summary.json")))
        #expect(summary.state == .complete && summary.ok == 9 && summary.charts.map(\.name) == (0..<9).map { "c\($0)" })
        #expect(summary.pdf?.pages == 10 && summary.shard == "all 4")
        // The parts are used up: assembling again is a refusal, not last week's report.
        let again = try await CLIRunner.runAsync(["report", "jobs.yaml", "--assemble"], in: dir)
        #expect(again.status == 1 && again.stderr.contains("no shard parts"), "\(again.stderr)")
    }

    @Test func theLastShardToFinishAssembles() async throws {
        let dir = try Self.workspace()
        let results = try await Self.shards([0, 1, 2, 3], in: dir, assemble: true)
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        #expect(results.count { String(decoding: $0.stdout, as: UTF8.self).contains("from all 4") } == 1)
        let pdf = try String(decoding: Data(contentsOf: dir.appendingPathComponent("out/report.pdf")), as: UTF8.self)
        #expect(PDFProbe.pageCount(pdf) == 10, "9 charts and the cover")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("out/summary-all.json")))
        #expect(summary.ok == 9)
    }

    /// Re-running one chart by name keeps last run's whole PDF instead of a one-page PDF under its name.
    @Test func aRunByNameLeavesTheWholePDFInPlace() async throws {
        let dir = try Self.workspace()
        let pdf = dir.appendingPathComponent("out/report.pdf")
        #expect(try await CLIRunner.runAsync(["report", "jobs.yaml", "--quiet"], in: dir).status == 0)
        let whole = try Data(contentsOf: pdf)
        let again = try await CLIRunner.runAsync(["report", "jobs.yaml", "--only", "c3", "--summary", "-"], in: dir)
        #expect(again.status == 0)
        #expect(again.stderr.contains("the combined PDF is left as it was"), "\(again.stderr)")
        #expect(try Data(contentsOf: pdf) == whole)
        let summary = try JSONDecoder().decode(ReportSummary.self, from: again.stdout)
        #expect(summary.charts.map(\.name) == ["c3"] && summary.pdf == nil)
    }

    @Test func aMissingOrForeignShardIsRefusedByName() async throws {
        let dir = try Self.workspace()
        let out = dir.appendingPathComponent("out")
        // Last week's whole PDF must not survive a run that is not whole.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("%PDF-1.5 last week".utf8).write(to: out.appendingPathComponent("report.pdf"))
        for result in try await Self.shards([0, 1, 3], in: dir) { #expect(result.status == 0) }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
        let refused = try await CLIRunner.runAsync(["report", "jobs.yaml", "--assemble", "--summary", "out/summary.json"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("shard 2/4 has left no part"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: out.appendingPathComponent("summary.json")))
        #expect(summary.state == .invalid && summary.error?.contains("shard 2/4") == true)
        // Shard 2 runs on an edited jobs file: its part does not belong with the others.
        let jobs = dir.appendingPathComponent("jobs.yaml")
        try (String(contentsOf: jobs, encoding: .utf8) + "# edited\n").write(to: jobs, atomically: true, encoding: .utf8)
        for result in try await Self.shards([2], in: dir) { #expect(result.status == 0) }
        let foreign = try await CLIRunner.runAsync(["report", "jobs.yaml", "--assemble"], in: dir)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("shard 0/4 was made from another version of jobs.yaml"), "\(foreign.stderr)")
    }
}
