import Foundation
import RefChart

/// A report as an e-mail (RFC 5322 / MIME): `multipart/mixed` of a `multipart/related` body — a
/// `multipart/alternative` of plain text and HTML, then each chart's PNG as an inline part its `cid:`
/// names — and the PDF attached. The `Message-ID` comes from the ledger's key, so a resend is the same
/// message to the receiving side.
struct EmailMessage {
    let bytes: [UInt8]
    let inlineImages: Int
    let attachments: Int

    init(summary: ReportSummary, job: ReportJob, target: DeliveryTarget, key: String, now: Date) throws {
        let zone = TimeZone(identifier: job.timezone) ?? .gmt
        let title = job.reportTitle
        let period = summary.periodText ?? ISO8601.day(of: now, in: zone)
        let subject = target.subject.replacingOccurrences(of: "{name}", with: title).replacingOccurrences(of: "{period}", with: period)
            .replacingOccurrences(of: "{date}", with: ISO8601.day(of: now, in: zone))
        let counts = summary.countsLine
        // Each chart's PNG, when it wrote one.
        var images: [(name: String, cid: String, data: Data)] = []
        for (k, chart) in summary.charts.enumerated() where chart.status == .ok {
            guard let png = chart.outputs.first(where: { $0.lowercased().hasSuffix(".png") }), let data = FileManager.default.contents(atPath: png)
            else { continue }
            images.append((chart.name, "chart-\(k + 1).\(key.prefix(12))@refchart", data))
        }
        var text = "\(title)\n\(period) · \(counts)\n"
        var html = "<html><body style=\"font-family:sans-serif;color:#1f2328\"><h1 style=\"font-size:22px\">\(ReportHTML.escape(title))</h1>"
        html += "<p style=\"color:#59636e\">\(ReportHTML.escape(period)) · \(ReportHTML.escape(counts))</p>"
        let failed = summary.charts.filter { $0.status != .ok }
        if !failed.isEmpty {
            text += "\nNot in this report:\n" + failed.map { "- \($0.name): \($0.error?.message ?? $0.status.rawValue)\n" }.joined()
            html += "<p><b>Not in this report:</b></p><ul>"
            html += failed.map { "<li><b>\(ReportHTML.escape($0.name))</b>: \(ReportHTML.escape($0.error?.message ?? $0.status.rawValue))</li>" }
                .joined()
            html += "</ul>"
        }
        let impacts = summary.impactRows
        if !impacts.isEmpty {
            text += "\nImpact of the references:\n"
            html += "<h2 style=\"font-size:16px\">Impact of the references</h2><table cellpadding=\"4\" style=\"border-collapse:collapse\">"
            html +=
                "<tr><th align=\"left\">Chart</th><th align=\"left\">Reference</th><th align=\"left\">Date</th><th>Before</th><th>After</th><th>Change</th></tr>"
            for (chart, impact) in impacts {
                let change = ReportDocument.changeText(impact.change)
                let (before, after) = (ReportDocument.meanText(impact.before), ReportDocument.meanText(impact.after))
                text += "- \(chart): \(impact.reference) (\(impact.date.prefix(10))): \(before) → \(after), \(change)\n"
                html += "<tr><td>\(ReportHTML.escape(chart))</td><td>\(ReportHTML.escape(impact.reference))</td><td>\(impact.date.prefix(10))</td>"
                html += "<td align=\"right\">\(before)</td><td align=\"right\">\(after)</td><td align=\"right\">\(change)</td></tr>"
            }
            html += "</table>"
        }
        for image in images {
            html += "<h2 style=\"font-size:16px\">\(ReportHTML.escape(image.name))</h2>"
            html += "<img src=\"cid:\(image.cid)\" alt=\"\(ReportHTML.escape(image.name))\" style=\"max-width:100%\"/>"
        }
        html += "</body></html>"
        let pdf = summary.pdf.flatMap { $0.error == nil ? $0.path : nil }.flatMap { path in
            FileManager.default.contents(atPath: path).map { (path, $0) }
        }
        if pdf != nil { text += "\nThe whole report is attached as a PDF.\n" }

        let (mixed, related, alternative) = ("mixed-\(key.prefix(16))", "related-\(key.prefix(16))", "alternative-\(key.prefix(16))")
        var out = ""
        out += "From: \(target.from ?? "")\r\nTo: \(target.to.joined(separator: ", "))\r\n"
        out += "Subject: \(Self.header(subject))\r\nDate: \(Self.date(now))\r\nMessage-ID: <\(key)@refchart>\r\n"
        out += "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"\(mixed)\"\r\n\r\n"
        out += "--\(mixed)\r\nContent-Type: multipart/related; boundary=\"\(related)\"; type=\"multipart/alternative\"\r\n\r\n"
        out += "--\(related)\r\nContent-Type: multipart/alternative; boundary=\"\(alternative)\"\r\n\r\n"
        out += Self.part(type: "text/plain; charset=utf-8", data: Data(text.utf8), boundary: alternative)
        out += Self.part(type: "text/html; charset=utf-8", data: Data(html.utf8), boundary: alternative)
        out += "--\(alternative)--\r\n"
        for image in images {
            out += Self.part(
                type: "image/png", data: image.data, boundary: related,
                extra: "Content-ID: <\(image.cid)>\r\nContent-Disposition: inline; filename=\"\(image.name).png\"\r\n")
        }
        out += "--\(related)--\r\n"
        if let (path, data) = pdf {
            let file = URL(fileURLWithPath: path).lastPathComponent.replacingOccurrences(of: "\"", with: "_")
            out += Self.part(type: "application/pdf", data: data, boundary: mixed, extra: "Content-Disposition: attachment; filename=\"\(file)\"\r\n")
        }
        out += "--\(mixed)--\r\n"
        bytes = Array(out.utf8)
        (inlineImages, attachments) = (images.count, pdf == nil ? 0 : 1)
    }

    /// One base64 part (lines of 76, CRLF).
    private static func part(type: String, data: Data, boundary: String, extra: String = "") -> String {
        let body = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return "--\(boundary)\r\nContent-Type: \(type)\r\nContent-Transfer-Encoding: base64\r\n\(extra)\r\n\(body)\r\n"
    }

    /// A header value: as is when it is plain ASCII, else RFC 2047 UTF-8 base64 (CR and LF never pass).
    static func header(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard clean.unicodeScalars.contains(where: { $0.value > 126 || $0.value < 32 }) else { return clean }
        return "=?UTF-8?B?\(Data(clean.utf8).base64EncodedString())?="
    }

    /// RFC 5322's date: `Mon, 07 Dec 2026 14:30:00 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .gmt
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
