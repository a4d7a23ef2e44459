import Foundation

/// Reading the time column's cells in each ``CSVOptions/TimeFormat``.
enum CSVTimeCell {
    /// Epoch values at or above this magnitude are milliseconds (1e11 s is the year 5138).
    static let millisecondThreshold = 1e11
    /// Instants must lie between the years 0001 and 9999, as ISO 8601 dates do.
    static let validSeconds = -62_135_596_800.0...253_402_300_799.0

    /// Reads a cell in a known format; `nil` when it does not read.
    static func read(_ cell: UnsafeBufferPointer<UInt8>, format: CSVOptions.TimeFormat, zone: TimeZone, utc: Bool) -> Double? {
        switch format {
        case .iso8601, .date:
            guard let parsed = ISO8601.parse(cell) else { return nil }
            return utc ? parsed.seconds : parsed.instant(in: zone)
        case .epochSeconds:
            return CSVCell.number(cell).flatMap(valid)
        case .epochMilliseconds:
            return CSVCell.number(cell).map { $0 / 1000 }.flatMap(valid)
        }
    }

    /// Detects the format from the first cell and reads it.
    static func detect(_ cell: UnsafeBufferPointer<UInt8>, zone: TimeZone, utc: Bool) -> (CSVOptions.TimeFormat, Double)? {
        if let parsed = ISO8601.parse(cell) {
            return (parsed.isDateOnly ? .date : .iso8601, utc ? parsed.seconds : parsed.instant(in: zone))
        }
        guard !cell.isEmpty, let number = CSVCell.number(cell), number.isFinite else { return nil }
        let milliseconds = abs(number) >= millisecondThreshold
        guard let seconds = valid(milliseconds ? number / 1000 : number) else { return nil }
        return (milliseconds ? .epochMilliseconds : .epochSeconds, seconds)
    }

    private static func valid(_ seconds: Double) -> Double? {
        validSeconds.contains(seconds) ? seconds : nil
    }
}
