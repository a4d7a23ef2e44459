/// A chart that cannot be rendered as asked: an impossible size or scale, no data, or a Cairo failure.
public struct ChartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
