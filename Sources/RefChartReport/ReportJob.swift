import Foundation
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
///     pdf: out/weekly-{date}.pdf   # optional: every rendered chart, a page each
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

    /// The jobs file's path, as given.
    public var file: String
    /// Every chart, in file order, with the defaults applied and paths resolved.
    public var charts: [ChartRequest]
    /// How to reach OpenPanel.
    public var openPanel: OpenPanelSettings
    /// Where to write one PDF with every rendered chart, if anywhere (`{date}` allowed).
    public var pdf: String?
    /// The zone `{date}` in ``pdf`` is read in: the defaults' `timezone`, or UTC.
    public var timezone: String

    /// Reads and validates a jobs file (YAML or JSON).
    /// - Throws: ``JobFileError`` naming the line and column of the first problem: YAML syntax, an unknown
    ///   or duplicate key, a duplicate chart name, a bad value, a missing output.
    public static func load(path: String) throws -> ReportJob {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JobFileError(file: path, message: "cannot read the jobs file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JobFileError(file: path, message: "is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses a jobs file's text; `file` names it in errors and anchors its relative paths.
    public static func parse(_ text: String, file: String) throws -> ReportJob {
        try JobFileParser(file: file).parse(text)
    }

    /// The names of the charts, in file order.
    public var names: [String] { charts.map { $0.name ?? "" } }
}
