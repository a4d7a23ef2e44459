import Foundation
import OpenPanelMockServer
import RefChart
import RefChartReport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A report never lies: each chart runs in a supervised worker process, so a chart that traps, hangs or
/// waits on a dripping server is marked as such and the others still render; the summary is written on
/// every ending, with each chart's state and the run's.
@Suite(.serialized)
struct ReportSupervisionTests {
    /// A folder with a CSV and a 10-chart jobs file (`c0`…`c9`) with a combined PDF, and a summary from
    /// "last week" that every run must replace.
    static func workspace(extra: String = "") throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try CLIReportTests.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let charts = (0..<10).map { "  - name: c\($0)\n" }.joined()
        try ("defaults:\n  csv: m.csv\n  width: 300\n  height: 200\n  output: out/{name}.png\ncharts:\n" + charts + extra + "pdf: out/all.pdf\n")
            .write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        try #"{"state": "complete", "note": "last week"}"#.write(to: dir.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        return dir
    }

    static func summary(in dir: URL) throws -> ReportSummary {
        try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("s.json")))
    }

    @Test func aChartThatTrapsIsCrashedAndTheOtherNineAndThePDFAreMade() async throws {
        let dir = try Self.workspace()
        let result = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--summary", "s.json", "--jobs", "3"], in: dir, environment: ["REFCHART_DEBUG_TRAP_CHART": "c4"])
        #expect(result.status == 1, "\(result.stderr)")
        let summary = try Self.summary(in: dir)
        #expect(summary.state == .complete && summary.ok == 9 && summary.failed == 1)
        let crashed = try #require(summary.charts.first { $0.status != .ok })
        #expect(crashed.name == "c4" && crashed.status == .crashed && crashed.error?.kind == "crashed")
        #expect(crashed.error?.message.contains("signal 4 (SIGILL, a trap)") == true, "\(String(describing: crashed.error))")
        #expect(summary.charts.map(\.name) == (0..<10).map { "c\($0)" })
        #expect(result.stderr.contains("refchart: error: chart c4: the process rendering it died"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted()
        #expect(files == ["all.pdf"] + (0..<10).filter { $0 != 4 }.map { "c\($0).png" })
        let pdf = String(decoding: try Data(contentsOf: dir.appendingPathComponent("out/all.pdf")), as: UTF8.self)
        #expect(PDFProbe.pageCount(pdf) == 10 && summary.pdf?.pages == 10, "9 charts and the cover")
    }

    @Test func aChartWaitingOnADrippingServerTimesOutAndTheRestRender() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        await fixture.api.inject(.delay(60), for: "GET")
        let dir = try Self.workspace(extra: "  - name: slow\n    openpanelProject: acme-web\n")
        let result = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--summary", "s.json", "--chart-timeout", "2"], in: dir, environment: fixture.environment)
        #expect(result.status == 1, "\(result.stderr)")
        let summary = try Self.summary(in: dir)
        #expect(summary.state == .complete && summary.ok == 10)
        let slow = try #require(summary.charts.last)
        #expect(slow.name == "slow" && slow.status == .timeout && slow.error?.kind == "timeout")
        #expect(slow.error?.message.contains("chart deadline of 2 s") == true)
        #expect(summary.pdf?.pages == 11, "10 charts and the cover")
    }

    /// `refchart report jobs.yaml` started in `dir` with one worker, the chart `hanging` never finishing.
    static func startReport(in dir: URL, hanging: String) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["report", "jobs.yaml", "--summary", "s.json", "--jobs", "1", "--quiet"]
        process.currentDirectoryURL = dir
        process.environment = ["PATH": "/usr/bin:/bin", "REFCHART_DEBUG_HANG_CHART": hanging]
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalMidReportLeavesAnInterruptedSummary(signal: Int32, status: Int32) async throws {
        let dir = try Self.workspace()
        let process = try Self.startReport(in: dir, hanging: "c2")
        // The run's first act is to replace last week's summary with "running".
        var running: ReportSummary?
        for _ in 0..<100 where running?.state != .running {
            try await Task.sleep(for: .milliseconds(50))
            running = try? Self.summary(in: dir)
        }
        #expect(running?.state == .running)
        // c0 and c1 render, c2 hangs: wait for the two to be written, then stop the run.
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/c1.png").path) {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(300))
        kill(process.processIdentifier, signal)
        await Task.detached { process.waitUntilExit() }.value
        #expect(process.terminationStatus == status)
        let summary = try Self.summary(in: dir)
        #expect(summary.state == .interrupted && summary.error?.contains("stopped by SIG") == true)
        #expect(summary.charts.prefix(2).allSatisfy { $0.status == .ok })
        #expect(summary.charts.dropFirst(2).allSatisfy { $0.status == .notRun } && summary.notRun == 8)
        #expect(summary.charts[2].error?.kind == "interrupted")
        #expect(!summary.succeeded)
    }

    @Test func theRunsDeadlineLeavesATimeoutSummary() async throws {
        let dir = try Self.workspace()
        let result = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--summary", "s.json", "--timeout", "2", "--jobs", "1"], in: dir,
            environment: ["REFCHART_DEBUG_HANG_CHART": "c5"])
        #expect(result.status == 5)
        let summary = try Self.summary(in: dir)
        #expect(summary.state == .timeout && summary.ok == 5)
        #expect(summary.charts[5].status == .timeout && summary.charts.dropFirst(6).allSatisfy { $0.status == .notRun })
    }

    /// A supervisor killed with SIGKILL cannot stop its worker: the worker notices it has lost its parent
    /// and ends, rather than drawing on (a hung chart would have held it for the chart deadline).
    @Test func aWorkerEndsWhenItsReportIsKilled() async throws {
        let dir = try Self.workspace()
        let process = try Self.startReport(in: dir, hanging: "c0")
        func children(of pid: Int32) -> [Int32] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return entries.compactMap(Int32.init).filter { child in
                guard let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { return false }
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                return fields.count > 1 && Int32(fields[1]) == pid
            }
        }
        var workers: [Int32] = []
        for _ in 0..<200 where workers.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            workers = children(of: process.processIdentifier)
        }
        try #require(!workers.isEmpty, "no worker started")
        kill(process.processIdentifier, SIGKILL)
        await Task.detached { process.waitUntilExit() }.value
        var alive = workers
        for _ in 0..<100 where !alive.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            alive = alive.filter {
                FileManager.default.fileExists(atPath: "/proc/\($0)/stat")
                    && !((try? String(contentsOfFile: "/proc/\($0)/stat", encoding: .utf8))?.contains(") Z ") ?? true)
            }
        }
        #expect(alive.isEmpty, "workers \(alive) outlived their report")
    }

    @Test func aRefusedJobsFileStillReplacesTheSummary() async throws {
        let dir = try Self.workspace(extra: "  - name: typo\n    tittle: x\n")
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "s.json"], in: dir)
        #expect(result.status == 64)
        let summary = try Self.summary(in: dir)
        #expect(summary.state == .invalid && summary.charts.isEmpty)
        #expect(summary.error?.contains("unknown chart key \"tittle\"") == true)
    }
}
