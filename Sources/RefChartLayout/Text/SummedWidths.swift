import RefChartScene

/// Widths of short texts from a small alphabet — footnote numbers as badges and pills write them (`5`, `4,6`,
/// `4–9`) and footnote dates (`15 Jan 2024 10:00`) — as the sum of their characters' widths, each character
/// measured once.
///
/// Pango places glyphs on whole pixels here, and digits, `,` and `–` do not kern: for numbers the sum is the
/// text's width exactly (checked against whole layouts: 6,000 labels in DejaVu Sans Bold and Noto Sans Bold
/// 11). Dates are exact in DejaVu Sans 11 (9,000 dates); a font that kerns a pair in them (Noto Sans: `Fe`,
/// `No`) draws them up to a pixel narrower per pair, never wider, so what follows a date never touches it.
/// Measuring each number and date as a whole took a text layout each, tens of thousands at 5,000
/// references (docs/PERFORMANCE.md).
///
/// A class: the table fills as characters come, shared by the closures that measure with it; one layout, one thread.
final class SummedWidths {
    // Unchecked: one layout on one thread reads these; the runtime's access checks per character cost more
    // than the sums.
    @exclusivity(unchecked) private var ascii = [Double](repeating: .nan, count: 128)
    @exclusivity(unchecked) private var dash = Double.nan
    private let font: FontSpec
    private let measure: (String, FontSpec) -> Size
    /// The height of a line of numbers (and of a line of the font).
    private(set) lazy var height = measure("8", font).height

    /// Measures nothing until asked: each character is measured the first time a text holds it.
    init(font: FontSpec, measure: @escaping (String, FontSpec) -> Size) {
        self.font = font
        self.measure = measure
    }

    @inline(__always) private func advance(_ value: Int) -> Double {
        let width = ascii[value]
        return width.isNaN ? measured(value) : width
    }

    private func measured(_ value: Int) -> Double {
        ascii[value] = measure(String(UnicodeScalar(UInt8(value))), font).width
        return ascii[value]
    }

    /// Not even a cache lookup per character for ASCII: with thousands of badges that lookup dominated.
    func width(_ text: String) -> Double {
        var width = 0.0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            guard value < 128 else {
                if scalar == "–" {
                    if dash.isNaN { dash = measure("–", font).width }
                    width += dash
                } else {
                    width += measure(String(scalar), font).width
                }
                continue
            }
            width += advance(value)
        }
        return width
    }

    /// The sum of the characters' widths of an ASCII text; `nil` for any other (a combining mark or a
    /// zero-width character adds nothing drawn, so sums say nothing there).
    func asciiSum(_ text: String) -> Double? {
        var width = 0.0
        for byte in text.utf8 {
            guard byte < 128 else { return nil }
            width += advance(Int(byte))
        }
        return width
    }

    /// The width of ``FootnoteRow/label(_:)`` of `numbers` (`5`, `4,6`, `4–9`), without writing it.
    func width(ofLabel numbers: [Int]) -> Double {
        guard let parts = FootnoteRow.labelParts(numbers) else { return 0 }
        func digits(_ n: Int) -> Double {
            var (n, width) = (n.magnitude, n < 0 ? advance(0x2D) : 0)
            repeat {
                width += advance(0x30 + Int(n % 10))
                n /= 10
            } while n > 0
            return width
        }
        guard let (separator, last) = parts.rest else { return digits(parts.first) }
        return digits(parts.first) + width(separator.description) + digits(last)
    }

    func size(_ text: String) -> Size { Size(width: width(text), height: height) }
}
