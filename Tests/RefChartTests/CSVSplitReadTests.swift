import Foundation
import RefChartCore
import Testing

/// Files over 4 MB are read in two halves at once; whatever the halves hold, the table and every error
/// must be those of one reader going through the bytes in order (`read(data:)` is that reader).
struct CSVSplitReadTests {
    /// Rows `timestamp,source,value,note` for `times` minutes, three sources each: ~5.6 MB at 45k times.
    static func longFile(times: Int = 45_000, note: (Int) -> String = { _ in "" }) -> String {
        var text = "timestamp,source,value,note\n"
        text.reserveCapacity(times * 130)
        for t in 0..<times {
            let stamp = ISO8601.string(fromSeconds: 1_704_067_200 + Double(t) * 60, fractionalSeconds: false)
            for (k, source) in ["web", "ios", "android"].enumerated() {
                text += "\(stamp),\(source),\(t % 997 + k),\(note(t * 3 + k))\n"
            }
        }
        return text
    }

    /// Reads `text` from a file (split) and from memory (serial): both tables, or both errors' texts.
    static func bothWays(_ text: String) throws -> (split: Result<MetricTable, InputError>, serial: Result<MetricTable, InputError>) {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("split.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(text.utf8.count >= 4 << 20, "the file must be large enough to be split")
        let split = Result { try CSVReader.read(path: path, source: "split.csv") }.mapError { $0 as! InputError }
        let serial = Result { try CSVReader.read(data: Data(text.utf8), source: "split.csv") }.mapError { $0 as! InputError }
        return (split, serial)
    }

    static func expectSame(_ a: MetricTable, _ b: MetricTable) {
        #expect(a.rows == b.rows && a.duplicates == b.duplicates && a.seriesColumn == b.seriesColumn)
        #expect(a.series.map(\.name) == b.series.map(\.name))
        for (x, y) in zip(a.series, b.series) {
            #expect(x.times == y.times)
            #expect(zip(x.values, y.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        }
    }

    @Test func aLongFileReadsTheSameInHalves() throws {
        let (split, serial) = try Self.bothWays(Self.longFile())
        let (a, b) = (try split.get(), try serial.get())
        Self.expectSame(a, b)
        #expect(a.series.map(\.name) == ["web", "ios", "android"] && a.rows == 135_000)
    }

    @Test func aQuotedLineBreakAcrossTheMiddleIsReadWhole() throws {
        // Every note is a quoted field of many lines: the first line break after the middle is almost
        // surely inside one, so the second half's guess is wrong and must be caught.
        let text = Self.longFile(times: 40_000) { row in row % 2 == 0 ? "\"a\nb\nc, \"\"d\"\"\n\"" : "" }
        let (split, serial) = try Self.bothWays(text)
        Self.expectSame(try split.get(), try serial.get())
    }

    @Test func aColumnThatTurnsToTextInTheSecondHalfReadsAsSerially() throws {
        var text = Self.longFile()
        text += "2024-02-02T00:00:00Z,web,1,oops\n"  // the note column's only text, at the very end
        let (split, serial) = try Self.bothWays(text)
        Self.expectSame(try split.get(), try serial.get())
    }

    @Test func anErrorInTheSecondHalfNamesItsTrueLine() throws {
        var lines = Self.longFile().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bad = lines.count - 100
        lines[bad] = "2024-03-01T00:00:00Z,web,twelve,"
        let (split, serial) = try Self.bothWays(lines.joined(separator: "\n"))
        guard case .failure(let a) = split, case .failure(let b) = serial else {
            Issue.record("both reads must fail")
            return
        }
        #expect(a.line == bad + 1 && a.line == b.line)
        #expect(a.description == b.description)
    }
}
