import Foundation
import RefChartCore

/// Lays out a chart: scales, ticks, downsampled series and reference labels, producing a ``Scene`` and a
/// ``LayoutReport``. Pure and deterministic: the same spec and text metrics give the same scene.
package enum ChartLayout {
    /// Lays out `spec`, measuring text with `measurer`.
    /// - Parameter replaysMarkers: Whether passes with room inside the plot replay the last pass without it
    ///   (``MarkerReplay``); tests turn it off to check that replaying changes nothing.
    package static func layout(
        _ spec: ChartSpec, measurer: some TextMeasuring, replaysMarkers: Bool = true
    ) -> (scene: Scene, report: LayoutReport) {
        var composer = ChartComposer(spec: spec, measurer: measurer)
        composer.replaysMarkers = replaysMarkers
        composer.solve()
        return (composer.scene(), composer.report())
    }
}

/// The state of one layout: what has been measured and placed so far.
///
/// Not generic over its measurer: as `ChartComposer<Measurer>` the type's metadata was looked up on every
/// call and its copies went through value witnesses (0.2 G of 1.26 G instructions at 5,000 references).
struct ChartComposer {
    let spec: ChartSpec
    let measurer: any TextMeasuring
    let measureCache = MeasureCache()
    let shapesCache = ShapesCache()
    let style: ChartStyle
    let calendar: Calendar
    /// The visible time range.
    let domain: ClosedRange<Double>
    let inRange: [Int]
    let before: Int
    let after: Int
    /// Each category's colour slot, in order of first appearance.
    let categorySlots: [String: Int]
    /// Each reference's title as drawn: one line, printable, capped (computed once; every pass reads it).
    let titles: [String]
    /// Each in-range reference's impact on the measured series, when the spec asks for impact numbers.
    let impacts: [Int: ReferenceImpact]
    /// The series (by index) on the right axis (``ChartSpec/rightAxis``, resolved once).
    let rightAxis: Set<Int>

    var width: Double
    var height: Double
    var plot = Rect(x: 0, y: 0, width: 0, height: 0)
    var xScale = LinearScale(domain: 0...1, range: 0...1)
    var yScale = LinearScale(domain: 0...1, range: 0...1, flipped: true)
    var valueTicks = ValueTicks(low: 0, high: 1, count: 5, includeZero: true)
    /// The second value axis's ticks, when series are on it (``ChartSpec/rightAxis``).
    var rightTicks: ValueTicks?
    /// The width the right axis's labels take (0 without one).
    var rightLabelWidth = 0.0
    var timeTicks = TimeTicks(rung: TimeTickRung.ladder[0], ticks: [])
    var markers: [MarkerPlan] = []
    var lanes = 0
    var badges: [BadgeRow.Badge] = []
    var footnotes: [FootnoteRow] = []
    var geometry = VerticalGeometry()
    /// The largest value per plot column, once the x scale is settled: where labels may sit inside the plot.
    var dataColumns: [Double]?
    /// The same for the series on the right axis, in its units.
    var rightDataColumns: [Double]?
    /// Extra value steps above the data's nice top, making room for labels inside the plot.
    var headroomSteps = 0
    /// Labels in lanes inside the plot's bottom, where the data leaves room under it, instead of above
    /// the plot or inside its top: the staircase then costs no height at all.
    var labelsAtBottom = false
    /// The smallest value drawn in each plot column (dilated), for lanes inside the plot's bottom; the
    /// second for the series on the right axis, in its units.
    var dataFloor: [Double]?
    var rightDataFloor: [Double]?
    /// The last pass without room inside the plot, for passes with room to replay (``MarkerReplay``).
    var markerReplay: MarkerReplay?
    var replaysMarkers = true

    init(spec: ChartSpec, measurer: any TextMeasuring) {
        self.spec = spec
        self.measurer = measurer
        style = ChartStyle(theme: spec.theme)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = spec.zone
        calendar.firstWeekday = 2  // ISO weeks start on Monday
        calendar.minimumDaysInFirstWeek = 4
        self.calendar = calendar
        width = spec.size.width
        height = spec.size.height
        domain = spec.window ?? Self.dataExtent(spec.series)
        var inRange: [Int] = []
        var before = 0
        var after = 0
        for (index, reference) in spec.references.enumerated() {
            let start = reference.date.timeIntervalSince1970
            let end = reference.end?.timeIntervalSince1970 ?? start
            if end < domain.lowerBound {
                before += 1
            } else if start > domain.upperBound {
                after += 1
            } else {
                inRange.append(index)
            }
        }
        self.inRange = inRange.sorted {
            let (a, b) = (spec.references[$0].date, spec.references[$1].date)
            return a != b ? a < b : $0 < $1
        }
        self.before = before
        self.after = after
        var slots: [String: Int] = [:]
        for category in spec.references.compactMap(\.category) where slots[category] == nil { slots[category] = slots.count }
        categorySlots = slots
        titles = spec.references.map { Self.printable($0.title) }
        var impacts: [Int: ReferenceImpact] = [:]
        if let impact = spec.impact, spec.series.indices.contains(impact.series) {
            for index in inRange {
                let date = spec.references[index].date
                impacts[index] = ReferenceImpact(
                    series: spec.series[impact.series], instant: date.timeIntervalSince1970,
                    beforeStart: impact.window.start(before: date, in: spec.zone).timeIntervalSince1970,
                    afterEnd: impact.window.end(after: date, in: spec.zone).timeIntervalSince1970, window: impact.text)
            }
        }
        self.impacts = impacts
        rightAxis = spec.rightAxis
    }

    /// The time extent of all series, widened to an hour for a single instant.
    static func dataExtent(_ series: [MetricSeries]) -> ClosedRange<Double> {
        guard let extent = series.timeExtent else { return 0...86_400 }
        return extent.lowerBound < extent.upperBound ? extent : (extent.lowerBound - 1800)...(extent.upperBound + 1800)
    }

    /// The characters of `text` no installed font can draw, in order, each once; empty when all can be.
    func missingCharacters(_ text: String, _ font: FontSpec) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return "" }  // bytes: Characters were 5k instructions a title
        let total = measurer.missingGlyphs(text, font: font)
        guard total > 0 else { return "" }
        // A character is missing when taking it out of the text leaves fewer boxes (Pango shapes in
        // context: a lone character may fall back differently).
        var seen = Set<Character>()
        let missing = String(text.filter { character in
            !character.isASCII && seen.insert(character).inserted
                && measurer.missingGlyphs(text.filter { $0 != character }, font: font) < total
        })
        return missing.isEmpty ? "\u{FFFD}" : missing
    }

    func measure(_ text: String, _ font: FontSpec) -> Size {
        measureCache.size(text, font) { measurer.measure($0, font: $1) }
    }

    /// Badge and footnote numbers' sizes, in the badge font.
    var numberWidths: SummedWidths { measureCache.summedWidths(style.badge, measure: measuring) }

    /// ``measure(_:_:)`` holding only the cache and the measurer, for closures in mutating methods: a closure
    /// there that calls `measure` copies the whole composer on each call.
    var measuring: (String, FontSpec) -> Size {
        { [measureCache, measurer] text, font in measureCache.size(text, font) { measurer.measure($0, font: $1) } }
    }

    /// Finds a consistent layout: the y-axis label width decides the plot's left edge, which moves the
    /// markers, which decide the lanes, which decide the plot height, which decides the value ticks.
    mutating func solve() {
        var labelWidth = valueLabelWidth(plotHeight: height * 0.6)
        var rightWidth = rightLabelWidth
        for _ in 0..<3 {
            let left = style.padding + labelWidth + 8
            let right = width - style.padding - (rightTicks == nil ? 0 : rightWidth + 8)
            xScale = LinearScale(domain: domain, range: left...max(left + 10, right))
            placeMarkers()
            chooseTimeTicks()
            placeVertically()
            let needed = valueLabelWidth(plotHeight: plot.height)
            if needed <= labelWidth && rightLabelWidth <= rightWidth { break }
            labelWidth = max(labelWidth, needed)
            rightWidth = max(rightWidth, rightLabelWidth)
        }
        yScale = valueScale()
        placeLabelsInsidePlot(labelWidth: labelWidth)
    }

    /// Moves labels into the plot's top where the data leaves room, so the lanes above it cost less
    /// height: as the data stands, or with one more value step of headroom. The scale moves as lanes are
    /// freed, so each attempt is checked on its final layout. An attempt is kept only if it badges no more
    /// references than the layout with every label above the plot, and gives the data more pixels.
    private mutating func placeLabelsInsidePlot(labelWidth: Double) {
        guard spec.series.contains(where: { !$0.times.isEmpty }), markers.contains(where: { $0.lane != nil }) else { return }
        let outside = self
        let badged = { (layout: Self) in layout.markers.reduce(0) { $0 + ($1.badge == nil ? 0 : 1) } }
        var best = outside
        // What the data covers depends on the x scale alone, which the attempts share: measured once.
        let columns = computeDataColumns(rightAxis: false)
        let rightColumns = rightAxis.isEmpty ? nil : computeDataColumns(rightAxis: true)
        // Each attempt lays the chart out again: with thousands of references only the data as it stands.
        for headroom in markers.count > 500 ? [0] : [0, 1] {
            var attempt = outside
            attempt.headroomSteps = headroom
            attempt.dataColumns = columns
            attempt.rightDataColumns = rightColumns
            guard attempt.settleInsidePlot(labelWidth: labelWidth), badged(attempt) <= badged(outside) else { continue }
            if attempt.dataHeight > best.dataHeight + 1 { best = attempt }
        }
        // Every label inside the plot's bottom: for lines (bars and areas fill the bottom), when
        // no reference is a badge (the rug strip is there) and every label keeps its full line.
        if spec.chartType == .line && badged(outside) == 0 && markers.count <= Self.fewMarkers {
            var attempt = outside
            attempt.labelsAtBottom = true
            attempt.dataColumns = columns
            attempt.rightDataColumns = rightColumns
            attempt.dataFloor = computeDataFloor(rightAxis: false)
            attempt.rightDataFloor = rightAxis.isEmpty ? nil : computeDataFloor(rightAxis: true)
            if attempt.settleInsidePlot(labelWidth: labelWidth), badged(attempt) == 0, attempt.labelsHaveFullLines,
                attempt.markers.allSatisfy({ $0.lane != nil || $0.badge == nil }), attempt.dataHeight > best.dataHeight + 1
            {
                best = attempt
            }
        }
        self = best
    }

    /// The plot's height less the headroom: the pixels the data's own value range gets.
    var dataHeight: Double {
        let span = valueTicks.domain.upperBound - valueTicks.domain.lowerBound
        guard span > 0 else { return plot.height }
        return plot.height * (1 - Double(headroomSteps) * valueTicks.step / span)
    }

    /// Lays out again with labels allowed inside the plot until the layout stops moving; whether every
    /// label inside the plot then clears the data.
    private mutating func settleInsidePlot(labelWidth: Double) -> Bool {
        for _ in 0..<3 {
            _ = valueLabelWidth(plotHeight: plot.height)
            placeMarkers()
            // With no label inside the plot, the markers are the layout's without room there (the same scale
            // and lanes): no gain to settle for (at 5,000 references, 60 M instructions of a layout).
            guard markers.contains(where: { $0.lane.map { $0 >= lanes } ?? false }) else { return false }
            chooseTimeTicks()
            placeVertically()
            guard valueLabelWidth(plotHeight: plot.height) <= labelWidth else { return false }
            yScale = valueScale()
            if inPlotLabelsClear() { return true }
        }
        return false
    }

    /// Chooses the value ticks (both axes') for a plot `plotHeight` high; the width of the left labels.
    mutating func valueLabelWidth(plotHeight: Double) -> Double {
        let (dataLow, dataHigh) = shapeExtent() ?? valueExtent(rightAxis: false)
        valueTicks = ticks(low: dataLow, high: dataHigh, plotHeight: plotHeight, bounds: (spec.yMin, spec.yMax), headroom: headroomSteps)
        if !rightAxis.isEmpty {
            let (low, high) = valueExtent(rightAxis: true)
            // Linear axes share grid lines: the right one gets as many intervals as the left.
            let right = spec.logarithmic || valueTicks.values.count < 2
                ? ticks(low: low, high: high, plotHeight: plotHeight, bounds: (nil, nil), headroom: headroomSteps)
                : ValueTicks.aligned(with: valueTicks, low: low, high: high)
            rightTicks = right
            rightLabelWidth = right.values.map { measure(right.label($0), style.axis).width }.max() ?? 0
        }
        return valueTicks.values.map { measure(valueTicks.label($0), style.axis).width }.max() ?? 0
    }

    /// Ticks for data from `low` to `high` on an axis `plotHeight` high, within given bounds.
    private func ticks(low dataLow: Double, high dataHigh: Double, plotHeight: Double, bounds: (low: Double?, high: Double?), headroom: Int) -> ValueTicks {
        let (low, high) = (bounds.low ?? dataLow, max(bounds.high ?? dataHigh, bounds.low ?? -.infinity))
        // A zero baseline for counts that come near it; levels far from zero (130k–143k) are zoomed to, so
        // a forced zero never flattens them. A given minimum or maximum wins.
        let includeZero = bounds.low == nil && !spec.logarithmic
            && (spec.chartType != .line || (low >= 0 && (high - low) > 0.2 * high))
        // As many ticks as fit about every 56 px, and never so many that their labels touch.
        let labelHeight = measure("0", style.axis).height + 2
        var count = max(2, Int(plotHeight / style.valueTickSpacing))
        var ticks: ValueTicks
        repeat {
            ticks = spec.logarithmic
                ? ValueTicks.logarithmic(low: low, high: high, count: count).clamped(low: bounds.low, high: bounds.high)
                : ValueTicks(low: low, high: high, count: count, includeZero: includeZero).withHeadroom(headroom)
                    .clamped(low: bounds.low, high: bounds.high)
            count -= 1
        } while count >= 1 && ticks.values.count > 1 && plotHeight / Double(ticks.values.count - 1) < labelHeight
        return ticks
    }

    /// The value axis's scale over the plot's height (the right axis's with `rightAxis`).
    func valueScale(rightAxis: Bool = false) -> LinearScale {
        let ticks = rightAxis ? rightTicks ?? valueTicks : valueTicks
        return LinearScale(domain: ticks.domain, range: plot.minY...plot.maxY, flipped: true, logarithmic: ticks.logarithmic)
    }

    /// The scale series `s` is drawn with.
    func scale(forSeries s: Int) -> LinearScale {
        rightAxis.contains(s) ? valueScale(rightAxis: true) : yScale
    }

    /// The smallest and largest value inside the time domain, of the series on one axis.
    private func valueExtent(rightAxis: Bool) -> (Double, Double) {
        var low = Double.infinity
        var high = -Double.infinity
        for (s, series) in spec.series.prefix(Legend.maximumEntries).enumerated() where self.rightAxis.contains(s) == rightAxis {
            let start = M4Reducer.firstIndex(series.times, atLeast: domain.lowerBound)
            let end = M4Reducer.firstIndex(series.times, above: domain.upperBound)
            for value in series.values[start..<end] where !value.isNaN {
                low = min(low, value)
                high = max(high, value)
            }
        }
        return low <= high ? (low, high) : (0, 1)
    }

    mutating func chooseTimeTicks() {
        let font = style.axis
        timeTicks = TimeTicks.choose(domain: domain, pixelsPerSecond: xScale.slope, calendar: calendar) {
            measurer.measure($0, font: font).width
        }
    }
}
