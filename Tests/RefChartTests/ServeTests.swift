import Foundation
import RefChartRender
import Testing
import Yams

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `refchart serve` (issue 27) as a process on loopback: each route, the cache and its ETag (304), the
/// query checked like the CLI (400 naming the field, nothing but the allowed keys), 503 when every slot
/// and the queue are taken, a SIGTERM that lets an in-flight render finish.
@Suite struct ServeTests {
    /// A running server: its process and base URL.
    struct Server {
        let process: Process
        let url: URL
        let log: URL

        func get(_ path: String, headers: [String: String] = [:]) async throws -> (status: Int, headers: [String: String], body: Data) {
            try await send(path, headers: headers, body: nil)
        }

        func post(_ path: String, _ body: String) async throws -> (status: Int, headers: [String: String], body: Data) {
            try await send(path, headers: [:], body: Data(body.utf8))
        }

        private func send(
            _ path: String, headers: [String: String], body: Data?
        ) async throws -> (
            status: Int, headers: [String: String], body: Data
        ) {
            var request = URLRequest(url: URL(string: url.absoluteString + path)!, timeoutInterval: 60)
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            if let body { (request.httpMethod, request.httpBody) = ("POST", body) }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            var fields: [String: String] = [:]
            for (key, value) in http.allHeaderFields { fields["\(key)".lowercased()] = "\(value)" }
            return (http.statusCode, fields, data)
        }
    }

    /// Starts `refchart serve` on the sample data with `serve` settings, on a free port.
    static func start(_ serve: String = "  concurrency: 2\n  queue: 4\n") throws -> Server {
        let dir = try TestSupport.temporaryDirectory()
        let config = dir.appendingPathComponent("serve.yaml")
        try """
        serve:
        \(serve)defaults:
          csv: \(TestSupport.sample("pageviews.csv"))
          references: [\(TestSupport.sample("references.json"))]
          to: 2024-11-30T00:00:00Z
        charts:
          - name: pageviews
            title: Pageviews
            last: 90d
          - name: busy
            references: [\(TestSupport.sample("dense-references.json"))]
            from: 2024-09-01
        """.write(to: config, atomically: true, encoding: .utf8)
        let log = dir.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["serve", config.path, "--listen", "127.0.0.1:0"]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on (http://[0-9.:]+)"#, options: .regularExpression) {
                let address = text[range].replacingOccurrences(of: "listening on ", with: "")
                return Server(process: process, url: URL(string: address)!, log: log)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw URLError(.cannotConnectToHost)
    }

    @Test func chartsAreServedCachedAndCheckedLikeTheCLI() async throws {
        let server = try Self.start()
        defer { server.process.terminate() }
        let (health, ready) = (try await server.get("/healthz").status, try await server.get("/readyz").status)
        #expect(health == 200 && ready == 200)
        let listing = try await server.get("/v1/charts")
        #expect(String(decoding: listing.body, as: UTF8.self).contains(#""name":"pageviews""#))
        let first = try await server.get("/v1/charts/pageviews.png?last=30d&width=800&height=400")
        #expect(first.status == 200 && first.headers["content-type"] == "image/png")
        let image = try DecodedImage(png: [UInt8](first.body))
        #expect(image.width == 800 && image.height == 400)
        let etag = try #require(first.headers["etag"])
        // The same request: the same bytes from the cache; with its ETag, 304 and no body.
        let again = try await server.get("/v1/charts/pageviews.png?width=800&last=30d&height=400")
        #expect(again.body == first.body && again.headers["etag"] == etag)
        let unchanged = try await server.get("/v1/charts/pageviews.png?last=30d&width=800&height=400", headers: ["If-None-Match": etag])
        #expect(unchanged.status == 304 && unchanged.body.isEmpty)
        let svg = try await server.get("/v1/charts/pageviews.svg?theme=dark")
        #expect(svg.status == 200 && svg.headers["content-type"] == "image/svg+xml" && String(decoding: svg.body, as: UTF8.self).contains("<text"))
        let pdf = try await server.get("/v1/charts/pageviews.pdf")
        #expect(pdf.status == 200 && pdf.body.starts(with: Array("%PDF-".utf8)))
        // Refused: a bad value (the field named), a key that is not allowed (no file, no URL), no such chart.
        let narrow = try await server.get("/v1/charts/pageviews.png?width=5")
        #expect(narrow.status == 400 && String(decoding: narrow.body, as: UTF8.self).contains(#""field":"width""#))
        let file = try await server.get("/v1/charts/pageviews.png?csv=/etc/passwd")
        #expect(file.status == 400 && String(decoding: file.body, as: UTF8.self).contains(#""field":"csv""#))
        let window = try await server.get("/v1/charts/pageviews.png?last=soon")
        #expect(window.status == 400 && String(decoding: window.body, as: UTF8.self).contains("is not a duration"))
        let (missing, gif) = (try await server.get("/v1/charts/nope.png").status, try await server.get("/v1/charts/pageviews.gif").status)
        #expect(missing == 404 && gif == 404)
        let metrics = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
        #expect(
            metrics.contains(#"refchart_requests_total{route="/v1/charts/{file}",status="304"} 1"#)
                && metrics.contains("refchart_cache_hits_total 2"),
            "\(metrics)")
        #expect(metrics.contains("# TYPE refchart_render_seconds histogram") && metrics.contains(#"refchart_render_seconds_bucket{le="+Inf"} 3"#))
    }

    /// With `tokens:` (their SHA-256), charts need `Authorization: Bearer TOKEN`; the probes do not.
    @Test func tokensAreAskedForAndCheckedByTheirHash() async throws {
        let server = try Self.start("  tokens: [a81e611a041b13f078bf8ebe5dab4d4fd63fcc5594661c918bec093a2f416a7e]\n")
        defer { server.process.terminate() }
        let anonymous = try await server.get("/v1/charts/pageviews.png")
        #expect(anonymous.status == 401 && anonymous.headers["www-authenticate"] == "Bearer")
        #expect(String(decoding: anonymous.body, as: UTF8.self).contains("a bearer token is needed"))
        let wrong = try await server.get("/v1/charts/pageviews.png", headers: ["Authorization": "Bearer guess"])
        #expect(wrong.status == 401)
        let right = try await server.get("/v1/charts/pageviews.png", headers: ["Authorization": "Bearer s3cret-token"])
        #expect(right.status == 200 && right.headers["content-type"] == "image/png")
        #expect(try await server.get("/v1/charts").status == 401)
        let health = try await server.get("/healthz")
        #expect(health.status == 200)
        #expect(!((try? String(contentsOf: server.log, encoding: .utf8)) ?? "").contains("s3cret-token"), "the token is never logged")
    }

    /// The gallery at `/` in headless Chromium (where installed): no console message (its script runs
    /// under a hash-pinned CSP), and its controls taken from the page's query ask for the image with them
    /// (the same image asked for next is a cache hit).
    @Test func theGalleryAsksForTheImagesItsControlsSay() async throws {
        let server = try Self.start()
        defer { server.process.terminate() }
        let page = String(decoding: try await server.get("/").body, as: UTF8.self)
        #expect(page.contains(#"data-chart="pageviews""#) && page.contains("script-src 'sha256-"))
        guard let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            print("ServeTests: chromium is not installed (scripts/test.sh installs it): the gallery's browser check is skipped")
            return
        }
        let dir = try TestSupport.temporaryDirectory()
        let result = try CLIRunner.runTool(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--window-size=1300,1400",
                "--screenshot=\(dir.appendingPathComponent("gallery.png").path)", server.url.absoluteString + "/?theme=dark&last=30d",
            ])
        #expect(result.status == 0)
        let console = result.output.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "\(console)")
        let before = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
        let hits = Int(before.split(separator: "\n").first { $0.hasPrefix("refchart_cache_hits_total") }?.split(separator: " ").last ?? "") ?? -1
        _ = try await server.get("/v1/charts/pageviews.png?last=30d&theme=dark")
        let after = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
        #expect(after.contains("refchart_cache_hits_total \(hits + 1)"), "the browser asked for it first: \(after)")
    }

    @Test func aFullQueueIs503AndSIGTERMLetsTheRenderInFlightFinish() async throws {
        let server = try Self.start("  concurrency: 1\n  queue: 0\n  cacheEntries: 0\n")
        // Six at once, one slot and no queue: some are turned away at once, with Retry-After.
        let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for k in 0..<6 {
                group.addTask {
                    let answer = try await server.get("/v1/charts/busy.png?width=\(900 + k)")
                    return (answer.status, answer.headers["retry-after"])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.contains { $0.0 == 200 } && answers.contains { $0.0 == 503 && $0.1 == "1" }, "\(answers)")
        #expect(answers.allSatisfy { $0.0 == 200 || $0.0 == 503 })
        // A render in flight when SIGTERM comes is answered; then the process ends, status 0.
        async let inFlight = server.get("/v1/charts/busy.png?width=1300")
        // SIGTERM once the server is drawing it (its metrics say so), not before the connection is made.
        for _ in 0..<400 {
            let metrics = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
            if metrics.contains("refchart_renders_running 1") { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(server.process.processIdentifier, SIGTERM)
        let answer = try await inFlight
        #expect(answer.status == 200 && (try? DecodedImage(png: [UInt8](answer.body)))?.width == 1300)
        for _ in 0..<200 where server.process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.process.isRunning && server.process.terminationStatus == 0)
    }
}

/// The serve deployment samples, run as they are written: the systemd unit's ExecStart and the
/// Deployment's args start a server on the sample config that answers the probes' paths, and stops with
/// exit 0 on SIGTERM (the unit's KillSignal, the kubelet's).
@Suite struct ServeDeployFilesTests {
    @Test func theUnitAndTheDeploymentStartAServerThatAnswersTheirProbes() async throws {
        let unit = try DeployFilesTests.ini(try DeployFilesTests.text("refchart-serve.service"))
        let exec = try #require(unit["Service"]?["ExecStart"]?.first).split(separator: " ").map(String.init)
        #expect(exec.first == "/usr/local/bin/refchart" && exec.dropFirst().first == "serve")
        #expect(unit["Service"]?["KillSignal"] == ["SIGTERM"] && unit["Install"]?["WantedBy"] == ["multi-user.target"])
        let documents = try Yams.load_all(yaml: try DeployFilesTests.text("kubernetes-serve.yaml")).compactMap { $0 as? [String: Any] }
        #expect(documents.map { $0["kind"] as? String } == ["Deployment", "Service"])
        let pod = try #require(
            ((documents[0]["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let args = try #require(container["args"] as? [String])
        let readiness = try #require(((container["readinessProbe"] as? [String: Any])?["httpGet"] as? [String: Any])?["path"] as? String)
        let liveness = try #require(((container["livenessProbe"] as? [String: Any])?["httpGet"] as? [String: Any])?["path"] as? String)
        #expect(container["command"] == nil, "the image's entrypoint is refchart")
        // Each command line, with the sample config and a free port, as systemd and the kubelet would start it.
        for command in [Array(exec.dropFirst()), args] {
            var arguments = command.map { $0.hasSuffix("serve.yaml") ? TestSupport.sample("serve.yaml") : $0 }
            if let listen = arguments.firstIndex(of: "--listen") { arguments[listen + 1] = "127.0.0.1:0" }
            let log = try TestSupport.temporaryDirectory().appendingPathComponent("serve.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = arguments
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            var base: String?
            for _ in 0..<200 where base == nil {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                base = text.range(of: #"http://[0-9.:]+"#, options: .regularExpression).map { String(text[$0]) }
                if base == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let url = try #require(base, "no listening line")
            for path in [readiness, liveness, "/v1/charts/pageviews.png"] {
                let (_, response) = try await URLSession.shared.data(from: URL(string: url + path)!)
                #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(path)")
            }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }
}
