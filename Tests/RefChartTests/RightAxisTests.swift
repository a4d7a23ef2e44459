import Foundation
import RefChart
import RefChartCore
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// `--right-axis NAME`: a series of another scale gets its own axis, sharing the left axis's grid lines.
struct RightAxisTests {
    static let start = TestSupport.seconds("2024-09-01T00:00:00Z")

    /// 90 days: pageviews around 50k, signups around 150.
    static func mixed() -> [MetricSeries] {
        let times = (0..<90).map { start + Double($0) * 86_400 }
        return [
            MetricSeries(name: "pageviews", times: times, values: times.indices.map { 50_000 + 8_000 * sin(Double($0) / 6) }),
            MetricSeries(name: "signups", times: times, values: times.indices.map { 150 + 30 * sin(Double($0) / 4) }),
        ]
    }

    static func polylines(_ scene: Scene) -> [(points: [Point], stroke: Stroke)] {
        scene.items.compactMap { item -> ([Point], Stroke)? in if case .polyline(let p, let s) = item { (p, s) } else { nil } }
    }

    @Test func aSmallSeriesOnTheRightFillsThePlotInsteadOfLyingFlat() {
        var spec = ChartSpec(title: "Traffic", series: Self.mixed())
        let flat = Self.polylines(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene)[1].points
        spec.options.rightAxis = [spec.series[1].name]
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let signups = Self.polylines(scene)[1].points
        let extent = { (points: [Point]) in points.map(\.y).max()! - points.map(\.y).min()! }
        #expect(extent(flat) < 0.02 * report.plot.height)
        #expect(extent(signups) > 0.25 * report.plot.height, "signups span \(extent(signups)) of \(report.plot.height) px")
        let runs = AxesAndLegendTests.texts(scene)
        #expect(runs.contains { $0.text == "signups (right axis)" })
        // The right labels sit right of the plot, inside the image, each on one of the left axis's grid lines.
        let right = runs.filter { $0.origin.x > report.plot.x + report.plot.width && $0.origin.y > report.plot.y - 10 }
        #expect(right.count >= 3)
        #expect(right.allSatisfy { $0.origin.x + FixedWidthMeasurer().measure($0.text, font: $0.font).width <= 1200 })
        let left = runs.filter { $0.origin.x < report.plot.x && $0.origin.y > report.plot.y - 10 }
        #expect(left.count == right.count)
        #expect(Set(left.map { Int($0.origin.y.rounded()) }) == Set(right.map { Int($0.origin.y.rounded()) }))
        #expect(right.contains { $0.text == "0" } && right.allSatisfy { Double($0.text) != nil })
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
    }

    @Test func alignedTicksCoverTheDataWithTheLeftAxisIntervals() {
        let left = ValueTicks(low: 0, high: 80_000, count: 8, includeZero: true)
        let right = ValueTicks.aligned(with: left, low: 118, high: 222)
        #expect(right.values.count == left.values.count)
        #expect(right.domain.lowerBound == 0 && right.domain.upperBound >= 222 && right.domain.upperBound <= 400)
        let negative = ValueTicks.aligned(with: left, low: -37, high: 12)
        #expect(negative.domain.lowerBound <= -37 && negative.domain.upperBound >= 12 && negative.values.count == left.values.count)
    }

    @Test func theCommandDrawsTheRightAxisAndRefusesWhatItCannotDraw() throws {
        let folder = try TestSupport.temporaryDirectory()
        var csv = "date,pageviews,signups\n"
        for (k, time) in Self.mixed()[0].times.enumerated() {
            csv += "\(ISO8601.string(fromSeconds: time, fractionalSeconds: false)),\(Self.mixed()[0].values[k]),\(Self.mixed()[1].values[k])\n"
        }
        try csv.write(to: folder.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let ok = try CLIRunner.run(
            ["render", "--csv", "m.csv", "--right-axis", "signups", "--output", "m.png", "--layout-report", "r.json"], in: folder)
        #expect(ok.status == 0, "\(ok.stderr)")
        let report = try JSONDecoder().decode(LayoutReport.self, from: Data(contentsOf: folder.appendingPathComponent("r.json")))
        let image = try DecodedImage(png: [UInt8](Data(contentsOf: folder.appendingPathComponent("m.png"))))
        // Right of the plot: the axis labels in the signups series' colour (the palette's second).
        let colour = Theme.light.series[1]
        var coloured = 0
        for y in Int(report.plot.y)..<Int(report.plot.y + report.plot.height) {
            for x in Int(report.plot.x + report.plot.width + 6)..<1195 {
                let p = image.pixel(x: x, y: y)
                if abs(Double(p.red) - colour.red * 255) < 40 && abs(Double(p.green) - colour.green * 255) < 40
                    && abs(Double(p.blue) - colour.blue * 255) < 40
                {
                    coloured += 1
                }
            }
        }
        #expect(coloured > 50, "\(coloured) pixels of the right axis's colour")
        for (arguments, message) in [
            (["--right-axis", "visits"], "no series named \"visits\""),
            (["--right-axis", "signups", "--type", "bar"], "needs --type line"),
            (["--right-axis", "signups", "--right-axis", "pageviews"], "at least one on the left"),
        ] {
            let refused = try CLIRunner.run(["render", "--csv", "m.csv", "--output", "x.png"] + arguments, in: folder)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.png").path))
        }
    }
}
