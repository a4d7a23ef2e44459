import Foundation

/// One field of a references file's entry, as far as a reference cares: text, null (counted as missing), or
/// something else (a number, an object: wrong for every field a reference reads).
enum JSONFieldValue: Equatable {
    case null
    case string(String)
    /// A JSON number (not `true` or `false`).
    case number(Double)
    case other

    /// A value as `JSONSerialization` gives it.
    init(_ value: Any) {
        switch value {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        // `true` is an NSNumber too (a boolean subclass of it), and `1` reads as a Bool: a plain
        // NSNumber, or one that is no Bool, is a number.
        case let number as NSNumber where !(value is Bool) || type(of: number) == NSNumber.self: self = .number(number.doubleValue)
        default: self = .other
        }
    }
}
