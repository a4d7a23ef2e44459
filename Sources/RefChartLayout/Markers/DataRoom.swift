import RefChartCore
import RefChartScene

/// Where the data leaves room for labels inside the plot's top: for each pixel column of the plot, the
/// largest value drawn there (and in the columns beside it, which the line's segments reach).
///
/// A label in lane `k` inside the plot covers the top `2 + (k + 1) · laneHeight` pixels plus a margin; it
/// fits where every column under it stays below that, in the value scale of the layout so far. The final
/// layout is checked again (``LayoutPass/inPlotLabelsClear()``), since the scale can still move.
///
/// A class: the label ladder asks it through closures thousands of times per pass, and a struct's arrays
/// were copied in and out on each ask.
final class DataRoom {
    /// The largest value per plot column; -∞ where nothing is drawn.
    let columns: [Double]
    let left: Double
    let plotHeight: Double
    /// The value axis as it stands (linear or logarithmic).
    let scale: LinearScale
    /// The right axis's columns and scale, when series are on it.
    let right: (columns: [Double], scale: LinearScale)?
    /// With lanes inside the plot's bottom (``LayoutPass/labelsAtBottom``): the smallest value per column
    /// with its axis's scale, for each axis.
    let floors: [(values: [Double], scale: LinearScale)]?
    let laneHeight: Double
    /// At most this many lanes inside the plot: they may cover ~40 % of its height.
    let lanes: Int

    /// Pixels kept clear between a label and the line under it.
    static let margin = 4.0

    /// The room in the pass's layout; `nil` before a plot exists.
    init?(pass: LayoutPass) {
        guard let columns = pass.dataColumns, pass.plot.height > 0 else { return nil }
        self.columns = columns
        left = pass.plot.minX
        plotHeight = pass.plot.height
        scale = pass.valueScale()
        right = pass.rightDataColumns.map { ($0, pass.valueScale(rightAxis: true)) }
        floors = pass.labelsAtBottom ? pass.floorsWithScales() : nil
        laneHeight = pass.context.laneHeight
        lanes = max(0, min(6, Int(0.4 * plotHeight / laneHeight)))
    }

    /// Whether a label spanning `span` fits in lane `k` inside the plot.
    func fits(lane k: Int, span: ClosedRange<Double>) -> Bool {
        let covered = (2 + Double(k + 1) * laneHeight + Self.margin) / plotHeight
        guard let under = Self.columns(under: span, left: left, count: columns.count) else { return false }
        if let floors {
            // Lane k counts up from the bottom: the data under the span must stay above it.
            return !floors.contains { floor in under.contains { floor.values[$0] < .infinity && floor.scale.fraction(floor.values[$0]) <= covered } }
        }
        let reaches = { (columns: [Double], scale: LinearScale) in
            under.contains { columns[$0] > -.infinity && scale.fraction(columns[$0]) >= 1 - covered }
        }
        return !reaches(columns, scale) && !(right.map { reaches($0.columns, $0.scale) } ?? false)
    }

    /// The plot columns under `span` (x in output pixels), 2 px wider each side; `nil` when none.
    static func columns(under span: ClosedRange<Double>, left: Double, count: Int) -> ClosedRange<Int>? {
        let first = max(0, Int((span.lowerBound - left).rounded(.down)) - 2)
        let last = min(count - 1, Int((span.upperBound - left).rounded(.up)) + 2)
        return first <= last ? first...last : nil
    }
}
