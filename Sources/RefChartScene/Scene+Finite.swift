/// The one place a scene's numbers are made safe for every writer: a coordinate that is not finite (a
/// value span of 1e-322 or 1e308 once gave ±∞ and NaN) would trap the SVG writer's integer conversion
/// and make Cairo draw nothing or garbage. Non-finite points end a line (the line goes on after them),
/// items that cannot be placed are left out, and every coordinate is held within ``limit`` pixels of the
/// image — far outside any clip, and inside Cairo's 24.8 fixed-point range (±8.4M).
extension Scene {
    /// How far outside the image a coordinate may lie, in pixels.
    package static let limit = 1_000_000.0

    /// The scene with every coordinate finite and within ``limit`` of the image.
    package func finite() -> Scene {
        var scene = self
        scene.items = []
        scene.items.reserveCapacity(items.count)
        for item in items { scene.items += Self.finite(item, bounds: (-Self.limit, max(size.width, size.height) + Self.limit)) }
        return scene
    }

    private static func finite(_ item: SceneItem, bounds: (low: Double, high: Double)) -> [SceneItem] {
        func clamp(_ value: Double) -> Double { min(max(value, bounds.low), bounds.high) }
        func point(_ p: Point) -> Point? { p.x.isFinite && p.y.isFinite ? Point(x: clamp(p.x), y: clamp(p.y)) : nil }
        func rect(_ r: Rect) -> Rect? {
            guard r.x.isFinite, r.y.isFinite, r.width.isFinite, r.height.isFinite else { return nil }
            let (x, y) = (clamp(r.x), clamp(r.y))
            return Rect(x: x, y: y, width: clamp(r.maxX) - x, height: clamp(r.maxY) - y)
        }
        switch item {
        case .line(let from, let to, let stroke):
            guard let from = point(from), let to = point(to) else { return [] }
            return [.line(from: from, to: to, stroke: stroke)]
        case .polyline(let points, let stroke):
            guard
                points.contains(where: {
                    !$0.x.isFinite || !$0.y.isFinite || $0.x < bounds.low || $0.x > bounds.high || $0.y < bounds.low || $0.y > bounds.high
                })
            else {
                return [item]
            }
            return pieces(points, point).map { .polyline(points: $0, stroke: stroke) }
        case .polygon(let points, let fill):
            let kept = points.compactMap(point)
            return kept.count >= 3 ? [.polygon(points: kept, fill: fill)] : []
        case .rect(let r, let fill, let stroke, let radius):
            guard let r = rect(r) else { return [] }
            return [.rect(r, fill: fill, stroke: stroke, cornerRadius: radius.isFinite ? radius : 0)]
        case .circle(let center, let radius, let fill, let stroke):
            guard let center = point(center), radius.isFinite else { return [] }
            return [.circle(center: center, radius: min(abs(radius), limit), fill: fill, stroke: stroke)]
        case .text(var run):
            guard let origin = point(run.origin) else { return [] }
            run.origin = origin
            return [.text(run)]
        case .beginClip(let r):
            return [.beginClip(rect(r) ?? Rect(x: 0, y: 0, width: 0, height: 0))]
        case .endClip, .beginGroup, .endGroup:
            return [item]
        }
    }

    /// The runs of `points` between the ones `place` cannot place, each of two or more points.
    private static func pieces(_ points: [Point], _ place: (Point) -> Point?) -> [[Point]] {
        var pieces: [[Point]] = []
        var current: [Point] = []
        for p in points {
            if let placed = place(p) {
                current.append(placed)
            } else {
                if current.count >= 2 { pieces.append(current) }
                current = []
            }
        }
        if current.count >= 2 { pieces.append(current) }
        return pieces
    }
}
