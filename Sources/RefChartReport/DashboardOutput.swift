public import Foundation
public import RefChart

/// Writes a rendered dashboard: one PDF with a page per drawn report (in the dashboard's order), or a PNG
/// per report in a folder, named by report.
public enum DashboardOutput {
    /// Writes `dashboard` as `format` to `path` (a PDF file, or for PNG a folder); what was written, a line each.
    /// - Throws: ``ChartError`` when a chart cannot be drawn or written, or no report could be drawn.
    public static func write(_ dashboard: DashboardReport, format: ChartFormat, to path: String) throws -> [String] {
        let drawn = dashboard.pages.filter { $0.chart != nil || $0.summary != nil }
        guard !drawn.isEmpty else { throw ChartError("no report of dashboard \(quoted(dashboard.dashboard.name)) could be drawn") }
        switch format {
        case .pdf:
            let pages = try drawn.map { page in try page.chart.map { try $0.rendered(.pdf).scene } ?? page.summary!.scene() }
            // A summary page has no time range: the document is dated by the charts'.
            let bytes = try CombinedPDF.render(
                pages: pages, title: dashboard.dashboard.name, subject: drawn.map(\.report.name).joined(separator: "; "),
                date: pages.map(\.documentDate).max() ?? 0)
            try ReportRunner.createFolders(for: [path])
            try AtomicFile.write(bytes, to: path)
            return ["wrote \(path) (\(pages.count) page\(pages.count == 1 ? "" : "s"))"]
        case .png, .svg:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            var used: [String: Int] = [:]
            return try dashboard.pages.enumerated().compactMap { position, page in
                guard page.chart != nil || page.summary != nil else { return nil }
                var name = Self.fileName(page.report.name, position: position)
                used[name, default: 0] += 1
                if used[name]! > 1 { name += "-\(used[name]!)" }
                let file = URL(fileURLWithPath: path).appendingPathComponent("\(name).\(format.rawValue)").path
                try AtomicFile.write(try page.chart?.render(format) ?? page.summary!.render(format), to: file)
                return "wrote \(file)"
            }
        }
    }

    /// `01-visitors-and-sign-ups`: the dashboard position, then the report's name as a file name.
    static func fileName(_ name: String, position: Int) -> String {
        let words = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.split(separator: "-").map { String($0) }
        let slug = words.joined(separator: "-")
        return String(format: "%02d", position + 1) + (slug.isEmpty ? "" : "-" + slug.prefix(60))
    }
}
