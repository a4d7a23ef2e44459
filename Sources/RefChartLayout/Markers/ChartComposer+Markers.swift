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

    mutating func placeMarkers() {
        let plotSpan = xScale.range.upperBound - xScale.range.lowerBound
        let maxWidth = min(style.maxLabelWidth, plotSpan * style.maxLabelFraction)
        var assigner = LaneAssigner(budget: laneBudget)
        let leftLimit = style.padding
        let rightLimit = width - style.padding
        markers = []
        for index in inRange {
            let reference = spec.references[index]
            let x = clampToPlot(xScale(reference.date.timeIntervalSince1970))
            let endX = reference.end.map { clampToPlot(xScale($0.timeIntervalSince1970)) }
            let (text, truncated) = fitted(singleLine(reference.title), maxWidth: maxWidth, font: style.label)
            let size = measure(text, style.label)
            var left = x + style.labelOffset
            if left + size.width > rightLimit { left = max(leftLimit, x - style.labelOffset - size.width) }
            let lane = assigner.place(span: left...(left + size.width), lineX: x)
            markers.append(MarkerPlan(
                reference: index, x: x, endX: endX, text: text, truncated: truncated, size: size, left: left,
                lane: lane))
        }
        lanes = (markers.compactMap(\.lane).max() ?? -1) + 1
        var number = 0
        for k in markers.indices where markers[k].lane == nil {
            number += 1
            markers[k].badge = number
        }
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
