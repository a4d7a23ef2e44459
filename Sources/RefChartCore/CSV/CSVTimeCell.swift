import Foundation

/// Reading the time column's cells in each ``CSVOptions/TimeFormat``.
enum CSVTimeCell {
    /// Epoch values at or above this magnitude are milliseconds (1e11 s is the year 5138).
    static let millisecondThreshold = 1e11
    /// The smallest bare number detection takes for epoch seconds: 1e8 s is March 1973.
    static let plausibleEpoch = 1e8
    /// Instants must lie between the years 0001 and 9999, as ISO 8601 dates do.
    static let validSeconds = -62_135_596_800.0...253_402_300_799.0

    /// What the first cells of a column say about its format.
    enum Detection {
        /// The format, and this cell's time.
        case format(CSVOptions.TimeFormat, Double)
        /// `a/b/yyyy` with both at most 12: the time read day-first, until a later cell settles the order.
        case dayOrMonthFirst(Double)
    }

    /// Reads a cell in a known format; `nil` when it does not read.
    static func read(
        _ cell: UnsafeBufferPointer<UInt8>, format: CSVOptions.TimeFormat, pattern: TimePattern?, zone: TimeZone, utc: Bool
    ) -> Double? {
        switch format {
        case .iso8601, .date:
            guard let parsed = ISO8601.parse(cell) else { return nil }
            return utc ? parsed.seconds : parsed.instant(in: zone)
        case .epochSeconds:
            return CSVCell.number(cell).flatMap(valid)
        case .epochMilliseconds:
            return CSVCell.number(cell).map { $0 / 1000 }.flatMap(valid)
        case .dayFirst, .monthFirst, .written, .yearMonth, .isoWeek, .year:
            let order: WrittenDate.Order = format == .monthFirst ? .monthFirst : .dayFirst
            guard let fields = WrittenDate.parse(cell, order: order) else { return nil }
            return local(fields.seconds, hasOffset: fields.hasOffset, zone: zone, utc: utc)
        case .pattern:
            guard let parsed = pattern?.parse(cell) else { return nil }
            return local(parsed.seconds, hasOffset: parsed.hasOffset, zone: zone, utc: utc)
        }
    }

    /// Detects the format from a cell and reads it: ISO 8601, a bare four-digit year, epoch seconds or
    /// milliseconds by magnitude, then the written forms.
    static func detect(_ cell: UnsafeBufferPointer<UInt8>, zone: TimeZone, utc: Bool) -> Detection? {
        if let parsed = ISO8601.parse(cell) {
            return .format(parsed.isDateOnly ? .date : .iso8601, utc ? parsed.seconds : parsed.instant(in: zone))
        }
        // Four digits are a year (`2017`), never 33 minutes after the epoch.
        if cell.count == 4, cell.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let fields = WrittenDate.parse(cell, order: nil) {
            return .format(.year, local(fields.seconds, hasOffset: false, zone: zone, utc: utc))
        }
        if !cell.isEmpty, let number = CSVCell.number(cell), number.isFinite {
            // A day of the month (1–31) is not 31 s after 1970: bare numbers are epoch times only from 1973
            // (1e8 s) on; `--time-format epoch-s` reads any.
            guard abs(number) >= plausibleEpoch else { return nil }
            let milliseconds = abs(number) >= millisecondThreshold
            guard let seconds = valid(milliseconds ? number / 1000 : number) else { return nil }
            return .format(milliseconds ? .epochMilliseconds : .epochSeconds, seconds)
        }
        guard let fields = WrittenDate.parse(cell, order: nil) else { return nil }
        let seconds = local(fields.seconds, hasOffset: fields.hasOffset, zone: zone, utc: utc)
        switch fields.form {
        case "day-first", "month-first":
            // `15/01/2024` proves day-first, `01/15/2024` month-first; `01/02/2024` waits for a cell that does.
            guard let order = fields.proves else { return .dayOrMonthFirst(seconds) }
            return .format(order == .dayFirst ? .dayFirst : .monthFirst, seconds)
        case "year-month": return .format(.yearMonth, seconds)
        case "iso-week": return .format(.isoWeek, seconds)
        case "year": return .format(.year, seconds)
        default: return .format(.written, seconds)
        }
    }

    private static func local(_ seconds: Double, hasOffset: Bool, zone: TimeZone, utc: Bool) -> Double {
        hasOffset || utc ? seconds : ISO8601.wallClockToInstant(seconds, in: zone)
    }

    private static func valid(_ seconds: Double) -> Double? {
        validSeconds.contains(seconds) ? seconds : nil
    }
}
