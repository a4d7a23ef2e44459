/// One drawing instruction of a ``Scene``, in painting order.
package enum SceneItem: Sendable, Hashable {
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
}
