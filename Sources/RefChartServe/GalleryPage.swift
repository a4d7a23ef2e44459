import Foundation
import RefChart
import RefChartReport

/// The page at `/`: every configured chart as a live image, with its controls (range, theme, width) and a
/// copyable image URL for e-mail, Markdown or Slack. Plain HTML and one small script (allowed by its hash
/// in the page's Content-Security-Policy, nothing else); the controls start from the page's own query
/// (`/?theme=dark&last=30d`), so a link can carry them.
enum GalleryPage {
    static let script = """
        const params = new URLSearchParams(location.search);
        for (const figure of document.querySelectorAll("figure[data-chart]")) {
          const controls = figure.querySelectorAll("select");
          const image = figure.querySelector("img"), link = figure.querySelector("input");
          for (const select of controls) { if (params.has(select.name)) select.value = params.get(select.name); }
          const update = () => {
            const query = new URLSearchParams();
            for (const select of controls) { if (select.value) query.set(select.name, select.value); }
            const path = "/v1/charts/" + figure.dataset.chart + ".png" + (query.toString() ? "?" + query : "");
            image.src = path;
            link.value = location.origin + path;
          };
          for (const select of controls) select.addEventListener("change", update);
          link.addEventListener("focus", () => link.select());
          update();
        }
        """

    /// The page for `names` (`protected`: the server wants a token, which an `<img>` cannot send).
    static func html(title: String, names: [String], protected: Bool) -> String {
        let hash = Data(SHA256.hash(Array(script.utf8))).base64EncodedString()
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'sha256-\(hash)'"/>
            <title>\(ReportHTML.escape(title))</title>
            <style>body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:0 auto;max-width:1280px;padding:20px;color:#1f2328}\
            figure{margin:0 0 28px}img{max-width:100%;height:auto;border:1px solid #e6e9ed;display:block;min-height:60px}\
            .controls{display:flex;gap:10px;align-items:center;margin:6px 0;font-size:13px}input{flex:1;font-size:12px;padding:3px}\
            h2{font-size:16px;margin:0 0 4px}</style></head><body>
            <h1 style="font-size:22px">\(ReportHTML.escape(title))</h1>

            """
        if protected {
            html += "<p>This server asks for a bearer token: images load for clients that send one, not in this page.</p>\n"
        }
        for name in names {
            let safe = ReportHTML.escape(name)
            html += """
                <figure data-chart="\(safe)"><h2>\(safe)</h2>
                <div class="controls">
                <label>Range <select name="last"><option value="">as configured</option><option>7d</option><option>30d</option><option>90d</option><option>1y</option></select></label>
                <label>Theme <select name="theme"><option value="">as configured</option><option>light</option><option>dark</option></select></label>
                <label>Width <select name="width"><option value="">as configured</option><option>800</option><option>1200</option><option>1600</option></select></label>
                <input aria-label="Image URL" readonly="readonly" value=""/>
                </div>
                <img alt="\(safe)" src="/v1/charts/\(safe).png"/></figure>

                """
        }
        html += "<script>\(script)</script>\n</body></html>\n"
        return html
    }
}
