public import Foundation

extension OpenPanelClient {
    /// A project's saved dashboards, newest first (a root client).
    /// - Throws: ``OpenPanelError``: a 403 means the project is not this organisation's.
    public func dashboards(projectId: String) async throws -> [Dashboard] {
        let project = try Validation.projectId(projectId)
        let body = try await send(APIRequest(method: "GET", endpoint: ["manage", "projects", project, "dashboards"]))
        return try decodeList(body, what: "dashboards")
    }

    /// The saved reports on a dashboard (a root client); `[]` for a dashboard the project does not have
    /// (the server answers an unknown one that way, not with a 404).
    public func reports(projectId: String, dashboardId: String) async throws -> [SavedReport] {
        let project = try Validation.projectId(projectId)
        let body = try await send(APIRequest(method: "GET", endpoint: ["manage", "projects", project, "dashboards", dashboardId, "reports"]))
        return try decodeList(body, what: "reports")
    }

    /// Executes a saved report with its saved settings (its range resolved by the server, in the
    /// organisation's zone `orgZone`). The server answers every lookup failure with a 500: one retry at most.
    public func reportData(projectId: String, reportId: String, orgZone: TimeZone) async throws -> ReportData {
        try ReportData.decode(try await reportAnswer(projectId: projectId, reportId: reportId), orgZone: orgZone)
    }

    /// A saved report's data answer as it came, for the shapes other than a time series (a metric's one
    /// point per series, a funnel's steps: ``ReportData/headlines(_:)``, ``ReportData/funnel(_:)``).
    public func reportAnswer(projectId: String, reportId: String) async throws -> Data {
        let project = try Validation.projectId(projectId)
        var request = APIRequest(method: "GET", endpoint: ["insights", project, "reports", reportId, "data"])
        request.attempts = 2
        return try await send(request)
    }

    private func decodeList<T: Decodable>(_ body: Data, what: String) throws -> [T] {
        do {
            return try JSONDecoder().decode([T].self, from: body)
        } catch {
            throw OpenPanelError(kind: .badResponse, message: "the \(what) answer is not a list of \(what)")
        }
    }
}
