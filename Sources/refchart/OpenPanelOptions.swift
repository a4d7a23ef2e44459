import ArgumentParser
import Foundation
import RefChart

/// Where the OpenPanel API is and who calls it. Secrets come from the environment or a file, never a flag.
struct OpenPanelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The API URL (default: $OPENPANEL_API_URL or https://api.openpanel.dev).", valueName: "url"))
    var apiUrl: String?

    @Option(help: ArgumentHelp(
        "A JSON file with clientId and clientSecret (default: $OPENPANEL_CLIENT_ID and $OPENPANEL_CLIENT_SECRET).",
        valueName: "file"))
    var credentialsFile: String?

    /// A client for the configured API.
    /// - Throws: ``OpenPanelError`` when credentials are missing or the URL is not http(s).
    func client() throws -> OpenPanelClient {
        try OpenPanelClient.configured(apiURL: apiUrl, credentialsFile: credentialsFile) { printWarning($0) }
    }
}

/// Exit statuses, documented in `refchart --help` and the README.
enum ExitStatus {
    static let badInput: Int32 = 1
    static let unauthorized: Int32 = 3
    static let notFound: Int32 = 4
    static let unavailable: Int32 = 5

    /// The status for an API failure.
    static func of(_ error: OpenPanelError) -> Int32 {
        switch error.kind {
        case .unauthorized: return unauthorized
        case .notFound: return notFound
        case .rateLimited, .serverError, .network, .outcomeUnknown: return unavailable
        default: return badInput
        }
    }
}
