package import RefChartCore
package import RefChartLayout
import RefChartRender
package import RefChartScene

/// One PDF of many charts' pages (a report's combined PDF), drawn through the façade so report front ends
/// need not know the renderer.
package enum CombinedPDF {
    /// A PDF document of `pages`, in order (a page taller than its ``Scene/pageHeight`` continues on more).
    /// - Throws: ``ChartError`` (``FailureKind/render``) when there are no pages or Cairo fails.
    package static func render(pages: [Scene], title: String, subject: String, date: Double) throws -> [UInt8] {
        do {
            return try ChartRenderer.pdf(pages: pages, title: title, subject: subject, date: date)
        } catch let error as RenderError {
            throw ChartError(OptionText(error.description))
        }
    }

    /// `document` as a PDF: its cover and contents, impact table, charts and footers
    /// (``ReportDocument``). The page count is the returned pages'.
    /// - Throws: ``ChartError`` when Cairo fails.
    package static func render(document: ReportDocument, subject: String, date: Double) throws -> (bytes: [UInt8], pages: Int) {
        let pages = document.pages(measurer: PangoTextMeasurer())
        do {
            return (try ChartRenderer.pdf(document: pages, title: document.title, subject: subject, date: date), pages.count)
        } catch let error as RenderError {
            throw ChartError(OptionText(error.description))
        }
    }
}
