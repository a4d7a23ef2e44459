import Foundation
import RefChartCore
import RefChartScene

/// Labels anywhere inside the plot where the series, as drawn at the final scale, leave room
/// (``FreeLabelPlacer``): the lanes above the plot keep only what does not fit inside, so the plot keeps its
/// height. Measured at 1200×600: a CO₂ series with 19 references kept 57 % of the image for the plot with 7
/// lanes above it; see the README for the figures on real charts.
extension LayoutPass {
    /// Up to this many references in the window, labels are placed freely (the scan is quadratic in labels;
    /// past ~55 labels their lines stop under the plot's top anyway, ``labelsHaveFullLines``).
    static var freeLabelLimit: Int { 80 }
    /// Up to this many, badged references may become labels inside the plot (each is measured).
    static var freeBadgeLimit: Int { 40 }

    /// Tries, from no lanes above the plot up to the lanes the layout has, to place every label inside the
    /// plot and the rest in that many lanes; keeps the first attempt that gives the data more height (or
    /// badges fewer references) and drops no label.
    mutating func placeLabelsFreely(labelWidth: Double) {
        guard spec.series.contains(where: { !$0.times.isEmpty }), markers.count <= Self.freeLabelLimit,
            markers.contains(where: { $0.lane != nil || $0.badge != nil })
        else { return }
        let base = self
        let badged = { (pass: Self) in pass.markers.reduce(0) { $0 + ($1.badge == nil ? 0 : 1) } }
        let outer = labelsAtBottom ? 0 : lanes
        var k = 0
        while k <= outer {
            // As the data stands, then, with no lanes above, with one more value step of headroom (room at the
            // plot's top where the data reaches it: an 800×400 chart whose line came near its top kept four
            // lanes above it). Only there: each attempt is a layout, ~1 ms at 1M rows.
            var next = k + 1
            for headroom in k == 0 ? [0, 1] : [0] {
                switch base.freeAttempt(outerLanes: k, labelWidth: labelWidth, headroom: headroom) {
                case .settled(let attempt):
                    let better =
                        attempt.dataHeight > base.dataHeight + 1 || (badged(attempt) < badged(base) && attempt.dataHeight >= base.dataHeight - 1)
                    if badged(attempt) <= badged(base) && better {
                        self = attempt
                        return
                    }
                case .needsLanes(let needed):
                    // Fewer lanes would not do either (a plot less tall holds no fewer labels, as a rule): at 1M
                    // rows and 40 references, trying each count took 30 ms.
                    next = headroom == 0 ? max(k + 1, needed) : min(next, max(k + 1, needed))
                case .failed:
                    break
                }
            }
            k = next
        }
    }

    /// How an attempt at `k` lanes above the plot ended.
    private enum FreeOutcome {
        case settled(LayoutPass)
        /// The labels that did not fit inside need this many lanes.
        case needsLanes(Int)
        case failed
    }

    /// This layout with its labels inside the plot where they fit and in `k` lanes above it otherwise;
    /// `nil` when a label would be lost, the lanes come out other than `k`, or the layout does not settle.
    private func freeAttempt(outerLanes k: Int, labelWidth: Double, headroom: Int) -> FreeOutcome {
        var pass = self
        (pass.labelsAtBottom, pass.headroomSteps, pass.dataFloor, pass.rightDataFloor) = (false, headroom, nil, nil)
        let candidates = freeCandidates()
        guard !candidates.isEmpty else { return .failed }
        // Every label starts inside the plot; the geometry then settles with the places the labels take.
        for c in candidates where c.isLabel { pass.markers[c.marker].lane = k }
        pass.lanes = k
        var distributedOn: Rect?
        for _ in 0..<4 {
            pass.placeVertically()
            guard pass.valueLabelWidth(plotHeight: pass.plot.height) <= labelWidth, pass.rightLabelWidth <= rightLabelWidth else {
                return .failed
            }
            pass.yScale = pass.valueScale()
            // The same plot has the same ticks: the labels were placed on this very occupancy map.
            if distributedOn == pass.plot { return pass.labelsHaveFullLines ? .settled(pass) : .failed }
            distributedOn = pass.plot
            let lanesNeeded = pass.distribute(candidates, from: markers, outerLanes: k)
            guard lanesNeeded == k else { return lanesNeeded.map(FreeOutcome.needsLanes) ?? .failed }
            pass.renumberFootnotes()
        }
        return .failed
    }

    /// The labels to place (every labelled reference, then badges whose whole title fits a label), by
    /// priority and then in time order, with their sizes.
    private func freeCandidates() -> [FreeCandidate] {
        var labels: [FreeCandidate] = []
        var badges: [FreeCandidate] = []
        let maxWidth = context.maxLabelWidth(plotWidth: xScale.range.upperBound - xScale.range.lowerBound)
        for (k, marker) in markers.enumerated() where !marker.bandOnly {
            let labelled = marker.lane != nil
            guard labelled || (marker.badge != nil && markers.count <= Self.freeBadgeLimit && context.competes(marker.reference)) else { continue }
            // The whole title, where the layout so far had to cut it or badge it.
            var options: [FreeCandidate.Option] = []
            if !labelled || marker.truncated {
                let fitted = context.fitted(context.labelTitle(marker.reference), maxWidth: maxWidth, font: style.label)
                if !fitted.truncated {
                    var size = measure(fitted.text, style.label)
                    let titleWidth = size.width
                    size.width += context.impactWidth(marker.reference)
                    options.append(FreeCandidate.Option(text: fitted.text, size: size, titleWidth: titleWidth))
                }
            }
            if labelled { options.append(FreeCandidate.Option(text: nil, size: marker.size, titleWidth: marker.titleWidth)) }
            guard !options.isEmpty else { continue }
            let candidate = FreeCandidate(marker: k, isLabel: labelled, options: options, natural: marker.left - marker.shift)
            if labelled { labels.append(candidate) } else { badges.append(candidate) }
        }
        let priority = { (c: FreeCandidate) in spec.references[markers[c.marker].reference].priority ?? 0 }
        let ordered = { (list: [FreeCandidate]) in
            list.enumerated().sorted { a, b in
                priority(a.element) != priority(b.element) ? priority(a.element) > priority(b.element) : a.offset < b.offset
            }.map(\.element)
        }
        return ordered(labels) + ordered(badges)
    }

    /// Places the candidates on the plot as it stands: inside it where the series leave room, the labels
    /// that do not fit in lanes above it (time order, the ladder's rules), badges that do not fit stay
    /// badges. The lanes the labels outside took (the layout is this pass's only when that is `k`), or `nil`
    /// when a label found no place at all.
    private mutating func distribute(_ candidates: [FreeCandidate], from original: [MarkerPlan], outerLanes k: Int) -> Int? {
        for c in candidates { markers[c.marker] = original[c.marker] }
        var grid = OccupancyGrid(bounds: plot)
        for item in seriesItems() { grid.mark(item) }
        grid.seal()
        let rug = markers.count > Self.fewMarkers && markers.contains { $0.badge != nil } ? Self.rugHeight : 0
        let area = Rect(x: plot.minX + 2, y: plot.minY + 2, width: plot.width - 4, height: plot.height - 4 - rug)
        let isLabel = Set(candidates.filter(\.isLabel).map(\.marker))
        // Lines through the whole plot: those of labels in lanes above it. A label that finds no place inside
        // adds its line and the placing starts again (it ends: the set only grows). A badge's line starts under
        // any label across it, so a badge adds none.
        func placeInside(_ order: [FreeCandidate]) -> FreeLabelPlacer {
            var through = Set<Int>()
            while true {
                var placer = FreeLabelPlacer(grid: grid, area: area, offset: style.labelOffset)
                placer.fullLines = through.map { markers[$0].x }.sorted()
                let unplaced = placer.place(
                    order.filter { !through.contains($0.marker) }.map {
                        FreeLabelPlacer.Candidate(marker: $0.marker, x: markers[$0.marker].x, sizes: $0.options.map(\.size))
                    })
                let grown = through.union(unplaced.filter(isLabel.contains))
                if grown == through { return placer }
                through = grown
            }
        }
        // Labels and badges in time order, by priority first; then right to left (a label placed first to
        // the right of its line can strand the reference after it at the plot's right edge), and labels
        // before badges (a badge may take the place a label needed). The placing with the fewest labels
        // outside wins, then the fewest badges, then the highest labels.
        func priority(_ c: FreeCandidate) -> Double { spec.references[markers[c.marker].reference].priority ?? 0 }
        let timeOrder = candidates.sorted { priority($0) != priority($1) ? priority($0) > priority($1) : $0.marker < $1.marker }
        let reversed = candidates.sorted { priority($0) != priority($1) ? priority($0) > priority($1) : $0.marker > $1.marker }
        func cost(_ placer: FreeLabelPlacer) -> (Int, Int, Double) {
            let labelsOutside = isLabel.filter { placer.placed[$0] == nil }.count
            return (labelsOutside, candidates.count - placer.placed.count, placer.placed.values.reduce(0) { $0 + $1.box.minY })
        }
        var placer = placeInside(timeOrder)
        for order in [reversed, candidates] where cost(placer).0 + cost(placer).1 > 0 {
            let other = placeInside(order)
            if cost(other) < cost(placer) { placer = other }
        }
        // The labels that did not fit inside, in lanes above the plot.
        var assigner = LaneAssigner(budget: context.laneBudget)
        for c in candidates.sorted(by: { $0.marker < $1.marker }) where isLabel.contains(c.marker) && placer.placed[c.marker] == nil {
            let span = c.natural...(c.natural + markers[c.marker].size.width)
            guard
                let placement = assigner.place(
                    span: span, lineX: markers[c.marker].x, maxShift: style.maxShift, rightLimit: width - style.padding)
            else { return nil }
            (markers[c.marker].lane, markers[c.marker].shift, markers[c.marker].left) = (placement.lane, placement.shift, c.natural + placement.shift)
            (markers[c.marker].freeTop, markers[c.marker].freeLineTop) = (nil, nil)
        }
        guard assigner.lanesUsed == k else { return assigner.lanesUsed }
        for c in candidates {
            guard let spot = placer.placed[c.marker] else { continue }
            var marker = markers[c.marker]
            let option = c.options[spot.option]
            if let text = option.text {
                // A whole title: a badge become a label, or a label no longer cut.
                (marker.text, marker.truncated, marker.badge, marker.footnote) = (text, false, nil, nil)
                marker.impactText = impacts[marker.reference]?.text
            }
            (marker.size, marker.titleWidth, marker.left, marker.shift) = (option.size, option.titleWidth, spot.box.minX, 0)
            (marker.lane, marker.freeTop, marker.freeLineTop) = (k, spot.box.minY - style.lanePadding / 2, spot.lineTop)
            markers[c.marker] = marker
        }
        return k
    }

    /// Footnote numbers 1, 2, 3… in time order again, after badges became labels; a cut label's superscript
    /// follows its number.
    private mutating func renumberFootnotes() {
        var number = 0
        for k in markers.indices where markers[k].footnoteNumber != nil {
            number += 1
            if markers[k].badge != nil {
                markers[k].badge = number
            } else if let old = markers[k].footnote, old != number {
                let suffix = LabelText.superscript(old)
                let title = markers[k].text.hasSuffix(suffix) ? String(markers[k].text.dropLast(suffix.count)) : markers[k].text
                markers[k].text = title + LabelText.superscript(number)
                markers[k].footnote = number
                let width = measure(markers[k].text, style.label).width
                markers[k].size.width += width - markers[k].titleWidth
                markers[k].titleWidth = width
            }
        }
    }
}

/// A label on its way into the plot: its marker, and what it may show there, best first.
struct FreeCandidate {
    /// A label's text and size.
    struct Option {
        /// The whole title (a badge's, or a cut label's); `nil` for the label's own text as it stands.
        var text: String?
        var size: Size
        var titleWidth: Double
    }

    var marker: Int
    /// Whether the reference has a label (it must keep one, inside or above the plot); else it is a badge.
    var isLabel: Bool
    var options: [Option]
    /// Its label's left edge in a lane above the plot, unshifted.
    var natural: Double
}
