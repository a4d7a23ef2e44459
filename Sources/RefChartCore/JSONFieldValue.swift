import Foundation

/// One field of a references file's entry, as far as a reference cares: text, null (counted as missing), or
/// something else (a number, an object: wrong for every field a reference reads).
enum JSONFieldValue: Equatable {
    case null
    case string(String)
    case other

    /// A value as `JSONSerialization` gives it.
    init(_ value: Any) {
        switch value {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        default: self = .other
        }
    }
}
