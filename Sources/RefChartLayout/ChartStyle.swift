import RefChartScene

/// Sizes and fonts of a chart's parts, in output pixels.
struct ChartStyle {
    let padding = 16.0
    let title: FontSpec
    let axis: FontSpec
    let label: FontSpec
    let badge: FontSpec
    let footnote: FontSpec
    let caption: FontSpec
    /// Space between a marker line and its label.
    let labelOffset = 4.0
    /// Vertical padding inside a lane.
    let lanePadding = 4.0
    /// Pixels between value ticks, roughly.
    let valueTickSpacing = 56.0
    /// Labels longer than this fraction of the plot width end in an ellipsis.
    let maxLabelFraction = 0.28
    let maxLabelWidth = 240.0
    /// How far a label may move right of its line to stay in a lane already in use.
    let maxShift = 48.0
    /// A label cut shorter than this to fit before the right edge is not worth drawing: badge it instead.
    let minimumLabelWidth = 60.0
    /// The footnote table may add at most this fraction of the requested height; beyond it rows group.
    let footnoteHeightFraction = 1.0

    init(theme: Theme) {
        let family = theme.fontFamily
        title = FontSpec(family: family, size: 18, bold: true)
        axis = FontSpec(family: family, size: 11)
        label = FontSpec(family: family, size: 12)
        badge = FontSpec(family: family, size: 11, bold: true)
        footnote = FontSpec(family: family, size: 11)
        caption = FontSpec(family: family, size: 11)
    }
}
