import Foundation
import RefChartCore

/// Reference markers: x positions, label text, lanes, and badge numbers for labels that did not fit.
extension ChartComposer {
    /// The label height plus padding: one lane.
    var laneHeight: Double { measure("Hg", style.label).height + style.lanePadding }

    /// How many lanes the chart can spare: up to 30 % of the requested height left after title and axes, 1 to 8.
    /// (Of the requested height: the image's own grows with the footnote table, and a budget taken from it
    /// gave later passes of one layout more lanes than its first.)
    var laneBudget: Int {
        let fixed = 2 * style.padding + 40 + 60
        let available = max(0, spec.size.height - fixed) * 0.3
        return min(8, max(1, Int(available / laneHeight)))
    }

    /// Runs every in-range reference down the label ladder: a lane, a lane with a small shift, an
    /// ellipsis for long titles (full title in the footnotes), and a numbered badge when nothing fits.
    ///
    /// References go in clusters: runs whose labels would cover the next one's line, so their labels form
    /// a staircase. Where the data leaves room, a whole cluster goes inside the plot's top (lanes there
    /// cost no height); a cluster that does not fit there whole goes above the plot, so one label inside
    /// never strands its neighbours.
    mutating func placeMarkers() {
        let budget = labelsAtBottom ? 0 : laneBudget
        var (markers, lanes, record) = markerPlans(budget: budget)
        if let record { markerReplay = record }
        // Lanes inside the plot follow the ones in use above it.
        for k in markers.indices { if let lane = markers[k].lane, lane >= budget { markers[k].lane = lanes + lane - budget } }
        (self.markers, self.lanes) = (markers, lanes)
    }

    /// The ladder of ``placeMarkers()``, with the plot's lanes numbered after the `budget` above it; the number
    /// of lanes above the plot in use. Not mutating: a mutating method's nested functions reach `self` inout,
    /// and each call of a method from one copied the whole composer (50,000 copies, 0.1 G instructions, at
    /// 5,000 references). A pass without room inside the plot also returns its record (``MarkerReplay``).
    private func markerPlans(budget: Int) -> (markers: [MarkerPlan], lanes: Int, record: MarkerReplay?) {
        let room = DataRoom(composer: self)
        var assigner = LaneAssigner(budget: budget, inPlot: room?.lanes ?? 0)
        var number = 0
        var markers: [MarkerPlan] = []
        var lastCluster: [Int] = []
        var clusterRight = -Double.infinity
        var record = room == nil ? MarkerReplay(budget: budget, xScale: xScale) : nil
        // Replayed until a cluster goes inside the plot.
        var replay = room == nil || !replaysMarkers ? nil : markerReplay.flatMap { $0.matches(budget: budget, xScale: xScale) ? $0 : nil }
        var cluster = 0
        func flush() {
            defer {
                lastCluster = []
                cluster += 1
                record?.checkpoints.append((markers.count, assigner, number))
            }
            if let room, !lastCluster.isEmpty {
                var trial = assigner
                var trialNumber = number
                var placed: [MarkerPlan] = []
                // The first label that does not fit ends the trial (at 5,000 references the whole run is one
                // cluster: trying every label inside the plot cost 5,000 label attempts per layout).
                for index in lastCluster {
                    guard let plan = label(index, assigner: &trial, number: &trialNumber, room: room) else { break }
                    placed.append(plan)
                }
                if placed.count == lastCluster.count {
                    (assigner, number) = (trial, trialNumber)
                    markers += placed
                    replay = nil
                    return
                }
            }
            if let room, let replay {
                let checkpoint = replay.checkpoints[cluster]
                markers += replay.markers[markers.count..<checkpoint.markers]
                (assigner, number) = (checkpoint.assigner.addingLanesInPlot(room.lanes), checkpoint.number)
                return
            }
            for index in lastCluster {
                markers.append(label(index, assigner: &assigner, number: &number, room: nil) ?? badge(index, number: &number))
            }
        }
        // The cluster's right edge counts each label's width, measured only when a gap asks for it and the
        // label could reach past the edge known so far: at 5,000 references the markers stand closer than
        // any label is wide, so hardly a title is measured here (a Pango layout each, 0.75 G instructions).
        var unmeasured: [(x: Double, index: Int)] = []
        func measureCluster() {
            for (x, index) in unmeasured where x + style.labelOffset + maxLabelWidth > clusterRight {
                clusterRight = max(clusterRight, x + style.labelOffset + min(maxLabelWidth, measure(titles[index], style.label).width))
            }
            unmeasured = []
        }
        for index in inRange {
            let x = markerX(index)
            if x > clusterRight + 6 {
                measureCluster()
                if x > clusterRight + 6 { flush() }
            }
            lastCluster.append(index)
            unmeasured.append((x, index))
            clusterRight = max(clusterRight, x + style.labelOffset)
        }
        flush()
        record?.markers = markers
        return (markers, assigner.lanesUsed, record)
    }

    /// The widest a label may be before it ends in an ellipsis.
    private var maxLabelWidth: Double {
        min(style.maxLabelWidth, (xScale.range.upperBound - xScale.range.lowerBound) * style.maxLabelFraction)
    }

    private func markerX(_ index: Int) -> Double {
        clampToPlot(xScale(spec.references[index].date.timeIntervalSince1970))
    }

    /// The reference's label in a lane: inside the plot when `room` is given (only there), else above it.
    /// `number` counts footnote numbers; a cut label takes the next one.
    private func label(_ index: Int, assigner: inout LaneAssigner, number: inout Int, room: DataRoom?) -> MarkerPlan? {
        let x = markerX(index)
        let endX = spec.references[index].end.map { clampToPlot(xScale($0.timeIntervalSince1970)) }
        let title = titles[index]
        let leftLimit = style.padding
        let rightLimit = width - style.padding
        // Candidates in the ladder's order: right of the line (ellipsis past the maximum width); left of
        // it when the right side is too narrow; right of it, cut to the room left before the edge.
        let right = x + style.labelOffset
        // Where not even an empty label has a lane, at either side of the line, no label has: skip measuring
        // (every candidate's span holds one of these points, and a lane that takes a span takes a point in it).
        let inPlot = { (lane: Int, span: ClosedRange<Double>) in room?.fits(lane: lane, span: span) ?? false }
        /// Whether a lane takes a label spanning `span` (claiming nothing).
        func laneTakes(_ span: ClosedRange<Double>) -> Bool {
            assigner.canPlace(
                span: span, lineX: x, maxShift: style.maxShift, rightLimit: rightLimit, abovePlot: room == nil, roomInPlot: inPlot)
        }
        guard [right, max(leftLimit, x - style.labelOffset)].contains(where: { laneTakes($0...$0) }) else { return nil }
        let impactText = impacts[index]?.text
        let impactWidth = impactText.map { measure($0, style.label).width + 4 } ?? 0
        func attempt(_ text: String, truncated: Bool, left: Double) -> MarkerPlan? {
            let text = text + (truncated ? Self.superscript(number + 1) : "")
            var size = measure(text, style.label)
            let titleWidth = size.width
            size.width += impactWidth
            guard let placement = assigner.place(
                span: left...(left + size.width), lineX: x, maxShift: style.maxShift, rightLimit: rightLimit,
                abovePlot: room == nil, roomInPlot: inPlot)
            else { return nil }
            if truncated { number += 1 }
            var plan = MarkerPlan(
                reference: index, x: x, endX: endX, text: text, truncated: truncated, size: size,
                left: left + placement.shift, lane: placement.lane, shift: placement.shift, footnote: truncated ? number : nil)
            plan.impactText = impactText
            plan.titleWidth = titleWidth
            return plan
        }
        func superscriptWidth() -> Double { measure(Self.superscript(number + 1), style.label).width }
        /// Whether a cut label right of the line may find a lane: room for the shortest worth drawing, and a
        /// lane for the narrowest a cut can be (its ellipsis and number, a pixel given for kerning).
        func cutFits() -> Bool {
            let least = measure("…", style.label).width + superscriptWidth() + impactWidth - 1
            return rightLimit - right - superscriptWidth() - impactWidth >= style.minimumLabelWidth
                && laneTakes(right...(right + max(0, least)))
        }
        // Measure only what can become a label: a title too wide for the room right of its line, with no lane
        // for it left of the line nor for a cut, is a badge whatever its exact width. Known from a lower bound
        // of its width — four fifths of its characters' widths summed (kerning takes a few per cent) — without
        // shaping it: at 5,000 references, the 220 titles near the right edge of every layout.
        if let sum = measureCache.summedWidths(style.label, measure: measuring).asciiSum(title) {
            let least = max(0, min(0.8 * sum, maxLabelWidth - 2 * style.label.size)) + impactWidth
            let leftEdge = max(leftLimit, x - style.labelOffset - least)
            if right + least > rightLimit, !laneTakes(leftEdge...(leftEdge + least)), !cutFits() { return nil }
        }
        let full = fitted(title, maxWidth: maxLabelWidth, font: style.label)
        let fullWidth = measure(full.text + (full.truncated ? Self.superscript(number + 1) : ""), style.label).width + impactWidth
        if right + fullWidth <= rightLimit { return attempt(full.text, truncated: full.truncated, left: right) }
        if let plan = attempt(full.text, truncated: full.truncated, left: max(leftLimit, x - style.labelOffset - fullWidth)) {
            return plan
        }
        // Where no lane takes even a cut's ellipsis and number, none takes the cut: it is not fitted (two Pango
        // layouts for each reference near the right edge whose label then went nowhere).
        guard cutFits() else { return nil }
        let cut = fitted(title, maxWidth: rightLimit - right - superscriptWidth() - impactWidth, font: style.label)
        return attempt(cut.text, truncated: cut.truncated, left: right)
    }

    /// The reference as a numbered badge, taking the next footnote number.
    private func badge(_ index: Int, number: inout Int) -> MarkerPlan {
        number += 1
        // A badge has no label to fit: its title is whole in its footnote row (not measured here, so
        // thousands of badges cost no text layout).
        return MarkerPlan(
            reference: index, x: markerX(index), endX: spec.references[index].end.map { clampToPlot(xScale($0.timeIntervalSince1970)) },
            text: titles[index], truncated: false, size: Size(width: 0, height: 0), left: markerX(index), lane: nil,
            badge: number)
    }

    /// `n` in superscript digits, marking a truncated label's footnote.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    private func clampToPlot(_ x: Double) -> Double {
        min(max(x, xScale.range.lowerBound), xScale.range.upperBound)
    }

    /// `text` on one line, without characters a document may not hold, and at most 400 characters: a label
    /// longer than the plot is cut anyway, and measuring a 10 MB title took 34 s.
    func singleLine(_ text: String) -> String { Self.printable(text) }

    /// See ``singleLine(_:)``.
    static func printable(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var result = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if count >= 400 { break }
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
            count += 1
        }
        return PrintableText.clean(String(result))
    }

    /// Whether `text` is already what ``printable(_:)`` makes of it, by its bytes alone: printable ASCII, at
    /// most 400 characters, single spaces between words (scalar properties were 8k instructions a title).
    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count <= 400, bytes.first != 0x20, bytes.last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte >= 0x20 && byte < 0x7F && !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            return true
        } ?? false
    }

    /// `text` as is when it fits in `maxWidth`, else its longest prefix that fits with an ellipsis.
    func fitted(_ text: String, maxWidth: Double, font: FontSpec) -> (text: String, truncated: Bool) {
        // One layout gives the whole width (does it fit?) and every character's offset (where to cut); a
        // text measured before (a label's title, in the layout's later passes) needs none to fit.
        if let size = measureCache.cached(text, font), size.width <= maxWidth { return (text, false) }
        // A text too short to reach the width even at 1.5 em a byte (text fonts' glyphs are narrower) most
        // likely fits: a plain measurement says so without walking its characters (a third cheaper); when it
        // does not, the offsets below are taken as for any other text.
        if Double(text.utf8.count) * font.size * 1.5 <= maxWidth, measure(text, font).width <= maxWidth { return (text, false) }
        // A long text (a grouped footnote joins every title of its references) is cut within its first
        // characters: shape only a prefix, when it is already too wide — first as many characters as fill the
        // width at half an em each (Latin text averages more), then at a quarter em (no character is narrower
        // but a zero-width one), then the whole text.
        var (text, offsets) = (text, [Double]())
        for em in [0.5, 0.25] {
            let limit = Int(maxWidth / (font.size * em)) + 8
            guard text.utf8.count > limit, text.count > limit else { break }
            let prefix = String(text.prefix(limit))
            offsets = measurer.characterOffsets(prefix, font: font)
            if offsets.last ?? 0 > maxWidth {
                text = prefix
                break
            }
            offsets = []
        }
        if offsets.isEmpty { offsets = measurer.characterOffsets(text, font: font) }
        if offsets.last ?? 0 <= maxWidth { return (text, false) }
        // Where each prefix of whole characters ends: cutting slices the text (building each cut from an
        // array of Characters was 13 M instructions a layout at 5,000 references).
        let ends = text.isEmpty ? [] : Array(text.indices.dropFirst()) + [text.endIndex]
        let characterCount = ends.count
        let cut = { (count: Int) in (count == 0 ? "" : String(text[..<ends[count - 1]])).trimmingSpaces + "…" }
        let fits = { (count: Int) in count == 0 || measure(cut(count), font).width <= maxWidth }
        // A first guess from one layout of the whole text (each character's offset in it), then checked by
        // measuring the cut text and moved a character at a time: shaping at the cut rarely moves it more
        // than one. A binary search of measurements took ~8 Pango layouts per text; at 5,000 references
        // these were a third of the layout's time.
        let room = maxWidth - measure("…", font).width
        var count = offsets.count == characterCount + 1 ? (offsets.dropLast().lastIndex { $0 <= room } ?? 0) : 0
        var steps = 0
        if fits(count) {
            while count < characterCount, steps < 4, fits(count + 1) { (count, steps) = (count + 1, steps + 1) }
            if steps < 4 { return (cut(count), true) }
        } else {
            while count > 0, steps < 4, !fits(count - 1) { (count, steps) = (count - 1, steps + 1) }
            if steps < 4 { return (cut(max(count - 1, 0)), true) }
        }
        // Offsets far from the shaped cut (right-to-left text): search by measuring.
        var (low, high) = (0, characterCount)
        while low < high {
            let mid = (low + high + 1) / 2
            if fits(mid) { low = mid } else { high = mid - 1 }
        }
        return (cut(low), true)
    }
}
