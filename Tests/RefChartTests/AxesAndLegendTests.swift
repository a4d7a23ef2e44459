import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// The value axis's range and title, and a legend that wraps rather than running over the title.
struct AxesAndLegendTests {
    static func series(_ count: Int, base: Double = 130_000) -> [MetricSeries] {
        let times = (0..<120).map { 1_262_304_000 + Double($0) * 30 * 86_400 }
        return (0..<count).map { k in
            MetricSeries(name: "Sector number \(k)", times: times, values: times.indices.map { base + Double(k * 500 + $0 * 100) })
        }
    }

    static func texts(_ scene: Scene) -> [TextRun] {
        scene.items.compactMap { item -> TextRun? in if case .text(let run) = item { run } else { nil } }
    }

    @Test func manySeriesWrapBelowTheTitleAndTheRestAreCounted() {
        let spec = ChartSpec(title: "US employment by sector, thousands of jobs, 2010–2019", series: Self.series(22))
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
        let runs = Self.texts(scene)
        #expect(runs.contains { $0.text == "+12 series not drawn (choose with --series)" })
        #expect(runs.filter { $0.text.hasPrefix("Sector number") }.count == 10)
        // Every legend entry is inside the image and below the title's line or beside it, never on it.
        let title = runs.first { $0.text.hasPrefix("US employment") }!
        for run in runs where run.text.hasPrefix("Sector number") {
            #expect(run.origin.x >= 0 && run.origin.x + FixedWidthMeasurer().measure(run.text, font: run.font).width <= 1200)
            #expect(run.origin.y > title.origin.y + 5, "a legend entry shares the title's line")
        }
        // Ten series drawn: dashes take over once the six colours are used.
        let strokes = scene.items.compactMap { item -> Stroke? in if case .polyline(_, let stroke) = item { stroke } else { nil } }
        #expect(Set(strokes.map { "\($0.color)\($0.dash)" }).count == 10)
        #expect(report.plot.y > title.origin.y + 40)
    }

    @Test func aFewSeriesStayBesideTheTitle() {
        let spec = ChartSpec(title: "Visits", series: Self.series(2))
        let runs = Self.texts(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene)
        let title = runs.first { $0.text == "Visits" }!
        #expect(runs.filter { $0.text.hasPrefix("Sector") }.allSatisfy { abs($0.origin.y - title.origin.y) < 10 })
    }

    @Test func levelsFarFromZeroAreZoomedUnlessAMinimumIsGiven() {
        let zoomed = ChartLayout.layout(ChartSpec(series: Self.series(1)), measurer: FixedWidthMeasurer()).scene
        let labels = Self.texts(zoomed).map(\.text)
        #expect(labels.contains("130k") && !labels.contains("0"))
        var spec = ChartSpec(series: Self.series(1))
        spec.options.yMin = 0
        spec.options.yMax = 200_000
        let fromZero = Self.texts(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene).map(\.text)
        #expect(fromZero.contains("0") && fromZero.contains("200k"))
        // Counts near zero keep a zero baseline.
        let counts = Self.texts(ChartLayout.layout(ChartSpec(series: Self.series(1, base: 10)), measurer: FixedWidthMeasurer()).scene)
        #expect(counts.map(\.text).contains("0"))
    }

    @Test func theValueAxisTitleSitsAboveThePlotWithoutTouchingLabels() {
        var spec = ChartSpec(
            title: "T", series: Self.series(1),
            references: [
                Reference(id: "a", title: "Launch of the new pricing page", date: Date(timeIntervalSince1970: 1_262_304_000 + 86_400 * 300))
            ])
        spec.options.yLabel = "Employees (thousands)"
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let label = Self.texts(scene).first { $0.text == "Employees (thousands)" }
        #expect(label != nil && label!.origin.y < report.plot.y)
        // Beside the top of its own axis, not above the label lanes.
        #expect(report.plot.y - (label!.origin.y + label!.size.height) < 2 * label!.size.height, "\(label!) \(report.plot)")
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
    }

    /// A reference near the left edge labelled above the plot: its line would cross the axis title, so the
    /// title goes above the lanes.
    @Test func theValueAxisTitleMakesWayForAReferenceLineAtTheLeft() {
        // Swinging over the whole range, so no label can sit inside the plot.
        let rising = Self.series(1)[0]
        let swinging = MetricSeries(name: rising.name, times: rising.times, values: rising.values.indices.map { $0 % 2 == 0 ? 0 : 10_000 })
        var spec = ChartSpec(
            title: "T", series: [swinging],
            references: (0..<4).map {
                Reference(
                    id: "\($0)", title: "A launch with a long title \($0)", date: Date(timeIntervalSince1970: 1_262_304_000 + 86_400 * Double(1 + $0))
                )
            })
        spec.options.yLabel = "Employees (thousands)"
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
        let label = Self.texts(scene).first { $0.text == "Employees (thousands)" }!
        let lines = scene.items.compactMap { item -> (Point, Point)? in if case .line(let a, let b, _) = item, a.x == b.x { (a, b) } else { nil } }
        let crossing = lines.filter { a, b in
            a.x >= label.origin.x && a.x <= label.origin.x + label.size.width && min(a.y, b.y) < label.origin.y + label.size.height
                && max(a.y, b.y) > label.origin.y
        }
        #expect(crossing.isEmpty, "\(crossing) cross \(label) (plot \(report.plot))")
        #expect(report.lanes > 0, "the case needs lanes above the plot")
    }

    /// A single series under a title gets no legend (the title names it); without a title, or with two
    /// series, the legend stays.
    @Test func aSingleSeriesUnderATitleHasNoLegend() {
        func legendShown(_ spec: ChartSpec) -> Bool {
            Self.texts(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene).contains { $0.text.hasPrefix("Sector number") }
        }
        #expect(!legendShown(ChartSpec(title: "Employment", series: Self.series(1))))
        #expect(legendShown(ChartSpec(series: Self.series(1))))
        #expect(legendShown(ChartSpec(title: "Employment", series: Self.series(2))))
    }

    /// "Times in …" only under data with times of day: day-based data reads the same in every zone.
    @Test func theZoneIsNamedOnlyForTimesOfDay() {
        func caption(_ step: Double, zone: String = "UTC") -> Bool {
            let times = (0..<200).map { 1_262_304_000 + Double($0) * step }
            var spec = ChartSpec(title: "T", series: [MetricSeries(name: "a", times: times, values: times.map { _ in 5 })])
            spec.options.timezone = ZoneIdentifier(zone)
            return Self.texts(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).scene).contains { $0.text.hasPrefix("Times in") }
        }
        #expect(caption(3_600))
        #expect(!caption(86_400))
        #expect(!caption(30 * 86_400))
        // Midnights in UTC are 01:00 in Berlin: times of day there.
        #expect(caption(86_400, zone: "Europe/Berlin"))
    }
}
