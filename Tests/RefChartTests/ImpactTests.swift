import Foundation
import RefChart
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// Impact numbers: each reference's effect on the series, against a hand computation.
struct ImpactTests {
    static let t = TestSupport.seconds("2024-03-10T00:00:00Z")

    /// Hourly points: 10 for the 7 days before `t`, 12 from `t` on, one gap before and one after.
    static func series() -> MetricSeries {
        let times = (-24 * 10..<24 * 10).map { t + Double($0) * 3600 }
        var values = times.map { $0 < t ? 10.0 : 12.0 }
        values[24 * 10 - 5] = .nan
        values[24 * 10 + 5] = .nan
        values[0] = 1000  // outside the 7-day window: never counted
        return MetricSeries(name: "v", times: times, values: values)
    }

    @Test func beforeAndAfterAreTheMeansOfTheWindowsEachSide() {
        let impact = ReferenceImpact(
            series: Self.series(), instant: Self.t, beforeStart: Self.t - 7 * 86_400,
            afterEnd: Self.t + 7 * 86_400, window: "7d")
        #expect(impact.before == 10 && impact.after == 12)
        #expect(abs(impact.change! - 0.2) < 1e-12)
        #expect(impact.text == "+20 %")
        // A side without points gives no number, never 0.
        let edge = ReferenceImpact(
            series: Self.series(), instant: Self.t - 10 * 86_400, beforeStart: Self.t - 17 * 86_400,
            afterEnd: Self.t - 3 * 86_400, window: "7d")
        #expect(edge.before == nil && edge.change == nil && edge.text == nil)
        var falling = impact
        falling.change = -0.032
        #expect(falling.text == "−3.2 %")
    }

    @Test func theNumberFollowsTheLabelInTheSignsColourAndIsInTheReport() throws {
        var spec = ChartSpec(
            series: [Self.series()],
            references: [
                Reference(id: "up", title: "Launch", date: Date(timeIntervalSince1970: Self.t)),
                Reference(id: "flat", title: "Nothing", date: Date(timeIntervalSince1970: Self.t + 86_400 * 8)),
            ])
        spec.options.impact = true
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let runs = scene.items.compactMap { item -> TextRun? in if case .text(let run) = item { run } else { nil } }
        let launch = try #require(runs.first { $0.text == "Launch" })
        let number = try #require(runs.first { $0.text == "+20 %" })
        #expect(number.color == Theme.light.positive)
        #expect(abs(number.origin.y - launch.origin.y) < 0.01 && number.origin.x > launch.origin.x)
        // 8 days after t: both sides are 12 (the 7 days before it start a day after t): under 1 %, neutral.
        let flat = try #require(runs.first { $0.text == "+0.0 %" })
        #expect(flat.color == Theme.light.mutedText)
        #expect(report.references[0].impact?.change.map { abs($0 - 0.2) < 1e-12 } == true)
        #expect(report.references[0].impact?.window == "7d")
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
    }

    /// A change within the series' own week-to-week noise, or shared with another reference inside its
    /// windows, is drawn muted; the report says why (`noise`, `overlapping`).
    @Test func changesWithinNoiseOrSharedWithAnotherReferenceAreMuted() throws {
        // Daily points over 20 weeks: weeks alternate 100 and 120 (17–20 % week to week) but for 105 in week 5
        // after a 100 (+5 %); 160 from week 14 on, then 200 from week 17.
        let times = (0..<140).map { Self.t + Double($0) * 86_400 }
        let values = times.indices.map { day -> Double in
            day >= 119 ? 200 : day >= 98 ? 160 : day / 7 == 5 ? 105 : (day / 7) % 2 == 0 ? 100 : 120
        }
        let week = { (k: Double) in Date(timeIntervalSince1970: Self.t + k * 7 * 86_400) }
        var spec = ChartSpec(
            series: [MetricSeries(name: "v", times: times, values: values)],
            references: [
                Reference(id: "noise", title: "Small change", date: week(5)),
                Reference(id: "jump", title: "Big launch", date: week(14)),
                Reference(id: "a", title: "First", date: week(17)),
                Reference(id: "b", title: "Second", date: Date(timeIntervalSince1970: Self.t + (17 * 7 + 2) * 86_400)),
            ])
        spec.options.impact = true
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let impacts = report.references.map { $0.impact! }
        #expect(impacts[0].noise.map { $0 > 0.15 && $0 < 0.21 } == true, "\(impacts[0])")
        #expect(impacts[0].change.map { abs($0 - 0.05) < 1e-9 } == true && !impacts[0].isNotable, "\(impacts[0])")
        #expect(impacts[1].isNotable && impacts[1].overlapping == nil)
        #expect(impacts[2].overlapping == ["b"] && impacts[3].overlapping == ["a"] && !impacts[2].isNotable)
        let runs = scene.items.compactMap { item -> TextRun? in if case .text(let run) = item { run } else { nil } }
        let colours = Dictionary(runs.filter { $0.text.hasSuffix(" %") }.map { ($0.text, $0.color) }) { first, _ in first }
        #expect(colours[impacts[1].text!] == Theme.light.positive)
        #expect(colours[impacts[0].text!] == Theme.light.mutedText && colours[impacts[2].text!] == Theme.light.mutedText)
    }

    @Test func impactNeedsAKnownSeriesAndADuration() throws {
        var chart = Chart(series: [Self.series()])
        #expect(RelativeWindow("soon") == nil, "a window is a parsed duration")
        chart.impact = true
        chart.impactSeries = "nope"
        #expect(throws: ChartError.self) { try chart.render(.png) }
    }
}
