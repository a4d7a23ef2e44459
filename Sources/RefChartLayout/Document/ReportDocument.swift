import Foundation
package import RefChartScene

/// A report's PDF as a document: a cover (title, period, when it was made, contents with page numbers
/// that link to each chart), an impact table when any chart measured one, then each chart scaled into the
/// page's content box, its continued footnote pages headed "Chart (continued)", every page but the cover
/// with the report title and its number in a footer. One page size throughout (or each chart's own with
/// ``DocumentPaper/Size/chart``). Text stays text: the writer draws it with Pango into the PDF.
package struct ReportDocument: Sendable {
    /// A chart's page(s): its scene, paged as the PDF pages it (``Scene/pageHeight``).
    package struct Chart: Sendable {
        package var name: String
        package var scene: Scene

        package init(name: String, scene: Scene) { (self.name, self.scene) = (name, scene) }
    }

    /// A chart that is not in the document, and why (failed, timed out, not run).
    package struct Missing: Sendable {
        package var name: String
        package var why: String

        package init(name: String, why: String) { (self.name, self.why) = (name, why) }
    }

    /// One row of the impact table.
    package struct ImpactRow: Sendable {
        package var chart: String
        package var reference: String
        /// The reference's day, as the report's readers read it.
        package var date: String
        package var before: Double?
        package var after: Double?
        /// A fraction: 0.18 is +18 %.
        package var change: Double?

        package init(chart: String, reference: String, date: String, before: Double?, after: Double?, change: Double?) {
            (self.chart, self.reference, self.date, self.before, self.after, self.change) = (chart, reference, date, before, after, change)
        }
    }

    package var title: String
    /// Lines under the title: the period, when and from what it was made.
    package var subtitle: [String]
    package var charts: [Chart]
    package var missing: [Missing]
    package var impacts: [ImpactRow]
    package var paper: DocumentPaper

    package init(
        title: String, subtitle: [String], charts: [Chart], missing: [Missing] = [], impacts: [ImpactRow] = [],
        paper: DocumentPaper = .default
    ) {
        (self.title, self.subtitle, self.charts, self.missing, self.impacts, self.paper) = (title, subtitle, charts, missing, impacts, paper)
    }

    /// Page furniture, in page pixels.
    static let margin = 40.0
    static let footerHeight = 26.0
    static let headerHeight = 28.0
    static let rowHeight = 21.0

    /// The document's pages, in order; the cover is page 1.
    package func pages(measurer: some TextMeasuring) -> [DocumentPage] {
        let theme = Theme.light
        let fonts = DocumentFonts(theme: theme)
        // The chart pages first, unnumbered, so the cover's contents know where each chart starts.
        var chartPages: [[DocumentPage]] = []
        for (index, chart) in charts.enumerated() {
            chartPages.append(pages(of: chart, destination: "chart-\(index + 1)", fonts: fonts, measurer: measurer))
        }
        let front = Front(document: self, fonts: fonts, measurer: measurer)
        let frontCount = front.pageCount(coverSize: coverSize)
        var starts: [Int] = []
        var next = frontCount + 1
        for pages in chartPages {
            starts.append(next)
            next += pages.count
        }
        var all = front.pages(coverSize: coverSize, chartStarts: starts) + chartPages.flatMap { $0 }
        for k in all.indices where k > 0 {
            all[k].overlay += footer(page: k + 1, of: all.count, size: all[k].size, fonts: fonts, measurer: measurer)
        }
        return all
    }

    /// The cover's size: the paper, or for `chart` the first chart's page (at least 1,000 × 700).
    var coverSize: Size {
        if let size = paper.pixels { return size }
        let first = charts.first.map { Size(width: $0.scene.size.width, height: $0.scene.pageHeight ?? $0.scene.size.height) }
        return Size(width: max(1000, first?.width ?? 0), height: max(700, first?.height ?? 0))
    }

    /// A chart's pages: band k of its scene on page k, scaled into the content box (one scale for all its
    /// bands), the later ones headed with its title and "(continued)".
    private func pages(of chart: Chart, destination: String, fonts: DocumentFonts, measurer: some TextMeasuring) -> [DocumentPage] {
        let scene = chart.scene
        let band = scene.pageHeight ?? scene.size.height
        // Cut once: each page gets only the items that reach into it (cutting per page was pages × items).
        let bands = scene.size.height > band + 0.5 ? scene.bands(height: band) : [scene]
        let count = bands.count
        let title = scene.accessibleTitle.isEmpty || scene.accessibleTitle == "Chart" ? chart.name : scene.accessibleTitle
        var pages: [DocumentPage] = []
        for k in 0..<count {
            let top = Double(k) * band
            let height = min(band, scene.size.height - top)
            let header = k > 0 ? Self.headerHeight : 0
            let size: Size
            let scale: Double
            let origin: Point
            if let paper = paper.pixels {
                let box = Self.contentBox(paper)
                // The same scale on every band of the chart: the continued pages' rows match the first's.
                let fit = min(box.width / scene.size.width, (box.height - Self.headerHeight) / band, 1.5)
                scale = count > 1 ? fit : min(box.width / scene.size.width, box.height / band, 1.5)
                size = paper
                origin = Point(x: box.x + (box.width - scene.size.width * scale) / 2, y: box.y + header)
            } else {
                scale = 1
                size = Size(width: scene.size.width, height: band + header + Self.footerHeight)
                origin = Point(x: 0, y: header)
            }
            var overlay: [SceneItem] = []
            if k > 0 {
                let x = paper.pixels == nil ? 16 : Self.margin
                let text = SceneText.fitted("\(title) (continued)", size.width - 2 * x, fonts.heading, measurer)
                overlay.append(SceneText.run(text, at: Point(x: x, y: origin.y - Self.headerHeight + 4), fonts.heading, fonts.theme.text, measurer))
            }
            pages.append(
                DocumentPage(
                    size: size, placements: [.init(scene: bands[k], top: top, height: height, origin: origin, scale: scale)], overlay: overlay,
                    destination: k == 0 ? destination : nil, outlineTitle: k == 0 ? title : nil))
        }
        return pages
    }

    /// The page minus its margins and footer.
    static func contentBox(_ size: Size) -> Rect {
        Rect(x: margin, y: margin, width: size.width - 2 * margin, height: size.height - 2 * margin - footerHeight)
    }

    /// "Title · page 3 of 12", on the page's last line.
    private func footer(page: Int, of total: Int, size: Size, fonts: DocumentFonts, measurer: some TextMeasuring) -> [SceneItem] {
        let inset = paper.pixels == nil ? 16 : Self.margin
        let y = size.height - (paper.pixels == nil ? Self.footerHeight - 6 : Self.margin)
        let number = "page \(page) of \(total)"
        let room = size.width - 2 * inset - measurer.measure(number, font: fonts.small).width - 24
        return [
            .line(
                from: Point(x: inset, y: y - 6), to: Point(x: size.width - inset, y: y - 6), stroke: Stroke(color: fonts.theme.grid, width: 1)),
            SceneText.run(
                SceneText.fitted(title, room, fonts.small, measurer), at: Point(x: inset, y: y), fonts.small, fonts.theme.mutedText, measurer),
            SceneText.run(number, right: size.width - inset, y: y, fonts.small, fonts.theme.mutedText, measurer),
        ]
    }
}

/// The document's type: the charts' family, a few sizes.
struct DocumentFonts: Sendable {
    let theme: Theme
    let title: FontSpec
    let heading: FontSpec
    let body: FontSpec
    let small: FontSpec

    init(theme: Theme) {
        self.theme = theme
        title = FontSpec(family: theme.fontFamily, size: 26, bold: true)
        heading = FontSpec(family: theme.fontFamily, size: 15, bold: true)
        body = FontSpec(family: theme.fontFamily, size: 12.5, bold: false)
        small = FontSpec(family: theme.fontFamily, size: 11, bold: false)
    }
}
