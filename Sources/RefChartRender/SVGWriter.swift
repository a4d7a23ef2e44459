import Foundation
import RefChartScene

/// Writes a ``Scene`` as an SVG document with real text, beside the Cairo drawer (as Vega's SVG renderer
/// walks its scene graph): `<text>` that can be selected, searched and read aloud, on the baselines the
/// layout measured and held to the measured widths with `textLength` (so a viewer with other fonts keeps
/// the layout's no-overlap guarantee); `<g>` per layer with a class, each reference a group with
/// `data-reference-id` and a `<title>` a browser shows on hover; compact path data. A pure string writer:
/// it measures nothing (the scene's text runs carry their sizes), so it needs no fonts. Deterministic: the
/// same scene gives the same bytes.
struct SVGWriter {
    /// The font stack written for text: the layout's face, then look-alikes.
    static let fontStack = #""DejaVu Sans", Verdana, "Bitstream Vera Sans", sans-serif"#

    private var out = ""
    private var clipCount = 0
    /// Put before every id, so several charts' SVGs can sit in one HTML page.
    private var idPrefix = ""

    /// The document's bytes.
    static func write(_ scene: Scene) -> [UInt8] {
        var writer = SVGWriter()
        return Array(writer.document(scene, declaration: true).utf8)
    }

    /// The `<svg>` element alone, for a page that holds several (an HTML report): no XML declaration,
    /// every id (and its references) starting with `idPrefix`.
    static func element(_ scene: Scene, idPrefix: String) -> String {
        var writer = SVGWriter()
        writer.idPrefix = idPrefix
        return writer.document(scene, declaration: false)
    }

    private mutating func document(_ scene: Scene, declaration: Bool) -> String {
        let (w, h) = (Self.number(scene.size.width), Self.number(scene.size.height))
        out.reserveCapacity(64 * scene.items.count)
        if declaration { out += #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" }
        out += #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(w)px" height="\#(h)px" viewBox="0 0 \#(w) \#(h)" "#
        out += #"role="img" aria-labelledby="\#(idPrefix)chart-title \#(idPrefix)chart-desc">"# + "\n"
        out += #"<title id="\#(idPrefix)chart-title">\#(Self.escape(scene.accessibleTitle))</title>"#
        out += #"<desc id="\#(idPrefix)chart-desc">\#(Self.escape(scene.accessibleDescription))</desc>"# + "\n"
        out += "<style>text{font-family:\(Self.fontStack);white-space:pre}</style>\n"
        out += #"<rect width="100%" height="100%" fill="\#(Self.hex(scene.background))"/>"# + "\n"
        for item in scene.items { write(item) }
        out += "</svg>\n"
        return out
    }

    private mutating func write(_ item: SceneItem) {
        switch item {
        case .line(let from, let to, let stroke):
            out += #"<path d="M\#(Self.point(from))L\#(Self.point(to))"\#(Self.stroke(stroke))/>"# + "\n"
        case .polyline(let points, let stroke):
            out += #"<path d="\#(Self.path(points, closed: false))" fill="none"\#(Self.stroke(stroke))/>"# + "\n"
        case .polygon(let points, let fill):
            out += #"<path d="\#(Self.path(points, closed: true))"\#(Self.fill(fill))/>"# + "\n"
        case .rect(let rect, let fill, let stroke, let radius):
            var element =
                #"<rect x="\#(Self.number(rect.x))" y="\#(Self.number(rect.y))" width="\#(Self.number(rect.width))" height="\#(Self.number(rect.height))""#
            if radius > 0 { element += #" rx="\#(Self.number(radius))""# }
            element += fill.map(Self.fill) ?? #" fill="none""#
            if let stroke { element += Self.stroke(stroke) }
            out += element + "/>\n"
        case .circle(let center, let radius, let fill, let stroke):
            var element = #"<circle cx="\#(Self.number(center.x))" cy="\#(Self.number(center.y))" r="\#(Self.number(radius))""#
            element += fill.map(Self.fill) ?? #" fill="none""#
            if let stroke { element += Self.stroke(stroke) }
            out += element + "/>\n"
        case .text(let run):
            let (size, baseline) = (run.size, run.origin.y + run.baseline)
            var element = #"<text x="\#(Self.number(run.origin.x))" y="\#(Self.number(baseline))" font-size="\#(Self.number(run.font.size))""#
            if run.font.bold { element += #" font-weight="bold""# }
            element += Self.fill(run.color)
            if size.width > 0 { element += #" textLength="\#(Self.number(size.width))" lengthAdjust="spacingAndGlyphs""# }
            out += element + ">" + Self.escape(run.text) + "</text>\n"
        case .beginClip(let rect):
            clipCount += 1
            out +=
                #"<clipPath id="\#(idPrefix)clip\#(clipCount)"><rect x="\#(Self.number(rect.x))" y="\#(Self.number(rect.y))" width="\#(Self.number(rect.width))" height="\#(Self.number(rect.height))"/></clipPath>"#
            out += #"<g clip-path="url(#\#(idPrefix)clip\#(clipCount))">"# + "\n"
        case .endClip, .endGroup:
            out += "</g>\n"
        case .beginGroup(let group):
            var element = #"<g class="\#(Self.escape(group.className))""#
            if let id = group.referenceId { element += #" data-reference-id="\#(Self.escape(id))""# }
            out += element + ">"
            if let title = group.title { out += "<title>\(Self.escape(title))</title>" }
            out += "\n"
        }
    }

    // MARK: Attributes

    private static func stroke(_ stroke: Stroke) -> String {
        var text = #" stroke="\#(hex(stroke.color))" stroke-width="\#(number(stroke.width))""#
        if stroke.color.alpha < 1 { text += #" stroke-opacity="\#(number(stroke.color.alpha))""# }
        if !stroke.dash.isEmpty { text += #" stroke-dasharray="\#(stroke.dash.map(number).joined(separator: " "))""# }
        return text
    }

    private static func fill(_ color: Color) -> String {
        var text = #" fill="\#(hex(color))""#
        if color.alpha < 1 { text += #" fill-opacity="\#(number(color.alpha))""# }
        return text
    }

    static func hex(_ color: Color) -> String {
        let channels = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
        return "#" + channels.map { String(format: "%02x", min(255, max(0, $0))) }.joined()
    }

    /// Path data: absolute first point, then relative moves with two decimals at most (compact).
    static func path(_ points: [Point], closed: Bool) -> String {
        guard let first = points.first else { return "" }
        // Written as bytes: a String per number (and `String(format:)` for two decimals) was 10 % of a
        // 1M-row SVG's time.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(points.count * 12 + 16)
        bytes.append(UInt8(ascii: "M"))
        var previous = (x: Int((first.x * 100).rounded()), y: Int((first.y * 100).rounded()))
        appendHundredths(previous.x, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendHundredths(previous.y, to: &bytes)
        for (k, p) in points.dropFirst().enumerated() {
            bytes.append(UInt8(ascii: k == 0 ? "l" : " "))
            let current = (x: Int((p.x * 100).rounded()), y: Int((p.y * 100).rounded()))
            appendHundredths(current.x - previous.x, to: &bytes)
            if current.y - previous.y >= 0 { bytes.append(UInt8(ascii: " ")) }
            appendHundredths(current.y - previous.y, to: &bytes)
            previous = current
        }
        if closed { bytes.append(UInt8(ascii: "Z")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func point(_ p: Point) -> String { number(p.x) + " " + number(p.y) }

    /// A coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `12.25`.
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendHundredths(Int((value * 100).rounded()), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `n` hundredths as a decimal: `-1250` → `-12.5`.
    private static func appendHundredths(_ n: Int, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        let whole = n.magnitude / 100
        let fraction = Int(n.magnitude % 100)
        appendDigits(whole, to: &bytes)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    private static func appendDigits(_ value: UInt, to bytes: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in PrintableText.clean(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
