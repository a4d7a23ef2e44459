import RefChartLayout
import RefChartScene
import Testing

struct ValueTicksTests {
    @Test func niceStepsOfOneTwoOrFive() {
        let ticks = ValueTicks(low: 683, high: 3412, count: 7, includeZero: true)
        #expect(ticks.step == 500)
        #expect(ticks.values == [0, 500, 1000, 1500, 2000, 2500, 3000, 3500])
        #expect(ticks.domain == 0...3500)
    }

    @Test func smallAndNegativeRanges() {
        #expect(ValueTicks(low: 0.12, high: 0.93, count: 5, includeZero: false).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ValueTicks(low: -42, high: 17, count: 6, includeZero: true).values == [-50, -40, -30, -20, -10, 0, 10, 20])
    }

    @Test func valuesNearTheLargestDoubleDoNotOverflow() {
        let ticks = ValueTicks(low: -1e308, high: 1e308, count: 5, includeZero: true)
        #expect(ticks.values == [-1e308, 1e308])
    }

    @Test func aFlatSeriesStillGetsARange() {
        let ticks = ValueTicks(low: 5, high: 5, count: 5, includeZero: false)
        #expect(ticks.domain.lowerBound < 5 && ticks.domain.upperBound > 5)
    }

    @Test(arguments: [
        (950.0, 50.0, "950"), (1200, 200, "1.2k"), (1000, 500, "1k"), (7500, 2500, "7.5k"), (3_400_000, 200_000, "3.4M"),
        (0.25, 0.05, "0.25"), (-12000, 2000, "\u{2212}12k"), (-0.0001, 1, "0"), (0, 100, "0"), (2_500_000_000, 500_000_000, "2.5B"),
        (2.5e18, 5e17, "2.5e18"), (-1e308, 1e308, "\u{2212}1e308"), (2e-9, 1e-9, "2e\u{2212}9"), (-2.5, 0.5, "\u{2212}2.5"),
    ])
    func compactLabels(value: Double, step: Double, expected: String) {
        #expect(CompactNumber.format(value, step: step) == expected)
    }
}
