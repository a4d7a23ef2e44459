public import Foundation
public import RefChart

/// A parsed, validated jobs file: the charts of one report and how to reach OpenPanel.
///
///     defaults:               # any chart key; each chart may override it
///       width: 1200
///       last: 30d
///       output: out/{name}.{format}
///     openpanel:              # optional
///       apiUrl: https://analytics.example.com/api
///       credentialsFile: secrets/openpanel.json
///     charts:
///       - name: pageviews
///         csv: data/pageviews.csv
///         references: [refs/launches.json]
///         formats: [png, pdf]
///     pdf: out/weekly-{date}.pdf   # optional: a document of every rendered chart
///     html: out/weekly-{date}.html # optional: the same as one self-contained HTML page
///     title: Weekly growth         # optional: their title (default: the jobs file's name)
///     page: a4                     # optional: a4, letter, a3 (landscape, or "a4 portrait"), or chart
///     chartTimeout: 120            # optional: seconds one chart may take
///
/// Relative paths are relative to the jobs file. Chart keys are ``ChartRequest``'s.
public struct ReportJob: Sendable {
    /// Where the charts' OpenPanel sources are.
    public struct OpenPanelSettings: Sendable, Hashable {
        /// The API URL (default: `OPENPANEL_API_URL` or OpenPanel's hosted API).
        public var apiUrl: String?
        /// A JSON credentials file (default: `OPENPANEL_CLIENT_ID` / `OPENPANEL_CLIENT_SECRET`).
        public var credentialsFile: String?
    }

    /// The jobs file's path, as given (``standardInputName`` for one read from standard input).
    public var file: String
    /// The folder relative paths in the file start from: the file's, or the current one for standard input.
    public var folder: String
    /// The file report workers re-read: ``file``, or the private copy of standard input a front end made.
    public var workerFile: String
    /// Every chart, in file order, with the defaults applied and paths resolved.
    public var charts: [ChartRequest]
    /// How to reach OpenPanel.
    public var openPanel: OpenPanelSettings
    /// Where to write one PDF with every rendered chart, if anywhere (`{date}` allowed).
    public var pdf: String?
    /// Where to write the report as one self-contained HTML page, if anywhere (`{date}` allowed).
    public var html: String?
    /// How `refchart serve` serves these charts (`serve:`); `nil` for a file that is only a report.
    public var serve: ServeSettings?
    /// Where the finished report is sent (`deliver:`), in file order.
    public var deliveries: [DeliveryTarget] = []
    /// The folder of the delivery ledger (`stateDir:`; default `$STATE_DIRECTORY`, which systemd's
    /// `StateDirectory=` sets, else `.refchart-state` beside the jobs file).
    public var stateDir: String?
    /// Whether charts note the digest of their inputs: a destination sends only if they changed.
    public var digestsInputs: Bool { deliveries.contains(where: \.onlyIfChanged) }
    /// The ledger's folder.
    public var stateFolder: String {
        stateDir ?? ProcessInfo.processInfo.environment["STATE_DIRECTORY"].flatMap { $0.split(separator: ":").first.map(String.init) }
            ?? URL(fileURLWithPath: folder).appendingPathComponent(".refchart-state").path
    }
    /// The combined PDF's title (`title:`; default: the jobs file's name without its extension).
    public var title: String?
    /// The report's title as its documents and messages say it: `title:`, else the jobs file's name.
    public var reportTitle: String { title ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent }
    /// The combined PDF's page (`page:`).
    public var paper = DocumentPaper.default
    /// Saved OpenPanel dashboards to render after the charts (`dashboards:`), in file order.
    public var dashboards: [DashboardJob] = []
    /// The zone `{date}` in ``pdf`` is read in: the defaults' `timezone`, or UTC.
    public var timezone: String
    /// The longest one chart may take, waits and retries included (`chartTimeout`; `nil`: the front end's
    /// default, 120 s for `refchart report`).
    public var chartTimeout: Double?
    /// Every file the charts read and write, checked for collisions: a front end adds its own (the
    /// summary) before it runs anything.
    public var paths: PathLedger

    /// ``pdf`` with `{date}` filled in (the run's day in ``timezone``).
    /// - Throws: ``JobFileError`` when it does not end in `.pdf` or has another placeholder.
    public func pdfPath(now: Date) throws -> String? { try documentPath(pdf, key: "pdf", now: now) }

    /// ``html`` with `{date}` filled in, as ``pdfPath(now:)``; it must end in `.html`.
    public func htmlPath(now: Date) throws -> String? { try documentPath(html, key: "html", now: now) }

    /// A whole-report file's path (`pdf`, `html`) with `{date}` filled in; it must end in `.KEY`.
    private func documentPath(_ path: String?, key: String, now: Date) throws -> String? {
        guard let path else { return nil }
        guard path.lowercased().hasSuffix(".\(key)") else {
            throw JobFileError(file: file, message: "\"\(key)\" \(quoted(path, limit: 200)) must end in .\(key)")
        }
        let day = ISO8601.day(of: now, in: TimeZone(identifier: timezone) ?? .gmt)
        let filled = path.replacingOccurrences(of: "{date}", with: day)
        if let open = filled.firstIndex(of: "{"), filled[open...].contains("}") {
            throw JobFileError(file: file, message: "\"\(key)\" \(quoted(path, limit: 200)) has a placeholder other than {date}")
        }
        return filled
    }

    /// What messages call a jobs file read from standard input.
    public static let standardInputName = "standard input"

    /// The largest jobs file read: far above any real one (200 charts are about 20 kB), below a mistake.
    static let largestFile = 64 << 20

    /// Whether `path` names standard input: `-`, `/dev/stdin` or descriptor 0 under `/dev/fd` or `/proc`.
    public static func namesStandardInput(_ path: String) -> Bool {
        ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"].contains(path)
    }

    /// Reads and validates a jobs file (YAML or JSON).
    /// - Parameters:
    ///   - named: What messages call the file (by default `path`).
    ///   - folder: Where its relative paths start (by default the file's folder).
    /// - Throws: ``JobFileError`` naming the line and column of the first problem: YAML syntax, an unknown
    ///   or duplicate key, a duplicate chart name, a bad value, a missing output.
    public static func load(path: String, named: String? = nil, folder: String? = nil) throws -> ReportJob {
        let name = named ?? path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw JobFileError(file: name, message: "cannot read the jobs file (does it exist?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: largestFile + 1) ?? Data()
        } catch {
            throw JobFileError(file: name, message: "cannot read the jobs file: \(error.localizedDescription)")
        }
        return try parse(data, file: name, folder: folder)
    }

    /// Parses a jobs file's text; `file` names it in errors and anchors its relative paths.
    public static func parse(_ text: String, file: String) throws -> ReportJob {
        try JobFileParser(file: file).parse(text)
    }

    /// Parses a jobs file's bytes: UTF-8, at most 64 MB.
    static func parse(_ data: Data, file: String, folder: String?) throws -> ReportJob {
        guard data.count <= largestFile else {
            throw JobFileError(file: file, message: "is larger than \(largestFile >> 20) MB: is this the jobs file?")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JobFileError(file: file, message: "is not UTF-8 text")
        }
        return try JobFileParser(file: file, folder: folder.map { URL(fileURLWithPath: $0, isDirectory: true) }).parse(text)
    }

    /// The names of the charts, in file order.
    public var names: [String] { charts.map { $0.name ?? "" } }
}
