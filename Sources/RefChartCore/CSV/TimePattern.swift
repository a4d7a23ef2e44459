/// A strftime-style pattern for times no detected form reads: `%d/%m/%Y %H:%M`, `%Y%m%d`, `%b %d %Y %I:%M %p`.
///
/// Fields: `%Y` (4-digit year), `%y` (2-digit: 1969–2068), `%m`, `%d`/`%e` (1 or 2 digits), `%H`, `%I`, `%M`,
/// `%S`, `%f` (fraction digits), `%p` (AM/PM), `%b`/`%B` (month name), `%a`/`%A` (weekday name, ignored),
/// `%j` (day of year), `%z` (`+hhmm`, `+hh:mm` or `Z`), `%Z` (`UTC`/`GMT`), `%%`, `%T` (`%H:%M:%S`).
/// Other characters match themselves; a space matches any run of spaces.
package struct TimePattern: Sendable, Hashable {
    private enum Element: Sendable, Hashable {
        case literal(UInt8)
        case space
        case field(UInt8)
    }

    private let elements: [Element]
    /// The pattern as written.
    package let text: String

    /// Compiles `text`; `nil` when it has an unknown `%` field or no field at all.
    package init?(_ text: String) {
        var elements: [Element] = []
        var bytes = Array(text.utf8)[...]
        while let c = bytes.popFirst() {
            if c == 0x25 {
                guard let f = bytes.popFirst() else { return nil }
                switch f {
                case 0x25: elements.append(.literal(0x25))
                case UInt8(ascii: "T"):
                    elements += [.field(UInt8(ascii: "H")), .literal(0x3A), .field(UInt8(ascii: "M")), .literal(0x3A), .field(UInt8(ascii: "S"))]
                case _ where Array("YymdeHIMSfpbBaAjzZ".utf8).contains(f): elements.append(.field(f))
                default: return nil
                }
            } else {
                elements.append(c == 0x20 ? .space : .literal(c))
            }
        }
        guard elements.contains(where: { if case .field = $0 { true } else { false } }) else { return nil }
        self.elements = elements
        self.text = text
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Reads a cell: seconds since the epoch with the wall-clock fields read as UTC (the offset applied
    /// when `%z`/`%Z` gave one), and whether there was an offset; `nil` when the cell does not match.
    package func parse(_ b: UnsafeBufferPointer<UInt8>) -> (seconds: Double, hasOffset: Bool)? {
        var i = 0
        var year = 1970
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0.0
        var dayOfYear: Int?
        var pm: Bool?
        var offset: Int?
        func number(max digits: Int, min: Int = 1) -> Int? {
            var value = 0
            var count = 0
            while i < b.count, count < digits, b[i] >= 0x30 && b[i] <= 0x39 {
                value = value * 10 + Int(b[i] - 0x30)
                count += 1
                i += 1
            }
            return count >= min ? value : nil
        }
        func word() -> String {
            var letters: [UInt8] = []
            while i < b.count, (b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A {
                letters.append(b[i] | 0x20)
                i += 1
            }
            return String(decoding: letters, as: UTF8.self)
        }
        for element in elements {
            switch element {
            case .literal(let c):
                guard i < b.count, b[i] == c else { return nil }
                i += 1
            case .space:
                guard i < b.count, b[i] == 0x20 else { return nil }
                while i < b.count, b[i] == 0x20 { i += 1 }
            case .field(let f):
                switch UnicodeScalar(f) {
                case "Y":
                    guard let v = number(max: 4, min: 4) else { return nil }
                    year = v
                case "y":
                    guard let v = number(max: 2, min: 2) else { return nil }
                    year = v < 69 ? 2000 + v : 1900 + v
                case "m":
                    guard let v = number(max: 2) else { return nil }
                    month = v
                case "d", "e":
                    while i < b.count, b[i] == 0x20 { i += 1 }
                    guard let v = number(max: 2) else { return nil }
                    day = v
                case "H", "I":
                    guard let v = number(max: 2) else { return nil }
                    hour = v
                case "M":
                    guard let v = number(max: 2) else { return nil }
                    minute = v
                case "S":
                    guard let v = number(max: 2) else { return nil }
                    second += Double(v)
                case "f":
                    var scale = 0.1
                    var any = false
                    while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                        second += Double(b[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                        any = true
                    }
                    guard any else { return nil }
                case "j":
                    guard let v = number(max: 3) else { return nil }
                    dayOfYear = v
                case "p":
                    switch word() {
                    case "am": pm = false
                    case "pm": pm = true
                    default: return nil
                    }
                case "b", "B":
                    let name = word()
                    guard name.count >= 3, let index = Self.monthNames.firstIndex(of: String(name.prefix(3))) else { return nil }
                    month = index + 1
                case "a", "A":
                    guard word().count >= 3 else { return nil }
                case "z":
                    guard i < b.count else { return nil }
                    if b[i] == 0x5A || b[i] == 0x7A {
                        i += 1
                        offset = 0
                        break
                    }
                    guard b[i] == 0x2B || b[i] == 0x2D else { return nil }
                    let sign = b[i] == 0x2D ? -1 : 1
                    i += 1
                    // The ISO reader's range: real offsets are −12:00 to +14:00; `+99:99` is not one.
                    guard let h = number(max: 2, min: 2), h <= 18 else { return nil }
                    if i < b.count, b[i] == 0x3A { i += 1 }
                    let m = number(max: 2, min: 2) ?? 0
                    guard m <= 59 else { return nil }
                    offset = sign * (h * 3600 + m * 60)
                case "Z":
                    let name = word()
                    guard ["utc", "gmt", "z"].contains(name) else { return nil }
                    offset = 0
                default:
                    return nil
                }
            }
        }
        guard i == b.count else { return nil }
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard (1...9999).contains(year), hour <= 23, minute <= 59, second < 61 else { return nil }
        var days: Int
        if let dayOfYear {
            let length = CivilTime.daysInMonth(year: year, month: 2) == 29 ? 366 : 365
            guard (1...length).contains(dayOfYear) else { return nil }
            days = CivilTime.daysFromCivil(year: year, month: 1, day: 1) + dayOfYear - 1
        } else {
            guard (1...12).contains(month), (1...CivilTime.daysInMonth(year: year, month: month)).contains(day) else { return nil }
            days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        }
        return (Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second - Double(offset ?? 0), offset != nil)
    }
}
