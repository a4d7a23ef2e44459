import Foundation
import RefChartReport
import Testing

/// A report's combined PDF as a document (issue 26): cover with the period and contents that link to each
/// chart, the impact table, one page size, continued pages headed, footers with page numbers; text that
/// stays text (read back with poppler's `pdftotext`).
@Suite struct ReportDocumentTests {
    /// A report of an impact chart, a chart of 200 references (its footnotes continue) and a chart that
    /// fails, on A4 landscape.
    static func workspace(page: String = "a4") throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try "time,value\n".write(to: dir.appendingPathComponent("empty.csv"), atomically: true, encoding: .utf8)
        try """
        defaults:
          csv: \(TestSupport.sample("pageviews.csv"))
          timezone: Europe/Berlin
          from: 2024-09-01
          to: 2024-11-30T00:00:00Z
          width: 1200
          height: 600
          output: out/{name}.png
        charts:
          - name: launches
            title: What each launch did
            references: [\(TestSupport.sample("references.json"))]
            impact: true
          - name: busy
            title: Two hundred references
            references: [\(TestSupport.sample("dense-references.json"))]
            width: 800
            height: 400
          - name: broken
            csv: empty.csv
        pdf: out/report.pdf
        title: Growth weekly
        page: \(page)
        """.write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The text of PDF pages `first…last` (1-based), through poppler's `pdftotext`.
    static func text(_ pdf: URL, first: Int, last: Int) throws -> String {
        let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else {
            Issue.record("pdftotext is missing: scripts/test.sh installs poppler-utils")
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-f", "\(first)", "-l", "\(last)", "-layout", pdf.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }

    @Test func theCombinedPDFIsADocument() async throws {
        let dir = try Self.workspace()
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "summary.json", "--quiet"], in: dir)
        #expect(result.status == 1, "the broken chart fails the run: \(result.stderr)")
        let url = dir.appendingPathComponent("out/report.pdf")
        let pdf = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let pages = PDFProbe.pageCount(pdf)
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.pdf?.pages == pages && summary.pdf?.error == nil)
        // Cover, impact table, the impact chart, the busy chart and its continued footnote pages.
        #expect(pages >= 5, "\(pages) pages")
        // One page size: A4 landscape, every page.
        let boxes = Self.matches(#"/MediaBox \[[^\]]*\]"#, in: pdf)
        #expect(boxes.count == pages && Set(boxes) == ["/MediaBox [ 0 0 841.889764 595.275591 ]"], "\(Set(boxes))")
        // The cover: title, period in the report's zone, contents with page numbers, the chart left out.
        let cover = try Self.text(url, first: 1, last: 1)
        #expect(cover.contains("Growth weekly") && cover.contains("Period: 1 Sep – 30 Nov 2024 (Europe/Berlin)"), "\(cover)")
        #expect(Self.matches(#"What each launch did \(launches\) +3"#, in: cover).count == 1, "\(cover)")
        #expect(Self.matches(#"Two hundred references \(busy\) +4"#, in: cover).count == 1)
        #expect(cover.contains("Not in this report") && cover.contains("broken: failed:"))
        #expect(!cover.contains("page 1 of"), "the cover has no footer")
        // The impact table: a row per reference of the impact chart, changes with a sign.
        let impact = try Self.text(url, first: 2, last: 2)
        #expect(impact.contains("Impact of the references") && impact.contains("Product Launch 2.0"), "\(impact)")
        let launches = try #require(summary.charts.first { $0.name == "launches" }?.impacts)
        #expect(!launches.isEmpty && launches.map(\.date) == launches.map(\.date).sorted())
        #expect(Self.matches(#"launches +\S.*[+−]\d+(\.\d)? %"#, in: impact).count == launches.filter { $0.change != nil }.count, "\(impact)")
        // Footers from page 2 on; the busy chart's later pages say whose they are.
        let rest = try Self.text(url, first: 2, last: pages)
        #expect(Self.matches(#"Growth weekly +page \d+ of \#(pages)"#, in: rest).count == pages - 1)
        #expect(rest.contains("Two hundred references (continued)"))
        // The contents link to each chart's first page; the outline has an entry per chart.
        #expect(Self.matches(#"/Subtype /Link"#, in: pdf).count == 2)
        #expect(pdf.contains("/Dest (chart-1)") && pdf.contains("/Dest (chart-2)") && pdf.contains("/Dests"))
        #expect(pdf.contains("/Outlines"))
    }

    /// `page: chart` keeps each chart's own size (its page plus the footer); a4 portrait is taller than wide.
    @Test func pageSizesFollowThePageKey() async throws {
        let dir = try Self.workspace(page: "chart")
        _ = try await CLIRunner.runAsync(["report", "jobs.yaml", "--quiet"], in: dir)
        let pdf = String(decoding: try Data(contentsOf: dir.appendingPathComponent("out/report.pdf")), as: UTF8.self)
        let boxes = Set(Self.matches(#"/MediaBox \[[^\]]*\]"#, in: pdf))
        #expect(boxes.contains("/MediaBox [ 0 0 900 469.5 ]"), "the 1200 × 600 chart and its 26 px footer: \(boxes)")
        let portrait = try Self.workspace(page: "a4 portrait")
        _ = try await CLIRunner.runAsync(["report", "jobs.yaml", "--quiet"], in: portrait)
        let tall = String(decoding: try Data(contentsOf: portrait.appendingPathComponent("out/report.pdf")), as: UTF8.self)
        #expect(Set(Self.matches(#"/MediaBox \[[^\]]*\]"#, in: tall)) == ["/MediaBox [ 0 0 595.275591 841.889764 ]"])
    }

    @Test func aPageThatIsNotOneIsRefusedAtItsLine() async throws {
        let dir = try Self.workspace(page: "a5")
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--check"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("jobs.yaml:23:7: \"page\" \"a5\" is not a page: use a4, a4 portrait"), "\(result.stderr)")
    }
}
