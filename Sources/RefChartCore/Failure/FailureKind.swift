/// What kind of thing went wrong: the one classification the command line maps to exit codes and a report's
/// summary writes as each failed chart's `error.kind`.
public enum FailureKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// An input file (CSV metrics, a references file) that cannot be read as asked.
    case input
    /// A request (options, a job file's chart) that cannot be used as given.
    case request
    /// OpenPanel refused, failed, or could not be reached.
    case openpanel
    /// A download (a CSV given as a URL) that got no answer or a server error (5xx): worth retrying later.
    case network
    /// A chart that cannot be drawn as asked (an impossible size, no data), or a drawing library's failure.
    case render
    /// An output that cannot be written.
    case io

    /// The name a summary writes.
    public var description: String { rawValue }
}
