import Foundation
import RefChartCore
import RefChartLayout
import Testing

/// Mutated CSV files must read or fail with an InputError — never trap — and whatever reads must lay out.
struct CSVFuzzTests {
    @Test func mutatedFilesReadOrFailCleanly() throws {
        let base = Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("quoted.csv"))))
            + Array("2024-03-10T02:00:00Z,1e5,x\n2024-03-09T02:00:00+05:00,-3,\"y\"\n".utf8)
        let alphabet = Array("0123456789,;\t\"\n\r-+.eE:TZ ".utf8) + [0xEF, 0xBB, 0xBF, 0x00, 0xFF]
        var random = SeededGenerator(seed: 99)
        var read = 0
        for _ in 0..<600 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random)!
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                default: if bytes.count > 1 { bytes.remove(at: at) }
                }
            }
            do {
                let table = try CSVReader.read(data: Data(bytes), source: "fuzz.csv")
                read += 1
                for series in table.series {
                    #expect(series.times == series.times.sorted())
                    #expect(series.times.count == series.values.count)
                }
                _ = ChartLayout.layout(ChartSpec(series: table.series), measurer: FixedWidthMeasurer())
            } catch is InputError {
                continue
            }
        }
        #expect(read > 0)
    }
}
