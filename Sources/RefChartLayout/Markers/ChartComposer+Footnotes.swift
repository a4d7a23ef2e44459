import RefChartCore

/// Badges under the plot and the footnote table below the chart.
extension ChartComposer {
    func badgeItems() -> [SceneItem] {
        var byNumber: [Int: Int] = [:]
        for marker in markers { if let number = marker.badge { byNumber[number] = marker.reference } }
        return badges.flatMap { badge -> [SceneItem] in
            let colors = Set(badge.numbers.compactMap { byNumber[$0] }.map(referenceColor))
            let fill = colors.count == 1 ? colors.first! : theme.mutedText
            let size = measure(badge.text, style.badge)
            let origin = Point(x: badge.box.midX - size.width / 2, y: badge.box.midY - size.height / 2)
            return [
                .rect(badge.box, fill: fill, stroke: nil, cornerRadius: badge.box.height / 2),
                .text(TextRun(text: badge.text, origin: origin, font: style.badge, color: theme.background)),
            ]
        }
    }

    func footnoteItems() -> [SceneItem] {
        footnotes.flatMap { row -> [SceneItem] in
            let members = row.markers.map { markers[$0].reference }
            let label = row.label
            let numberSize = measure(label, style.badge)
            let pill = Rect(x: row.box.minX, y: row.box.minY + 1, width: max(numberSize.width + 8, row.box.height - 2),
                            height: row.box.height - 2)
            let first = spec.references[members[0]]
            let last = spec.references[members[members.count - 1]]
            var date = FootnoteDate.format(first.date, calendar: calendar)
            var text = singleLine(first.title)
            if members.count == 1 {
                if let description = first.description.map(singleLine), !description.isEmpty { text += " — " + description }
            } else {
                date += " – " + FootnoteDate.format(last.date, calendar: calendar)
                text = "\(members.count) references: " + members.map { singleLine(spec.references[$0].title) }.joined(separator: "; ")
            }
            let dateSize = measure(date, style.footnote)
            let textLeft = pill.maxX + 6 + dateSize.width + 8
            let fitted = fitted(text, maxWidth: max(0, row.box.maxX - textLeft), font: style.footnote).text
            let textY = row.box.minY + (row.box.height - dateSize.height) / 2
            let colors = Set(members.map(referenceColor))
            return [
                .rect(pill, fill: colors.count == 1 ? colors.first! : theme.mutedText, stroke: nil, cornerRadius: pill.height / 2),
                .text(TextRun(text: label, origin: Point(x: pill.midX - numberSize.width / 2, y: pill.midY - numberSize.height / 2),
                              font: style.badge, color: theme.background)),
                .text(TextRun(text: date, origin: Point(x: pill.maxX + 6, y: textY), font: style.footnote, color: theme.mutedText)),
                .text(TextRun(text: fitted, origin: Point(x: textLeft, y: textY), font: style.footnote, color: theme.text)),
            ]
        }
    }
}
