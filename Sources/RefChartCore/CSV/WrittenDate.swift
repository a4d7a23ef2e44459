/// Dates as exports and spreadsheets write them, beyond ISO 8601: `2010/01/01 00:00`,
/// `2024-01-15 10:00:00 UTC`, `Jan 1 2000`, `15 Jan 2024`, `January 15, 2024`, RFC 2822
/// (`Mon, 15 Jan 2024 10:00:00 GMT`), `15/01/2024` or `01/15/2024`, `15.01.2024`, ISO weeks `2024-W03`,
/// year-months `2024-01` and bare years `2017`. Read from bytes, without Foundation (the CSV hot path).
package enum WrittenDate {
    /// Which of two numbers before a four-digit year is the day.
    package enum Order: Sendable, Hashable {
        case dayFirst
        case monthFirst
    }

    /// What a cell says.
    package struct Fields: Sendable, Hashable {
        /// Seconds since the epoch reading the wall-clock fields as UTC, the offset applied if any.
        package var seconds: Double
        package var hasOffset: Bool
        /// For `a/b/yyyy` with both `a` and `b` at most 12 (and unequal) and no order given: the reading with
        /// the other order. `nil` when the cell is unambiguous.
        package var otherOrder: Double?
        /// The order the cell proves (a day above 12), if it proves one.
        package var proves: Order?
        /// The shape, for `inspect`: `day-first`, `month-first`, `year-month`, `iso-week`, `year`, `written`.
        package var form: String
    }

    private enum Token {
        case number(Int, digits: Int)
        case word(String)
        case symbol(UInt8)
    }

    private static let months = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    private static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    ]

    /// Reads a cell. `order` settles `a/b/yyyy`; without one an ambiguous cell reads day-first and gives
    /// the month-first reading in ``Fields/otherOrder``.
    package static func parse(_ b: UnsafeBufferPointer<UInt8>, order: Order?) -> Fields? {
        guard let tokens = tokenize(b), !tokens.isEmpty else { return nil }
        var numbers: [(value: Int, digits: Int, index: Int)] = []
        var month: Int?
        var hour = 0
        var minute = 0
        var second = 0.0
        var hasTime = false
        var offset: Int?
        var pm: Bool?
        var week: Int?
        var k = 0
        while k < tokens.count {
            switch tokens[k] {
            case .number(let value, let digits):
                // A time: h:mm[:ss[.fff]].
                if k + 2 < tokens.count, case .symbol(0x3A) = tokens[k + 1], case .number(let m, 2) = tokens[k + 2], !hasTime,
                    digits <= 2
                {
                    hour = value
                    minute = m
                    hasTime = true
                    k += 3
                    if k + 1 < tokens.count, case .symbol(0x3A) = tokens[k], case .number(let s, 2) = tokens[k + 1] {
                        second = Double(s)
                        k += 2
                        if k + 1 < tokens.count, case .symbol(0x2E) = tokens[k], case .number(let f, let fd) = tokens[k + 1] {
                            second += Double(f) / pow10(fd)
                            k += 2
                        }
                    }
                    continue
                }
                numbers.append((value, digits, k))
            case .word(let word):
                if let m = months[word] {
                    guard month == nil else { return nil }
                    month = m
                } else if weekdays.contains(word) {
                    // Ignored: the date says which day it is.
                } else if word == "am" || word == "pm" {
                    pm = word == "pm"
                } else if word == "z" || word == "utc" || word == "gmt" {
                    offset = 0
                } else if word == "t", hasTime == false {
                    // The ISO separator between date and time.
                } else if word == "w", k + 1 < tokens.count, case .number(let w, _) = tokens[k + 1] {
                    week = w
                    k += 1
                } else {
                    return nil
                }
            case .symbol(let symbol):
                // A zone offset after the time: +hh:mm, +hhmm, -hh.
                if hasTime, symbol == 0x2B || symbol == 0x2D, k + 1 < tokens.count, case .number(let v, let d) = tokens[k + 1] {
                    guard d == 4 ? v / 100 <= 18 && v % 100 <= 59 : d <= 2 && v <= 18 else { return nil }
                    var minutes = d == 4 ? (v / 100) * 60 + v % 100 : v * 60
                    k += 1
                    if d <= 2, k + 2 < tokens.count, case .symbol(0x3A) = tokens[k + 1], case .number(let mm, 2) = tokens[k + 2] {
                        guard mm <= 59 else { return nil }
                        minutes += mm
                        k += 2
                    }
                    offset = (symbol == 0x2D ? -1 : 1) * minutes * 60
                }
            }
            k += 1
        }
        if let pm {
            guard hasTime, (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard hour <= 23, minute <= 59, second < 61 else { return nil }
        let clock = Double(hour * 3600 + minute * 60) + second

        func result(_ year: Int, _ month: Int, _ day: Int, form: String, other: (Int, Int)? = nil, proves: Order? = nil) -> Fields? {
            guard (1...9999).contains(year), (1...12).contains(month), (1...CivilTime.daysInMonth(year: year, month: month)).contains(day)
            else { return nil }
            let seconds = { (m: Int, d: Int) in
                Double(CivilTime.daysFromCivil(year: year, month: m, day: d)) * 86_400 + clock - Double(offset ?? 0)
            }
            return Fields(
                seconds: seconds(month, day), hasOffset: offset != nil, otherOrder: other.map { seconds($0.0, $0.1) },
                proves: proves, form: form)
        }

        if let week {
            // ISO week: the Monday of week `week` of the ISO year in the one number there is.
            guard numbers.count == 1, numbers[0].digits == 4, (1...53).contains(week) else { return nil }
            let year = numbers[0].value
            let jan4 = CivilTime.daysFromCivil(year: year, month: 1, day: 4)
            let weekday = ((jan4 + 3) % 7 + 7) % 7  // 0 = Monday (1970-01-01 was a Thursday)
            let monday = jan4 - weekday + (week - 1) * 7
            return Fields(
                seconds: Double(monday) * 86_400 + clock - Double(offset ?? 0), hasOffset: offset != nil,
                otherOrder: nil, proves: nil, form: "iso-week")
        }
        if let month {
            // Month by name: the four-digit number is the year, the other the day.
            guard numbers.count == 2 else { return nil }
            let (a, b) = (numbers[0], numbers[1])
            if a.digits == 4 && b.digits <= 2 { return result(a.value, month, b.value, form: "written") }
            if b.digits == 4 && a.digits <= 2 { return result(b.value, month, a.value, form: "written") }
            return nil
        }
        switch numbers.count {
        case 1 where numbers[0].digits == 4 && !hasTime:
            return result(numbers[0].value, 1, 1, form: "year")
        case 2 where numbers[0].digits == 4 && numbers[1].digits <= 2 && !hasTime:
            return result(numbers[0].value, numbers[1].value, 1, form: "year-month")
        case 3 where numbers[0].digits == 4:
            return result(numbers[0].value, numbers[1].value, numbers[2].value, form: "written")
        case 3 where numbers[2].digits == 4 && numbers[0].digits <= 2 && numbers[1].digits <= 2:
            let (a, b, year) = (numbers[0].value, numbers[1].value, numbers[2].value)
            switch order {
            case .dayFirst?: return result(year, b, a, form: "day-first")
            case .monthFirst?: return result(year, a, b, form: "month-first")
            case nil:
                if a > 12 { return result(year, b, a, form: "day-first", proves: .dayFirst) }
                if b > 12 { return result(year, a, b, form: "month-first", proves: .monthFirst) }
                return result(year, b, a, form: "day-first", other: a == b ? nil : (a, b))
            }
        default:
            return nil
        }
    }

    private static func pow10(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<n { value *= 10 }
        return value
    }

    /// Numbers, lowercase words and single symbols; spaces and commas separate. `nil` for a byte no date
    /// has, or a token too long to be one.
    private static func tokenize(_ b: UnsafeBufferPointer<UInt8>) -> [Token]? {
        var tokens: [Token] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                var value = 0
                var digits = 0
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                    guard digits < 9 else { return nil }
                    value = value * 10 + Int(b[i] - 0x30)
                    digits += 1
                    i += 1
                }
                tokens.append(.number(value, digits: digits))
            } else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A {
                var word: [UInt8] = []
                while i < b.count, (b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A {
                    guard word.count < 12 else { return nil }
                    word.append(b[i] | 0x20)
                    i += 1
                }
                tokens.append(.word(String(decoding: word, as: UTF8.self)))
            } else if c == 0x20 || c == 0x2C || c == 0x09 {
                i += 1
            } else if c == 0x2F || c == 0x2D || c == 0x2E || c == 0x3A || c == 0x2B {
                tokens.append(.symbol(c))
                i += 1
            } else {
                return nil
            }
        }
        return tokens
    }
}
