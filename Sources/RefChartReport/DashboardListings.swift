public import RefChart

/// A run's listings, fetched once: a project's dashboards and references, a dashboard's reports. They
/// change rarely and each costs a manage call (20 per 10 s, shared with every other call of the client),
/// while report data follows the server clock and is fetched each time (openpanel-dashboards-api.md §6.11).
public actor DashboardListings {
    private let client: OpenPanelClient
    private var dashboards: [String: [Dashboard]] = [:]
    private var reports: [String: [SavedReport]] = [:]
    private var references: [String: [Reference]] = [:]

    public init(client: OpenPanelClient) { self.client = client }

    public func dashboards(projectId: String) async throws -> [Dashboard] {
        if let known = dashboards[projectId] { return known }
        let fetched = try await client.dashboards(projectId: projectId)
        dashboards[projectId] = fetched
        return fetched
    }

    public func reports(projectId: String, dashboardId: String) async throws -> [SavedReport] {
        let key = projectId + "\u{0}" + dashboardId
        if let known = reports[key] { return known }
        let fetched = try await client.reports(projectId: projectId, dashboardId: dashboardId)
        reports[key] = fetched
        return fetched
    }

    public func references(projectId: String) async throws -> [Reference] {
        if let known = references[projectId] { return known }
        let fetched = try await client.list(projectId: projectId)
        references[projectId] = fetched
        return fetched
    }
}
