import ArgumentParser
import Foundation
import RefChart

/// A flag's text read as a typed value, or a usage error naming the flag:
/// `--last "7x" is not a duration: use e.g. …`. Flags stay text for argument-parser so that the message
/// is the library's own, as a job file gets it.
func typed<Value>(_ text: String?, _ key: ChartKey, _ parse: (String) -> Value?, problem: (String) -> String) throws -> Value? {
    guard let text else { return nil }
    guard let value = parse(text) else { throw ValidationError("\(key.flag) \(problem(text))") }
    return value
}

/// A duration flag (`--last`, `--bucket`, `--impact-window`).
func duration(_ text: String?, _ key: ChartKey) throws -> RelativeWindow? {
    try typed(text, key, RelativeWindow.init) { InvalidDuration(text: $0).description }
}

/// A time zone flag (`--timezone`, `--org-timezone`).
func zone(_ text: String?, _ key: ChartKey) throws -> ZoneIdentifier? {
    try typed(text, key, ZoneIdentifier.init, problem: ZoneIdentifier.problem)
}
