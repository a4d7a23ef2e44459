import Foundation
import RefChart

/// A report as one self-contained HTML page (`html:` in jobs files): the cover's title, period and
/// contents, the charts that did not render and every warning, the impact table, then each chart as inline
/// SVG (real text, a `<title>` hover per reference). No scripts and no external requests — the page's
/// Content-Security-Policy allows none — so it opens the same from a mail attachment, a file share or
/// an intranet. Well-formed XML as well as HTML, so tests (and tools) can parse it.
package enum ReportHTML {
    /// The page for `document`, with the run's warnings (chart name, text).
    static func page(_ document: ReportDocument, warnings: [(chart: String, text: String)]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>
            <meta name="generator" content="refchart"/>
            <title>\(escape(document.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>\(escape(document.title))</h1>

            """
        for line in document.subtitle { html += "<p class=\"meta\">\(escape(line))</p>\n" }
        html += "</header>\n<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
        for (k, chart) in document.charts.enumerated() {
            html += "<li><a href=\"#chart-\(k + 1)\">\(escape(Self.title(chart)))</a></li>\n"
        }
        html += "</ol>\n</nav>\n"
        if !document.missing.isEmpty || !warnings.isEmpty {
            html += "<section id=\"problems\">\n<h2>Not in this report, and warnings</h2>\n<ul>\n"
            for missing in document.missing { html += "<li class=\"failed\"><b>\(escape(missing.name))</b>: \(escape(missing.why))</li>\n" }
            for warning in warnings { html += "<li><b>\(escape(warning.chart))</b>: \(escape(warning.text))</li>\n" }
            html += "</ul>\n</section>\n"
        }
        if !document.impacts.isEmpty {
            html += "<section id=\"impact\">\n<h2>Impact of the references</h2>\n<table>\n"
            html += "<thead><tr><th>Chart</th><th>Reference</th><th>Date</th><th>Before</th><th>After</th><th>Change</th></tr></thead>\n<tbody>\n"
            for row in document.impacts {
                let change = ReportDocument.changeText(row.change)
                let tone = (row.change ?? 0) > 0 ? "up" : (row.change ?? 0) < 0 ? "down" : "flat"
                html += "<tr><td>\(escape(row.chart))</td><td>\(escape(row.reference))</td><td>\(escape(row.date))</td>"
                html += "<td class=\"n\">\(ReportDocument.meanText(row.before))</td><td class=\"n\">\(ReportDocument.meanText(row.after))</td>"
                html += "<td class=\"n \(tone)\">\(change)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n</section>\n"
        }
        for (k, chart) in document.charts.enumerated() {
            // The heading is for the contents' links and screen readers; the chart draws its own title.
            html += "<section class=\"chart\" id=\"chart-\(k + 1)\">\n<h2>\(escape(Self.title(chart)))</h2>\n<figure>\n"
            html += InlineSVG.element(chart.scene, idPrefix: "c\(k + 1)-")
            html += "</figure>\n</section>\n"
        }
        html += "<footer><p class=\"meta\">Made by refchart.</p></footer>\n</body>\n</html>\n"
        return html
    }

    private static func title(_ chart: ReportDocument.Chart) -> String {
        let title = chart.scene.accessibleTitle
        return title.isEmpty || title == "Chart" ? chart.name : title
    }

    private static let style = """
        body{font-family:"DejaVu Sans",Verdana,sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:1280px;padding:24px}\
        h1{font-size:26px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px}.meta{color:#59636e;margin:2px 0;font-size:13px}\
        nav ol{padding-left:22px;font-size:14px;line-height:1.7}a{color:#0550ae}\
        table{border-collapse:collapse;font-size:13px;width:100%}th,td{text-align:left;padding:4px 10px;border-bottom:1px solid #e6e9ed}\
        th{color:#59636e;font-weight:normal}.n{text-align:right;font-variant-numeric:tabular-nums}.up{color:#15803d}.down{color:#b91c1c}\
        .failed{color:#b91c1c}figure{margin:0;overflow-x:auto}figure svg{max-width:100%;height:auto}\
        .chart h2{position:absolute;left:-10000px}\
        footer{margin-top:32px}
        """

    /// `text` with the five XML specials escaped and control characters left out.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
