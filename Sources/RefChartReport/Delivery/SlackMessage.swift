import Foundation
import RefChart

/// A report as a Slack message (an incoming webhook's payload): the title, period and counts, the charts
/// that failed, the impact numbers as a table, and links to the PDF and HTML when they are served.
struct SlackMessage {
    let payload: [String: Any]
    let blockCount: Int

    init(summary: ReportSummary, job: ReportJob, publicBaseUrl: String?) {
        let title = job.reportTitle
        let counts = summary.countsLine
        var blocks: [[String: Any]] = [
            ["type": "header", "text": ["type": "plain_text", "text": String(title.prefix(150))]],
            [
                "type": "section",
                "text": ["type": "mrkdwn", "text": Self.escape([summary.periodText, counts].compactMap { $0 }.joined(separator: " · "))],
            ],
        ]
        let failed = summary.charts.filter { $0.status != .ok }
        if !failed.isEmpty {
            let lines = failed.prefix(10).map {
                "• *\(Self.escape($0.name))*: \(Self.escape(String(($0.error?.message ?? $0.status.rawValue).prefix(200))))"
            }
            blocks.append(["type": "section", "text": ["type": "mrkdwn", "text": (["Not in this report:"] + lines).joined(separator: "\n")]])
        }
        let impacts = summary.impactRows
        if !impacts.isEmpty {
            let rows = impacts.prefix(20).map { chart, impact in
                let change = ReportDocument.changeText(impact.change)
                return
                    "\(String(impact.date.prefix(10)))  \(change.padding(toLength: 8, withPad: " ", startingAt: 0))  \(impact.reference.prefix(40))  (\(chart))"
            }
            let more = impacts.count > 20 ? "\n… and \(impacts.count - 20) more in the report" : ""
            blocks.append([
                "type": "section", "text": ["type": "mrkdwn", "text": "*Impact*\n```" + Self.escape(rows.joined(separator: "\n")) + "```" + more],
            ])
        }
        if let base = publicBaseUrl?.trimmingCharacters(in: CharacterSet(charactersIn: "/")) {
            let links = [summary.pdf.map { ("PDF", $0.path) }, summary.html.map { ("HTML", $0.path) }].compactMap { $0 }.map {
                "<\(base)/\(URL(fileURLWithPath: $0.1).lastPathComponent)|\($0.0)>"
            }
            if !links.isEmpty { blocks.append(["type": "context", "elements": [["type": "mrkdwn", "text": links.joined(separator: " · ")]]]) }
        }
        payload = ["text": "\(title): \(counts)", "blocks": blocks]
        blockCount = blocks.count
    }

    /// Slack's three specials in text.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The same as plain text (Discord): title, period and counts, failures, the impact lines.
    static func plainText(summary: ReportSummary, job: ReportJob) -> String {
        let title = job.reportTitle
        let counts = summary.countsLine
        var text = "**\(title)**\n" + [summary.periodText, counts].compactMap { $0 }.joined(separator: " · ") + "\n"
        for chart in summary.charts where chart.status != .ok {
            text += "- not in this report: \(chart.name): \(String((chart.error?.message ?? chart.status.rawValue).prefix(200)))\n"
        }
        let impacts = summary.impactRows
        for (chart, impact) in impacts.prefix(15) {
            text += "- \(impact.date.prefix(10)) \(impact.reference.prefix(60)): \(ReportDocument.changeText(impact.change)) (\(chart))\n"
        }
        return text
    }
}
