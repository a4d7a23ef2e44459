import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// Reference colours read apart from the series and from each other, also to colour-blind readers.
struct ReferenceColorTests {
    @Test func distancesAreCIEDE2000() {
        #expect(abs(ColorDifference.deltaE(Color(hex: 0xFFFFFF), Color(hex: 0x000000)) - 100) < 0.5)
        #expect(ColorDifference.deltaE(Color(hex: 0x2563EB), Color(hex: 0x2563EB)) < 1e-9)
        // Sharma, Wu & Dalal's pair 1 (L*a*b* 50/2.6772/−79.7751 against 50/0/−82.7485: ΔE00 2.0425), met
        // through sRGB within rounding of the 8-bit colours.
        let lab = ColorDifference.lab(Color(hex: 0x2563EB))
        #expect(lab.l > 40 && lab.l < 55 && lab.b < -60)
        // Under deuteranopia, red and green collapse; blue and orange stay apart.
        let (red, green) = (Color(hex: 0xD62728), Color(hex: 0x2CA02C))
        #expect(ColorDifference.deltaE(red, green) > 40)
        #expect(ColorDifference.deltaE(ColorDifference.simulated(red, .deuteranopia), ColorDifference.simulated(green, .deuteranopia)) < 25)
    }

    /// The light theme with one, three or six series and six categories: every candidate clear of every
    /// series colour is taken before any that is not (with six series, only a few are); the first three
    /// categories are apart in every vision for up to three series (the ten candidates, all dark enough for
    /// 4.5:1 text, hold no more that are also apart under deuteranopia and protanopia).
    @Test(arguments: [1, 3, 6])
    func categoryColoursStayClearOfTheSeries(series count: Int) {
        let series = Array(Theme.light.series.prefix(count))
        let clear = { (colour: Color) in series.allSatisfy { ColorDifference.deltaE(colour, $0) >= ReferencePalette.fromSeries } }
        let palette = ReferencePalette.choose(candidates: Theme.light.references, series: series, count: 6)
        #expect(palette.count == 6)
        let clearCount = min(6, Theme.light.references.filter(clear).count)
        #expect(clearCount >= (count <= 3 ? 3 : 1))
        #expect(palette.prefix(clearCount).allSatisfy(clear) && !palette.dropFirst(clearCount).contains(where: clear))
        guard count <= 3 else { return }
        let first = palette.prefix(3)
        for (k, a) in first.enumerated() {
            for b in first.dropFirst(k + 1) {
                for deficiency in ColorDifference.Deficiency.allCases {
                    let d = ColorDifference.deltaE(ColorDifference.simulated(a, deficiency), ColorDifference.simulated(b, deficiency))
                    #expect(d >= ReferencePalette.apart, "\(a) and \(b) under \(deficiency): \(d)")
                }
            }
        }
    }

    /// Six series take the hues: three categories get one accent and the theme's two greys, every one
    /// clear of every series colour and apart from the others in every vision (both themes).
    @Test(arguments: [Theme.light, Theme.dark])
    func manySeriesGiveTheCategoriesAnAccentAndGreys(theme: Theme) {
        let series = theme.series
        let palette = ReferencePalette.choose(candidates: theme.references, neutral: theme.neutralReferences, series: series, count: 3)
        #expect(palette.dropFirst() == theme.neutralReferences[...])
        #expect(theme.references.contains(palette[0]))
        for (k, a) in palette.enumerated() {
            #expect(
                series.allSatisfy { ColorDifference.deltaE(a, $0) >= ReferencePalette.fromSeries },
                "\(k) \(a) is \(series.map { ColorDifference.deltaE(a, $0) }.min()!) from a series colour")
            for b in palette.dropFirst(k + 1) {
                #expect(ColorDifference.deltaE(a, b) >= ReferencePalette.apart)
                for deficiency in ColorDifference.Deficiency.allCases {
                    let d = ColorDifference.deltaE(ColorDifference.simulated(a, deficiency), ColorDifference.simulated(b, deficiency))
                    #expect(d >= ReferencePalette.apart, "\(a) and \(b) under \(deficiency): \(d)")
                }
            }
        }
        // Fewer series keep the hues; more categories than the family go on with the theme's hues.
        #expect(
            ReferencePalette.choose(candidates: theme.references, neutral: theme.neutralReferences, series: Array(series.prefix(3)), count: 4)
                == ReferencePalette.choose(candidates: theme.references, series: Array(series.prefix(3)), count: 4))
        let six = ReferencePalette.choose(candidates: theme.references, neutral: theme.neutralReferences, series: series, count: 6)
        #expect(six.count == 6 && Set(six).count == 6)
    }

    /// A series given a colour of its own pushes the category colours away from it; the chart draws both.
    @Test func aSeriesColourOfItsOwnIsDrawnAndAvoided() throws {
        let times = (0..<100).map { 1_725_148_800 + Double($0) * 3_600 }
        var spec = ChartSpec(
            title: "T", series: [MetricSeries(name: "France", times: times, values: times.indices.map { Double($0 % 7) })],
            references: [Reference(id: "a", title: "Lockdown", date: Date(timeIntervalSince1970: times[40]), category: "policy")])
        spec.options.seriesColors = ["France=#0F766E"]  // the teal the first category took before
        let (scene, _) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let teal = Color(hex: 0x0F766E)
        let lines = scene.items.compactMap { item -> Color? in if case .polyline(_, let stroke) = item { stroke.color } else { nil } }
        #expect(lines.contains(teal))
        let label = try #require(AxesAndLegendTests.texts(scene).first { $0.text == "Lockdown" })
        #expect(ColorDifference.deltaE(label.color, teal) >= ReferencePalette.fromSeries)
        var bad = spec.options
        bad.seriesColors = ["France=teal"]
        #expect(throws: ChartRequestError.self) { try bad.validate() }
    }
}
