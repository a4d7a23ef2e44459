import Foundation
import RefChartCore
import Testing

struct ISO8601Tests {
    @Test(arguments: [
        ("2024-01-15T10:00:00.000Z", 1_705_312_800.0),
        ("2024-01-15T10:00:00Z", 1_705_312_800.0),
        ("2024-01-15T10:00Z", 1_705_312_800.0),
        ("2024-01-15 10:00:00", 1_705_312_800.0),
        ("2024-01-15T05:00:00-05:00", 1_705_312_800.0),
        ("2024-01-15T11:00:00+0100", 1_705_312_800.0),
        ("2024-01-15T11:00:00+01", 1_705_312_800.0),
        ("2024-01-15", 1_705_276_800.0),
        ("2024-01-15T10:00:00.250Z", 1_705_312_800.25),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func acceptsTheDocumentedForms(text: String, expected: Double) {
        #expect(ISO8601.date(from: text)?.timeIntervalSince1970 == expected)
    }

    @Test(arguments: [
        "", "2024", "2024-13-01", "2024-02-30", "2024-01-15T25:00:00Z", "2024-01-15T10:00:00Q",
        "15/01/2024", "2024-01-15T10", "2024-01-15T10:00:00+25:00", "2024-01-15T10:00:00.Z",
    ])
    func rejectsOtherText(text: String) {
        #expect(ISO8601.date(from: text) == nil)
    }

    @Test func readsAWallClockTimeInTheGivenZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(
            ISO8601.date(from: "2024-07-01T12:00:00", in: berlin)?.timeIntervalSince1970
                == ISO8601.date(from: "2024-07-01T10:00:00Z")?.timeIntervalSince1970)
        #expect(
            ISO8601.date(from: "2024-01-15", in: berlin)?.timeIntervalSince1970
                == ISO8601.date(from: "2024-01-14T23:00:00Z")?.timeIntervalSince1970)
        // An explicit offset wins over the zone.
        #expect(
            ISO8601.date(from: "2024-07-01T12:00:00Z", in: berlin)?.timeIntervalSince1970
                == ISO8601.date(from: "2024-07-01T12:00:00Z")?.timeIntervalSince1970)
    }

    @Test func formatsAsTheAPIDoes() {
        #expect(ISO8601.string(from: Date(timeIntervalSince1970: 1_705_312_800.25)) == "2024-01-15T10:00:00.250Z")
        #expect(ISO8601.string(from: Date(timeIntervalSince1970: -1), fractionalSeconds: false) == "1969-12-31T23:59:59Z")
    }

    @Test func spacesAreTrimmedAsFoundationTrimsThem() {
        for text in ["", " ", "\t", "a", " a ", "\t 2024-01-15 \u{00A0}", "\u{2003}x\u{3000}", "a b", " \n a \n ", "é\u{0301} ", "\u{200B}a"]
            + [0x0B, 0x85, 0xA0, 0x1680, 0x180E, 0x2000, 0x200A, 0x200C, 0x2028, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF].map({
                " \(Unicode.Scalar($0)!)a\(Unicode.Scalar($0)!)"
            })
        {
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }
}
