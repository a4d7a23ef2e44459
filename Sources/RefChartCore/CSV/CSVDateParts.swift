/// A time written over several columns (`year,month,day,hour`), as air-quality and climate exports do:
/// which field holds each part, and how a row's parts make one instant.
struct CSVDateParts: Sendable, Hashable {
    /// One part of a date, with the names a header gives it and the values it takes.
    enum Part: Int, CaseIterable, Sendable {
        case year, month, day, hour, minute, second

        /// Header names (lowercased, any of the usual languages) of this part.
        var names: Set<String> {
            switch self {
            case .year: return ["year", "yr", "yyyy", "jahr", "année", "annee", "año", "ano", "anno", "jaar"]
            case .month: return ["month", "mon", "mm", "monat", "mois", "mes", "mese", "maand", "mês"]
            case .day: return ["day", "dd", "tag", "jour", "día", "dia", "giorno", "dag"]
            case .hour: return ["hour", "hr", "hh", "stunde", "heure", "hora", "ora", "uur"]
            case .minute: return ["minute", "min", "minuto", "minuten", "minuut"]
            case .second: return ["second", "sec", "sekunde", "seconde", "segundo", "secondo"]
            }
        }

        /// The values a cell of this part may hold (an hour of 24 is the next day's midnight).
        var range: ClosedRange<Int> {
            switch self {
            case .year: return 1...9999
            case .month: return 1...12
            case .day: return 1...31
            case .hour: return 0...24
            case .minute, .second: return 0...59
            }
        }
    }

    /// The field of each part found, indexed by ``Part/rawValue``; year and month are always there.
    let fields: [Int?]

    /// The parts of a header that names at least a year and a month, in date order; later parts need the
    /// earlier ones (a `day` without a `month` is not a date part).
    init?(header lowered: [String]) {
        var fields: [Int?] = Array(repeating: nil, count: Part.allCases.count)
        for part in Part.allCases {
            guard let field = lowered.firstIndex(where: { part.names.contains($0) }) else { break }
            fields[part.rawValue] = field
        }
        guard fields[Part.month.rawValue] != nil else { return nil }
        self.fields = fields
    }

    /// The fields used, in date order.
    var used: [Int] { fields.compactMap { $0 } }

    /// The parts used, as named in the header (`year, month, day, hour`).
    func names(in header: [String]) -> String { used.map { header[$0] }.joined(separator: ", ") }

    /// The wall-clock seconds (since the epoch, as if in UTC) of a row's parts, or the part that does not read.
    func wallClock(_ value: (Int) -> Double?) -> Result<Double, PartError> {
        var parts = [0, 1, 1, 0, 0, 0]
        for part in Part.allCases {
            guard let field = fields[part.rawValue] else { continue }
            guard let number = value(field), number == number.rounded(), part.range.contains(Int(number)) else {
                return .failure(PartError(part: part, field: field))
            }
            parts[part.rawValue] = Int(number)
        }
        let days = CivilTime.daysFromCivil(year: parts[0], month: parts[1], day: parts[2])
        // 31 February would roll into March: a day past its month's end is the day's fault.
        if let field = fields[Part.day.rawValue], CivilTime.civilFromDays(days).day != parts[2] {
            return .failure(PartError(part: .day, field: field))
        }
        return .success(Double(days * 86_400 + parts[3] * 3_600 + parts[4] * 60 + parts[5]))
    }

    /// A part whose cell is not a whole number in the part's range.
    struct PartError: Error {
        let part: Part
        let field: Int
    }
}
