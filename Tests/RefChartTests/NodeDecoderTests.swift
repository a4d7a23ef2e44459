import Foundation
import RefChart
import Testing
import Yams

@testable import RefChartReport

/// The jobs file's own decoder (``NodeDecoder``, 4× faster on large files) decodes what `YAMLDecoder`
/// decodes, and fails where it fails, with the same kind of error at the same key.
struct NodeDecoderTests {
    static let charts = [
        "name: a\ncsv: m.csv\nwidth: 300\nheight: 200\nlenient: yes\nformats: [png, svg]\nlast: 7d\ntitle: ~\n",
        "name: b\nevents: [screen_view]\nopenpanelProject: p\ninterval: hour\norgTimezone: Europe/Berlin\nyMin: -1.5\nlog: true\n",
        "name: \"123\"\ncsv: m.csv\nvalueColumns: [a, b]\ntheme: dark\nstacked: false\nscale: 2\nrightAxis: [b]\nnaValues: [\"null\", \"-\"]\n",
        "name: c\ncsv: m.csv\ntimeFormat: day-first\nduplicates: sum\nskipLines: 3\nfootnotes: auto\nimpactWindow: 14d\n",
    ]
    static let broken = [
        "name: a\nwidth: wide\n", "name: a\nwidth: [1]\n", "name: a\nformats: [png, gif]\n", "name: a\nlenient: maybe\n",
        "name: a\nlast: soon\n", "name: a\nvalueColumns: {a: 1}\n",
    ]

    static func node(_ yaml: String) throws -> JobNode { try #require(try JobNodeReader.read(yaml)) }

    @Test(arguments: charts)
    func decodesWhatYAMLDecoderDecodes(_ yaml: String) throws {
        let node = try Self.node(yaml)
        let expected = try YAMLDecoder().decode(ChartRequest.self, from: yaml)
        let decoded = try ChartRequest(from: NodeDecoder(node))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(decoded) == encoder.encode(expected), "\(yaml)")
    }

    @Test(arguments: broken)
    func failsWhereYAMLDecoderFails(_ yaml: String) throws {
        let node = try Self.node(yaml)
        func failure(_ body: () throws -> ChartRequest) -> (kind: String, key: String?)? {
            do {
                _ = try body()
                return nil
            } catch let error as DecodingError {
                switch error {
                case .typeMismatch(_, let c): return ("type", c.codingPath.first?.stringValue)
                case .dataCorrupted(let c): return ("data", c.codingPath.first?.stringValue)
                case .valueNotFound(_, let c): return ("value", c.codingPath.first?.stringValue)
                case .keyNotFound(_, let c): return ("key", c.codingPath.first?.stringValue)
                @unknown default: return ("other", nil)
                }
            } catch {
                return ("\(type(of: error))", nil)
            }
        }
        let expected = failure { try YAMLDecoder().decode(ChartRequest.self, from: yaml) }
        let got = failure { try ChartRequest(from: NodeDecoder(node)) }
        #expect(expected != nil)
        #expect(got?.kind == expected?.kind && got?.key == expected?.key, "\(yaml): \(String(describing: got)) vs \(String(describing: expected))")
    }

    @Test func pathsAreNormalByTheirSpelling() {
        #expect(LexicalPath.absolute("out/./a.png", in: "/jobs") == "/jobs/out/a.png")
        #expect(LexicalPath.absolute("../data//m.csv", in: "/jobs/weekly") == "/jobs/data/m.csv")
        #expect(LexicalPath.absolute("/abs/x", in: "/jobs") == "/abs/x")
        #expect(LexicalPath.absolute("../../..", in: "/a") == "/")
        #expect(LexicalPath.absolute("out/", in: "/a", keepingTrailingSlash: true) == "/a/out/")
        #expect(LexicalPath.absolute("out/", in: "/a") == "/a/out")
        #expect(LexicalPath.absolute(".hidden/.x", in: "/a") == "/a/.hidden/.x")
    }
}
