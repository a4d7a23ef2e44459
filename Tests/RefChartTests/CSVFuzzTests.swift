import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

/// Seeded mutation fuzzing over the checked-in corpus (Tests/RefChartTests/Fixtures/fuzz): the CSV reader,
/// the references decoder and the ISO 8601 parser must read a mutated input or fail with an InputError
/// (or `nil`), never trap; whatever reads must lay out. Seeded, so a failure replays; bounded (~3,000
/// inputs, a few seconds), so CI runs it every time. Add an input that once broke something to the corpus.
struct CSVFuzzTests {
    static func corpus(_ kind: String) throws -> [[UInt8]] {
        let folder = TestSupport.fixture("fuzz/\(kind)")
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map {
            Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)))
        }
    }

    /// `base` with 1–12 random byte changes drawn from `alphabet`.
    static func mutate(_ base: [UInt8], alphabet: [UInt8], random: inout SeededGenerator) -> [UInt8] {
        var bytes = base
        for _ in 0..<Int.random(in: 1...12, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[at] = alphabet.randomElement(using: &random)!
            case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
            case 2: if bytes.count > 1 { bytes.remove(at: at) }
            default: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            }
        }
        return bytes
    }

    @Test func mutatedCSVFilesReadOrFailCleanly() throws {
        let alphabet = Array("0123456789,;\t\"\n\r-+.eE:TZ ".utf8) + [0xEF, 0xBB, 0xBF, 0x00, 0xFF, 0x01]
        var random = SeededGenerator(seed: 99)
        var read = 0
        for base in try Self.corpus("csv") {
            for _ in 0..<200 {
                let bytes = Self.mutate(base, alphabet: alphabet, random: &random)
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
        }
        #expect(read > 0)
    }

    @Test func mutatedReferencesFilesDecodeOrFailWithAPlace() throws {
        let alphabet = Array("{}[],:\"\\ntitledate0123456789-TZ+ ".utf8) + [0x00, 0x01, 0xFF, 0xED, 0xA0, 0x80]
        var random = SeededGenerator(seed: 7)
        var (decoded, syntaxErrors) = (0, 0)
        for base in try Self.corpus("references") {
            for _ in 0..<400 {
                let bytes = Self.mutate(base, alphabet: alphabet, random: &random)
                do {
                    _ = try ReferencesFile.decode(Data(bytes), source: "fuzz.json")
                    decoded += 1
                } catch let error as InputError {
                    // A syntax error always says where.
                    guard error.message == "not valid JSON" else { continue }
                    syntaxErrors += 1
                    #expect(error.line != nil && error.location != nil)
                }
            }
        }
        #expect(decoded > 0 && syntaxErrors > 0)
    }

    @Test func mutatedTimestampsParseOrAreRefused() throws {
        let alphabet = Array("0123456789-:T.Z+ ".utf8) + [0x00, 0xFF]
        var random = SeededGenerator(seed: 3)
        let forms = try Self.corpus("iso8601").flatMap { $0.split(separator: 0x0A).map(Array.init) }
        for base in forms {
            for _ in 0..<150 {
                let text = String(decoding: Self.mutate(base, alphabet: alphabet, random: &random), as: UTF8.self)
                if let date = ISO8601.date(from: text) { #expect(date.timeIntervalSince1970.isFinite) }
            }
        }
    }
}
