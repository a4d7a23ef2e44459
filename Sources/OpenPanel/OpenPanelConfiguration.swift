public import Foundation
import RefChartCore

/// Where the API is and how politely to call it.
public struct OpenPanelConfiguration: Sendable, Hashable {
    /// OpenPanel's hosted API.
    public static let defaultBaseURL = URL(string: "https://api.openpanel.dev")!

    /// The API root. A self-hosted server's path prefix is kept: `https://host/api` →
    /// `https://host/api/manage/references`.
    public var baseURL: URL
    /// Requests allowed per ``rateWindow`` (the server's limit is 20 per 10 s per client).
    public var requestsPerWindow: Int
    /// The rate-limit window, in seconds.
    public var rateWindow: TimeInterval
    /// How many times one call may be sent, the first included.
    public var maxAttempts: Int
    /// The longest one call may take, waits and retries included, in seconds.
    public var deadline: TimeInterval
    /// The longest one request may wait for an answer, in seconds.
    public var requestTimeout: TimeInterval
    /// The first back-off after a 502/503/504 or a lost connection; it doubles each time.
    public var retryBaseDelay: TimeInterval

    /// Creates a configuration; the defaults suit OpenPanel's hosted API.
    public init(
        baseURL: URL = OpenPanelConfiguration.defaultBaseURL, requestsPerWindow: Int = 20, rateWindow: TimeInterval = 10,
        maxAttempts: Int = 5, deadline: TimeInterval = 120, requestTimeout: TimeInterval = 30,
        retryBaseDelay: TimeInterval = 0.5
    ) {
        self.baseURL = baseURL
        self.requestsPerWindow = requestsPerWindow
        self.rateWindow = rateWindow
        self.maxAttempts = maxAttempts
        self.deadline = deadline
        self.requestTimeout = requestTimeout
        self.retryBaseDelay = retryBaseDelay
    }

    /// Parses an API URL given by a user (`OPENPANEL_API_URL`, `--api-url`).
    /// - Throws: ``OpenPanelError`` when it is not an absolute http(s) URL.
    public static func baseURL(from text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw OpenPanelError.invalidInput(
                "\"\(text)\" is not an http(s) URL", hint: "e.g. https://api.openpanel.dev or https://analytics.example.com/api")
        }
        return url
    }
}
