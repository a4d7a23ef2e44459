import Foundation
import RefChartCore

/// Reads an error answer in any of the shapes the server sends: the documented
/// `{"error","message","details":[{path,message}]}`, the server's `{"status","error","message"}` (several
/// problems joined with ", "), `{"status":404,"message"}`, or plain text. Never fails.
enum ErrorResponse {
    static func error(status: Int, body: Data) -> OpenPanelError {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        var message = shown((object?["message"] as? String) ?? "")
        if message.isEmpty {
            let text = shown(String(decoding: body.prefix(300), as: UTF8.self))
            message = text.isEmpty || text.hasPrefix("<") ? "HTTP \(status)" : text
        }
        var details: [OpenPanelError.FieldProblem] = []
        for entry in ((object?["details"] as? [[String: Any]]) ?? []).prefix(Self.mostDetails) {
            let path = (entry["path"] as? [Any])?.map { "\($0)" }.joined(separator: ".") ?? (entry["path"] as? String) ?? ""
            details.append(OpenPanelError.FieldProblem(path: shown(path, limit: 80), message: shown((entry["message"] as? String) ?? "")))
        }
        let kind: OpenPanelError.Kind
        var hint: OptionText?
        switch status {
        case 401:
            kind = .unauthorized
            hint = "use a root client's id and secret (OPENPANEL_CLIENT_ID, OPENPANEL_CLIENT_SECRET or --credentials-file)"
        case 403:
            kind = .unauthorized
            hint = "the client may not manage this organization's references"
        case 404 where message.hasPrefix("Route ") || (object?["error"] as? String) == "Not Found":
            // The server has no such route: the API URL's path is wrong, not the id.
            kind = .notFound
            hint = "the server has no such endpoint: check the API URL (a self-hosted server's API is usually under /api)"
        case 404:
            kind = .notFound
            hint =
                message.lowercased().contains("project")
                ? "check the project id: it must exist and belong to your organization"
                : "check the id with `refchart references list`"
        case 429:
            kind = .rateLimited
            hint = "the API allows 20 requests per 10 seconds per client: wait a little and retry"
        case 500...599:
            kind = .serverError
            hint = "the server failed; try again later"
        default:
            kind = .rejected
        }
        return OpenPanelError(kind: kind, status: status, message: message, details: details, hint: hint)
    }

    /// Field problems shown at most; a server that lists thousands (a huge create) is cut.
    static let mostDetails = 10

    /// A server's text as a message shows it: one line (line breaks as spaces), control characters
    /// escaped, at most `limit` characters — a 1 MB error page with escape sequences is one short line.
    static func shown(_ text: String, limit: Int = 300) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return withInvisiblesEscaped(line, limit: limit)
    }
}
