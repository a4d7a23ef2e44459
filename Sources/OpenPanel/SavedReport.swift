/// A saved report on a dashboard, as listed (`GET /manage/projects/:p/dashboards/:d/reports`): what it
/// shows, not its data.
public struct SavedReport: Sendable, Hashable, Decodable {
    /// One definition of the report: an event series or a formula over the earlier ones.
    public struct Series: Sendable, Hashable, Decodable {
        /// `event` or `formula`.
        public var type: String
        public var id: String?
        /// The event's name (event series).
        public var name: String?
        public var displayName: String?
        /// The formula's text (`B/A*100`), for a formula.
        public var formula: String?
        public var segment: String?
    }

    /// A breakdown field (`country`, `properties.plan`).
    public struct Breakdown: Sendable, Hashable, Decodable {
        public var name: String
    }

    public var id: String
    public var name: String
    /// `linear` `area` `bar` `histogram` `pie` `metric` `map` `funnel` `retention` `conversion` `sankey`.
    public var chartType: String
    public var range: String?
    public var interval: String?
    public var series: [Series]
    public var breakdowns: [Breakdown]

    /// Whether its data is a time series refchart draws as one (`linear`, `area`, `histogram`; `bar`, whose
    /// answer is a time series too): the others mean something else there (section 4.3 of the contract).
    public var isTimeSeries: Bool { ["linear", "area", "histogram", "bar"].contains(chartType) }

    enum CodingKeys: String, CodingKey { case id, name, chartType, range, interval, series, breakdowns }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? "Untitled"
        chartType = try c.decodeIfPresent(String.self, forKey: .chartType) ?? "linear"
        range = try c.decodeIfPresent(String.self, forKey: .range)
        interval = try c.decodeIfPresent(String.self, forKey: .interval)
        series = (try? c.decodeIfPresent([Series].self, forKey: .series)) ?? []
        breakdowns = (try? c.decodeIfPresent([Breakdown].self, forKey: .breakdowns)) ?? []
    }
}
