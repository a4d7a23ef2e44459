public import RefChartCore

/// One series of an `/export/charts` answer: an event, or one of its breakdown values.
public struct ExportedSeries: Sendable, Hashable {
    /// The event's name, as asked for.
    public var event: String
    /// The breakdown values of this series, in the order of the breakdowns asked for (empty values left
    /// out, as the server does: direct traffic under `referrer_name` is the event's own series); empty
    /// without breakdowns.
    public var breakdown: [String]
    /// Its counts, every bucket filled, named `event · value …`.
    public var series: MetricSeries

    public init(event: String, breakdown: [String], series: MetricSeries) {
        (self.event, self.breakdown, self.series) = (event, breakdown, series)
    }
}
