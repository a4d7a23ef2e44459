public import Foundation

extension OpenPanelClient {
    /// A client configured wholly from the environment: `OPENPANEL_CLIENT_ID`, `OPENPANEL_CLIENT_SECRET`
    /// and, optionally, `OPENPANEL_API_URL` (a self-hosted server's URL, path prefix included).
    ///
    ///     let client = try OpenPanelClient.fromEnvironment()
    ///
    /// - Throws: ``OpenPanelError`` of kind `unauthorized` when the credentials are missing (or only one of
    ///   the two is set), `invalidInput` when the URL is not http(s). Never mentions the secret.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        configuration: OpenPanelConfiguration = OpenPanelConfiguration()
    ) throws -> OpenPanelClient {
        try configured(apiURL: nil, credentialsFile: nil, environment: environment, configuration: configuration)
    }

    /// A client from explicit settings, falling back on the environment for what they leave out.
    ///
    /// The API URL is the first of `apiURL`, the credentials file's `apiUrl`, `OPENPANEL_API_URL`, and
    /// OpenPanel's hosted API. The credentials come from `credentialsFile` (JSON: `clientId`,
    /// `clientSecret`, optional `apiUrl`) when given, else from the environment.
    /// - Throws: ``OpenPanelError`` as ``fromEnvironment(_:configuration:)`` does, naming the file when it
    ///   cannot be read.
    public static func configured(
        apiURL: String?, credentialsFile: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        configuration: OpenPanelConfiguration = OpenPanelConfiguration(),
        onWait: @escaping @Sendable (String) -> Void = { _ in }, onAnswer: @escaping @Sendable (Int?) -> Void = { _ in }
    ) throws -> OpenPanelClient {
        var fileURL: String?
        let credentials: OpenPanelCredentials
        if let credentialsFile {
            (credentials, fileURL) = try OpenPanelCredentials.file(credentialsFile)
        } else if let fromEnvironment = try OpenPanelCredentials.fromEnvironment(environment) {
            credentials = fromEnvironment
        } else {
            throw OpenPanelError.missingCredentials("no OpenPanel credentials")
        }
        var configuration = configuration
        let environmentURL = environment["OPENPANEL_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let url = apiURL ?? fileURL ?? environmentURL {
            configuration.baseURL = try OpenPanelConfiguration.baseURL(from: url)
        }
        return OpenPanelClient(credentials: credentials, configuration: configuration, onWait: onWait, onAnswer: onAnswer)
    }
}
