public import Foundation

/// A relative time window such as `30d`, `12h`, `6w`, `3mo` or `1y`: "the last N units" before an end.
///
/// Parsed in one place (``init(_:)``); requests, job files and flags hold the parsed value, so a bad
/// duration is refused where it is read (a job file's line and column, a flag's name).
public struct RelativeWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The calendar unit.
    public var unit: Calendar.Component
    /// How many units.
    public var count: Int

    /// Each suffix, its unit and the unit's longest length in seconds.
    private static let units: [(suffix: String, unit: Calendar.Component, seconds: Double)] = [
        ("mo", .month, 31 * 86_400), ("min", .minute, 60), ("s", .second, 1), ("m", .minute, 60), ("h", .hour, 3_600),
        ("d", .day, 90_000), ("w", .weekOfYear, 7 * 90_000), ("y", .year, 366 * 86_400), ("q", .quarter, 92 * 86_400),
    ]

    /// The longest window: 10,000 years. Longer ones overflow the calendar's arithmetic (it traps).
    public static let maximumSeconds = 10_000 * 366 * 86_400.0

    /// Parses `30d`, `last 30d`, `12h`, `90min`, `6w`, `3mo`, `1y`; `nil` for anything else, and for a
    /// window longer than ``maximumSeconds``.
    public init?(_ text: String) {
        var body = Substring(text.trimmingSpaces.lowercased())
        if body.hasPrefix("last") { body = body.dropFirst(4).drop { $0 == " " } }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard digits.count <= 18, let count = Int(digits), count > 0,
            let unit = Self.units.first(where: { body.dropFirst(digits.count) == $0.suffix }),
            Double(count) * unit.seconds <= Self.maximumSeconds
        else { return nil }
        // A quarter is three months, so the calendar arithmetic stays the months' (Foundation has no
        // quarter arithmetic on every platform).
        self.unit = unit.unit == .quarter ? .month : unit.unit
        self.count = unit.unit == .quarter ? count * 3 : count
    }

    /// What a bad duration gets, after its text: the forms that work.
    public static let forms = "use e.g. 90min, 12h, 7d, 6w, 3mo, 1q or 1y (at most 10000 years)"

    /// Parses `text`, or throws ``InvalidDuration`` saying what works.
    public init(parsing text: String) throws {
        guard let window = Self(text) else { throw InvalidDuration(text: text) }
        self = window
    }

    /// The window as written canonically: `7d`, `90min`, `3mo`.
    public var description: String {
        "\(count)" + (Self.units.first { $0.unit == unit && $0.suffix != "m" }?.suffix ?? "")
    }

    /// Decodes the text form (`"7d"`); a bad one is a data error whose message says what works.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let window = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: InvalidDuration(text: text).description)
        }
        self = window
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// One unit's usual length in seconds (a month is 30.44 days): for fixed-width buckets.
    public var nominalSeconds: Double {
        switch unit {
        case .second: return 1
        case .minute: return 60
        case .hour: return 3_600
        case .day: return 86_400
        case .weekOfYear: return 7 * 86_400
        case .month: return 30.44 * 86_400
        default: return 365.25 * 86_400
        }
    }

    /// The window's start: `count` units before `end`, in calendar arithmetic in `zone` (so `1d` across a
    /// DST change is 23 or 25 hours, and `1mo` is a calendar month).
    public func start(before end: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(byAdding: unit, value: -count, to: end) ?? end
    }

    /// The window's end: `count` units after `start`, in calendar arithmetic in `zone`.
    public func end(after start: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(byAdding: unit, value: count, to: start) ?? start
    }
}
