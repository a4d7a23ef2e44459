/// A duration that does not parse: `"7x" is not a duration: use e.g. …`.
public struct InvalidDuration: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public var text: String

    /// The error for `text`.
    public init(text: String) {
        self.text = text
    }

    /// The message.
    public var description: String { "\(quoted(text)) is not a duration: \(RelativeWindow.forms)" }
}
