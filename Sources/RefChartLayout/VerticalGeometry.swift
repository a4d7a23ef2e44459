import RefChartCore
import RefChartScene

/// The chart's rows from top to bottom: title, label lanes, plot, badge row, tick labels, caption,
/// footnote table. All values in output pixels.
struct VerticalGeometry {
    var titleHeight = 0.0
    /// The legend: on the title's line, or in rows under it.
    var legend = Legend()
    var legendRowHeight = 0.0
    /// The y-axis title's row, above the label lanes (0 when there is none).
    var yLabelTop = 0.0
    var bandTop = 0.0
    var laneHeight = 0.0
    var badgeTop = 0.0
    var badgeHeight = 0.0
    var tickLabelTop = 0.0
    var contextTop = 0.0
    var captionTop = 0.0
    /// The category key's rows (colour → category, with counts), under the caption.
    var keyTop = 0.0
    var keyRows: [[CategoryKeyEntry]] = []
    var keyRowHeight = 0.0
    /// Where the key's first entry starts: the image's padding, or, for a key on the caption's row, after
    /// the "earlier" note.
    var keyLeft = 0.0
    var footnoteTop = 0.0
    var footnoteRowHeight = 0.0
    var footnoteColumns = 1
    var footnoteRows = 0
    /// Said under a grouped footnote table: where the full list is.
    var footnoteNote: String?

    /// How many lanes sit above the plot; the lanes after them are inside the plot's top.
    var outerLanes = 0
    var plotTop = 0.0
    /// When set, every lane is inside the plot's bottom, lane 0 lowest, the next ones above it: this is
    /// the plot's bottom edge (see ``LayoutPass/labelsAtBottom``).
    var bottomLanesBase: Double?

    /// The top of lane `lane` (lane 0 is the highest): above the plot for the first ``outerLanes``,
    /// then inside the plot from its top edge down; or, with bottom lanes, up from the plot's bottom.
    func laneTop(_ lane: Int) -> Double {
        if let base = bottomLanesBase { return base - 2 - Double(lane + 1) * laneHeight }
        return lane < outerLanes ? bandTop + Double(lane) * laneHeight : plotTop + 2 + Double(lane - outerLanes) * laneHeight
    }
}
