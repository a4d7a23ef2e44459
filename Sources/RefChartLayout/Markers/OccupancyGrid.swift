package import RefChartScene

/// Which pixels of the plot the series cover, as drawn at the final scale: an occupancy map, as in
/// Kittivorawong et al. 2020 ("Fast and flexible overlap detection for chart labeling with occupancy
/// bitmap"). Whether a label's box is free is then one lookup in a summed-area table.
///
/// Shapes are marked column by column with a margin around them, so a free box keeps ``margin`` pixels off
/// every series pixel. Built once per attempt: at 1200×600 the table takes ~1 ms.
package struct OccupancyGrid {
    /// The plot's rectangle: cell (0, 0) is the pixel at its top-left corner.
    package let bounds: Rect
    let columns: Int
    let rows: Int
    /// Pixels kept clear around every marked shape.
    let margin: Double
    private var covered: [UInt8]
    /// `sums[(r) · (columns + 1) + c]`: the covered cells above row `r` and left of column `c`.
    private var sums: [Int32] = []

    package init(bounds: Rect, margin: Double = DataRoom.margin) {
        self.bounds = bounds
        self.margin = margin
        columns = max(1, min(Self.cell(bounds.width, .up), 1 << 15))
        rows = max(1, min(Self.cell(bounds.height, .up), 1 << 15))
        covered = [UInt8](repeating: 0, count: columns * rows)
    }

    /// Marks what a scene item of the series layer covers: lines and polylines along their segments,
    /// polygons (areas) and rectangles (bars) over their whole extent in each column.
    package mutating func mark(_ item: SceneItem) {
        switch item {
        case .polyline(let points, let stroke):
            markExtents(of: points, closed: false, pad: stroke.width / 2 + margin)
        case .line(let from, let to, let stroke):
            markExtents(of: [from, to], closed: false, pad: stroke.width / 2 + margin)
        case .polygon(let points, _):
            markExtents(of: points, closed: true, pad: margin)
        case .rect(let rect, _, _, _):
            markSpan(columns: rect.minX...rect.maxX, from: rect.minY, to: rect.maxY)
        case .circle(let center, let radius, _, _):
            markSpan(columns: (center.x - radius)...(center.x + radius), from: center.y - radius, to: center.y + radius)
        case .text, .beginClip, .endClip, .beginGroup, .endGroup:
            break
        }
    }

    /// Builds the lookup table; call once, after marking.
    package mutating func seal() {
        let stride = columns + 1
        sums = [Int32](repeating: 0, count: stride * (rows + 1))
        covered.withUnsafeBufferPointer { covered in
            sums.withUnsafeMutableBufferPointer { sums in
                for r in 0..<rows {
                    var rowSum: Int32 = 0
                    for c in 0..<columns {
                        rowSum += Int32(covered[r * columns + c])
                        sums[(r + 1) * stride + c + 1] = sums[r * stride + c + 1] + rowSum
                    }
                }
            }
        }
    }

    /// Whether no marked pixel lies in `box` (output pixels). A box reaching outside the plot is not free.
    package func isFree(_ box: Rect) -> Bool {
        precondition(!sums.isEmpty, "seal() the grid before asking it")
        let c0 = Self.cell(box.minX - bounds.minX, .down)
        let c1 = Self.cell(box.maxX - bounds.minX, .up)
        let r0 = Self.cell(box.minY - bounds.minY, .down)
        let r1 = Self.cell(box.maxY - bounds.minY, .up)
        guard c0 >= 0, r0 >= 0, c1 <= columns, r1 <= rows, c0 < c1, r0 < r1 else { return false }
        let stride = columns + 1
        return sums[r1 * stride + c1] - sums[r0 * stride + c1] - sums[r1 * stride + c0] + sums[r0 * stride + c0] == 0
    }

    /// For each row of the grid, how many rows from it down are free between `left` and `right` (output
    /// x, rounded outward as ``isFree(_:)`` rounds): a label's scan down the plot then jumps past what is
    /// taken instead of asking each row. The last element, past the grid, is 0.
    func freeRuns(from left: Double, to right: Double) -> [Int] {
        var runs = [Int](repeating: 0, count: rows + 1)
        let c0 = Self.cell(left - bounds.minX, .down)
        let c1 = Self.cell(right - bounds.minX, .up)
        guard c0 >= 0, c1 <= columns, c0 < c1 else { return runs }
        let width = columns + 1
        for r in stride(from: rows - 1, through: 0, by: -1) {
            let covered = sums[(r + 1) * width + c1] - sums[r * width + c1] - sums[(r + 1) * width + c0] + sums[r * width + c0]
            runs[r] = covered == 0 ? runs[r + 1] + 1 : 0
        }
        return runs
    }

    /// Whether any pixel of column `x` (output pixels) between `top` and `bottom` is marked.
    func isCovered(columnAt x: Double, from top: Double, to bottom: Double) -> Bool {
        !isFree(Rect(x: x.rounded(.down), y: top, width: 1, height: max(1, bottom - top)))
    }

    /// A line through `points` (a series' run, x ascending) or a closed shape (an area): in each column, the
    /// y range the shape spans there, widened by `pad` each way and to the columns `pad` either side.
    ///
    /// Marking segment by segment wrote each cell ~12 times over (a 1M-row line has ~4 points a column, and
    /// each segment reached 12 columns with its margin): 21 % of a render. Column extents first, then one
    /// pass of cells, made it ~1 %.
    private mutating func markExtents(of points: [Point], closed: Bool, pad: Double) {
        let xs = points.lazy.map(\.x).filter { !$0.isNaN }
        guard let least = xs.min(), let most = xs.max() else { return }
        let first = max(0, Self.cell(least - bounds.minX, .down))
        let last = min(columns - 1, Self.cell(most - bounds.minX, .up))
        guard first <= last else { return }
        var low = [Double](repeating: .infinity, count: last - first + 1)
        var high = [Double](repeating: -.infinity, count: last - first + 1)
        let edges = closed ? Array(zip(points, points.dropFirst() + points.prefix(1))) : Array(zip(points, points.dropFirst()))
        for (a, b) in (points.count == 1 ? [(points[0], points[0])] : edges) {
            let (left, right) = a.x <= b.x ? (a, b) : (b, a)
            guard !left.x.isNaN, !right.x.isNaN, !left.y.isNaN, !right.y.isNaN else { continue }
            let c0 = max(first, Self.cell(left.x - bounds.minX, .down))
            let c1 = min(last, Self.cell(right.x - bounds.minX, .up))
            guard c0 <= c1 else { continue }
            for c in c0...c1 {
                // The edge's y at both sides of the column (a vertical edge: its whole length).
                let (y0, y1): (Double, Double)
                if right.x - left.x < 1e-9 {
                    (y0, y1) = (min(left.y, right.y), max(left.y, right.y))
                } else {
                    let at = { (x: Double) in left.y + (right.y - left.y) * (min(max(x, left.x), right.x) - left.x) / (right.x - left.x) }
                    let (ya, yb) = (at(bounds.minX + Double(c)), at(bounds.minX + Double(c + 1)))
                    (y0, y1) = (min(ya, yb), max(ya, yb))
                }
                low[c - first] = min(low[c - first], y0)
                high[c - first] = max(high[c - first], y1)
            }
        }
        // Each column takes its neighbours' extents within the pad.
        let reach = Int(pad.rounded(.up))
        for c in max(0, first - reach)...min(columns - 1, last + reach) {
            var (top, bottom) = (Double.infinity, -Double.infinity)
            for near in max(first, c - reach)...min(last, c + reach) where low[near - first] <= high[near - first] {
                top = min(top, low[near - first])
                bottom = max(bottom, high[near - first])
            }
            if top <= bottom { markCells(column: c, from: top - pad, to: bottom + pad) }
        }
    }

    /// A rectangle's columns (output x) from `top` to `bottom`, with the margin.
    private mutating func markSpan(columns span: ClosedRange<Double>, from top: Double, to bottom: Double) {
        let first = max(0, Self.cell(span.lowerBound - margin - bounds.minX, .down))
        let last = min(columns - 1, Self.cell(span.upperBound + margin - bounds.minX, .up))
        guard first <= last else { return }
        for c in first...last { markCells(column: c, from: top - margin, to: bottom + margin) }
    }

    /// A pixel index, clamped far outside the grid for infinities (a degenerate scale's); NaN reads as outside.
    private static func cell(_ value: Double, _ rule: FloatingPointRoundingRule) -> Int {
        value.isNaN ? Int.min / 2 : Int(min(max(value.rounded(rule), -1e9), 1e9))
    }

    private mutating func markCells(column c: Int, from top: Double, to bottom: Double) {
        guard !top.isNaN, !bottom.isNaN else { return }
        let r0 = max(0, Self.cell(top - bounds.minY, .down))
        let r1 = min(rows - 1, Self.cell(bottom - bounds.minY, .up))
        guard r0 <= r1 else { return }
        for r in r0...r1 { covered[r * columns + c] = 1 }
    }
}
