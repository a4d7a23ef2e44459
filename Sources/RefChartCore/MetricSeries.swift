/// One named series of a metric: instants and values of equal length, sorted by time.
///
/// Times are seconds since 1970-01-01T00:00:00Z. A value of `.nan` is a gap: the line breaks there.
public struct MetricSeries: Sendable, Hashable {
    /// The series name (the CSV column header).
    public var name: String
    /// Seconds since the Unix epoch, ascending.
    public var times: [Double]
    /// One value per time; `.nan` marks a missing value.
    public var values: [Double]
    /// The whole series' exact figures when the reader reduced it to the points a chart draws
    /// (``CSVOptions/reduction``); `nil` when `times` and `values` are every row.
    public var tally: SeriesTally?

    /// Creates a series; `times` and `values` must have the same length.
    public init(name: String, times: [Double], values: [Double]) {
        precondition(times.count == values.count, "times and values differ in length")
        self.name = name
        self.times = times
        self.values = values
    }

    /// The number of points, gaps included.
    public var count: Int { times.count }
}
