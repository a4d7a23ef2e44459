import RefChart

/// One line a report worker writes on its standard output, as JSON: how a chart ended and, when the
/// report makes a combined PDF, the chart's page.
struct WorkerMessage: Sendable, Codable {
    /// The chart's position in the jobs file.
    var index: Int
    var chart: ReportSummary.Chart
    var page: Scene?
}
