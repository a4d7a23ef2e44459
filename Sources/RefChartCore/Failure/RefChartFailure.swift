/// The shape every error refchart's library throws has: a ``FailureKind``, and a message whose hints name
/// options as the caller knows them (``OptionSpelling``): `--lenient` on the command line, `lenient: true`
/// in a job file.
public protocol RefChartFailure: Error, Sendable, CustomStringConvertible {
    /// What kind of thing went wrong (`failureKind`: ``OpenPanelError`` has a finer `kind` of its own).
    var failureKind: FailureKind { get }
    /// The exit code a command ends with for this failure (by default ``ExitStatus/of(_:)`` of its kind).
    var exitStatus: Int32 { get }
    /// The failure in words, its options spelled by `spelling`.
    func message(spelling: OptionSpelling) -> String
}

extension RefChartFailure {
    public var exitStatus: Int32 { ExitStatus.of(failureKind) }

    /// The message with options spelled as job files and ``ChartOptions`` name them.
    public var description: String { message(spelling: .keys) }
}
