import Foundation

/// Dashboards, their reports and report data as the real server answers them (openpanel-dashboards-api.md):
/// the lists are root-only and bare arrays, an unknown dashboard lists `[]`, a project not of the
/// organisation is a 403 on the lists; the data route takes read clients too (ignoring `:projectId` for
/// them) and answers every lookup failure with a 500 (`Internal server error`, as in production).
extension MockOpenPanel {
    func dashboardRoute(method: String, path: [String], headers: [String: String], overLimit: Bool) -> Answer {
        guard method == "GET" else {
            return json(404, ["message": "Route \(method):/\(path.joined(separator: "/")) not found", "error": "Not Found", "statusCode": 404])
        }
        if overLimit {
            return json(429, ["status": 429, "error": "Too Many Requests", "message": "You have exceeded the rate limit for this endpoint."])
        }
        let insights = path.contains("insights")
        let prefix = insights ? "Export" : "Manage"
        guard let id = headers["openpanel-client-id"], let client = clients[id] else {
            return json(401, ["error": "Unauthorized", "message": "\(prefix): Invalid client id"])
        }
        if insights ? !client.canExport : !client.root {
            let message = insights ? "Export: Client is not allowed to export" : "Manage: Only root clients are allowed to manage resources"
            return json(401, ["error": "Unauthorized", "message": message])
        }
        guard client.secret == headers["openpanel-client-secret"] else {
            return json(401, ["error": "Unauthorized", "message": "\(prefix): Invalid client secret"])
        }
        if insights {
            // /insights/:projectId/reports/:reportId/data
            guard let at = path.firstIndex(of: "insights"), path.count == at + 5, path[at + 2] == "reports", path[at + 4] == "data" else {
                return json(404, ["message": "Route not found", "error": "Not Found", "statusCode": 404])
            }
            let (project, report) = (path[at + 1], path[at + 3])
            guard let stored = reportAnswers[report], !client.root || (projects.contains(project) && stored.projectId == project),
                let data = try? JSONSerialization.data(withJSONObject: stored.answer, options: [.sortedKeys])
            else {
                return Answer(status: 500, headers: ["content-type": "text/plain; charset=utf-8"], body: "Internal server error")
            }
            return Answer(status: 200, body: String(decoding: data, as: UTF8.self))
        }
        // /manage/projects/:projectId/dashboards[/:dashboardId/reports]
        guard let at = path.firstIndex(of: "projects"), path.count > at + 2, path[at + 2] == "dashboards" else {
            return json(404, ["message": "Route not found", "error": "Not Found", "statusCode": 404])
        }
        let project = path[at + 1]
        guard projects.contains(project) else {
            return json(403, ["error": "Forbidden", "message": "Project does not belong to your organization"])
        }
        let list = dashboards[project] ?? []
        let body: Any
        switch path.count - at {
        case 3:
            body = list.map { ["id": $0.id, "name": $0.name, "projectId": project] }
        case 5 where path[at + 4] == "reports":
            body = list.first { $0.id == path[at + 3] }?.reports ?? []
        default:
            return json(404, ["message": "Route not found", "error": "Not Found", "statusCode": 404])
        }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("[]".utf8)
        return Answer(status: 200, body: String(decoding: data, as: UTF8.self))
    }
}
