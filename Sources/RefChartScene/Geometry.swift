/// A point in output pixels, origin at the top left.
package struct Point: Sendable, Hashable, Codable {
    package var x: Double
    package var y: Double

    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A size in output pixels.
package struct Size: Sendable, Hashable, Codable {
    package var width: Double
    package var height: Double

    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// An axis-aligned rectangle in output pixels, origin at the top left.
package struct Rect: Sendable, Hashable, Codable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    package var minX: Double { x }
    package var maxX: Double { x + width }
    package var minY: Double { y }
    package var maxY: Double { y + height }

    /// Whether the two rectangles share interior area (touching edges do not count).
    package func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies entirely inside this rectangle (edges included).
    package func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// The rectangle shrunk by `amount` on every side (grown when `amount` is negative), as `CGRect.insetBy`.
    package func insetBy(_ amount: Double) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

extension Rect {
    package var midX: Double { x + width / 2 }
    package var midY: Double { y + height / 2 }
}
