package import RefChartScene

/// Numbered badges on a row under the plot, for references whose labels did not fit.
///
/// A badge sits under its marker. Badges that would touch merge into one cluster badge showing the
/// range of numbers (`4–7`), centred under its members; the footnote table lists every member.
package enum BadgeRow {
    /// One badge (or cluster badge) on the row.
    package struct Badge: Sendable, Hashable {
        /// The footnote numbers it stands for, ascending.
        package var numbers: [Int]
        /// The text drawn in it.
        package var text: String
        package var box: Rect
    }

    /// Lays out badges for markers at `xs` (ascending) with footnote `numbers`, merging any that touch.
    /// - Parameters:
    ///   - width: The width of the text naming some numbers (``FootnoteRow/label(_:)``): each merge asks it, and
    ///     only the badges left at the end get their text (9,800 labels written for nothing at 5,000).
    ///   - limits: The horizontal extent badges must stay within.
    package static func layout(
        xs: [Double], numbers: [Int], top: Double, height: Double, gap: Double = 3,
        limits: ClosedRange<Double>, width: ([Int]) -> Double
    ) -> [Badge] {
        var badges: [Badge] = []
        // Each badge's members' smallest and largest x: merging is O(1) per merge, not a copy of the
        // members (5,000 badges merging into a few clusters was quadratic).
        var extents: [(low: Double, high: Double)] = []
        for (k, x) in xs.enumerated() {
            badges.append(makeBadge(numbers: [numbers[k]], low: x, high: x, top: top, height: height, limits: limits, width: width))
            extents.append((x, x))
            // Merge backwards while the newest badge touches its left neighbour.
            while badges.count > 1, badges[badges.count - 2].box.maxX + gap > badges[badges.count - 1].box.minX {
                let right = badges.removeLast()
                var numbers = badges.removeLast().numbers
                numbers += right.numbers  // in place: the left cluster's array is the one that grows
                let rightExtent = extents.removeLast()
                let leftExtent = extents.removeLast()
                let merged = (min(leftExtent.low, rightExtent.low), max(leftExtent.high, rightExtent.high))
                badges.append(
                    makeBadge(
                        numbers: numbers, low: merged.0, high: merged.1, top: top, height: height, limits: limits, width: width))
                extents.append(merged)
            }
        }
        for k in badges.indices { badges[k].text = FootnoteRow.label(badges[k].numbers) }
        return badges
    }

    private static func makeBadge(
        numbers: [Int], low: Double, high: Double, top: Double, height: Double, limits: ClosedRange<Double>,
        width: ([Int]) -> Double
    ) -> Badge {
        let w = max(height, width(numbers) + height * 0.6)
        let center = (low + high) / 2
        let x = min(max(center - w / 2, limits.lowerBound), limits.upperBound - w)
        return Badge(numbers: numbers, text: "", box: Rect(x: x, y: top, width: w, height: height))
    }
}
