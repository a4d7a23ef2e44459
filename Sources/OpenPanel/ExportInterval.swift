/// The bucket size of an exported series.
public enum ExportInterval: String, Sendable, Hashable, CaseIterable, Codable {
    case minute
    case hour
    case day
    case week
    case month

    /// A bucket's nominal length in seconds.
    public var seconds: Double {
        switch self {
        case .minute: return 60
        case .hour: return 3_600
        case .day: return 86_400
        case .week: return 7 * 86_400
        case .month: return 30.4 * 86_400
        }
    }

    /// The finest interval that gives at most one bucket per pixel of a `width`-pixel chart (and at most
    /// 5,000 buckets): 30 days at 1200 px is hourly (720 buckets), a year daily, ten years weekly.
    public static func suiting(windowSeconds: Double, width: Int) -> ExportInterval {
        let limit = min(5_000, max(10, Double(width)))
        return allCases.first { windowSeconds / $0.seconds <= limit } ?? .month
    }
}
