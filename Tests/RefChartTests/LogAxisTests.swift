import Foundation
import RefChart
import RefChartCore
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// `--log`: decade ticks, equal ratios at equal heights, values ≤ 0 left out with a warning.
struct LogAxisTests {
    static let start = TestSupport.seconds("2024-01-01T00:00:00Z")

    /// 120 days growing tenfold every 20 days (1 → 1M), and a series that is sometimes 0.
    static func growth() -> [MetricSeries] {
        let times = (0..<120).map { start + Double($0) * 86_400 }
        return [
            MetricSeries(name: "users", times: times, values: times.indices.map { pow(10, Double($0) / 20) }),
            MetricSeries(name: "errors", times: times, values: times.indices.map { Double($0 % 4) }),
        ]
    }

    @Test func ticksFollowTheLadderFromMantissasToDecades() {
        #expect(ValueTicks.logarithmic(low: 1, high: 1_000_000, count: 8).values == [1, 10, 100, 1000, 10_000, 100_000, 1_000_000])
        #expect(ValueTicks.logarithmic(low: 3, high: 80, count: 8).values == [2, 5, 10, 20, 50, 100])
        #expect(ValueTicks.logarithmic(low: 0.003, high: 0.04, count: 8).values == [0.002, 0.005, 0.01, 0.02, 0.05])
        let many = ValueTicks.logarithmic(low: 1e-3, high: 1e12, count: 5)
        #expect(many.values.count <= 6 && many.values.first == 1e-3 && many.domain.upperBound >= 1e12)
        // Labels need no decimals beyond their own magnitude.
        #expect(ValueTicks.logarithmic(low: 0.003, high: 0.04, count: 8).label(0.005) == "0.005")
        #expect(ValueTicks.logarithmic(low: 1, high: 1e6, count: 8).label(100_000) == "100k")
    }

    @Test func equalRatiosTakeEqualHeights() {
        var spec = ChartSpec(series: [Self.growth()[0]])
        spec.options.log = true
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let labels = AxesAndLegendTests.texts(scene).filter { $0.origin.x < report.plot.x && $0.origin.y < report.plot.y + report.plot.height - 5 }
        #expect(labels.map(\.text) == ["1", "10", "100", "1k", "10k", "100k", "1M"])
        let ys = labels.map(\.origin.y).sorted().dropLast()  // the bottom label is lifted clear of the time labels
        let gaps = zip(ys, ys.dropFirst()).map { $1 - $0 }
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 1 }, "decade spacing \(gaps)")
        // The line is straight: its points rise by equal steps.
        let points = scene.items.compactMap { item -> [Point]? in if case .polyline(let points, _) = item { points } else { nil } }.first!
        #expect(points.count == 120)
        let rises = zip(points, points.dropFirst()).map { $0.y - $1.y }
        #expect(rises.allSatisfy { abs($0 - rises[0]) < 0.01 })
        #expect(abs(points[0].y - (report.plot.y + report.plot.height)) < 0.5)
    }

    @Test func valuesAtOrBelowZeroAreLeftOutWithAWarning() throws {
        var chart = Chart(series: Self.growth())
        chart.log = true
        #expect(chart.valuesLeftOutByLogAxis.map(\.series) == ["errors"])
        #expect(chart.valuesLeftOutByLogAxis.first?.count == 30)
        let png = try chart.render(.png)
        #expect(try DecodedImage(png: png).width == 1200)
        chart.yMin = 0
        #expect(throws: ChartRequestError.self) { try chart.render(.png) }
        chart.yMin = nil
        chart.series = [MetricSeries(name: "zero", times: [Self.start, Self.start + 60], values: [0, -1])]
        #expect(throws: ChartError.self) { try chart.render(.png) }
    }

    @Test func theCommandWarnsAndRefusesImpossibleBounds() throws {
        let folder = try TestSupport.temporaryDirectory()
        var csv = "timestamp,users,errors\n"
        for (k, time) in Self.growth()[0].times.enumerated() {
            csv += "\(ISO8601.string(fromSeconds: time, fractionalSeconds: false)),\(pow(10, Double(k) / 20)),\(k % 4)\n"
        }
        try csv.write(to: folder.appendingPathComponent("g.csv"), atomically: true, encoding: .utf8)
        let ok = try CLIRunner.run(["render", "--csv", "g.csv", "--log", "--output", "g.png"], in: folder)
        #expect(ok.status == 0)
        #expect(ok.stderr.contains("30 values ≤ 0 of \"errors\" are not drawn"))
        #expect(try DecodedImage(png: [UInt8](Data(contentsOf: folder.appendingPathComponent("g.png")))).height == 600)
        let refused = try CLIRunner.run(["render", "--csv", "g.csv", "--log", "--y-min", "0", "--output", "h.png"], in: folder)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("log axis"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("h.png").path))
    }
}
