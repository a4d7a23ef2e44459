public import Foundation
public import RefChartCore

/// A saved report executed (`GET /insights/:projectId/reports/:reportId/data`), for the time-series
/// chart types: its window and one series per event, formula and breakdown value, as the server named them.
public struct ReportData: Sendable {
    public var id: String
    public var name: String
    public var chartType: String
    public var interval: String?
    /// The window the server resolved, in the organisation's zone.
    public var window: ClosedRange<Date>?
    /// The series, labelled as the dashboard labels them: the display name (or event name, or formula),
    /// without the `(A) ` position prefix, then each breakdown value (`Visitors · SE`).
    public var series: [MetricSeries]
    /// Each series' definition id (`event.id`: the saved series' or formula's id), in the order of ``series``.
    public var definitionIds: [String?] = []

    /// Reads an answer; labels and dates are wall-clock times in `orgZone` (the organisation's zone, which
    /// no endpoint returns).
    /// - Throws: ``OpenPanelError`` (`badResponse`) for an answer that is not the documented shape.
    public static func decode(_ body: Data, orgZone: TimeZone) throws -> ReportData {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], let id = object["id"] as? String else {
            throw OpenPanelError(kind: .badResponse, message: "the report data answer is not an object with an \"id\"")
        }
        let wall = { (key: String) -> Date? in
            (object[key] as? String).flatMap(ISO8601.parse).map { Date(timeIntervalSince1970: $0.instant(in: orgZone)) }
        }
        var result = ReportData(
            id: id, name: object["name"] as? String ?? "Untitled", chartType: object["chartType"] as? String ?? "linear",
            interval: object["interval"] as? String, window: nil, series: [])
        if let start = wall("startDate"), let end = wall("endDate"), start <= end { result.window = start...end }
        guard let data = object["data"] as? [String: Any], let answered = data["series"] as? [[String: Any]] else {
            throw OpenPanelError(kind: .badResponse, message: "report \(quoted(result.name)): its data has no \"series\" list")
        }
        for item in answered {
            let names = (item["names"] as? [String]) ?? [((item["event"] as? [String: Any])?["name"] as? String) ?? "series"]
            var points: [(Double, Double)] = []
            for point in (item["data"] as? [[String: Any]]) ?? [] {
                guard let label = point["date"] as? String, let parsed = ISO8601.parse(label),
                    let count = (point["count"] as? NSNumber)?.doubleValue, count.isFinite
                else {
                    throw OpenPanelError(
                        kind: .badResponse,
                        message: "report \(quoted(result.name)): a point that is not {date, count}: \(quoted(String(describing: point)))")
                }
                points.append((parsed.instant(in: orgZone), count))
            }
            points.sort { $0.0 < $1.0 }
            result.series.append(MetricSeries(name: label(names), times: points.map(\.0), values: points.map(\.1)))
            result.definitionIds.append((item["event"] as? [String: Any])?["id"] as? String)
        }
        return result
    }

    /// `["(A) Visitors", "SE"]` → `Visitors · SE`.
    static func label(_ names: [String]) -> String {
        guard var first = names.first else { return "series" }
        if first.count > 4, first.hasPrefix("("), first.dropFirst(2).hasPrefix(") "), first.dropFirst().first?.isLetter == true {
            first = String(first.dropFirst(4))
        }
        return ([first] + names.dropFirst()).joined(separator: " · ")
    }
}

extension ReportData {
    /// A `metric` report's answer: each series' one aggregate point, with the previous window's when the
    /// report compares (section 4.5 of the contract), and the report's name.
    public static func headlines(_ body: Data) throws -> (name: String, numbers: [HeadlineNumber]) {
        let (object, answered) = try seriesList(body)
        let numbers = answered.compactMap { item -> HeadlineNumber? in
            let names = (item["names"] as? [String]) ?? []
            guard let point = (item["data"] as? [[String: Any]])?.first, let value = (point["count"] as? NSNumber)?.doubleValue else { return nil }
            let previous = (((item["metrics"] as? [String: Any])?["previous"] as? [String: Any])?["sum"] as? [String: Any])?["value"] as? NSNumber
            return HeadlineNumber(name: label(names), value: value, previous: previous?.doubleValue)
        }
        return (object["name"] as? String ?? "Untitled", numbers)
    }

    /// A `funnel` report's answer: the steps of its largest funnel (the first; one per breakdown value),
    /// named by display name (section 4.6).
    public static func funnel(_ body: Data) throws -> (name: String, steps: [FunnelStep]) {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw OpenPanelError(kind: .badResponse, message: "the report data answer is not an object")
        }
        let funnels = (object["data"] as? [[String: Any]]) ?? []
        let steps = ((funnels.first?["steps"] as? [[String: Any]]) ?? []).map { step -> FunnelStep in
            let event = step["event"] as? [String: Any]
            let name = (event?["displayName"] as? String) ?? (event?["name"] as? String) ?? "step"
            return FunnelStep(
                name: name, count: (step["count"] as? NSNumber)?.doubleValue ?? 0, percent: (step["percent"] as? NSNumber)?.doubleValue ?? 0)
        }
        return (object["name"] as? String ?? "Untitled", steps)
    }

    private static func seriesList(_ body: Data) throws -> ([String: Any], [[String: Any]]) {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let answered = (object["data"] as? [String: Any])?["series"] as? [[String: Any]]
        else { throw OpenPanelError(kind: .badResponse, message: "the report data answer has no \"data.series\" list") }
        return (object, answered)
    }
}
