import Foundation
import RefChart
import RefChartReport
import Testing

/// YAML as people write it in jobs files: merge keys and anchors, null list items, nested values where a
/// single one belongs, and keys or names with escape sequences — each a clear message at line:column.
struct JobFileYAMLTests {
    @Test func mergeKeysApplyAnchorsWithOwnKeysWinning() throws {
        let job = try ReportJobTests.parse(
            """
            x-size: &size
              width: 800
              height: 300
            x-dark: &dark
              theme: dark
              width: 500
            defaults: &base
              output: out/{name}.{format}
            charts:
              - name: a
                <<: [*size, *dark]
                csv: a.csv
              - name: b
                <<: *size
                height: 200
                csv: b.csv
            """)
        #expect(job.charts[0].width == 800, "the first merged mapping wins over later ones")
        #expect(job.charts[0].theme == .dark && job.charts[0].height == 300)
        #expect(job.charts[1].width == 800 && job.charts[1].height == 200, "a chart's own key wins")
    }

    @Test(arguments: [
        ("    <<: 5\n", "3:9", "\"<<\" must name a mapping"),
        ("    references: [~]\n", "3:18", "references: a list item is empty (null)"),
        ("    formats: [png, null]\n", "3:20", "formats: a list item is empty (null)"),
        ("    title: [a]\n", "3:12", "title: expected a single value, not a list or a mapping"),
        ("    width: {a: 1}\n", "3:12", "width: expected a single value"),
        ("    \"ti\\u001Btle\": x\n", "3:5", "unknown chart key \"ti\\u{1B}tle\""),
    ])
    func mistakesAreNamedWhereTheyAre(line: String, place: String, message: String) throws {
        let problem = ReportJobTests.problem("charts:\n  - name: a\n\(line)    csv: a.csv\n    output: out/a.png\n")
        let text = try #require(problem?.description)
        #expect(text.contains("weekly.yaml:\(place): ") && text.contains(message), "\(text)")
        #expect(!text.contains("\u{1B}"), "an escape sequence reached the message raw")
    }

    @Test func aQuotedNullIsAName() throws {
        let job = try ReportJobTests.parse("charts:\n  - name: a\n    references: [\"null\"]\n    csv: a.csv\n    output: out/a.png\n")
        #expect(job.charts[0].references == ["/jobs/null"])
    }

    /// argument-parser and `--only` echo what was given: escape sequences arrive escaped.
    @Test func echoedValuesNeverReachTheTerminalRaw() throws {
        let folder = try TestSupport.temporaryDirectory()
        let jobs = folder.appendingPathComponent("jobs.yaml")
        try "charts:\n  - name: a\n    csv: a.csv\n    output: out/a.png\n".write(to: jobs, atomically: true, encoding: .utf8)
        let only = try CLIRunner.run(["report", jobs.path, "--check", "--only", "x\u{1B}[31my"])
        #expect(only.status == 64 && only.stderr.contains("no chart named \"x\\u{1B}[31my\" (charts: \"a\")"), "\(only.stderr)")
        let format = try CLIRunner.run(["render", "--csv", "a.csv", "--time-format", "%Q\u{1B}[31m", "-o", "x.png"], in: folder)
        #expect(format.status == 64 && format.stderr.contains("'%Q\\u{1B}[31m' is invalid for '--time-format"), "\(format.stderr)")
        #expect(!(only.stderr + format.stderr).contains("\u{1B}"))
    }
}
