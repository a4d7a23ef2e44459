import Foundation
import RefChart
import Testing

/// An option is one field, one flag, its use and its README line: these fail until all are there.
struct OptionParityTests {
    /// The README's key table: each key and the `render` flag it names (`—` for none).
    static func readmeKeys() throws -> [String: String] {
        let readme = try String(contentsOf: TestSupport.root.appendingPathComponent("README.md"), encoding: .utf8)
        let keys = Set(ChartKey.allCases.map(\.stringValue))
        var table: [String: String] = [:]
        for row in readme.split(separator: "\n") where row.hasPrefix("| `") {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let key = String(cells[0].dropFirst().dropLast())
            guard cells.count >= 4, keys.contains(key) else { continue }
            table[key] = cells[1].replacingOccurrences(of: "`", with: "")
        }
        return table
    }

    @Test func everyKeyHasAREADMERowAndItsFlagIsRenders() throws {
        let table = try Self.readmeKeys()
        #expect(Set(ChartKey.allCases.map(\.stringValue)).subtracting(table.keys).sorted() == [], "keys with no README row")
        let help = try CLIRunner.run(["render", "--help"])
        #expect(help.status == 0)
        let text = String(decoding: help.stdout, as: UTF8.self)
        for (key, flag) in table.sorted(by: { $0.key < $1.key }) where flag != "—" {
            #expect(text.contains(flag + " ") || text.contains(flag + ",") || text.contains(flag + "/"), "render --help has no \(flag) (key \(key))")
        }
        // Only a chart's name (a jobs file's own) has no flag.
        #expect(table.filter { $0.value == "—" }.keys.sorted() == ["name"])
    }

    @Test func everyOptionFieldIsAKeyOnceAndRoundTrips() throws {
        let keys = ChartOptions.fields.map(\.key)
        #expect(Set(keys).count == keys.count, "an option listed twice")
        var options = ChartOptions()
        options.title = "T"
        options.width = 640
        options.type = .bar
        options.stacked = true
        options.bucket = RelativeWindow("1w")
        options.timezone = ZoneIdentifier("Europe/Berlin")
        options.impact = true
        options.impactWindow = RelativeWindow("3mo")!
        options.rightAxis = ["a"]
        options.yMin = -1.5
        options.footnotes = .grouped
        options.svgText = .outline
        let json = try JSONEncoder().encode(options)
        #expect(try JSONDecoder().decode(ChartOptions.self, from: json) == options)
        // Through a request too: the options are the request's keys, flat.
        var request = ChartRequest(csv: "a.csv", name: "a")
        request.options = options
        request.last = RelativeWindow("30d")
        let again = try JSONDecoder().decode(ChartRequest.self, from: JSONEncoder().encode(request))
        #expect(again == request)
    }

    @Test func aBadDurationOrZoneIsRefusedWhereItIsRead() throws {
        for (json, message) in [
            (#"{"bucket": "soon"}"#, #""soon" is not a duration"#), (#"{"impactWindow": "-7d"}"#, "is not a duration"),
            (#"{"last": "7x"}"#, "is not a duration"), (#"{"timezone": "Mars/Base"}"#, "is not an IANA time zone"),
            (#"{"orgTimezone": "Nowhere"}"#, "is not an IANA time zone"),
        ] {
            #expect { try JSONDecoder().decode(ChartRequest.self, from: Data(json.utf8)) } throws: { error in
                guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
                return context.debugDescription.contains(message)
            }
        }
        let flag = try CLIRunner.run(["render", "--csv", "x.csv", "-o", "x.png", "--impact-window", "soon"])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains(#"--impact-window "soon" is not a duration"#))
        // A message names the flag as it is spelled, not the key's plural.
        let colour = try CLIRunner.run(["render", "--csv", "x.csv", "-o", "x.png", "--series-color", "views=teal"])
        #expect(colour.status == 64)
        #expect(colour.stderr.contains(#"--series-color "views=teal" is not NAME=#rrggbb"#), "\(colour.stderr)")
    }
}
