import Foundation
import RefChart

/// What a report's combined PDF says about itself: its title, the period its charts cover and when it was
/// made (in the jobs file's zone), the charts in it and those left out with why, and every impact number.
struct ReportDocumentContent {
    let document: ReportDocument

    init(job: ReportJob, now: Date, entries: [(chart: ReportSummary.Chart, page: Scene?)]) {
        let zone = TimeZone(identifier: job.timezone) ?? .gmt
        let title = job.reportTitle
        var charts: [ReportDocument.Chart] = []
        var missing: [ReportDocument.Missing] = []
        var impacts: [ReportDocument.ImpactRow] = []
        for (chart, page) in entries {
            if let page {
                charts.append(ReportDocument.Chart(name: chart.name, scene: page))
            } else {
                let why = chart.error.map { "\(chart.status.rawValue): \($0.message)" } ?? chart.status.rawValue
                missing.append(ReportDocument.Missing(name: chart.name, why: why))
            }
            for impact in chart.impacts ?? [] {
                let date = ISO8601.date(from: impact.date).map { Self.day($0, zone: zone) } ?? impact.date
                impacts.append(
                    ReportDocument.ImpactRow(
                        chart: chart.name, reference: impact.reference, date: date, before: impact.before, after: impact.after,
                        change: impact.change))
            }
        }
        var subtitle: [String] = []
        if let span = Self.span(of: charts.map(\.scene)) { subtitle.append("Period: \(Self.period(span, zone: zone))") }
        let count = "\(charts.count) chart\(charts.count == 1 ? "" : "s")" + (missing.isEmpty ? "" : ", \(missing.count) not rendered")
        subtitle.append("Generated \(Self.stamp(now, zone: zone)) · \(count)")
        let projects = Array(Set(job.charts.compactMap(\.openpanelProject))).sorted()
        if !projects.isEmpty { subtitle.append("OpenPanel project\(projects.count == 1 ? "" : "s") \(projects.joined(separator: ", "))") }
        document = ReportDocument(title: title, subtitle: subtitle, charts: charts, missing: missing, impacts: impacts, paper: job.paper)
    }

    /// The time the pages cover: the first start to the last end of their windows; `nil` without any.
    static func span(of pages: [Scene]) -> ClosedRange<Double>? {
        let windows = pages.compactMap(\.timeWindow)
        guard let start = windows.map(\.lowerBound).min(), let end = windows.map(\.upperBound).max() else { return nil }
        return start...end
    }

    /// `30 Nov – 7 Dec 2026 (Europe/Stockholm)`; with the hours when it is under two days long. The end is
    /// exclusive, so a window ending at midnight ends the day before.
    static func period(_ window: ClosedRange<Double>, zone: TimeZone) -> String {
        let (start, end) = (Date(timeIntervalSince1970: window.lowerBound), Date(timeIntervalSince1970: window.upperBound))
        let short = window.upperBound - window.lowerBound < 2 * 86_400
        if short { return "\(stamp(start, zone: zone)) – \(stamp(end, zone: zone))" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let last = calendar.startOfDay(for: end) == end ? end.addingTimeInterval(-1) : end
        let sameYear = calendar.component(.year, from: start) == calendar.component(.year, from: last)
        return "\(format(start, sameYear ? "d MMM" : "d MMM yyyy", zone)) – \(format(last, "d MMM yyyy", zone)) (\(zone.identifier))"
    }

    /// `7 Dec 2026 14:03 Europe/Stockholm`.
    static func stamp(_ date: Date, zone: TimeZone) -> String { format(date, "d MMM yyyy HH:mm", zone) + " \(zone.identifier)" }

    /// `7 Dec 2026`.
    static func day(_ date: Date, zone: TimeZone) -> String { format(date, "d MMM yyyy", zone) }

    private static func format(_ date: Date, _ pattern: String, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
