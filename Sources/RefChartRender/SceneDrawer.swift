import CCairoPango
import RefChartScene

/// Paints a ``Scene``'s items onto a Cairo context, in order.
struct SceneDrawer {
    let cairo: OpaquePointer
    let text: PangoText
    /// Points per stroke of a long line on pixels (a PNG); vector output keeps one path. See ``ChartRenderer/linePiece``.
    private let linePiece: Int

    init(cairo: OpaquePointer, linePiece: Int = ChartRenderer.linePiece) {
        self.cairo = cairo
        text = PangoText(cairo: cairo)
        let raster = cairo_surface_get_type(cairo_get_target(cairo)) == CAIRO_SURFACE_TYPE_IMAGE
        self.linePiece = raster ? linePiece : .max
    }

    func draw(_ scene: Scene) {
        setColor(scene.background)
        cairo_paint(cairo)
        // Bevel joins: as good as round at chart stroke widths, and much cheaper to stroke for long lines.
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_BEVEL)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        for item in scene.items { draw(item) }
    }

    /// Draws `items` over what is there (a document page's overlay), without painting a background.
    func draw(items: [SceneItem]) {
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_BEVEL)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        for item in items { draw(item) }
    }

    private func draw(_ item: SceneItem) {
        switch item {
        case .line(let from, let to, let stroke):
            cairo_move_to(cairo, from.x, from.y)
            cairo_line_to(cairo, to.x, to.y)
            apply(stroke)
        case .polyline(let points, let stroke):
            guard let first = points.first else { return }
            if stroke.dash.isEmpty && points.count > linePiece {
                return strokeInPieces(points, stroke)
            }
            cairo_move_to(cairo, first.x, first.y)
            for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
            apply(stroke)
        case .polygon(let points, let fill):
            guard let first = points.first else { return }
            cairo_move_to(cairo, first.x, first.y)
            for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
            cairo_close_path(cairo)
            setColor(fill)
            cairo_fill(cairo)
        case .rect(let rect, let fill, let stroke, let radius):
            path(rect, radius: radius)
            if let fill {
                setColor(fill)
                stroke == nil ? cairo_fill(cairo) : cairo_fill_preserve(cairo)
            }
            if let stroke { apply(stroke) }
        case .circle(let center, let radius, let fill, let stroke):
            cairo_new_sub_path(cairo)
            cairo_arc(cairo, center.x, center.y, radius, 0, 2 * Double.pi)
            if let fill {
                setColor(fill)
                stroke == nil ? cairo_fill(cairo) : cairo_fill_preserve(cairo)
            }
            if let stroke { apply(stroke) }
        case .text(let run):
            text.set(run.text, font: run.font)
            setColor(run.color)
            cairo_move_to(cairo, run.origin.x, run.origin.y)
            text.show(on: cairo)
            cairo_new_path(cairo)
        case .beginClip(let rect):
            cairo_save(cairo)
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(cairo)
        case .beginGroup, .endGroup:
            break
        case .endClip:
            cairo_restore(cairo)
        }
    }

    /// Strokes a long line (points in x order) as pieces side by side, each clipped to its own columns of
    /// whole device pixels and drawn with the points a little beyond them: every pixel is then painted once,
    /// by a stroke holding every segment that reaches it — the one stroke's pixels. (Pieces painted over each
    /// other left light seams where two each half-covered a pixel; pieces added into one mask darkened the
    /// line's edges where their zigzags overlapped, by up to 124 levels.)
    private func strokeInPieces(_ points: [Point], _ stroke: Stroke) {
        setColor(stroke.color)
        cairo_set_line_width(cairo, stroke.width)
        cairo_set_dash(cairo, nil, 0, 0)
        var (unitX, unitY) = (1.0, 0.0)
        cairo_user_to_device_distance(cairo, &unitX, &unitY)
        let margin = stroke.width + 2  // what a segment's stroke and its edge shading can reach, in user pixels
        var (start, left) = (0, -1e5)  // far beyond any image, well within Cairo's fixed-point range
        while start < points.count - 1 {
            // A piece spans 32 px at least: a line of far more points than pixels (not reduced per column)
            // would otherwise be cut every pixel or so.
            var end = min(points.count, start + linePiece)
            while end < points.count && points[end - 1].x - points[start].x < 32 { end += 1 }
            let right = end < points.count ? (points[end - 1].x * unitX).rounded(.down) / unitX : 1e5
            var (low, high) = (start, end - 1)
            while low > 0 && points[low].x >= left - margin { low -= 1 }
            while high < points.count - 1 && points[high].x <= right + margin { high += 1 }
            cairo_save(cairo)
            cairo_rectangle(cairo, left, -1e5, right - left, 2e5)
            cairo_clip(cairo)
            cairo_move_to(cairo, points[low].x, points[low].y)
            for point in points[(low + 1)...high] { cairo_line_to(cairo, point.x, point.y) }
            cairo_stroke(cairo)
            cairo_restore(cairo)
            (start, left) = (end - 1, right)
        }
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }

    private func apply(_ stroke: Stroke) {
        setColor(stroke.color)
        cairo_set_line_width(cairo, stroke.width)
        var dash = stroke.dash
        cairo_set_dash(cairo, &dash, Int32(dash.count), 0)
        cairo_stroke(cairo)
    }

    private func path(_ rect: Rect, radius: Double) {
        let r = min(radius, rect.width / 2, rect.height / 2)
        guard r > 0 else {
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            return
        }
        let half = Double.pi / 2
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, rect.maxX - r, rect.minY + r, r, -half, 0)
        cairo_arc(cairo, rect.maxX - r, rect.maxY - r, r, 0, half)
        cairo_arc(cairo, rect.minX + r, rect.maxY - r, r, half, 2 * half)
        cairo_arc(cairo, rect.minX + r, rect.minY + r, r, 2 * half, 3 * half)
        cairo_close_path(cairo)
    }
}
