import Foundation
import RefChartCore
import RefChartScene

/// What every pass of one layout shares and none changes: the spec and what is derived from it once
/// (style, calendar, time domain, the references in it, titles as drawn, impact numbers, colour slots), the
/// text metrics and the series shapes by bucket count (caches that fill as passes ask).
///
/// A final class, so that a ``LayoutPass`` — copied for each attempt at placing labels — holds one
/// reference to it instead of copying 15 fields and their arrays.
final class LayoutContext {
    let spec: ChartSpec
    let style: ChartStyle
    let calendar: Calendar
    let metrics: TextMetrics
    let shapesCache = ShapesCache()
    let reducedRunsCache = ReducedRunsCache()
    let shortcuts: LayoutShortcuts
    /// The visible time range.
    let domain: ClosedRange<Double>
    /// The references inside the time range, by date (input order among equal dates).
    let inRange: [Int]
    /// How many references lie before and after the time range.
    let before: Int
    let after: Int
    /// Each category's colour slot, in order of first appearance.
    let categorySlots: [String: Int]
    /// Each reference's title as drawn: one line, printable, capped (``LabelText/singleLine(_:)``).
    let titles: [String]
    /// Each in-range reference's impact on the measured series, when the spec asks for impact numbers.
    let impacts: [Int: ReferenceImpact]
    /// The series (by index) on the right axis (``ChartSpec/rightAxis``, resolved once).
    let rightAxis: Set<Int>
    /// Whether the data has times of day in the display zone: only then does the caption name the zone
    /// (daily, monthly and yearly data read the same in every zone; "Times in UTC" under them misleads).
    let hasTimesOfDay: Bool
    /// The categories whose references compete for labels (``ChartOptions/labelCategories``; empty: all).
    let labelCategories: Set<String>
    /// Each series' colour: its own (``ChartOptions/seriesColors``) or the theme's, in order.
    let seriesColors: [Color]
    /// The category colours, chosen against the series colours drawn (``ReferencePalette``).
    let referencePalette: [Color]
    /// The data's typical spacing in seconds (the first series with two times; 0 without): no time tick
    /// is finer.
    let dataSpacing: Double
    /// The label height plus padding: one lane.
    let laneHeight: Double
    /// How many lanes the chart can spare: up to 30 % of the requested height left after title and axes,
    /// 1 to 8. (Of the requested height: the image's own grows with the footnote table, and a budget taken
    /// from it gave later passes of one layout more lanes than its first.)
    let laneBudget: Int

    init(spec: ChartSpec, measurer: any TextMeasuring, shortcuts: LayoutShortcuts) {
        self.spec = spec
        self.shortcuts = shortcuts
        metrics = TextMetrics(measurer: measurer)
        style = ChartStyle(theme: spec.theme)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = spec.zone
        calendar.firstWeekday = 2  // ISO weeks start on Monday
        calendar.minimumDaysInFirstWeek = 4
        self.calendar = calendar
        var domain = spec.window ?? Self.dataExtent(spec.series)
        if spec.chartType == .bar, let first = spec.series.first, !first.times.isEmpty {
            // Bars span their periods: the axis runs from the first period's start to the last one's end,
            // so the last bar is inside the plot (a yearly stack's last year was clipped away). A window's
            // end inside a period (or on the start of one that has data) takes that whole period.
            let bucket = spec.bucket ?? CalendarBucket(spacing: SeriesShapes.typicalSpacing(first.times))
            let base = spec.window ?? spec.series.timeExtent ?? domain
            let lastStart = bucket.floor(base.upperBound, in: calendar)
            let dataAtEnd = spec.series.contains { $0.times.contains(base.upperBound) }
            let end = lastStart < base.upperBound || dataAtEnd ? bucket.next(lastStart, in: calendar) : lastStart
            let start = bucket.floor(base.lowerBound, in: calendar)
            if start < end { domain = start...end }
        }
        self.domain = domain
        var inRange: [Int] = []
        var (before, after) = (0, 0)
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
        (self.before, self.after) = (before, after)
        var slots: [String: Int] = [:]
        for category in spec.references.compactMap(\.category) where slots[category] == nil { slots[category] = slots.count }
        categorySlots = slots
        titles = spec.references.map { LabelText.singleLine($0.title) }
        self.impacts = Self.impacts(spec: spec, inRange: self.inRange)
        rightAxis = spec.rightAxis
        hasTimesOfDay = Self.hasTimesOfDay(spec.series, calendar: calendar)
        labelCategories = Set(spec.options.labelCategories)
        let own = Dictionary(spec.options.seriesColors.compactMap(spec.options.seriesColor).map { ($0.name, $0.color) }) { _, last in last }
        let theme = spec.theme
        seriesColors = spec.series.indices.map { own[spec.series[$0].name] ?? theme.series[$0 % theme.series.count] }
        referencePalette = ReferencePalette.choose(
            candidates: theme.references, neutral: theme.neutralReferences, series: Array(seriesColors.prefix(Legend.maximumEntries)),
            count: max(1, categorySlots.count))
        dataSpacing = spec.series.first { $0.times.count >= 2 }.map { SeriesShapes.typicalSpacing($0.times) } ?? 0
        let laneHeight = metrics.measure("Hg", style.label).height + style.lanePadding
        self.laneHeight = laneHeight
        let available = max(0, spec.size.height - (2 * style.padding + 40 + 60)) * 0.3
        laneBudget = min(8, max(1, Int(available / laneHeight)))
    }

    /// Each in-range reference's impact when the spec asks for impact numbers, with the series' own
    /// window-to-window noise and the other references inside its windows (`inRange` is by date, so
    /// those are found by binary search: 5,000 references, not 25 million pairs).
    static func impacts(spec: ChartSpec, inRange: [Int]) -> [Int: ReferenceImpact] {
        guard let impact = spec.impact, spec.series.indices.contains(impact.series) else { return [:] }
        let series = spec.series[impact.series]
        let noise = ReferenceImpact.noise(of: series, window: impact.window.nominalSeconds * Double(impact.window.count))
        let instants = inRange.map { spec.references[$0].date.timeIntervalSince1970 }
        let firstAtLeast = { (value: Double) in ReferenceImpact.firstIndex(instants, atLeast: value) }
        var impacts: [Int: ReferenceImpact] = [:]
        for (k, index) in inRange.enumerated() {
            let date = spec.references[index].date
            let (low, high) = (
                impact.window.start(before: date, in: spec.zone).timeIntervalSince1970,
                impact.window.end(after: date, in: spec.zone).timeIntervalSince1970
            )
            var measured = ReferenceImpact(series: series, instant: instants[k], beforeStart: low, afterEnd: high, window: impact.text)
            measured.noise = noise
            let others = (firstAtLeast(low)..<firstAtLeast(high)).filter { $0 != k }.prefix(10).map { spec.references[inRange[$0]].id }
            measured.overlapping = others.isEmpty ? nil : Array(others)
            impacts[index] = measured
        }
        return impacts
    }

    /// Whether any of up to 256 samples, spread evenly over each series, is off midnight in `calendar`'s
    /// zone (a day-based file is midnight at every row; the samples keep a million-row series cheap).
    static func hasTimesOfDay(_ series: [MetricSeries], calendar: Calendar) -> Bool {
        guard series.contains(where: { !$0.times.isEmpty }) else { return true }
        for times in series.lazy.map(\.times) where !times.isEmpty {
            let stride = max(1, times.count / 256)
            for index in Swift.stride(from: 0, to: times.count, by: stride) {
                let time = times[index]
                let midnight = calendar.startOfDay(for: Date(timeIntervalSince1970: time)).timeIntervalSince1970
                if time != midnight { return true }
            }
        }
        return false
    }

    /// The time extent of all series, widened to an hour for a single instant.
    static func dataExtent(_ series: [MetricSeries]) -> ClosedRange<Double> {
        guard let extent = series.timeExtent else { return 0...86_400 }
        return extent.lowerBound < extent.upperBound ? extent : (extent.lowerBound - 1800)...(extent.upperBound + 1800)
    }

    var theme: Theme { spec.theme }

    /// Badge and footnote numbers' sizes, in the badge font.
    var numberWidths: SummedWidths { metrics.summedWidths(style.badge) }

    /// The smallest plot height before the image grows taller instead: about half the requested height.
    var minimumPlotHeight: Double { max(80, (spec.size.height - 2 * style.padding) * 0.45) }

    /// Whether reference `index` competes for a label (``ChartOptions/labelCategories``); the others are
    /// badges from the start.
    func competes(_ index: Int) -> Bool {
        labelCategories.isEmpty || spec.references[index].category.map(labelCategories.contains) == true
    }

    /// The title a label of reference `index` shows: a range that began before the window says so (`← `).
    func labelTitle(_ index: Int) -> String {
        let reference = spec.references[index]
        return reference.end != nil && reference.date.timeIntervalSince1970 < domain.lowerBound ? "← " + titles[index] : titles[index]
    }

    /// The widest a label may be before it ends in an ellipsis, over a plot `plotWidth` wide.
    func maxLabelWidth(plotWidth: Double) -> Double {
        min(style.maxLabelWidth, plotWidth * style.maxLabelFraction)
    }

    /// The room the impact number after reference `index`'s label takes (its width and 4 px); 0 without one.
    func impactWidth(_ index: Int) -> Double {
        impacts[index]?.text.map { metrics.measure($0, style.label).width + 4 } ?? 0
    }

    /// `text` fitted into `maxWidth` (``TextMetrics/fitted(_:maxWidth:font:byPrefix:)``), by this layout's shortcuts.
    func fitted(_ text: String, maxWidth: Double, font: FontSpec) -> (text: String, truncated: Bool) {
        metrics.fitted(text, maxWidth: maxWidth, font: font, byPrefix: shortcuts.fitsByPrefix)
    }

    /// A run of `text` for the scene, with its size and baseline as this layout measured them; `size` when the
    /// text was sized as the sum of its characters (badge numbers, footnote dates: ``SummedWidths``), whose
    /// baseline is the font's.
    func textRun(text: String, origin: Point, font: FontSpec, color: Color, size: Size? = nil) -> TextRun {
        let (size, baseline) = size.map { ($0, metrics.baseline("8", font)) } ?? (metrics.measure(text, font), metrics.baseline(text, font))
        return TextRun(text: text, origin: origin, font: font, color: color, size: size, baseline: baseline)
    }

    /// A reference's colour: its own, else its category's slot, else the first or the neutral colour.
    func referenceColor(_ index: Int) -> Color {
        // Fields read in place: a copy of the whole reference retained and released its strings each call.
        if let hex = spec.references[index].color, let color = Color(rgbHex: hex) { return color }
        guard let category = spec.references[index].category, let slot = categorySlots[category] else {
            // Uncategorised: the first colour when nothing has a category, else the key's neutral entry.
            return categorySlots.isEmpty ? referencePalette[0] : theme.mutedText
        }
        return referencePalette[slot % referencePalette.count]
    }

    /// Each reference's index by id (the first of a repeated id), made when an impact first names another.
    private(set) lazy var referenceIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (k, reference) in spec.references.enumerated() where index[reference.id] == nil { index[reference.id] = k }
        return index
    }()

    /// A reference's group: its id, and the text a viewer shows on hover (title, date, impact).
    func referenceGroup(_ index: Int) -> SceneGroup {
        let reference = spec.references[index]
        var title = "\(titles[index]) — \(FootnoteDate.format(reference.date, calendar: calendar))"
        if let impact = impacts[index], let text = impact.text {
            title += " (\(text) over \(spec.impact?.text ?? "")"
            if let others = impact.overlapping {
                let names = others.compactMap { referenceIndex[$0].map { titles[$0] } }
                title += "; its windows also hold " + names.joined(separator: ", ")
            } else if let noise = impact.noise, let change = impact.change, abs(change) <= noise {
                title += "; within the series' usual ±\(String(format: "%.1f", noise * 100)) % from one window to the next"
            }
            title += ")"
        }
        if let description = reference.description.map(LabelText.singleLine), !description.isEmpty { title += ": " + description }
        return SceneGroup("reference", referenceId: reference.id, title: title)
    }

    /// Green for a rise, red for a fall; the muted text colour for a change that does not stand out (under
    /// 1 %, within the series' own noise, or shared with another reference inside its windows).
    func impactColor(_ impact: ReferenceImpact) -> Color {
        guard impact.isNotable, let change = impact.change else { return theme.mutedText }
        return change > 0 ? theme.positive : theme.negative
    }

    /// The caption's middle: the zone the times are in, for data with times of day.
    var zoneCaption: String? {
        hasTimesOfDay ? "Times in \(spec.zone.identifier == "GMT" ? "UTC" : spec.zone.identifier)" : nil
    }

    /// The caption's left: how many references lie before the window.
    var earlierCaption: String { "← +\(before) earlier" }

    /// The caption's right: how many references lie after the window.
    var laterCaption: String { "+\(after) later →" }
}
