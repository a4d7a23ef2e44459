import Foundation
import RefChartCore
import RefChartScene

/// The layout report: one entry per reference, in input order.
extension LayoutPass {
    func report() -> LayoutReport {
        var entries: [LayoutReport.Entry] = spec.references.map { reference in
            LayoutReport.Entry(
                id: reference.id, title: reference.title,
                date: ISO8601.string(fromSeconds: reference.date.timeIntervalSince1970, fractionalSeconds: false),
                x: nil, state: .outOfRange, lane: nil, shifted: false, truncated: false, badge: nil, footnote: nil,
                box: nil, impact: nil)
        }
        var badgeBoxes: [Int: Rect] = [:]
        for badge in badges { for number in badge.numbers { badgeBoxes[number] = badge.box } }
        // Each entry filled in place (copying it out and back retained and released its strings).
        func fill(_ entry: inout LayoutReport.Entry, from marker: MarkerPlan) {
            entry.x = marker.x
            entry.impact = impacts[marker.reference]
            let missing = metrics.missingCharacters(titles[marker.reference], style.label)
            entry.missingGlyphs = missing.isEmpty ? nil : missing
            entry.truncated = marker.truncated
            entry.shifted = marker.shift > 0
            entry.footnote = marker.footnoteNumber
            if let lane = marker.lane {
                entry.state = .label
                entry.lane = lane
                entry.box = LayoutReport.Box(
                    x: marker.left, y: labelTop(marker) + style.lanePadding / 2, width: marker.size.width,
                    height: marker.size.height)
            } else if marker.bandOnly {
                entry.state = .band
            } else if let number = marker.badge {
                entry.state = .badge
                entry.badge = number
                entry.box = badgeBoxes[number].map(LayoutReport.Box.init)
            }
        }
        for marker in markers { fill(&entries[marker.reference], from: marker) }
        return LayoutReport(
            width: width, height: height, plot: LayoutReport.Box(plot), lanes: lanes, references: entries,
            footnotes: footnotes.flatMap { row in row.numbers.map { LayoutReport.Footnote(badge: $0, box: LayoutReport.Box(row.box)) } },
            outOfRange: LayoutReport.OutOfRange(before: before, after: after),
            missingGlyphs: chartMissingGlyphs())
    }

    private func chartMissingGlyphs() -> String? {
        let missing = metrics.missingCharacters(
            LabelText.singleLine(spec.title) + spec.series.map { LabelText.singleLine($0.name) }.joined(), style.title)
        return missing.isEmpty ? nil : missing
    }
}
