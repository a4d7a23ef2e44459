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
        g.legend = Legend(
            names: spec.series.indices.map { LabelText.singleLine(spec.series[$0].name) + (rightAxis.contains($0) ? " (right axis)" : "") },
            titleWidth: titleWidth, left: pad, right: width - pad
        ) { measure($0, style.axis).width }
        g.bandTop = pad + (g.titleHeight > 0 ? g.titleHeight + 10 : 0) + Double(g.legend.rowsBelow) * g.legendRowHeight
        if let label = spec.yLabel, !label.isEmpty {
            g.yLabelTop = g.bandTop
            g.bandTop += measure("Hg", style.axis).height + 6
        }
        // 8 px keep the lowest lane's labels off the plot's top edge; without lanes the title's own gap does.
        let plotTop = g.bandTop + Double(lanes) * g.laneHeight + (lanes > 0 ? 8 : 4)
        g.outerLanes = lanes
        g.plotTop = plotTop

        let badged = markers.filter { $0.badge != nil }
        g.badgeHeight = badged.isEmpty ? 0 : measure("8", style.badge).height + 6
        let axisText = measure("Hg", style.axis).height
        let hasContext = timeTicks.ticks.contains { $0.context != nil }
        let tickRows = axisText + (hasContext ? axisText + 2 : 0)
        let captionHeight = measure("Hg", style.caption).height
        g.footnoteRowHeight = measure("Hg", style.footnote).height + 3
        let usable = width - 2 * pad
        g.footnoteColumns = max(1, min(6, Int(usable / 360)))
        g.keyRowHeight = measure("Hg", style.caption).height + 4
        g.keyRows = categoryKeyRows(width: usable)
        // A one-row key shares the caption's row when it fits left of the time zone (a row of height).
        let captionKeyLeft = before > 0 ? plotLeft + measure(context.earlierCaption, style.caption).width + 16 : pad
        let keyOnCaptionRow =
            g.keyRows.count == 1
            && captionKeyLeft + g.keyRows[0].reduce(0) { $0 + $1.width + 16 } - 16
                <= plotMidX - measure(context.zoneCaption, style.caption).width / 2 - 16
        g.keyLeft = keyOnCaptionRow ? captionKeyLeft : pad
        let keyHeight = keyOnCaptionRow ? 0 : Double(g.keyRows.count) * g.keyRowHeight
        let numbers = context.numberWidths
        var badges = BadgeRow.layout(
            xs: badged.map(\.x), numbers: badged.map { $0.badge! }, top: 0, height: g.badgeHeight,
            limits: pad...(width - pad), width: numbers.width(ofLabel:))
        let belowPlotFixed = (badged.isEmpty ? 0 : g.badgeHeight + 6) + 6 + tickRows + 6 + captionHeight + keyHeight
        let groups = footnoteGroups(clusters: badges.map(\.numbers), geometry: &g)
        g.footnoteRows = (groups.count + g.footnoteColumns - 1) / g.footnoteColumns
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
        g.keyTop = keyOnCaptionRow ? g.captionTop : g.captionTop + captionHeight + 4
        g.footnoteTop = g.captionTop + captionHeight + keyHeight + 10
        geometry = g

        for k in badges.indices { badges[k].box.y = g.badgeTop }
        self.badges = badges
        let columnWidth = usable / Double(g.footnoteColumns)
        if let pageHeight = spec.pageHeight, !groups.isEmpty {
            paginate(groups, geometry: g, pageHeight: pageHeight, columnWidth: columnWidth)
            return
        }
        footnotes = groups.enumerated().map { k, group in
            let column = k / max(g.footnoteRows, 1)
            let row = k % max(g.footnoteRows, 1)
            let box = Rect(
                x: pad + Double(column) * columnWidth, y: g.footnoteTop + Double(row) * g.footnoteRowHeight,
                width: columnWidth - 12, height: g.footnoteRowHeight)
            return FootnoteRow(numbers: group.map(\.number), markers: group.map(\.marker), box: box)
        }
    }

    /// Footnote rows on pages of `pageHeight` (a PDF): the first page holds the chart and the rows that fit
    /// under it, the rest continue on following pages of the same size, never grouped and never cut by a
    /// page's edge. The image becomes a whole number of pages, stacked.
    private mutating func paginate(
        _ groups: [[(number: Int, marker: Int)]], geometry g: VerticalGeometry, pageHeight: Double, columnWidth: Double
    ) {
        let pad = style.padding
        let rowHeight = g.footnoteRowHeight
        let firstRows = max(0, Int((pageHeight - pad - g.footnoteTop) / rowHeight))
        let laterRows = max(1, Int((pageHeight - 2 * pad) / rowHeight))
        var placed: [FootnoteRow] = []
        var page = 0
        var index = 0
        while index < groups.count {
            let rows = page == 0 ? firstRows : laterRows
            let top = page == 0 ? g.footnoteTop : Double(page) * pageHeight + pad
            let perPage = rows * g.footnoteColumns
            if perPage > 0 {
                // Column-major on each page, as on a single tall page.
                let count = min(perPage, groups.count - index)
                let rowsUsed = (count + g.footnoteColumns - 1) / g.footnoteColumns
                for k in 0..<count {
                    let group = groups[index + k]
                    let box = Rect(
                        x: pad + Double(k / rowsUsed) * columnWidth, y: top + Double(k % rowsUsed) * rowHeight,
                        width: columnWidth - 12, height: rowHeight)
                    placed.append(FootnoteRow(numbers: group.map(\.number), markers: group.map(\.marker), box: box))
                }
                index += count
            }
            page += 1
        }
        footnotes = placed
        height = Double(max(1, page)) * pageHeight
    }
}
