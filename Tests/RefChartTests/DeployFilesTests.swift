import Foundation
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

    @Test func theKubernetesCronJobRunsAnIndexedShardedJob() throws {
        let node = try #require(try Yams.load(yaml: try Self.text("kubernetes-cronjob.yaml")) as? [String: Any])
        #expect(node["kind"] as? String == "CronJob")
        let spec = try #require(node["spec"] as? [String: Any])
        #expect((spec["schedule"] as? String)?.split(separator: " ").count == 5)
        let job = try #require((spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any])
        #expect(job["completionMode"] as? String == "Indexed")
        let completions = try #require(job["completions"] as? Int)
        let pod = try #require((job["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let command = ((container["args"] as? [String]) ?? []).joined(separator: " ")
        #expect(command.contains("refchart report"))
        #expect(command.contains("--shard \"$JOB_COMPLETION_INDEX/\(completions)\""))
    }

    @Test func theSystemdUnitsAreWellFormed() throws {
        let service = try Self.ini(try Self.text("refchart-report.service"))
        #expect(service["Service"]?["Type"] == ["oneshot"])
        #expect(service["Service"]?["ExecStart"]?.first?.hasPrefix("/usr/local/bin/refchart report ") == true)
        let timer = try Self.ini(try Self.text("refchart-report.timer"))
        #expect(timer["Timer"]?["OnCalendar"]?.isEmpty == false)
        #expect(timer["Install"]?["WantedBy"] == ["timers.target"])
    }

    @Test func theCronLineHasFiveFieldsAndACommand() throws {
        let lines = try Self.text("crontab").split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(lines.count == 1)
        let fields = lines[0].split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        #expect(fields.count == 6)
        #expect(fields[5].contains("refchart report"))
    }
}
