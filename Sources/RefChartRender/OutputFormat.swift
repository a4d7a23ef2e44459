/// The image formats refchart writes.
package enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case png
    case svg
    case pdf
}
