import Foundation
import RefChart
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// At any number of references the data stays visible (reference marks cover at most ~5 % of the plot)
/// and every reference can be identified: a label or its own footnote row.
struct DenseReferencesTests {
    static let start = TestSupport.seconds("2024-01-01T00:00:00Z")
    static let span = 30.0 * 86_400

    /// A minute-resolution-like series (one point every 2 minutes over 30 days) with a daily wave.
    static func series() -> MetricSeries {
        let times = stride(from: 0.0, to: span, by: 120).map { start + $0 }
        return MetricSeries(name: "pageviews", times: times, values: times.map { 1000 + 500 * sin(($0 - start) / 86_400 * 2 * .pi) })
    }

    static func references(_ count: Int, seed: UInt64 = 11) -> [Reference] {
        var random = SeededGenerator(seed: seed)
        let categories = ["release", "marketing", "incident", "press", "experiment"]
        return (0..<count).map { k in
            Reference(
                id: "r\(k)", title: "Change \(k): " + String(repeating: "x", count: Int.random(in: 3...30, using: &random)),
                description: k % 3 == 0 ? "Notes for change \(k)" : nil,
                date: Date(timeIntervalSince1970: start + Double.random(in: 0..<span, using: &random)),
                category: categories[k % categories.count])
        }
    }

    static func layout(_ count: Int, footnotes: FootnoteMode = .auto) -> (Scene, LayoutReport, Theme) {
        let spec = ChartSpec(
            title: "Dense", size: Size(width: 1200, height: 600), series: [series()], references: references(count),
            footnotes: footnotes)
        let (scene, report) = ChartLayout.layout(spec, measurer: PangoTextMeasurer())
        return (scene, report, spec.theme)
    }

    /// The area of reference marks inside the plot: dashed lines by their inked length, rugs and bands by
    /// their area times their opacity.
    static func markerArea(_ scene: Scene, plot: LayoutReport.Box, theme: Theme) -> Double {
        let markerColors = Set(theme.references.map { $0.withAlpha(1) } + [theme.mutedText])
        var area = 0.0
        for item in scene.items {
            switch item {
            case .line(let from, let to, let stroke) where markerColors.contains(stroke.color.withAlpha(1)):
                let top = max(min(from.y, to.y), plot.y)
                let bottom = min(max(from.y, to.y), plot.y + plot.height)
                let duty = stroke.dash.count == 2 ? stroke.dash[0] / (stroke.dash[0] + stroke.dash[1]) : 1
                if from.x >= plot.x && from.x <= plot.x + plot.width { area += max(0, bottom - top) * stroke.width * duty }
            case .rect(let rect, let fill?, _, _) where markerColors.contains(fill.withAlpha(1)):
                let clipped = rect.rect(clippedTo: plot.rect)
                area += clipped.width * clipped.height * fill.alpha
            default:
                continue
            }
        }
        return area
    }

    @Test(arguments: [200, 5000])
    func referenceMarksCoverAtMostFivePercentOfThePlot(count: Int) {
        let (scene, report, theme) = Self.layout(count)
        let share = Self.markerArea(scene, plot: report.plot, theme: theme) / (report.plot.width * report.plot.height)
        #expect(share <= 0.05, "marks cover \(share * 100) % of the plot")
        #expect(report.references.count == count)
    }

    @Test func atTwoHundredEveryReferenceIsALabelOrHasItsOwnRow() {
        let (scene, report, _) = Self.layout(200)
        let rows = Dictionary(grouping: report.footnotes, by: \.box)
        #expect(rows.values.allSatisfy { $0.count == 1 }, "some footnote rows hold several references")
        let numbers = Set(report.footnotes.map(\.badge))
        for entry in report.references {
            #expect(entry.state == .label || (entry.footnote.map(numbers.contains) ?? false), "\(entry.id) has no label and no row")
        }
        #expect(report.references.contains { $0.state == .badge })
        #expect(report.height > 600 && report.height <= 2400)
        // Badge numbers run in time order, and every row is in the image, apart from the others.
        let badged = report.references.filter { $0.state == .badge }.sorted { $0.date < $1.date }.compactMap(\.badge)
        #expect(badged == badged.sorted())
        let boxes = Array(rows.keys)
        for (i, a) in boxes.enumerated() {
            #expect(a.y + a.height <= report.height)
            for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "footnote rows overlap") }
        }
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: PangoTextMeasurer()).isEmpty)
    }

    @Test func aPDFContinuesItsFootnotesOnPagesOfTheSameSize() throws {
        let chart = Chart(title: "Dense", series: [Self.series()], references: Self.references(200))
        let (pdf, report) = try chart.renderWithReport(.pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        let pages = PDFProbe.pageCount(text)
        #expect(pages >= 2)
        #expect(report.height == Double(pages) * 600)
        // Every page is the requested size: 1200 × 600 px at 96 dpi is 900 × 450 pt.
        let boxes = text.components(separatedBy: "/MediaBox [ ").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(boxes.count == pages && boxes.allSatisfy { $0.trimmingCharacters(in: .whitespaces) == "0 0 900 450" }, "\(boxes)")
        // Never grouped, never cut by a page's edge.
        #expect(Dictionary(grouping: report.footnotes, by: \.box).values.allSatisfy { $0.count == 1 })
        #expect(report.footnotes.allSatisfy { $0.box.y.truncatingRemainder(dividingBy: 600) + $0.box.height <= 600.01 })
        let numbers = Set(report.footnotes.map(\.badge))
        #expect(report.references.filter { $0.state == .badge }.allSatisfy { numbers.contains($0.badge!) })
    }

    @Test func pastTheMaximumHeightRowsGroupAndTheChartSaysWhereTheListIs() {
        let (scene, report, _) = Self.layout(5000)
        #expect(report.height <= 2400)
        let texts = scene.items.compactMap { item -> String? in if case .text(let run) = item { run.text } else { nil } }
        #expect(texts.contains { $0.contains("every reference is listed") })
        let (_, grouped, _) = Self.layout(200, footnotes: .grouped)
        #expect(grouped.height < 700)
        let (_, none, _) = Self.layout(200, footnotes: FootnoteMode.none)
        #expect(none.footnotes.isEmpty && none.height == 600)
    }

    @Test(arguments: [200, 5000])
    func renderedMarksStayUnderFivePercentAndTheSeriesStaysOnTop(count: Int) throws {
        var chart = Chart(title: "Dense", series: [Self.series()], references: Self.references(count))
        chart.footnotes = FootnoteMode.none
        let (png, report) = try chart.renderWithReport(.png)
        let image = try DecodedImage(png: png)
        let (barePNG, bareReport) = try Chart(title: "Dense", series: [Self.series()]).renderWithReport(.png)
        let bare = try DecodedImage(png: barePNG)
        let theme = Theme.light
        let references = theme.references.map { ($0.red * 255, $0.green * 255, $0.blue * 255) }
        let series = (theme.series[0].red * 255, theme.series[0].green * 255, theme.series[0].blue * 255)
        func near(_ p: DecodedImage.Pixel, _ c: (Double, Double, Double)) -> Bool {
            abs(Double(p.red) - c.0) + abs(Double(p.green) - c.1) + abs(Double(p.blue) - c.2) < 60
        }
        /// Pixels inside the plot: how many, how many in marker colours, how many in the series colour.
        func tally(_ image: DecodedImage, _ plot: LayoutReport.Box) -> (total: Int, marked: Int, series: Int) {
            var result = (total: 0, marked: 0, series: 0)
            for y in Int(plot.y) + 1..<Int(plot.y + plot.height) - 1 {
                for x in Int(plot.x) + 1..<Int(plot.x + plot.width) - 1 {
                    let p = image.pixel(x: x, y: y)
                    result.total += 1
                    if references.contains(where: { near(p, $0) }) { result.marked += 1 }
                    if near(p, series) { result.series += 1 }
                }
            }
            return result
        }
        let marked = tally(image, report.plot)
        #expect(Double(marked.marked) / Double(marked.total) <= 0.05, "\(marked.marked) of \(marked.total) plot pixels in marker colours")
        // The series is drawn over the marks: its share of the plot is about what it is with no marks.
        let plain = tally(bare, bareReport.plot)
        let withMarks = Double(marked.series) / Double(marked.total)
        let without = Double(plain.series) / Double(plain.total)
        #expect(withMarks >= 0.9 * without, "series pixels: \(withMarks) of the plot with marks, \(without) without")
    }

    @Test func theTenReferenceSampleKeepsFullLinesLabelsAndItsHeight() throws {
        let table = try CSVReader.read(path: TestSupport.sample("pageviews.csv"))
        let references = try ReferencesFile.read(path: TestSupport.sample("references.json"))
        let (_, report) = try Chart(series: table.series, references: references).renderWithReport(.png)
        #expect(report.height == 600)
        #expect(report.footnotes.isEmpty)
        #expect(report.references.filter { $0.state != .outOfRange }.allSatisfy { $0.state == .label })
    }

    @Test func labelTextIsLargeEnoughAndContrastsInBothThemes() {
        for theme in [Theme.light, Theme.dark] {
            for color in theme.references + [theme.text, theme.mutedText] {
                #expect(Self.contrast(color, theme.background) >= 4.5, "\(theme.name): \(color) on the background")
            }
            for color in theme.references { #expect(!theme.series.contains(color), "\(theme.name) reuses a series colour") }
            #expect(Set(theme.references).count >= 10)
        }
        let (scene, _, _) = Self.layout(200)
        let sizes = scene.items.compactMap { item -> Double? in if case .text(let run) = item { run.font.size } else { nil } }
        #expect(sizes.min() ?? 0 >= 11, "text smaller than 11 px")
    }

    /// WCAG 2 contrast ratio.
    static func contrast(_ a: Color, _ b: Color) -> Double {
        func luminance(_ c: Color) -> Double {
            let f = { (v: Double) in v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
            return 0.2126 * f(c.red) + 0.7152 * f(c.green) + 0.0722 * f(c.blue)
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}

extension Rect {
    func rect(clippedTo other: Rect) -> Rect {
        let x0 = max(minX, other.minX)
        let x1 = min(maxX, other.maxX)
        let y0 = max(minY, other.minY)
        let y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }
}
