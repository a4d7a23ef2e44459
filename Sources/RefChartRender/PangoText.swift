import CCairoPango
import RefChartScene

/// A Pango layout bound to one Cairo context, with hinted metrics off so raster and vector output
/// measure text identically. Not Sendable: it lives inside one synchronous render.
final class PangoText {
    private let layout: OpaquePointer
    private var fonts: [FontSpec: OpaquePointer] = [:]
    private var current: FontSpec?

    /// Creates a layout for `cairo` (a `cairo_t*`).
    init(cairo: OpaquePointer) {
        layout = pango_cairo_create_layout(cairo)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
        cairo_font_options_destroy(options)
        pango_layout_context_changed(layout)
    }

    deinit {
        for description in fonts.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// Sets the text and font; returns the logical size in user-space pixels.
    @discardableResult
    func set(_ text: String, font: FontSpec) -> Size {
        if current != font {
            pango_layout_set_font_description(layout, description(for: font))
            current = font
        }
        pango_layout_set_text(layout, text, -1)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        return Size(width: Double(logical.width) / scale, height: Double(logical.height) / scale)
    }

    /// Where each character of the current text (`text`, as set) starts, in user-space pixels: one walk
    /// over the laid-out clusters (asking Pango per character is linear each, quadratic in all).
    func characterOffsets(of text: String) -> [Double] {
        var clusters: [(byte: Int, x: Double)] = []
        if let iterator = pango_layout_get_iter(layout) {
            defer { pango_layout_iter_free(iterator) }
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            repeat {
                pango_layout_iter_get_cluster_extents(iterator, &ink, &logical)
                clusters.append((Int(pango_layout_iter_get_index(iterator)), Double(logical.x) / Double(PANGO_SCALE)))
            } while pango_layout_iter_next_cluster(iterator) != 0
        }
        clusters.sort { $0.byte < $1.byte }
        var offsets: [Double] = []
        offsets.reserveCapacity(text.count)
        var byte = 0
        var k = 0
        for character in text {
            // The cluster holding this character's first byte: the last one starting at or before it.
            while k + 1 < clusters.count && clusters[k + 1].byte <= byte { k += 1 }
            offsets.append(clusters.isEmpty ? 0 : clusters[k].x)
            byte += character.utf8.count
        }
        return offsets
    }

    /// The current text's first baseline, from the top of its logical box, in user-space pixels.
    var baseline: Double { Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE) }

    /// How many glyphs of the current text no font has (Pango draws them as hex boxes).
    var unknownGlyphs: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    /// Draws the current text with its logical box's top-left corner at the Cairo current point.
    func show(on cairo: OpaquePointer) {
        pango_cairo_show_layout(cairo, layout)
    }

    private func description(for font: FontSpec) -> OpaquePointer {
        if let existing = fonts[font] { return existing }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        fonts[font] = description
        return description
    }
}

@available(*, unavailable)
extension PangoText: Sendable {}
