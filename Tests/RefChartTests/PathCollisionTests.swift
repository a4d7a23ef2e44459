import Foundation
import RefChart
import RefChartReport
import Testing

/// Nothing a run writes may be something it reads or something else it writes: every kind of collision is
/// refused before anything renders (exit 64, naming both uses), and the inputs are left as they were.
struct PathCollisionTests {
    /// A folder with `m.csv`, `r.json`, `jobs.yaml` (written by each case), a symbolic link `alias.png` to
    /// the CSV and a hard link `hard.svg` to the references file.
    static func workspace() throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try CLIReportTests.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        try #"[{"title": "Launch", "date": "2024-03-01T12:00:00Z"}]"#.write(
            to: dir.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("alias.png").path, withDestinationPath: "m.csv")
        try FileManager.default.linkItem(atPath: dir.appendingPathComponent("r.json").path, toPath: dir.appendingPathComponent("hard.svg").path)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        return dir
    }

    static let header = "defaults:\n  csv: m.csv\n  references: [r.json]\n  width: 300\n  height: 200\ncharts:\n"

    @Test(arguments: [
        ("  - name: a\n    output: jobs.yaml\n    formats: [png]\n", "output: \"", "is also the jobs file"),
        ("  - name: a\n    output: m.csv\n    formats: [png]\n", "output: \"", "is also chart \"a\"'s metrics CSV (csv)"),
        ("  - name: a\n    output: alias.png\n", "output: \"", "is also chart \"a\"'s metrics CSV (csv)"),
        ("  - name: a\n    output: hard.svg\n", "output: \"", "is also chart \"a\"'s references file (references)"),
        ("  - name: a\n    output: a.png\n    layoutReport: r.json\n", "layoutReport: ", "references file"),
        ("  - name: a\n    output: a.png\n    footnotesFile: m.csv\n", "footnotesFile: ", "metrics CSV"),
        ("  - name: a\n    output: a.png\n    layoutReport: a.png\n", "layoutReport: ", "is also chart \"a\"'s png image (output)"),
        (
            "  - name: a\n    output: out/{name}.{format}\n    formats: [png, pdf]\n  - name: b\n    output: ./out/../out/a.pdf\n",
            "chart \"b\": output:", "is also chart \"a\"'s pdf image (output)"
        ),
        (
            "  - name: a\n    output: out/{name}.png\n    layoutReport: out/report.json\n  - name: b\n    output: out/{name}.png\n    layoutReport: out/report.json\n",
            "chart \"b\": layoutReport:", "is also chart \"a\"'s layout report (layoutReport)"
        ),
        ("  - name: a\n    output: \"-\"\n    formats: [png]\n    layoutReport: \"-\"\n", "layoutReport: standard output", "png image"),
        ("  - name: a\n    output: out/{name}.{format}\n    formats: [pdf]\npdf: out/a.pdf\n", "\"pdf\"", "is also chart \"a\"'s pdf image"),
        ("  - name: a\n    output: out/{name}.png\npdf: out/all.png\n", "\"pdf\"", "must end in .pdf"),
        ("  - name: a\n    output: out/{name}.png\npdf: out/{name}.pdf\n", "\"pdf\"", "placeholder other than {date}"),
        ("  - name: a\n    output: out/{name}.png\npdf: jobs.yaml\n", "\"pdf\"", "must end in .pdf"),
        ("  - name: \"..\"\n    output: out/{name}.png\n", "name: ", "is not a name"),
        ("  - name: \".\"\n    output: out/{name}.png\n", "name: ", "is not a name"),
        ("  - name: a\n    output: out/{name}.png\n    layoutReport: out/{nmae}.json\n", "layoutReport: ", "unknown placeholder {nmae}"),
    ])
    func aReportThatWouldClobberIsRefusedBeforeItRenders(charts: String, field: String, message: String) async throws {
        let dir = try Self.workspace()
        let yaml = Self.header + charts
        try yaml.write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let before = try Self.inputs(in: dir)
        for arguments in [["report", "jobs.yaml", "--check"], ["report", "jobs.yaml"]] {
            let result = try await CLIRunner.runAsync(arguments, in: dir)
            #expect(result.status == 64, "\(arguments) \(charts)")
            let stderr = result.stderr
            #expect(stderr.contains(field) && stderr.contains(message), "\(stderr)")
            #expect(stderr.contains("jobs.yaml:"), "the error names its line: \(stderr)")
        }
        #expect(try Self.inputs(in: dir) == before, "an input changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).isEmpty)
    }

    @Test func placeholdersFillEveryPathSoChartsDoNotShareOne() throws {
        let dir = try Self.workspace()
        let yaml =
            Self.header
            + "  - name: a\n    output: out/{name}.png\n    layoutReport: out/{name}-{date}.json\n    footnotesFile: out/{name}.md\n"
            + "  - name: b\n    output: out/{name}.png\n    layoutReport: out/{name}-{date}.json\n    footnotesFile: out/{name}.md\n"
            + "pdf: out/all-{date}.pdf\n"
        let job = try ReportJob.parse(yaml, file: dir.appendingPathComponent("jobs.yaml").path)
        let day = ISO8601.day(of: Date(), in: .gmt)
        let writes = try job.charts.flatMap { try $0.writes(now: Date()) }.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(writes == ["a.png", "a-\(day).json", "a.md", "b.png", "b-\(day).json", "b.md"])
        #expect(try job.pdfPath(now: Date()).map { URL(fileURLWithPath: $0).lastPathComponent } == "all-\(day).pdf")
    }

    @Test(arguments: [
        (["--summary", "jobs.yaml"], "--summary \"", "is also the jobs file"),
        (["--summary", "m.csv"], "--summary \"", "metrics CSV"),
        (["--summary", "out/a.png"], "--summary \"", "png image"),
        (["--summary", "-"], "--summary standard output", "png image"),
    ])
    func theSummaryIsCheckedToo(arguments: [String], field: String, message: String) async throws {
        let dir = try Self.workspace()
        let output = arguments.last == "-" ? "\"-\"" : "out/{name}.png"
        try (Self.header + "  - name: a\n    output: \(output)\n    formats: [png]\n")
            .write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let before = try Self.inputs(in: dir)
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml"] + arguments, in: dir)
        #expect(result.status == 64)
        let stderr = result.stderr
        #expect(stderr.contains(field) && stderr.contains(message), "\(stderr)")
        #expect(try Self.inputs(in: dir) == before)
    }

    @Test(arguments: [
        (["-o", "m.csv", "--format", "png"], "-o \"", "is also the metrics CSV (--csv)"),
        (["-o", "alias.png"], "-o \"", "metrics CSV"),
        (["-o", "a.png", "--layout-report", "a.png"], "--layout-report \"", "is also the png image (-o)"),
        (["-o", "a.png", "--layout-report", "./out/../a.png"], "--layout-report \"", "png image"),
        (["-o", "a.png", "--layout-report", "r.json"], "--layout-report \"", "references file (--references)"),
        (["-o", "a.png", "--footnotes-file", "m.csv"], "--footnotes-file \"", "metrics CSV"),
        (["-o", "-", "--format", "png", "--layout-report", "-"], "--layout-report standard output", "png image"),
    ])
    func renderRefusesTheSameCollisions(arguments: [String], field: String, message: String) throws {
        let dir = try Self.workspace()
        let before = try Self.inputs(in: dir)
        let result = try CLIRunner.run(["render", "--csv", "m.csv", "--references", "r.json"] + arguments, in: dir)
        #expect(result.status == 64)
        let stderr = result.stderr
        #expect(stderr.contains(field) && stderr.contains(message), "\(stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try Self.inputs(in: dir) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.png").path))
    }

    /// The bytes of every input, to prove none changed.
    static func inputs(in dir: URL) throws -> [Data] {
        try ["m.csv", "r.json", "jobs.yaml"].compactMap { FileManager.default.contents(atPath: dir.appendingPathComponent($0).path) }
    }
}
