import Foundation
import RefChart
import RefChartCore
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// Labels anywhere inside the plot where the series leave room (an occupancy map of the final scale):
/// the plot keeps its height, and no label sits over a series pixel, another label or a line.
struct FreeLabelTests {
    /// Monthly CO₂ at Mauna Loa, in shape: 1958–2020, 315 → 414 ppm on a quickening trend, a ±3 ppm
    /// seasonal cycle.
    static func carbonDioxide() -> MetricSeries {
        let start = TestSupport.seconds("1958-03-01T00:00:00Z")
        let times = (0..<750).map { start + Double($0) * 30.44 * 86_400 }
        let values = times.indices.map { m in
            let years = Double(m) / 12
            return 315 + 0.75 * years + 0.0125 * years * years + 3 * sin(Double(m) / 12 * 2 * .pi)
        }
        return MetricSeries(name: "CO₂", times: times, values: values)
    }

    /// The 22 climate references of the README's before/after figures (3 after the data's end).
    static let climateReferences: [Reference] = [
        ("Keeling starts record", "1958-03-29"), ("Agung eruption", "1963-03-17"), ("First Earth Day", "1970-04-22"),
        ("Oil crisis", "1973-10-17"), ("Second oil shock", "1979-01-16"), ("El Chichón", "1982-03-28"),
        ("Montreal Protocol", "1987-09-16"), ("IPCC founded", "1988-12-06"), ("Pinatubo eruption", "1991-06-15"),
        ("Rio Earth Summit", "1992-06-03"), ("Strong El Niño", "1997-09-01"), ("Kyoto Protocol signed", "1997-12-11"),
        ("Kyoto in force", "2005-02-16"), ("Financial crisis", "2008-09-15"), ("Copenhagen summit", "2009-12-07"),
        ("Strong El Niño 2015", "2015-09-01"), ("Paris Agreement", "2015-12-12"), ("US leaves Paris", "2020-11-04"),
        ("COVID-19 lockdowns", "2020-03-23"), ("Glasgow Pact", "2021-11-13"), ("400 ppm first crossed", "2013-05-09"),
        ("Sharm el-Sheikh", "2022-11-20"),
    ].enumerated().map { k, entry in
        Reference(
            id: "\(k)", title: entry.0, date: Date(timeIntervalSince1970: TestSupport.seconds(entry.1 + "T00:00:00Z")),
            category: ["event", "policy", "science"][k % 3])
    }

    @Test func aClimateChartWithTwentyReferencesKeepsThreeQuartersOfItsHeightForThePlot() throws {
        let chart = Chart(
            title: "Atmospheric CO₂ at Mauna Loa (ppm)", width: 1200, height: 600, series: [Self.carbonDioxide()],
            references: Self.climateReferences)
        let (png, report) = try chart.renderWithReport(.png)
        // It was 341 of 642 px (53 %) under seven lanes above the plot.
        #expect(report.plot.height >= 0.75 * 600, "the plot keeps \(report.plot.height) px")
        let labels = report.references.filter { $0.state == .label }
        #expect(labels.count >= 15 && labels.filter { $0.box!.intersects(report.plot) }.count >= 12)
        // Every title is whole in its label or in a footnote.
        for entry in report.references where entry.state == .badge || entry.truncated {
            #expect(report.footnotes.contains { $0.badge == entry.footnote }, "\(entry.title) has no footnote")
        }
        // Under each label the image shows no pixel of the series' blue, in the decoded PNG.
        let image = try DecodedImage(png: png)
        for label in labels {
            let box = try #require(label.box)
            #expect(PlotClearance.seriesPixels(in: box, of: image, color: Theme.light.series[0]) == 0, "series under \(label.title)")
        }
        // And in the scene: no label touches the line, another label, or a marker line.
        let spec = ChartSpec(
            title: chart.title, size: Size(width: 1200, height: 600), series: chart.series, references: chart.references)
        let (scene, layout) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        let boxes = layout.references.compactMap { $0.state == .label ? $0.box : nil }
        #expect(!boxes.isEmpty)
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
        #expect(PlotClearance.boxesTouchingSeries(boxes, in: scene, color: spec.theme.series[0]).isEmpty)
        #expect(PlotClearance.linesThroughBoxes(boxes, in: scene).isEmpty)
    }

    /// The 90-day sample at 700×400: four lanes above the plot and two badges before (the plot 37 % of the
    /// image); now every reference has its whole title inside the plot.
    @Test func aSmallChartOfTheSampleLabelsEveryReferenceInsideThePlot() throws {
        let chart = try RenderTests.sampleChart(width: 700, height: 400)
        let (png, report) = try chart.renderWithReport(.png)
        #expect(report.plot.height >= 0.6 * report.height, "the plot keeps \(report.plot.height) of \(report.height) px")
        let labels = report.references.filter { $0.state == .label }
        #expect(labels.count == 8 && !report.references.contains { $0.state == .badge || $0.truncated })
        let image = try DecodedImage(png: png)
        for label in labels {
            let box = try #require(label.box)
            #expect(box.intersects(report.plot), "\(label.title) is above the plot")
            #expect(PlotClearance.seriesPixels(in: box, of: image, color: Theme.light.series[0]) == 0, "series under \(label.title)")
        }
    }

    /// A plateau at the top of the plot over the whole window: the label goes under the data, inside the
    /// plot, and its line runs from the plot's top so that it still meets the data.
    @Test func aLabelGoesUnderTheDataWhereTheTopIsTaken() throws {
        let start = LayoutTests.start
        let times = (0..<200).map { start + Double($0) * 3600 }
        let values = times.indices.map { $0 == 0 ? 0 : 950 + Double($0 % 7) * 5 }
        let reference = Reference(id: "r", title: "Migration", date: Date(timeIntervalSince1970: start + 90 * 3600))
        let spec = ChartSpec(
            title: "T", size: Size(width: 1000, height: 500), series: [MetricSeries(name: "v", times: times, values: values)],
            references: [reference])
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        #expect(report.lanes == 0)
        let box = try #require(report.references[0].box)
        let plateau = report.plot.y + 0.1 * report.plot.height
        #expect(report.references[0].state == .label && box.minY > plateau && box.maxY < report.plot.y + report.plot.height)
        #expect(PlotClearance.boxesTouchingSeries([box], in: scene, color: spec.theme.series[0]).isEmpty)
        let line = try #require(
            scene.items.compactMap { item -> (Point, Point)? in
                if case .line(let from, let to, let stroke) = item, !stroke.dash.isEmpty, from.x == to.x { (from, to) } else { nil }
            }.first)
        #expect(min(line.0.y, line.1.y) <= report.plot.y + 1, "the line starts at \(min(line.0.y, line.1.y)), under the data")
    }

    /// A reference near the plot's right edge puts its label left of its line, where a label to the right
    /// would be cut or would strand a later one.
    @Test func aReferenceAtTheRightEdgeIsLabelledOnItsLeft() throws {
        let start = LayoutTests.start
        let times = (0..<200).map { start + Double($0) * 3600 }
        let values = times.indices.map { 100 + Double($0 % 5) }
        let references = [
            Reference(id: "a", title: "Wildfire smoke", date: Date(timeIntervalSince1970: start + 185 * 3600)),
            Reference(id: "b", title: "Windstorm", date: Date(timeIntervalSince1970: start + 196 * 3600)),
        ]
        let spec = ChartSpec(
            title: "T", size: Size(width: 1000, height: 500), series: [MetricSeries(name: "v", times: times, values: values)],
            references: references)
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        for entry in report.references {
            let box = try #require(entry.box)
            #expect(entry.state == .label && !entry.truncated && box.maxX <= entry.x!, "\(entry.title) at \(box)")
        }
        #expect(PlotClearance.linesThroughBoxes(report.references.compactMap(\.box), in: scene).isEmpty)
    }

    @Test func theGridMarksSegmentsWithTheirMarginAndRefusesBoxesOutsideIt() {
        var grid = OccupancyGrid(bounds: Rect(x: 10, y: 20, width: 100, height: 50), margin: 4)
        grid.mark(.polyline(points: [Point(x: 10, y: 60), Point(x: 110, y: 40)], stroke: Stroke(color: Color(hex: 0x000000), width: 2)))
        grid.mark(.polyline(points: [Point(x: .nan, y: 30), Point(x: 50, y: .infinity)], stroke: Stroke(color: Color(hex: 0x000000), width: 2)))
        grid.seal()
        // At x = 60 the segment is at y = 50: 5 px either side is taken, 6 px above is free.
        #expect(!grid.isFree(Rect(x: 58, y: 44, width: 4, height: 2)))
        #expect(grid.isFree(Rect(x: 58, y: 30, width: 4, height: 12)))
        #expect(grid.isFree(Rect(x: 58, y: 59, width: 4, height: 10)))
        #expect(!grid.isFree(Rect(x: 5, y: 25, width: 10, height: 5)), "a box reaching left of the plot")
        #expect(!grid.isFree(Rect(x: .nan, y: 25, width: 10, height: 5)))
    }
}
