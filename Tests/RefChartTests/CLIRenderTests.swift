import Foundation
import Testing

struct CLIRenderTests {
    private let csv = TestSupport.sample("pageviews.csv")
    private let refs = TestSupport.sample("references.json")

    @Test func rendersThePNGAndTheLayoutReport() throws {
        let dir = try TestSupport.temporaryDirectory()
        let png = dir.appendingPathComponent("chart.png").path
        let report = dir.appendingPathComponent("report.json").path
        let result = try CLIRunner.run(["render", "--csv", csv, "--references", refs, "-o", png, "--layout-report", report])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(RenderTests.pngSize(bytes).map { [$0.0, $0.1] } == [1200, 600])
        let json = try RenderTests.report(Data(contentsOf: URL(fileURLWithPath: report)))
        #expect((json["references"] as? [Any])?.count == 9)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["chart.png", "report.json"])
    }

    /// `-o x.png --format svg` wrote SVG bytes into x.png: now a usage error, and nothing written.
    @Test func anExtensionThatContradictsTheFormatIsRefused() throws {
        let dir = try TestSupport.temporaryDirectory()
        let png = dir.appendingPathComponent("x.png").path
        let result = try CLIRunner.run(["render", "--csv", csv, "-o", png, "--format", "svg"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("ends in .png but the format is svg"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: png))
        #expect(try CLIRunner.run(["render", "--csv", csv, "-o", dir.appendingPathComponent("x.svg").path, "--format", "svg"]).status == 0)
    }

    @Test func rendersSVGWithSizeAndTitleFromOptions() throws {
        let dir = try TestSupport.temporaryDirectory()
        let svg = dir.appendingPathComponent("chart.svg").path
        let result = try CLIRunner.run([
            "render", "--csv", csv, "--references", refs, "-o", svg, "--width", "1600", "--height", "700",
            "--title", "Pageviews, last 90 days",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains(#"width="1600px" height="700px""#))
        #expect(text.contains("<title id=\"chart-title\">Pageviews, last 90 days</title>"))
    }

    @Test func writesToStandardOutputWithAFormat() throws {
        let result = try CLIRunner.run(["render", "--csv", csv, "-o", "-", "--format", "png", "--width", "300", "--height", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(RenderTests.pngSize([UInt8](result.stdout)).map { [$0.0, $0.1] } == [300, 200])
    }

    /// Each bad input: its exit status, a message that says what and where, and no output file.
    @Test(arguments: [
        (["--csv", "missing.csv"], 1, "missing.csv: no such file"),
        (["--csv", "bad.csv"], 1, "bad.csv:3: column \"value\": \"twelve\" is not a number"),
        (["--csv", "notime.csv"], 1, "no time column"),
        (["--csv", "nonumber.csv"], 1, "no numeric value column"),
        (
            ["--csv", "good.csv", "--references", "badrefs.json"], 1,
            "badrefs.json: entry 2 (\"Launch\"), field \"date\": \"yesterday\" is not an ISO 8601 date"
        ),
        (["--csv", "good.csv", "--references", "broken.json"], 1, "broken.json:1: column"),
        (["--csv", "good.csv", "--output-ext", "jpg"], 64, "cannot tell the format of out.jpg"),
        (["--csv", "good.csv", "--width", "5"], 64, "--width 5 is out of range"),
        (["--csv", "good.csv", "--height", "99999"], 64, "--height 99999 is out of range"),
        (["--csv", "good.csv", "--timezone", "Mars/Olympus"], 64, "not an IANA time zone"),
    ])
    func badInputFailsClearlyAndWritesNothing(arguments: [String], status: Int32, message: String) throws {
        let dir = try TestSupport.temporaryDirectory()
        let files = [
            "good.csv": "timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n",
            "bad.csv": "timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,twelve\n",
            "notime.csv": "when,value\nsoon,1\n",
            "nonumber.csv": "date,name\n2024-01-01,alice\n",
            "badrefs.json": #"{"data":[{"title":"Ok","date":"2024-01-01"},{"title":"Launch","date":"yesterday"}]}"#,
            "broken.json": #"{"data": [}"#,
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var args = ["render"]
        var ext = "png"
        var k = 0
        while k < arguments.count {
            if arguments[k] == "--output-ext" { ext = arguments[k + 1] } else { args += arguments[k...(k + 1)] }
            k += 2
        }
        args += ["-o", "out.\(ext)"]
        let result = try CLIRunner.run(args, in: dir)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrac"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("out") || $0.hasPrefix(".out") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func helpListsTheExitCodes() throws {
        let result = try CLIRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self).contains("Exit codes"))
    }
}

struct CLIWindowTests {
    @Test func lastWindowCountsWhatFallsOutside() throws {
        let dir = try TestSupport.temporaryDirectory()
        let report = dir.appendingPathComponent("r.json").path
        let result = try CLIRunner.run([
            "render", "--csv", TestSupport.sample("pageviews.csv"), "--references", TestSupport.sample("references.json"),
            "--last", "30d", "--to", "2024-11-29T23:00:00Z", "-o", dir.appendingPathComponent("c.png").path,
            "--layout-report", report,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try RenderTests.report(Data(contentsOf: URL(fileURLWithPath: report)))
        let outside = try #require(json["outOfRange"] as? [String: Int])
        #expect(outside["before"] == 6 && outside["after"] == 0)
        let entries = try #require(json["references"] as? [[String: Any]])
        // Every documented key is present on every entry (null where it does not apply).
        for entry in entries {
            for key in ["id", "title", "date", "x", "state", "lane", "shifted", "truncated", "badge"] {
                #expect(entry.keys.contains(key), "missing \(key)")
            }
        }
        #expect(entries.filter { $0["state"] as? String == "label" }.count == 3)
    }

    @Test func aWindowWithoutDataSaysWhereTheDataIs() throws {
        let dir = try TestSupport.temporaryDirectory()
        let result = try CLIRunner.run([
            "render", "--csv", TestSupport.sample("pageviews.csv"), "--from", "2020-01-01", "--to", "2020-02-01",
            "-o", dir.appendingPathComponent("c.png").path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no data between 2020-01-01T00:00:00Z and 2020-02-01T00:00:00Z: the data runs from 2024-09-01T00:00:00Z"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
