import Foundation
import RefChartCore
import RefChartScene

extension ReportDocument {
    /// The pages before the charts: the cover with the contents (continued on more pages when long), the
    /// charts that are not in it, and the impact table.
    struct Front {
        let document: ReportDocument
        let fonts: DocumentFonts
        let measurer: any TextMeasuring

        init(document: ReportDocument, fonts: DocumentFonts, measurer: some TextMeasuring) {
            (self.document, self.fonts, self.measurer) = (document, fonts, measurer)
        }

        /// One line of a listing: its text and, for a chart, its page and destination.
        private struct Row {
            var text: String
            var muted = false
            var page: Int?
            var destination: String?
            var heading = false
        }

        /// The impact table's columns: share of the width and alignment.
        private static let columns: [(title: String, share: Double, right: Bool)] = [
            ("Chart", 0.22, false), ("Reference", 0.34, false), ("Date", 0.14, false), ("Before", 0.10, true), ("After", 0.10, true),
            ("Change", 0.10, true),
        ]

        func pageCount(coverSize: Size) -> Int {
            listingPages(coverSize: coverSize, chartStarts: Array(repeating: 0, count: document.charts.count)).count + impactPages(coverSize).count
        }

        func pages(coverSize: Size, chartStarts: [Int]) -> [DocumentPage] {
            listingPages(coverSize: coverSize, chartStarts: chartStarts) + impactPages(coverSize)
        }

        /// The cover: title, subtitle lines, then the contents and the charts left out, a row each, as
        /// many pages as they need.
        private func listingPages(coverSize size: Size, chartStarts: [Int]) -> [DocumentPage] {
            var rows: [Row] = [Row(text: "Contents", heading: true)]
            for (k, chart) in document.charts.enumerated() {
                let title = chart.scene.accessibleTitle
                let text = title.isEmpty || title == "Chart" || title == chart.name ? chart.name : "\(title) (\(chart.name))"
                rows.append(Row(text: text, page: chartStarts[k], destination: "chart-\(k + 1)"))
            }
            if document.charts.isEmpty { rows.append(Row(text: "No chart was rendered.", muted: true)) }
            if !document.missing.isEmpty {
                rows.append(Row(text: "Not in this report", heading: true))
                rows += document.missing.map { Row(text: "\($0.name): \($0.why)", muted: true) }
            }
            let box = ReportDocument.contentBox(size)
            var pages: [DocumentPage] = []
            var page = DocumentPage(size: size, outlineTitle: "Contents")
            var y = box.y
            page.overlay.append(text(fitted(document.title, box.width, fonts.title), at: Point(x: box.x, y: y), fonts.title, fonts.theme.text))
            y += 40
            for line in document.subtitle {
                page.overlay.append(text(fitted(line, box.width, fonts.body), at: Point(x: box.x, y: y), fonts.body, fonts.theme.mutedText))
                y += 20
            }
            y += 18
            for row in rows {
                if y + ReportDocument.rowHeight > box.maxY {
                    pages.append(page)
                    page = DocumentPage(size: size)
                    y = box.y
                    page.overlay.append(text("Contents (continued)", at: Point(x: box.x, y: y), fonts.heading, fonts.theme.text))
                    y += ReportDocument.headerHeight
                }
                if row.heading {
                    y += 6
                    page.overlay.append(text(row.text, at: Point(x: box.x, y: y), fonts.heading, fonts.theme.text))
                    y += ReportDocument.rowHeight + 2
                    continue
                }
                let number = row.page.map(String.init) ?? ""
                let numberWidth = measurer.measure(number, font: fonts.body).width
                let text = fitted(row.text, box.width - numberWidth - 24, fonts.body)
                page.overlay.append(
                    self.text(text, at: Point(x: box.x, y: y), fonts.body, row.muted ? fonts.theme.mutedText : fonts.theme.text))
                if !number.isEmpty {
                    page.overlay.append(SceneText.run(number, right: box.maxX, y: y, fonts.body, fonts.theme.text, measurer))
                }
                if let destination = row.destination {
                    page.links.append(
                        .init(box: Rect(x: box.x, y: y - 2, width: box.width, height: ReportDocument.rowHeight), destination: destination))
                }
                y += ReportDocument.rowHeight
            }
            pages.append(page)
            return pages
        }

        /// The impact table: a row per reference with impact numbers, chart by chart; none without any.
        private func impactPages(_ size: Size) -> [DocumentPage] {
            guard !document.impacts.isEmpty else { return [] }
            let box = ReportDocument.contentBox(size)
            var pages: [DocumentPage] = []
            var page = DocumentPage(size: size)
            var y = box.y
            func startPage(_ heading: String) {
                page = DocumentPage(size: size, outlineTitle: pages.isEmpty ? "Impact of the references" : nil)
                y = box.y
                page.overlay.append(text(heading, at: Point(x: box.x, y: y), fonts.heading, fonts.theme.text))
                y += ReportDocument.headerHeight + 2
                page.overlay += cells(Self.columns.map(\.title), y: y, box: box, font: fonts.small, color: fonts.theme.mutedText)
                y += ReportDocument.rowHeight
                page.overlay.append(
                    .line(from: Point(x: box.x, y: y - 4), to: Point(x: box.maxX, y: y - 4), stroke: Stroke(color: fonts.theme.grid, width: 1)))
            }
            startPage("Impact of the references")
            for row in document.impacts {
                if y + ReportDocument.rowHeight > box.maxY {
                    pages.append(page)
                    startPage("Impact of the references (continued)")
                }
                let values = [
                    row.chart, row.reference, row.date, ReportDocument.meanText(row.before), ReportDocument.meanText(row.after),
                    ReportDocument.changeText(row.change),
                ]
                page.overlay += cells(values, y: y, box: box, font: fonts.body, color: fonts.theme.text)
                y += ReportDocument.rowHeight
            }
            pages.append(page)
            return pages
        }

        /// One table row: each value in its column, cut to it, numbers right-aligned.
        private func cells(_ values: [String], y: Double, box: Rect, font: FontSpec, color: Color) -> [SceneItem] {
            var x = box.x
            var items: [SceneItem] = []
            for (value, column) in zip(values, Self.columns) {
                let width = box.width * column.share
                let text = fitted(value, width - 10, font)
                items.append(
                    column.right
                        ? SceneText.run(text, right: x + width - 10, y: y, font, color, measurer)
                        : SceneText.run(text, at: Point(x: x, y: y), font, color, measurer))
                x += width
            }
            return items
        }

        private func fitted(_ text: String, _ width: Double, _ font: FontSpec) -> String { SceneText.fitted(text, width, font, measurer) }

        private func text(_ text: String, at origin: Point, _ font: FontSpec, _ color: Color) -> SceneItem {
            SceneText.run(text, at: origin, font, color, measurer)
        }
    }
}

extension ReportDocument {
    /// A window's mean: whole from 100 up (`1,192`), else to two decimals; `—` when there is none.
    package static func meanText(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return SummaryLayout.number(abs(value) >= 100 ? value.rounded() : (value * 100).rounded() / 100)
    }

    /// A change (a fraction) as the labels write it: `+18 %`, `−3.2 %` (a true minus), `—` when there is none.
    package static func changeText(_ change: Double?) -> String {
        guard let change, change.isFinite else { return "—" }
        let percent = abs(change) * 100
        return (change < 0 ? "\u{2212}" : "+") + String(format: percent < 10 ? "%.1f %%" : "%.0f %%", percent)
    }
}
