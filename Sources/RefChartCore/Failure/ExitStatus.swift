/// The command line's exit codes (the README's table), for every failure in one place.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// Bad input, a chart that cannot be drawn, an output that cannot be written, a request OpenPanel refused.
    public static let failure: Int32 = 1
    /// OpenPanel credentials missing or rejected.
    public static let unauthorized: Int32 = 3
    /// No such OpenPanel reference or project.
    public static let notFound: Int32 = 4
    /// OpenPanel or the network failed, or the rate limit held, after every retry.
    public static let unavailable: Int32 = 5
    /// A usage error: a missing or malformed option, an unusable request or jobs file (`EX_USAGE`).
    public static let usage: Int32 = 64

    /// The status for a failure of `kind` (OpenPanel failures say more: ``RefChartFailure/exitStatus``).
    public static func of(_ kind: FailureKind) -> Int32 {
        switch kind {
        case .request: return usage
        case .openpanel, .network: return unavailable
        case .input, .render, .io: return failure
        }
    }
}
