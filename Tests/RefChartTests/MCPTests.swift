import Foundation
import RefChartRender
import Testing

/// `refchart mcp` spoken to as an MCP client does: JSON-RPC 2.0, one message a line on the process's
/// stdin and stdout — initialize, tools/list, tools/call (a PNG decoded from the image content, the text
/// summary, and a refused value as an error result).
@Suite struct MCPTests {
    /// The server process and its two pipes.
    final class Session {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private var buffer = Data()
        private var next = 1

        init(config: String) throws {
            process.executableURL = CLIRunner.executable
            process.arguments = ["mcp", "--config", config]
            (process.standardInput, process.standardOutput, process.standardError) = (input, output, FileHandle.nullDevice)
            try process.run()
        }

        /// Sends a request and reads lines until its answer (notifications the server sends are skipped).
        func call(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
            let id = next
            next += 1
            try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
            while true {
                let message = try readMessage()
                if message["id"] as? Int == id { return message }
            }
        }

        func send(_ message: [String: Any]) throws {
            input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: message) + Data("\n".utf8))
        }

        private func readMessage() throws -> [String: Any] {
            while true {
                if let end = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<end]
                    buffer = Data(buffer[buffer.index(after: end)...])
                    guard !line.isEmpty else { continue }
                    return try #require(
                        try JSONSerialization.jsonObject(with: line) as? [String: Any], "not an object: \(String(decoding: line, as: UTF8.self))")
                }
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
                buffer += chunk
            }
        }

        func close() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    @Test func anAgentListsTheChartsAndGetsAPNGWithItsSummary() throws {
        let session = try Session(config: TestSupport.sample("serve.yaml"))
        let initialized = try session.call(
            "initialize", ["protocolVersion": "2025-03-26", "capabilities": [:], "clientInfo": ["name": "refchart-tests", "version": "1"]])
        let info = try #require((initialized["result"] as? [String: Any])?["serverInfo"] as? [String: Any])
        #expect(info["name"] as? String == "refchart")
        try session.send(["jsonrpc": "2.0", "method": "notifications/initialized"])
        let tools = try #require(((try session.call("tools/list"))["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        #expect(tools.compactMap { $0["name"] as? String } == ["list_charts", "render_chart"])
        let listed = try #require((try session.call("tools/call", ["name": "list_charts", "arguments": [:]]))["result"] as? [String: Any])
        let names = ((listed["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
        #expect(names.split(separator: "\n") == ["pageviews", "launches", "conversions"])

        let rendered = try #require(
            (try session.call("tools/call", ["name": "render_chart", "arguments": ["name": "launches", "width": 800, "impact": "true"]]))["result"]
                as? [String: Any])
        let content = try #require(rendered["content"] as? [[String: Any]])
        #expect(rendered["isError"] as? Bool != true)
        let image = try #require(content.first { $0["type"] as? String == "image" })
        #expect(image["mimeType"] as? String == "image/png")
        let png = try #require(Data(base64Encoded: image["data"] as? String ?? ""))
        let decoded = try DecodedImage(png: [UInt8](png))
        #expect(decoded.width == 800 && decoded.height >= 600)
        let summary = try #require(content.first { $0["type"] as? String == "text" }?["text"] as? String)
        #expect(summary.hasPrefix("launches: ") && summary.contains("references") && summary.contains("Impact: "), "\(summary)")

        let refused = try #require(
            (try session.call("tools/call", ["name": "render_chart", "arguments": ["name": "launches", "width": 5]]))["result"] as? [String: Any])
        #expect(refused["isError"] as? Bool == true)
        #expect(((refused["content"] as? [[String: Any]])?.first?["text"] as? String)?.contains("\"width\" must be 100 to 16384") == true)
        let unknown = try #require(
            (try session.call("tools/call", ["name": "render_chart", "arguments": ["name": "nope"]]))["result"] as? [String: Any])
        #expect(unknown["isError"] as? Bool == true)
        session.close()
        #expect(session.process.terminationStatus == 0)
    }
}
