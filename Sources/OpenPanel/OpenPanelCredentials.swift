public import Foundation

/// A root client's id and secret for OpenPanel's manage API.
///
/// The secret never leaves this value except as a request header: `description`, `debugDescription`
/// and reflection (`dump`, string interpolation) all print it as `<redacted>`.
public struct OpenPanelCredentials: Sendable, Hashable {
    /// The root client's id.
    public var clientId: String
    /// The root client's secret.
    let clientSecret: String

    /// Creates credentials.
    public init(clientId: String, clientSecret: String) {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    /// Reads `OPENPANEL_CLIENT_ID` and `OPENPANEL_CLIENT_SECRET`; `nil` when neither is set.
    /// - Throws: ``OpenPanelError`` when only one of the two is set.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws
        -> OpenPanelCredentials?
    {
        let id = environment["OPENPANEL_CLIENT_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment["OPENPANEL_CLIENT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        switch (id, secret) {
        case (nil, nil): return nil
        case let (id?, secret?): return OpenPanelCredentials(clientId: id, clientSecret: secret)
        case (nil, _): throw OpenPanelError.missingCredentials("OPENPANEL_CLIENT_SECRET is set but OPENPANEL_CLIENT_ID is not")
        case (_, nil): throw OpenPanelError.missingCredentials("OPENPANEL_CLIENT_ID is set but OPENPANEL_CLIENT_SECRET is not")
        }
    }

    /// Reads a JSON credentials file: `{"clientId": "…", "clientSecret": "…"}` (an `apiUrl` key is allowed).
    /// - Throws: ``OpenPanelError`` naming the file and what is missing; never the secret.
    public static func fromFile(_ path: String) throws -> OpenPanelCredentials {
        try file(path).credentials
    }

    /// Reads a credentials file: the credentials and, when present, its `apiUrl`.
    static func file(_ path: String) throws -> (credentials: OpenPanelCredentials, apiURL: String?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OpenPanelError.missingCredentials("cannot read the credentials file \(path)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw OpenPanelError.invalidInput("\(path) is not a JSON object like {\"clientId\": \"…\", \"clientSecret\": \"…\"}")
        }
        guard let id = object["clientId"] as? String, !id.isEmpty else {
            throw OpenPanelError.invalidInput("\(path) has no \"clientId\" string")
        }
        guard let secret = object["clientSecret"] as? String, !secret.isEmpty else {
            throw OpenPanelError.invalidInput("\(path) has no \"clientSecret\" string")
        }
        let apiURL = object["apiUrl"] as? String
        if object["apiUrl"] != nil, apiURL == nil {
            throw OpenPanelError.invalidInput("\(path): \"apiUrl\" is not a string")
        }
        return (OpenPanelCredentials(clientId: id, clientSecret: secret), apiURL)
    }
}

extension OpenPanelCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The client id with the secret redacted.
    public var description: String { "OpenPanelCredentials(clientId: \(clientId), clientSecret: <redacted>)" }
    /// The same as ``description``: the secret redacted.
    public var debugDescription: String { description }
    /// Reflection (`dump`) shows the secret redacted.
    public var customMirror: Mirror { Mirror(self, children: ["clientId": clientId, "clientSecret": "<redacted>"]) }
}
