import Foundation
public import RefChartCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client for OpenPanel's References API (`/manage/references`): list, get, create, update, delete.
///
/// All calls of one client share one rate-limit pacer, so a batch stays under the server's limit
/// (20 requests per 10 s by default) instead of provoking 429s. 429s are answered by waiting what the
/// server says; 502/503/504 and lost connections by exponential back-off; attempts and total time are
/// bounded. A create whose answer was lost is not sent again blindly: the client lists the project to see
/// whether it landed. The client secret is never logged, printed or put in an error.
///
///     let client = try OpenPanelClient.fromEnvironment()
///     let references = try await client.list(projectId: "my-project")
public struct OpenPanelClient: Sendable {
    /// Where the API is and how the client paces and retries.
    public let configuration: OpenPanelConfiguration
    let credentials: OpenPanelCredentials
    let session: URLSession
    let pacer: RequestPacer
    /// Told of each wait for the rate limit or before a retry, in words (`rate limited, waiting 10 s`).
    let onWait: @Sendable (String) -> Void
    /// Told of each answer's HTTP status (`nil`: no answer), for a server's metrics.
    let onAnswer: @Sendable (Int?) -> Void

    /// Creates a client.
    /// - Parameters:
    ///   - onWait: Hears of each wait for the rate limit or before a retry, once per wait (the CLI prints it
    ///     on stderr); by default nothing is said.
    ///   - onAnswer: Hears each attempt's HTTP status, `nil` when no answer came (`refchart serve` counts
    ///     OpenPanel calls and 429s with it).
    public init(
        credentials: OpenPanelCredentials, configuration: OpenPanelConfiguration = OpenPanelConfiguration(),
        onWait: @escaping @Sendable (String) -> Void = { _ in }, onAnswer: @escaping @Sendable (Int?) -> Void = { _ in }
    ) {
        self.credentials = credentials
        self.configuration = configuration
        self.onWait = onWait
        self.onAnswer = onAnswer
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.urlCache = nil
        session = URLSession(configuration: sessionConfiguration, delegate: RedirectRefusal(), delegateQueue: nil)
        pacer = RequestPacer(limit: configuration.requestsPerWindow, window: configuration.rateWindow)
    }

    /// Every reference of the organization, or of one project; newest created first.
    public func list(projectId: String? = nil) async throws -> [Reference] {
        var request = APIRequest(method: "GET")
        if let projectId { request.query = [URLQueryItem(name: "projectId", value: try Validation.projectId(projectId))] }
        return try APIDecoding.references(in: try await send(request))
    }

    /// One reference by id (a UUID).
    public func get(id: String) async throws -> Reference {
        try APIDecoding.reference(in: try await send(APIRequest(method: "GET", path: [try Validation.id(id)])))
    }

    /// Creates a reference. The server answers 200 with the new reference.
    public func create(_ draft: ReferenceDraft) async throws -> Reference {
        let datetime = try Validation.datetime(draft.datetime)
        var body: [String: Any] = [
            "projectId": try Validation.projectId(draft.projectId), "title": try Validation.title(draft.title),
            "datetime": datetime,
        ]
        if let description = draft.description { body["description"] = description }
        let request = APIRequest(method: "POST", body: APIRequest.json(body))
        let started = Date()
        for attempt in 1...max(1, configuration.maxAttempts) {
            do {
                return try APIDecoding.reference(in: try await send(request))
            } catch let lost as LostAnswer {
                // The request may have been applied. Look before sending it again.
                let landed: [Reference]
                do {
                    landed = try await list(projectId: draft.projectId)
                } catch {
                    throw OpenPanelError(
                        kind: .outcomeUnknown, message: "the create request got no usable answer (\(lost.reason)) and the check failed: \(error)",
                        hint: "run `refchart references list --project \(draft.projectId)` before creating it again")
                }
                if let match = landed.first(where: { Self.matches($0, draft, datetime: datetime, since: started) }) {
                    return match
                }
                if attempt == configuration.maxAttempts {
                    throw OpenPanelError(
                        kind: .outcomeUnknown,
                        message: "the create request got no usable answer (\(lost.reason)) after \(attempt) attempts; it was not applied",
                        hint: "try again later")
                }
            }
        }
        throw OpenPanelError(kind: .outcomeUnknown, message: "the create request was not sent")
    }

    /// Changes a reference; only the patch's fields are sent.
    public func update(id: String, _ patch: ReferencePatch) async throws -> Reference {
        let id = try Validation.id(id)
        guard !patch.isEmpty else { throw OpenPanelError.invalidInput("nothing to update", hint: "give a new title, description or date") }
        var body: [String: Any] = [:]
        if let title = patch.title { body["title"] = try Validation.title(title) }
        switch patch.description {
        case .set(let text)?: body["description"] = text
        case .clear?: body["description"] = NSNull()
        case nil: break
        }
        if let datetime = patch.datetime { body["datetime"] = try Validation.datetime(datetime) }
        do {
            return try APIDecoding.reference(in: try await send(APIRequest(method: "PATCH", path: [id], body: APIRequest.json(body))))
        } catch let error as OpenPanelError
            where patch.description == .clear && error.kind == .rejected && error.message.contains("description")
        {
            // The docs say null clears a description; the live server refuses null (a 400 naming the
            // field). An empty description is what it stores instead, and reads back as none.
            body["description"] = ""
            return try APIDecoding.reference(in: try await send(APIRequest(method: "PATCH", path: [id], body: APIRequest.json(body))))
        }
    }

    /// Deletes a reference for good.
    public func delete(id: String) async throws {
        _ = try await send(APIRequest(method: "DELETE", path: [try Validation.id(id)]))
    }

    /// How far the server's clock may run behind ours when a lost create is checked: an identical reference
    /// created earlier than the call's start less this is someone else's, never adopted as ours.
    package static let clockSkew: Double = 2

    /// Whether a listed reference is the one a lost create would have made: same fields, created after the
    /// call began.
    private static func matches(_ reference: Reference, _ draft: ReferenceDraft, datetime: String, since: Date) -> Bool {
        reference.title == draft.title && reference.description == draft.description
            && ISO8601.string(from: reference.date) == datetime
            && (reference.createdAt.map { $0 >= since.addingTimeInterval(-clockSkew) } ?? false)
    }
}
