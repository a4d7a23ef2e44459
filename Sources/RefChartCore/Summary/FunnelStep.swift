/// One step of a funnel: how many reached it, and that as a share of the first step.
public struct FunnelStep: Sendable, Hashable {
    public var name: String
    public var count: Double
    /// Of the first step's count, 0–100.
    public var percent: Double

    public init(name: String, count: Double, percent: Double) {
        self.name = name
        self.count = count
        self.percent = percent
    }
}
