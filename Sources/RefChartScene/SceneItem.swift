/// One drawing instruction of a ``Scene``, in painting order.
package enum SceneItem: Sendable, Hashable, Codable {
    /// A straight line between two points.
    case line(from: Point, to: Point, stroke: Stroke)
    /// A connected line through the points (one unbroken segment of a series).
    case polyline(points: [Point], stroke: Stroke)
    /// A closed shape, filled (an area under a series).
    case polygon(points: [Point], fill: Color)
    /// A rectangle, filled and/or outlined; `cornerRadius` rounds the corners.
    case rect(Rect, fill: Color?, stroke: Stroke?, cornerRadius: Double)
    /// A circle.
    case circle(center: Point, radius: Double, fill: Color?, stroke: Stroke?)
    /// A line of text.
    case text(TextRun)
    /// Everything up to the matching `.endClip` is clipped to the rectangle.
    case beginClip(Rect)
    /// Ends the innermost clip.
    case endClip
    /// Starts a group: a layer (`grid`, `series`, `labels`, …) or one reference's marks. Raster output
    /// ignores it; the SVG writer makes it a `<g>` a stylesheet or a screen reader can find.
    case beginGroup(SceneGroup)
    /// Ends the innermost group.
    case endGroup
}

/// What a group of scene items is.
package struct SceneGroup: Sendable, Hashable, Codable {
    /// The layer or role: `grid`, `bands`, `references`, `series`, `axes`, `labels`, `badges`, `footnotes`,
    /// `caption`, `title`, or `reference` for one reference's marks.
    package var className: String
    /// The reference's id, for a reference's group.
    package var referenceId: String?
    /// What a viewer shows on hover: the reference's title, date and impact.
    package var title: String?

    package init(_ className: String, referenceId: String? = nil, title: String? = nil) {
        self.className = className
        self.referenceId = referenceId
        self.title = title
    }
}

extension Array where Element == SceneItem {
    /// `items` wrapped in a group (nothing when there are none).
    package static func group(_ group: SceneGroup, _ items: [SceneItem]) -> [SceneItem] {
        items.isEmpty ? [] : [.beginGroup(group)] + items + [.endGroup]
    }
}
