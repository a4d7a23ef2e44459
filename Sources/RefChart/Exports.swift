@_exported public import OpenPanel
// The domain values (`Reference`, `MetricSeries`, the CSV and references readers) are part of the
// library's API: importing RefChart is enough to use them.
@_exported public import RefChartCore
@_exported public import RefChartLayout
@_exported public import RefChartScene
