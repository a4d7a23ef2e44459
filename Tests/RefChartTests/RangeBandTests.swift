import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// Range references: an untitled one is its band alone; one that began before the window says so.
struct RangeBandTests {
    static let start = 946_684_800.0  // 2000-01-01
    static let month = 30.44 * 86_400

    /// Ten years of monthly values swinging up and down.
    static func spec(_ references: [Reference]) -> ChartSpec {
        let times = (0..<120).map { start + Double($0) * month }
        let series = MetricSeries(name: "S&P 500", times: times, values: times.indices.map { 1_000 + 400 * sin(Double($0) / 9) })
        return ChartSpec(title: "S&P 500", series: [series], references: references)
    }

    static func date(_ months: Double) -> Date { Date(timeIntervalSince1970: start + months * month) }

    static func verticalLines(_ scene: Scene) -> [Double] {
        scene.items.compactMap { item -> Double? in if case .line(let a, let b, _) = item, a.x == b.x { a.x } else { nil } }
    }

    @Test func anUntitledRangeIsItsBandAlone() {
        let references = [
            Reference(id: "recession", title: "", date: Self.date(14), end: Self.date(23)),
            Reference(id: "launch", title: "Launch", date: Self.date(60)),
        ]
        let (scene, report) = ChartLayout.layout(Self.spec(references), measurer: FixedWidthMeasurer())
        let band = report.references[0]
        #expect(band.state == .band && band.lane == nil && band.badge == nil && band.footnote == nil)
        #expect(report.references[1].state == .label)
        // No marker line at the band's start, no lane taken; the band itself covers the plot's height.
        let x = band.x!.rounded() + 0.5
        #expect(!Self.verticalLines(scene).contains(x), "a line at \(x)")
        let bands = scene.items.compactMap { item -> Rect? in
            if case .rect(let rect, _, _, _) = item, rect.height == report.plot.height { rect } else { nil }
        }
        #expect(bands.contains { abs($0.x - band.x!) < 2 && $0.width > 20 })
        #expect(report.footnotes.isEmpty)
    }

    @Test func aRangeFromBeforeTheWindowSaysItContinues() {
        let references = [
            Reference(id: "untitled", title: "", date: Self.date(-6), end: Self.date(3)),
            Reference(id: "titled", title: "Downturn", date: Self.date(-3), end: Self.date(5)),
            Reference(id: "inside", title: "Recovery", date: Self.date(40), end: Self.date(50)),
        ]
        let (scene, report) = ChartLayout.layout(Self.spec(references), measurer: FixedWidthMeasurer())
        let texts = AxesAndLegendTests.texts(scene)
        #expect(texts.contains { $0.text == "←" && $0.origin.y >= report.plot.y }, "the untitled band's mark")
        #expect(texts.contains { $0.text == "← Downturn" })
        #expect(texts.contains { $0.text == "Recovery" })
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
    }
}
