/// A chart that cannot be rendered as asked (an impossible size or scale, no data, a Cairo failure:
/// ``FailureKind/render``) or an output that cannot be written (``FailureKind/io``).
public struct ChartError: RefChartFailure, Hashable {
    /// What went wrong.
    public var failureKind: FailureKind
    /// What is wrong and how to fix it; options in it are spelled by the front end.
    public var text: OptionText

    /// Creates an error of `kind` (a chart that cannot be drawn, by default).
    public init(_ text: OptionText, kind: FailureKind = .render) {
        self.text = text
        failureKind = kind
    }

    /// The message, options named as job files name them.
    public var message: String { text.spelled(.keys) }

    public func message(spelling: OptionSpelling) -> String { text.spelled(spelling) }
}
