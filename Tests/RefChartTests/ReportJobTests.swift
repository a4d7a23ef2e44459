import Foundation
import RefChart
import RefChartReport
import Testing

/// Jobs files: defaults, overrides, relative paths, and every mistake named by line and column.
struct ReportJobTests {
    static func parse(_ yaml: String, file: String = "/jobs/weekly.yaml") throws -> ReportJob {
        try ReportJob.parse(yaml, file: file)
    }

    /// The error a jobs file gives, or `nil` when it parses.
    static func problem(_ yaml: String) -> JobFileError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error as? JobFileError
        }
    }

    @Test func axisKeysReadLikeTheFlags() throws {
        let job = try Self.parse(
            """
            charts:
              - name: traffic
                csv: traffic.csv
                rightAxis: signups
                log: true
                output: out/traffic.png
            """)
        #expect(job.charts[0].rightAxis == ["signups"] && job.charts[0].log)
        let problem = Self.problem(
            """
            charts:
              - name: traffic
                csv: traffic.csv
                rightAxis: signups
                type: bar
                output: out/traffic.png
            """)
        #expect(problem?.description.contains("weekly.yaml:4:16") == true, "\(String(describing: problem))")
    }

    @Test func defaultsApplyAndChartsOverrideThem() throws {
        let job = try Self.parse(
            """
            defaults:
              width: 800
              timezone: Europe/Berlin
              last: 30d
              output: out/{name}.{format}
              references: refs.json
            charts:
              - name: a
                csv: data/a.csv
              - name: b
                csv: https://example.com/b.csv
                width: 1000
                formats: [png, pdf]
                references: [x.json, /abs/y.json]
            pdf: out/weekly-{date}.pdf
            """)
        #expect(job.names == ["a", "b"])
        let (a, b) = (job.charts[0], job.charts[1])
        #expect(a.width == 800 && b.width == 1000)
        #expect(a.timezone?.identifier == "Europe/Berlin" && a.last == RelativeWindow("30d"))
        #expect(a.csv == "/jobs/data/a.csv")
        #expect(b.csv == "https://example.com/b.csv")
        #expect(a.references == ["/jobs/refs.json"])
        #expect(b.references == ["/jobs/x.json", "/abs/y.json"])
        let day = Date(timeIntervalSince1970: 1_732_924_800)  // 2024-11-30T00:00Z
        #expect(try b.outputs(now: day).map(\.path) == ["/jobs/out/b.png", "/jobs/out/b.pdf"])
        #expect(job.pdf == "/jobs/out/weekly-{date}.pdf")
        #expect(job.timezone == "Europe/Berlin")
    }

    @Test(arguments: [
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    widht: 800\n", 5, 5, "unknown chart key \"widht\" (did you mean \"width\"?)"),
        ("defualts:\n  width: 1\ncharts: []\n", 1, 1, "unknown top-level key \"defualts\""),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    width: wide\n", 5, 12, "width: expected a whole number"),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    width: 50\n", 5, 12, "chart \"a\": width: 50 is out of range"),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    theme: pink\n", 5, 12, "theme: is not one of the allowed values"),
        ("charts:\n  - name: a\n    csv: a.csv\n", 2, 5, "chart \"a\" has no \"output\""),
        (
            "charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n  - name: a\n    csv: b.csv\n    output: b.png\n", 5, 11,
            "the name \"a\" is already used at line 2"
        ),
        (
            "charts:\n  - name: a\n    csv: a.csv\n    output: x.png\n  - name: b\n    csv: b.csv\n    output: x.png\n", 7, 13,
            "is also chart \"a\"'s png image (output)"
        ),
        (
            "charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    formats: [png, svg]\n", 4, 13,
            "names one file for 2 formats: put {format} in it"
        ),
        ("charts:\n  - name: a b\n    csv: a.csv\n    output: a.png\n", 2, 11, "\"a b\" is not a name"),
        ("charts:\n  - name: a\n    output: a.png\n", 2, 5, "csv: is missing"),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    timezone: Mars/Olympus\n", 5, 15, "not an IANA time zone"),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    last: 99999999999y\n", 5, 11, "is not a duration"),
        ("charts:\n  - name: a\n    csv: [a.csv\n", 4, 1, "not valid YAML"),
        ("charts: []\n", 1, 9, "\"charts\" must be a non-empty list"),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    layoutReport: .\n", 5, 19, "names a folder, not a file"),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: out/\n", 4, 13, "names a folder, not a file"),
        ("charts:\n  - name: a\n    csv: a.csv\n    output: a.png\n    openpanelProject: \"\"\n", 5, 23, "openpanelProject: is empty"),
        (
            "charts:\n  - name: \(String(repeating: "n", count: 300))\n    csv: a.csv\n    output: a.png\n", 2, 11,
            "is 300 characters long: use at most 100"
        ),
    ])
    func mistakesAreNamedByLineAndColumn(yaml: String, line: Int, column: Int, message: String) throws {
        let error = try #require(Self.problem(yaml), "no error for:\n\(yaml)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
        #expect(error.description.hasPrefix("/jobs/weekly.yaml:\(line):\(column): "))
    }

    @Test func jsonIsAJobsFileToo() throws {
        let job = try Self.parse(#"{"charts": [{"name": "a", "csv": "a.csv", "output": "a.svg", "height": 700}]}"#)
        #expect(job.charts[0].height == 700)
        #expect(try job.charts[0].resolvedFormats() == [.svg])
    }

    @Test func shardsAreDisjointAndTogetherComplete() throws {
        let charts = (0..<11).map { "  - name: c\($0)\n    csv: c.csv\n" }.joined()
        let job = try Self.parse("defaults:\n  output: out/{name}.png\ncharts:\n" + charts)
        for count in 1...4 {
            let shards = try (0..<count).map { index in
                try ReportSelection(shard: ReportSelection.Shard("\(index)/\(count)")).charts(of: job).map { $0.name! }
            }
            let all = shards.flatMap { $0 }
            #expect(all.count == 11 && Set(all) == Set(job.names), "shards of \(count) are not disjoint and complete")
            #expect(shards[0].first == "c0")
        }
        let only = try ReportSelection(only: ["c3", "c7", "c9"], shard: ReportSelection.Shard("1/2")).charts(of: job)
        #expect(only.map(\.name) == ["c7"])
        #expect(throws: JobFileError.self) { try ReportSelection(only: ["nope"]).charts(of: job) }
        #expect(ReportSelection.Shard("2/2") == nil && ReportSelection.Shard("-1/2") == nil && ReportSelection.Shard("1") == nil)
    }

    @Test func theBundledWeeklyReportIsValid() throws {
        let job = try ReportJob.load(path: TestSupport.sample("weekly.yaml"))
        #expect(job.charts.count >= 6)
        #expect(job.pdf != nil)
    }
}
