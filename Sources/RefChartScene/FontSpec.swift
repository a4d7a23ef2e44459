/// A font request: family, pixel size and weight. Pango picks fallbacks for characters the family lacks.
package struct FontSpec: Sendable, Hashable, Codable {
    package var family: String
    /// The size in output pixels (not points).
    package var size: Double
    package var bold: Bool

    package init(family: String, size: Double, bold: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
    }
}
