import Foundation
import OpenPanelMockServer
import RefChartCore
import RefChartReport
import Testing

/// Delivery (issue 26): a finished report sent to a signed webhook and to Slack over real HTTP on
/// loopback — retried after a 500 and delivered once, the signature verified here, never twice for one
/// period (the ledger), `onlyIfChanged` skipping unchanged inputs, `--dry-run` sending nothing.
@Suite(.serialized) struct DeliveryTests {
    @Test func sha256AndHMACMatchTheStandardVectors() {
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(SHA256.hash(long)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // RFC 4231, test cases 2 and 6 (a key longer than the block).
        #expect(
            SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let key = [UInt8](repeating: 0xaa, count: 131)
        #expect(
            SHA256.hex(SHA256.hmac(key: key, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// The document workspace (three charts, one failing) with `html:` and `deliver:` appended.
    static func workspace(deliver: String) throws -> URL {
        let dir = try ReportDocumentTests.workspace()
        let jobs = dir.appendingPathComponent("jobs.yaml")
        try (String(contentsOf: jobs, encoding: .utf8) + "\nhtml: out/report.html\nstateDir: state\ndeliver:\n" + deliver)
            .write(to: jobs, atomically: true, encoding: .utf8)
        return dir
    }

    @Test func aSignedWebhookIsRetriedAfterA500AndDeliveredOncePerPeriod() async throws {
        let hook = try await MockWebhookServer()
        defer { Task { await hook.stop() } }
        await hook.answer([500])
        let dir = try Self.workspace(
            deliver: "  - name: team-hook\n    type: webhook\n    url: \(hook.baseURL.absoluteString)/refchart\n    secretEnv: HOOK_SECRET\n")
        let environment = ["HOOK_SECRET": "s3cret-key"]
        let first = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "summary.json"], in: dir, environment: environment)
        #expect(first.status == 1, "the broken chart fails the run; the others are delivered: \(first.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.deliveries?.map(\.status) == [.sent], "\(String(describing: summary.deliveries))")
        let received = await hook.received
        #expect(received.count == 2, "a 500, then the retry")
        #expect(Set(received.map { $0.headers["idempotency-key"] ?? "" }).count == 1, "the retry is the same delivery")
        let taken = try #require(received.last)
        #expect(taken.path == "/refchart")
        // The signature: t=UNIX,v1=HMAC-SHA256(secret, "UNIX." + body), checked as a receiver would.
        let signature = try #require(taken.headers["x-refchart-signature"])
        let fields = Dictionary(
            uniqueKeysWithValues: signature.split(separator: ",").map { part -> (String, String) in
                let pair = part.split(separator: "=", maxSplits: 1)
                return (String(pair[0]), String(pair[1]))
            })
        let stamp = try #require(fields["t"])
        let expected = SHA256.hex(SHA256.hmac(key: Array("s3cret-key".utf8), message: Array("\(stamp).".utf8) + [UInt8](taken.body)))
        #expect(fields["v1"] == expected)
        #expect(abs(Double(stamp)! - Date().timeIntervalSince1970) < 600, "a timestamp against replays")
        // The parts: the summary (naming the failed chart), the PDF, the HTML.
        let body = String(decoding: taken.body, as: UTF8.self)
        #expect(body.contains("name=\"summary\"") && body.contains("name=\"pdf\"") && body.contains("name=\"html\""))
        #expect(body.contains("%PDF-") && body.contains("<!DOCTYPE html>") && body.contains("\"broken\""))
        #expect(!first.stderr.contains("s3cret-key") && !body.contains("s3cret-key"), "the secret never shows")
        // The same period again: the ledger says it was sent; nothing goes out.
        let again = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "-", "--quiet"], in: dir, environment: environment)
        let second = try JSONDecoder().decode(ReportSummary.self, from: again.stdout)
        #expect(
            second.deliveries?.first?.status == .skipped
                && second.deliveries?.first?.detail.contains("already sent for 2024-09-01/2024-11-30") == true)
        #expect(await hook.received.count == 2)
        // A missing secret is a failure of that destination, said without sending.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("state"))
        let unset = try await CLIRunner.runAsync(["report", "jobs.yaml", "--quiet"], in: dir)
        #expect(unset.stderr.contains("delivery to team-hook failed: destination \"team-hook\": $HOOK_SECRET (its signing secret) is not set"))
        #expect(await hook.received.count == 2)
    }

    @Test func slackGetsTheNumbersOnlyIfChangedAndDryRunSendsNothing() async throws {
        let slack = try await MockWebhookServer()
        defer { Task { await slack.stop() } }
        let dir = try Self.workspace(
            deliver:
                "  - name: growth-channel\n    type: slack\n    urlEnv: SLACK_URL\n    onlyIfChanged: true\n    publicBaseUrl: https://reports.example.com/weekly\n"
        )
        let environment = ["SLACK_URL": slack.baseURL.absoluteString + "/services/T000/B000/XXXX"]
        let dry = try await CLIRunner.runAsync(["report", "jobs.yaml", "--dry-run"], in: dir, environment: environment)
        #expect(dry.stderr.contains("would send to growth-channel (slack): a message of"), "\(dry.stderr)")
        #expect(await slack.received.isEmpty && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("state").path))
        _ = try await CLIRunner.runAsync(["report", "jobs.yaml", "--quiet"], in: dir, environment: environment)
        let message = try #require(await slack.received.first)
        let payload = try #require(try JSONSerialization.jsonObject(with: message.body) as? [String: Any])
        let blocks = try #require(payload["blocks"] as? [[String: Any]])
        let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(texts.first == "Growth weekly" && (payload["text"] as? String)?.contains("2 of 3 charts rendered, 1 failed") == true)
        #expect(texts.contains { $0.hasPrefix("*Impact*\n```") && $0.contains("Product Launch 2.0") })
        #expect(texts.contains { $0.contains("Not in this report:") && $0.contains("*broken*") })
        #expect("\(blocks.last ?? [:])".contains("https://reports.example.com/weekly/report.pdf|PDF"))
        #expect(!(message.headers["x-refchart-signature"] != nil), "Slack messages are not signed")
        // Another period (the window moves a day) over the same data and references: unchanged, not sent.
        let jobs = dir.appendingPathComponent("jobs.yaml")
        try String(contentsOf: jobs, encoding: .utf8).replacingOccurrences(of: "from: 2024-09-01", with: "from: 2024-09-02")
            .write(to: jobs, atomically: true, encoding: .utf8)
        let unchanged = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "-", "--quiet"], in: dir, environment: environment)
        let summary = try JSONDecoder().decode(ReportSummary.self, from: unchanged.stdout)
        #expect(summary.deliveries?.first?.status == .skipped && summary.deliveries?.first?.detail.contains("onlyIfChanged") == true)
        #expect(await slack.received.count == 1)
        #expect(!unchanged.stderr.contains("XXXX"), "the Slack URL is a secret")
    }

    @Test func discordGetsTheTextAndTheFiles() async throws {
        let discord = try await MockWebhookServer()
        defer { Task { await discord.stop() } }
        let dir = try Self.workspace(deliver: "  - name: ops\n    type: discord\n    urlEnv: DISCORD_URL\n")
        let result = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--quiet"], in: dir, environment: ["DISCORD_URL": discord.baseURL.absoluteString + "/api/webhooks/1/TOKEN"])
        #expect(result.status == 1 && !result.stderr.contains("TOKEN"), "\(result.stderr)")
        let message = try #require(await discord.received.first)
        let body = String(decoding: message.body, as: UTF8.self)
        #expect(body.contains("name=\"payload_json\"") && body.contains("**Growth weekly**") && body.contains("not in this report: broken"))
        #expect(body.contains("name=\"files[0]\"; filename=\"report.pdf\"") && body.contains("%PDF-"))
        #expect(body.contains("name=\"files[1]\"; filename=\"launches.png\"") && body.contains("name=\"files[2]\"; filename=\"busy.png\""))
    }

    @Test func destinationsAreCheckedAtTheirLine() async throws {
        let dir = try Self.workspace(deliver: "  - name: chan\n    type: slack\n    url: https://hooks.slack.com/services/T/B/X\n")
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--check"], in: dir)
        #expect(result.status == 64 && result.stderr.contains("a Slack webhook's URL is a secret"), "\(result.stderr)")
        #expect(!result.stderr.contains("hooks.slack.com/services/T/B/X"))
    }
}
