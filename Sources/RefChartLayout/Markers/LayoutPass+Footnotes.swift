import RefChartCore
import RefChartScene

/// Badges under the plot and the footnote table below the chart.
extension LayoutPass {
    /// The footnote table's rows, by ``FootnoteMode``: one per numbered reference (`auto` up to the
    /// maximum height, `all` always), grouped by badge cluster to keep the requested height (`grouped`),
    /// or none. When `auto` must group, `geometry.footnoteNote` says where the full list is.
    func footnoteGroups(clusters: [[Int]], geometry g: inout VerticalGeometry) -> [[(number: Int, marker: Int)]] {
        let numbered = markers.indices.compactMap { k in markers[k].footnoteNumber.map { (number: $0, marker: k) } }
            .sorted { $0.number < $1.number }
        guard !numbered.isEmpty else { return [] }
        switch spec.footnotes {
        case .none:
            return []
        case .all:
            return numbered.map { [$0] }
        case .grouped:
            let maxRows = max(4, Int(spec.size.height * style.footnoteHeightFraction / g.footnoteRowHeight))
            return FootnoteRow.group(numbered, clusters: clusters, capacity: maxRows * g.footnoteColumns)
        case .auto where spec.pageHeight != nil:
            return numbered.map { [$0] }  // pages hold every row
        case .auto:
            let limit = max(spec.maxHeight ?? 4 * spec.size.height, spec.size.height)
            let rows = Int((limit - spec.size.height - 10) / g.footnoteRowHeight)
            if numbered.count <= rows * g.footnoteColumns { return numbered.map { [$0] } }
            let capacity = max(1, rows - 1) * g.footnoteColumns  // one row for the note
            let where_ = spec.footnotesFile.map { "in \($0)" } ?? "with --footnotes all, --footnotes-file or the layout report"
            g.footnoteNote = "\(numbered.count) footnotes share rows to fit the image; every reference is listed \(where_)"
            return FootnoteRow.chunk(numbered, capacity: capacity)
        }
    }

    func badgeItems() -> [SceneItem] {
        var byNumber: [Int: Int] = [:]
        for marker in markers { if let number = marker.badge { byNumber[number] = marker.reference } }
        let numbers = context.numberWidths
        return badges.flatMap { badge -> [SceneItem] in
            let colors = Set(badge.numbers.compactMap { byNumber[$0] }.map(context.referenceColor))
            let fill = colors.count == 1 ? colors.first! : theme.mutedText
            let size = numbers.size(badge.text)
            let origin = Point(x: badge.box.midX - size.width / 2, y: badge.box.midY - size.height / 2)
            return [
                .rect(badge.box, fill: fill, stroke: nil, cornerRadius: badge.box.height / 2),
                .text(context.textRun(text: badge.text, origin: origin, font: style.badge, color: theme.background, size: size)),
            ]
        }
    }

    func footnoteItems() -> [SceneItem] {
        var items: [SceneItem] = []
        if let note = geometry.footnoteNote, let last = footnotes.map(\.box.maxY).max() {
            let text = context.fitted(note, maxWidth: width - 2 * style.padding, font: style.footnote).text
            items.append(
                .text(context.textRun(text: text, origin: Point(x: style.padding, y: last + 2), font: style.footnote, color: theme.mutedText)))
        }
        let numbers = context.numberWidths
        let dates = metrics.summedWidths(style.footnote)
        return items
            + footnotes.flatMap { row -> [SceneItem] in
                let members = row.markers.map { markers[$0].reference }
                let label = row.label
                let numberSize = numbers.size(label)
                let pill = Rect(
                    x: row.box.minX, y: row.box.minY + 1, width: max(numberSize.width + 8, row.box.height - 2),
                    height: row.box.height - 2)
                let first = spec.references[members[0]]
                let last = spec.references[members[members.count - 1]]
                var date = FootnoteDate.format(first.date, calendar: calendar)
                var text = titles[members[0]]
                if members.count == 1 {
                    if let impact = impacts[members[0]]?.text { text += " (\(impact) over \(spec.impact?.text ?? ""))" }
                    if let description = first.description.map(LabelText.singleLine), !description.isEmpty { text += " — " + description }
                } else {
                    date += " – " + FootnoteDate.format(last.date, calendar: calendar)
                    text = "\(members.count) references: " + members.map { titles[$0] }.joined(separator: "; ")
                }
                let dateSize = dates.size(date)
                let textLeft = pill.maxX + 6 + dateSize.width + 8
                let fitted = context.fitted(text, maxWidth: max(0, row.box.maxX - textLeft), font: style.footnote).text
                let textY = row.box.minY + (row.box.height - dateSize.height) / 2
                let colors = Set(members.map(context.referenceColor))
                return [
                    .rect(pill, fill: colors.count == 1 ? colors.first! : theme.mutedText, stroke: nil, cornerRadius: pill.height / 2),
                    .text(
                        context.textRun(
                            text: label, origin: Point(x: pill.midX - numberSize.width / 2, y: pill.midY - numberSize.height / 2),
                            font: style.badge, color: theme.background, size: numberSize)),
                    .text(
                        context.textRun(
                            text: date, origin: Point(x: pill.maxX + 6, y: textY), font: style.footnote, color: theme.mutedText, size: dateSize)),
                    .text(context.textRun(text: fitted, origin: Point(x: textLeft, y: textY), font: style.footnote, color: theme.text)),
                ]
            }
    }
}
