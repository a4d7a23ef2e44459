/// How a line is drawn.
package struct Stroke: Sendable, Hashable, Codable {
    package var color: Color
    package var width: Double
    /// Dash lengths (on, off, …) in pixels; empty for a solid line.
    package var dash: [Double]

    package init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}
