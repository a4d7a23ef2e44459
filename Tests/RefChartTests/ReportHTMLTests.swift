import Foundation
import RefChartRender
import RefChartReport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The HTML report (issue 26): one self-contained page — inline SVG charts with real text and hovers, the
/// impact table, the charts left out — parsed back as XML, and opened in headless Chromium when it is
/// installed (scripts/test.sh installs it): no console message (a blocked request would be one), a
/// screenshot that shows the charts.
@Suite struct ReportHTMLTests {
    /// Elements and attributes of a well-formed page.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var attributes: [(element: String, name: String, value: String)] = []
        var text = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            elements[name, default: 0] += 1
            for (key, value) in attributes { self.attributes.append((name, key, value)) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func render() async throws -> (dir: URL, html: URL, summary: ReportSummary) {
        let dir = try ReportDocumentTests.workspace()
        let jobs = dir.appendingPathComponent("jobs.yaml")
        try (String(contentsOf: jobs, encoding: .utf8) + "\nhtml: out/report-{date}.html\n").write(to: jobs, atomically: true, encoding: .utf8)
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "summary.json"], in: dir)
        #expect(result.status == 1, "the broken chart fails the run: \(result.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        let html = try #require(summary.html, "\(result.stderr)")
        #expect(html.error == nil && html.charts == 2 && result.stderr.contains("wrote \(html.path) (2 charts)"), "\(result.stderr)")
        return (dir, URL(fileURLWithPath: html.path), summary)
    }

    @Test func theHTMLReportIsOneSelfContainedPage() async throws {
        let (_, url, summary) = try await Self.render()
        #expect(url.lastPathComponent.hasPrefix("report-20"), "{date} is filled: \(url.lastPathComponent)")
        let data = try Data(contentsOf: url)
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "well-formed: \(String(describing: parser.parserError))")
        // Two charts inline, with real text and a hover title per reference group.
        #expect(collector.elements["svg"] == 2 && (collector.elements["text"] ?? 0) > 200)
        #expect((collector.elements["title"] ?? 0) > 40, "the references' <title> hovers, the charts' own")
        // Nothing outside the page: no scripts, no stylesheets or images by URL, links only within it.
        #expect(collector.elements["script"] == nil && collector.elements["link"] == nil && collector.elements["img"] == nil)
        let references = collector.attributes.filter { $0.name == "href" || $0.name == "src" }
        #expect(!references.isEmpty && references.allSatisfy { $0.value.hasPrefix("#") }, "\(references.filter { !$0.value.hasPrefix("#") })")
        let policy = collector.attributes.first { $0.element == "meta" && $0.name == "content" && $0.value.hasPrefix("default-src 'none'") }
        #expect(policy != nil, "a Content-Security-Policy that allows no request")
        // Every id unique across the two charts' SVGs.
        let ids = collector.attributes.filter { $0.name == "id" }.map(\.value)
        #expect(Set(ids).count == ids.count, "\(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys)")
        // The impact table's rows, the chart that failed, the title and period.
        let launches = try #require(summary.charts.first { $0.name == "launches" }?.impacts)
        #expect(collector.elements["tr"] == launches.count + 1)
        #expect(collector.text.contains("Growth weekly") && collector.text.contains("Period: 1 Sep – 30 Nov 2024 (Europe/Berlin)"))
        #expect(collector.text.contains("broken") && collector.text.contains("failed:"))
    }

    @Test func chromiumOpensItWithoutAConsoleMessageAndShowsTheCharts() async throws {
        guard let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            print("ReportHTMLTests: chromium is not installed (scripts/test.sh installs it): the browser check is skipped")
            return
        }
        let (dir, url, _) = try await Self.render()
        let shot = dir.appendingPathComponent("shot.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-background-networking",
            "--user-data-dir=\(dir.appendingPathComponent("profile").path)", "--enable-logging=stderr", "--v=0", "--window-size=1300,1400",
            "--screenshot=\(shot.path)", url.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log.suffix(2000))")
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "a console message (a blocked request is one): \(console)")
        let image = try DecodedImage(png: [UInt8](Data(contentsOf: shot)))
        #expect(image.width == 1300 && image.height == 1400)
        // The first chart's line (the theme's first series colour) is on screen.
        let blue = (0..<image.height).reduce(0) { count, y in
            count
                + stride(from: 0, to: image.width, by: 2).filter { x in
                    let p = image.pixel(x: x, y: y)
                    return abs(Int(p.red) - 0x25) < 30 && abs(Int(p.green) - 0x63) < 30 && abs(Int(p.blue) - 0xEB) < 30
                }.count
        }
        #expect(blue > 2_000, "\(blue) series pixels in the screenshot")
    }
}
