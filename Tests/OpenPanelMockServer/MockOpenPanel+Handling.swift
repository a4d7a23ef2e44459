import Foundation

/// The API's behaviour, independent of the HTTP server that carries it.
extension MockOpenPanel {
    /// An answer: status, headers, body.
    struct Answer {
        var status: Int
        var headers: [String: String] = ["content-type": "application/json; charset=utf-8"]
        var body: String
    }

    func handle(method: String, path: [String], query: [String: String], headers: [String: String], body: String) async -> Answer {
        if method == "GET", let file = files["/" + path.joined(separator: "/")] {
            fileFetches["/" + path.joined(separator: "/"), default: 0] += 1
            return Answer(status: 200, headers: ["content-type": "text/csv"], body: file)
        }
        var answer: Answer
        var stall = 0.0
        var replacement: (status: Int, body: String)?
        switch takeFault(method: method) {
        case .status(let status, let text)?:
            answer = Answer(status: status, headers: ["content-type": "text/plain"], body: text)
            record(LoggedRequest(method: method, path: "/" + path.joined(separator: "/"), query: query, headers: headers, body: body, status: status))
            return answer
        case .redirect(let location)?:
            record(LoggedRequest(method: method, path: "/" + path.joined(separator: "/"), query: query, headers: headers, body: body, status: 301))
            return Answer(status: 301, headers: ["location": location], body: "")
        case .delay(let seconds)?:
            try? await Task.sleep(for: .seconds(seconds))
        case .applyThenStall(let seconds)?:
            stall = seconds
        case .applyThenStatus(let status, let text)?:
            replacement = (status, text)
        case nil:
            break
        }
        answer = respond(method: method, path: path, query: query, headers: headers, body: body)
        if let replacement { answer = Answer(status: replacement.status, headers: ["content-type": "text/plain"], body: replacement.body) }
        record(
            LoggedRequest(method: method, path: "/" + path.joined(separator: "/"), query: query, headers: headers, body: body, status: answer.status))
        if stall > 0 { try? await Task.sleep(for: .seconds(stall)) }
        return answer
    }

    private func respond(method: String, path: [String], query: [String: String], headers: [String: String], body: String) -> Answer {
        // Rate limit first, per client id, in fixed windows; every answer carries the counters.
        let clientId = headers["openpanel-client-id"] ?? "anonymous"
        let now = Date().timeIntervalSinceReferenceDate
        var current = windows[clientId] ?? (now, 0)
        if now - current.start >= window { current = (now, 0) }
        current.count += 1
        windows[clientId] = current
        let reset = max(1, Int((current.start + window - now).rounded(.up)))
        let rateHeaders = [
            "x-ratelimit-limit": "\(limit)", "x-ratelimit-remaining": "\(max(0, limit - current.count))",
            "x-ratelimit-reset": "\(reset)",
        ]
        let isExport = path.suffix(2) == ["export", "charts"]
        let isInsights = path.contains("insights")
        let groupLimit = isExport || isInsights ? exportLimit : limit
        var answer: Answer
        if isExport {
            answer = exportCharts(method: method, query: query, headers: headers, overLimit: current.count > groupLimit)
        } else if isInsights || path.contains("dashboards") {
            answer = dashboardRoute(method: method, path: path, headers: headers, overLimit: current.count > groupLimit)
        } else {
            answer = route(method: method, path: path, query: query, headers: headers, body: body, overLimit: current.count > groupLimit)
        }
        answer.headers.merge(rateHeaders) { $1 }
        if isExport {
            answer.headers["x-ratelimit-limit"] = "\(exportLimit)"
            answer.headers["x-ratelimit-remaining"] = "\(max(0, exportLimit - current.count))"
        }
        if answer.status == 429 { answer.headers["retry-after"] = "\(reset)" }
        return answer
    }

    func route(
        method: String, path: [String], query: [String: String], headers: [String: String], body: String,
        overLimit: Bool
    ) -> Answer {
        if overLimit {
            return json(429, ["statusCode": 429, "error": "Too Many Requests", "message": "Rate limit exceeded, retry in 10 seconds"])
        }
        guard let id = headers["openpanel-client-id"], let secret = headers["openpanel-client-secret"],
            let client = clients[id], client.secret == secret
        else {
            return json(401, ["error": "Unauthorized", "message": "Manage: Invalid client id or secret"])
        }
        guard client.root else {
            return json(401, ["error": "Unauthorized", "message": "Manage: Only root clients are allowed to manage resources"])
        }
        if headers["content-type"]?.hasPrefix("application/json") == true && body.isEmpty {
            return json(
                400,
                [
                    "statusCode": 400, "code": "FST_ERR_CTP_EMPTY_JSON_BODY", "error": "Bad Request",
                    "message": "Body cannot be empty when content-type is set to 'application/json'",
                ])
        }
        guard path.count >= 2, path[path.count - 2] == "manage" || path[path.count - 1] == "references" || path.count >= 3 else {
            return json(404, ["message": "Route not found", "error": "Not Found", "statusCode": 404])
        }
        let tail = Array(path.drop { $0 != "references" }.dropFirst())
        switch (method, tail.count) {
        case ("GET", 0): return list(projectId: query["projectId"])
        case ("GET", 1): return get(tail[0])
        case ("POST", 0): return create(body)
        case ("PATCH", 1): return update(tail[0], body)
        case ("DELETE", 1): return delete(tail[0])
        default: return json(404, ["message": "Route \(method):/\(path.joined(separator: "/")) not found", "error": "Not Found", "statusCode": 404])
        }
    }

    func list(projectId: String?) -> Answer {
        if let projectId, !projects.contains(projectId) { return json(404, ["status": 404, "message": "Project not found"]) }
        let chosen = references.filter { projectId == nil || $0.projectId == projectId }.sorted { $0.sequence > $1.sequence }
        return json(200, ["data": chosen.map(object)])
    }

    private func get(_ id: String) -> Answer {
        guard UUID(uuidString: id) != nil else { return Answer(status: 500, headers: ["content-type": "text/plain"], body: "Internal server error") }
        guard let stored = references.first(where: { $0.id == id }) else { return json(404, ["status": 404, "message": "Reference not found"]) }
        var data = object(stored)
        data["project"] = ["id": stored.projectId, "name": stored.projectId.capitalized]
        return json(200, ["data": data])
    }

    private func create(_ body: String) -> Answer {
        guard let fields = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
            return json(400, ["status": 400, "error": "Error", "message": "body must be object"])
        }
        var problems: [String] = []
        let title = fields["title"] as? String
        if title == nil { problems.append("body/title Invalid input: expected string, received undefined") }
        if title == "" { problems.append("body/title Too small: expected string to have >=1 characters") }
        let projectId = fields["projectId"] as? String
        if projectId == nil { problems.append("body/projectId Invalid input: expected string, received undefined") }
        let datetime = fields["datetime"] as? String
        if datetime == nil { problems.append("body/datetime Invalid input: expected string, received undefined") }
        if !problems.isEmpty { return json(400, ["status": 400, "error": "Error", "message": problems.joined(separator: ", ")]) }
        guard projects.contains(projectId!) else { return json(404, ["status": 404, "message": "Project not found"]) }
        guard let date = Self.parse(datetime!) else {
            return Answer(status: 500, headers: ["content-type": "text/plain"], body: "Internal server error")
        }
        let id = seed(projectId: projectId!, title: title!, description: fields["description"] as? String, date: Self.timestamp(date))
        return json(200, ["data": object(references.first { $0.id == id }!)])
    }

    private func update(_ id: String, _ body: String) -> Answer {
        guard UUID(uuidString: id) != nil else { return Answer(status: 500, headers: ["content-type": "text/plain"], body: "Internal server error") }
        guard let index = references.firstIndex(where: { $0.id == id }) else { return json(404, ["status": 404, "message": "Reference not found"]) }
        guard let fields = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
            return json(400, ["status": 400, "error": "Error", "message": "body must be object"])
        }
        if let title = fields["title"] as? String, title.isEmpty {
            return json(
                400,
                [
                    "error": "Bad Request", "message": "Invalid request body",
                    "details": [["path": ["title"], "message": "String must contain at least 1 character(s)"]],
                ])
        }
        if fields["description"] is NSNull && rejectsNullDescription {
            return json(400, ["status": 400, "error": "Error", "message": "body/description Invalid input: expected string, received null"])
        }
        var stored = references[index]
        if let title = fields["title"] as? String { stored.title = title }
        if fields.keys.contains("description") { stored.description = fields["description"] as? String }
        if let datetime = fields["datetime"] as? String {
            guard let date = Self.parse(datetime) else {
                return Answer(status: 500, headers: ["content-type": "text/plain"], body: "Internal server error")
            }
            stored.date = Self.timestamp(date)
        }
        stored.updatedAt = Self.timestamp(Date())
        references[index] = stored
        return json(200, ["data": object(stored)])
    }

    private func delete(_ id: String) -> Answer {
        guard UUID(uuidString: id) != nil else { return Answer(status: 500, headers: ["content-type": "text/plain"], body: "Internal server error") }
        guard let index = references.firstIndex(where: { $0.id == id }) else { return json(404, ["status": 404, "message": "Reference not found"]) }
        references.remove(at: index)
        return json(200, ["success": true])
    }

    private func object(_ stored: Stored) -> [String: Any] {
        [
            "id": stored.id, "title": stored.title, "description": stored.description ?? NSNull(), "date": stored.date,
            "projectId": stored.projectId, "createdAt": stored.createdAt, "updatedAt": stored.updatedAt,
        ]
    }

    func json(_ status: Int, _ object: [String: Any]) -> Answer {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Answer(status: status, body: String(decoding: data, as: UTF8.self))
    }

    /// ISO 8601 as the server's `new Date(...)` reads it: with a zone, or a bare date (UTC midnight).
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime], [.withFullDate]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
