import Foundation
import RefChartCore

/// Reads `/export/charts` answers: series matched by `event.name`, labels read as wall-clock time in the
/// organization's zone, every bucket filled.
enum ExportDecoding {
    static func series(_ body: Data, events: [String], buckets: [Date], zone: TimeZone, now: Date) throws -> [MetricSeries] {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let answered = object["series"] as? [[String: Any]]
        else { throw OpenPanelError(kind: .badResponse, message: "the export answer has no \"series\" array") }
        var counts: [String: [Double: Double]] = [:]
        for series in answered {
            guard let name = (series["event"] as? [String: Any])?["name"] as? String, events.contains(name) else { continue }
            for point in (series["data"] as? [[String: Any]]) ?? [] {
                guard let label = point["date"] as? String, let parsed = ISO8601.parse(label) else {
                    throw OpenPanelError(
                        kind: .badResponse, message: "the export answer has a date OpenPanel does not write: \(point["date"] ?? "none")")
                }
                let instant = parsed.instant(in: zone)
                let count = (point["count"] as? NSNumber)?.doubleValue ?? 0
                if instant <= now.timeIntervalSince1970 { counts[name, default: [:]][instant] = count }
            }
        }
        let base = buckets.map(\.timeIntervalSince1970)
        return events.map { event in
            let values = counts[event] ?? [:]
            let times = Array(Set(base).union(values.keys)).sorted()
            return MetricSeries(name: event, times: times, values: times.map { values[$0] ?? 0 })
        }
    }
}
