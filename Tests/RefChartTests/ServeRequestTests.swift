import Foundation
import RefChartRender
import Testing

/// `refchart serve`'s request surface beyond the configured images: `POST /v1/render` over the config's
/// sources only (a path, a URL or a key that writes a file refused, naming the field), the size limit, the
/// layout route, the rate limit, and the access log (one JSON line per request, never the token).
@Suite struct ServeRequestTests {
    static func serve(_ extra: String = "") -> String {
        """
          concurrency: 2
          sources:
            pageviews: \(TestSupport.sample("pageviews.csv"))
            launches: \(TestSupport.sample("references.json"))
        \(extra)
        """
    }

    @Test func aBodyDrawsOnlyTheConfigsSources() async throws {
        let server = try ServeTests.start(Self.serve())
        defer { server.process.terminate() }
        let drawn = try await server.post(
            "/v1/render?format=png", #"{"csv": "pageviews", "references": ["launches"], "theme": "dark", "width": 640, "height": 320}"#)
        #expect(drawn.status == 200 && drawn.headers["content-type"] == "image/png", "\(String(decoding: drawn.body, as: UTF8.self))")
        let image = try DecodedImage(png: [UInt8](drawn.body))
        // Taller than asked only when footnotes need the room.
        #expect(image.width == 640 && image.height >= 320)
        // Dark theme: the top-left corner is the dark background.
        let corner = image.pixel(x: 2, y: 2)
        #expect(corner.red < 60 && corner.green < 60 && corner.blue < 60, "\(corner)")
        // YAML works too, and the same body again is the cache's.
        let yaml = try await server.post("/v1/render?format=svg", "csv: pageviews\nreferences: launches\n")
        #expect(yaml.status == 200 && String(decoding: yaml.body, as: UTF8.self).contains("<svg"))
        let again = try await server.post("/v1/render?format=svg", "csv: pageviews\nreferences: launches\n")
        #expect(again.headers["x-cache"] == "hit" && again.body == yaml.body)
        // Refused with the field: a path, a URL, a key that writes on the server, a typo, a query key.
        let refusals: [(String, String, String)] = [
            (#"{"csv": "/etc/passwd"}"#, "csv", "is not a source of this server"),
            (#"{"csv": "pageviews", "references": ["../../etc/shadow"]}"#, "references", "never a path or a URL"),
            (#"{"csv": "https://169.254.169.254/latest/meta-data"}"#, "csv", "is not a source"),
            (#"{"csv": "pageviews", "output": "/tmp/owned.png"}"#, "output", "writes a file on the server"),
            (#"{"csv": "pageviews", "layoutReport": "/tmp/owned.json"}"#, "layoutReport", "writes a file"),
            (#"{"csv": "pageviews", "width": 5}"#, "width", "width"),
            (#"{"csv": "pageviews", "openpanelProject": "someone-elses"}"#, "openpanelProject", "is not one this server draws"),
        ]
        for (body, field, words) in refusals {
            let answer = try await server.post("/v1/render", body)
            let text = String(decoding: answer.body, as: UTF8.self)
            #expect(answer.status == 400 && text.contains(#""field":"\#(field)""#) && text.contains(words), "\(body): \(text)")
            #expect(!text.contains(TestSupport.root.path), "no server path in \(text)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/owned.png"))
        let typo = try await server.post("/v1/render", #"{"csv": "pageviews", "widht": 900}"#)
        #expect(typo.status == 400 && String(decoding: typo.body, as: UTF8.self).contains(#"did you mean \"width\"?"#))
        let notJSON = try await server.post("/v1/render", "[1, 2")
        #expect(notJSON.status == 400)
        let format = try await server.post("/v1/render?csv=x", #"{"csv": "pageviews"}"#)
        #expect(format.status == 400 && String(decoding: format.body, as: UTF8.self).contains(#""field":"format""#))
        let large = try await server.post("/v1/render", String(repeating: "a", count: 100_000))
        #expect(large.status == 413)
    }

    @Test func theLayoutRouteSaysWhereEachReferenceWent() async throws {
        let server = try ServeTests.start(Self.serve())
        defer { server.process.terminate() }
        let answer = try await server.get("/v1/charts/pageviews/layout?width=900")
        #expect(answer.status == 200 && answer.headers["content-type"] == "application/json")
        let report = try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
        #expect(report["width"] as? Double == 900)
        let references = try #require(report["references"] as? [[String: Any]])
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.sample("references.json"))))
        let listed = try #require((file as? [String: Any])?["data"] as? [Any])
        #expect(references.count == listed.count && references.allSatisfy { $0["state"] is String })
        // The image with the same overrides is the layout's render: a cache hit.
        let image = try await server.get("/v1/charts/pageviews.png?width=900")
        #expect(image.headers["x-cache"] == "hit")
        #expect(try await server.get("/v1/charts/nope/layout").status == 404)
    }

    @Test func theRateLimitIsPerTokenAndTheLogNamesNoToken() async throws {
        // Token "s3cret-token" and "other-token" (their SHA-256), 3 requests a minute each.
        let server = try ServeTests.start(
            Self.serve(
                "  rateLimit: 3\n  tokens: [a81e611a041b13f078bf8ebe5dab4d4fd63fcc5594661c918bec093a2f416a7e, "
                    + "b0ba7ff7fb1e3d8fe4d76cc68a4ab2ab55b5d2e0a5c7a6ed5bc8ecdc1f8d1c2a]\n"))
        defer { server.process.terminate() }
        var statuses: [Int] = []
        var retry: String?
        let started = Date()
        for _ in 0..<8 {
            let answer = try await server.get("/v1/charts", headers: ["Authorization": "Bearer s3cret-token"])
            statuses.append(answer.status)
            if answer.status == 429 { retry = answer.headers["retry-after"] }
        }
        // A token comes back every 20 s: a machine that stalls mid-test may earn one more, never many.
        let refills = Int(Date().timeIntervalSince(started) / 20) + 1
        #expect(Array(statuses.prefix(3)) == [200, 200, 200] && statuses.contains(429), "\(statuses)")
        #expect(statuses.filter { $0 == 200 }.count <= 3 + refills && statuses.allSatisfy { $0 == 200 || $0 == 429 }, "\(statuses)")
        #expect(Int(retry ?? "") ?? 0 >= 1, "Retry-After: \(retry ?? "none")")
        // Probes are never limited.
        #expect(try await server.get("/healthz").status == 200)
        let lines = try String(contentsOf: server.log, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("{") }
        let entries = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(entries.count == lines.count && entries.count >= 6, "\(lines)")
        let limited = entries.filter { $0["status"] == "429" }
        #expect(
            limited.count == statuses.filter { $0 == 429 }.count
                && limited.allSatisfy { $0["route"] == "/v1/charts" && $0["method"] == "GET" && $0["ms"] != nil })
        #expect(!lines.joined().contains("s3cret-token"))
    }
}
