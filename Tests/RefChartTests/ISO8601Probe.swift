import Foundation
import RefChartCore

/// Reads test timestamps, failing loudly on a typo in a test.
enum ISO8601Probe {
    static func seconds(_ iso: String) -> Double {
        guard let date = ISO8601.date(from: iso) else { fatalError("bad test timestamp \(iso)") }
        return date.timeIntervalSince1970
    }

    /// `2024-01-01T00:00:00Z` for seconds since the epoch.
    static func iso(_ seconds: Double) -> String {
        ISO8601.string(fromSeconds: seconds, fractionalSeconds: false)
    }
}
