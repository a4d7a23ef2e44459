/// One headline number of a metric page: a series' total over its window, and the previous window's.
public struct HeadlineNumber: Sendable, Hashable {
    public var name: String
    public var value: Double
    /// The same window just before, when the report compares with it.
    public var previous: Double?

    public init(name: String, value: Double, previous: Double? = nil) {
        self.name = name
        self.value = value
        self.previous = previous
    }

    /// The change from the previous window, in per cent; `nil` without one or from zero.
    public var change: Double? {
        guard let previous, previous != 0 else { return nil }
        return (value - previous) / abs(previous) * 100
    }
}
