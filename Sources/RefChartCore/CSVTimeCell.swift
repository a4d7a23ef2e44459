import Foundation

/// Reading the time column's cells in each ``CSVOptions/TimeFormat``.
enum CSVTimeCell {
    /// Epoch values at or above this magnitude are milliseconds (1e11 s is the year 5138).
    static let millisecondThreshold = 1e11

    /// Reads a cell in a known format; `nil` when it does not read.
    static func read(_ cell: UnsafeBufferPointer<UInt8>, format: CSVOptions.TimeFormat, zone: TimeZone, utc: Bool) -> Double? {
        switch format {
        case .iso8601, .date:
            guard let parsed = ISO8601.parse(cell) else { return nil }
            return utc ? parsed.seconds : parsed.instant(in: zone)
        case .epochSeconds:
            return CSVCell.number(cell)
        case .epochMilliseconds:
            return CSVCell.number(cell).map { $0 / 1000 }
        }
    }

    /// Detects the format from the first cell and reads it.
    static func detect(_ cell: UnsafeBufferPointer<UInt8>, zone: TimeZone, utc: Bool) -> (CSVOptions.TimeFormat, Double)? {
        if let parsed = ISO8601.parse(cell) {
            return (parsed.isDateOnly ? .date : .iso8601, utc ? parsed.seconds : parsed.instant(in: zone))
        }
        guard !cell.isEmpty, let number = CSVCell.number(cell), number.isFinite else { return nil }
        return abs(number) >= millisecondThreshold ? (.epochMilliseconds, number / 1000) : (.epochSeconds, number)
    }
}
