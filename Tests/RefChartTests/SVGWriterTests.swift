import Foundation
import RefChart
import RefChartRender
import RefChartScene
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The native SVG: a document with real text, layers and reference groups, that real readers draw like the
/// PNG.
struct SVGWriterTests {
    static func chart() throws -> Chart {
        var chart = try RenderTests.sampleChart(width: 1200, height: 600, title: "Pageviews & visits <90 days>")
        chart.impact = true
        return chart
    }

    static func probe(_ svg: [UInt8]) throws -> SVGProbe {
        let probe = SVGProbe()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = probe
        try #require(parser.parse(), "not XML: \(String(describing: parser.parserError))")
        return probe
    }

    /// The writer measures nothing: a hand-made scene's text stands on the run's own baseline and is held
    /// to the run's own width, whatever fonts the machine has.
    @Test func textIsWrittenFromTheSceneAlone() throws {
        let font = FontSpec(family: "Nowhere Sans", size: 12, bold: true)
        let run = TextRun(
            text: "Launch <v2> & \"more\"", origin: Point(x: 10, y: 20), font: font, color: Color(hex: 0x112233),
            size: Size(width: 123.456, height: 15), baseline: 11.5)
        let scene = Scene(
            size: Size(width: 200, height: 100), background: Color(hex: 0xFFFFFF),
            items: [.beginGroup(SceneGroup("labels")), .text(run), .endGroup])
        let svg = String(decoding: try ChartRenderer.render(scene, format: .svg(text: .text)), as: UTF8.self)
        #expect(
            svg.contains(
                ##"<text x="10" y="31.5" font-size="12" font-weight="bold" fill="#112233" textLength="123.46" lengthAdjust="spacingAndGlyphs">Launch &lt;v2&gt; &amp; &quot;more&quot;</text>"##
            ), "\(svg)")
        #expect(try Self.probe(Array(svg.utf8)).texts == ["Launch <v2> & \"more\""])
    }

    @Test func titlesAreTextGroupedByLayerAndReference() throws {
        let chart = try Self.chart()
        let (svg, report) = try chart.renderWithReport(.svg)
        let probe = try Self.probe(svg)
        #expect(probe.title == "Pageviews & visits <90 days>")
        let labelled = report.references.filter { $0.state == .label }
        for entry in labelled { #expect(probe.texts.contains(entry.title), "no <text> for \(entry.title)") }
        #expect(probe.texts.contains("Pageviews & visits <90 days>") && probe.texts.contains("Oct 2024"))
        #expect(Set(probe.referenceIds) == Set(labelled.map(\.id)))
        // Its windows hold the press and bug-fix references too: the hover says so.
        #expect(probe.groupTitles.contains { $0.hasPrefix("Product Launch 2.0 — 8 Oct 2024 10:00 (+35 % over 7d; its windows also hold ") })
        for layer in ["grid", "references", "series", "axes", "labels", "caption", "title"] {
            #expect(probe.classes.contains(layer), "no \(layer) layer")
        }
        // Text keeps the measured widths whatever font a viewer has.
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains(#"lengthAdjust="spacingAndGlyphs""#))
        #expect(svg.count < 80_000, "\(svg.count) bytes")
    }

    @Test func sameSceneSameBytesAndOutlinesOnRequest() throws {
        var chart = try Self.chart()
        #expect(try chart.render(.svg) == chart.render(.svg))
        chart.svgText = .outline
        let outlined = try chart.render(.svg)
        let probe = try Self.probe(outlined)
        #expect(probe.texts.isEmpty && probe.title == "Pageviews & visits <90 days>")
    }

    /// rsvg-convert (librsvg, as GNOME and many pipelines use) rasterises the SVG almost exactly like the PNG.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert")))
    func aRealReaderDrawsItLikeThePNG() throws {
        let (mean, share) = try Self.compareWithPNG { svg, png in ("/usr/bin/rsvg-convert", [svg, "-o", png]) }
        print("SVG vs PNG (rsvg-convert): mean channel difference \(mean), \(share * 100) % of pixels differ by more than 64")
        #expect(mean < 4 && share < 0.02)
    }

    /// Headless Chromium (a browser, where most SVGs are read) draws it like the PNG too: its own text
    /// engine, held to the measured widths by `textLength`. Debian's `chromium` is 290 MB, so CI does not
    /// install it; the test runs wherever it is.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
    func aBrowserDrawsItLikeThePNG() throws {
        let (mean, share) = try Self.compareWithPNG { svg, png in
            (
                "/usr/bin/chromium",
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)",
                    "--window-size=1200,600", "file://\(svg)",
                ]
            )
        }
        print("SVG vs PNG (Chromium): mean channel difference \(mean), \(share * 100) % of pixels differ by more than 64")
        #expect(mean < 4 && share < 0.02)
    }

    /// Rasterises the sample chart's SVG with a reader (`command` gives its executable and arguments for
    /// an SVG path and a PNG path) and compares it with the PNG: the mean channel difference, and the
    /// share of pixels off by more than 64 levels.
    static func compareWithPNG(_ command: (String, String) -> (String, [String])) throws -> (mean: Double, share: Double) {
        let chart = try Self.chart()
        let dir = try TestSupport.temporaryDirectory()
        let svgPath = dir.appendingPathComponent("c.svg")
        try Data(try chart.render(.svg)).write(to: svgPath)
        let rasterPath = dir.appendingPathComponent("c.png")
        let (executable, arguments) = command(svgPath.path, rasterPath.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rasterised = try DecodedImage(png: [UInt8](Data(contentsOf: rasterPath)))
        let png = try DecodedImage(png: try chart.render(.png))
        #expect(rasterised.width == png.width && rasterised.height == png.height)
        let difference = PixelDifference(png, rasterised)
        return (difference.mean, Double(difference.count(beyond: 64)) / Double(png.width * png.height))
    }
}
