import Foundation
import RefChart
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// No non-finite number reaches a writer: value spans of subnormals (0…1e-322) and of nearly the whole
/// double range (−1e308…1.797e308), on linear and log axes, lines, areas, bars and stacks, render to all
/// three formats (the SVG writer trapped, exit 132, on the first two), and every segment is drawn.
struct ExtremeSpanTests {
    struct Case: Sendable, CustomStringConvertible {
        var values: [[Double]]
        var type = ChartType.line
        var stacked = false
        var log = false
        var description: String { "\(values) \(type)\(stacked ? " stacked" : "")\(log ? " log" : "")" }
    }

    static let fixed: [Case] = [
        Case(values: [[0, 1e-322]]),
        Case(values: [[0, 1e-322]], type: .bar),
        Case(values: [[5e-324, 1.5e-323, 1e-323]]),
        Case(values: [[1e-320, 1e-310]], log: true),
        Case(values: [[1e308, -1e308, 1.797e308]]),
        Case(values: [[-1.7e308, 1.7e308]], type: .area),
        Case(values: [[1e308, 1.6e308], [1.7e308, 1e308]], type: .area, stacked: true),
        Case(values: [[1e308, -1.6e308], [1.7e308, -1e308]], type: .bar, stacked: true),
        Case(values: [[1e-300, 1e300]], log: true),
    ]

    /// 40 seeded cases: magnitudes from 1e-324 to 1e308, either sign, every chart type.
    static let random: [Case] = {
        var generator = SeededGenerator(seed: 31)
        return (0..<40).map { _ in
            let seriesCount = Int.random(in: 1...3, using: &generator)
            let log = Int.random(in: 0..<5, using: &generator) == 0
            let values = (0..<seriesCount).map { _ in
                (0..<Int.random(in: 2...6, using: &generator)).map { _ -> Double in
                    let magnitude = pow(10, Double.random(in: -323...308, using: &generator))
                    return log || Bool.random(using: &generator) ? magnitude : -magnitude
                }
            }
            let type = [ChartType.line, .area, .bar].randomElement(using: &generator)!
            return Case(values: values, type: type, stacked: !log && type != .line && Bool.random(using: &generator), log: log)
        }
    }()

    static func chart(_ test: Case) -> Chart {
        let start = TestSupport.seconds("2024-01-01T00:00:00Z")
        let series = test.values.enumerated().map { s, values in
            MetricSeries(name: "s\(s)", times: values.indices.map { start + Double($0) * 3600 }, values: values)
        }
        var options = ChartOptions()
        (options.width, options.height, options.type, options.stacked, options.log) = (480, 300, test.type, test.stacked, test.log)
        return Chart(options: options, series: series)
    }

    @Test(arguments: fixed + random)
    func everyFormatRendersAndEveryCoordinateIsFinite(_ test: Case) throws {
        let chart = Self.chart(test)
        let (png, _, scene) = try chart.rendered(.png)
        let image = try DecodedImage(png: png)
        #expect(image.width == 480 && image.height == 300)
        for item in scene.items { #expect(Self.isFinite(item), "\(item)") }
        let svg = try chart.render(.svg)
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(!text.contains("nan") && !text.contains("inf"))
        let pdf = try chart.render(.pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)) && String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
    }

    @Test func aLineOverNearlyTheWholeDoubleRangeKeepsEverySegment() throws {
        let scene = try Self.chart(Case(values: [[1e308, -1e308, 1.797e308]])).rendered(.png).scene
        let lines = GapBreakTests.polylines(scene).filter { $0.count >= 3 }
        #expect(lines.count == 1 && lines[0].count == 3)
        // The lowest value is at the plot's foot, the highest at its top, the first between them.
        let ys = lines[0].map(\.y)
        #expect(ys[1] > ys[0] && ys[0] > ys[2])
    }

    @Test func theSceneIsMadeFiniteWhateverItHolds() {
        let bad = Point(x: .nan, y: 3)
        let scene = Scene(
            size: Size(width: 100, height: 100), background: Color(hex: 0),
            items: [
                .polyline(
                    points: [Point(x: 0, y: 0), Point(x: 1, y: 1), bad, Point(x: 2, y: 2), Point(x: 3, y: 4)],
                    stroke: Stroke(color: Color(hex: 0), width: 1)),
                .line(from: Point(x: 0, y: -.infinity), to: Point(x: 1, y: 1), stroke: Stroke(color: Color(hex: 0), width: 1)),
                .rect(Rect(x: 0, y: 0, width: 1e300, height: 5), fill: Color(hex: 0), stroke: nil, cornerRadius: 0),
            ]
        ).finite()
        #expect(GapBreakTests.polylines(scene).map(\.count) == [2, 2], "a NaN point splits the line, the rest is kept")
        #expect(scene.items.count == 3, "the line from -∞ is left out")
        if case .rect(let rect, _, _, _)? = scene.items.last { #expect(rect.maxX == 100 + Scene.limit) }
    }

    static func isFinite(_ item: SceneItem) -> Bool {
        func ok(_ p: Point) -> Bool { p.x.isFinite && p.y.isFinite && abs(p.x) <= 2e6 && abs(p.y) <= 2e6 }
        func ok(_ r: Rect) -> Bool { ok(Point(x: r.x, y: r.y)) && ok(Point(x: r.maxX, y: r.maxY)) }
        switch item {
        case .line(let a, let b, _): return ok(a) && ok(b)
        case .polyline(let points, _), .polygon(let points, _): return points.allSatisfy(ok)
        case .rect(let r, _, _, _), .beginClip(let r): return ok(r)
        case .circle(let c, let radius, _, _): return ok(c) && radius.isFinite
        case .text(let run): return ok(run.origin)
        case .endClip, .beginGroup, .endGroup: return true
        }
    }
}

/// Stacks with mixed signs diverge: positives up from zero, negatives down from zero.
struct MixedSignStackTests {
    @Test func negativesStackDownAndPositivesUpInThePixels() throws {
        let start = TestSupport.seconds("2024-01-01T00:00:00Z")
        let times = [start, start + 86_400]
        let series = [("a", -3.0), ("b", -10.0), ("c", 6.0)].map { MetricSeries(name: $0.0, times: times, values: [$0.1, $0.1]) }
        var options = ChartOptions()
        (options.width, options.height, options.type, options.stacked) = (600, 400, .bar, true)
        let (png, _, scene) = try Chart(options: options, series: series).rendered(.png)
        let bars = scene.items.compactMap { item -> (Rect, Color)? in
            if case .rect(let rect, let fill?, nil, 0) = item, rect.width > 20 { (rect, fill) } else { nil }
        }
        let first = bars.filter { $0.0.minX < 300 }
        #expect(first.count == 3)
        let (a, b, c) = (first[0].0, first[1].0, first[2].0)
        // a hangs from zero, b from a's foot, c stands on zero: c's foot is a's top.
        #expect(abs(a.minY - c.maxY) < 0.01 && abs(b.minY - a.maxY) < 0.01)
        #expect(abs(a.height / 3 - b.height / 10) < 0.01 && abs(c.height / 6 - a.height / 3) < 0.01)
        // The pixels show each series' own colour inside its own band.
        let image = try DecodedImage(png: png)
        for (rect, color) in first {
            let pixel = image.pixel(x: Int(rect.midX), y: Int(rect.midY))
            let expected = [color.red, color.green, color.blue].map { UInt8((255 * ($0 * color.alpha + (1 - color.alpha))).rounded()) }
            let got = [pixel.red, pixel.green, pixel.blue]
            #expect(zip(got, expected).allSatisfy { abs(Int($0) - Int($1)) <= 3 }, "\(got) vs \(expected)")
        }
    }
}

/// A PDF page of a tall scene draws only the items that reach into it (the whole scene on every page made
/// 5,000 references 76 s; now 0.56 s), and the pages are the same.
struct PagedPDFTests {
    @Test func aBandKeepsWhatReachesIntoItAndEveryClipAndGroup() {
        let stroke = Stroke(color: Color(hex: 0), width: 1)
        let scene = Scene(
            size: Size(width: 100, height: 300), background: Color(hex: 0xFFFFFF),
            items: [
                .beginGroup(SceneGroup("footnotes")),
                .line(from: Point(x: 0, y: 10), to: Point(x: 10, y: 20), stroke: stroke),
                .rect(Rect(x: 0, y: 95, width: 10, height: 10), fill: Color(hex: 0), stroke: nil, cornerRadius: 0),
                .line(from: Point(x: 0, y: 250), to: Point(x: 10, y: 260), stroke: stroke),
                .endGroup,
            ])
        let bands = scene.bands(height: 100)
        #expect(bands.count == 3)
        #expect(bands[1].items.count == 3, "the group and the rect across the page edge")
        #expect(bands[0].items.count == 4)
        #expect(bands[2].items.count == 3, "the group and the last line")
    }

    @Test func aPagedPDFIsTheSameWithBands() throws {
        let start = TestSupport.seconds("2024-01-01T00:00:00Z")
        let series = MetricSeries(name: "v", times: (0..<500).map { start + Double($0) * 3600 }, values: (0..<500).map { Double($0 % 17) })
        let references = (0..<400).map {
            Reference(id: "r\($0)", title: "Release \($0)", date: Date(timeIntervalSince1970: start + Double($0) * 4000))
        }
        var options = ChartOptions()
        (options.width, options.height) = (300, 200)
        let chart = Chart(options: options, series: [series], references: references)
        let page = chart.layout(paged: true).scene
        #expect(page.pageHeight != nil && page.size.height > 3 * (page.pageHeight ?? 0), "the footnotes run on several pages")
        let height = try #require(page.pageHeight)
        let pages = Int((page.size.height / height).rounded(.up))
        // Each band has fewer items than the whole, and together they hold every drawing item.
        let bands = page.bands(height: height)
        #expect(bands.count == pages)
        #expect(bands.allSatisfy { $0.items.count < page.items.count })
        let pdf = try chart.render(.pdf)
        #expect(PDFProbe.pageCount(String(decoding: pdf, as: UTF8.self)) == pages)
    }
}
