public import RefChartScene

/// The page of a report's PDF (`page:` in jobs files): a paper size and its orientation, or `chart`, each
/// chart's own size (the PDF before documents had a cover).
public struct DocumentPaper: Sendable, Hashable, CustomStringConvertible {
    /// A paper size.
    public enum Size: String, Sendable, CaseIterable {
        case a4, letter, a3, chart
    }

    public var size: Size
    /// Portrait (taller than wide); landscape by default, as charts are wide.
    public var portrait: Bool

    /// A4 landscape.
    public static let `default` = DocumentPaper(size: .a4, portrait: false)

    public init(size: Size, portrait: Bool) { (self.size, self.portrait) = (size, portrait) }

    /// `a4`, `a4 portrait`, `letter landscape`, `a3`, `chart`; `nil` for anything else.
    public init?(_ text: String) {
        let words = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, let size = Size(rawValue: String(first)), words.count <= 2 else { return nil }
        let orientation = words.count == 2 ? String(words[1]) : "landscape"
        guard orientation == "landscape" || orientation == "portrait", size != .chart || words.count == 1 else { return nil }
        self.init(size: size, portrait: orientation == "portrait")
    }

    public var description: String { size == .chart ? "chart" : "\(size.rawValue) \(portrait ? "portrait" : "landscape")" }

    /// The spellings, for error messages.
    public static let examples = "a4, a4 portrait, letter, letter portrait, a3, a3 portrait or chart"

    /// The page in output pixels (96 to the inch); `nil` for `chart`.
    package var pixels: RefChartScene.Size? {
        let millimetres: (Double, Double)
        switch size {
        case .a4: millimetres = (210, 297)
        case .a3: millimetres = (297, 420)
        case .letter: millimetres = (215.9, 279.4)
        case .chart: return nil
        }
        let (short, long) = (millimetres.0 / 25.4 * 96, millimetres.1 / 25.4 * 96)
        return portrait ? RefChartScene.Size(width: short, height: long) : RefChartScene.Size(width: long, height: short)
    }
}
