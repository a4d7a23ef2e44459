import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// Where the value axis starts: lines zoomed to levels far from zero, zero for bars, areas and counts
/// that come near it (``ValueBaseline``), on the shapes of real public series.
struct ValueRangeTests {
    /// Two years of daily values from `low` to `high`: a yearly cycle on a trend, as CO₂ and temperatures
    /// have.
    static func series(_ name: String, low: Double, high: Double) -> MetricSeries {
        let start = TestSupport.seconds("2023-01-01T00:00:00Z")
        let times = (0..<730).map { start + Double($0) * 86_400 }
        let shape = times.indices.map { day in 0.6 * Double(day) / 729 + 0.4 * (sin(Double(day) / 365 * 2 * .pi) + 1) / 2 }
        let (least, most) = (shape.min()!, shape.max()!)
        return MetricSeries(name: name, times: times, values: shape.map { low + (high - low) * ($0 - least) / (most - least) })
    }

    /// The value axis's labels, bottom to top, and the share of the plot's height the line's points span.
    static func axis(_ series: MetricSeries, type: ChartType = .line) -> (labels: [String], share: Double) {
        var spec = ChartSpec(series: [series])
        spec.options.type = type
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let labels = AxesAndLegendTests.texts(scene)
            .filter { $0.origin.x < report.plot.x && $0.origin.y < report.plot.y + report.plot.height }
            .sorted { $0.origin.y > $1.origin.y }.map(\.text)
        let ys = scene.items.flatMap { item -> [Double] in if case .polyline(let points, _) = item { points.map(\.y) } else { [] } }
        let share = ((ys.max() ?? 0) - (ys.min() ?? 0)) / report.plot.height
        return (labels, share)
    }

    /// The README's cases: each axis from its first to its last tick.
    @Test(arguments: [
        ("CO₂, ppm", 313.0, 432.0, "300", "440"), ("temperature, °F", 38, 76, "35", "80"), ("poll share, %", 26, 58, "20", "60"),
        ("employment, thousands", 130_000, 150_000, "128k", "152k"), ("temperature, °C", -40, -20, "\u{2212}42", "\u{2212}18"),
    ])
    func levelsFarFromZeroAreZoomedTo(name: String, low: Double, high: Double, first: String, last: String) {
        #expect(!ValueBaseline.includesZero(low: low, high: high, type: .line))
        let (labels, share) = Self.axis(Self.series(name, low: low, high: high))
        #expect(labels.first == first && labels.last == last, "\(name): \(labels)")
        // The data fills most of the plot, with room on both sides: the line never runs along an edge.
        #expect(share > 0.6 && share < 0.97, "\(name): the line spans \(share) of the plot")
    }

    @Test(arguments: [("pageviews", 200.0, 5_000.0, ChartType.line), ("CO₂ as bars", 313, 432, .bar), ("CO₂ as an area", 313, 432, .area)])
    func countsBarsAndAreasStartAtZero(name: String, low: Double, high: Double, type: ChartType) {
        #expect(ValueBaseline.includesZero(low: low, high: high, type: type))
        #expect(Self.axis(Self.series(name, low: low, high: high), type: type).labels.first == "0", "\(name)")
    }

    /// The rule's edge: the value nearest zero within a third of the farthest.
    @Test func aLineStartsAtZeroWhenItComesWithinAThirdOfIt() {
        #expect(ValueBaseline.includesZero(low: 33, high: 100, type: .line))
        #expect(!ValueBaseline.includesZero(low: 34, high: 100, type: .line))
        #expect(ValueBaseline.includesZero(low: -100, high: -33, type: .line))
        #expect(ValueBaseline.includesZero(low: -5, high: 20, type: .line))
    }

    @Test func negativeTicksUseTheMinusSign() {
        let (labels, _) = Self.axis(Self.series("balance", low: -42, high: 17))
        #expect(labels.contains("\u{2212}20") && !labels.contains { $0.hasPrefix("-") }, "\(labels)")
    }
}
