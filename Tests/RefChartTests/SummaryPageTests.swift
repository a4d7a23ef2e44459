import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// The pages that are not time series: headline numbers and funnels, read back from their scenes.
struct SummaryPageTests {
    @Test(arguments: [(1887.0, "1,887"), (12.5, "12.5"), (-3, "\u{2212}3"), (1_234_567, "1,234,567"), (0.25, "0.25"), (23_400_000, "23.4M")])
    func headlineNumbersAreWrittenInFull(value: Double, text: String) {
        #expect(SummaryLayout.number(value) == text)
    }

    @Test func aHeadlineTileShowsTheValueThePreviousPeriodAndTheChange() {
        let scene = SummaryLayout.headlines(
            title: "Purchases", numbers: [HeadlineNumber(name: "purchase", value: 66, previous: 83), HeadlineNumber(name: "refunds", value: 3)],
            size: Size(width: 1200, height: 600), theme: .light, measurer: FixedWidthMeasurer())
        let texts = AxesAndLegendTests.texts(scene).map(\.text)
        #expect(texts == ["Purchases", "purchase", "66", "\u{2212}20.5 %", "previous period 83", "refunds", "3"])
        // The fall is in the theme's negative colour.
        let change = AxesAndLegendTests.texts(scene).first { $0.text.hasSuffix("%") }
        #expect(change?.color == Theme.light.negative)
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
    }

    @Test func aFunnelBarsEachStepByItsCount() {
        let steps = [FunnelStep(name: "session_start", count: 300, percent: 100), FunnelStep(name: "Signed up", count: 158, percent: 52.67)]
        let scene = SummaryLayout.funnel(
            title: "Sign-up funnel", steps: steps, size: Size(width: 1000, height: 400), theme: .light, measurer: FixedWidthMeasurer())
        #expect(AxesAndLegendTests.texts(scene).map(\.text).suffix(4) == ["session_start", "300 · 100.0 %", "Signed up", "158 · 52.7 %"])
        let bars = scene.items.compactMap { item -> Rect? in
            if case .rect(let rect, let fill, _, _) = item, fill == Theme.light.series[0] { rect } else { nil }
        }
        #expect(bars.count == 2)
        #expect(abs(bars[1].width / bars[0].width - 158.0 / 300) < 0.001)
    }
}
