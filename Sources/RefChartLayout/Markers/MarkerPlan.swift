import RefChartScene

/// One in-range reference on its way through the label ladder.
struct MarkerPlan {
    /// Index into the chart's references.
    let reference: Int
    /// The marker line's x (the start, for a range).
    let x: Double
    /// The end of a range band, if the reference is a range.
    let endX: Double?
    /// The label text (possibly truncated) and its size.
    var text: String
    var truncated: Bool
    /// The whole label's size: the title, and the impact number after it when there is one.
    var size: Size
    /// The impact number drawn after the title (`+18 %`), if any.
    var impactText: String? = nil
    /// The title's width alone.
    var titleWidth = 0.0
    /// The label's left edge; labels sit right of their line unless that would leave the image.
    var left: Double
    var lane: Int?
    /// How far the label was moved right of its natural place (0 when not shifted); a leader joins them.
    var shift = 0.0
    /// The footnote number, for a badged reference.
    var badge: Int?
    /// The footnote number of a truncated label (its full title is in the footnote table).
    var footnote: Int?

    /// For a label placed freely inside the plot (``FreeLabelPlacer``): the top of its row (as a lane's top,
    /// the text ``ChartStyle/lanePadding`` half below it), and where its line starts.
    var freeTop: Double?
    var freeLineTop: Double?

    /// An untitled range drawn as its band alone: no lane, no line, no badge (there is nothing to read).
    var bandOnly = false

    /// The footnote row this marker has, badged or truncated.
    var footnoteNumber: Int? { badge ?? footnote }
}
