import ArgumentParser
import Foundation
import RefChart

/// Where the OpenPanel API is and who calls it. Secrets come from the environment or a file, never a flag.
struct OpenPanelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The API URL (default: $OPENPANEL_API_URL or https://api.openpanel.dev).", valueName: "url"))
    var apiUrl: String?

    @Option(
        help: ArgumentHelp(
            "A JSON file with clientId and clientSecret (default: $OPENPANEL_CLIENT_ID and $OPENPANEL_CLIENT_SECRET).",
            valueName: "file"))
    var credentialsFile: String?

    /// A client for the configured API.
    /// - Throws: ``OpenPanelError`` when credentials are missing or the URL is not http(s).
    func client() throws -> OpenPanelClient {
        try OpenPanelClient.configured(apiURL: apiUrl, credentialsFile: credentialsFile) { printWarning($0) }
    }
}
