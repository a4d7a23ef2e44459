/// A message that names options, kept as data until a front end spells them (``OptionSpelling``):
///
///     let hint: OptionText = "fix the cell, or pass \(option: .lenient, true) to skip such rows"
///     hint.spelled(.keys)  // "fix the cell, or pass lenient: true to skip such rows"
public struct OptionText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    enum Part: Sendable, Hashable {
        case text(String)
        case option(ChartKey, value: String?)
    }

    var parts: [Part]

    public init(stringLiteral value: String) {
        parts = [.text(value)]
    }

    public init(stringInterpolation: StringInterpolation) {
        parts = stringInterpolation.parts
    }

    /// Plain text, naming no option.
    public init(_ text: String) {
        parts = [.text(text)]
    }

    /// The text with its options spelled by `spelling`.
    public func spelled(_ spelling: OptionSpelling) -> String {
        parts.reduce(into: "") { text, part in
            switch part {
            case .text(let piece): text += piece
            case .option(let key, let value): text += spelling(key, value)
            }
        }
    }

    /// The text as job files spell options.
    public var description: String { spelled(.keys) }

    /// Joins two texts.
    public static func + (lhs: OptionText, rhs: OptionText) -> OptionText {
        var joined = lhs
        joined.parts += rhs.parts
        return joined
    }

    /// Builds an ``OptionText`` from a literal with options in it.
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            parts.append(.text(literal))
        }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            parts.append(.text(value.description))
        }

        /// Another text, its options still to be spelled.
        public mutating func appendInterpolation(_ text: OptionText) {
            parts += text.parts
        }

        /// Names an option (`--value-column`, `valueColumns`).
        public mutating func appendInterpolation(option key: ChartKey) {
            parts.append(.option(key, value: nil))
        }

        /// An option with its value (`--time-format day-first`, `timeFormat: day-first`).
        public mutating func appendInterpolation(option key: ChartKey, _ value: String) {
            parts.append(.option(key, value: value))
        }

        /// A switch turned on or off (`--lenient`, `lenient: true`; `--no-decimal-comma`, `decimalComma: false`).
        public mutating func appendInterpolation(option key: ChartKey, _ on: Bool) {
            parts.append(.option(key, value: on ? "true" : "false"))
        }
    }
}
