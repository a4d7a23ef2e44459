public import Foundation

/// The whole footnote table of a chart as a file beside the image: every reference, in time order, with
/// its footnote number (when it has one), where it went, its date in the chart's zone, title, category
/// and description. CSV (RFC 4180) or Markdown.
public enum FootnoteTable {
    /// The file's format, from its extension.
    public enum Format: Sendable, Hashable {
        case csv
        case markdown

        /// `.csv` or `.md`/`.markdown`; `nil` for anything else.
        public init?(path: String) {
            switch ChartFormat.fileExtension(path) {
            case "csv": self = .csv
            case "md", "markdown": self = .markdown
            default: return nil
            }
        }
    }

    /// The table's bytes.
    /// - Parameters:
    ///   - references: The chart's references, in the order the layout report lists them.
    ///   - report: The chart's layout report.
    public static func make(_ format: Format, references: [Reference], report: LayoutReport, zone: TimeZone) -> [UInt8] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let rows = zip(references, report.references).sorted { $0.0.date < $1.0.date }.map { reference, entry in
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: reference.date)
            let date = String(
                format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                parts.hour ?? 0, parts.minute ?? 0)
            return [
                entry.footnote.map(String.init) ?? "", entry.state.rawValue, date, reference.title,
                reference.category ?? "", reference.description ?? "",
            ]
        }
        let zoneName = zone.identifier == "GMT" ? "UTC" : zone.identifier
        let header = ["number", "state", "date (\(zoneName))", "title", "category", "description"]
        switch format {
        case .csv:
            return Array(([header] + rows).map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined().utf8)
        case .markdown:
            let lines =
                ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
                + rows.map { "| " + $0.map(markdownCell).joined(separator: " | ") + " |" }
            return Array((lines.joined(separator: "\n") + "\n").utf8)
        }
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func markdownCell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }
}
