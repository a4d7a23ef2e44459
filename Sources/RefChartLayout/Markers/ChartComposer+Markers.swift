import Foundation
import RefChartCore

/// Reference markers: x positions, label text, lanes, and badge numbers for labels that did not fit.
extension ChartComposer {
    /// The label height plus padding: one lane.
    var laneHeight: Double { measure("Hg", style.label).height + style.lanePadding }

    /// How many lanes the chart can spare: up to 30 % of the height left after title and axes, 1 to 8.
    var laneBudget: Int {
        let fixed = 2 * style.padding + 40 + 60
        let available = max(0, height - fixed) * 0.3
        return min(8, max(1, Int(available / laneHeight)))
    }

    /// Runs every in-range reference down the label ladder: a lane, a lane with a small shift, an
    /// ellipsis for long titles (full title in the footnotes), and a numbered badge when nothing fits.
    mutating func placeMarkers() {
        let plotSpan = xScale.range.upperBound - xScale.range.lowerBound
        let maxWidth = min(style.maxLabelWidth, plotSpan * style.maxLabelFraction)
        var assigner = LaneAssigner(budget: laneBudget)
        let leftLimit = style.padding
        let rightLimit = width - style.padding
        var number = 0
        markers = []
        for index in inRange {
            let reference = spec.references[index]
            let x = clampToPlot(xScale(reference.date.timeIntervalSince1970))
            let endX = reference.end.map { clampToPlot(xScale($0.timeIntervalSince1970)) }
            let title = singleLine(reference.title)
            // Candidates in the ladder's order: right of the line (ellipsis past the maximum width); left of
            // it when the right side is too narrow; right of it, cut to the room left before the edge.
            let right = x + style.labelOffset
            var candidates: [(text: String, truncated: Bool, left: Double)] = []
            let full = fitted(title, maxWidth: maxWidth, font: style.label)
            let fullWidth = measure(full.text + (full.truncated ? Self.superscript(number + 1) : ""), style.label).width
            if right + fullWidth <= rightLimit {
                candidates.append((full.text, full.truncated, right))
            } else {
                candidates.append((full.text, full.truncated, max(leftLimit, x - style.labelOffset - fullWidth)))
                let room = rightLimit - right - measure(Self.superscript(number + 1), style.label).width
                if room >= style.minimumLabelWidth {
                    let cut = fitted(title, maxWidth: room, font: style.label)
                    candidates.append((cut.text, cut.truncated, right))
                }
            }
            var marker: MarkerPlan?
            for candidate in candidates {
                let text = candidate.text + (candidate.truncated ? Self.superscript(number + 1) : "")
                let size = measure(text, style.label)
                guard let placement = assigner.place(
                    span: candidate.left...(candidate.left + size.width), lineX: x, maxShift: style.maxShift,
                    rightLimit: rightLimit)
                else { continue }
                if candidate.truncated { number += 1 }
                marker = MarkerPlan(
                    reference: index, x: x, endX: endX, text: text, truncated: candidate.truncated, size: size,
                    left: candidate.left + placement.shift, lane: placement.lane, shift: placement.shift,
                    footnote: candidate.truncated ? number : nil)
                break
            }
            if marker == nil {
                number += 1
                marker = MarkerPlan(
                    reference: index, x: x, endX: endX, text: full.text, truncated: full.truncated,
                    size: Size(width: 0, height: 0), left: x, lane: nil, badge: number)
            }
            markers.append(marker!)
        }
        lanes = assigner.lanesUsed
    }

    /// `n` in superscript digits, marking a truncated label's footnote.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    private func clampToPlot(_ x: Double) -> Double {
        min(max(x, xScale.range.lowerBound), xScale.range.upperBound)
    }

    func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// `text` as is when it fits in `maxWidth`, else its longest prefix that fits with an ellipsis.
    func fitted(_ text: String, maxWidth: Double, font: FontSpec) -> (text: String, truncated: Bool) {
        if measure(text, font).width <= maxWidth { return (text, false) }
        let characters = Array(text)
        var (low, high) = (0, characters.count)
        while low < high {
            let mid = (low + high + 1) / 2
            let candidate = String(characters[..<mid]).trimmingCharacters(in: .whitespaces) + "…"
            if measure(candidate, font).width <= maxWidth { low = mid } else { high = mid - 1 }
        }
        return (String(characters[..<low]).trimmingCharacters(in: .whitespaces) + "…", true)
    }
}
