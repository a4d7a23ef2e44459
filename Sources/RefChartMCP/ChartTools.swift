import Foundation
import MCP
import RefChart
public import RefChartReport
import RefChartServe

/// `refchart mcp`: a jobs file's charts as Model Context Protocol tools on standard input and output, for an
/// agent that wants a chart image. Two tools: `list_charts` (names) and `render_chart` (a name and the
/// query overrides of `refchart serve` → the PNG as image content and a text summary of the references
/// drawn and their impact numbers). The same ``ChartService`` as `serve`: cached, bounded, checked.
///
/// Nothing else is written to standard output: it is the protocol's channel.
public struct ChartTools: Sendable {
    private let service: ChartService

    /// Tools over `job`'s charts (its `serve:` section bounds the work, as for `serve`).
    public init(job: ReportJob) { service = ChartService(job: job) }

    /// The overrides `render_chart` takes beside `name`, each with what it says.
    static let overrides: [(String, String)] = [
        ("from", "first instant drawn (ISO 8601 date or date-time)"), ("to", "last instant drawn"),
        ("last", "a window ending now, e.g. 7d, 12h, 6w, 3mo, 1y"), ("width", "pixels, 100 to 16384"),
        ("height", "pixels, 100 to 16384"), ("theme", "light or dark"), ("scale", "pixel density, 0.25 to 8 (2 for HiDPI)"),
        ("impact", "true: each reference's change of the series around it"), ("category", "only references of this category"),
    ]

    /// The tools, as `tools/list` gives them.
    var tools: [Tool] {
        var properties: [String: Value] = ["name": .object(["type": .string("string"), "description": .string("the chart's name")])]
        for (key, description) in Self.overrides {
            properties[key] = .object([
                "type": .string(["width", "height"].contains(key) ? "integer" : "string"), "description": .string(description),
            ])
        }
        return [
            Tool(
                name: "list_charts", description: "The charts this server can draw, by name.",
                inputSchema: .object(["type": .string("object"), "properties": .object([:])]),
                annotations: .init(readOnlyHint: true, openWorldHint: false)),
            Tool(
                name: "render_chart",
                description:
                    "Draws a configured chart as a PNG with its reference markers (launches, campaigns, releases) labelled, and says which references were drawn and their impact numbers.",
                inputSchema: .object(["type": .string("object"), "properties": .object(properties), "required": .array([.string("name")])]),
                annotations: .init(readOnlyHint: true, openWorldHint: false)),
        ]
    }

    /// Serves until the client closes standard input.
    public func run() async throws {
        let server = Server(name: "refchart", version: RefChartVersion.package, capabilities: .init(tools: .init(listChanged: false)))
        let tools = self.tools
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: tools) }
        await server.withMethodHandler(CallTool.self) { call in await self.call(call.name, call.arguments ?? [:]) }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }

    /// One tool call; a refused value or a failed chart is an error result the agent can read, not a
    /// protocol error.
    func call(_ name: String, _ arguments: [String: Value]) async -> CallTool.Result {
        switch name {
        case "list_charts":
            return .init(content: [.text(text: service.names.joined(separator: "\n"), annotations: nil, _meta: nil)], isError: false)
        case "render_chart":
            guard let chart = arguments["name"]?.stringValue else {
                return failure("render_chart needs \"name\": one of \(service.names.joined(separator: ", "))")
            }
            var query: [(String, String)] = []
            for (key, value) in arguments where key != "name" {
                guard
                    let text = value.stringValue ?? value.intValue.map(String.init) ?? value.doubleValue.map({ "\($0)" })
                        ?? value.boolValue.map(String.init)
                else { return failure("\(quoted(key)) must be a string, a number or true/false") }
                query.append((key, text))
            }
            do {
                let answer = try await service.chart(named: chart, format: .png, query: query)
                return .init(
                    content: [
                        .image(data: Data(answer.bytes).base64EncodedString(), mimeType: "image/png", annotations: nil, _meta: nil),
                        .text(text: answer.summary, annotations: nil, _meta: nil),
                    ], isError: false)
            } catch {
                return failure(error.message)
            }
        default:
            return failure("no tool \(quoted(name)): list_charts, render_chart")
        }
    }

    private func failure(_ message: String) -> CallTool.Result {
        .init(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
    }
}
