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

    /// The reader's own refusals: each at the place it is, none a crash or a hang.
    @Test(arguments: [
        ("charts:\n  - name: a\n    csv: a.csv\n    name: b\n", "4:5", "\"name\" is given twice"),
        ("charts:\n  - <<: *nowhere\n", "2:9", "names no anchor defined before it"),
        ("charts: []\n---\ncharts: []\n", "2:1", "expected a single document"),
        ("charts: " + String(repeating: "[", count: 200) + "\n", "1:72", "nested more than 64 levels deep"),
        ("charts: " + String(repeating: "[", count: 100_000) + "\n", "1:10", "nested more than 64 levels deep"),
        ("charts: [a\n", "2:1", "not valid YAML: did not find expected ',' or ']'"),
    ])
    func documentProblemsAreNamedWhereTheyAre(yaml: String, place: String, message: String) throws {
        let text = try #require(ReportJobTests.problem(yaml)?.description)
        #expect(text.contains("weekly.yaml:\(place): ") && text.contains(message), "\(text)")
    }

    /// Each mapping is merged once, as it ends: a chain of 40 anchors each merging the previous one twice
    /// took 2^40 steps when merges were expanded recursively.
    @Test func chainedMergesAreReadOnce() throws {
        var yaml = "x-0: &a0 {width: 640}\n"
        for level in 1...40 { yaml += "x-\(level): &a\(level) {<<: [*a\(level - 1), *a\(level - 1)], height: \(100 + level)}\n" }
        yaml += "charts:\n  - name: a\n    <<: *a40\n    csv: a.csv\n    output: out/a.png\n"
        let job = try ReportJobTests.parse(yaml)
        #expect(job.charts[0].width == 640 && job.charts[0].height == 140)
    }

    /// A chart is decoded key by key in the file's order (only the keys it has), so of two bad values the
    /// first in the file is the one reported, whichever the request or its options hold.
    @Test(arguments: [("width: wide\n    skipLines: many", "4:12", "width"), ("skipLines: many\n    width: wide", "4:16", "skipLines")])
    func theFirstBadValueInTheFileIsReported(keys: String, place: String, key: String) throws {
        let yaml = "charts:\n  - name: a\n    csv: a.csv\n    \(keys)\n    output: out/a.png\n"
        let problem = try #require(ReportJobTests.problem(yaml))
        #expect(problem.description.contains("weekly.yaml:\(place): \(key): "), "\(problem)")
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

/// A jobs file is checked whole: every chart's problem in one run, as a compiler reports, capped.
struct JobFileAllErrorsTests {
    @Test func everyProblemIsReportedInOneRunInFileOrder() throws {
        let yaml = """
            charts:
              - name: a
                csv: m.csv
                widht: 3
                output: o.png
              - name: b
                csv: m.csv
                width: -4
                output: p.png
              - name: a
                csv: m.csv
                output: q.png
            pdf: x.txt

            """
        let error = try #require(ReportJobTests.problem(yaml))
        let lines = error.message(spelling: .keys).split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(lines)")
        #expect(lines[0].hasPrefix("/jobs/weekly.yaml:4:5: unknown chart key \"widht\""))
        #expect(lines[1].hasPrefix("/jobs/weekly.yaml:8:12: chart \"b\": width"))
        #expect(lines[2].hasPrefix("/jobs/weekly.yaml:10:11: the name \"a\" is already used at line 2"))
        #expect(lines[3].hasPrefix("/jobs/weekly.yaml:13:6: \"pdf\""))
        #expect(lines[4] == "4 problems in /jobs/weekly.yaml")
    }

    @Test func pastFiftyTheRestAreCounted() throws {
        let charts = (0..<60).map { "  - name: c\($0)\n    csv: m.csv\n    width: 1\n    output: o\($0).png\n" }.joined()
        let error = try #require(ReportJobTests.problem("charts:\n" + charts))
        let lines = error.message(spelling: .keys).split(separator: "\n")
        #expect(lines.count == 52)
        #expect(lines[50] == "… and 10 more problems" && lines[51] == "60 problems in /jobs/weekly.yaml")
    }

    @Test func theRefusedRunStillReplacesItsSummaryWithEveryProblem() throws {
        let dir = try TestSupport.temporaryDirectory()
        try "charts:\n  - name: a\n    csv: m.csv\n    widht: 3\n    output: o.png\n  - name: b\n    csv: m.csv\n    width: -4\n    output: p.png\n"
            .write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        try Data("{\"state\": \"complete\"}".utf8).write(to: dir.appendingPathComponent("summary.json"))
        let result = try CLIRunner.run(["report", "jobs.yaml", "--summary", "summary.json"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("jobs.yaml:4:5:") && result.stderr.contains("jobs.yaml:8:12:"), "\(result.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.state == .invalid && summary.error?.contains("2 problems") == true)
    }
}
