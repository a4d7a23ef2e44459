import Foundation
import RefChart

/// Generated benchmark inputs: minute-resolution pageviews with a quoted note every 1000th row, and
/// references spread over the range with a few tight clusters.
enum BenchData {
    static let start = 1_704_067_200.0  // 2024-01-01T00:00:00Z

    /// The long ("tidy") form's series: `rows` rows hold `rows / 3` times.
    static let longSeries = ["web", "ios", "android"]

    /// Writes `rows` rows: wide (`timestamp,pageviews,note`) or long (`timestamp,source,pageviews,note`,
    /// a row per time and source).
    static func write(rows: Int, long: Bool = false, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = long ? "timestamp,source,pageviews,note\n" : "timestamp,pageviews,note\n"
        var state: UInt64 = 42
        for row in 0..<rows {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 40) / Double(1 << 24)
            let step = long ? row / longSeries.count : row
            let t = start + Double(step) * 60
            let value = 1000 + 400 * sin(Double(step) / 1440 * 2 * .pi) + 200 * noise
            let note = row % 1000 == 0 ? "\"batch, \"\"\(row)\"\"\"" : ""
            let source = long ? longSeries[row % longSeries.count] + "," : ""
            buffer += "\(ISO8601.string(fromSeconds: t, fractionalSeconds: false)),\(source)\(String(format: "%.2f", value)),\(note)\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }

    static func writeReferences(_ count: Int, rows: Int, to url: URL) throws {
        let span = Double(max(rows, 2) - 1) * 60
        let entries = (0..<count).map { k -> [String: String] in
            let fraction = k % 5 == 0 ? 0.5 + Double(k) / Double(count) * 0.01 : Double(k) / Double(count)
            return [
                "id": "ref-\(k)", "title": "Release \(k)",
                "date": ISO8601.string(fromSeconds: start + fraction * span, fractionalSeconds: false),
            ]
        }
        try JSONSerialization.data(withJSONObject: ["data": entries]).write(to: url)
    }
}
