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
///       - name: team-mail
///         type: email                   # HTML with each chart inline, a text part, the PDF attached
///         smtp: smtp.example.com:587    # STARTTLS (465: TLS from the start; tls: none for a local relay)
///         from: reports@example.com
///         to: [team@example.com]
///         userEnv: SMTP_USER
///         passwordEnv: SMTP_PASSWORD
///         subject: "{name}: {period}"
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
        /// A Discord webhook: the summary as text, the PDF and each chart's PNG attached (10 files at most).
        case discord
        /// E-mail over SMTP: an HTML body with each chart inline (`cid:` PNG parts), a plain-text part, the
        /// PDF attached.
        case email
    }

    /// How an SMTP connection is protected.
    public enum TLS: String, Sendable, CaseIterable {
        /// Plain, then STARTTLS, required (port 587).
        case starttls
        /// TLS from the first byte (port 465).
        case implicit
        /// None: only for a relay on the same machine or network.
        case none
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
    /// E-mail: the server as `host:port`, its protection, the sender, the recipients, the subject
    /// (`{name}` the report's title, `{period}`, `{date}` the run's day), the credentials' environment
    /// variables and a CA file for a server with a private certificate.
    public var smtp: String?
    public var tls = TLS.starttls
    public var from: String?
    public var to: [String] = []
    public var subject = "{name}: {period}"
    public var userEnv: String?
    public var passwordEnv: String?
    public var caFile: String?

    /// The keys an entry may have.
    static let keys: Set<String> = [
        "name", "type", "url", "urlEnv", "secretEnv", "onlyIfChanged", "publicBaseUrl", "smtp", "tls", "from", "to", "subject", "userEnv",
        "passwordEnv", "caFile",
    ]

    public init(name: String, kind: Kind) { (self.name, self.kind) = (name, kind) }
}
