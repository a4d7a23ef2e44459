/// `#rrggbb` / `#rgb` colour strings.
package enum RGBHex {
    /// The red, green and blue components in 0...1, or `nil` when `text` is not `#rgb` or `#rrggbb`.
    package static func parse(_ text: String) -> (red: Double, green: Double, blue: Double)? {
        var hex = Substring(text)
        guard hex.first == "#" else { return nil }
        hex = hex.dropFirst()
        if hex.count == 3 { hex = Substring(hex.map { "\($0)\($0)" }.joined()) }
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
        return (Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }
}
