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
