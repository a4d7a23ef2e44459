public import RefChartCore
package import RefChartScene

/// Where every annotation went: returned by the chart pipeline, written as JSON with `--layout-report`,
/// summed up per chart in a report job's summary.
///
/// Boxes are in output pixels with the origin at the top left.
public struct LayoutReport: Sendable, Hashable, Codable {
    /// Where one reference ended up.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Drawn as a label beside its marker.
        case label
        /// Too crowded for a label: a numbered badge under the plot and a footnote row.
        case badge
        /// An untitled range: drawn as its band alone (no label, line or badge: it has no title to show).
        case band
        /// Outside the time window: counted at the plot's edge, not drawn.
        case outOfRange = "out-of-range"
    }

    /// What happened to one reference.
    public struct Entry: Sendable, Hashable, Codable {
        /// The reference's id.
        public var id: String
        /// The reference's title, as given.
        public var title: String
        /// The reference's instant, `YYYY-MM-DDTHH:mm:ssZ` in UTC.
        public var date: String
        /// The marker's x position; `nil` when out of range.
        public var x: Double?
        /// Where the reference went.
        public var state: State
        /// The label's lane, for a label. Lanes count from the top: 0 is the highest lane above the plot, and
        /// lanes from ``LayoutReport/lanes`` on lie inside the plot (its top, or its bottom for a line chart
        /// whose data leaves room there).
        public var lane: Int?
        /// Whether the label was moved right of its line, joined by a leader.
        public var shifted: Bool
        /// Whether the label's title was cut with an ellipsis (the full title is in its footnote).
        public var truncated: Bool
        /// The badge number, for a badge.
        public var badge: Int?
        /// The footnote row holding the full title: a badged or truncated reference's number.
        public var footnote: Int?
        /// The drawn label, or the badge for a badged reference; absent when out of range.
        public var box: Box?
        /// What the reference did to the measured series, when impact numbers were asked for.
        public var impact: ReferenceImpact?
        /// Characters of the title that no installed font has (drawn as boxes); absent when there are none.
        public var missingGlyphs: String?

        /// Writes every key, `null` included, so readers can rely on the shape.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(date, forKey: .date)
            try c.encode(x, forKey: .x)
            try c.encode(state, forKey: .state)
            try c.encode(lane, forKey: .lane)
            try c.encode(shifted, forKey: .shifted)
            try c.encode(truncated, forKey: .truncated)
            try c.encode(badge, forKey: .badge)
            try c.encode(footnote, forKey: .footnote)
            if let box { try c.encode(box, forKey: .box) }
            try c.encode(impact, forKey: .impact)
            if let missingGlyphs { try c.encode(missingGlyphs, forKey: .missingGlyphs) }
        }
    }

    /// An axis-aligned box in output pixels, origin at the top left.
    public struct Box: Sendable, Hashable, Codable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        /// Creates a box.
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    /// A row of the footnote table.
    public struct Footnote: Sendable, Hashable, Codable {
        /// The badge (and footnote) number the row explains.
        public var badge: Int
        /// The row's box.
        public var box: Box
    }

    /// References left out because they fall outside the time window.
    public struct OutOfRange: Sendable, Hashable, Codable {
        /// References before the window's start.
        public var before: Int
        /// References after the window's end.
        public var after: Int
    }

    /// The image width in output pixels.
    public var width: Double
    /// The image height in output pixels (taller than requested when footnotes needed room).
    public var height: Double
    /// The plot area.
    public var plot: Box
    /// How many label lanes were opened above the plot.
    public var lanes: Int
    /// One entry per reference, in input order.
    public var references: [Entry]
    /// The footnote table's rows.
    public var footnotes: [Footnote]
    /// The references outside the window.
    public var outOfRange: OutOfRange
    /// Characters of the chart's title or series names that no installed font has; absent when none.
    public var missingGlyphs: String?

    /// How many references ended in `state`.
    public func count(_ state: State) -> Int { references.reduce(0) { $0 + ($1.state == state ? 1 : 0) } }
}

extension LayoutReport.Box {
    /// The box of a layout rectangle.
    init(_ rect: Rect) { self.init(x: rect.x, y: rect.y, width: rect.width, height: rect.height) }
}

extension LayoutReport.Box {
    /// The layout rectangle of this box.
    package var rect: Rect { Rect(x: x, y: y, width: width, height: height) }
}

extension LayoutReport.Box {
    package var minX: Double { x }
    package var maxX: Double { x + width }
    package var minY: Double { y }
    package var maxY: Double { y + height }
    package var midY: Double { y + height / 2 }
    /// Whether the two boxes share interior area (touching edges do not count).
    package func intersects(_ other: Self) -> Bool { rect.intersects(other.rect) }
    /// Whether `other` lies entirely inside this box (edges included).
    package func contains(_ other: Self) -> Bool { rect.contains(other.rect) }
}
