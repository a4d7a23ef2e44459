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
///
/// With many series (``manySeries``) the hues are the series': the categories take one accent (the first
/// candidate clear of them) and then the theme's neutral greys, which no series colour is near and which
/// colour blindness does not confuse; more categories than that go on as above.
package enum ReferencePalette {
    /// From this many series drawn, categories take an accent and greys.
    package static let manySeries = 4
    /// The least ΔE2000 between a reference colour and any series colour.
    package static let fromSeries = 20.0
    /// The least ΔE2000 between two reference colours, in each vision simulated.
    package static let apart = 10.0

    /// `count` colours for categories, against `series`: with many series an accent and then `neutral`.
    package static func choose(candidates: [Color], neutral: [Color], series: [Color], count: Int) -> [Color] {
        guard series.count >= manySeries, count > 1 else { return choose(candidates: candidates, series: series, count: count) }
        let accent = choose(candidates: candidates, series: series, count: 1)
        let family = Array((accent + neutral).prefix(count))
        guard family.count < count else { return family }
        let rest = choose(candidates: candidates.filter { !family.contains($0) }, series: series + family, count: count - family.count)
        return family + rest
    }

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
