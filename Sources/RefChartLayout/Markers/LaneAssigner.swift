import RefChartScene

/// Puts reference labels into horizontal lanes so that no two labels overlap and no marker line passes
/// through another reference's label.
///
/// Lanes are numbered from the top: first the `budget` lanes above the plot, then `inPlot` lanes inside
/// the plot's top, where a label may sit only where the data leaves room (the caller says where). A marker
/// line runs from its label down to the plot's bottom, crossing every lane below its own, so a label may
/// only take lane `j` if no label in a lower lane covers its line. Labels are taken in time order and each
/// goes to the first such lane where it fits (greedy by left edge); with labels to the right of their lines
/// this is a single comparison per lane. Lanes inside the plot cost no height, so they are tried first.
package struct LaneAssigner {
    /// Pixels kept free between neighbouring labels.
    package var gap: Double
    /// Pixels kept free between a label and another reference's line.
    package var lineGap: Double
    /// The number of lanes above the plot.
    package var budget: Int
    /// The number of lanes inside the plot's top.
    package var inPlot: Int
    private var laneRight: [Double]
    private var laneLines: [[Double]]

    package init(budget: Int, inPlot: Int = 0, gap: Double = 6, lineGap: Double = 2) {
        self.budget = budget
        self.inPlot = inPlot
        self.gap = gap
        self.lineGap = lineGap
        laneRight = Array(repeating: -.infinity, count: budget + inPlot)
        laneLines = Array(repeating: [], count: budget + inPlot)
    }

    /// The same lanes above the plot, with `count` empty lanes inside it (this assigner has none there).
    func addingLanesInPlot(_ count: Int) -> LaneAssigner {
        precondition(inPlot == 0, "the assigner already has lanes inside the plot")
        var assigner = self
        assigner.inPlot = count
        assigner.laneRight += Array(repeating: -.infinity, count: count)
        assigner.laneLines += Array(repeating: [], count: count)
        return assigner
    }

    /// Where a label went: its lane, and how far it was moved right of its natural place.
    package struct Placement: Sendable, Hashable {
        package var lane: Int
        package var shift: Double
    }

    /// The number of lanes above the plot holding at least one label (they are always the top ones).
    package private(set) var lanesUsed = 0

    /// Finds a lane for a label spanning `span` whose marker line is at `lineX`, and claims it.
    ///
    /// The order of preference is the ladder's: a lane already in use as is; a lane already in use with the
    /// label moved right by at most `maxShift` (the line then ends under the lane and a leader runs along
    /// the lane's bottom edge to the label); a new lane. Calls must come in ascending `lineX`. Lanes inside
    /// the plot come before all of these, where `roomInPlot` allows.
    /// - Parameters:
    ///   - rightLimit: A shifted label must end left of this.
    ///   - abovePlot: Whether the lanes above the plot may be used (else only those inside it).
    ///   - roomInPlot: Whether the data leaves room for the span in lane `k` inside the plot (0 is the top).
    /// - Returns: The placement (its lane counts the plot's lanes after the `budget` above it), or `nil` when
    ///   no lane will do.
    /// - Complexity: O((budget + inPlot) · log n), plus the `roomInPlot` calls.
    package mutating func place(
        span: ClosedRange<Double>, lineX: Double, maxShift: Double = 0, rightLimit: Double = .infinity,
        abovePlot: Bool = true, roomInPlot: (Int, ClosedRange<Double>) -> Bool = { _, _ in true }
    ) -> Placement? {
        guard
            let (placement, span) = find(
                span: span, lineX: lineX, maxShift: maxShift, rightLimit: rightLimit, abovePlot: abovePlot, roomInPlot: roomInPlot)
        else { return nil }
        laneRight[placement.lane] = max(laneRight[placement.lane], span.upperBound)
        laneLines[placement.lane].append(lineX)
        if placement.lane < budget { lanesUsed = max(lanesUsed, placement.lane + 1) }
        return placement
    }

    /// Whether ``place(span:lineX:maxShift:rightLimit:abovePlot:roomInPlot:)`` would find a lane, claiming
    /// nothing. (A probe on a copy claimed in it, and copied the lane's lines each time.)
    package func canPlace(
        span: ClosedRange<Double>, lineX: Double, maxShift: Double = 0, rightLimit: Double = .infinity,
        abovePlot: Bool = true, roomInPlot: (Int, ClosedRange<Double>) -> Bool = { _, _ in true }
    ) -> Bool {
        find(span: span, lineX: lineX, maxShift: maxShift, rightLimit: rightLimit, abovePlot: abovePlot, roomInPlot: roomInPlot) != nil
    }

    /// The lane (and shifted span) a label would take, by the order of preference above.
    private func find(
        span: ClosedRange<Double>, lineX: Double, maxShift: Double, rightLimit: Double,
        abovePlot: Bool, roomInPlot: (Int, ClosedRange<Double>) -> Bool
    ) -> (Placement, ClosedRange<Double>)? {
        // The deepest lane with a label covering this line: only lanes below it are candidates.
        var lowest = 0
        for lane in stride(from: budget + inPlot - 1, through: 0, by: -1) where laneRight[lane] + gap > lineX {
            lowest = lane + 1
            break
        }
        for lane in max(lowest, budget)..<(budget + inPlot) where fits(span, lane: lane) && roomInPlot(lane - budget, span) {
            return (Placement(lane: lane, shift: 0), span)
        }
        guard abovePlot, lowest < budget else { return nil }
        let existing = lowest..<max(lowest, lanesUsed)
        for lane in existing where fits(span, lane: lane) {
            return (Placement(lane: lane, shift: 0), span)
        }
        if maxShift > 0 && span.lowerBound > lineX {
            for lane in existing {
                let shift = laneRight[lane] + gap - span.lowerBound
                let moved = (span.lowerBound + shift)...(span.upperBound + shift)
                if shift > 0, shift <= maxShift, moved.upperBound <= rightLimit, fits(moved, lane: lane) {
                    return (Placement(lane: lane, shift: shift), moved)
                }
            }
        }
        for lane in max(lowest, lanesUsed)..<budget where fits(span, lane: lane) {
            return (Placement(lane: lane, shift: 0), span)
        }
        return nil
    }

    private func fits(_ span: ClosedRange<Double>, lane: Int) -> Bool {
        laneRight[lane] + gap <= span.lowerBound && !crossesLineAbove(lane: lane, span: span)
    }

    /// Whether a line of a label in a lane above `lane` runs through `span`.
    private func crossesLineAbove(lane: Int, span: ClosedRange<Double>) -> Bool {
        for upper in 0..<lane {
            let lines = laneLines[upper]
            guard let last = lines.last, last + lineGap > span.lowerBound else { continue }
            // Lines are appended in ascending order: find the first one past the span's left side.
            var (low, high) = (0, lines.count)
            while low < high {
                let mid = (low + high) / 2
                if lines[mid] + lineGap <= span.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low < lines.count && lines[low] - lineGap < span.upperBound { return true }
        }
        return false
    }
}
