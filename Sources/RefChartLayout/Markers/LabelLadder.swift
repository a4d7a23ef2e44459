import Foundation
import RefChartCore
import RefChartScene

/// Runs every in-range reference of one pass down the label ladder: a lane, a lane with a small shift, an
/// ellipsis for long titles (full title in the footnotes), and a numbered badge when nothing fits.
///
/// References go in clusters: runs whose labels would cover the next one's line, so their labels form a
/// staircase. Where the data leaves room (``DataRoom``), a whole cluster goes inside the plot's top (lanes
/// there cost no height); a cluster that does not fit there whole goes above the plot, so one label inside
/// never strands its neighbours.
///
/// Everything here is fixed for the run; what it builds (markers, lanes, footnote numbers) lives in
/// ``run()``'s locals.
struct LabelLadder {
    let context: LayoutContext
    let xScale: LinearScale
    /// The image's width: labels stay inside its padding.
    let width: Double
    /// The lanes above the plot; the plot's own lanes are numbered after them.
    let budget: Int
    /// Room inside the plot, when the pass has a plot to measure it in.
    let room: DataRoom?
    /// The last pass without room inside the plot, which a pass with room may replay.
    let replay: Replay?

    /// The label ladder of a pass with no room inside the plot, kept cluster by cluster.
    ///
    /// A later pass of the same layout with room inside the plot (same x scale, same lanes above it) places
    /// each cluster whose trial inside fails exactly as this pass did, as long as no cluster before it went
    /// inside: it takes this pass's markers, lanes and footnote numbers instead of running the ladder again
    /// (at 5,000 references, the whole ladder again for every attempt at room inside the plot).
    struct Replay {
        /// What the pass was laid out with.
        let budget: Int
        let xScale: LinearScale
        /// The markers the pass placed (lanes inside the plot not yet renumbered).
        var markers: [MarkerPlan] = []
        /// After each cluster: how many markers there were, the lanes, and the last footnote number taken.
        var checkpoints: [(markers: Int, assigner: LaneAssigner, number: Int)] = []

        /// Whether a pass with these settings places what this one did, cluster for cluster.
        func matches(budget: Int, xScale: LinearScale) -> Bool {
            self.budget == budget && self.xScale == xScale
        }
    }

    private var spec: ChartSpec { _read { yield context.spec } }
    private var style: ChartStyle { _read { yield context.style } }
    private var titles: [String] { _read { yield context.titles } }
    private func measure(_ text: String, _ font: FontSpec) -> Size { context.metrics.measure(text, font) }

    /// The markers in time order, the plot's lanes numbered after the `budget` above it; the number of lanes
    /// above the plot in use; and, for a pass without room inside the plot, its record to replay.
    func run() -> (markers: [MarkerPlan], lanes: Int, record: Replay?) {
        var assigner = LaneAssigner(budget: budget, inPlot: room?.lanes ?? 0)
        var number = 0
        var markers: [MarkerPlan] = []
        var lastCluster: [Int] = []
        var clusterRight = -Double.infinity
        var record = room == nil ? Replay(budget: budget, xScale: xScale) : nil
        // Replayed until a cluster goes inside the plot.
        var replay =
            room == nil || !context.shortcuts.replaysMarkers
            ? nil : self.replay.flatMap { $0.matches(budget: budget, xScale: xScale) ? $0 : nil }
        var cluster = 0
        func flush() {
            defer {
                lastCluster = []
                cluster += 1
                record?.checkpoints.append((markers.count, assigner, number))
            }
            if let room, !lastCluster.isEmpty {
                var trial = assigner
                var trialNumber = number
                var placed: [MarkerPlan] = []
                // The first label that does not fit ends the trial (at 5,000 references the whole run is one
                // cluster: trying every label inside the plot cost 5,000 label attempts per layout).
                for index in lastCluster {
                    guard context.competes(index) else {
                        placed.append(badge(index, number: &trialNumber))
                        continue
                    }
                    guard let plan = label(index, assigner: &trial, number: &trialNumber, room: room) else { break }
                    placed.append(plan)
                }
                if placed.count == lastCluster.count {
                    (assigner, number) = (trial, trialNumber)
                    markers += placed
                    replay = nil
                    return
                }
            }
            if let room, let replay {
                let checkpoint = replay.checkpoints[cluster]
                markers += replay.markers[markers.count..<checkpoint.markers]
                (assigner, number) = (checkpoint.assigner.addingLanesInPlot(room.lanes), checkpoint.number)
                return
            }
            let chosen = labelledByPriority(lastCluster, assigner: assigner, number: number)
            for index in lastCluster {
                guard context.competes(index), chosen?.contains(index) ?? true else {
                    markers.append(badge(index, number: &number))
                    continue
                }
                markers.append(label(index, assigner: &assigner, number: &number, room: nil) ?? badge(index, number: &number))
            }
        }
        // The cluster's right edge counts each label's width, measured only when a gap asks for it and the
        // label could reach past the edge known so far: at 5,000 references the markers stand closer than
        // any label is wide, so hardly a title is measured here (a Pango layout each).
        var unmeasured: [(x: Double, index: Int)] = []
        func measureCluster() {
            for (x, index) in unmeasured where x + style.labelOffset + maxLabelWidth > clusterRight {
                clusterRight = max(clusterRight, x + style.labelOffset + min(maxLabelWidth, measure(titles[index], style.label).width))
            }
            unmeasured = []
        }
        // Untitled ranges (a recession band) have no label to place: their band is the mark.
        var bands: [MarkerPlan] = []
        for index in context.inRange {
            if titles[index].isEmpty, let end = spec.references[index].end {
                let x = markerX(index)
                bands.append(
                    MarkerPlan(
                        reference: index, x: x, endX: clampToPlot(xScale(end.timeIntervalSince1970)), text: "", truncated: false,
                        size: Size(width: 0, height: 0), left: x, lane: nil, bandOnly: true))
                continue
            }
            let x = markerX(index)
            if x > clusterRight + 6 {
                measureCluster()
                if x > clusterRight + 6 { flush() }
            }
            lastCluster.append(index)
            unmeasured.append((x, index))
            clusterRight = max(clusterRight, x + style.labelOffset)
        }
        flush()
        record?.markers = markers
        return (markers + bands, assigner.lanesUsed, record)
    }

    /// Which of a cluster's references get labels above the plot when their priorities differ: tier by tier
    /// from the highest, a tier's references join those already chosen when every chosen one keeps its
    /// label (else, for a small tier, each that can join alone does); `nil` when the cluster's competing
    /// references share one priority (labels go in time order, first come first served).
    /// - Complexity: a trial of the cluster per tier (per reference of tiers of at most 32).
    private func labelledByPriority(_ cluster: [Int], assigner: LaneAssigner, number: Int) -> Set<Int>? {
        let competing = cluster.filter(context.competes)
        let priority = { (index: Int) in spec.references[index].priority ?? 0 }
        let tiers = Set(competing.map(priority)).sorted(by: >)
        guard tiers.count > 1 else { return nil }
        /// The references of `members` (time order) that get a label when placed together.
        func labelled(_ members: Set<Int>) -> Set<Int> {
            var (trial, trialNumber) = (assigner, number)
            return Set(competing.filter { members.contains($0) && label($0, assigner: &trial, number: &trialNumber, room: nil) != nil })
        }
        var chosen = Set<Int>()
        for tier in tiers {
            let members = competing.filter { priority($0) == tier }
            let together = labelled(chosen.union(members))
            if chosen.isSubset(of: together) {
                chosen = together
            } else if members.count <= 32 {
                for member in members {
                    let with = labelled(chosen.union([member]))
                    if chosen.isSubset(of: with) && with.contains(member) { chosen.insert(member) }
                }
            }
        }
        return chosen
    }

    /// The widest a label may be before it ends in an ellipsis.
    private var maxLabelWidth: Double { context.maxLabelWidth(plotWidth: xScale.range.upperBound - xScale.range.lowerBound) }

    private func markerX(_ index: Int) -> Double {
        clampToPlot(xScale(spec.references[index].date.timeIntervalSince1970))
    }

    private func clampToPlot(_ x: Double) -> Double {
        min(max(x, xScale.range.lowerBound), xScale.range.upperBound)
    }

    /// The reference's label in a lane: inside the plot when `room` is given (only there), else above it.
    /// `number` counts footnote numbers; a cut label takes the next one.
    private func label(_ index: Int, assigner: inout LaneAssigner, number: inout Int, room: DataRoom?) -> MarkerPlan? {
        let x = markerX(index)
        let endX = spec.references[index].end.map { clampToPlot(xScale($0.timeIntervalSince1970)) }
        // A range that began before the window says so: it continues from the left edge.
        let title = context.labelTitle(index)
        let leftLimit = style.padding
        // Inside the plot a label stays inside it: past its right edge are the right axis's tick labels.
        let rightLimit = room == nil || context.rightAxis.isEmpty ? width - style.padding : xScale.range.upperBound - 2
        // Candidates in the ladder's order: right of the line (ellipsis past the maximum width); left of
        // it when the right side is too narrow; right of it, cut to the room left before the edge.
        let right = x + style.labelOffset
        // Where not even an empty label has a lane, at either side of the line, no label has: skip measuring
        // (every candidate's span holds one of these points, and a lane that takes a span takes a point in it).
        let inPlot = { (lane: Int, span: ClosedRange<Double>) in room?.fits(lane: lane, span: span) ?? false }
        /// Whether a lane takes a label spanning `span` (claiming nothing).
        func laneTakes(_ span: ClosedRange<Double>) -> Bool {
            assigner.canPlace(
                span: span, lineX: x, maxShift: style.maxShift, rightLimit: rightLimit, abovePlot: room == nil, roomInPlot: inPlot)
        }
        guard [right, max(leftLimit, x - style.labelOffset)].contains(where: { laneTakes($0...$0) }) else { return nil }
        let impactText = context.impacts[index]?.text
        let impactWidth = context.impactWidth(index)
        func attempt(_ text: String, truncated: Bool, left: Double) -> MarkerPlan? {
            let text = text + (truncated ? LabelText.superscript(number + 1) : "")
            var size = measure(text, style.label)
            let titleWidth = size.width
            size.width += impactWidth
            guard
                let placement = assigner.place(
                    span: left...(left + size.width), lineX: x, maxShift: style.maxShift, rightLimit: rightLimit,
                    abovePlot: room == nil, roomInPlot: inPlot)
            else { return nil }
            if truncated { number += 1 }
            var plan = MarkerPlan(
                reference: index, x: x, endX: endX, text: text, truncated: truncated, size: size,
                left: left + placement.shift, lane: placement.lane, shift: placement.shift, footnote: truncated ? number : nil)
            plan.impactText = impactText
            plan.titleWidth = titleWidth
            return plan
        }
        func superscriptWidth() -> Double { measure(LabelText.superscript(number + 1), style.label).width }
        /// Whether a cut label right of the line may find a lane: room for the shortest worth drawing, and a
        /// lane for the narrowest a cut can be (its ellipsis and number, a pixel given for kerning).
        func cutFits() -> Bool {
            let least = measure("…", style.label).width + superscriptWidth() + impactWidth - 1
            return rightLimit - right - superscriptWidth() - impactWidth >= style.minimumLabelWidth
                && laneTakes(right...(right + max(0, least)))
        }
        // Measure only what can become a label: a title too wide for the room right of its line, with no lane
        // for it left of the line nor for a cut, is a badge whatever its exact width. Known from a lower bound
        // of its width — four fifths of its characters' widths summed (kerning takes a few per cent) — without
        // shaping it: at 5,000 references, the 220 titles near the right edge of every layout
        // (``LayoutShortcuts/skipsHopelessLabels``).
        if context.shortcuts.skipsHopelessLabels, let sum = context.metrics.summedWidths(style.label).asciiSum(title) {
            let least = max(0, min(0.8 * sum, maxLabelWidth - 2 * style.label.size)) + impactWidth
            let leftEdge = max(leftLimit, x - style.labelOffset - least)
            if right + least > rightLimit, !laneTakes(leftEdge...(leftEdge + least)), !cutFits() { return nil }
        }
        let full = context.fitted(title, maxWidth: maxLabelWidth, font: style.label)
        let fullWidth = measure(full.text + (full.truncated ? LabelText.superscript(number + 1) : ""), style.label).width + impactWidth
        if right + fullWidth <= rightLimit { return attempt(full.text, truncated: full.truncated, left: right) }
        if let plan = attempt(full.text, truncated: full.truncated, left: max(leftLimit, x - style.labelOffset - fullWidth)) {
            return plan
        }
        // Where no lane takes even a cut's ellipsis and number, none takes the cut: it is not fitted (two Pango
        // layouts for each reference near the right edge whose label then went nowhere).
        guard cutFits() else { return nil }
        let cut = context.fitted(title, maxWidth: rightLimit - right - superscriptWidth() - impactWidth, font: style.label)
        return attempt(cut.text, truncated: cut.truncated, left: right)
    }

    /// The reference as a numbered badge, taking the next footnote number.
    private func badge(_ index: Int, number: inout Int) -> MarkerPlan {
        number += 1
        // A badge has no label to fit: its title is whole in its footnote row (not measured here, so
        // thousands of badges cost no text layout).
        return MarkerPlan(
            reference: index, x: markerX(index), endX: spec.references[index].end.map { clampToPlot(xScale($0.timeIntervalSince1970)) },
            text: titles[index], truncated: false, size: Size(width: 0, height: 0), left: markerX(index), lane: nil,
            badge: number)
    }
}
