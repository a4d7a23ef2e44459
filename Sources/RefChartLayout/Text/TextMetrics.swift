import RefChartScene

/// Text sizes measured so far in one layout, by the layout's measurer: each distinct text is measured once,
/// however many passes the layout makes (it lays labels out again to fit them inside the plot) and however
/// often a title recurs (5,000 references' titles, measured again each pass, took most of a layout).
///
/// A class: the passes of one layout share it through their ``LayoutContext``; one layout, one thread.
final class TextMetrics {
    /// The measurer, as an existential: a layout generic over it had its metadata looked up on every call.
    let measurer: any TextMeasuring
    private var sizes: [Key: Size] = [:]
    private var summed: [FontSpec: SummedWidths] = [:]

    private struct Key: Hashable {
        var text: String
        var font: FontSpec
    }

    init(measurer: any TextMeasuring) {
        self.measurer = measurer
    }

    /// The logical size of one line of `text` in `font`, measured the first time it is asked for.
    func measure(_ text: String, _ font: FontSpec) -> Size {
        let key = Key(text: text, font: font)
        if let size = sizes[key] { return size }
        let size = measurer.measure(text, font: font)
        sizes[key] = size
        return size
    }

    /// The first baseline of `text` in `font`, down from the top of its logical box (the measurer keeps it
    /// with the size, so a text measured before costs no second layout).
    func baseline(_ text: String, _ font: FontSpec) -> Double { measurer.baseline(text, font: font) }

    /// The size of `text` if it was measured before.
    func cached(_ text: String, _ font: FontSpec) -> Size? { sizes[Key(text: text, font: font)] }

    /// Widths of texts as sums of their characters' in `font` (``SummedWidths``), one table per font a layout.
    func summedWidths(_ font: FontSpec) -> SummedWidths {
        if let widths = summed[font] { return widths }
        // The table measures through this cache; unowned, as the cache holds the table.
        let widths = SummedWidths(font: font) { [unowned self] in self.measure($0, $1) }
        summed[font] = widths
        return widths
    }
}
