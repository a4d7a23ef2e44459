import Foundation
import RefChart
import RefChartCore
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// Labels in lanes inside the plot's bottom, where the data leaves room under it: the staircase costs no
/// height, and the ladder's guarantees hold.
struct BottomLanesTests {
    @Test func theNinetyDaySampleKeepsFourFifthsOfItsHeightForThePlot() throws {
        let chart = try RenderTests.sampleChart(width: 1200, height: 600, title: "Pageviews, last 90 days")
        let (png, report) = try chart.renderWithReport(.png)
        #expect(report.plot.height >= 0.8 * 600, "the plot keeps \(report.plot.height) of 600 px")
        let labels = report.references.filter { $0.state == .label }
        #expect(labels.count == 8 && report.references.allSatisfy { $0.state != .badge })
        // Every label is inside the plot's lower part, clear of the others.
        for label in labels {
            let box = try #require(label.box)
            #expect(box.minY > report.plot.y + report.plot.height / 2 && box.maxY <= report.plot.y + report.plot.height)
        }
        for (a, b) in labels.enumerated().flatMap({ k, a in labels.dropFirst(k + 1).map { (a, $0) } }) {
            #expect(!a.box!.intersects(b.box!), "\(a.title) overlaps \(b.title)")
        }
        // Under each label the plot shows the background, not the series' blue: the data stays above.
        let image = try DecodedImage(png: png)
        for label in labels {
            let box = try #require(label.box)
            let touched = PlotClearance.seriesPixels(in: box, of: image, color: Theme.light.series[0])
            #expect(touched == 0, "\(touched) series pixels under \(label.title)")
        }
    }

    @Test func barsAndCrowdedChartsKeepTheirLanesAboveThePlot() throws {
        var chart = try RenderTests.sampleChart(width: 1200, height: 600, title: "Pageviews, last 90 days")
        chart.type = .bar
        chart.bucket = RelativeWindow("1d")
        let (_, report) = try chart.renderWithReport(.png)
        let labels = report.references.compactMap { $0.state == .label ? $0.box : nil }
        #expect(!labels.isEmpty)
        // Bars fill the plot's bottom from zero: no label sits there.
        #expect(labels.allSatisfy { $0.maxY < report.plot.y + report.plot.height - 20 })
    }
}
