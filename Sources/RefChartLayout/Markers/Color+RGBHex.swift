import RefChartCore
import RefChartScene

extension Color {
    /// The colour a `#rrggbb` text names (a reference's `color`, a `--series-color`), or `nil`.
    init?(rgbHex text: String) {
        guard let rgb = RGBHex.parse(text) else { return nil }
        self.init(red: rgb.red, green: rgb.green, blue: rgb.blue)
    }
}
