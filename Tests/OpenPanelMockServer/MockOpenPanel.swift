public import Foundation

/// An in-process stand-in for OpenPanel's References API that follows the contract (and the live
/// server's quirks described in DESIGN.md §3.1): root-client auth, both 400 shapes, 404s, 500 for bad
/// dates and non-UUID ids, 200 on create, newest-created first, rate-limit headers on every answer and
/// 429 with `retry-after` over the limit, plus injected faults.
public actor MockOpenPanel {
    /// A client the server knows.
    public struct Client: Sendable {
        public var id: String
        public var secret: String
        public var root: Bool
        /// Read and root clients may export; a write client (the default kind) may not.
        public var canExport: Bool

        public init(id: String, secret: String, root: Bool = true, canExport: Bool? = nil) {
            self.id = id
            self.secret = secret
            self.root = root
            self.canExport = canExport ?? root
        }
    }

    /// One request as the server saw it.
    public struct LoggedRequest: Sendable {
        public var method: String
        public var path: String
        public var query: [String: String]
        public var headers: [String: String]
        public var body: String
        public var status: Int
    }

    struct Stored {
        var id: String
        var projectId: String
        var title: String
        var description: String?
        var date: String
        var createdAt: String
        var updatedAt: String
        var sequence: Int
    }

    let clients: [String: Client]
    let projects: Set<String>
    let limit: Int
    let window: Double
    var references: [Stored] = []
    var sequence = 0
    var windows: [String: (start: Double, count: Int)] = [:]
    var faults: [(route: String?, fault: MockFault)] = []
    public private(set) var log: [LoggedRequest] = []
    /// Plain files served as they are (GET path → body), for URL inputs such as a CSV.
    var files: [String: String] = [:]
    /// Events per project, for `/export/charts`: name and instant (seconds since the epoch).
    var events: [String: [(name: String, time: Double, properties: [String: String])]] = [:]
    /// The organization's time zone: the export's buckets and its offset-less labels are in it.
    public var orgZone = TimeZone(identifier: "UTC")!
    /// The export's limit, on the same per-client counter as the manage limit (OpenPanel shares it).
    public var exportLimit = 100
    /// How often each static file was fetched.
    public internal(set) var fileFetches: [String: Int] = [:]
    /// Saved dashboards per project, newest first, each with its reports' listing entries (JSON objects).
    var dashboards: [String: [(id: String, name: String, reports: [[String: Any]])]] = [:]
    /// Each saved report's data answer (`/insights/…/data`), by report id, with its project.
    var reportAnswers: [String: (projectId: String, answer: [String: Any])] = [:]
    /// Rejects `"description": null` on PATCH with a 400, as the live server does.
    public var rejectsNullDescription = true

    /// Creates a server state.
    /// - Parameters:
    ///   - projects: Projects of the organization; others are "Project not found".
    ///   - limit: Requests per `window` seconds per client id (the real server: 20 per 10).
    public init(clients: [Client], projects: Set<String>, limit: Int = 20, window: Double = 10) {
        self.clients = Dictionary(uniqueKeysWithValues: clients.map { ($0.id, $0) })
        self.projects = projects
        self.limit = limit
        self.window = window
    }

    /// Queues a fault for the next request whose "METHOD" (e.g. "POST") matches, or any request.
    public func inject(_ fault: MockFault, for method: String? = nil) {
        faults.append((method, fault))
    }

    public func setRejectsNullDescription(_ value: Bool) { rejectsNullDescription = value }

    /// Serves `body` at `path` (e.g. "/data/pageviews.csv") without authentication.
    public func serve(_ body: String, at path: String) { files[path] = body }

    /// Records events for the export endpoint, with the fields a breakdown groups by (`country`,
    /// `properties.plan`; a missing one is empty, as direct traffic's `referrer_name` is).
    public func addEvents(projectId: String, name: String, at times: [Double], properties: [String: String] = [:]) {
        events[projectId, default: []] += times.map { (name, $0, properties) }
    }

    /// Adds a dashboard to a project (newest first in its list) with its reports: each the listing entry
    /// (`{id, name, chartType, range, interval, metric, series, breakdowns}`) and the data answer, as the
    /// real server writes them (openpanel-dashboards-api.md).
    public func addDashboard(projectId: String, id: String, name: String, reports: [(listing: String, data: String)]) {
        let decoded = reports.map { report in
            (
                (try? JSONSerialization.jsonObject(with: Data(report.listing.utf8))) as? [String: Any] ?? [:],
                (try? JSONSerialization.jsonObject(with: Data(report.data.utf8))) as? [String: Any] ?? [:]
            )
        }
        dashboards[projectId, default: []].insert((id, name, decoded.map(\.0)), at: 0)
        for (listing, data) in decoded {
            if let reportId = listing["id"] as? String { reportAnswers[reportId] = (projectId, data) }
        }
    }

    /// Sets the organization's time zone.
    public func setOrgZone(_ zone: TimeZone) { orgZone = zone }

    /// How many answers had this status.
    public func count(status: Int) -> Int { log.filter { $0.status == status }.count }

    /// Adds a reference directly (test setup), returning its id.
    @discardableResult
    public func seed(projectId: String, title: String, description: String? = nil, date: String) -> String {
        let id = UUID().uuidString.lowercased()
        sequence += 1
        let now = Self.timestamp(Date())
        references.append(
            Stored(
                id: id, projectId: projectId, title: title, description: description, date: date,
                createdAt: now, updatedAt: now, sequence: sequence))
        return id
    }

    /// How many references the server holds.
    public var referenceCount: Int { references.count }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    func takeFault(method: String) -> MockFault? {
        guard let index = faults.firstIndex(where: { $0.route == nil || $0.route == method }) else { return nil }
        return faults.remove(at: index).fault
    }

    func record(_ request: LoggedRequest) { log.append(request) }
}
