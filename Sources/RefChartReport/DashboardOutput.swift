public import Foundation
public import RefChart

/// Writes a rendered dashboard: one PDF with a page per drawn report (in the dashboard's order), or a PNG
/// per report in a folder, named by report.
public enum DashboardOutput {
    /// Writes `dashboard` as `format` to `path` (a PDF document with a cover, or for PNG a folder); what was
    /// written, a line each.
    /// - Parameters:
    ///   - now: When it was made, and `zone` the zone the cover says it and the period in.
    /// - Throws: ``ChartError`` when a chart cannot be drawn or written, or no report could be drawn.
    public static func write(
        _ dashboard: DashboardReport, format: ChartFormat, to path: String, now: Date = Date(), zone: TimeZone = .gmt
    ) throws -> [String] {
        let drawn = dashboard.pages.filter { $0.chart != nil || $0.summary != nil }
        guard !drawn.isEmpty else { throw ChartError("no report of dashboard \(quoted(dashboard.dashboard.name)) could be drawn") }
        switch format {
        case .pdf:
            // A document as a report's PDF is: a cover naming the dashboard, its period and the reports not
            // drawn with why, then a page per drawn report (``ReportDocument``).
            let charts = try drawn.map { page in
                ReportDocument.Chart(name: page.report.name, scene: try page.chart.map { try $0.rendered(.pdf).scene } ?? page.summary!.scene())
            }
            let missing = dashboard.pages.filter { $0.chart == nil && $0.summary == nil }.map {
                ReportDocument.Missing(name: $0.report.name, why: "\($0.report.chartType), not drawn: \($0.skipped ?? "")")
            }
            var subtitle: [String] = []
            if let span = ReportDocumentContent.span(of: charts.map(\.scene)) {
                subtitle.append("Period: \(ReportDocumentContent.period(span, zone: zone))")
            }
            subtitle.append("OpenPanel dashboard \(quoted(dashboard.dashboard.name)) · generated \(ReportDocumentContent.stamp(now, zone: zone))")
            let document = ReportDocument(title: dashboard.dashboard.name, subtitle: subtitle, charts: charts, missing: missing)
            let (bytes, count) = try CombinedPDF.render(
                document: document, subject: drawn.map(\.report.name).joined(separator: "; "), date: now.timeIntervalSince1970.rounded(.down))
            try ReportRunner.createFolders(for: [path])
            try AtomicFile.write(bytes, to: path)
            return ["wrote \(path) (\(count) page\(count == 1 ? "" : "s"))"]
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
