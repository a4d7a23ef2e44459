/// Puts reference labels into horizontal lanes above the plot so that no two labels overlap and no
/// marker line passes through another reference's label.
///
/// Lanes are numbered from the top. A marker line runs from its label down to the plot, crossing every
/// lane below its own, so a label may only take lane `j` if no label in a lower lane covers its line.
/// Labels are taken in time order and each goes to the first such lane where it fits (greedy by left
/// edge); with labels to the right of their lines this is a single comparison per lane.
package struct LaneAssigner {
    /// Pixels kept free between neighbouring labels and between a label and a foreign line.
    package var gap: Double
    /// The number of lanes available.
    package var budget: Int
    private var laneRight: [Double]
    private var laneLines: [[Double]]

    package init(budget: Int, gap: Double = 6) {
        self.budget = budget
        self.gap = gap
        laneRight = Array(repeating: -.infinity, count: budget)
        laneLines = Array(repeating: [], count: budget)
    }

    /// Finds a lane for a label spanning `span` whose marker line is at `lineX`, and claims it.
    /// Calls must come in ascending `lineX`.
    /// - Returns: The lane, or `nil` when no lane within the budget is free.
    /// - Complexity: O(budget + log n).
    package mutating func place(span: ClosedRange<Double>, lineX: Double) -> Int? {
        // The deepest lane with a label covering this line: only lanes below it are candidates.
        var lowest = 0
        for lane in stride(from: budget - 1, through: 0, by: -1) where laneRight[lane] + gap > lineX {
            lowest = lane + 1
            break
        }
        for lane in lowest..<budget where laneRight[lane] + gap <= span.lowerBound {
            if crossesLineAbove(lane: lane, span: span) { continue }
            laneRight[lane] = max(laneRight[lane], span.upperBound)
            laneLines[lane].append(lineX)
            return lane
        }
        return nil
    }

    /// Whether a line of a label in a lane above `lane` runs through `span`.
    private func crossesLineAbove(lane: Int, span: ClosedRange<Double>) -> Bool {
        for upper in 0..<lane {
            let lines = laneLines[upper]
            guard let last = lines.last, last + gap > span.lowerBound else { continue }
            // Lines are appended in ascending order: find the first one past the span's left side.
            var (low, high) = (0, lines.count)
            while low < high {
                let mid = (low + high) / 2
                if lines[mid] + gap <= span.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low < lines.count && lines[low] - gap < span.upperBound { return true }
        }
        return false
    }
}
