import Foundation
import RefChart

/// References as a terminal table (date, title, description, id) or as JSON.
enum ReferenceTable {
    static func render(_ references: [Reference], zone: TimeZone) -> String {
        guard !references.isEmpty else { return "no references\n" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let rows = references.map { reference -> [String] in
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: reference.date)
            let date = String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
            return [date, clip(reference.title, 40), clip(reference.description ?? "", 40), reference.id]
        }
        let header = ["DATE (\(zone.identifier == "GMT" ? "UTC" : zone.identifier))", "TITLE", "DESCRIPTION", "ID"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        return ([header] + rows).map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    static func json(_ object: Any) throws -> String {
        String(
            decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
            as: UTF8.self)
    }

    private static func clip(_ text: String, _ limit: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}
