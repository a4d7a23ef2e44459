import Foundation
package import RefChartCore
package import RefChartScene

/// Pages that are not time series: headline numbers (a metric report: value, previous period, change) and
/// a funnel (a horizontal bar per step, with its count and conversion). Plain scenes, drawn by the same
/// writers as the charts, in the same theme and type.
package enum SummaryLayout {
    /// Headline numbers in a row of tiles (up to four a row, as OpenPanel's dashboard shows them).
    package static func headlines(
        title: String, numbers: [HeadlineNumber], size: Size, theme: Theme, measurer: some TextMeasuring
    ) -> Scene {
        let style = ChartStyle(theme: theme)
        var items = heading(title, style: style, theme: theme, width: size.width, measurer: measurer)
        let pad = style.padding
        let perRow = max(1, min(4, numbers.count))
        let gap = 16.0
        // As wide as a dashboard card at most: one number across 1,200 px reads as an empty page.
        let tileWidth = min(360, (size.width - 2 * pad - gap * Double(perRow - 1)) / Double(perRow))
        let big = FontSpec(family: theme.fontFamily, size: 40, bold: true)
        let top = pad + measurer.measure("Hg", font: style.title).height + 24
        for (k, headline) in numbers.enumerated() {
            let x = pad + Double(k % perRow) * (tileWidth + gap)
            let y = top + Double(k / perRow) * 150
            items.append(
                .rect(Rect(x: x, y: y, width: tileWidth, height: 130), fill: nil, stroke: Stroke(color: theme.grid, width: 1), cornerRadius: 6))
            items.append(
                run(
                    fitted(headline.name, tileWidth - 24, style.label, measurer), at: Point(x: x + 12, y: y + 12), style.label, theme.mutedText,
                    measurer))
            items.append(run(Self.number(headline.value), at: Point(x: x + 12, y: y + 34), big, theme.text, measurer))
            if let previous = headline.previous {
                let change = headline.change.map { ($0 >= 0 ? "+" : "\u{2212}") + String(format: "%.1f %%", abs($0)) } ?? "—"
                let color = headline.change.map { $0 >= 0 ? theme.positive : theme.negative } ?? theme.mutedText
                items.append(run(change, at: Point(x: x + 12, y: y + 94), style.label, color, measurer))
                let before = "previous period " + Self.number(previous)
                let after = x + 24 + measurer.measure(change, font: style.label).width
                items.append(run(before, at: Point(x: after, y: y + 94), style.label, theme.mutedText, measurer))
            }
        }
        return Scene(
            size: size, background: theme.background, items: items, accessibleTitle: title,
            accessibleDescription: numbers.map { "\($0.name): \(Self.number($0.value))" }.joined(separator: "; "))
    }

    /// A funnel: one bar per step, its length the step's count, labelled with the count and the share of
    /// the first step; the largest drop-off's step marked.
    package static func funnel(title: String, steps: [FunnelStep], size: Size, theme: Theme, measurer: some TextMeasuring) -> Scene {
        let style = ChartStyle(theme: theme)
        var items = heading(title, style: style, theme: theme, width: size.width, measurer: measurer)
        let pad = style.padding
        let names = steps.map { fitted($0.name, 260, style.label, measurer) }
        let nameWidth = min(260, names.map { measurer.measure($0, font: style.label).width }.max() ?? 0) + 12
        let valueWidth = steps.map { measurer.measure(valueText($0), font: style.label).width }.max() ?? 0
        let top = pad + measurer.measure("Hg", font: style.title).height + 24
        let barArea = max(20, size.width - 2 * pad - nameWidth - valueWidth - 12)
        let rowHeight = min(56, (size.height - top - pad) / Double(max(1, steps.count)))
        let most = steps.map(\.count).max() ?? 0
        let color = theme.series[0]
        for (k, step) in steps.enumerated() {
            let y = top + Double(k) * rowHeight
            let barHeight = rowHeight * 0.6
            let length = most > 0 ? barArea * step.count / most : 0
            items.append(run(names[k], at: Point(x: pad, y: y + (barHeight - 14) / 2), style.label, theme.text, measurer))
            items.append(.rect(Rect(x: pad + nameWidth, y: y, width: barArea, height: barHeight), fill: theme.grid, stroke: nil, cornerRadius: 2))
            if length > 0 {
                items.append(.rect(Rect(x: pad + nameWidth, y: y, width: length, height: barHeight), fill: color, stroke: nil, cornerRadius: 2))
            }
            items.append(
                run(valueText(step), at: Point(x: pad + nameWidth + barArea + 12, y: y + (barHeight - 14) / 2), style.label, theme.text, measurer))
        }
        return Scene(
            size: size, background: theme.background, items: items, accessibleTitle: title,
            accessibleDescription: steps.map { "\($0.name): \(valueText($0))" }.joined(separator: "; "))
    }

    /// A headline number in full: `1,887`, `12.5`, `−3`; past ten million, compact (`12.3M`).
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if abs(value) >= 1e7 { return CompactNumber.format(value, step: abs(value) / 100) }
        let sign = value < 0 ? "\u{2212}" : ""
        let magnitude = abs(value)
        let whole = Int(magnitude.rounded(.down))
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let fraction = magnitude - Double(whole)
        let decimals =
            fraction < 0.005 ? "" : String(format: "%.2f", fraction).dropFirst().replacingOccurrences(of: "0$", with: "", options: .regularExpression)
        return sign + digits + grouped + decimals
    }

    /// `1,887 · 52.7 %`.
    static func valueText(_ step: FunnelStep) -> String {
        Self.number(step.count) + " · " + String(format: "%.1f %%", step.percent)
    }

    private static func heading(_ title: String, style: ChartStyle, theme: Theme, width: Double, measurer: some TextMeasuring) -> [SceneItem] {
        title.isEmpty
            ? []
            : [
                run(
                    fitted(title, width - 2 * style.padding, style.title, measurer), at: Point(x: style.padding, y: style.padding), style.title,
                    theme.text, measurer)
            ]
    }

    private static func run(_ text: String, at origin: Point, _ font: FontSpec, _ color: Color, _ measurer: some TextMeasuring) -> SceneItem {
        SceneText.run(text, at: origin, font, color, measurer)
    }

    private static func fitted(_ text: String, _ width: Double, _ font: FontSpec, _ measurer: some TextMeasuring) -> String {
        SceneText.fitted(text, width, font, measurer)
    }
}
