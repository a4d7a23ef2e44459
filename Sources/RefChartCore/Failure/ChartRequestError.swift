/// A ``ChartRequest`` field that cannot be used as given: which field, and what is wrong with it.
///
/// The message reads after the field's name, so each front end can name the field its own way:
/// `--width 5 is out of range: …` on the command line, `jobs.yaml:7:12: width: 5 is out of range: …` in a
/// job file.
public struct ChartRequestError: RefChartFailure, Hashable {
    /// The field at fault.
    public var field: ChartKey
    /// What is wrong, starting with the value (`5 is out of range: use 100 to 16384`).
    public var text: OptionText

    /// Creates an error.
    public init(_ field: ChartKey, _ text: OptionText) {
        self.field = field
        self.text = text
    }

    public var failureKind: FailureKind { .request }

    /// What is wrong, options named as job files name them.
    public var message: String { text.spelled(.keys) }

    /// `width: 5 is out of range: use 100 to 16384` (or `--width 5 is …`).
    public func message(spelling: OptionSpelling) -> String { spelling.lead(field) + text.spelled(spelling) }
}
