import Foundation
import Testing

@testable import RefChartCore

/// References files are read by a scanner that keeps only what references need; it must read every
/// well-formed file as `JSONSerialization` does, and hand everything else to it (which says what is wrong).
struct ReferenceJSONScannerTests {
    private func fast(_ json: String) -> [[String: JSONFieldValue]]? {
        Array(json.utf8).withUnsafeBufferPointer { ReferenceJSONScanner.entries($0) }
    }

    /// Random documents of both shapes, with escapes, non-ASCII text, nested unknown members, numbers,
    /// literals, nulls, repeated keys and odd whitespace: the same references (or the same error) both ways.
    @Test func readsWhatFoundationReads() throws {
        var random = SeededGenerator(seed: 41)
        let texts = [
            "Launch", "Größe ✓", "東京 🚀", #"quote \" and \\ backslash"#, #"\u00e9t\u00E9 \ud83d\ude80"#, #"tab\tnew\nline\/"#, "", "  padded  ",
        ]
        let dates = ["2024-01-15", "2024-01-15T10:00:00Z", "2024-01-15T10:00:00.250+02:00", "2024-02-30", "x"]
        let others = ["12", "-0.5e+3", "true", "false", "null", "{\"a\": [1, {\"b\": null}], \"c\": \"d\"}", "[]", "{}"]
        func pick(_ values: [String]) -> String { values[Int.random(in: 0..<values.count, using: &random)] }
        var compared = 0
        for _ in 0..<400 {
            var entries: [String] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                var members: [String] = []
                if Int.random(in: 0..<10, using: &random) > 0 { members.append("\"title\" :\"\(pick(texts))\"") }
                if Int.random(in: 0..<10, using: &random) > 0 { members.append("\"date\":\"\(pick(dates))\"") }
                if Bool.random(using: &random) { members.append("\"end\":\"2024-03-01\"") }
                if Bool.random(using: &random) {
                    members.append("\"description\": \(Bool.random(using: &random) ? "\"\(pick(texts))\"" : pick(others))")
                }
                if Bool.random(using: &random) { members.append("\"project\":\(pick(others))") }
                // Numbers, literals and strings as a priority: a number is read, the rest refused alike.
                if Int.random(in: 0..<4, using: &random) == 0 { members.append("\"priority\": \(pick(others + ["3", "-2.5", "1e2", "\"high\""]))") }
                if Bool.random(using: &random) { members.append("\"title\":\"\(pick(texts))\"") }  // a repeated key
                members.shuffle(using: &random)
                entries.append("{ " + members.joined(separator: ",\n ") + "}")
            }
            let array = "[" + entries.joined(separator: ", ") + "]"
            let json = Bool.random(using: &random) ? array : "{\"meta\": {\"n\": 1}, \"data\": \(array)}\r\n"
            #expect(fast(json) != nil, "\(json)")
            let data = Data(json.utf8)
            let viaFoundation = Result { try ReferencesFile.decodeWithFoundation(data, source: "r.json") }
            let viaScanner = Result { try ReferencesFile.decode(data, source: "r.json") }
            switch (viaScanner, viaFoundation) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(json)")
            case (.failure(let a), .failure(let b)): #expect(String(describing: a) == String(describing: b), "\(json)")
            default: Issue.record("one way read \(json), the other did not")
            }
            compared += 1
        }
        #expect(compared == 400)
    }

    /// What is not strict JSON of the two shapes goes to Foundation.
    @Test(arguments: [
        "", " ", "[", "[{}", "[{},]", "[{\"a\":1,}]", "{\"data\":{}}", "{\"items\":[]}", "[1]", "[{\"a\":01}]",
        "[{\"a\":1.}]", "[{\"a\":tru}]", "[{\"a\":\"\\x\"}]", "[{\"a\":\"\\ud800\"}]", "[{\"a\":\"line\nbreak\"}]",
        "\u{FEFF}[]", "[] []", "{\"data\":[], \"data\":[]}", "[{\"a\" 1}]", "\"text\"",
    ])
    func leavesAnythingElseToFoundation(json: String) {
        #expect(fast(json) == nil, "\(json.debugDescription)")
    }

    @Test func bytesThatAreNotUTF8GoToFoundation() {
        let bytes: [UInt8] = Array("[{\"title\":\"".utf8) + [0xC3, 0x28] + Array("\"}]".utf8)
        #expect(bytes.withUnsafeBufferPointer { ReferenceJSONScanner.entries($0) } == nil)
    }
}
