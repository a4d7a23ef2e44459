import Foundation
import RefChartCore
import RefChartLayout
import RefChartRender
import Testing

/// The dense-reference layout takes shortcuts to stay fast at thousands of references; each must leave the
/// layout exactly as the long way would.
struct DenseLayoutShortcutsTests {
    /// Replaying the pass without room inside the plot (while no cluster has gone inside) gives the very
    /// scene and report of running the ladder again: sparse charts whose labels go inside, dense ones
    /// whose clusters never do, bars, impact numbers and a second axis.
    @Test(arguments: [8, 30, 120, 600, 2_500])
    func replayingMarkersChangesNothing(count: Int) {
        var random = SeededGenerator(seed: UInt64(count))
        let start = TestSupport.seconds("2024-09-01T00:00:00Z")
        let times = (0..<2_000).map { start + Double($0) * 3_600 }
        // A line that fills the plot's top in its first half and leaves room there in the second: the clusters
        // on the left are replayed, then one on the right goes inside.
        let values = times.indices.map { k in (k < 1_000 ? 900.0 : 300.0) + 80 * sin(Double(k) / 9) }
        let references = (0..<count).map { k in
            Reference(
                id: "r\(k)", title: "Change \(k) " + String(repeating: "ab ", count: Int.random(in: 0...8, using: &random)),
                date: Date(timeIntervalSince1970: start + Double.random(in: 0..<(2_000 * 3_600), using: &random)),
                end: k % 7 == 0 ? Date(timeIntervalSince1970: start + 2_000 * 3_600 - 1) : nil)
        }
        for chartType in [ChartType.line, .bar] {
            var spec = ChartSpec(
                title: "Replay", size: Size(width: 1000, height: 500),
                series: [MetricSeries(name: "views", times: times, values: values)], references: references)
            spec.options.type = chartType
            if count == 30 { spec.options.impact = true; spec.options.impactWindow = RelativeWindow("3d")! }
            let measurer = PangoTextMeasurer()
            let replayed = ChartLayout.layout(spec, measurer: measurer, replaysMarkers: true)
            let again = ChartLayout.layout(spec, measurer: measurer, replaysMarkers: false)
            #expect(replayed.scene == again.scene, "\(count) references, \(chartType)")
            #expect(replayed.report == again.report, "\(count) references, \(chartType)")
        }
    }

    /// The same on the samples, whose labels go inside the plot (a trial succeeds, and replaying stops).
    @Test func replayingMarkersChangesNothingOnTheSamples() throws {
        let table = try CSVReader.read(path: TestSupport.sample("pageviews.csv"))
        for file in ["references.json", "dense-references.json"] {
            let spec = ChartSpec(
                title: "Pageviews", size: Size(width: 1200, height: 600), series: table.series,
                references: try ReferencesFile.read(path: TestSupport.sample(file)))
            let measurer = PangoTextMeasurer()
            let replayed = ChartLayout.layout(spec, measurer: measurer, replaysMarkers: true)
            let again = ChartLayout.layout(spec, measurer: measurer, replaysMarkers: false)
            #expect(replayed.scene == again.scene, "\(file)")
            #expect(replayed.report == again.report, "\(file)")
            if file == "references.json" {
                #expect(replayed.report.references.contains { ($0.lane ?? -1) >= replayed.report.lanes }, "labels inside the plot")
            }
        }
    }

    /// Badge and footnote numbers, and footnote dates, are sized as the sum of their characters' widths
    /// (``SummedWidths``): in the chart fonts that is what Pango gives the whole text.
    @Test func numbersAndDatesMeasureAsTheSumOfTheirCharacters() {
        let measurer = PangoTextMeasurer()
        let badge = FontSpec(family: "DejaVu Sans", size: 11, bold: true)
        let footnote = FontSpec(family: "DejaVu Sans", size: 11)
        func sum(_ text: String, _ font: FontSpec) -> Double {
            text.map { measurer.measure(String($0), font: font).width }.reduce(0, +)
        }
        var random = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let first = Int.random(in: 1...9_999, using: &random)
            let last = first + Int.random(in: 1...600, using: &random)
            for label in ["\(first)", "\(first),\(last)", "\(first)–\(last)"] {
                #expect(measurer.measure(label, font: badge).width == sum(label, badge), "\(label)")
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: Double.random(in: 0...2_000_000_000, using: &random).rounded())
            let text = TimeLabelStyle.dayMonthYear.format(date, in: calendar) + " " + TimeLabelStyle.hourMinute.format(date, in: calendar)
            let range = text + " – " + text
            for written in [text, range] {
                #expect(measurer.measure(written, font: footnote).width == sum(written, footnote), "\(written)")
            }
        }
    }
}
