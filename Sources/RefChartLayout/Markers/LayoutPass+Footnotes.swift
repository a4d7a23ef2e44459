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
            let rows = footnoteRowLimit(rowHeight: g.footnoteRowHeight)
            if numbered.count <= rows * g.footnoteColumns { return numbered.map { [$0] } }
            let capacity = max(1, rows - 1) * g.footnoteColumns  // one row for the note
            let where_ = spec.footnotesFile.map { "in \($0)" } ?? "with --footnotes all, --footnotes-file or the layout report"
            g.footnoteNote = "\(numbered.count) footnotes share rows to fit the image; every reference is listed \(where_)"
            return FootnoteRow.chunk(numbered, capacity: capacity)
        }
    }

    /// How many footnote lines `auto` may add before the image passes its maximum height.
    func footnoteRowLimit(rowHeight: Double) -> Int {
        let limit = max(spec.maxHeight ?? 4 * spec.size.height, spec.size.height)
        return Int((limit - spec.size.height - 10) / rowHeight)
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

    /// A footnote row's date and text: one reference's date and title (its impact number and description
    /// after it), or a group's date range, count and titles.
    func footnoteText(_ members: [Int]) -> (date: String, text: String) {
        let first = spec.references[members[0]]
        var date = FootnoteDate.format(first.date, calendar: calendar)
        var text = titles[members[0]]
        if members.count == 1 {
            if let impact = impacts[members[0]]?.text { text += " (\(impact) over \(spec.impact?.text ?? ""))" }
            if let description = first.description.map(LabelText.singleLine), !description.isEmpty { text += " — " + description }
        } else {
            date += " – " + FootnoteDate.format(spec.references[members[members.count - 1]].date, calendar: calendar)
            text = "\(members.count) references: " + members.map { titles[$0] }.joined(separator: "; ")
        }
        return (date, text)
    }

    /// Where a row's text starts, from the row's left edge: after its number pill and its date.
    private func footnoteTextOffset(label: String, date: String, rowHeight: Double) -> Double {
        footnotePillWidth(label: label, rowHeight: rowHeight) + 6 + metrics.summedWidths(style.footnote).size(date).width + 8
    }

    /// A row's number pill: its label with room either side, at least round.
    private func footnotePillWidth(label: String, rowHeight: Double) -> Double {
        max(context.numberWidths.size(label).width + 8, rowHeight - 2)
    }

    /// The most lines a footnote row wraps to; a title longer still is cut there with an ellipsis.
    static var footnoteMaxLines: Int { 4 }

    /// How many lines a row of `group` needs in a column `width` wide: as many as one reference's text
    /// takes wrapped at spaces (up to ``footnoteMaxLines``: the title wraps rather than being cut), else one
    /// (a group's row is a summary; its references are each listed with `--footnotes all`).
    func footnoteLines(_ group: [(number: Int, marker: Int)], width: Double, rowHeight: Double) -> Int {
        guard group.count == 1 else { return 1 }
        let (date, text) = footnoteText([markers[group[0].marker].reference])
        let room = width - footnoteTextOffset(label: FootnoteRow.label([group[0].number]), date: date, rowHeight: rowHeight)
        guard measure(text, style.footnote).width > room else { return 1 }
        return wrapped(text, width: room, lines: Self.footnoteMaxLines).count
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
        let rowHeight = geometry.footnoteRowHeight
        return items
            + footnotes.flatMap { row -> [SceneItem] in
                let members = row.markers.map { markers[$0].reference }
                let label = row.label
                let numberSize = numbers.size(label)
                let pill = Rect(
                    x: row.box.minX, y: row.box.minY + 1, width: footnotePillWidth(label: label, rowHeight: rowHeight), height: rowHeight - 2)
                let (date, text) = footnoteText(members)
                let dateSize = dates.size(date)
                let textLeft = row.box.minX + footnoteTextOffset(label: label, date: date, rowHeight: rowHeight)
                let room = max(0, row.box.maxX - textLeft)
                let textY = row.box.minY + (rowHeight - dateSize.height) / 2
                let colors = Set(members.map(context.referenceColor))
                var items: [SceneItem] = [
                    .rect(pill, fill: colors.count == 1 ? colors.first! : theme.mutedText, stroke: nil, cornerRadius: pill.height / 2),
                    .text(
                        context.textRun(
                            text: label, origin: Point(x: pill.midX - numberSize.width / 2, y: pill.midY - numberSize.height / 2),
                            font: style.badge, color: theme.background, size: numberSize)),
                    .text(
                        context.textRun(
                            text: date, origin: Point(x: pill.maxX + 6, y: textY), font: style.footnote, color: theme.mutedText, size: dateSize)),
                ]
                let lineCount = max(1, Int((row.box.height / rowHeight).rounded()))
                let lines =
                    lineCount > 1
                    ? wrapped(text, width: room, lines: lineCount)
                    // (A text the layout measured, ``footnoteLines``, fits from the cache.)
                    : [context.fitted(text, maxWidth: room, font: style.footnote).text]
                for (k, line) in lines.enumerated() {
                    items.append(
                        .text(
                            context.textRun(
                                text: line, origin: Point(x: textLeft, y: textY + Double(k) * rowHeight), font: style.footnote, color: theme.text)))
                }
                return items
            }
    }

    /// `text` on at most `lines` lines `width` wide (``TextMetrics/wrapped(_:maxWidth:font:lines:)``).
    private func wrapped(_ text: String, width: Double, lines: Int) -> [String] {
        metrics.wrapped(text, maxWidth: width, font: style.footnote, lines: lines)
    }
}
