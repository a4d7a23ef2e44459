import Foundation
import RefChartCore
import Testing

/// Random series written as CSV in many dialects must read back to exactly the same points.
struct CSVRoundTripTests {
    struct Dialect: CustomTestStringConvertible, Sendable {
        var delimiter: String
        var decimalComma: Bool
        var lineEnd: String
        var bom: Bool
        var time: Time
        var quoteEverything: Bool

        enum Time: Sendable { case isoZ, isoOffset, epochSeconds, epochMilliseconds }

        var testDescription: String { "\(delimiter == "\t" ? "tab" : delimiter) \(time) \(lineEnd == "\r\n" ? "CRLF" : "LF")" }
    }

    static let dialects: [Dialect] = [
        Dialect(delimiter: ",", decimalComma: false, lineEnd: "\n", bom: false, time: .isoZ, quoteEverything: false),
        Dialect(delimiter: ";", decimalComma: true, lineEnd: "\r\n", bom: true, time: .isoOffset, quoteEverything: false),
        Dialect(delimiter: "\t", decimalComma: false, lineEnd: "\r\n", bom: false, time: .epochSeconds, quoteEverything: false),
        Dialect(delimiter: ",", decimalComma: false, lineEnd: "\n", bom: true, time: .epochMilliseconds, quoteEverything: true),
        Dialect(delimiter: ";", decimalComma: true, lineEnd: "\n", bom: false, time: .isoZ, quoteEverything: true),
    ]

    @Test(arguments: dialects)
    func randomSeriesReadBackExactly(dialect: Dialect) throws {
        var random = SeededGenerator(seed: 0xC5F)
        for _ in 0..<20 {
            let count = Int.random(in: 1...300, using: &random)
            var t = 1_700_000_000.0 + Double(Int.random(in: 0...1_000_000, using: &random))
            var times: [Double] = []
            var a: [Double] = []
            var b: [Double] = []
            for _ in 0..<count {
                t += Double(Int.random(in: 1...7200, using: &random))
                times.append(t)
                a.append(Int.random(in: 0..<10, using: &random) == 0 ? .nan : Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 100)
                b.append(Double(Int.random(in: 0...5000, using: &random)))
            }
            b[0] = 1  // so column b is numeric from the first row
            let text = write(times: times, columns: [("a", a), ("b", b)], dialect: dialect)
            let table = try CSVReader.read(data: Data(text.utf8), source: "random.csv")
            let names = a.allSatisfy { $0.isNaN } ? ["b"] : ["a", "b"]
            #expect(table.series.map(\.name) == names)
            for series in table.series {
                #expect(series.times == times)
                let expected = series.name == "a" ? a : b
                #expect(zip(series.values, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
            }
        }
    }

    private func write(times: [Double], columns: [(String, [Double])], dialect: Dialect) -> String {
        func quoted(_ s: String) -> String { dialect.quoteEverything || s.contains(dialect.delimiter) ? "\"\(s)\"" : s }
        var out = dialect.bom ? "\u{FEFF}" : ""
        out += (["timestamp"] + columns.map(\.0) + ["note"]).map(quoted).joined(separator: dialect.delimiter) + dialect.lineEnd
        for (row, time) in times.enumerated() {
            var cells = [timeText(time, dialect.time)]
            for (_, values) in columns {
                let v = values[row]
                var text = v.isNaN ? "" : String(format: "%.2f", v)
                if dialect.decimalComma { text = text.replacingOccurrences(of: ".", with: ",") }
                cells.append(text)
            }
            cells.append(row % 7 == 0 ? "\"said \"\"hi\"\", \(dialect.delimiter) bye\"" : "")
            out +=
                cells.enumerated().map { $0.offset == cells.count - 1 ? $0.element : quoted($0.element) }
                .joined(separator: dialect.delimiter) + dialect.lineEnd
        }
        return out
    }

    private func timeText(_ t: Double, _ style: Dialect.Time) -> String {
        switch style {
        case .isoZ: return ISO8601.string(from: Date(timeIntervalSince1970: t), fractionalSeconds: false)
        case .isoOffset:
            let shifted = ISO8601.string(from: Date(timeIntervalSince1970: t + 5.5 * 3600), fractionalSeconds: false)
            return String(shifted.dropLast()) + "+05:30"
        case .epochSeconds: return String(Int(t))
        case .epochMilliseconds: return String(Int(t) * 1000)
        }
    }
}
