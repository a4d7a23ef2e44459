import Foundation
import RefChartCore

/// Reads `/export/charts` answers: series matched by `event.name`, labels read as wall-clock time in the
/// organization's zone, every bucket filled.
enum ExportDecoding {
    /// - Parameter calendar: the organization's calendar (its zone, weeks from Monday), which the labels
    ///   must be bucket starts of.
    static func series(
        _ body: Data, events: [String], buckets: [Date], interval: ExportInterval, calendar: Calendar, now: Date
    ) throws -> [MetricSeries] {
        let (answered, grid) = try read(body, events: events, buckets: buckets, interval: interval, calendar: calendar, now: now)
        return events.map { event in
            answered.first { $0.event == event && $0.breakdown.isEmpty }?.series
                ?? MetricSeries(name: event, times: grid, values: grid.map { _ in 0 })
        }
    }

    /// Every series of the answer whose event was asked for, in the answer's order (by sum, largest first),
    /// each with its breakdown values (`names` after the first) and every bucket filled.
    static func exported(
        _ body: Data, events: [String], buckets: [Date], interval: ExportInterval, calendar: Calendar, now: Date
    ) throws -> [ExportedSeries] {
        try read(body, events: events, buckets: buckets, interval: interval, calendar: calendar, now: now).series
    }

    /// The answer's series and the bucket grid they share (the repeated DST hour once).
    private static func read(
        _ body: Data, events: [String], buckets: [Date], interval: ExportInterval, calendar: Calendar, now: Date
    ) throws -> (series: [ExportedSeries], grid: [Double]) {
        let zone = calendar.timeZone
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let answered = object["series"] as? [[String: Any]]
        else { throw OpenPanelError(kind: .badResponse, message: "the export answer has no \"series\" array") }
        var found: [(event: String, breakdown: [String], counts: [Double: Double])] = []
        var grid = Set(buckets.map(\.timeIntervalSince1970))
        for series in answered {
            guard let name = (series["event"] as? [String: Any])?["name"] as? String, events.contains(name) else { continue }
            let breakdown = ((series["names"] as? [Any]) ?? []).dropFirst().map { "\($0)" }
            guard let data = series["data"] as? [[String: Any]] else {
                throw OpenPanelError(kind: .badResponse, message: "the export answer's series \(quoted(name)) has no \"data\" list")
            }
            var counts: [Double: Double] = [:]
            for point in data {
                guard let label = point["date"] as? String, let parsed = ISO8601.parse(label) else {
                    throw OpenPanelError(
                        kind: .badResponse,
                        message: "the export answer has a date OpenPanel does not write: \(quoted(String(describing: point["date"] ?? "none")))")
                }
                guard let number = point["count"] as? NSNumber, number.doubleValue.isFinite else {
                    throw OpenPanelError(
                        kind: .badResponse,
                        message:
                            "the export answer's series \(quoted(name)) has a count that is not a number at \(quoted(label)): \(quoted(String(describing: point["count"] ?? "none")))"
                    )
                }
                let instant = parsed.instant(in: zone)
                try Self.checkOnGrid(instant, label: label, series: name, interval: interval, calendar: calendar)
                // The autumn DST hour: one wall-clock label for two instants, with the first hour's value
                // (openpanel-export-api.md §4). It is one bucket spanning both: the later instant is not
                // zero-filled as if it had no events.
                if let repeated = Self.repeatedInstant(of: instant, in: zone) { grid.remove(max(instant, repeated)) }
                let first = Self.repeatedInstant(of: instant, in: zone).map { min($0, instant) } ?? instant
                if first <= now.timeIntervalSince1970 { counts[first] = number.doubleValue }
            }
            found.append((name, breakdown, counts))
        }
        let series = found.map { item in
            let times = Array(grid.union(item.counts.keys)).sorted()
            let name = ([item.event] + item.breakdown).joined(separator: " · ")
            return ExportedSeries(
                event: item.event, breakdown: item.breakdown,
                series: MetricSeries(name: name, times: times, values: times.map { item.counts[$0] ?? 0 }))
        }
        return (series, grid.sorted())
    }

    /// A label that is not a bucket start in the organization's calendar would be drawn between the
    /// zero-filled buckets as a sawtooth: the answer was bucketed in another zone (an `orgTimezone`
    /// that is not the organization's, e.g. UTC for India's +05:30 at hourly interval) or another grid.
    /// Refused, since its real instant cannot be told from the label alone.
    static func checkOnGrid(_ instant: Double, label: String, series: String, interval: ExportInterval, calendar: Calendar) throws {
        let date = Date(timeIntervalSince1970: instant)
        guard OpenPanelClient.bucketStart(date, interval: interval, calendar: calendar) != date else { return }
        let zone = calendar.timeZone.identifier
        throw OpenPanelError(
            kind: .badResponse,
            message:
                "the export answer's label \(quoted(label)) of series \(quoted(series)) is not a bucket start of interval \(interval.rawValue) in \(zone): OpenPanel bucketed the data in another time zone",
            hint:
                "set \(option: .orgTimezone) to the organization's time zone (OpenPanel: organization settings → Timezone); it is \(zone) now"
        )
    }

    /// The other instant with the same wall-clock time as `instant` in `zone` (the repeated hour when
    /// clocks go back), if there is one.
    static func repeatedInstant(of instant: Double, in zone: TimeZone) -> Double? {
        func wall(_ t: Double) -> Double { t + Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))) }
        for shift in [-3600.0, 3600, -1800, 1800] where wall(instant + shift) == wall(instant) { return instant + shift }
        return nil
    }
}
