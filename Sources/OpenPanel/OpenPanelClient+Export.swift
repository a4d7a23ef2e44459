public import Foundation
public import RefChartCore

extension OpenPanelClient {
    /// The series of `events` from OpenPanel's Export API (`GET /export/charts`), one per event in the
    /// order asked, every bucket of the window present.
    ///
    /// The server answers wall-clock labels without an offset, in the organization's zone, so `orgZone`
    /// must be that zone; the dates sent carry explicit offsets in it. The buckets are those that start
    /// before `window`'s end (the one it falls in included); the server's fill stops before its end
    /// bucket, so the request asks up to the next bucket boundary; buckets
    /// the server leaves out are zeros (an event without data comes back as no series at all: all zeros),
    /// and buckets that start after `now` are left out (no data yet).
    /// - Throws: ``OpenPanelError``; a write client gets a hint to use a read or root client.
    public func exportSeries(
        projectId: String, events: [String], segment: String? = nil, interval: ExportInterval,
        window: ClosedRange<Date>, orgZone: TimeZone, now: Date = Date()
    ) async throws -> [MetricSeries] {
        let answer = try await export(
            projectId: projectId, events: events, segment: segment, breakdowns: [], interval: interval, window: window, orgZone: orgZone, now: now)
        return try ExportDecoding.series(
            answer.body, events: events, buckets: answer.buckets, interval: interval, calendar: answer.calendar, now: now)
    }

    /// The series of `events` broken down by `breakdowns` (event fields such as `country` or
    /// `properties.plan`): one per event and combination of values, in the server's order (by sum, largest
    /// first), every bucket filled as for ``exportSeries(projectId:events:segment:interval:window:orgZone:now:)``.
    /// Unknown fields are dropped by the server without an error, so their series come back whole.
    /// - Throws: ``OpenPanelError``.
    public func exportBreakdowns(
        projectId: String, events: [String], segment: String? = nil, breakdowns: [String], interval: ExportInterval,
        window: ClosedRange<Date>, orgZone: TimeZone, now: Date = Date()
    ) async throws -> [ExportedSeries] {
        let answer = try await export(
            projectId: projectId, events: events, segment: segment, breakdowns: breakdowns, interval: interval, window: window,
            orgZone: orgZone, now: now)
        return try ExportDecoding.exported(
            answer.body, events: events, buckets: answer.buckets, interval: interval, calendar: answer.calendar, now: now)
    }

    /// One `/export/charts` call: its body, and the buckets and calendar to read it with.
    private func export(
        projectId: String, events: [String], segment: String?, breakdowns: [String], interval: ExportInterval,
        window: ClosedRange<Date>, orgZone: TimeZone, now: Date
    ) async throws -> (body: Data, buckets: [Date], calendar: Calendar) {
        let project = try Validation.projectId(projectId)
        guard !events.isEmpty else { throw OpenPanelError.invalidInput("no event to export", hint: "name one with \(option: .events)") }
        let expected = (window.upperBound.timeIntervalSince(window.lowerBound) / interval.seconds).rounded(.up)
        guard expected <= Double(Self.mostBuckets) else {
            let coarser = ExportInterval.allCases.first {
                window.upperBound.timeIntervalSince(window.lowerBound) / $0.seconds <= Double(Self.mostBuckets)
            }
            throw OpenPanelError.invalidInput(
                "\(interval.rawValue) buckets over this window would be \(Int(expected)) points per event: at most \(Self.mostBuckets) in one export",
                hint: "use a coarser \(option: .interval)\(coarser.map { " (\($0.rawValue))" } ?? "") or a shorter window")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = orgZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        let buckets = Self.buckets(window, interval: interval, calendar: calendar).filter { $0 <= now }
        let end =
            Self.bucketStart(window.upperBound, interval: interval, calendar: calendar) < window.upperBound
            ? calendar.date(byAdding: interval.component, value: 1, to: Self.bucketStart(window.upperBound, interval: interval, calendar: calendar))!
            : window.upperBound
        let series = events.map { event -> [String: Any] in
            var item: [String: Any] = ["name": event]
            if let segment { item["segment"] = segment }
            return item
        }
        let seriesJSON = String(
            decoding: (try? JSONSerialization.data(withJSONObject: series, options: [.sortedKeys])) ?? Data("[]".utf8), as: UTF8.self)
        var request = APIRequest(method: "GET", endpoint: ["export", "charts"])
        request.query = [
            URLQueryItem(name: "projectId", value: project), URLQueryItem(name: "series", value: seriesJSON),
            URLQueryItem(name: "interval", value: interval.rawValue),
            URLQueryItem(
                name: "startDate",
                value: Self.offsetString(Self.bucketStart(window.lowerBound, interval: interval, calendar: calendar), zone: orgZone)),
            URLQueryItem(name: "endDate", value: Self.offsetString(end, zone: orgZone)),
        ]
        if !breakdowns.isEmpty {
            let fields = breakdowns.map { ["name": $0] }
            let text = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
            request.query.append(URLQueryItem(name: "breakdowns", value: text ?? "[]"))
        }
        let body: Data
        do {
            body = try await send(request)
        } catch var error as OpenPanelError where error.kind == .unauthorized && error.message.contains("not allowed to export") {
            error.hint = "a write client cannot export: create a read (or root) client in OpenPanel's project settings and use its id and secret"
            throw error
        }
        return (body, buckets, calendar)
    }

    /// The most buckets one export asks for. A minute series over 10 months (432,000 buckets) is an answer the
    /// server fails to build (HTTP 500, every time) and a chart that cannot show it: at 1,200 px that is 360
    /// points per pixel. 100,000 still allows minutes over two months.
    static let mostBuckets = 100_000

    /// The starts of the buckets covering `window`, in the zone of `calendar`.
    static func buckets(_ window: ClosedRange<Date>, interval: ExportInterval, calendar: Calendar) -> [Date] {
        var result: [Date] = []
        var cursor = bucketStart(window.lowerBound, interval: interval, calendar: calendar)
        while cursor < window.upperBound, result.count < 100_000 {
            result.append(cursor)
            guard let next = calendar.date(byAdding: interval.component, value: 1, to: cursor) else { break }
            cursor = next
        }
        return result
    }

    static func bucketStart(_ date: Date, interval: ExportInterval, calendar: Calendar) -> Date {
        calendar.dateInterval(of: interval.bucketComponent, for: date)?.start ?? date
    }

    /// `2024-03-11T00:00:00+01:00`: the instant as wall-clock time in `zone` with its offset.
    static func offsetString(_ date: Date, zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let wall = date.timeIntervalSince1970 + Double(offset)
        let text = ISO8601.string(fromSeconds: wall, fractionalSeconds: false).dropLast()  // without the Z
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(text)\(sign)\(String(format: "%02d:%02d", minutes / 60, minutes % 60))"
    }
}

extension ExportInterval {
    var component: Calendar.Component {
        switch self {
        case .minute: return .minute
        case .hour: return .hour
        case .day: return .day
        case .week: return .weekOfYear
        case .month: return .month
        }
    }

    var bucketComponent: Calendar.Component { self == .day ? .day : component }
}
