import Foundation
import RefChartCore
import RefChartScene

/// The context's fields as a pass reads them: borrowed in place (`_read`), never copied out of the class.
extension LayoutPass {
    var spec: ChartSpec { _read { yield context.spec } }
    var style: ChartStyle { _read { yield context.style } }
    var theme: Theme { _read { yield context.spec.theme } }
    var calendar: Calendar { _read { yield context.calendar } }
    var metrics: TextMetrics { context.metrics }
    var domain: ClosedRange<Double> { context.domain }
    var inRange: [Int] { _read { yield context.inRange } }
    var before: Int { context.before }
    var after: Int { context.after }
    var titles: [String] { _read { yield context.titles } }
    var impacts: [Int: ReferenceImpact] { _read { yield context.impacts } }
    var rightAxis: Set<Int> { _read { yield context.rightAxis } }

    /// The size of `text` in `font`, measured once a layout.
    func measure(_ text: String, _ font: FontSpec) -> Size { context.metrics.measure(text, font) }
}
