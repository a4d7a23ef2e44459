import RefChartCore
import RefChartScene

/// The chart's rows from top to bottom (``VerticalGeometry``), the plot's rectangle, badges and footnote rows.
extension LayoutPass {
    mutating func placeVertically() {
        height = spec.size.height
        var g = VerticalGeometry()
        let pad = style.padding
        g.titleHeight = spec.title.isEmpty && spec.series.isEmpty ? 0 : measure("Hg", style.title).height
        g.laneHeight = context.laneHeight
        g.legendRowHeight = measure("Hg", style.axis).height + 6
        let titleWidth = spec.title.isEmpty ? 0 : min(width - 2 * pad, measure(LabelText.singleLine(spec.title), style.title).width)
        // A single series under a title needs no legend: the title names it.
        let legendNames =
            spec.series.count == 1 && !spec.title.isEmpty
            ? []
            : spec.series.indices.map {
                LabelText.singleLine(spec.series[$0].name) + (rightAxis.contains($0) ? " (right axis)" : "")
            }
        g.legend = Legend(names: legendNames, titleWidth: titleWidth, left: pad, right: width - pad) { measure($0, style.axis).width }
        g.bandTop = pad + (g.titleHeight > 0 ? g.titleHeight + 10 : 0) + Double(g.legend.rowsBelow) * g.legendRowHeight
        // The value axis's title sits just above the axis's top, under the label lanes, unless the line of a
        // reference labelled in a lane above the plot would cross it: then above the lanes (it sat there
        // always, ~150 px from its axis under 7 lanes).
        var yLabelRow = 0.0
        if let label = spec.yLabel.map(LabelText.singleLine), !label.isEmpty {
            let text = measure("Hg", style.axis).height
            let right = pad + measure(label, style.axis).width + 4
            if markers.contains(where: { ($0.lane.map { $0 < lanes } ?? false) && $0.x <= right }) {
                g.yLabelTop = g.bandTop
                g.bandTop += text + 6
            } else {
                // Clear of the top tick's label, centred on the plot's top edge.
                yLabelRow = text * 1.5 + 4
            }
        }
        // 8 px keep the lowest lane's labels off the plot's top edge; without lanes the title's own gap does.
        let plotTop = g.bandTop + Double(lanes) * g.laneHeight + (lanes > 0 ? 8 : 4) + yLabelRow
        if yLabelRow > 0 { g.yLabelTop = plotTop - yLabelRow }
        g.outerLanes = lanes
        g.plotTop = plotTop

        let badged = markers.filter { $0.badge != nil }
        g.badgeHeight = badged.isEmpty ? 0 : measure("8", style.badge).height + 6
        let axisText = measure("Hg", style.axis).height
        let hasContext = timeTicks.ticks.contains { $0.context != nil }
        let tickRows = axisText + (hasContext ? axisText + 2 : 0)
        let captionLineHeight = measure("Hg", style.caption).height
        g.footnoteRowHeight = measure("Hg", style.footnote).height + 3
        let usable = width - 2 * pad
        let widestColumns = max(1, min(6, Int(usable / 360)))
        g.footnoteColumns = widestColumns
        g.keyRowHeight = measure("Hg", style.caption).height + 4
        g.keyRows = categoryKeyRows(width: usable)
        // A one-row key shares the caption's row when it fits left of the time zone, or of the "later" note
        // (a row of height).
        let captionKeyLeft = before > 0 ? plotLeft + measure(context.earlierCaption, style.caption).width + 16 : pad
        let captionKeyRight =
            context.zoneCaption.map { plotMidX - measure($0, style.caption).width / 2 }
            ?? xScale.range.upperBound - (after > 0 ? measure(context.laterCaption, style.caption).width : 0)
        let keyOnCaptionRow =
            g.keyRows.count == 1 && captionKeyLeft + g.keyRows[0].reduce(0) { $0 + $1.width + 16 } - 16 <= captionKeyRight - 16
        g.keyLeft = keyOnCaptionRow ? captionKeyLeft : pad
        // An empty caption row (day-based data, every reference in the window, no key on it) takes no room.
        let captionUsed = context.zoneCaption != nil || before > 0 || after > 0 || keyOnCaptionRow
        let captionHeight = captionUsed ? captionLineHeight : 0
        let keyHeight = keyOnCaptionRow ? 0 : Double(g.keyRows.count) * g.keyRowHeight
        let numbers = context.numberWidths
        var badges = BadgeRow.layout(
            xs: badged.map(\.x), numbers: badged.map { $0.badge! }, top: 0, height: g.badgeHeight,
            limits: pad...(width - pad), width: numbers.width(ofLabel:))
        let belowPlotFixed = (badged.isEmpty ? 0 : g.badgeHeight + 6) + 6 + tickRows + 6 + captionHeight + keyHeight
        let groups = footnoteGroups(clusters: badges.map(\.numbers), geometry: &g)
        g.footnoteColumns = FootnoteFlow.columns(rows: groups.count, maximum: widestColumns)
        let columnWidth = usable / Double(g.footnoteColumns)
        // Long titles wrap to a second line, unless the table is grouped to keep a height (`grouped`, or
        // `auto` past the maximum height) or the wrapped table would pass that maximum.
        let wraps = spec.footnotes != .grouped && g.footnoteNote == nil
        var lineCounts = groups.map { wraps ? footnoteLines($0, width: columnWidth - 12, rowHeight: g.footnoteRowHeight) : 1 }
        var flow = spec.pageHeight == nil ? FootnoteFlow(heights: lineCounts, columns: g.footnoteColumns) : nil
        if let tall = flow, spec.footnotes == .auto, tall.lines > footnoteRowLimit(rowHeight: g.footnoteRowHeight) {
            lineCounts = groups.map { _ in 1 }
            flow = FootnoteFlow(heights: lineCounts, columns: g.footnoteColumns)
        }
        g.footnoteRows = flow?.lines ?? (groups.count + g.footnoteColumns - 1) / g.footnoteColumns
        let noteHeight = g.footnoteNote == nil ? 0 : g.footnoteRowHeight
        let footnoteHeight = groups.isEmpty ? 0 : Double(g.footnoteRows) * g.footnoteRowHeight + 10 + noteHeight

        var plotBottom: Double
        if spec.footnotes == .grouped {
            // The image keeps its requested height unless footnotes would squeeze the plot below about half
            // of it: then the image grows to hold them.
            plotBottom = height - pad - belowPlotFixed - footnoteHeight
            let withoutFootnotes = plotBottom + footnoteHeight - plotTop
            let minimum = min(context.minimumPlotHeight, max(20, withoutFootnotes))
            if plotBottom - plotTop < minimum {
                height += minimum - (plotBottom - plotTop)
                plotBottom = plotTop + minimum
            }
        } else {
            // The plot keeps the height it has without a table; the image grows downward to hold the rows.
            plotBottom = max(plotTop + 20, height - pad - belowPlotFixed)
            // On a page (PDF) a few rows take their room from the plot instead: an 800×400 chart with two
            // badges had a second page holding one footnote row. Up to a third of the plot is given.
            if spec.pageHeight != nil, !groups.isEmpty {
                let lines = FootnoteFlow(heights: lineCounts, columns: g.footnoteColumns).lines
                let need = Double(lines) * g.footnoteRowHeight + 10 + noteHeight + 0.5
                if need <= (plotBottom - plotTop) / 3 { plotBottom -= need }
            }
            height = plotBottom + belowPlotFixed + footnoteHeight + pad
        }
        plot = Rect(
            x: xScale.range.lowerBound, y: plotTop, width: xScale.range.upperBound - xScale.range.lowerBound,
            height: plotBottom - plotTop)
        g.bottomLanesBase = labelsAtBottom ? plotBottom : nil
        g.badgeTop = plotBottom + 6
        g.tickLabelTop = plotBottom + 6 + (badged.isEmpty ? 0 : g.badgeHeight + 6)
        g.contextTop = g.tickLabelTop + axisText + 2
        g.captionTop = g.tickLabelTop + tickRows + 6
        g.keyTop = keyOnCaptionRow ? g.captionTop : g.captionTop + captionHeight + (captionUsed ? 4 : 0)
        g.footnoteTop = g.captionTop + captionHeight + keyHeight + 10
        geometry = g

        for k in badges.indices { badges[k].box.y = g.badgeTop }
        self.badges = badges
        if let pageHeight = spec.pageHeight, !groups.isEmpty {
            paginate(groups, lines: lineCounts, geometry: g, pageHeight: pageHeight, columnWidth: columnWidth)
            return
        }
        footnotes = zip(groups, zip(lineCounts, flow?.places ?? [])).map { group, placed in
            let (lines, place) = placed
            let box = Rect(
                x: pad + Double(place.column) * columnWidth, y: g.footnoteTop + Double(place.line) * g.footnoteRowHeight,
                width: columnWidth - 12, height: Double(lines) * g.footnoteRowHeight)
            return FootnoteRow(numbers: group.map(\.number), markers: group.map(\.marker), box: box)
        }
    }

    /// Footnote rows on pages of `pageHeight` (a PDF): the first page holds the chart and the rows that fit
    /// under it, the rest continue on following pages of the same size, never grouped and never cut by a
    /// page's edge (a wrapped row stays whole on one page). The image becomes a whole number of pages, stacked.
    private mutating func paginate(
        _ groups: [[(number: Int, marker: Int)]], lines: [Int], geometry g: VerticalGeometry, pageHeight: Double, columnWidth: Double
    ) {
        let pad = style.padding
        let rowHeight = g.footnoteRowHeight
        let firstRows = max(0, Int((pageHeight - pad - g.footnoteTop) / rowHeight))
        let laterRows = max(1, Int((pageHeight - 2 * pad) / rowHeight))
        var placed: [FootnoteRow] = []
        var page = 0
        var index = 0
        while index < groups.count {
            let capacity = page == 0 ? firstRows : laterRows
            let top = page == 0 ? g.footnoteTop : Double(page) * pageHeight + pad
            // As many rows as the page's columns hold, then spread over them as evenly as on one tall page.
            var (column, line, end) = (0, 0, index)
            while end < groups.count, capacity > 0 {
                let height = min(lines[end], capacity)
                if line + height > capacity {
                    (column, line) = (column + 1, 0)
                    if column == g.footnoteColumns { break }
                }
                line += height
                end += 1
            }
            if end > index {
                let heights = lines[index..<end].map { min($0, capacity) }
                let flow = FootnoteFlow(heights: heights, columns: g.footnoteColumns)
                for (k, place) in flow.places.enumerated() {
                    let group = groups[index + k]
                    let box = Rect(
                        x: pad + Double(place.column) * columnWidth, y: top + Double(place.line) * rowHeight,
                        width: columnWidth - 12, height: Double(heights[k]) * rowHeight)
                    placed.append(FootnoteRow(numbers: group.map(\.number), markers: group.map(\.marker), box: box))
                }
                index = end
            }
            page += 1
        }
        footnotes = placed
        height = Double(max(1, page)) * pageHeight
    }
}
