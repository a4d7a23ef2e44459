public import RefChartCore
import RefChartLayout
import RefChartRender
package import RefChartScene

/// A page that is not a time series: a metric report's headline numbers (value, previous period,
/// change) or a funnel's steps (a bar each, with count and conversion), in a chart's size and theme.
public struct SummaryChart: Sendable {
    /// What the page shows.
    public enum Content: Sendable {
        case headlines([HeadlineNumber])
        case funnel([FunnelStep])
    }

    public var title: String
    public var width: Int
    public var height: Int
    public var theme: ChartTheme
    public var content: Content

    public init(title: String, width: Int = 1200, height: Int = 600, theme: ChartTheme = .light, content: Content) {
        (self.title, self.width, self.height, self.theme, self.content) = (title, width, height, theme, content)
    }

    /// The page as PNG, SVG or PDF bytes.
    /// - Throws: ``ChartError`` when it cannot be drawn (no fonts, Cairo fails).
    public func render(_ format: ChartFormat) throws -> [UInt8] {
        do {
            try FontCheck.require()
            return try ChartRenderer.render(scene(), format: format.output(scale: 1, svgText: .text))
        } catch let error as RenderError {
            throw ChartError(OptionText(error.description))
        }
    }

    /// The page's scene (a combined PDF's page).
    package func scene() -> Scene {
        let size = Size(width: Double(width), height: Double(height))
        let palette = theme == .dark ? Theme.dark : Theme.light
        switch content {
        case .headlines(let numbers):
            return SummaryLayout.headlines(title: title, numbers: numbers, size: size, theme: palette, measurer: PangoTextMeasurer())
        case .funnel(let steps):
            return SummaryLayout.funnel(title: title, steps: steps, size: size, theme: palette, measurer: PangoTextMeasurer())
        }
    }
}
