import Foundation

/// One chart of the golden set: a request written in job-file keys (the vocabulary that stays stable when
/// the code behind it moves), decoded into a ``ChartRequest`` by the test.
struct GoldenCase: Sendable, CustomStringConvertible {
    /// The case's file name stem under `Tests/Goldens/`.
    var name: String
    /// The request as JSON: job keys, paths relative to the repository (`samples/…`) or to the
    /// generated inputs (`generated/…`).
    var request: String

    var description: String { name }

    /// The samples as the README shows them, and variations of them that each exercise one layout rule.
    static let samples: [GoldenCase] = [
        .init(
            name: "pageviews",
            request: #"{"csv": "samples/pageviews.csv", "references": ["samples/references.json"], "title": "Pageviews, last 90 days"}"#),
        .init(
            name: "pageviews-dark-2x",
            request:
                #"{"csv": "samples/pageviews.csv", "references": ["samples/references.json"], "title": "Pageviews, last 90 days", "theme": "dark", "scale": 2}"#
        ),
        .init(
            name: "pageviews-impact",
            request:
                #"{"csv": "samples/pageviews.csv", "references": ["samples/references.json"], "title": "Impact", "impact": true, "impactWindow": "7d", "yLabel": "Pageviews per hour", "from": "2024-09-01"}"#
        ),
        .init(
            name: "pageviews-berlin-30d",
            request:
                #"{"csv": "samples/pageviews.csv", "references": ["samples/references.json"], "title": "Last 30 days", "timezone": "Europe/Berlin", "to": "2024-11-30T00:00:00Z", "last": "30d"}"#
        ),
        .init(
            name: "pageviews-log",
            request:
                #"{"csv": "samples/pageviews.csv", "references": ["samples/references.json"], "title": "Log axis", "log": true, "width": 900, "height": 450}"#
        ),
        .init(
            name: "pageviews-area-releases",
            request:
                #"{"csv": "samples/pageviews.csv", "references": ["samples/references.json"], "type": "area", "categories": ["release"], "yMin": 0, "yMax": 5000}"#
        ),
        .init(
            name: "dense-200",
            request:
                #"{"csv": "samples/pageviews.csv", "references": ["samples/dense-references.json"], "title": "Pageviews with 200 references", "footnotesFile": "dense-200-footnotes.md"}"#
        ),
        .init(
            name: "dense-200-grouped",
            request: #"{"csv": "samples/pageviews.csv", "references": ["samples/dense-references.json"], "footnotes": "grouped"}"#),
        .init(
            name: "dense-200-all",
            request: #"{"csv": "samples/pageviews.csv", "references": ["samples/dense-references.json"], "footnotes": "all", "maxHeight": 1200}"#),
        .init(
            name: "dense-200-none-bars",
            request:
                #"{"csv": "samples/pageviews.csv", "references": ["samples/dense-references.json"], "footnotes": "none", "type": "bar", "bucket": "1d"}"#
        ),
        .init(
            name: "conversions-stacked-bars",
            request:
                #"{"csv": "samples/conversions.csv", "references": ["samples/references.json"], "title": "Daily conversions", "type": "bar", "stacked": true, "yLabel": "Accounts per day", "from": "2024-09-01", "to": "2024-10-31"}"#
        ),
        .init(
            name: "conversions-stacked-area",
            request:
                #"{"csv": "samples/conversions.csv", "references": ["samples/references.json"], "type": "area", "stacked": true, "excludeCategories": ["campaign"]}"#
        ),
        .init(
            name: "traffic-right-axis",
            request:
                #"{"csv": "samples/traffic-signups.csv", "references": ["samples/references.json"], "title": "Traffic and signups", "rightAxis": ["signups"], "yLabel": "Visits per day"}"#
        ),
        .init(
            name: "traffic-two-columns-svg-outline",
            request:
                #"{"csv": "samples/traffic-signups.csv", "valueColumns": ["visitors", "signups"], "references": ["samples/references.json"], "svgText": "outline", "width": 640, "height": 360}"#
        ),
    ]

    /// Charts from generated inputs (``GoldenInputs``): reference counts from none to thousands, ranges,
    /// categories and colours, non-ASCII titles, every chart type, several series, both themes and sizes.
    static let generated: [GoldenCase] = (0..<24).map { k in
        let types = ["line", "line", "area", "bar"]
        var keys: [String] = [
            #""csv": "generated/series-\#(k % 4).csv""#,
            #""references": ["generated/references-\#(k).json"]"#,
            #""title": "Generated \#(k): \#(referenceCount(k)) references""#,
            #""type": "\#(types[k % types.count])""#,
            #""width": \#([1200, 800, 1600, 500][k % 4]), "height": \#([600, 400, 500, 300][k % 4])"#,
        ]
        if k % 5 == 1 { keys.append(#""theme": "dark""#) }
        if k % 4 == 2 && k % 8 != 6 { keys.append(#""stacked": true"#) }
        if k % 6 == 3 { keys.append(#""impact": true, "impactWindow": "3d""#) }
        if k % 7 == 4 { keys.append(#""timezone": "America/New_York""#) }
        if k % 9 == 5 { keys.append(#""footnotes": "grouped""#) }
        if k % 11 == 6 { keys.append(#""from": "2024-03-10", "to": "2024-04-20""#) }
        if k % 4 == 1 && k % 3 == 0 { keys.append(#""rightAxis": ["b"]"#) }
        return GoldenCase(name: "generated-\(k)", request: "{" + keys.joined(separator: ", ") + "}")
    }

    /// The number of references of generated case `k`.
    static func referenceCount(_ k: Int) -> Int {
        let counts = [0, 3, 7, 12, 25, 40, 80, 150, 300, 600, 1_200, 2_000, 5, 9, 18, 30, 60, 120, 240, 450, 900, 15, 50, 1]
        return counts[k % counts.count]
    }

    static let all = samples + generated
}
