/// A problem with an input file (CSV metrics or a references file): what is wrong, where, and how to fix it.
///
/// Follows swift-nio's extensible-error shape: a struct, so new kinds of problem can be added without
/// breaking anyone's `switch`.
public struct InputError: RefChartFailure, Hashable {
    /// The file (or `-` for stdin, or a URL) the problem is in.
    public var source: String
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// The column or field the problem is in (`column "value"`, `entry 3, field "date"`).
    public var location: String?
    /// What is wrong.
    public var message: String
    /// How to fix it, when there is something to suggest; options in it are spelled by the front end.
    public var hint: OptionText?
    /// ``FailureKind/input``, or ``FailureKind/network`` for a download that got no answer or a 5xx.
    public var failureKind: FailureKind = .input

    /// Creates an input error.
    public init(source: String, line: Int? = nil, location: String? = nil, message: String, hint: OptionText? = nil) {
        self.source = source
        self.line = line
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line: location: message (hint)`.
    public func message(spelling: OptionSpelling) -> String {
        var text = source
        if let line { text += ":\(line)" }
        text += ": "
        if let location { text += "\(location): " }
        text += message
        if let hint { text += " (\(hint.spelled(spelling)))" }
        return text
    }
}
