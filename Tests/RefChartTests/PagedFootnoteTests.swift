import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// A PDF page keeps a chart's few footnote rows: the plot yields them its room rather than the document
/// getting a second, almost empty page.
struct PagedFootnoteTests {
    static func spec(references count: Int) -> ChartSpec {
        let start = LayoutTests.start
        let times = (0..<200).map { start + Double($0) * 3600 }
        let values = times.indices.map { 900 + Double($0 % 24) * 4 }
        // Crowded into a few hours: most get badges.
        let references = (0..<count).map { k in
            Reference(id: "r\(k)", title: "Deploy number \(k) of the week", date: Date(timeIntervalSince1970: start + 100 * 3600 + Double(k) * 600))
        }
        var spec = ChartSpec(
            title: "Deploys", size: Size(width: 800, height: 400), series: [MetricSeries(name: "v", times: times, values: values)],
            references: references)
        spec.pageHeight = 400
        return spec
    }

    @Test func aFewFootnoteRowsStayOnTheChartsPage() throws {
        let (_, report) = ChartLayout.layout(Self.spec(references: 8), measurer: FixedWidthMeasurer())
        let rows = report.footnotes.count
        #expect(rows >= 1 && rows <= 6, "\(rows) footnote rows")
        #expect(report.height == 400, "one page, not \(report.height / 400)")
        let page = LayoutReport.Box(x: 0, y: 0, width: 800, height: 400)
        #expect(report.footnotes.allSatisfy { page.contains($0.box) && !$0.box.intersects(report.plot) })
    }

    @Test func manyRowsStillContinueOnMorePages() throws {
        let (_, report) = ChartLayout.layout(Self.spec(references: 80), measurer: FixedWidthMeasurer())
        #expect(report.height > 400 && report.height.truncatingRemainder(dividingBy: 400) == 0)
        // The plot kept the height it has on screen: the rows went to the following pages.
        var unpaged = Self.spec(references: 80)
        unpaged.pageHeight = nil
        #expect(report.plot.height == ChartLayout.layout(unpaged, measurer: FixedWidthMeasurer()).report.plot.height)
    }
}
