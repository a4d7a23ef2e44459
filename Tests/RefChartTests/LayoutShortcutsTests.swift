import Foundation
import RefChartCore
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// The layout takes shortcuts to stay fast at thousands of references (``LayoutShortcuts``); each must leave the
/// layout exactly as the long way would.
struct LayoutShortcutsTests {
    /// Each shortcut off on its own, and all of them off.
    static let longWays: [(name: String, shortcuts: LayoutShortcuts)] = [
        ("no replay", LayoutShortcuts(replaysMarkers: false)),
        ("no lower-bound skip", LayoutShortcuts(skipsHopelessLabels: false)),
        ("no prefix fitting", LayoutShortcuts(fitsByPrefix: false)),
        ("none", .none),
    ]

    /// A dense chart: a line that fills the plot's top in its first half and leaves room there in the second
    /// (clusters on the left are replayed, then one on the right goes inside); titles from two words to 300
    /// characters (cut labels, badges near the right edge whose lower bound already rules them out); grouped
    /// footnotes joining many titles into one long text (fitted by a prefix).
    static func denseSpec(count: Int, chartType: ChartType, footnotes: FootnoteMode) -> ChartSpec {
        var random = SeededGenerator(seed: UInt64(count))
        let start = TestSupport.seconds("2024-09-01T00:00:00Z")
        let times = (0..<2_000).map { start + Double($0) * 3_600 }
        let values = times.indices.map { k in (k < 1_000 ? 900.0 : 300.0) + 80 * sin(Double(k) / 9) }
        let references = (0..<count).map { k in
            let words = k % 5 == 0 ? 40 + k % 60 : Int.random(in: 0...8, using: &random)
            return Reference(
                id: "r\(k)", title: "Change \(k) " + String(repeating: "ab ", count: words),
                date: Date(timeIntervalSince1970: start + Double.random(in: 0..<(2_000 * 3_600), using: &random)),
                end: k % 7 == 0 ? Date(timeIntervalSince1970: start + 2_000 * 3_600 - 1) : nil)
        }
        var spec = ChartSpec(
            title: "Shortcuts", size: Size(width: 1000, height: 500),
            series: [MetricSeries(name: "views", times: times, values: values)], references: references)
        spec.options.type = chartType
        spec.options.footnotes = footnotes
        if count == 30 {
            spec.options.impact = true
            spec.options.impactWindow = RelativeWindow("3d")!
        }
        return spec
    }

    /// Every shortcut leaves the very scene and report of the long way: sparse charts whose labels go
    /// inside, dense ones whose clusters never do, bars, impact numbers, grouped footnotes.
    @Test(arguments: [8, 30, 120, 600, 2_500])
    func shortcutsChangeNothing(count: Int) {
        let measurer = PangoTextMeasurer()
        for (chartType, footnotes) in [(ChartType.line, FootnoteMode.auto), (.bar, .grouped)] {
            let spec = Self.denseSpec(count: count, chartType: chartType, footnotes: footnotes)
            let fast = ChartLayout.layout(spec, measurer: measurer)
            for (name, shortcuts) in Self.longWays {
                let slow = ChartLayout.layout(spec, measurer: measurer, shortcuts: shortcuts)
                #expect(fast.scene == slow.scene, "\(count) references, \(chartType), \(name)")
                #expect(fast.report == slow.report, "\(count) references, \(chartType), \(name)")
            }
        }
    }

    /// The dense charts above do reach each shortcut: cut labels and badges, labels inside the plot, and
    /// footnote texts longer than their row.
    @Test func theDenseChartsReachEveryShortcut() {
        let measurer = PangoTextMeasurer()
        let sparse = ChartLayout.layout(Self.denseSpec(count: 8, chartType: .line, footnotes: .auto), measurer: measurer).report
        #expect(sparse.references.contains { ($0.lane ?? -1) >= sparse.lanes }, "labels inside the plot")
        let dense = ChartLayout.layout(Self.denseSpec(count: 600, chartType: .bar, footnotes: .grouped), measurer: measurer).report
        #expect(dense.references.contains { $0.truncated }, "cut labels")
        #expect(dense.references.filter { $0.state == .badge }.count > 100, "badges")
        #expect(Set(dense.footnotes.map(\.box)).count < dense.footnotes.count, "grouped footnote rows")
    }

    /// The same on the samples, whose labels go inside the plot (a trial succeeds, and replaying stops).
    @Test func shortcutsChangeNothingOnTheSamples() throws {
        let table = try CSVReader.read(path: TestSupport.sample("pageviews.csv"))
        let measurer = PangoTextMeasurer()
        for file in ["references.json", "dense-references.json"] {
            let spec = ChartSpec(
                title: "Pageviews", size: Size(width: 1200, height: 600), series: table.series,
                references: try ReferencesFile.read(path: TestSupport.sample(file)))
            let fast = ChartLayout.layout(spec, measurer: measurer)
            for (name, shortcuts) in Self.longWays {
                let slow = ChartLayout.layout(spec, measurer: measurer, shortcuts: shortcuts)
                #expect(fast.scene == slow.scene, "\(file), \(name)")
                #expect(fast.report == slow.report, "\(file), \(name)")
            }
            if file == "references.json" {
                #expect(fast.report.references.contains { ($0.lane ?? -1) >= fast.report.lanes }, "labels inside the plot")
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
