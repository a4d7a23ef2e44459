/// Where a finished report is sent (`deliver:` in jobs files), after its files are written:
///
///     deliver:
///       - name: team-hook               # unique: the ledger keys sends by it
///         type: webhook                 # a multipart POST of the summary, the PDF and the HTML, signed
///         url: https://hooks.example.com/refchart
///         secretEnv: REFCHART_HOOK_SECRET
///       - name: growth-channel
///         type: slack                   # an incoming webhook: the numbers and the impact table
///         urlEnv: SLACK_WEBHOOK_URL     # Slack's URL is a secret: from the environment only
///         onlyIfChanged: true
///
/// Secrets come only from the environment (`secretEnv`, `urlEnv`), never from the jobs file, and are
/// never printed: messages name the destination.
public struct DeliveryTarget: Sendable, Hashable {
    /// How it is sent.
    public enum Kind: String, Sendable, CaseIterable {
        /// A `multipart/form-data` POST: `summary` (JSON), `pdf`, `html`; signed with HMAC-SHA256.
        case webhook
        /// A Slack incoming webhook: a message with the period, the counts, the failures, the impact table.
        case slack
    }

    public var name: String
    public var kind: Kind
    /// The URL, when it is not a secret.
    public var url: String?
    /// The environment variable holding the URL.
    public var urlEnv: String?
    /// The environment variable holding the webhook's signing key (webhook).
    public var secretEnv: String?
    /// Send only when some chart's drawing (its data, references or options) changed since the last send
    /// to this destination.
    public var onlyIfChanged = false
    /// Where the report's files are served from, for links in a Slack message.
    public var publicBaseUrl: String?

    /// The keys an entry may have.
    static let keys: Set<String> = ["name", "type", "url", "urlEnv", "secretEnv", "onlyIfChanged", "publicBaseUrl"]

    public init(name: String, kind: Kind) { (self.name, self.kind) = (name, kind) }
}
