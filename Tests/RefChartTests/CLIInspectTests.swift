import Foundation
import Testing

struct CLIInspectTests {
    @Test func printsTheDocumentedJSONKeys() throws {
        let result = try CLIRunner.run(["inspect", "--csv", TestSupport.fixture("gaps.csv"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(json["delimiter"] as? String == ",")
        #expect(json["timeColumn"] as? String == "timestamp")
        #expect(json["timeFormat"] as? String == "iso8601")
        #expect(json["duplicates"] as? Int == 0)
        #expect((json["skippedRows"] as? [Int]) == [])
        let series = try #require((json["series"] as? [[String: Any]])?.first)
        #expect(series["name"] as? String == "value")
        #expect(series["points"] as? Int == 2)
        #expect(series["gaps"] as? Int == 1)
        #expect(series["first"] as? String == "2024-03-10T00:00:00Z")
        #expect(series["last"] as? String == "2024-03-10T01:00:00Z")
        #expect(series["min"] as? Double == 10)
        #expect(series["max"] as? Double == 11.5)
    }

    @Test func lenientSkipsRowsAndSaysWhich() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("mixed.csv")
        try "timestamp,value\n2024-01-01T00:00:00Z,1\nbad,2\n2024-01-01T02:00:00Z,x\n2024-01-01T03:00:00Z,4\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let strict = try CLIRunner.run(["inspect", "--csv", file.path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("mixed.csv:3: column \"timestamp\": \"bad\" is not an ISO 8601 timestamp"))
        let lenient = try CLIRunner.run(["inspect", "--csv", file.path, "--lenient", "--json"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("skipped 2 unreadable rows"))
        #expect(lenient.stderr.contains("lines 3, 4"))
        let json = try #require(try JSONSerialization.jsonObject(with: lenient.stdout) as? [String: Any])
        #expect(json["skippedRows"] as? [Int] == [3, 4])
    }

    @Test func readsStandardInput() throws {
        let result = try CLIRunner.run(["inspect", "--csv", "-", "--json"], stdin: "ts;v\n1710028800;1,5\n1710032400;2\n")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(json["delimiter"] as? String == ";")
        #expect(json["timeFormat"] as? String == "epoch-s")
        #expect((json["series"] as? [[String: Any]])?.first?["max"] as? Double == 2)
    }

    @Test func rejectsUnknownFlagValues() throws {
        for (flag, value) in [("--delimiter", "|"), ("--time-format", "rfc822"), ("--duplicates", "newest")] {
            let result = try CLIRunner.run(["inspect", "--csv", TestSupport.fixture("iso-z.csv"), flag, value])
            #expect(result.status == 64)
            #expect(result.stderr.contains(flag))
        }
    }
}
