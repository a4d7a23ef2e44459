import Foundation
import RefChart
import RefChartCore
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// Areas and bars, stacked or not: checked on the scene and on decoded pixels.
struct ChartTypeTests {
    static let start = TestSupport.seconds("2024-09-01T00:00:00Z")

    /// Daily counts: `a` 3, 4, 5, …; `b` 10 every day.
    static func daily(days: Int = 10) -> [MetricSeries] {
        let times = (0..<days).map { start + Double($0) * 86_400 }
        return [
            MetricSeries(name: "a", times: times, values: times.indices.map { Double($0 + 3) }),
            MetricSeries(name: "b", times: times, values: times.map { _ in 10 }),
        ]
    }

    static func rects(_ scene: Scene) -> [(Rect, Color)] {
        scene.items.compactMap { item -> (Rect, Color)? in
            if case .rect(let rect, let fill?, _, _) = item, fill.alpha > 0.5, rect.height > 0 { (rect, fill) } else { nil }
        }
    }

    @Test func stackedBarsReachTheSumOfTheirSeries() throws {
        var spec = ChartSpec(series: Self.daily())
        spec.options.type = .bar
        spec.options.stacked = true
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let bars = Self.rects(scene)
        #expect(bars.count == 20)
        // The tallest stack is the last day: 12 + 10 = 22; bars start at the zero baseline (the plot's bottom).
        let bottom = report.plot.y + report.plot.height
        #expect(bars.allSatisfy { $0.0.maxY <= bottom + 0.5 })
        let tops = Dictionary(grouping: bars, by: { Int($0.0.minX) }).mapValues { $0.map(\.0.minY).min()! }
        let heights = tops.values.map { bottom - $0 }
        #expect(abs(heights.max()! / heights.min()! - 22.0 / 13.0) < 0.01)
    }

    @Test func groupedBarsSitSideBySide() {
        var spec = ChartSpec(series: Self.daily())
        spec.options.type = .bar
        let bars = Self.rects(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene)
        #expect(bars.count == 20)
        for (a, b) in zip(bars.prefix(10), bars.suffix(10)) { #expect(!a.0.intersects(b.0)) }
    }

    @Test func barsSumPointsThatShareABucket() {
        // Hourly points summed into daily bars: 24 × 1 = 24 a day.
        let times = (0..<(24 * 5)).map { Self.start + Double($0) * 3600 }
        var spec = ChartSpec(series: [MetricSeries(name: "h", times: times, values: times.map { _ in 1 })])
        spec.options.type = .bar
        spec.options.bucket = RelativeWindow("1d")
        let (scene, _) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        #expect(Self.rects(scene).count == 5)
        let labels = scene.items.compactMap { item -> String? in if case .text(let run) = item { run.text } else { nil } }
        #expect(labels.contains("20") || labels.contains("25"))
    }

    @Test func areasAndBarsRenderInTheSeriesColour() throws {
        for (type, stacked) in [(ChartType.area, false), (.area, true), (.bar, false), (.bar, true)] {
            var chart = Chart(series: Self.daily(days: 30))
            chart.type = type
            chart.stacked = stacked
            let (png, report) = try chart.renderWithReport(.png)
            let image = try DecodedImage(png: png)
            // A point inside the plot a little above the baseline, in the middle of the 16th of 30 days (a
            // bar's middle, not the gap between two): filled by the first series.
            let x = Int(report.plot.x + report.plot.width * 15.5 / 30)
            let y = Int(report.plot.y + report.plot.height - 4)
            let p = image.pixel(x: x, y: y)
            let blue = Theme.light.series[0]
            #expect(Double(p.blue) > Double(p.red) + 30, "\(type) stacked \(stacked): \(p) is not the series' blue \(blue)")
            let svg = try chart.render(.svg)
            #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        }
        // A bucket is a parsed duration: "soon" cannot reach a chart.
        #expect(RelativeWindow("soon") == nil)
    }
}
