/// Where every annotation went: written as JSON with `--layout-report`, asserted on by tests and jobs.
///
/// Boxes are in output pixels with the origin at the top left.
package struct LayoutReport: Sendable, Hashable, Codable {
    /// What happened to one reference.
    package struct Entry: Sendable, Hashable, Codable {
        package var id: String
        package var title: String
        /// The reference's instant, `YYYY-MM-DDTHH:mm:ssZ` in UTC.
        package var date: String
        /// The marker's x position; `nil` when out of range.
        package var x: Double?
        /// `label`, `badge` or `out-of-range`.
        package var state: String
        package var lane: Int?
        package var shifted: Bool
        package var truncated: Bool
        package var badge: Int?
        /// The footnote row holding the full title: a badged or truncated reference's number.
        package var footnote: Int?
        /// The drawn label, or the badge for a badged reference; absent when out of range.
        package var box: Rect?

        /// Writes every key, `null` included, so readers can rely on the shape.
        package func encode(to encoder: any Encoder) throws {
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
        }
    }

    /// A row of the footnote table.
    package struct Footnote: Sendable, Hashable, Codable {
        package var badge: Int
        package var box: Rect
    }

    /// References left out because they fall outside the time window.
    package struct OutOfRange: Sendable, Hashable, Codable {
        package var before: Int
        package var after: Int
    }

    package var width: Double
    package var height: Double
    package var plot: Rect
    package var lanes: Int
    package var references: [Entry]
    package var footnotes: [Footnote]
    package var outOfRange: OutOfRange
}
