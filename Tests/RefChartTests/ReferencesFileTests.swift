import Foundation
import RefChartCore
import Testing

struct ReferencesFileTests {
    private func decode(_ json: String) throws -> [Reference] {
        try ReferencesFile.decode(Data(json.utf8), source: "refs.json")
    }

    @Test func readsTheAPIResponseShapeAndAPlainArray() throws {
        let wrapped = try decode(
            """
            {"data":[{"id":"1af09627-2dd7-4b37-9e5c-6ffa7e450e85","title":"Launch","description":"v2","date":"2024-01-15T10:00:00.000Z","projectId":"p","createdAt":"2024-01-10T08:00:00.000Z","updatedAt":"2024-01-10T08:00:00.000Z","project":{"id":"p"}}]}
            """)
        #expect(wrapped.count == 1)
        #expect(wrapped[0].title == "Launch")
        #expect(wrapped[0].date.timeIntervalSince1970 == 1_705_312_800)
        #expect(wrapped[0].projectId == "p")
        let plain = try decode(
            ##"[{"title":"A","date":"2024-01-15"},{"title":"B","datetime":"2024-01-16T00:00:00+01:00","end":"2024-01-17","category":"ops","color":"#ff0000"}]"##
        )
        #expect(plain.map(\.id) == ["ref-1", "ref-2"])
        #expect(plain[1].date.timeIntervalSince1970 == 1_705_359_600)
        #expect(plain[1].end?.timeIntervalSince1970 == 1_705_449_600)
        #expect(plain[1].category == "ops")
    }

    @Test func theAPIsOwnDataIsAcceptedEmptyTitlesAndNullDescriptionsIncluded() throws {
        let references = try decode(#"{"data":[{"id":"x","title":"","description":null,"date":"2024-01-15T10:00:00.000Z"}]}"#)
        #expect(references.count == 1 && references[0].title.isEmpty && references[0].description == nil)
    }

    @Test(arguments: [
        (#"[{"title":"A","date":"2024-13-01"}]"#, #"refs.json: entry 1 ("A"), field "date": "2024-13-01" is not an ISO 8601 date"#),
        (#"[{"title":"A"}]"#, #"entry 1 ("A"), field "date": is missing"#),
        (#"[{"date":"2024-01-01"},{"title":""}]"#, #"entry 1, field "title": is missing"#),
        (#"[{"title":5,"date":"2024-01-01"}]"#, #"field "title": must be a string"#),
        (#"[{"title":"A","date":"2024-01-02","end":"2024-01-01"}]"#, #"field "end": is before the reference's date"#),
        (#"[{"title":"A","date":"2024-01-02","color":"red"}]"#, #"field "color": "red" is not a colour"#),
        (#"[1]"#, "entry 1: is not a JSON object"),
        (#"{"items":[]}"#, #"neither an array nor an object with a "data" array"#),
        ("{\n\"data\": [\n{\"title\": \"A\",,}\n]}", "refs.json:3: column 15: not valid JSON"),
        // Foundation gives no position for these: the first byte JSON cannot hold, or the end of the file.
        ("[{\"title\": \"A\u{01}\", \"date\": \"2024-01-01\"}]", "refs.json:1: column 14: not valid JSON"),
        ("[{\"title\": \"A\",\n \"date\": \"2024-01", "refs.json:2: column"),
    ])
    func explainsWhatIsWrongAndWhere(json: String, expected: String) {
        // Every syntax error has a line and a column.
        do {
            _ = try decode(json)
            Issue.record("expected an error for \(json)")
        } catch {
            #expect(String(describing: error).contains(expected), "\(error)")
        }
    }
}
