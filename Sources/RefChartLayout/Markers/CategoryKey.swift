import RefChartCore
import RefChartScene

/// One entry of the category key under the plot: a colour swatch and `category (count)`.
struct CategoryKeyEntry {
    var text: String
    var color: Color
    var width: Double
}

extension LayoutPass {
    /// The key's entries, in order of first appearance, flowed into rows of at most `width`; empty when no
    /// in-range reference has a category. Uncategorised references, when some others have one, get their
    /// own entry in the muted colour.
    func categoryKeyRows(width: Double) -> [[CategoryKeyEntry]] {
        var counts: [String: Int] = [:]
        var uncategorised = 0
        for index in inRange {
            if let category = spec.references[index].category { counts[category, default: 0] += 1 } else { uncategorised += 1 }
        }
        guard !counts.isEmpty else { return [] }
        var entries = context.categorySlots.sorted { $0.value < $1.value }.compactMap { category, slot -> CategoryKeyEntry? in
            guard let count = counts[category] else { return nil }
            return entry("\(category) (\(count))", color: keyColor(category, slot: slot))
        }
        if uncategorised > 0 { entries.append(entry("no category (\(uncategorised))", color: theme.mutedText)) }
        var rows: [[CategoryKeyEntry]] = [[]]
        var used = 0.0
        for entry in entries {
            if used > 0, used + entry.width > width {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append(entry)
            used += entry.width + 16
        }
        return rows
    }

    /// The colour a category's references are drawn in: their explicit `color` when they all give the same
    /// one, else the category's palette colour.
    private func keyColor(_ category: String, slot: Int) -> Color {
        let own = Set(inRange.lazy.filter { spec.references[$0].category == category }.map { spec.references[$0].color })
        if own.count == 1, let hex = own.first!, let color = Color(rgbHex: hex) { return color }
        return context.referencePalette[slot % context.referencePalette.count]
    }

    private func entry(_ text: String, color: Color) -> CategoryKeyEntry {
        CategoryKeyEntry(text: text, color: color, width: 14 + measure(text, style.caption).width)
    }

    /// The key's swatches and texts.
    func categoryKeyItems() -> [SceneItem] {
        geometry.keyRows.enumerated().flatMap { row, entries -> [SceneItem] in
            let y = geometry.keyTop + Double(row) * geometry.keyRowHeight
            var x = geometry.keyLeft
            return entries.flatMap { entry -> [SceneItem] in
                let textHeight = measure(entry.text, style.caption).height
                defer { x += entry.width + 16 }
                return [
                    .rect(Rect(x: x, y: y + (textHeight - 9) / 2, width: 9, height: 9), fill: entry.color, stroke: nil, cornerRadius: 2),
                    .text(context.textRun(text: entry.text, origin: Point(x: x + 14, y: y), font: style.caption, color: theme.text)),
                ]
            }
        }
    }
}
