import RefChartScene

/// Puts reference labels anywhere inside the plot where the series leave room (``OccupancyGrid``), beside
/// their lines, above or below the data: not in lanes.
///
/// A label's line runs from the label's top down to the plot's bottom, or from the plot's top when the
/// data passes above the label (so the line still meets the data). No label may sit over a series pixel,
/// another label, or a line that passes its height: a label may cover another reference's line only when
/// that line starts below it — a staircase, as in the lanes. Each label takes the highest free place on
/// either side of its line (the right side first, the left first near the plot's right edge, where a
/// label to the right would be cut).
struct FreeLabelPlacer {
    /// A label placed inside the plot: its text box, and where its line starts.
    struct Placed {
        /// Which of the candidate's sizes it took.
        var option: Int
        var box: Rect
        var lineX: Double
        var lineTop: Double
    }

    /// One label to place: which marker, its line and its size.
    struct Candidate {
        var marker: Int
        var x: Double
        /// The sizes it may take, best first (a whole title, then a cut one): the first that fits wins.
        var sizes: [Size]
    }

    let grid: OccupancyGrid
    /// Where labels may sit: the plot, less a rug strip along its bottom.
    let area: Rect
    /// Pixels between a label and its line.
    let offset: Double
    /// Pixels kept free between neighbouring labels, across and down.
    var gap = 6.0
    var rowGap = 2.0
    /// Pixels kept free between a label and another reference's line.
    var lineGap = 2.0
    /// Lines that run through the whole plot (labels in lanes above it): no label may cover them.
    var fullLines: [Double] = []

    /// What is placed so far, by marker.
    private(set) var placed: [Int: Placed] = [:]
    /// The same in the order placed (a dictionary's order differs from run to run).
    private var boxes: [Placed] = []
    /// Lines of markers still to place: each must start below the labels that cover it.
    private var pending: [Int: Double] = [:]
    private var pendingTop: [Int: Double] = [:]

    init(grid: OccupancyGrid, area: Rect, offset: Double) {
        self.grid = grid
        self.area = area
        self.offset = offset
    }

    /// Places `candidates` in order (the first ones get the best places); returns the markers that found
    /// no place.
    /// - Complexity: O(n · h · n) for n labels in a plot h pixels high (a scan of each side's rows).
    mutating func place(_ candidates: [Candidate]) -> [Int] {
        pending = Dictionary(candidates.map { ($0.marker, $0.x) }, uniquingKeysWith: { a, _ in a })
        var left: [Int] = []
        for candidate in candidates {
            pending[candidate.marker] = nil
            if let spot = bestSpot(for: candidate) {
                placed[candidate.marker] = spot
                boxes.append(spot)
                // Lines still to place that this label covers must start under it.
                for (other, x) in pending where covers(spot.box, x) {  // the order does not matter: a maximum
                    pendingTop[other] = max(pendingTop[other] ?? -.infinity, spot.box.maxY + rowGap)
                }
            } else {
                left.append(candidate.marker)
            }
        }
        return left
    }

    /// The highest free place on either side of the line; the other side must be higher by more than a
    /// row and a half to win. The right side is preferred, unless the label would end in the plot's last
    /// tenth: there a label to the right strands the references right of it.
    private func bestSpot(for candidate: Candidate) -> Placed? {
        for (option, size) in candidate.sizes.enumerated() {
            let right = candidate.x + offset
            let leftSide = candidate.x - offset - size.width
            let nearEdge = right + size.width > area.maxX - 0.1 * area.width
            let sides = nearEdge ? [leftSide, right] : [right, leftSide]
            var best: (spot: Placed, score: Double)?
            for (k, left) in sides.enumerated() where left >= area.minX && left + size.width <= area.maxX {
                guard let spot = highestSpot(left: left, size: size, candidate: candidate) else { continue }
                let score = spot.box.minY + (k == 0 ? 0 : 1.5 * (size.height + rowGap))
                if best == nil || score < best!.score { best = (spot, score) }
            }
            if var spot = best?.spot {
                spot.option = option
                return spot
            }
        }
        return nil
    }

    /// The first row from the top where a label of `size` with its left edge at `left` fits.
    private func highestSpot(left: Double, size: Size, candidate: Candidate) -> Placed? {
        let span = left...(left + size.width)
        // Lines through the whole plot rule a side out at once.
        guard !fullLines.contains(where: { $0 + lineGap > span.lowerBound && $0 - lineGap < span.upperBound }) else { return nil }
        let minimumTop = pendingTop[candidate.marker] ?? -.infinity
        let free = grid.freeRuns(from: span.lowerBound, to: span.upperBound)
        var top = area.minY
        while top + size.height <= area.maxY {
            let box = Rect(x: left, y: top, width: size.width, height: size.height)
            // Past the data in the way, in one step (the rows as the grid's isFree rounds them).
            let (r0, r1) = (Int((top - grid.bounds.minY).rounded(.down)), Int((box.maxY - grid.bounds.minY).rounded(.up)))
            if r0 >= 0, r0 < free.count, free[r0] < r1 - r0 {
                top = max(top + 1, grid.bounds.minY + Double(r0 + free[r0] + 1))
                continue
            }
            let keep = Rect(x: box.minX - gap, y: box.minY - rowGap, width: box.width + 2 * gap, height: box.height + 2 * rowGap)
            if let blocker = boxes.first(where: { $0.box.intersects(keep) }) {
                // Below the label in the way.
                top = max(top + 1, blocker.box.maxY + rowGap + 0.5)
                continue
            }
            if grid.isFree(box) {
                // Where the data passes above the label, its line starts at the plot's top to meet it.
                let dataAbove = grid.isCovered(columnAt: candidate.x, from: area.minY, to: top)
                let lineTop = dataAbove ? area.minY : top
                if lineTop >= minimumTop && linesClear(box: box, lineTop: lineTop, x: candidate.x) {
                    return Placed(option: 0, box: box, lineX: candidate.x, lineTop: lineTop)
                }
            }
            top += 1
        }
        return nil
    }

    /// Whether the label crosses no placed line and its own line crosses no placed label.
    private func linesClear(box: Rect, lineTop: Double, x: Double) -> Bool {
        for other in boxes {
            // Another line under this label must start below it.
            if covers(box, other.lineX) && other.lineTop < box.maxY + rowGap { return false }
            // This line must pass no label below its start.
            if covers(other.box, x) && other.box.maxY + rowGap > lineTop { return false }
        }
        return true
    }

    private func covers(_ box: Rect, _ x: Double) -> Bool {
        x + lineGap > box.minX && x - lineGap < box.maxX
    }
}
