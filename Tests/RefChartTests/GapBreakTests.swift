import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// A line breaks where the data has a hole (a step over 5× the median step), reduced or not.
struct GapBreakTests {
    /// Points every `step` seconds from 2024-01-01, leaving out `hole` (indices).
    static func series(count: Int, step: Double, hole: Range<Int>) -> MetricSeries {
        let start = TestSupport.seconds("2024-01-01T00:00:00Z")
        let kept = (0..<count).filter { !hole.contains($0) }
        return MetricSeries(name: "v", times: kept.map { start + Double($0) * step }, values: kept.map { Double(100 + $0 % 10) })
    }

    static func polylines(_ scene: Scene) -> [[Point]] {
        scene.items.compactMap { item -> [Point]? in if case .polyline(let points, _) = item, points.count > 1 { points } else { nil } }
    }

    @Test func aDailySeriesWithA42DayHoleIsDrawnInTwoPieces() {
        let series = Self.series(count: 200, step: 86_400, hole: 80..<122)
        var spec = ChartSpec(series: [series])
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let lines = Self.polylines(scene).filter { $0.count > 10 }
        #expect(lines.count == 2)
        // No segment crosses the hole: from day 79 to day 122.
        let x = { (day: Double) in report.plot.x + report.plot.width * day / 199 }
        let segments = lines.flatMap { zip($0, $0.dropFirst()) }
        #expect(!segments.contains { $0.0.x < x(80) && $0.1.x > x(121) })
        spec.options.connectGaps = true
        let connected = Self.polylines(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene).filter { $0.count > 10 }
        #expect(connected.count == 1)
    }

    @Test func theReducedLineKeepsTheBreak() {
        // 200,000 minutes (M4 keeps a few points per pixel column), a hole of 3 days in the middle.
        let series = Self.series(count: 200_000, step: 60, hole: 100_000..<104_320)
        let spec = ChartSpec(series: [series])
        let lines = Self.polylines(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene).filter { $0.count > 10 }
        #expect(lines.count == 2)
        #expect(lines.reduce(0) { $0 + $1.count } < 20_000, "the line was reduced")
    }

    /// A series reduced while it is read keeps a grid bucket (30 rows here) between kept points: that is
    /// no gap (the benchmark's line was drawn in hundreds of pieces before the tally kept the file's step).
    @Test(arguments: [false, true]) func aSeriesReducedAsItIsReadBreaksOnlyAtItsHole(split: Bool) throws {
        var text = "timestamp,v\n"
        let start = TestSupport.seconds("2024-01-01T00:00:00Z")
        for row in 0..<1_000_000 where !(500_000..<504_320).contains(row) {
            text += "\(ISO8601.string(fromSeconds: start + Double(row) * 60, fractionalSeconds: false)),\(100 + row % 7)\n"
        }
        let reduced = try SeriesReductionTests.read(text, reduction: SeriesReduction(), split: split)
        let series = try #require(reduced.series.first)
        #expect(series.tally?.typicalStep == 60)
        #expect(series.count < 200_000, "the series was reduced")
        let lines = Self.polylines(ChartLayout.layout(ChartSpec(series: [series]), measurer: FixedWidthMeasurer()).scene)
        #expect(lines.count == 2)
    }

    @Test func anIrregularButGaplessSeriesIsOneLine() {
        var random = SeededGenerator(seed: 4)
        var t = TestSupport.seconds("2024-01-01T00:00:00Z")
        var times: [Double] = []
        for _ in 0..<500 {
            times.append(t)
            t += Double.random(in: 1_800...7_200, using: &random)  // at most 4× the typical step
        }
        let spec = ChartSpec(series: [MetricSeries(name: "v", times: times, values: times.map { _ in 1 })])
        #expect(Self.polylines(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene).count == 1)
    }
}
