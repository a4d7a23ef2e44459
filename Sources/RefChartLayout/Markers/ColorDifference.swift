import Foundation
package import RefChartScene

/// Colour distances as people see them: CIE Lab (D65) from sRGB, CIEDE2000, and colour-vision-deficiency
/// simulation (Machado, Oliveira & Fernandes 2009, severity 1), for choosing reference colours that read
/// apart from the series and from each other.
package enum ColorDifference {
    /// CIE L*a*b* of an sRGB colour.
    package static func lab(_ color: Color) -> (l: Double, a: Double, b: Double) {
        let (r, g, b) = (linear(color.red), linear(color.green), linear(color.blue))
        let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
        let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
        let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24_389 ? cbrt(t) : (24_389.0 / 27 * t + 16) / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    /// CIEDE2000 ΔE between two colours: about 2 is just noticeable, 20 clearly different.
    package static func deltaE(_ first: Color, _ second: Color) -> Double {
        let (l1, a1, b1) = lab(first)
        let (l2, a2, b2) = lab(second)
        let meanC = (hypot(a1, b1) + hypot(a2, b2)) / 2
        let g = 0.5 * (1 - sqrt(pow(meanC, 7) / (pow(meanC, 7) + pow(25, 7))))
        let (a1p, a2p) = ((1 + g) * a1, (1 + g) * a2)
        let (c1, c2) = (hypot(a1p, b1), hypot(a2p, b2))
        func hue(_ b: Double, _ a: Double) -> Double {
            guard a != 0 || b != 0 else { return 0 }
            let h = atan2(b, a) * 180 / .pi
            return h < 0 ? h + 360 : h
        }
        let (h1, h2) = (hue(b1, a1p), hue(b2, a2p))
        let deltaL = l2 - l1
        let deltaC = c2 - c1
        var deltaH = 0.0
        if c1 * c2 != 0 {
            deltaH = h2 - h1
            if deltaH > 180 { deltaH -= 360 } else if deltaH < -180 { deltaH += 360 }
        }
        let bigDeltaH = 2 * sqrt(c1 * c2) * sin(deltaH * .pi / 360)
        let meanL = (l1 + l2) / 2
        let meanCp = (c1 + c2) / 2
        var meanH = h1 + h2
        if c1 * c2 != 0 {
            if abs(h1 - h2) > 180 { meanH += h1 + h2 < 360 ? 360 : -360 }
            meanH /= 2
        }
        let t =
            1 - 0.17 * cos((meanH - 30) * .pi / 180) + 0.24 * cos(2 * meanH * .pi / 180)
            + 0.32 * cos((3 * meanH + 6) * .pi / 180) - 0.20 * cos((4 * meanH - 63) * .pi / 180)
        let sl = 1 + 0.015 * pow(meanL - 50, 2) / sqrt(20 + pow(meanL - 50, 2))
        let sc = 1 + 0.045 * meanCp
        let sh = 1 + 0.015 * meanCp * t
        let rt = -2 * sqrt(pow(meanCp, 7) / (pow(meanCp, 7) + pow(25, 7))) * sin(60 * exp(-pow((meanH - 275) / 25, 2)) * .pi / 180)
        let (dl, dc, dh) = (deltaL / sl, deltaC / sc, bigDeltaH / sh)
        return sqrt(dl * dl + dc * dc + dh * dh + rt * dc * dh)
    }

    /// A colour deficiency to simulate.
    package enum Deficiency: CaseIterable, Sendable {
        case deuteranopia, protanopia

        /// Machado et al.'s matrix, severity 1, on linear RGB.
        var matrix: [[Double]] {
            switch self {
            case .deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
            case .protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
            }
        }
    }

    /// How `color` looks with `deficiency`.
    package static func simulated(_ color: Color, _ deficiency: Deficiency) -> Color {
        let rgb = [linear(color.red), linear(color.green), linear(color.blue)]
        let m = deficiency.matrix
        let out = m.map { row in min(1, max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) }
        return Color(red: gamma(out[0]), green: gamma(out[1]), blue: gamma(out[2]))
    }

    private static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    private static func gamma(_ c: Double) -> Double { c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055 }
}
