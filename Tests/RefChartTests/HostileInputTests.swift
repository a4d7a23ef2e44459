import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Faults and hostile input, each found by a hostile run against an earlier binary: no trap, no invalid
/// file, a clear message and the documented exit status.
struct HostileInputTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let good = "timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n"

    @Test func aFullStandardOutputIsAnErrorNotATrap() throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        let dir = try TestSupport.temporaryDirectory()
        process.arguments = ["render", "--csv", try Self.write(Self.good, "m.csv", in: dir), "-o", "-", "--format", "png"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(message.contains("cannot write to standard output: No space left on device"), "\(message)")
    }

    @Test(arguments: [
        ("timestamp,value\n2024-01-01T00:00:00Z,0\n2024-01-01T01:00:00Z,1e-322\n", [String](), Int32(0), ""),
        (good, ["--last", "99999999999y"], 64, "--last \"99999999999y\" is not a duration"),
        (good, ["--width", "-1"], 64, "--width -1 is out of range"),
        (good, ["--timezone", "Mars/Olympus"], 64, "--timezone \"Mars/Olympus\" is not an IANA time zone"),
        (good, ["--from", "tomorrow"], 64, "--from \"tomorrow\" is not an ISO 8601 date"),
        ("timestamp,value\n2024-01-01T00:00:00Z,1e309\n", [], 1, "\"1e309\" is beyond the largest number a chart can hold"),
        (
            "timestamp,value\n2024-01-01T00:00:00Z," + String(repeating: "9", count: 400) + "\n", [], 1,
            "is beyond the largest number a chart can hold"
        ),
        ("timestamp;value\n2024-01-01T00:00:00Z;12.5\n  \n2024-01-01T01:00:00Z;13.25\n", [], 0, ""),
    ])
    func extremeValuesAndOddOptionsGetAClearAnswer(csv: String, options: [String], status: Int32, message: String) throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("chart.png").path
        let result = try CLIRunner.run(["render", "--csv", try Self.write(csv, "m.csv", in: dir), "-o", out] + options)
        #expect(result.status == status, "\(result.stderr)")
        #expect(message.isEmpty ? result.stderr.isEmpty : result.stderr.contains(message), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out) == (status == 0))
    }

    @Test func anOverflowingValueIsSkippedAndCountedWhenLenient() throws {
        let dir = try TestSupport.temporaryDirectory()
        let csv = try Self.write("timestamp,value\n2024-01-01T00:00:00Z,1e309\n2024-01-01T01:00:00Z,2\n2024-01-01T02:00:00Z,3\n", "m.csv", in: dir)
        let result = try CLIRunner.run(["render", "--csv", csv, "-o", dir.appendingPathComponent("c.png").path, "--lenient"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("skipped 1 unreadable rows") && result.stderr.contains("lines 2"))
    }

    @Test func aHugeCellGivesABoundedEscapedMessage() throws {
        let dir = try TestSupport.temporaryDirectory()
        let cell = "\u{1B}[31m" + String(repeating: "x", count: 2_000_000)
        let csv = try Self.write("timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,\(cell)\n", "m.csv", in: dir)
        let result = try CLIRunner.run(["render", "--csv", csv, "-o", dir.appendingPathComponent("c.png").path, "--value-column", "value"])
        #expect(result.status == 1)
        #expect(result.stderr.utf8.count < 400, "\(result.stderr.utf8.count) bytes of stderr")
        #expect(!result.stderr.contains("\u{1B}") && result.stderr.contains("\\u{1B}[31mxxx") && result.stderr.contains("…"))
    }

    @Test func controlCharactersNeverMakeAnInvalidSVG() throws {
        let dir = try TestSupport.temporaryDirectory()
        let csv = try Self.write("timestamp,page\u{01}views\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n", "m.csv", in: dir)
        let refs = try Self.write(#"[{"title":"Bell\u0007 and\u001f unit","date":"2024-01-01T00:30:00Z"}]"#, "r.json", in: dir)
        let svg = dir.appendingPathComponent("c.svg").path
        let result = try CLIRunner.run(["render", "--csv", csv, "--references", refs, "-o", svg, "--title", "Title\u{02}\u{FFFE}"])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: svg))
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(!data.contains(0x01) && !data.contains(0x02) && !data.contains(0x07) && !data.contains(0x1F))
    }

    @Test func outputPathsBehave() throws {
        let dir = try TestSupport.temporaryDirectory()
        let csv = try Self.write(Self.good, "m.csv", in: dir)
        // A directory: said in words.
        let toDirectory = try CLIRunner.run(["render", "--csv", csv, "-o", dir.path, "--format", "png"])
        #expect(toDirectory.status == 64)
        #expect(toDirectory.stderr.contains("names a folder, not a file") && !toDirectory.stderr.contains("ChartError"))
        // A symbolic link: the target is replaced, the link kept.
        let target = dir.appendingPathComponent("real.png").path
        let link = dir.appendingPathComponent("link.png").path
        try Data().write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try CLIRunner.run(["render", "--csv", csv, "-o", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(RenderTests.pngSize(try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))) != nil)
        // A leftover from a killed process is cleaned by the next write to the same path.
        let leftover = dir.appendingPathComponent(".chart.png.999999.tmp").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: leftover))
        #expect(try CLIRunner.run(["render", "--csv", csv, "-o", dir.appendingPathComponent("chart.png").path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        // The layout report cannot be the image, and both cannot go to standard output.
        let same = try CLIRunner.run(["render", "--csv", csv, "-o", target, "--layout-report", target])
        #expect(same.status == 64 && same.stderr.contains("is also the png image (-o)"))
        let report = try CLIRunner.run(["render", "--csv", csv, "-o", target, "--layout-report", "-"])
        #expect(report.status == 0)
        #expect((try JSONSerialization.jsonObject(with: report.stdout) as? [String: Any])?["plot"] != nil)
    }

    @Test func referencesFromStandardInput() throws {
        let dir = try TestSupport.temporaryDirectory()
        let csv = try Self.write(Self.good, "m.csv", in: dir)
        let result = try CLIRunner.run(
            ["render", "--csv", csv, "--references", "-", "-o", dir.appendingPathComponent("c.png").path, "--layout-report", "-"],
            stdin: #"{"data":[{"title":"","description":null,"date":"2024-01-01T00:30:00.000Z"}]}"#)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((json["references"] as? [Any])?.count == 1)
    }

    @Test func onlyAClientIdIsACredentialsProblem() throws {
        let result = try CLIRunner.run(["references", "list"], environment: ["OPENPANEL_CLIENT_ID": "abc"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("OPENPANEL_CLIENT_ID is set but OPENPANEL_CLIENT_SECRET is not"))
    }

    /// Layout over extreme magnitudes never traps: tiny and huge values, spans of a subnormal, a single point.
    @Test func layoutSurvivesExtremeValues() {
        var random = SeededGenerator(seed: 99)
        // Subnormals from the smallest step (written as literals, they warned on every build).
        let tiny = Double.leastNonzeroMagnitude
        let magnitudes: [Double] = [0, 20 * tiny, tiny, 1e-300, 1, 1e15, 1e300, 1.7e308, -1.7e308, -2_024 * tiny]
        for _ in 0..<200 {
            let count = Int.random(in: 1...5, using: &random)
            let values = (0..<count).map { _ in magnitudes.randomElement(using: &random)! }
            let start = Double.random(in: -6e10...2.5e11, using: &random)
            let step = [1e-3, 1, 3600, 1e9].randomElement(using: &random)!
            let times = (0..<count).map { start + Double($0) * step }
            let spec = ChartSpec(
                series: [MetricSeries(name: "v", times: times, values: values)],
                references: [Reference(id: "a", title: "A", date: Date(timeIntervalSince1970: start))])
            let (_, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
            #expect(report.plot.height > 0 && report.height.isFinite)
        }
    }
}
