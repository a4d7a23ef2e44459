import CCairoPango
package import RefChartScene

/// Measures text with Pango on a 1×1 scratch surface, for the layout. Caches by text and font: the size
/// and the baseline of one layout together.
package final class PangoTextMeasurer: TextMeasuring {
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let text: PangoText
    private var cache: [CacheKey: (size: Size, baseline: Double)] = [:]

    private struct CacheKey: Hashable {
        let text: String
        let font: FontSpec
    }

    package init() {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        cairo = cairo_create(surface)
        text = PangoText(cairo: cairo)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    package func measure(_ string: String, font: FontSpec) -> Size { measured(string, font).size }

    package func baseline(_ string: String, font: FontSpec) -> Double { measured(string, font).baseline }

    private func measured(_ string: String, _ font: FontSpec) -> (size: Size, baseline: Double) {
        let key = CacheKey(text: string, font: font)
        if let measured = cache[key] { return measured }
        let measured = (text.set(string, font: font), text.baseline)
        cache[key] = measured
        return measured
    }

    /// One layout of the whole text, then each character's position in it.
    package func characterOffsets(_ string: String, font: FontSpec) -> [Double] {
        let size = text.set(string, font: font)
        cache[CacheKey(text: string, font: font)] = (size, text.baseline)
        return text.characterOffsets(of: string) + [size.width]
    }

    package func missingGlyphs(_ string: String, font: FontSpec) -> Int {
        text.set(string, font: font)
        return text.unknownGlyphs
    }
}

@available(*, unavailable)
extension PangoTextMeasurer: Sendable {}
