import Foundation
import RefChartCore
import RefChartScene

/// Reference marks inside the plot, on an ink budget: whatever the count, they must leave the data visible.
///
/// Full-height dashed lines (and full-strength range bands) are for references shown as labels, or for
/// every reference while they are few. Badged references are drawn as a rug: short ticks in a strip along
/// the plot's bottom, merging into density bars where they crowd. Measured on 1200×600 renders of
/// minute data: 200 references drew ~10 % of the plot in marker colour and 5,000 drew ~69 % as full lines;
/// with the rug and the line cap both stay under 5 %.
extension LayoutPass {
    /// The rug strip's height inside the plot.
    static var rugHeight: Double { 7 }
    /// Up to this many references in the window, badged ones keep full-height lines too.
    static var fewMarkers: Int { 15 }
    /// The share of the plot full-height lines may cover. A 1.25 px line dashed 4 on 3 off inks ~0.72 px per
    /// row, so 1200 px of plot allows ~55 lines.
    static var lineInkShare: Double { 0.035 }

    /// Whether badged references are drawn in the rug rather than as full lines.
    var badgesInRug: Bool { markers.count > Self.fewMarkers }

    /// Whether labelled references keep lines through the whole plot (or stop under its top edge when
    /// there are more labels than the ink budget allows; their instants then show in the rug).
    var labelsHaveFullLines: Bool {
        let labelled = markers.reduce(0) { $0 + ($1.lane == nil ? 0 : 1) }
        return Double(labelled) * 0.72 <= Self.lineInkShare * plot.width
    }

    /// Whether `marker` is drawn over the plot's whole height (an untitled range's band always is: it is
    /// all the reference shows).
    func hasFullLine(_ marker: MarkerPlan) -> Bool {
        marker.bandOnly || (marker.lane != nil ? labelsHaveFullLines : !badgesInRug)
    }

    /// Range bands: translucent over the whole plot for full-line references, in the rug strip for the
    /// others. Bands of one colour are merged first, so overlapping ranges never stack into an opaque
    /// block; a band narrower than 3 px is widened to 3 px so it still shows.
    func rangeBands() -> [SceneItem] {
        var full: [Color: [ClosedRange<Double>]] = [:]
        var rug: [Color: [ClosedRange<Double>]] = [:]
        for marker in markers {
            guard let endX = marker.endX else { continue }
            let pad = max(0, 3 - (endX - marker.x)) / 2
            let span = (marker.x - pad)...(endX + pad)
            if hasFullLine(marker) {
                full[context.referenceColor(marker.reference), default: []].append(span)
            } else {
                rug[context.referenceColor(marker.reference), default: []].append(span)
            }
        }
        let fullBands = full.sorted { $0.key.sortKey < $1.key.sortKey }.flatMap { color, spans in
            Self.union(spans).map { span -> SceneItem in
                .rect(
                    Rect(x: span.lowerBound, y: plot.minY, width: span.upperBound - span.lowerBound, height: plot.height),
                    fill: color.withAlpha(0.12), stroke: nil, cornerRadius: 0)
            }
        }
        let rugBands = rug.sorted { $0.key.sortKey < $1.key.sortKey }.flatMap { color, spans in
            Self.union(spans).map { span -> SceneItem in
                .rect(
                    Rect(
                        x: span.lowerBound, y: plot.maxY - Self.rugHeight, width: span.upperBound - span.lowerBound,
                        height: Self.rugHeight), fill: color.withAlpha(0.35), stroke: nil, cornerRadius: 0)
            }
        }
        return fullBands + rugBands
    }

    /// Marker lines and the rug, drawn under the series so the data stays on top.
    func markerLines() -> [SceneItem] {
        var items: [SceneItem] = []
        var rugged: [(x: Double, color: Color)] = []
        let fullLabels = labelsHaveFullLines
        for marker in markers {
            let color = context.referenceColor(marker.reference)
            if marker.bandOnly {
                items += continuationMark(marker, color: color)
                continue
            }
            let x = marker.x.rounded() + 0.5
            let dashed = Stroke(color: color, width: 1.25, dash: [4, 3])
            guard let lane = marker.lane else {
                if badgesInRug {
                    rugged.append((marker.x, color))
                } else {
                    // A badge's line starts under any label inside the plot that sits across it.
                    let top =
                        markers.filter { $0.lane.map { $0 >= lanes } ?? false && $0.left - 2 < x && x < $0.left + $0.size.width + 2 }
                        .map { labelTop($0) + $0.size.height + style.lanePadding }.max() ?? plot.minY
                    items += .group(
                        context.referenceGroup(marker.reference), [.line(from: Point(x: x, y: top), to: Point(x: x, y: plot.maxY), stroke: dashed)])
                }
                continue
            }
            var top =
                marker.freeLineTop ?? (marker.shift > 0 ? (geometry.laneTop(lane) + geometry.laneHeight).rounded() - 0.5 : geometry.laneTop(lane))
            var bottom = fullLabels ? plot.maxY : plot.minY + 10
            // A label inside the plot's bottom hangs its line from the plot's top down to the label.
            if labelsAtBottom { (top, bottom) = (plot.minY, geometry.laneTop(lane) + style.lanePadding / 2 - 1) }
            items += .group(context.referenceGroup(marker.reference), [.line(from: Point(x: x, y: top), to: Point(x: x, y: bottom), stroke: dashed)])
            if !fullLabels { rugged.append((marker.x, color)) }
        }
        return items + rugItems(rugged)
    }

    /// For an untitled band that began before the window: a small "←" at its left edge inside the plot, at
    /// the top or else the bottom, clear of every label, so the band does not read as starting at the edge
    /// (a labelled one says it in its label).
    private func continuationMark(_ marker: MarkerPlan, color: Color) -> [SceneItem] {
        guard spec.references[marker.reference].date.timeIntervalSince1970 < context.domain.lowerBound else { return [] }
        let size = measure("←", style.label)
        let labels = markers.compactMap { other -> Rect? in
            other.lane.map { _ in
                Rect(x: other.left, y: labelTop(other) + style.lanePadding / 2, width: other.size.width, height: other.size.height)
            }
        }
        let tops = [plot.minY + 2, plot.maxY - Self.rugHeight - 2 - size.height]
        guard
            let top = tops.first(where: { top in
                let box = Rect(x: marker.x + 3, y: top, width: size.width, height: size.height)
                return !labels.contains { $0.intersects(box) }
            })
        else { return [] }
        let run = context.textRun(text: "←", origin: Point(x: marker.x + 3, y: top), font: style.label, color: color)
        return .group(context.referenceGroup(marker.reference), [.text(run)])
    }

    /// The top of a label's row: its lane's, or its own inside the plot (``MarkerPlan/freeTop``).
    func labelTop(_ marker: MarkerPlan) -> Double {
        marker.freeTop ?? geometry.laneTop(marker.lane!)
    }

    /// Labels and their leaders, over everything in the plot.
    func markerLabels() -> [SceneItem] {
        markers.flatMap { marker -> [SceneItem] in
            guard marker.lane != nil else { return [] }
            return .group(context.referenceGroup(marker.reference), markerLabel(marker))
        }
    }

    private func markerLabel(_ marker: MarkerPlan) -> [SceneItem] {
        guard marker.lane != nil else { return [] }
        let color = context.referenceColor(marker.reference)
        let laneTop = labelTop(marker)
        var items: [SceneItem] = []
        if marker.shift > 0 {
            // The line stops under the lane; a leader runs along the lane's bottom edge to the label.
            let leaderY = (laneTop + geometry.laneHeight).rounded() - 0.5
            items.append(
                .polyline(
                    points: [
                        Point(x: marker.x.rounded() + 0.5, y: leaderY), Point(x: marker.left, y: leaderY),
                        Point(x: marker.left, y: leaderY - 3),
                    ],
                    stroke: Stroke(color: color.withAlpha(0.8), width: 1)))
        }
        let origin = Point(x: marker.left, y: laneTop + style.lanePadding / 2)
        items.append(.text(context.textRun(text: marker.text, origin: origin, font: style.label, color: color)))
        if let impact = marker.impactText, let measured = impacts[marker.reference], measured.change != nil {
            items.append(
                .text(
                    context.textRun(
                        text: impact, origin: Point(x: marker.left + marker.titleWidth + 4, y: origin.y), font: style.label,
                        color: context.impactColor(measured))))
        }
        return items
    }

    /// Rug ticks: one pixel column per instant, in the reference's colour (the muted text colour where
    /// colours mix). Where ticks crowd they form a density bar: each column's height grows with how many
    /// references it holds (a lone tick is ~40 % of the strip, the densest column all of it); neighbouring
    /// columns of one height and colour merge into one rectangle.
    private func rugItems(_ ticks: [(x: Double, color: Color)]) -> [SceneItem] {
        guard !ticks.isEmpty else { return [] }
        var columns: [Int: (count: Int, color: Color?)] = [:]
        for tick in ticks {
            let column = Int(tick.x.rounded())
            let current = columns[column]
            columns[column] = ((current?.count ?? 0) + 1, current == nil || current!.color == tick.color ? tick.color : nil)
        }
        let densest = Double(columns.values.map(\.count).max() ?? 1)
        var items: [SceneItem] = []
        var run: (low: Int, high: Int, height: Double, color: Color?)?
        func flush() {
            guard let run else { return }
            items.append(
                .rect(
                    Rect(
                        x: Double(run.low) - 0.5, y: plot.maxY - run.height, width: Double(run.high - run.low + 1),
                        height: run.height), fill: run.color ?? theme.mutedText, stroke: nil, cornerRadius: 0))
        }
        for column in columns.keys.sorted() {
            let (count, color) = columns[column]!
            let share = densest > 1 ? log(Double(count)) / log(densest) : 1
            let height = (Self.rugHeight * (0.4 + 0.6 * share)).rounded()
            if let current = run, column == current.high + 1, current.height == height, current.color == color {
                run!.high = column
            } else {
                flush()
                run = (column, column, height, color)
            }
        }
        flush()
        return items
    }

    /// The union of closed ranges, ascending and disjoint.
    static func union(_ spans: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        var result: [ClosedRange<Double>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, span.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }
}

extension Color {
    /// A deterministic order for drawing colours (dictionary order is not).
    var sortKey: Double { red * 65_536 + green * 256 + blue }
}
