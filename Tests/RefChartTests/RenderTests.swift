import Foundation
import RefChart
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

struct RenderTests {
    static func sampleChart(width: Int = 1200, height: Int = 600, title: String = "Pageviews") throws -> Chart {
        let table = try CSVReader.read(path: TestSupport.sample("pageviews.csv"))
        let references = try ReferencesFile.read(path: TestSupport.sample("references.json"))
        return Chart(title: title, width: width, height: height, series: table.series, references: references)
    }

    static func report(_ json: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            bytes[12..<16] == [0x49, 0x48, 0x44, 0x52][...]
        else { return nil }
        func be32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    @Test func pngHasTheRequestedSizeAndScale() throws {
        let chart = try Self.sampleChart()
        #expect(Self.pngSize(try chart.render(.png)).map { [$0.0, $0.1] } == [1200, 600])
        #expect(Self.pngSize(try chart.render(.png, scale: 2)).map { [$0.0, $0.1] } == [2400, 1200])
    }

    @Test func noiseThatDoesNotCompressIsWrittenWhole() throws {
        // Random pixels deflate to more than the quarter of their size the PNG writer first allows: it must
        // write again with the room libpng asks for, and every pixel must come back.
        var random = SeededGenerator(seed: 9)
        let (width, height) = (160, 90)
        var colors: [Color] = []
        var items: [SceneItem] = []
        for y in 0..<height {
            for x in 0..<width {
                let color = Color(hex: UInt32(truncatingIfNeeded: random.next()) & 0xFFFFFF)
                colors.append(color)
                items.append(.rect(Rect(x: Double(x), y: Double(y), width: 1, height: 1), fill: color, stroke: nil, cornerRadius: 0))
            }
        }
        let png = try ChartRenderer.render(
            Scene(size: Size(width: Double(width), height: Double(height)), background: Color(hex: 0), items: items), format: .png(scale: 1))
        #expect(png.count > width * height * 3 / 4 + 8192)  // beyond the first room
        let image = try DecodedImage(png: png)
        for (k, color) in colors.enumerated() {
            let pixel = image.pixel(x: k % width, y: k / width)
            #expect(Color(hex: UInt32(pixel.red) << 16 | UInt32(pixel.green) << 8 | UInt32(pixel.blue)) == color)
        }
    }

    @Test func aSceneThatIsNotOpaqueKeepsItsAlpha() throws {
        // A transparent background: the PNG is RGBA, with Cairo's premultiplied colours divided back out.
        let items: [SceneItem] = [
            .rect(Rect(x: 10, y: 10, width: 20, height: 20), fill: Color(hex: 0x2563EB, alpha: 0.5), stroke: nil, cornerRadius: 0)
        ]
        let png = try ChartRenderer.render(
            Scene(size: Size(width: 40, height: 40), background: Color(hex: 0, alpha: 0), items: items), format: .png(scale: 1))
        #expect(png[25] == 6)  // IHDR colour type: RGBA
        let image = try DecodedImage(png: png)
        #expect(image.pixel(x: 2, y: 2).alpha == 0)
        let inside = image.pixel(x: 20, y: 20)
        #expect(abs(Int(inside.alpha) - 128) <= 1)
        #expect(abs(Int(inside.red) - 0x25) <= 2 && abs(Int(inside.green) - 0x63) <= 2 && abs(Int(inside.blue) - 0xEB) <= 2)
    }

    @Test func referenceLinesAreDrawnWhereTheLayoutPutThem() throws {
        var chart = try Self.sampleChart()
        // Uncategorised references all take the theme's first reference colour.
        chart.references = chart.references.map {
            var r = $0
            r.category = nil
            return r
        }
        let (png, report) = try chart.renderWithReport(.png)
        let image = try DecodedImage(png: png)
        let plot = report.plot
        let labelled = report.references.filter { $0.state == .label }
        #expect(labelled.count >= 7)
        for entry in labelled {
            let x = Int(try #require(entry.x).rounded())  // lines are drawn centred on pixel column round(x)
            // Between the plot's top and its bottom the dashed line (4 on, 3 off, drawn under the series)
            // shows in the reference colour (#C2410C) on at least a quarter of the rows.
            let rows = Array(Int(plot.y) + 1..<Int(plot.y + plot.height) - 1)
            let hits = rows.filter { y in
                let p = image.pixel(x: x, y: y)
                return abs(Int(p.red) - 0xC2) < 40 && abs(Int(p.green) - 0x41) < 40 && abs(Int(p.blue) - 0x0C) < 40
            }
            #expect(hits.count > rows.count / 4, "no line at x=\(x) for \(entry.title)")
        }
        // The top-left corner is the light theme's white background.
        #expect(image.pixel(x: 2, y: 2) == DecodedImage.Pixel(red: 255, green: 255, blue: 255, alpha: 255))
    }

    @Test func svgIsValidXMLInPixelsWithAnEscapedTitle() throws {
        let chart = try Self.sampleChart(width: 1600, height: 700, title: "Views & visits <90 days>")
        let svg = try chart.render(.svg)
        let probe = SVGProbe()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = probe
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(probe.rootAttributes["width"] == "1600px")
        #expect(probe.rootAttributes["height"] == "700px")
        #expect(probe.rootAttributes["viewBox"] == "0 0 1600 700")
        #expect(probe.title == "Views & visits <90 days>")
        #expect(probe.desc.contains("Product Launch 2.0"))
    }

    @Test func sameChartSameBytes() throws {
        let chart = try Self.sampleChart()
        for format in ChartFormat.allCases {
            #expect(try chart.render(format) == chart.render(format), "\(format) differs between two renders")
        }
    }

    @Test func pdfIsAPDF() throws {
        let pdf = try Self.sampleChart().render(.pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
    }

    @Test func rendersConcurrentlyFromManyTasks() async throws {
        let chart = try Self.sampleChart(width: 400, height: 300)
        let expected = try chart.render(.png)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { try chart.render(.png) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func rejectsImpossibleSizes() throws {
        var chart = try Self.sampleChart()
        chart.width = 20
        #expect(throws: ChartRequestError.self) { try chart.render(.png) }
        chart.width = 16_000
        #expect(throws: ChartError.self) { try chart.render(.png, scale: 4) }
    }
}

/// Collects the root element's attributes and the `<title>`/`<desc>` text of an SVG.
final class SVGProbe: NSObject, XMLParserDelegate {
    var rootAttributes: [String: String] = [:]
    /// The document's own title and description (not a reference group's hover title).
    var title = ""
    var desc = ""
    /// Every `<text>` element's content, in order.
    var texts: [String] = []
    /// `data-reference-id` of each reference group, and each group's hover title.
    var referenceIds: [String] = []
    var groupTitles: [String] = []
    /// The classes of the layer groups.
    var classes: [String] = []
    private var current: String?
    private var currentId: String?
    private var sawRoot = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if !sawRoot {
            #expect(name == "svg")
            rootAttributes = attributes
            sawRoot = true
        }
        current = name
        currentId = attributes["id"]
        if name == "text" { texts.append("") }
        if name == "title" && attributes["id"] != "chart-title" { groupTitles.append("") }
        if name == "g", let className = attributes["class"] { classes.append(className) }
        if name == "g", let id = attributes["data-reference-id"] { referenceIds.append(id) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch (current, currentId) {
        case ("title", "chart-title"): title += string
        case ("title", _): groupTitles[groupTitles.count - 1] += string
        case ("desc", _): desc += string
        case ("text", _): texts[texts.count - 1] += string
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current = nil
    }
}
