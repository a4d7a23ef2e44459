import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// The footnote table shows every title whole: one column when a few rows suffice, more lines for a title
/// too long for its column.
struct FootnoteTableTests {
    static let start = 1_725_148_800.0  // 2024-09-01

    /// `count` references at one instant (so all but the first become badges), with long titles.
    static func layout(_ count: Int, title: (Int) -> String) -> (Scene, LayoutReport) {
        let times = (0..<720).map { start + Double($0) * 3_600 }
        let series = MetricSeries(name: "views", times: times, values: times.indices.map { 100 + Double($0 % 24) })
        let references = (0..<count).map { Reference(id: "r\($0)", title: title($0), date: Date(timeIntervalSince1970: start + 15 * 86_400)) }
        let spec = ChartSpec(title: "Views", size: Size(width: 1200, height: 600), series: [series], references: references)
        return ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
    }

    static func texts(_ scene: Scene, below y: Double) -> [TextRun] {
        AxesAndLegendTests.texts(scene).filter { $0.origin.y >= y }
    }

    @Test func aFewRowsTakeTheWholeWidthAndShowTheWholeTitle() {
        let long = "Migration of the checkout service to the new payment provider, first region (EU-West)"
        let (scene, report) = Self.layout(3) { "\(long) #\($0)" }
        #expect(!report.footnotes.isEmpty && report.footnotes.count <= 3)
        #expect(report.footnotes.allSatisfy { $0.box.width > 1000 }, "\(report.footnotes.map(\.box))")
        let table = Self.texts(scene, below: report.footnotes.map(\.box.y).min()!)
        for number in report.footnotes.map(\.badge) {
            let title = report.references.first { $0.footnote == number }!.title
            #expect(table.contains { $0.text == title }, "\(title) not whole in \(table.map(\.text))")
        }
    }

    @Test func aTitleTooLongForItsColumnWrapsOntoMoreLines() {
        let long = "Incident: checkout latency above the service objective in three regions after the cache cluster failover #"
        let (scene, report) = Self.layout(12) { $0 % 2 == 0 ? "\(long)\($0)" : "Short \($0)" }
        let rows = report.footnotes
        #expect(rows.count >= 4)
        let lineHeight = rows.map(\.box.height).min()!
        #expect(rows.contains { $0.box.height > 1.5 * lineHeight })
        let runs = Self.texts(scene, below: rows.map(\.box.y).min()!)
        for row in rows where row.box.height > 1.5 * lineHeight {
            let title = report.references.first { $0.footnote == row.badge }!.title
            let inRow = runs.filter {
                $0.origin.x > row.box.x + 60 && $0.origin.x < row.box.x + row.box.width && $0.origin.y >= row.box.y - 1
                    && $0.origin.y < row.box.y + row.box.height
            }
            #expect(inRow.count >= 2 && inRow.map(\.text).joined(separator: " ") == title, "\(inRow.map(\.text)) ≠ \(title)")
            #expect(inRow.allSatisfy { $0.origin.x + $0.size.width <= row.box.x + row.box.width + 0.5 })
        }
        // Rows never overlap one another.
        for (a, b) in zip(rows, rows.dropFirst()) where a.box.x == b.box.x { #expect(a.box.y + a.box.height <= b.box.y + 0.01) }
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
    }

    @Test func theFlowKeepsRowsWholeAndColumnsEven() {
        #expect(FootnoteFlow.columns(rows: 1, maximum: 3) == 1)
        #expect(FootnoteFlow.columns(rows: 3, maximum: 3) == 1)
        #expect(FootnoteFlow.columns(rows: 4, maximum: 3) == 2)
        #expect(FootnoteFlow.columns(rows: 7, maximum: 3) == 3)
        let flow = FootnoteFlow(heights: [1, 2, 1, 1, 2, 1], columns: 2)
        #expect(flow.lines == 4)
        #expect(flow.places.map(\.column) == [0, 0, 0, 1, 1, 1] && flow.places.map(\.line) == [0, 1, 3, 0, 1, 3])
    }
}
