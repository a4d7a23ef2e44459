import Foundation
import RefChartCore
import RefChartScene

/// Turns the solved layout into drawing instructions, back to front.
extension LayoutPass {
    func scene() -> Scene {
        var items: [SceneItem] = []
        items += .group(SceneGroup("grid"), grid())
        items += .group(SceneGroup("bands"), rangeBands())
        items += .group(SceneGroup("references"), markerLines())
        items += .group(SceneGroup("series"), seriesItems())
        items += .group(SceneGroup("axes"), axes())
        items += .group(SceneGroup("labels"), markerLabels())
        items += .group(SceneGroup("badges"), badgeItems())
        items += .group(SceneGroup("footnotes"), footnoteItems())
        items += .group(SceneGroup("caption"), captionItems() + categoryKeyItems())
        items += .group(SceneGroup("title"), titleItems())
        var scene = Scene(
            size: Size(width: width, height: height), background: spec.theme.background, items: items,
            accessibleTitle: spec.title.isEmpty ? "Chart" : LabelText.singleLine(spec.title),
            accessibleDescription: accessibleDescription(),
            documentDate: domain.upperBound)
        if let pageHeight = spec.pageHeight, height > pageHeight + 0.5 { scene.pageHeight = pageHeight }
        scene.timeWindow = domain
        return scene.finite()
    }

    private func grid() -> [SceneItem] {
        var items: [SceneItem] = valueTicks.values.map { value in
            let y = yScale(value).rounded() + 0.5
            return .line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), stroke: Stroke(color: theme.grid, width: 1))
        }
        for tick in timeTicks.ticks {
            let x = xScale(tick.time).rounded() + 0.5
            items.append(
                .line(
                    from: Point(x: x, y: plot.minY), to: Point(x: x, y: plot.maxY),
                    stroke: Stroke(color: theme.grid.withAlpha(0.6), width: 1)))
        }
        return items
    }

    /// Each drawn series' unbroken runs of points, reduced per pixel column (M4).
    func seriesRuns() -> [(series: Int, runs: [[Point]])] {
        let columns = Int((plot.width * spec.pixelScale).rounded(.up)) * M4Reducer.bucketsPerPixel
        let reduced = context.reducedRunsCache.runs(columns: columns) {
            let referenceTimes = inRange.map { spec.references[$0].date.timeIntervalSince1970 }
            return spec.series.prefix(Legend.maximumEntries).map { series in
                let keep = nearestIndices(series.times, to: referenceTimes)
                let runs = M4Reducer.reduce(times: series.times, values: series.values, domain: domain, columns: columns, keep: keep)
                return spec.options.connectGaps ? runs : GapBreaks(times: series.times, tally: series.tally).split(runs)
            }
        }
        return zip(spec.series.prefix(Legend.maximumEntries), reduced).enumerated().map { s, pair in
            let (series, runs) = pair
            let yScale = scale(forSeries: s)
            return (s, runs.map { run in run.map { Point(x: xScale(series.times[$0]), y: yScale(series.values[$0])) } })
        }
    }

    func seriesStroke(_ s: Int) -> Stroke {
        Stroke(color: context.seriesColors[s], width: 1.75, dash: Legend.dash(forSeries: s, paletteSize: theme.series.count))
    }

    func lineItems(_ runs: [[Point]], stroke: Stroke) -> [SceneItem] {
        runs.map { points in
            points.count == 1
                ? .circle(center: points[0], radius: 1.75, fill: stroke.color, stroke: nil) : .polyline(points: points, stroke: stroke)
        }
    }

    /// For each time, the index of the nearest sample; ascending and unique.
    private func nearestIndices(_ times: [Double], to targets: [Double]) -> [Int] {
        guard !times.isEmpty else { return [] }
        let indices = targets.map { target -> Int in
            let i = M4Reducer.firstIndex(times, atLeast: target)
            if i == 0 { return 0 }
            if i == times.count { return times.count - 1 }
            return target - times[i - 1] <= times[i] - target ? i - 1 : i
        }
        return Array(Set(indices)).sorted()
    }

    private func axes() -> [SceneItem] {
        var items: [SceneItem] = []
        let axisY = plot.maxY.rounded() + 0.5
        items.append(.line(from: Point(x: plot.minX, y: axisY), to: Point(x: plot.maxX, y: axisY), stroke: Stroke(color: theme.axis, width: 1)))
        for value in valueTicks.values {
            let text = valueTicks.label(value)
            let size = measure(text, style.axis)
            // Centred on its grid line, but never reaching down into the time labels' row.
            let y = min(yScale(value) - size.height / 2, geometry.tickLabelTop - 1 - size.height)
            items.append(
                .text(
                    context.textRun(
                        text: text, origin: Point(x: plot.minX - 8 - size.width, y: y),
                        font: style.axis, color: theme.mutedText)))
        }
        items += rightAxisItems()
        var contexts: [(run: TextRun, right: Double, boundary: Bool)] = []
        var lastLabelRight = -Double.infinity
        for (k, tick) in timeTicks.ticks.enumerated() {
            let x = xScale(tick.time)
            items.append(
                .line(
                    from: Point(x: x.rounded() + 0.5, y: axisY), to: Point(x: x.rounded() + 0.5, y: axisY + 4),
                    stroke: Stroke(color: theme.axis, width: 1)))
            let size = measure(tick.label, style.axis)
            let left = min(max(x - size.width / 2, style.padding), width - style.padding - size.width)
            // Labels pulled inside the image at either edge may meet their neighbour: then the tick stays
            // and its label is left out.
            if left >= lastLabelRight + 4 {
                lastLabelRight = left + size.width
                items.append(
                    .text(
                        context.textRun(text: tick.label, origin: Point(x: left, y: geometry.tickLabelTop), font: style.axis, color: theme.mutedText))
                )
            }
            guard let context = tick.context else { continue }
            let contextSize = measure(context, style.axis)
            let contextLeft = min(max(left, style.padding), width - style.padding - contextSize.width)
            let run = self.context.textRun(text: context, origin: Point(x: contextLeft, y: geometry.contextTop), font: style.axis, color: theme.text)
            if let previous = contexts.last, previous.right + 8 > contextLeft {
                // A real boundary (a new month) wins over the first tick's context, which only sets the scene.
                guard !previous.boundary else { continue }
                contexts.removeLast()
            }
            contexts.append((run, contextLeft + contextSize.width, k > 0))
        }
        items += contexts.map { .text($0.run) }
        return items
    }

    /// The bottom row: references outside the window at the plot's left and right edges, the time zone
    /// in the middle.
    private func captionItems() -> [SceneItem] {
        let y = geometry.captionTop
        func run(_ text: String, _ x: (Double) -> Double) -> SceneItem {
            .text(
                context.textRun(
                    text: text, origin: Point(x: x(measure(text, style.caption).width), y: y), font: style.caption,
                    color: theme.mutedText))
        }
        var items = context.zoneCaption.map { [run($0) { plot.midX - $0 / 2 }] } ?? []
        if before > 0 { items.append(run(context.earlierCaption) { _ in plot.minX }) }
        if after > 0 { items.append(run(context.laterCaption) { plot.maxX - $0 }) }
        return items
    }

    /// The plot's left edge and middle as the x scale stands (before the plot's rectangle is set).
    var plotLeft: Double { xScale.range.lowerBound }
    var plotMidX: Double { (xScale.range.lowerBound + xScale.range.upperBound) / 2 }

    private func titleItems() -> [SceneItem] {
        var items: [SceneItem] = []
        let legend = geometry.legend
        if !spec.title.isEmpty {
            let legendSpace = legend.inline ? legend.entries.reduce(0) { $0 + $1.width + Legend.gap } + 16 : 0
            let maxWidth = width - 2 * style.padding - legendSpace
            let title = context.fitted(LabelText.singleLine(spec.title), maxWidth: maxWidth, font: style.title).text
            items.append(.text(context.textRun(text: title, origin: Point(x: style.padding, y: style.padding), font: style.title, color: theme.text)))
        }
        for entry in legend.entries {
            let mid =
                entry.row == 0
                ? style.padding + geometry.titleHeight / 2
                : style.padding + geometry.titleHeight + 4 + (Double(entry.row) - 0.5) * geometry.legendRowHeight
            let size = measure(entry.text, style.axis)
            guard let s = entry.series else {
                items.append(
                    .text(
                        context.textRun(
                            text: entry.text, origin: Point(x: entry.x, y: mid - size.height / 2), font: style.axis, color: theme.mutedText)))
                continue
            }
            let stroke = Stroke(
                color: context.seriesColors[s], width: 2.5,
                dash: Legend.dash(forSeries: s, paletteSize: theme.series.count))
            items.append(.line(from: Point(x: entry.x, y: mid), to: Point(x: entry.x + 14, y: mid), stroke: stroke))
            items.append(
                .text(
                    context.textRun(text: entry.text, origin: Point(x: entry.x + 18, y: mid - size.height / 2), font: style.axis, color: theme.text)))
        }
        if let label = spec.yLabel.map(LabelText.singleLine), !label.isEmpty {
            let text = context.fitted(label, maxWidth: width - 2 * style.padding, font: style.axis).text
            items.append(
                .text(context.textRun(text: text, origin: Point(x: style.padding, y: geometry.yLabelTop), font: style.axis, color: theme.mutedText)))
        }
        return items
    }

    /// The chart in words, for SVG's `<desc>` and the PDF's subject; printable (titles already are).
    private func accessibleDescription() -> String {
        let names = PrintableText.clean(spec.series.map(\.name).joined(separator: ", "))
        let from = ISO8601.string(fromSeconds: domain.lowerBound, fractionalSeconds: false)
        let to = ISO8601.string(fromSeconds: domain.upperBound, fractionalSeconds: false)
        let kind = spec.stacked ? "Stacked \(spec.chartType.rawValue)" : spec.chartType.rawValue.capitalized
        var text = "\(kind) chart of \(names) from \(from) to \(to)."
        if !spec.references.isEmpty {
            // Bytes appended to one buffer: interpolating, joining and cleaning thousands of entries cost
            // several times more (docs/PERFORMANCE.md).
            var bytes = Array(" \(inRange.count) references: ".utf8)
            for (k, index) in inRange.enumerated() {
                if k > 0 { bytes += "; ".utf8 }
                FootnoteDate.write(spec.references[index].date, calendar: calendar, to: &bytes)
                bytes += ": ".utf8
                bytes += titles[index].utf8
            }
            text += String(decoding: bytes, as: UTF8.self) + "."
            if before + after > 0 { text += " \(before + after) more outside the time range." }
        }
        return text
    }

    /// The right axis's tick marks and labels, in the colour of its series when it has one.
    private func rightAxisItems() -> [SceneItem] {
        guard let ticks = rightTicks else { return [] }
        let scale = valueScale(rightAxis: true)
        let color = rightAxis.count == 1 ? seriesStroke(rightAxis.first!).color : theme.mutedText
        var items: [SceneItem] = []
        for value in ticks.values {
            let y = scale(value)
            items.append(
                .line(
                    from: Point(x: plot.maxX, y: y.rounded() + 0.5), to: Point(x: plot.maxX + 4, y: y.rounded() + 0.5),
                    stroke: Stroke(color: theme.axis, width: 1)))
            let text = ticks.label(value)
            let size = measure(text, style.axis)
            let top = min(y - size.height / 2, geometry.tickLabelTop - 1 - size.height)
            items.append(.text(context.textRun(text: text, origin: Point(x: plot.maxX + 8, y: top), font: style.axis, color: color)))
        }
        return items
    }
}
