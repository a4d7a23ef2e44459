import Foundation
import RefChartRender
import RefChartReport
import Testing

/// E-mail delivery (issue 26) through a real SMTP server on loopback (Python's aiosmtpd, STARTTLS required,
/// AUTH, the first DATA refused with 451): retried once, delivered once; the message parsed back — MIME
/// structure, inline PNGs that decode and that the HTML names by `cid:`, the PDF attached.
@Suite(.serialized) struct EmailDeliveryTests {
    /// A running SMTP server: its port and the folder it stores messages in.
    struct Server {
        let process: Process
        let port: Int
        let folder: URL
        let certificate: URL

        /// A `deliver:` entry for this server, the credentials from SMTP_USER and SMTP_PASSWORD.
        func destination(to recipients: String) -> String {
            """
              - name: team-mail
                type: email
                smtp: 127.0.0.1:\(port)
                caFile: \(certificate.path)
                from: reports@example.com
                to: \(recipients)
                userEnv: SMTP_USER
                passwordEnv: SMTP_PASSWORD

            """
        }
    }

    /// Starts the server, or `nil` (said) where python3 with aiosmtpd or openssl is missing.
    static func start() throws -> Server? {
        // The first python3 on PATH that has aiosmtpd (scripts/test.sh installs it into the PATH's python3).
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"]
        let python = path.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate) && (try? CLIRunner.runTool(candidate, ["-c", "import aiosmtpd"]).status) == 0
        }
        guard let python, FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            print("EmailDeliveryTests: python3 with aiosmtpd or openssl is missing (scripts/test.sh installs them): skipped")
            return nil
        }
        let folder = try TestSupport.temporaryDirectory()
        let (cert, key) = (folder.appendingPathComponent("cert.pem"), folder.appendingPathComponent("key.pem"))
        let made = try CLIRunner.runTool(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.path, "-out", cert.path,
            ])
        #expect(made.status == 0, "\(made.output)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestSupport.fixture("smtp_server.py"), cert.path, key.path, folder.path, "reports", "p4ss w0rd"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: out.fileHandleForReading.availableDataUntilNewline(), as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            Issue.record("the SMTP server did not start: \(line)")
            return nil
        }
        return Server(process: process, port: port, folder: folder, certificate: cert)
    }

    @Test func anEmailIsRetriedAfterA451AndDeliveredOnceWithChartsInlineAndThePDFAttached() async throws {
        guard let server = try Self.start() else { return }
        defer { server.process.terminate() }
        let dir = try DeliveryTests.workspace(
            deliver: server.destination(to: "[team@example.com, lead@example.com]") + "    subject: \"{name} — {period}\"\n")
        let environment = ["SMTP_USER": "reports", "SMTP_PASSWORD": "p4ss w0rd"]
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "summary.json"], in: dir, environment: environment)
        #expect(result.status == 1, "the broken chart fails the run, the rest is delivered: \(result.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.deliveries?.first?.status == .sent, "\(String(describing: summary.deliveries))")
        #expect(try String(contentsOf: server.folder.appendingPathComponent("attempts"), encoding: .utf8) == "2", "a 451 after DATA, then the retry")
        let stored = try FileManager.default.contentsOfDirectory(atPath: server.folder.path).filter { $0.hasSuffix(".eml") }
        #expect(stored.count == 1)
        let envelope = try String(contentsOf: server.folder.appendingPathComponent(stored[0] + ".envelope"), encoding: .utf8)
        #expect(envelope == "reports@example.com\nteam@example.com\nlead@example.com\n")
        let message = try String(contentsOf: server.folder.appendingPathComponent(stored[0]), encoding: .utf8)
        let parts = MIMEParts(message)
        #expect(parts.header("Subject")?.hasPrefix("=?UTF-8?B?") == true, "the dash is not ASCII: RFC 2047")
        #expect(parts.header("Content-Type")?.hasPrefix("multipart/mixed") == true && parts.header("Message-ID")?.hasSuffix("@refchart>") == true)
        let types = parts.leaves.map(\.type)
        #expect(types.filter { $0.hasPrefix("text/plain") }.count == 1 && types.filter { $0.hasPrefix("text/html") }.count == 1)
        #expect(types.filter { $0 == "application/pdf" }.count == 1)
        let images = parts.leaves.filter { $0.type == "image/png" }
        #expect(images.count == 2, "the two charts that rendered")
        let html = String(decoding: try #require(parts.leaves.first { $0.type.hasPrefix("text/html") }?.body), as: UTF8.self)
        for image in images {
            let decoded = try DecodedImage(png: [UInt8](image.body))
            #expect(decoded.width == 1200 || decoded.width == 800)
            let cid = try #require(image.headers["content-id"]).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            #expect(html.contains("cid:\(cid)"))
        }
        #expect(html.contains("Impact of the references") && html.contains("broken"))
        #expect(try #require(parts.leaves.first { $0.type == "application/pdf" }).body.starts(with: Array("%PDF-".utf8)))
        #expect(!result.stderr.contains("p4ss"), "the password never shows")
        // Again for the same period: recorded, not sent.
        let again = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "-", "--quiet"], in: dir, environment: environment)
        let second = try JSONDecoder().decode(ReportSummary.self, from: again.stdout)
        #expect(second.deliveries?.first?.status == .skipped, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: server.folder.path).filter { $0.hasSuffix(".eml") }.count == 1)
    }

    /// (aiosmtpd leaves a refused login hanging until curl's time-out, so this one takes ~25 s.)
    @Test func aWrongPasswordIsAFailureNamedWithoutThePassword() async throws {
        guard let server = try Self.start() else { return }
        defer { server.process.terminate() }
        let dir = try DeliveryTests.workspace(deliver: server.destination(to: "team@example.com"))
        let result = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--quiet", "--summary", "summary.json"], in: dir,
            environment: ["SMTP_USER": "reports", "SMTP_PASSWORD": "wrong-secret"])
        #expect(result.status == 1 && result.stderr.contains("delivery to team-mail failed: "), "[\(result.stderr)]")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.deliveries?.first?.status == .failed)
        #expect(!result.stderr.contains("wrong-secret"))
    }
}

/// A MIME message's top headers and its leaf parts (nested multiparts walked), bodies base64-decoded.
struct MIMEParts {
    struct Leaf {
        var type: String
        var headers: [String: String]
        var body: Data
    }

    private(set) var top: [String: String] = [:]
    private(set) var leaves: [Leaf] = []

    init(_ message: String) {
        let (headers, body) = Self.split(message)
        top = headers
        walk(headers: headers, body: body)
    }

    func header(_ name: String) -> String? { top[name.lowercased()] }

    private mutating func walk(headers: [String: String], body: String) {
        let type = headers["content-type"] ?? "text/plain"
        guard type.hasPrefix("multipart/"), let range = type.range(of: "boundary=\"") else {
            let encoded = headers["content-transfer-encoding"] == "base64"
            let data = encoded ? Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""), options: []) ?? Data() : Data(body.utf8)
            leaves.append(Leaf(type: type.components(separatedBy: ";")[0], headers: headers, body: data))
            return
        }
        let boundary = String(type[range.upperBound...].prefix { $0 != "\"" })
        for chunk in body.components(separatedBy: "--\(boundary)").dropFirst() where !chunk.hasPrefix("--") {
            let (partHeaders, partBody) = Self.split(String(chunk.drop { $0 == "\r" || $0 == "\n" }))
            walk(headers: partHeaders, body: partBody.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    private static func split(_ text: String) -> ([String: String], String) {
        guard let end = text.range(of: "\r\n\r\n") else { return ([:], text) }
        var headers: [String: String] = [:]
        for line in text[..<end.lowerBound].components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (headers, String(text[end.upperBound...]))
    }
}

extension FileHandle {
    /// Reads until a newline (a child's first line of output).
    func availableDataUntilNewline() -> Data {
        var data = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { return data }
            data.append(byte)
        }
    }
}
