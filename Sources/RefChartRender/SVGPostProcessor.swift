import Foundation
import RefChartScene

/// Finishes Cairo's SVG: adds `<title>`/`<desc>` for screen readers and renumbers Cairo's process-global
/// ids (`surface13`, `clip4`) from 1 in document order, so the same chart gives the same bytes.
enum SVGPostProcessor {
    private static let idPattern = try! NSRegularExpression(pattern: "(id=\"|#)(surface|image|pattern|clip|mask|source)([0-9]+)")

    static func process(_ bytes: [UInt8], title: String, description: String) -> [UInt8] {
        var svg = renumberIds(String(decoding: bytes, as: UTF8.self))
        if let open = svg.range(of: "<svg"), let close = svg.range(of: ">", range: open.upperBound..<svg.endIndex) {
            let accessible =
                "<title id=\"chart-title\">\(escape(title))</title>"
                + "<desc id=\"chart-desc\">\(escape(description))</desc>\n"
            svg.insert(contentsOf: accessible, at: close.upperBound)
            svg.insert(contentsOf: " role=\"img\" aria-labelledby=\"chart-title chart-desc\"", at: close.lowerBound)
        }
        return Array(svg.utf8)
    }

    static func renumberIds(_ svg: String) -> String {
        let text = svg as NSString
        var numbers: [String: Int] = [:]
        var result = ""
        var cursor = 0
        for match in idPattern.matches(in: svg, range: NSRange(location: 0, length: text.length)) {
            let prefix = text.substring(with: match.range(at: 1))
            let kind = text.substring(with: match.range(at: 2))
            let key = kind + text.substring(with: match.range(at: 3))
            let number = numbers[key] ?? (numbers.keys.filter { $0.hasPrefix(kind) && Int($0.dropFirst(kind.count)) != nil }.count + 1)
            numbers[key] = number
            result += text.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            result += "\(prefix)\(kind)\(number)"
            cursor = match.range.location + match.range.length
        }
        result += text.substring(from: cursor)
        return result
    }

    /// XML-escapes text for element content and attribute values (without what XML forbids).
    static func escape(_ text: String) -> String { SVGWriter.escape(text) }
}
