import Foundation
import RefChartReport
import Testing
import Yams

/// The scheduling examples under samples/deploy stay valid: YAML parses, unit files are well-formed INI
/// with the keys systemd needs, and every one runs `refchart report`.
struct DeployFilesTests {
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: TestSupport.sample("deploy/\(name)"), encoding: .utf8)
    }

    /// `[Section]` → key → values, as systemd reads unit files (comments and blank lines skipped).
    static func ini(_ text: String) throws -> [String: [String: [String]]] {
        var sections: [String: [String: [String]]] = [:]
        var current: String?
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                try #require(line.hasSuffix("]"), "line \(number + 1): \(line)")
                current = String(line.dropFirst().dropLast())
                continue
            }
            let section = try #require(current, "line \(number + 1) is outside a section")
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            try #require(parts.count == 2 && !parts[0].isEmpty, "line \(number + 1) is not key=value: \(line)")
            sections[section, default: [:]][parts[0], default: []].append(parts[1])
        }
        return sections
    }

    /// The CronJob's pod command, run as its four pods would run it (the volume a folder, the index filled
    /// in as Kubernetes fills `$(JOB_COMPLETION_INDEX)`): one whole PDF and the assembled summary.
    @Test func theKubernetesJobsFourPodsMakeOneWholeReport() async throws {
        let node = try #require(try Yams.load(yaml: try Self.text("kubernetes-cronjob.yaml")) as? [String: Any])
        #expect(node["kind"] as? String == "CronJob")
        let spec = try #require(node["spec"] as? [String: Any])
        #expect((spec["schedule"] as? String)?.split(separator: " ").count == 5)
        #expect(spec["timeZone"] as? String == "Europe/Stockholm", "Monday 08:00 in Stockholm, not UTC")
        let job = try #require((spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any])
        #expect(job["completionMode"] as? String == "Indexed")
        #expect((job["activeDeadlineSeconds"] as? Int ?? 0) > 3600, "the Job must outlive report's own 3600 s timeout")
        let completions = try #require(job["completions"] as? Int)
        let pod = try #require((job["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        #expect(container["command"] == nil, "the image's entrypoint is refchart: no shell")
        #expect((container["image"] as? String)?.hasSuffix(":latest") == false)
        let args = try #require(container["args"] as? [String])
        #expect(args.first == "report" && args.contains("--assemble"))
        let claim = try #require(try Yams.load(yaml: try Self.text("kubernetes-storage.yaml")) as? [String: Any])
        #expect((claim["spec"] as? [String: Any])?["accessModes"] as? [String] == ["ReadWriteMany"])
        let secret = try #require(try Yams.load(yaml: try Self.text("kubernetes-secret.example.yaml")) as? [String: Any])
        #expect(Set(((secret["stringData"] as? [String: Any]) ?? [:]).keys) == ["OPENPANEL_CLIENT_ID", "OPENPANEL_CLIENT_SECRET"])
        // The pods, on a folder standing in for the volume.
        let volume = try ReportShardTests.workspace()
        try FileManager.default.moveItem(at: volume.appendingPathComponent("jobs.yaml"), to: volume.appendingPathComponent("weekly.yaml"))
        let results = try await withThrowingTaskGroup(of: CLIRunner.Result.self) { group in
            for index in 0..<completions {
                let podArgs = args.map {
                    $0.replacingOccurrences(of: "$(JOB_COMPLETION_INDEX)", with: "\(index)").replacingOccurrences(of: "/reports", with: volume.path)
                }
                group.addTask { try await CLIRunner.runAsync(podArgs) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        let pdf = try String(decoding: Data(contentsOf: volume.appendingPathComponent("out/report.pdf")), as: UTF8.self)
        #expect(PDFProbe.pageCount(pdf) == 10, "9 charts and the cover")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: volume.appendingPathComponent("out/summary-all.json")))
        #expect(summary.state == .complete && summary.ok == 9)
    }

    /// The unit runs as a fixed system user that may write only the outputs' folder, and systemd waits
    /// longer than report's own timeout.
    @Test func theSystemdUnitRunsAsItsUserAndOutlivesTheReportsTimeout() throws {
        let service = try Self.ini(try Self.text("refchart-report.service"))
        let section = try #require(service["Service"])
        #expect(section["Type"] == ["oneshot"])
        #expect(section["ExecStart"]?.first?.hasPrefix("/usr/local/bin/refchart report ") == true)
        #expect(section["User"] == ["refchart"] && section["DynamicUser"] == nil)
        #expect(section["ReadWritePaths"] == ["/srv/reports/out"])
        #expect(section["ExecStart"]?.first?.contains("--summary out/summary.json") == true)
        let timeout = try #require(section["TimeoutStartSec"]?.first)
        let minutes = try #require(Double(timeout.replacingOccurrences(of: "min", with: "")))
        #expect(timeout.hasSuffix("min") && minutes * 60 > 3600)
        let timer = try Self.ini(try Self.text("refchart-report.timer"))
        let calendar = try #require(timer["Timer"]?["OnCalendar"]?.first)
        #expect(calendar.hasSuffix(" Europe/Stockholm"), "a local time, not the machine's")
        // systemd's own reading of it, where systemd is installed: the next run is a Monday at 08:00 there.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") {
            let analyze = try CLIRunner.runTool("/usr/bin/systemd-analyze", ["calendar", calendar])
            #expect(analyze.status == 0 && analyze.output.contains("Normalized form: Mon *-*-* 08:00:00 Europe/Stockholm"), "\(analyze.output)")
        }
        #expect(timer["Install"]?["WantedBy"] == ["timers.target"])
    }

    /// The crontab's command, run as cron runs it (/bin/sh, a bare environment) with its paths moved into a
    /// folder: the credentials file's variables reach refchart (an OpenPanel chart renders against the
    /// mock) and every log line (with --quiet, the failures) starts with its time.
    @Test func theCronLineExportsItsCredentialsAndStampsItsLog() async throws {
        let line = try #require(try Self.text("crontab").split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty })
        let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        #expect(fields.count == 6)
        let fixture = try await ExportTests.stockholm()
        defer { Task { await fixture.stop() } }
        let root = try TestSupport.temporaryDirectory()
        let reports = root.appendingPathComponent("srv/reports")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("log"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try """
        charts:
          - name: screen-views
            openpanelProject: acme-web
            events: screen_view
            interval: day
            orgTimezone: Europe/Stockholm
            from: "2024-03-11T00:00:00+01:00"
            to: "2024-03-14T00:00:00+01:00"
            output: out/{name}.png
          - name: lost-data
            csv: no-such.csv
            output: out/{name}.png

        """.write(to: reports.appendingPathComponent("weekly.yaml"), atomically: true, encoding: .utf8)
        let env = root.appendingPathComponent("openpanel.env")
        try fixture.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
            .write(to: env, atomically: true, encoding: .utf8)
        let command = String(fields[5])
            .replacingOccurrences(of: "/srv/reports", with: reports.path)
            .replacingOccurrences(of: "/etc/refchart/openpanel.env", with: env.path)
            .replacingOccurrences(of: "/usr/local/bin/refchart", with: CLIRunner.executable.path)
            .replacingOccurrences(of: "/var/log/refchart", with: root.appendingPathComponent("log").path)
        let status = try await Self.shell(command)
        let log = try String(contentsOf: root.appendingPathComponent("log/report.log"), encoding: .utf8)
        #expect(status == 1, "\(log)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: reports.appendingPathComponent("out/summary.json")))
        #expect(summary.charts.map(\.status) == [.ok, .failed], "\(summary.charts.compactMap(\.error))")
        #expect(log.contains("chart lost-data") && !log.contains("OPENPANEL_CLIENT_ID"))
        let stamped = try Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ "#)
        #expect(!log.isEmpty && log.split(separator: "\n").allSatisfy { $0.prefixMatch(of: stamped) != nil }, "\(log)")
    }

    /// A command line as cron runs it: `/bin/sh -c`, PATH alone in the environment.
    static func shell(_ command: String) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
                do {
                    try process.run()
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Run as a user who may not write the folder (a service's user, a root-owned `out/`): the error says
    /// "permission denied", not "the file system refused it". Needs root to switch user (CI is root).
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
    func aFolderTheUserMayNotWriteSaysPermissionDenied() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = [
            "-u", "nobody", "--", CLIRunner.executable.path, "render", "--csv", TestSupport.sample("pageviews.csv"), "-o",
            dir.appendingPathComponent("chart.png").path,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("permission denied"), "\(message)")
    }
}
