import Foundation

/// `GET /export/charts` as the real server behaves (openpanel-export-api.md): read and root clients only,
/// buckets in the organization's zone, labels as offset-less wall-clock strings, a fill whose end is
/// exclusive, no series for an event without data, series sorted by sum.
extension MockOpenPanel {
    func exportCharts(method: String, query: [String: String], headers: [String: String], overLimit: Bool) -> Answer {
        guard method == "GET" else {
            return json(404, ["message": "Route \(method):/export/charts not found", "error": "Not Found", "statusCode": 404])
        }
        if overLimit {
            return json(429, ["status": 429, "error": "Too Many Requests", "message": "You have exceeded the rate limit for this endpoint."])
        }
        let intervals = ["minute", "hour", "day", "week", "month"]
        let interval = query["interval"] ?? "day"
        guard intervals.contains(interval) else {
            return json(
                400,
                [
                    "status": 400, "error": "Error",
                    "message": "querystring/interval Invalid option: expected one of \"minute\"|\"day\"|\"hour\"|\"week\"|\"month\"",
                ])
        }
        guard let seriesText = query["series"] ?? query["events"],
            let series = (try? JSONSerialization.jsonObject(with: Data(seriesText.utf8))) as? [[String: Any]]
        else {
            return json(400, ["status": 400, "error": "Error", "message": "querystring/series Invalid input: expected array, received string"])
        }
        guard let id = headers["openpanel-client-id"], let client = clients[id] else {
            return json(401, ["error": "Unauthorized", "message": "Export: Invalid client id"])
        }
        guard client.canExport else { return json(401, ["error": "Unauthorized", "message": "Export: Client is not allowed to export"]) }
        guard client.secret == headers["openpanel-client-secret"] else {
            return json(401, ["error": "Unauthorized", "message": "Export: Invalid client secret"])
        }
        guard let projectId = query["projectId"], !projectId.isEmpty else {
            return json(400, ["status": 400, "message": "project_id or projectId is required"])
        }
        guard projects.contains(projectId) else { return json(404, ["status": 404, "message": "Project not found"]) }
        // Dates go through luxon: an unparsable one is a 500; one without an offset is read as UTC.
        guard let startText = query["startDate"], let endText = query["endDate"],
            let start = Self.parse(startText), let end = Self.parse(endText)
        else { return Answer(status: 500, headers: ["content-type": "text/plain"], body: "Internal server error") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = orgZone
        calendar.firstWeekday = 2
        func bucket(_ date: Date) -> Date {
            switch interval {
            case "minute": return calendar.dateInterval(of: .minute, for: date)!.start
            case "hour": return calendar.dateInterval(of: .hour, for: date)!.start
            case "day": return calendar.startOfDay(for: date)
            case "week": return calendar.dateInterval(of: .weekOfYear, for: date)!.start
            default: return calendar.dateInterval(of: .month, for: date)!.start
            }
        }
        let component: Calendar.Component = ["minute": .minute, "hour": .hour, "day": .day, "week": .weekOfYear][interval] ?? .month
        let formatter = DateFormatter()
        formatter.timeZone = orgZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = interval == "week" || interval == "month" ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss"
        var fill: [Date] = []
        var cursor = bucket(start)
        let last = bucket(end)
        while cursor < last {  // ClickHouse's WITH FILL … TO is exclusive
            fill.append(cursor)
            cursor = calendar.date(byAdding: component, value: 1, to: cursor)!
        }
        let inWindow = (events[projectId] ?? []).filter { $0.time >= start.timeIntervalSince1970 && $0.time <= end.timeIntervalSince1970 }
        // Breakdowns: unknown fields are dropped without an error; one series per combination of values,
        // empty values dropping out of `names` (so direct traffic merges into the series named by the event).
        let breakdowns = ((query["breakdowns"].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [[String: Any]]) ?? [])
            .compactMap { $0["name"] as? String }
            .filter { Self.breakdownFields.contains($0) || $0.hasPrefix("properties.") }
        var out: [[String: Any]] = []
        for (position, item) in series.enumerated() {
            let name = item["name"] as? String ?? ""
            let matching = inWindow.filter { name == "*" || $0.name == name }
            let groups = Dictionary(grouping: matching) { event in breakdowns.map { event.properties[$0] ?? "" } }
            for (values, grouped) in groups.sorted(by: { $0.key.joined(separator: "|") < $1.key.joined(separator: "|") }) {
                var counts: [Date: Int] = [:]
                for event in grouped { counts[bucket(Date(timeIntervalSince1970: event.time)), default: 0] += 1 }
                let dates = Set(fill).union(counts.keys).sorted()
                let letter = String(UnicodeScalar(UInt8(65 + position)))
                let shown = values.filter { !$0.isEmpty }
                var event: [String: Any] = ["id": letter, "name": name]
                if !shown.isEmpty {
                    event["breakdowns"] = Dictionary(uniqueKeysWithValues: zip(breakdowns, shown).map { ($0, $1) })
                }
                out.append([
                    "id": ([name, letter.lowercased(), name] + shown).joined(separator: "-"),
                    "names": [series.count > 1 ? "(\(letter)) \(name)" : name] + shown,
                    "event": event, "metrics": ["sum": grouped.count],
                    // On the autumn DST day the repeated wall-clock hour is one label, with the first hour's value.
                    "data": dates.reduce(into: [[String: Any]]()) { data, date in
                        let label = formatter.string(from: date)
                        if data.last?["date"] as? String != label { data.append(["date": label, "count": counts[date] ?? 0]) }
                    },
                ])
            }
        }
        out.sort { ($0["metrics"] as! [String: Int])["sum"]! > ($1["metrics"] as! [String: Int])["sum"]! }
        return json(200, ["series": out, "metrics": ["sum": inWindow.count, "average": 0, "min": 0, "max": 0]])
    }

    /// Event columns a breakdown may name (besides `properties.*`); others are dropped, as the server does.
    static let breakdownFields: Set<String> = ["country", "region", "city", "referrer_name", "os", "browser", "device", "path"]
}
