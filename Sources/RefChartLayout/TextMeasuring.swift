/// Measures text for the layout; the renderer implements it with the same engine it draws with (Pango),
/// so what the layout reserves is what gets drawn.
///
/// Implementations need not be `Sendable`: a layout runs synchronously on one thread.
package protocol TextMeasuring {
    /// The logical size of one line of `text` in `font`, in output pixels.
    func measure(_ text: String, font: FontSpec) -> Size
}
