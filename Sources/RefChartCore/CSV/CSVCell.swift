#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading numbers and gap markers from a CSV cell's bytes.
enum CSVCell {
    /// How a value cell reads.
    enum Value {
        case number(Double)
        case gap
        /// A number beyond ±Double.greatestFiniteMagnitude (`1e309`, a 400-digit integer).
        case outOfRange
        case invalid
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads a value cell: a number, a gap (empty, `NaN`, `null`, `-`, `.`, `n/a`, `inf`, …) or neither.
    static func value(_ b: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Value {
        if b.isEmpty { return .gap }
        if let v = fastNumber(b, decimalComma: decimalComma) { return .number(v) }
        if isGapWord(b) { return .gap }
        if let v = slowNumber(b, decimalComma: decimalComma) { return v.isFinite ? .number(v) : .outOfRange }
        return .invalid
    }

    /// Reads a plain number (no gap words), e.g. an epoch timestamp.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !b.isEmpty else { return nil }
        return fastNumber(b, decimalComma: false) ?? slowNumber(b, decimalComma: false)
    }

    private static func isGapWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count <= 9 else { return false }
        var lower: [UInt8] = []
        lower.reserveCapacity(b.count)
        for c in b { lower.append(c >= 0x41 && c <= 0x5A ? c + 32 : c) }
        switch String(decoding: lower, as: UTF8.self) {
        case "-", ".", "nan", "null", "none", "n/a", "na", "inf", "-inf", "+inf", "infinity", "-infinity", "#n/a":
            return true
        default:
            return false
        }
    }

    /// `[+-]digits[.digits]` with at most 15 significant digits: exact, without `strtod`.
    private static func fastNumber(_ b: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        var i = 0
        let n = b.count
        var negative = false
        if b[0] == 0x2D || b[0] == 0x2B {
            negative = b[0] == 0x2D
            i = 1
        }
        let point: UInt8 = decimalComma ? 0x2C : 0x2E
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var any = false
        while i < n {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                if digits > 0 || c != 0x30 { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(c &- 0x30)
                if seenPoint { fractionDigits += 1 }
                any = true
            } else if c == point && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard any, fractionDigits <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// Anything `strtod` reads completely (exponents, long mantissas, hex is refused).
    private static func slowNumber(_ b: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        guard b.count < 1024 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: b.count + 1) { buffer -> Double? in
            for (k, c) in b.enumerated() {
                if c == 0x78 || c == 0x58 { return nil }  // no hex floats
                if decimalComma && c == 0x2E { return nil }  // `1.5` is not a number in a decimal-comma file
                buffer[k] = CChar(bitPattern: decimalComma && c == 0x2C ? 0x2E : c)
            }
            buffer[b.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end == buffer.baseAddress! + b.count else { return nil }
            return value
        }
    }
}
