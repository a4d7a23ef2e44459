/// Cairo refused to create or finish a surface (an impossible size, out of memory, a write failure).
package struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { "rendering failed: \(message)" }
}
