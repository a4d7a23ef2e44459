import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// Labels placed freely inside the plot, over many random charts: line, area and bar shapes, two axes,
/// 3 to 60 references, narrow and wide images. Whatever the placement, no text overlaps other text, no
/// label sits on a series' line, no marker line runs through a label, and every reference is accounted for.
struct FreeLabelFuzzTests {
    static func spec(seed: UInt64) -> ChartSpec {
        var random = SeededGenerator(seed: seed)
        let start = LayoutTests.start
        let count: Int = [12, 60, 400, 3000][Int.random(in: 0..<4, using: &random)]
        let step: Double = [3600.0, 86_400, 604_800][Int.random(in: 0..<3, using: &random)]
        var level = Double.random(in: 0...1000, using: &random)
        let shape = Int.random(in: 0..<3, using: &random)
        let values = (0..<count).map { i -> Double in
            level = max(0, level + Double.random(in: -40...40, using: &random))
            return shape == 0 ? level : shape == 1 ? level + 300 * sin(Double(i) / 9) : (i % 17 == 0 ? level * 3 : level)
        }
        let times = (0..<count).map { start + Double($0) * step }
        var series = [MetricSeries(name: "a", times: times, values: values)]
        if Bool.random(using: &random) { series.append(MetricSeries(name: "b", times: times, values: values.map { $0 * 0.3 + 50 })) }
        let span = Double(count) * step
        let references = (0..<Int.random(in: 3...60, using: &random)).map { k in
            Reference(
                id: "r\(k)", title: String(repeating: "Word ", count: Int.random(in: 1...5, using: &random)) + "\(k)",
                date: Date(timeIntervalSince1970: start + Double.random(in: -0.05...1.05, using: &random) * span),
                category: ["a", "b", "c"][k % 3])
        }
        var spec = ChartSpec(
            title: "Seed \(seed)",
            size: Size(width: Double(Int.random(in: 600...1400, using: &random)), height: Double(Int.random(in: 300...700, using: &random))),
            series: series, references: references)
        spec.options.type = [ChartType.line, .line, .area, .bar][Int.random(in: 0..<4, using: &random)]
        if spec.options.type == .line && series.count == 2 && Bool.random(using: &random) { spec.options.rightAxis = ["b"] }
        return spec
    }

    @Test(arguments: 1...40)
    func freePlacementKeepsItsPromises(seed: UInt64) throws {
        let spec = Self.spec(seed: seed)
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty, "seed \(seed): text overlaps")
        let labels = report.references.compactMap { $0.state == .label ? $0.box : nil }
        let inside = labels.filter { $0.intersects(report.plot) }
        for color in spec.theme.series.prefix(spec.series.count) {
            #expect(PlotClearance.boxesTouchingSeries(inside, in: scene, color: color).isEmpty, "seed \(seed): a label on a line")
        }
        #expect(PlotClearance.linesThroughBoxes(labels, in: scene).isEmpty, "seed \(seed): a marker line through a label")
        #expect(report.references.count == spec.references.count)
        #expect(Set(report.footnotes.map(\.badge)) == Set(report.references.compactMap(\.footnote)), "seed \(seed): footnote numbers")
        let numbers = Set(report.references.compactMap(\.footnote)).sorted()
        #expect(numbers == Array(1..<(numbers.count + 1)), "seed \(seed): footnotes not 1…n")
    }
}
