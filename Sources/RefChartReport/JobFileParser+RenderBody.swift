import Foundation
public import RefChart

/// A chart asked for in a request body (`refchart serve`'s `POST /v1/render`): the jobs file's chart keys,
/// JSON or YAML, but its data named only by the ids the config declares (`serve.sources`, and OpenPanel
/// projects the config uses) and no key that writes a file. A client never names a path or a URL.
extension JobFileParser {
    /// Keys a body may not have: they write files on the server.
    static let serverOnlyKeys: Set<String> = ["output", "layoutReport", "footnotesFile"]

    /// The chart `text` asks for, its sources replaced by the config's paths and URLs, validated.
    /// - Throws: ``JobFileError`` with the line, column and ``JobFileError/field`` at fault.
    func renderRequest(_ text: String, serve: ServeSettings, projects: Set<String>) throws -> ChartRequest {
        let root = try root(of: text)
        guard let root, let mapping = root.mapping else {
            throw error(at: root, "the body must be one chart: a mapping of chart keys, e.g. {\"csv\": \"pageviews\"}")
        }
        if let pair = mapping.first(where: { Self.serverOnlyKeys.contains($0.key.string ?? "") }) {
            throw fieldError(pair, "\(quoted(pair.key.string ?? "")) writes a file on the server: a body cannot set it; the image is the answer")
        }
        let pairs = try chartMapping(root, what: "the body")
        var request = try decode(pairs, at: root)
        request.name = request.name ?? "render"
        if let csv = request.csv {
            guard let location = serve.sources[csv] else { throw fieldError(pairs.pair("csv")!, unknownSource(csv, serve)) }
            request.csv = location
        }
        if let node = pairs["references"] {
            let items = node.sequence ?? [node]
            request.references = try zip(request.references, items).map { id, item in
                guard let location = serve.sources[id] else { throw error(at: item, field: "references", unknownSource(id, serve)) }
                return location
            }
        }
        if let project = request.openpanelProject, !projects.contains(project) {
            let known = projects.sorted().map { quoted($0) }.joined(separator: ", ")
            throw fieldError(
                pairs.pair("openpanelProject")!,
                "OpenPanel project \(quoted(project)) is not one this server draws (\(known.isEmpty ? "none" : known)): add it to serve.projects")
        }
        do {
            try request.validate()
            guard request.csv != nil || !request.events.isEmpty else {
                throw ChartRequestError(.csv, "is missing: name a source (serve.sources) or OpenPanel events with openpanelProject")
            }
        } catch let problem as ChartRequestError {
            let key = problem.field.stringValue
            throw error(at: pairs[key] ?? root, field: key, "\(problem)")
        }
        return request
    }

    private func unknownSource(_ id: String, _ serve: ServeSettings) -> String {
        let ids = serve.sources.keys.sorted().map { quoted($0) }.joined(separator: ", ")
        return "\(quoted(id, limit: 80)) is not a source of this server (\(ids.isEmpty ? "it declares none" : "sources: \(ids)")): "
            + "a body names the config's sources by id, never a path or a URL"
    }

    private func fieldError(_ pair: JobNode.Pair, _ message: String) -> JobFileError {
        error(at: pair.value, field: pair.key.string, message)
    }

    private func error(at node: JobNode?, field: String?, _ message: String) -> JobFileError {
        var problem = error(at: node, message)
        problem.field = field
        return problem
    }
}

extension ReportJob {
    /// The chart a `POST /v1/render` body asks for (see `serve.sources`), or why not, with its line, column
    /// and field.
    public func renderRequest(body: String) throws -> ChartRequest {
        let projects = Set(charts.compactMap(\.openpanelProject) + (serve?.projects ?? []))
        return try JobFileParser(file: "the request body", folder: URL(fileURLWithPath: folder))
            .renderRequest(body, serve: serve ?? ServeSettings(), projects: projects)
    }
}
