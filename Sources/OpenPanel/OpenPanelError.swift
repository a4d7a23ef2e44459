public import RefChartCore

/// A References API call that failed: what went wrong, the server's own words, and what to do.
///
/// Never contains the client secret. Shaped like swift-nio's errors: a struct with a ``Kind``, so kinds
/// can be added without breaking callers.
public struct OpenPanelError: RefChartFailure, Hashable {
    /// The kind of failure.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String

        /// Rejected on the client before any request: an empty title, a bad date, an id that is not a UUID.
        public static let invalidInput = Kind(name: "invalid input")
        /// 401: the id or secret is wrong, or the client is not a root client.
        public static let unauthorized = Kind(name: "unauthorized")
        /// 404: no such reference or project (or it belongs to another organization).
        public static let notFound = Kind(name: "not found")
        /// 400 or another 4xx: the server refused the request as sent.
        public static let rejected = Kind(name: "rejected")
        /// 429 still after every retry.
        public static let rateLimited = Kind(name: "rate limited")
        /// 5xx still after every retry.
        public static let serverError = Kind(name: "server error")
        /// No answer: connection refused, timed out, DNS failure — after every retry.
        public static let network = Kind(name: "network")
        /// A create whose answer was lost and whose effect could not be checked.
        public static let outcomeUnknown = Kind(name: "outcome unknown")
        /// A 2xx answer that is not the documented JSON.
        public static let badResponse = Kind(name: "bad response")

        /// The kind's name, e.g. `not found`.
        public var description: String { name }
    }

    /// One field the server (or the client) found wrong.
    public struct FieldProblem: Sendable, Hashable {
        /// The field's path, e.g. `title` or `body/title`.
        public var path: String
        /// What is wrong with it.
        public var message: String

        /// Creates a field problem.
        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// The HTTP status, when there was an answer.
    public var status: Int?
    /// What went wrong: the server's message when it sent one.
    public var message: String
    /// Per-field problems, when the server listed them.
    public var details: [FieldProblem]
    /// What to do about it; options in it are spelled by the front end.
    public var hint: OptionText?

    /// Creates an error.
    public init(kind: Kind, status: Int? = nil, message: String, details: [FieldProblem] = [], hint: OptionText? = nil) {
        self.kind = kind
        self.status = status
        self.message = message
        self.details = details
        self.hint = hint
    }

    static func missingCredentials(_ message: String) -> OpenPanelError {
        OpenPanelError(
            kind: .unauthorized, message: message,
            hint: "set OPENPANEL_CLIENT_ID and OPENPANEL_CLIENT_SECRET, or use a credentials file with clientId and clientSecret")
    }

    static func invalidInput(_ message: String, hint: OptionText? = nil) -> OpenPanelError {
        OpenPanelError(kind: .invalidInput, message: message, hint: hint)
    }

    public var failureKind: FailureKind { .openpanel }

    /// 3 for credentials, 4 for a missing reference or project, 5 when OpenPanel or the network failed after
    /// every retry, 1 for a request it refused.
    public var exitStatus: Int32 {
        switch kind {
        case .unauthorized: return ExitStatus.unauthorized
        case .notFound: return ExitStatus.notFound
        case .rateLimited, .serverError, .network, .outcomeUnknown: return ExitStatus.unavailable
        default: return ExitStatus.failure
        }
    }

    /// `OpenPanel answered 404: Reference not found — check the id …`.
    public func message(spelling: OptionSpelling) -> String {
        var text = status.map { "OpenPanel answered \($0): " } ?? ""
        text += message
        if !details.isEmpty { text += " (" + details.map { "\($0.path): \($0.message)" }.joined(separator: "; ") + ")" }
        if let hint { text += " — \(hint.spelled(spelling))" }
        return text
    }
}
