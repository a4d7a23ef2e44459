import Foundation
import RefChartScene

/// Short value labels: `950`, `1.2k`, `3.4M`, `0.25`, `-12k`.
package enum CompactNumber {
    private static let units: [(threshold: Double, divisor: Double, suffix: String)] = [
        (1e12, 1e12, "T"), (1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e3, 1e3, "k"),
    ]

    /// Formats `value`; `step` (the tick spacing) decides how many decimals are needed to tell ticks apart.
    package static func format(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 1e15 || abs(value) < 1e-6 {  // beyond the suffixes: scientific, e.g. 2.5e18
            return String(format: "%.3g", value).replacingOccurrences(of: "e+", with: "e")
        }
        let unit = units.first { abs(value) >= $0.threshold } ?? (1, 1, "")
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
        if text == "-0" { text = "0" }
        return text + unit.suffix
    }
}
