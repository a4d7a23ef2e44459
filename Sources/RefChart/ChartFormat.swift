import RefChartRender
import RefChartScene

/// An output image format.
public enum ChartFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// A raster image; ``Chart/render(_:scale:)`` takes a HiDPI scale for it.
    case png
    /// Scalable vector graphics in px units, with `<title>` and `<desc>` for screen readers.
    case svg
    /// A one-page PDF, 96 px to the inch.
    case pdf

    /// The format a file name's extension names (`chart.png` → `.png`), or `nil`.
    public init?(fileExtension path: String) {
        guard let ext = Self.fileExtension(path) else { return nil }
        self.init(rawValue: ext)
    }

    /// A path's extension, lowercased, without the dot; `nil` when it has none.
    static func fileExtension(_ path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return path[path.index(after: dot)...].lowercased()
    }
}

extension ChartFormat {
    /// The renderer's format, with the settings that apply to it: the PNG's scale, the SVG's text mode.
    func output(scale: Double, svgText: SVGTextMode) -> OutputFormat {
        switch self {
        case .png: return .png(scale: scale)
        case .svg: return .svg(text: svgText)
        case .pdf: return .pdf
        }
    }
}
