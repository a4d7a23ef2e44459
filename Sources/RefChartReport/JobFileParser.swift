import Foundation
import RefChart
import RefChartCore

/// Turns a jobs file's YAML into a ``ReportJob``, keeping every node's line and column so that each
/// problem is reported where it is: an unknown key (a typo must never silently drop a setting), a value
/// of the wrong type, a field ``ChartRequest/validate()`` refuses, a duplicate name or output.
struct JobFileParser {
    let file: String
    /// The jobs file's folder: relative paths in the file are relative to it.
    let folder: URL
    /// ``folder``'s path, read once (`URL.path` builds a string each time).
    let folderPath: String

    static let topKeys: Set<String> = [
        "defaults", "openpanel", "charts", "pdf", "chartTimeout", "dashboards", "title", "page", "html", "deliver", "stateDir", "serve",
    ]
    static let openPanelKeys: Set<String> = ["apiUrl", "credentialsFile"]
    static let chartKeys = Set(ChartRequest.CodingKeys.allCases.map(\.stringValue))
    /// Keys whose value is a list; a single value is taken as a list of one.
    /// The keys naming a chart's data: a CSV, or OpenPanel events.
    static let sourceKeys = ["csv", "events"]
    static let listKeys: Set<String> = [
        "valueColumns", "references", "formats", "categories", "excludeCategories", "events", "rightAxis", "labelCategories", "seriesColors",
    ]

    /// - Parameter folder: Where relative paths start; by default the file's folder.
    init(file: String, folder: URL? = nil) {
        self.file = file
        self.folder = folder ?? URL(fileURLWithPath: file).deletingLastPathComponent()
        folderPath = self.folder.path
    }

    /// The YAML (or JSON) of `text` as nodes; a syntax error is a ``JobFileError`` at its line and column.
    func root(of text: String) throws -> JobNode? {
        do {
            return try JobNodeReader.read(text)
        } catch {
            throw JobFileError(file: file, line: error.line, column: error.column, message: error.message)
        }
    }

    func parse(_ text: String) throws -> ReportJob {
        let root = try root(of: text)
        guard let root, let top = root.mapping else {
            throw error(at: root, "the top level must be a mapping with a \"charts\" list")
        }
        // `x-…` keys hold anchors for `<<: *name` and are otherwise ignored (as in Compose files).
        try checkKeys(top.filter { !($0.key.string ?? "").hasPrefix("x-") }, allowed: Self.topKeys, what: "top-level key")
        let defaults = try top["defaults"].map { try chartMapping($0, what: "defaults") } ?? []
        if let name = defaults.pair("name") { throw error(at: name.key, "\"name\" cannot be a default: each chart needs its own") }
        // A file of dashboards alone needs no charts.
        let dashboardNodes = top["dashboards"]
        guard let chartsNode = top["charts"] ?? dashboardNodes.map({ _ in JobNode(.sequence([]), line: 1, column: 1) }) else {
            throw error(at: root, "there is no \"charts\" list")
        }
        guard let list = chartsNode.sequence, !list.isEmpty || (top["charts"] == nil && dashboardNodes != nil) else {
            throw error(at: chartsNode, "\"charts\" must be a non-empty list of charts")
        }
        let openPanel = try top["openpanel"].map(openPanelSettings) ?? ReportJob.OpenPanelSettings()
        var charts: [ChartRequest] = []
        var names: [String: JobNode] = [:]
        var ledger = PathLedger(namesCharts: true)
        let now = Date()
        if file != ReportJob.standardInputName { _ = ledger.add(PathUse("the jobs file", path: file, writes: false)) }
        if let credentials = openPanel.credentialsFile {
            _ = ledger.add(PathUse("the credentials file (openpanel.credentialsFile)", path: credentials, writes: false))
        }
        // Every chart's problems at once, as a compiler reports (up to ``JobFileError/shownLimit``): a file
        // fixed one error per run took as many runs as it had errors.
        var problems: [JobFileError] = []
        for node in list {
            do {
                charts.append(try chart(node, defaults: defaults, names: &names, ledger: &ledger, now: now, serving: top["serve"] != nil))
            } catch let problem as JobFileError {
                problems.append(problem)
            }
        }
        let zone = (try? decode(defaults, at: root).zone().identifier) ?? "UTC"
        var job = ReportJob(
            file: file, folder: folder.path, workerFile: file, charts: charts, openPanel: openPanel, pdf: nil, timezone: zone, paths: ledger)
        do {
            try topSettings(top, into: &job, now: now)
        } catch let problem as JobFileError {
            problems.append(problem)
        }
        if let node = top["deliver"] {
            do {
                job.deliveries = try deliveries(node)
            } catch let problem as JobFileError {
                problems.append(problem)
            }
        }
        if let node = top["serve"] {
            do {
                job.serve = try serveSettings(node)
            } catch let problem as JobFileError {
                problems.append(problem)
            }
        }
        if let node = top["stateDir"] {
            if let path = node.string, !path.isEmpty {
                job.stateDir = resolve(path)
            } else {
                problems.append(error(at: node, "\"stateDir\" must be a folder"))
            }
        }
        if let dashboardNodes {
            guard let entries = dashboardNodes.sequence, !entries.isEmpty else {
                throw error(at: dashboardNodes, "\"dashboards\" must be a non-empty list of dashboards")
            }
            for entry in entries {
                do {
                    job.dashboards.append(try dashboard(entry, names: &names, ledger: &job.paths))
                } catch let problem as JobFileError {
                    problems.append(problem)
                }
            }
        }
        if var first = problems.first {
            first.more = Array(problems.dropFirst())
            throw first
        }
        return job
    }

    /// One chart of the `charts` list, with the defaults applied, validated and its paths recorded.
    private func chart(
        _ node: JobNode, defaults: [JobNode.Pair], names: inout [String: JobNode], ledger: inout PathLedger, now: Date, serving: Bool
    ) throws -> ChartRequest {
        // The name first: a chart with another problem still holds its name against a duplicate.
        if let nameNode = node.mapping?["name"], let name = nameNode.string {
            if let first = names[name] {
                throw error(at: nameNode, "the name \(quoted(name)) is already used at line \(first.line): names must be unique")
            }
            names[name] = nameNode
        }
        let own = try chartMapping(node, what: "chart")
        guard let name = own["name"]?.string else {
            throw error(at: node, "this chart has no \"name\": give each chart a unique name")
        }
        // The data source is one choice: a chart's own `csv` or `events` replaces the defaults' source,
        // so a file whose defaults name a CSV can still draw one chart from OpenPanel.
        let ownSource = Self.sourceKeys.contains { own[$0] != nil }
        let ownKeys = Set(own.lazy.compactMap(\.key.string))
        let inherited = defaults.filter {
            let key = $0.key.string ?? ""
            return !ownKeys.contains(key) && !(ownSource && Self.sourceKeys.contains(key))
        }
        let merged = own + inherited
        var request = try decode(merged, at: node)
        // A file that serves its charts (`serve:`) draws them into answers, not files.
        guard request.output != nil || serving else {
            throw error(at: node, "chart \(quoted(name)) has no \"output\": e.g. output: out/{name}.{format}")
        }
        resolvePaths(&request)
        do {
            try request.validate()
            if request.csv == "-" {
                throw ChartRequestError(.csv, "cannot be standard input (-) in a report: worker processes draw the charts; give the CSV's path")
            }
            guard request.csv != nil || !request.events.isEmpty else {
                throw ChartRequestError(.csv, "is missing: give the metrics CSV, or OpenPanel events (events and openpanelProject)")
            }
            try request.checkPaths(now: now, in: &ledger)
        } catch let problem as ChartRequestError {
            throw error(at: merged.pair(problem.field.stringValue)?.value ?? node, "chart \(quoted(name)): \(problem)")
        }
        return request
    }

    /// The non-empty string at `key` of an entry (`nil` when absent).
    func text(_ key: String, in mapping: [JobNode.Pair]) throws -> String? {
        guard let value = mapping[key] else { return nil }
        guard let string = value.string, !string.isEmpty else { throw error(at: value, "\"\(key)\" must be a non-empty string") }
        return string
    }

    /// The true/false (yes/no) at `key` of an entry (`nil` when absent).
    func flag(_ key: String, in mapping: [JobNode.Pair]) throws -> Bool? {
        guard let text = try text(key, in: mapping) else { return nil }
        guard let value = NodeDecoder.booleans[text.lowercased()] else { throw error(at: mapping[key], "\"\(key)\" must be true or false") }
        return value
    }

    /// One entry of `dashboards`: its keys checked, its values read, its output recorded.
    private func dashboard(_ node: JobNode, names: inout [String: JobNode], ledger: inout PathLedger) throws -> DashboardJob {
        guard let mapping = node.mapping else { throw error(at: node, "a dashboard must be a mapping (name, project, dashboard, output, …)") }
        try checkKeys(mapping, allowed: DashboardJob.keys, what: "dashboard key")
        func text(_ key: String) throws -> String? { try self.text(key, in: mapping) }
        func required(_ key: String) throws -> String {
            guard let value = try text(key) else { throw error(at: node, "this dashboard has no \"\(key)\"") }
            return value
        }
        let name = try required("name")
        if let first = names[name] {
            throw error(at: mapping["name"], "the name \(quoted(name)) is already used at line \(first.line): names must be unique")
        }
        names[name] = mapping["name"]
        var job = DashboardJob(
            name: name, project: try required("project"), dashboard: try required("dashboard"), output: resolve(try required("output")))
        if let format = try text("format") {
            guard let value = ChartFormat(rawValue: format), value != .svg else {
                throw error(at: mapping["format"], "\"format\" must be pdf or png")
            }
            job.format = value
        }
        for key in ["width", "height"] {
            guard let raw = try text(key) else { continue }
            guard let value = Int(raw), (100...16_384).contains(value) else {
                throw error(at: mapping[key], "\"\(key)\" must be 100 to 16384 pixels")
            }
            if key == "width" { job.width = value } else { job.height = value }
        }
        if let theme = try text("theme") {
            guard let value = ChartTheme(rawValue: theme) else { throw error(at: mapping["theme"], "\"theme\" must be light or dark") }
            job.theme = value
        }
        if let zone = try text("orgTimezone") {
            guard let value = ZoneIdentifier(zone) else {
                throw error(at: mapping["orgTimezone"], "\"orgTimezone\" \(quoted(zone)) is not an IANA zone (\(ZoneIdentifier.examples))")
            }
            job.orgTimezone = value
        }
        func duration(_ key: String) throws -> RelativeWindow? {
            guard let raw = try text(key) else { return nil }
            guard let value = RelativeWindow(raw) else {
                throw error(at: mapping[key], "\"\(key)\" \(quoted(raw)) is not a duration: 7d, 12h, 6w, 3mo, 1y")
            }
            return value
        }
        job.last = try duration("last")
        (job.from, job.to) = (try text("from"), try text("to"))
        for key in ["only", "exclude"] {
            guard let value = mapping[key] else { continue }
            let items = value.sequence ?? [value]
            let names = try items.map { item in
                guard let string = item.string, !string.isEmpty else {
                    throw error(at: item, "\"\(key)\" must be a report name or a list of report names")
                }
                return string
            }
            if key == "only" { job.only = names } else { job.exclude = names }
        }
        if let impact = try flag("impact", in: mapping) { job.impact = impact }
        if let window = try duration("impactWindow") { job.impactWindow = window }
        do {
            _ = try job.window(now: Date())
        } catch let problem {
            throw error(at: mapping["from"] ?? mapping["to"] ?? node, "dashboard \(quoted(name)): \(problem)")
        }
        if job.format == .pdf && !job.output.lowercased().hasSuffix(".pdf") {
            throw error(at: mapping["output"], "\"output\" of a PDF dashboard must end in .pdf (or give format: png and a folder)")
        }
        if let earlier = ledger.add(PathUse("dashboard \(quoted(name))'s output", path: job.output, writes: true)) {
            throw error(at: mapping["output"], "\"output\" \(quoted(job.output, limit: 200)) is also \(earlier.role): give each its own path")
        }
        return job
    }

    /// The top level's `chartTimeout`, `pdf`, and the document's `title` and `page`.
    private func topSettings(_ top: [JobNode.Pair], into job: inout ReportJob, now: Date) throws {
        if let node = top["title"] {
            guard let title = node.string, !title.isEmpty, title.count <= 200 else {
                throw error(at: node, "\"title\" must be the report's title, 1 to 200 characters")
            }
            job.title = title
        }
        if let node = top["page"] {
            guard let text = node.string, let paper = DocumentPaper(text) else {
                throw error(at: node, "\"page\" \(quoted(node.string ?? "", limit: 60)) is not a page: use \(DocumentPaper.examples)")
            }
            job.paper = paper
        }
        if let node = top["chartTimeout"] {
            guard let seconds = node.string.flatMap(Double.init), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
                throw error(at: node, "\"chartTimeout\" must be a number of seconds, more than 0 and at most 86400")
            }
            job.chartTimeout = seconds
        }
        for (key, role) in [("pdf", "the combined PDF (pdf)"), ("html", "the HTML report (html)")] {
            guard let node = top[key] else { continue }
            guard let path = node.string, !path.isEmpty else { throw error(at: node, "\"\(key)\" must be a path") }
            if key == "pdf" { job.pdf = resolve(path) } else { job.html = resolve(path) }
            let filled: String
            do {
                filled = try (key == "pdf" ? job.pdfPath(now: now) : job.htmlPath(now: now))!
            } catch let problem as JobFileError {
                throw error(at: node, problem.message)
            }
            if let earlier = job.paths.add(PathUse(OptionText(role), path: filled, writes: true)) {
                throw error(at: node, "\"\(key)\" \(quoted(filled, limit: 200)) is also \(earlier.role): give each its own path")
            }
        }
    }

    /// A chart (or the defaults): a mapping whose keys are all chart keys; a single value for a list key
    /// becomes a list of one.
    func chartMapping(_ node: JobNode, what: String) throws -> [JobNode.Pair] {
        guard var mapping = node.mapping else { throw error(at: node, "\(what) must be a mapping of chart keys") }
        try checkKeys(mapping, allowed: Self.chartKeys, what: "chart key")
        for index in mapping.indices {
            let (key, value) = (mapping[index].key, mapping[index].value)
            if let name = key.string, Self.listKeys.contains(name), value.isScalar {
                mapping[index].value = JobNode(.sequence([value]), line: value.line, column: value.column)
            }
            // Decoded as a string, a null item would be a file named "null".
            if let name = key.string, let item = value.sequence?.first(where: \.isNull) {
                throw error(at: item, "\(name): a list item is empty (null): remove it or give a value")
            }
        }
        return mapping
    }

    func checkKeys(_ mapping: [JobNode.Pair], allowed: Set<String>, what: String) throws {
        var seen: Set<String> = []
        for key in mapping.lazy.map(\.key) {
            guard let name = key.string else { throw error(at: key, "a key must be a plain string") }
            guard allowed.contains(name) else {
                let near = allowed.min { Self.distance($0, name) < Self.distance($1, name) }
                let hint = near.map { Self.distance($0, name) <= 3 ? " (did you mean \"\($0)\"?)" : "" } ?? ""
                throw error(at: key, "unknown \(what) \(quoted(name))\(hint); known: \(allowed.sorted().joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw error(at: key, "\(quoted(name)) is given twice") }
        }
    }

    /// - Parameter node: Where the chart is, for a problem not at one key.
    func decode(_ mapping: [JobNode.Pair], at node: JobNode) throws -> ChartRequest {
        do {
            let keys = mapping.compactMap { $0.key.string.flatMap(ChartKey.init(stringValue:)) }
            return try ChartRequest(from: NodeDecoder(JobNode(.mapping(mapping), line: node.line, column: node.column)), keys: keys)
        } catch let problem as DecodingError {
            let (path, message) = Self.explain(problem)
            let node = path.first.flatMap { mapping[$0.stringValue] } ?? node
            let field = path.first.map { "\($0.stringValue): " } ?? ""
            throw error(at: node, field + message)
        }
    }

    private func openPanelSettings(_ node: JobNode) throws -> ReportJob.OpenPanelSettings {
        guard let mapping = node.mapping else { throw error(at: node, "\"openpanel\" must be a mapping (apiUrl, credentialsFile)") }
        try checkKeys(mapping, allowed: Self.openPanelKeys, what: "openpanel key")
        var settings = ReportJob.OpenPanelSettings()
        for (key, value) in mapping.lazy.map({ ($0.key, $0.value) }) {
            guard let text = value.string, !text.isEmpty else { throw error(at: value, "\"\(key.string ?? "")\" must be a string") }
            if key.string == "apiUrl" { settings.apiUrl = text } else { settings.credentialsFile = resolve(text) }
        }
        return settings
    }

    private func resolvePaths(_ request: inout ChartRequest) {
        if let csv = request.csv, csv != "-", !MetricSource.isURL(csv) {
            request.csv = resolve(csv)
        }
        request.references = request.references.map(resolve)
        request.output = request.output.map { $0 == "-" ? $0 : resolve($0) }
        request.layoutReport = request.layoutReport.map { $0 == "-" ? $0 : resolve($0) }
        request.footnotesFile = request.footnotesFile.map(resolve)
    }

    func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let resolved = LexicalPath.absolute(path, in: folderPath)
        // A path that can only be a folder (`.`, `out/`) stays one, so validation can say so.
        let folderOnly = path == "." || path == ".." || path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        return folderOnly && !resolved.hasSuffix("/") ? resolved + "/" : resolved
    }

    func error(at node: JobNode?, _ message: String) -> JobFileError {
        JobFileError(file: file, line: node?.line, column: node?.column, message: message)
    }

    /// The key path and a plain-words message for a decoding failure.
    private static func explain(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return (context.codingPath, "expected \(noun(type))")
        case .dataCorrupted(let context):
            let message =
                context.debugDescription.contains("Cannot initialize")
                ? "is not one of the allowed values (\(context.debugDescription.split(separator: "from invalid").first ?? ""))"
                : context.debugDescription
            return (context.codingPath, message)
        case .keyNotFound(let key, let context):
            return (context.codingPath, "\"\(key.stringValue)\" is missing")
        @unknown default:
            return ([], "\(error)")
        }
    }

    private static func noun(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        case is JobNode.Type: return "a single value, not a list or a mapping"
        default: return type is any Collection.Type ? "a list" : "a value of type \(type)"
        }
    }

    /// Edit distance, for "did you mean" hints.
    static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a.lowercased()), Array(b.lowercased()))
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
