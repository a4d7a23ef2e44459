import Foundation
import RefChartScene

/// Short value labels: `950`, `1.2k`, `3.4M`, `0.25`, `−12k`.
///
/// Negative numbers take U+2212 MINUS SIGN, as typeset numbers do: the hyphen is shorter than a digit
/// and sits lower, so `-20` beside `20` reads as a dash.
package enum CompactNumber {
    /// U+2212, the minus sign.
    package static let minus = "\u{2212}"

    private static let units: [(threshold: Double, divisor: Double, suffix: String)] = [
        (1e12, 1e12, "T"), (1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e3, 1e3, "k"),
    ]

    /// Formats `value`; `step` (the tick spacing) decides how many decimals are needed to tell ticks apart.
    package static func format(_ value: Double, step: Double) -> String {
        let text = magnitude(value, step: step)
        return value < 0 && text != "0" ? minus + text : text
    }

    /// `abs(value)` formatted.
    private static func magnitude(_ signed: Double, step: Double) -> String {
        let value = abs(signed)
        if value == 0 { return "0" }
        if value >= 1e15 || value < 1e-6 {  // beyond the suffixes: scientific, e.g. 2.5e18, 2e−9
            let parts = String(format: "%.3g", value).split(separator: "e")
            guard parts.count == 2, let exponent = Int(parts[1]) else { return parts.joined(separator: "e") }
            return parts[0] + "e" + (exponent < 0 ? minus : "") + String(abs(exponent))
        }
        let unit = units.first { value >= $0.threshold } ?? (1, 1, "")
        let scaledStep = abs(step) / unit.divisor
        var decimals = 0
        while decimals < 6, scaledStep > 0, abs((scaledStep * pow(10, Double(decimals))).rounded() - scaledStep * pow(10, Double(decimals))) > 1e-6 {
            decimals += 1
        }
        var text = String(format: "%.\(decimals)f", value / unit.divisor)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + unit.suffix
    }
}
