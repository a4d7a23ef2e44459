package import RefChartScene

/// The reference colours of one chart, chosen against the series colours it draws: a reference label
/// in a series' hue family reads as belonging to that series ("France: lockdown" in teal beside the teal
/// France line; release orange 17° from a series' orange 21°).
///
/// From the theme's candidates, in order, each category takes the first that is at least ``fromSeries``
/// (CIEDE2000) from every series colour drawn and at least ``apart`` from every category colour taken so
/// far, in normal vision and under simulated deuteranopia and protanopia. What no candidate satisfies is
/// filled by relaxing first the colour-blind rule, then the series rule (the farthest candidates first),
/// so every category still gets a colour.
package enum ReferencePalette {
    /// The least ΔE2000 between a reference colour and any series colour.
    package static let fromSeries = 20.0
    /// The least ΔE2000 between two reference colours, in each vision simulated.
    package static let apart = 10.0

    /// `count` colours for categories (at most the candidates' number), against `series`.
    package static func choose(candidates: [Color], series: [Color], count: Int) -> [Color] {
        let wanted = min(count, candidates.count)
        guard wanted > 0 else { return [] }
        func farFromSeries(_ c: Color) -> Double { series.map { ColorDifference.deltaE(c, $0) }.min() ?? .infinity }
        func apartInEveryVision(_ c: Color, _ taken: [Color]) -> Bool {
            taken.allSatisfy { other in
                ColorDifference.deltaE(c, other) >= apart
                    && ColorDifference.Deficiency.allCases.allSatisfy {
                        ColorDifference.deltaE(ColorDifference.simulated(c, $0), ColorDifference.simulated(other, $0)) >= apart
                    }
            }
        }
        var chosen: [Color] = []
        for candidate in candidates where chosen.count < wanted {
            if farFromSeries(candidate) >= fromSeries && apartInEveryVision(candidate, chosen) { chosen.append(candidate) }
        }
        for candidate in candidates where chosen.count < wanted && !chosen.contains(candidate) {
            if farFromSeries(candidate) >= fromSeries { chosen.append(candidate) }
        }
        let rest = candidates.filter { !chosen.contains($0) }.sorted { farFromSeries($0) > farFromSeries($1) }
        chosen += rest.prefix(wanted - chosen.count)
        return chosen
    }
}
