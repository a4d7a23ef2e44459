import Foundation

/// The generated CSVs and references files the golden cases draw, written once per test process from a
/// seeded generator, so they are the same bytes on every machine.
enum GoldenInputs {
    /// The folder holding `series-N.csv` and `references-N.json`.
    static let folder: URL = {
        let folder = try! TestSupport.temporaryDirectory()
        for k in 0..<4 { try! Data(series(k).utf8).write(to: folder.appendingPathComponent("series-\(k).csv")) }
        for k in GoldenCase.generated.indices {
            try! Data(references(k).utf8).write(to: folder.appendingPathComponent("references-\(k).json"))
        }
        return folder
    }()

    static let start = TestSupport.seconds("2024-01-01T00:00:00Z")

    /// Each series file's row step (seconds) and row count.
    static let shapes: [(step: Double, rows: Int)] = [(3_600, 1_440), (86_400, 400), (86_400, 120), (300, 2_880)]

    /// Series file `k`: hourly views; two daily series of different scales with empty cells; three daily
    /// counts to stack; five-minute latencies with a hole.
    static func series(_ k: Int) -> String {
        var random = SeededGenerator(seed: 100 + UInt64(k))
        let (step, rows) = shapes[k]
        let header = ["timestamp,views", "date,a,b", "date,signups,trials,upgrades", "time,latency"][k]
        var lines = [header]
        for row in 0..<rows {
            let time = start + Double(row) * step
            let stamp = k == 1 || k == 2 ? String(ISO8601Probe.iso(time).prefix(10)) : ISO8601Probe.iso(time)
            let noise = Double.random(in: -1...1, using: &random)
            switch k {
            case 0:
                lines.append("\(stamp),\(Int(800 + 300 * sin(Double(row) / 24 * .pi * 2) + 60 * noise + Double(row) / 4))")
            case 1:
                let a = row % 37 == 5 ? "" : String(Int(40_000 + 9_000 * sin(Double(row) / 30) + 800 * noise))
                let b = row % 53 == 7 ? "" : String(format: "%.2f", 1.5 + 0.4 * cos(Double(row) / 45) + 0.05 * noise)
                lines.append("\(stamp),\(a),\(b)")
            case 2:
                let base = 40 + 15 * sin(Double(row) / 9)
                lines.append("\(stamp),\(Int(base + 5 * noise)),\(Int(base / 3 + 3)),\(Int(base / 8 + 2 * noise + 2))")
            default:
                // A two-hour hole on the fourth day.
                if (1_100..<1_124).contains(row) { continue }
                lines.append("\(stamp),\(String(format: "%.1f", 120 + 40 * noise * noise + (row % 288 < 100 ? 30 : 0)))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// References file `k`: ``GoldenCase/referenceCount(_:)`` references over its series' span and a
    /// little beyond (some out of range), a sixth of them ranges, with categories, colours and titles in
    /// several scripts.
    static func references(_ k: Int) -> String {
        var random = SeededGenerator(seed: 500 + UInt64(k))
        let (step, rows) = shapes[k % 4]
        let span = step * Double(rows)
        let words = [
            "Launch", "Release", "Campaign", "Outage", "Docs", "Pricing", "Beta", "Hotfix", "Webinar", "Migration",
            "Größenänderung", "リリース", "Запуск", "إطلاق", "🚀 Rocket", "Black Friday", "v2.3.1", "SEO",
        ]
        let categories = ["release", "campaign", "incident", "docs", nil]
        var entries: [String] = []
        for n in 0..<GoldenCase.referenceCount(k) {
            let time = start + Double.random(in: -0.08...1.08, using: &random) * span
            let title = (0..<Int.random(in: 1...5, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ")
            var fields = [
                #""id": "g\#(k)-\#(n)""#, #""title": "\#(title)""#, #""date": "\#(ISO8601Probe.iso(time.rounded()))""#,
            ]
            if n % 6 == 0 { fields.append(#""end": "\#(ISO8601Probe.iso((time + span * 0.03).rounded()))""#) }
            if let category = categories.randomElement(using: &random)! { fields.append(#""category": "\#(category)""#) }
            if n % 17 == 3 { fields.append("\"color\": \"#7a3fd1\"") }
            if n % 5 == 2 { fields.append(#""description": "Notes for \#(title)""#) }
            entries.append("{" + fields.joined(separator: ", ") + "}")
        }
        return "{\"data\": [\n" + entries.joined(separator: ",\n") + "\n]}\n"
    }
}
