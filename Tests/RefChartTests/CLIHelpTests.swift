import Foundation
import Testing

/// What `--help` teaches: an example on every leaf command, and the same names for the same things.
struct CLIHelpTests {
    static let leaves = [
        ["render"], ["report"], ["references", "list"], ["references", "get"], ["references", "create"], ["references", "update"],
        ["references", "delete"], ["inspect"], ["bench"], ["dashboard", "list"], ["dashboard", "render"],
    ]

    @Test(arguments: leaves)
    func everyLeafCommandShowsAnExample(command: [String]) throws {
        let result = try CLIRunner.run(command + ["--help"])
        let help = String(decoding: result.stdout, as: UTF8.self)
        #expect(result.status == 0)
        #expect(help.contains("Example"), "refchart \(command.joined(separator: " ")) --help has no example")
        #expect(help.contains("refchart \(command.joined(separator: " ")) "), "the example does not run this command")
    }

    /// `--project` is the OpenPanel project everywhere (`references` always said so); `--json` prints JSON.
    @Test func theProjectAndJSONNamesAreTheSameEverywhere() throws {
        for command in [["render"], ["inspect"], ["references", "list"], ["references", "create"], ["dashboard", "render"]] {
            let help = String(decoding: try CLIRunner.run(command + ["--help"]).stdout, as: UTF8.self)
            #expect(help.contains("--project"), "refchart \(command.joined(separator: " ")) has no --project")
        }
        for command in [["report"], ["inspect"], ["references", "list"]] {
            let help = String(decoding: try CLIRunner.run(command + ["--help"]).stdout, as: UTF8.self)
            #expect(help.contains("--json"), "refchart \(command.joined(separator: " ")) has no --json")
        }
        let dir = try TestSupport.temporaryDirectory()
        try "timestamp,value\n2024-03-01T00:00:00Z,1\n2024-03-01T01:00:00Z,2\n".write(
            to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        try "charts:\n  - name: a\n    csv: m.csv\n    output: out/a.png\n".write(
            to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let report = try CLIRunner.run(["report", "jobs.yaml", "--json", "--quiet"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        let summary = try JSONSerialization.jsonObject(with: report.stdout) as? [String: Any]
        #expect(summary?["state"] as? String == "complete")
        #expect(try CLIRunner.run(["report", "jobs.yaml", "--json", "--summary", "s.json"], in: dir).status == 64)
    }
}
