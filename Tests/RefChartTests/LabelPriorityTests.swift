import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// Which references win a label where not all fit: `priority` (higher first), and `labelCategories`
/// (only those compete).
struct LabelPriorityTests {
    static let start = 1_725_148_800.0  // 2024-09-01

    /// A month of hourly data swinging over its whole range (no room inside the plot), and `count`
    /// references an hour apart: far more than the lanes above the plot hold.
    static func spec(_ count: Int, priority: (Int) -> Double?, category: (Int) -> String? = { _ in nil }) -> ChartSpec {
        let times = (0..<720).map { start + Double($0) * 3_600 }
        let series = MetricSeries(name: "views", times: times, values: times.indices.map { $0 % 2 == 0 ? 0 : 100 })
        let references = (0..<count).map { k in
            Reference(
                id: "r\(k)", title: "Holiday number \(k)", date: Date(timeIntervalSince1970: start + 10 * 86_400 + Double(k) * 3_600),
                category: category(k), priority: priority(k))
        }
        return ChartSpec(title: "Views", size: Size(width: 1200, height: 600), series: [series], references: references)
    }

    static func labelled(_ spec: ChartSpec) -> Set<String> {
        Set(ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).report.references.filter { $0.state == .label }.map(\.id))
    }

    /// 4 real events among 40 holidays at one spot: without priorities the first ones in time win; with
    /// them, the 4 events.
    @Test func higherPriorityWinsALabelFirst() {
        let events: Set<Int> = [11, 23, 30, 38]
        let plain = Self.labelled(Self.spec(40) { _ in nil })
        #expect(plain.contains("r0") && !events.allSatisfy { plain.contains("r\($0)") }, "\(plain.sorted())")
        let ranked = Self.labelled(Self.spec(40) { events.contains($0) ? 10 : nil })
        #expect(events.allSatisfy { ranked.contains("r\($0)") }, "\(ranked.sorted())")
        // A lower one still takes a label where it costs no higher one its own.
        #expect(ranked.count >= events.count)
        let (scene, _) = ChartLayout.layout(Self.spec(40) { events.contains($0) ? 10 : nil }, measurer: FixedWidthMeasurer())
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
    }

    @Test func onlyTheLabelCategoriesCompete() {
        var spec = Self.spec(40, priority: { _ in nil }, category: { $0 % 10 == 5 ? "release" : "holiday" })
        spec.options.labelCategories = ["release"]
        let report = ChartLayout.layout(spec, measurer: FixedWidthMeasurer()).report
        let labelled = report.references.filter { $0.state == .label }.map(\.id)
        #expect(Set(labelled) == ["r5", "r15", "r25", "r35"], "\(labelled)")
        // The rest are badges with footnote rows, not dropped.
        #expect(report.references.filter { $0.state == .badge }.count == 36)
    }

    @Test func aPriorityIsReadFromTheReferencesFile() throws {
        let json = #"[{"title": "a", "date": "2024-01-01", "priority": 5}, {"title": "b", "date": "2024-01-02"}]"#
        let references = try ReferencesFile.decode(Data(json.utf8), source: "r.json")
        #expect(references.map(\.priority) == [5, nil])
        let bad = #"[{"title": "a", "date": "2024-01-01", "priority": "high"}]"#
        #expect(throws: InputError.self) { try ReferencesFile.decode(Data(bad.utf8), source: "r.json") }
    }
}
