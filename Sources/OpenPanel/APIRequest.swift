import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One call to the API, before it is sent.
struct APIRequest: Sendable {
    var method: String
    /// The endpoint's path under the base URL.
    var endpoint = ["manage", "references"]
    /// Path components after the endpoint.
    var path: [String] = []
    var query: [URLQueryItem] = []
    /// A JSON body; `Content-Type: application/json` is sent only with one (a DELETE with the header and
    /// no body is a 400).
    var body: Data?
    /// At most this many attempts, fewer than the client's (a route whose 500s are lookups that never
    /// succeed: `/insights/…/data` answers an unknown report with one).
    var attempts: Int?

    /// GET, PATCH and DELETE may be sent again; a POST whose answer was lost may already have been applied.
    var isIdempotent: Bool { method != "POST" }

    /// The URLRequest, with the root client's headers.
    func urlRequest(baseURL: URL, credentials: OpenPanelCredentials, timeout: TimeInterval) -> URLRequest {
        var url = baseURL
        for component in endpoint + path { url.appendPathComponent(component) }
        if !query.isEmpty, var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) {
            // Every byte but the unreserved ones percent-encoded: the server decodes a literal `+` to a
            // space, which breaks offsets such as `+01:00` (URLComponents leaves `+` alone).
            parts.percentEncodedQuery = query.map { Self.encode($0.name) + "=" + Self.encode($0.value ?? "") }.joined(separator: "&")
            url = parts.url ?? url
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue(credentials.clientId, forHTTPHeaderField: "openpanel-client-id")
        request.setValue(credentials.clientSecret, forHTTPHeaderField: "openpanel-client-secret")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return request
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// A JSON body with sorted keys; `NSNull` values are sent as `null`.
    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
