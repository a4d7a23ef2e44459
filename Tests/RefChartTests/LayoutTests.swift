import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

struct LayoutTests {
    static let start = TestSupport.seconds("2024-01-01T00:00:00Z")
    static let span = 90.0 * 86_400

    /// An hourly series over 90 days.
    static func series() -> MetricSeries {
        let times = (0..<(90 * 24)).map { start + Double($0) * 3600 }
        return MetricSeries(name: "v", times: times, values: times.indices.map { 100 + Double($0 % 24) })
    }

    /// `count` references: uniform over the span, or packed into a few clusters.
    static func references(_ count: Int, clustered: Bool, seed: UInt64) -> [Reference] {
        var random = SeededGenerator(seed: seed)
        let centres = (0..<4).map { _ in Double.random(in: 0.1...0.9, using: &random) }
        return (0..<count).map { k in
            let fraction =
                clustered
                ? centres[k % 4] + Double.random(in: -0.02...0.02, using: &random)
                : Double.random(in: -0.05...1.05, using: &random)
            let words = Int.random(in: 1...6, using: &random)
            return Reference(
                id: "r\(k)", title: (0..<words).map { _ in "Release" }.joined(separator: " ") + " \(k)",
                date: Date(timeIntervalSince1970: start + fraction * span))
        }
    }

    static func layout(_ references: [Reference], height: Double = 600) -> (Scene, LayoutReport) {
        let spec = ChartSpec(title: "Test", size: Size(width: 1200, height: height), series: [series()], references: references)
        return ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
    }

    @Test(arguments: [(10, false), (10, true), (200, false), (200, true), (5000, false), (5000, true)])
    func labelsNeverOverlapAnythingAndEveryReferenceIsAccountedFor(count: Int, clustered: Bool) throws {
        let references = Self.references(count, clustered: clustered, seed: UInt64(count) * 31 + (clustered ? 1 : 0))
        let (scene, report) = Self.layout(references)
        // No text anywhere (labels, tick labels, badges, footnotes, caption, title) overlaps other text.
        let overlaps = TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer())
        #expect(overlaps.isEmpty, "overlapping text: \(overlaps.prefix(3))")
        let badgeBoxes = report.references.filter { $0.state == .badge }.compactMap(\.box)
        let distinctBadges = Array(Set(badgeBoxes))
        for (i, a) in distinctBadges.enumerated() {
            for b in distinctBadges[(i + 1)...] { #expect(!a.intersects(b), "badges overlap") }
        }
        #expect(report.references.count == count)
        #expect(report.references.map(\.id) == references.map(\.id))
        let image = LayoutReport.Box(x: 0, y: 0, width: report.width, height: report.height)
        let labels = report.references.filter { $0.state == .label }
        for a in labels {
            let box = try #require(a.box)
            #expect(image.contains(box), "label \(a.id) leaves the image")
        }
        // Labels inside the plot sit where the data leaves room; no marker line runs through a label.
        let boxes = labels.compactMap(\.box)
        #expect(PlotClearance.boxesTouchingSeries(boxes, in: scene, color: Theme.light.series[0]).isEmpty)
        #expect(PlotClearance.linesThroughBoxes(boxes, in: scene).isEmpty)
        let badged = report.references.filter { $0.state == .badge }
        #expect(Set(report.footnotes.map(\.badge)) == Set(report.references.compactMap(\.footnote)))
        #expect(badged.allSatisfy { $0.footnote == $0.badge })
        #expect(labels.allSatisfy { ($0.footnote != nil) == $0.truncated })
        #expect(badged.allSatisfy { $0.box != nil && !$0.box!.intersects(report.plot) })
        let outside = report.references.filter { $0.state == .outOfRange }.count
        #expect(outside == report.outOfRange.before + report.outOfRange.after)
        #expect(labels.count + badged.count + outside == count)
        for note in report.footnotes {
            #expect(image.contains(note.box))
            #expect(!note.box.intersects(report.plot))
            #expect(labels.allSatisfy { !$0.box!.intersects(note.box) })
        }
    }

    @Test(arguments: [300.0, 450, 640, 1000, 1600])
    func noTextOverlapsAtAnySizeOrSpan(width: Double) {
        let spans: [Double] = [3600, 86_400, 7 * 86_400, 90 * 86_400, 3 * 365 * 86_400]
        for span in spans {
            let times = (0...200).map { Self.start + span * Double($0) / 200 }
            let series = [
                MetricSeries(name: "visits", times: times, values: times.indices.map { Double($0 * 37 % 101) }),
                MetricSeries(name: "signups", times: times, values: times.indices.map { Double($0 % 7) }),
            ]
            let references = (0..<12).map { k in
                Reference(id: "r\(k)", title: "Reference number \(k)", date: Date(timeIntervalSince1970: Self.start + span * Double(k) / 11))
            }
            let spec = ChartSpec(
                title: "Visits and signups", size: Size(width: width, height: width / 2), series: series,
                references: references)
            let (scene, _) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
            let overlaps = TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer())
            #expect(overlaps.isEmpty, "width \(width), span \(span): \(overlaps.prefix(3))")
        }
    }

    @Test func aDenseClusterFallsBackToBadgesAndFootnotes() {
        let (_, report) = Self.layout(Self.references(200, clustered: true, seed: 7))
        let badged = report.references.filter { $0.state == .badge }
        #expect(!badged.isEmpty)
        #expect(report.footnotes.count == report.references.filter { $0.footnote != nil }.count)
        #expect(report.lanes >= 2)
    }

    @Test func identicalInputGivesIdenticalOutput() {
        let references = Self.references(200, clustered: true, seed: 11)
        let first = Self.layout(references)
        let second = Self.layout(references)
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
    }

    @Test func referencesOutsideTheWindowAreCounted() {
        let references = [
            Reference(id: "early", title: "Early", date: Date(timeIntervalSince1970: Self.start - 86_400)),
            Reference(id: "in", title: "Inside", date: Date(timeIntervalSince1970: Self.start + 86_400)),
            Reference(id: "late", title: "Late", date: Date(timeIntervalSince1970: Self.start + Self.span + 86_400)),
        ]
        let (scene, report) = Self.layout(references)
        #expect(report.outOfRange.before == 1 && report.outOfRange.after == 1)
        #expect(report.references.map(\.state) == [.outOfRange, .label, .outOfRange])
        let texts = scene.items.compactMap { item -> String? in if case .text(let run) = item { return run.text } else { return nil } }
        #expect(texts.contains("← +1 earlier"))
        #expect(texts.contains("+1 later →"))
    }

    @Test func markerSitsAtItsExactInstant() throws {
        let date = Self.start + 30.5 * 86_400
        let (_, report) = Self.layout([Reference(id: "a", title: "A", date: Date(timeIntervalSince1970: date))])
        let x = try #require(report.references[0].x)
        let expected = report.plot.minX + (date - Self.start) / (Self.span - 3600) * report.plot.width
        #expect(abs(x - expected) < 1e-6)
    }
}

/// Labels inside the plot, where the data leaves room: they never touch the data, and the ladder's other
/// guarantees hold.
struct InPlotLabelTests {
    @Test(arguments: [1, 2, 3, 4])
    func labelsInsideThePlotClearTheData(seed: UInt64) throws {
        let start = LayoutTests.start
        let times = (0..<(30 * 24)).map { start + Double($0) * 3600 }
        // Low on the left, high on the right: room for labels over the first half only.
        let values = times.indices.map { i in (i < 360 ? 300.0 : 900.0) + Double(i * 37 % 100) }
        var random = SeededGenerator(seed: seed)
        let references = (0..<10).map { k in
            Reference(
                id: "r\(k)", title: "Release \(k)", date: Date(timeIntervalSince1970: start + Double.random(in: 0..<(30 * 86_400), using: &random)))
        }
        let spec = ChartSpec(
            title: "T", size: Size(width: 1000, height: 500), series: [MetricSeries(name: "v", times: times, values: values)],
            references: references)
        let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
        #expect(TextBoxes.overlappingPairs(in: scene, measurer: FixedWidthMeasurer()).isEmpty)
        let inside = report.references.filter { $0.state == .label && $0.box!.intersects(report.plot) }
        if seed == 1 || seed == 3 { #expect(!inside.isEmpty, "no label went inside the plot") }
        // Labels sit anywhere in the plot where the data leaves room: no segment passes through one.
        let touched = PlotClearance.boxesTouchingSeries(inside.compactMap(\.box), in: scene, color: spec.theme.series[0])
        #expect(touched.isEmpty, "labels touching the data: \(touched)")
        // No marker line (badges' included) runs through a label.
        let labelBoxes = report.references.compactMap { $0.state == .label ? $0.box : nil }
        #expect(PlotClearance.linesThroughBoxes(labelBoxes, in: scene).isEmpty)
    }
}
