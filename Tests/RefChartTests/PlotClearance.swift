import RefChartLayout
import RefChartRender
import RefChartScene

/// What a label inside the plot must stay clear of: the series' segments and other references' lines,
/// read from the scene.
enum PlotClearance {
    /// The labels of `boxes` a segment of a polyline in `color` passes through.
    static func boxesTouchingSeries(_ boxes: [LayoutReport.Box], in scene: Scene, color: Color) -> [LayoutReport.Box] {
        let polylines = scene.items.compactMap { item -> [Point]? in
            if case .polyline(let points, let stroke) = item, stroke.color == color { points } else { nil }
        }
        return boxes.filter { box in
            polylines.contains { line in
                zip(line, line.dropFirst()).contains { a, b in
                    let (a, b) = a.x <= b.x ? (a, b) : (b, a)
                    guard b.x >= box.minX && a.x <= box.maxX else { return false }
                    let y = { (x: Double) in b.x == a.x ? a.y : a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) }
                    let (left, right) = (max(a.x, box.minX), min(b.x, box.maxX))
                    let highest = b.x == a.x ? min(a.y, b.y) : min(y(left), y(right))
                    let lowest = b.x == a.x ? max(a.y, b.y) : max(y(left), y(right))
                    return lowest >= box.minY && highest <= box.maxY
                }
            }
        }
    }

    /// The x of each dashed vertical marker line of the scene that passes through one of `boxes`.
    static func linesThroughBoxes(_ boxes: [LayoutReport.Box], in scene: Scene) -> [Double] {
        scene.items.compactMap { item -> Double? in
            guard case .line(let from, let to, let stroke) = item, !stroke.dash.isEmpty, from.x == to.x else { return nil }
            let crosses = boxes.contains { box in
                box.minX < from.x && from.x < box.maxX && max(from.y, to.y) > box.minY && min(from.y, to.y) < box.maxY
            }
            return crosses ? from.x : nil
        }
    }

    /// How many pixels of `box` in a decoded image are within 30 levels of `color` in each channel.
    static func seriesPixels(in box: LayoutReport.Box, of image: DecodedImage, color: Color) -> Int {
        var count = 0
        for y in Int(box.minY)..<Int(box.maxY) {
            for x in Int(box.minX)..<Int(box.maxX) {
                let p = image.pixel(x: x, y: y)
                if abs(Double(p.red) - color.red * 255) < 30 && abs(Double(p.green) - color.green * 255) < 30
                    && abs(Double(p.blue) - color.blue * 255) < 30
                {
                    count += 1
                }
            }
        }
        return count
    }
}
