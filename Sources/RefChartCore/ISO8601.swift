public import Foundation

/// A timestamp read from text, before a time zone is applied to it.
package struct ParsedTimestamp: Sendable, Hashable {
    /// Seconds since the epoch, reading the wall-clock fields as UTC, then applying the offset if any.
    package var seconds: Double
    /// Whether the text carried `Z` or a `±hh:mm` offset. Without one, the fields are a wall-clock time.
    package var hasOffset: Bool
    /// Whether the text was a date only (`2024-01-15`).
    package var isDateOnly: Bool

    /// The instant, reading a wall-clock time (no offset) in `zone`.
    package func instant(in zone: TimeZone) -> Double {
        hasOffset ? seconds : ISO8601.wallClockToInstant(seconds, in: zone)
    }
}

/// ISO 8601 timestamps: `2024-01-15`, `2024-01-15T10:00`, `2024-01-15 10:00:00.250`, with `Z`, `±hh:mm`,
/// `±hhmm` or `±hh`, or no offset. Parses bytes directly, so the CSV reader never builds a `String`.
public enum ISO8601 {
    /// Parses a timestamp from UTF-8 bytes; `nil` when the text is not one of the accepted forms.
    package static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedTimestamp? {
        var i = 0
        let n = b.count
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in i..<(i + count) {
                let d = Int(b[k]) &- 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < n, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
            (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month)
        else { return nil }
        let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        if i == n { return ParsedTimestamp(seconds: Double(days) * 86_400, hasOffset: false, isDateOnly: true) }
        guard b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 else { return nil }  // T, t or space
        i += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2), hour <= 24, minute <= 59 else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(0x3A) {
            guard let s = digits(2), s <= 60 else { return nil }
            second = s
            if i < n, b[i] == 0x2E || b[i] == 0x2C {
                i += 1
                var scale = 0.1
                let start = i
                while i < n, b[i] >= 0x30, b[i] <= 0x39 {
                    fraction += Double(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        if hour == 24 && (minute != 0 || second != 0 || fraction != 0) { return nil }
        var offset = 0
        var hasOffset = false
        if i < n {
            if b[i] == 0x5A || b[i] == 0x7A {  // Z
                i += 1
                hasOffset = true
            } else if b[i] == 0x2B || b[i] == 0x2D {  // + or -
                let sign = b[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = digits(2), oh <= 18 else { return nil }
                var om = 0
                if expect(0x3A) {
                    guard let m = digits(2) else { return nil }
                    om = m
                } else if i < n {
                    guard let m = digits(2) else { return nil }
                    om = m
                }
                guard om <= 59 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
                hasOffset = true
            }
        }
        guard i == n else { return nil }
        let wall = Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
        return ParsedTimestamp(seconds: wall - Double(offset), hasOffset: hasOffset, isDateOnly: false)
    }

    /// Parses a timestamp string; see ``ISO8601`` for the accepted forms.
    package static func parse(_ text: String) -> ParsedTimestamp? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses an ISO 8601 timestamp, reading one without an offset (or a bare date) in `zone`.
    ///
    /// - Returns: The instant, or `nil` when `text` is not `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.fff]]`
    ///   (`T` or a space), optionally followed by `Z` or an offset.
    public static func date(from text: String, in zone: TimeZone = .gmt) -> Date? {
        guard let parsed = parse(text.trimmingSpaces) else { return nil }
        return Date(timeIntervalSince1970: parsed.instant(in: zone))
    }

    /// Formats an instant as `YYYY-MM-DDTHH:mm:ss.sssZ`, the form the OpenPanel API sends and expects.
    public static func string(from date: Date, fractionalSeconds: Bool = true) -> String {
        string(fromSeconds: date.timeIntervalSince1970, fractionalSeconds: fractionalSeconds)
    }

    /// Formats seconds since the epoch as `YYYY-MM-DDTHH:mm:ss[.sss]Z`.
    package static func string(fromSeconds seconds: Double, fractionalSeconds: Bool = true) -> String {
        let millis = Int((seconds * 1000).rounded(.down))
        var days = millis / 86_400_000
        var rest = millis % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        let (y, mo, d) = CivilTime.civilFromDays(days)
        var text = ASCIIText()
        text.append(y, width: 4)
        text.append("-")
        text.append(mo, width: 2)
        text.append("-")
        text.append(d, width: 2)
        text.append("T")
        text.append(rest / 3_600_000, width: 2)
        text.append(":")
        text.append(rest / 60_000 % 60, width: 2)
        text.append(":")
        text.append(rest / 1000 % 60, width: 2)
        if fractionalSeconds {
            text.append(".")
            text.append(rest % 1000, width: 3)
        }
        text.append("Z")
        return text.string
    }

    /// Converts a wall-clock time (fields read as if UTC) to an instant in `zone`, choosing the earlier
    /// instant for a repeated hour and moving forward through a skipped one.
    /// `YYYY-MM-DD`: the day `date` falls on in `zone` (the `{date}` of output paths).
    public static func day(of date: Date, in zone: TimeZone) -> String {
        let wall = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let (year, month, day) = CivilTime.civilFromDays(Int((wall / 86_400).rounded(.down)))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    package static func wallClockToInstant(_ wall: Double, in zone: TimeZone) -> Double {
        let guess = wall - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall)))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))
        let earlier = wall - Double(offset)
        let check = zone.secondsFromGMT(for: Date(timeIntervalSince1970: earlier))
        return check == offset ? earlier : wall - Double(check)
    }
}
