/// A ``ChartRequest`` field that cannot be used as given: which field, and what is wrong with it.
///
/// The message reads after the field's name, so each front end can name the field its own way:
/// `--width 5 is out of range: …` on the command line, `jobs.yaml:7:12: width: 5 is out of range: …` in a
/// job file.
public struct ChartRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field at fault.
    public var field: ChartKey
    /// What is wrong, starting with the value (`5 is out of range: use 100 to 16384`).
    public var message: String

    /// Creates an error.
    public init(_ field: ChartKey, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `width: 5 is out of range: use 100 to 16384`.
    public var description: String { "\(field.stringValue): \(message)" }

}
