import Foundation
import RefChart

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One destination's HTTP request for a finished report, built before anything is sent (so a missing
/// secret or file is a clear failure, and `--dry-run` can say what would go).
struct DeliveryRequest: CustomStringConvertible {
    /// How it goes out.
    enum Transport {
        case http(URLRequest)
        /// An e-mail's message and its envelope.
        case mail(EmailMessage, Envelope)
    }

    /// Where and how an e-mail is sent.
    struct Envelope {
        var host: String
        var port: Int
        var tls: DeliveryTarget.TLS
        var from: String
        var to: [String]
        var user: String?
        var password: String?
        var caFile: String?
    }

    let transport: Transport
    /// What is sent, for the summary and `--dry-run`: never the URL or a secret.
    let description: String

    /// The header of a webhook's signature: `t=UNIX,v1=HEX`, HEX the HMAC-SHA256 of `UNIX.` and the body.
    static let signatureHeader = "X-Refchart-Signature"

    /// - Throws: ``ChartError`` naming the missing environment variable or file.
    init(target: DeliveryTarget, summary: ReportSummary, job: ReportJob, key: String, now: Date, environment: [String: String]) throws {
        if target.kind == .email {
            let message = try EmailMessage(summary: summary, job: job, target: target, key: key, now: now)
            func secret(_ name: String?) throws -> String? {
                guard let name else { return nil }
                guard let value = environment[name], !value.isEmpty else {
                    throw ChartError(OptionText("destination \(quoted(target.name)): $\(name) is not set"), kind: .request)
                }
                return value
            }
            let server = (target.smtp ?? "").split(separator: ":")
            let envelope = Envelope(
                host: String(server.first ?? ""), port: Int(server.last ?? "") ?? 587, tls: target.tls, from: target.from ?? "", to: target.to,
                user: try secret(target.userEnv), password: try secret(target.passwordEnv), caFile: target.caFile)
            transport = .mail(message, envelope)
            description =
                "an e-mail to \(target.to.count) recipient\(target.to.count == 1 ? "" : "s"), \(message.inlineImages) chart\(message.inlineImages == 1 ? "" : "s") inline"
                + (message.attachments > 0 ? ", the PDF attached" : "")
            return
        }
        let url: URL
        if let name = target.urlEnv {
            guard let value = environment[name], !value.isEmpty, let parsed = URL(string: value), parsed.scheme?.hasPrefix("http") == true else {
                throw ChartError(OptionText("destination \(quoted(target.name)): $\(name) holds no http(s) URL"), kind: .request)
            }
            url = parsed
        } else {
            guard let text = target.url, let parsed = URL(string: text) else {
                throw ChartError(OptionText("destination \(quoted(target.name)) has no url"), kind: .request)
            }
            url = parsed
        }
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.setValue("refchart/\(RefChartVersion.package)", forHTTPHeaderField: "User-Agent")
        request.setValue(key, forHTTPHeaderField: "Idempotency-Key")
        switch target.kind {
        case .webhook:
            var form = MultipartForm()
            let summaryJSON = try summary.json()
            form.add(name: "summary", fileName: "summary.json", type: "application/json", data: summaryJSON)
            var parts = ["summary"]
            // The files that were written: a PDF or HTML that failed is named in the summary part instead.
            let files = [
                ("pdf", summary.pdf.flatMap { $0.error == nil ? $0.path : nil }, "application/pdf"),
                ("html", summary.html.flatMap { $0.error == nil ? $0.path : nil }, "text/html"),
            ]
            for (name, path, type) in files {
                guard let path else { continue }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ChartError(OptionText("destination \(quoted(target.name)): the report's \(name) \(path) cannot be read"), kind: .io)
                }
                form.add(name: name, fileName: URL(fileURLWithPath: path).lastPathComponent, type: type, data: Array(data))
                parts.append("\(name) (\(data.count / 1024) kB)")
            }
            let body = form.body()
            request.httpBody = Data(body)
            request.setValue("multipart/form-data; boundary=\(form.boundary)", forHTTPHeaderField: "Content-Type")
            if let name = target.secretEnv {
                guard let secret = environment[name], !secret.isEmpty else {
                    throw ChartError(OptionText("destination \(quoted(target.name)): $\(name) (its signing secret) is not set"), kind: .request)
                }
                let stamp = String(Int(now.timeIntervalSince1970))
                let signature = SHA256.hex(SHA256.hmac(key: Array(secret.utf8), message: Array("\(stamp).".utf8) + body))
                request.setValue("t=\(stamp),v1=\(signature)", forHTTPHeaderField: Self.signatureHeader)
            }
            description = parts.joined(separator: ", ") + (target.secretEnv == nil ? ", unsigned" : ", signed")
        case .slack:
            let message = SlackMessage(summary: summary, job: job, publicBaseUrl: target.publicBaseUrl)
            request.httpBody = try JSONSerialization.data(withJSONObject: message.payload, options: [.sortedKeys])
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            description = "a message of \(message.blockCount) blocks"
        case .discord:
            // Discord takes a message of 2,000 characters and up to 10 files: the PDF, then the charts' PNGs.
            var form = MultipartForm()
            let text = SlackMessage.plainText(summary: summary, job: job)
            let payload = try JSONSerialization.data(withJSONObject: ["content": String(text.prefix(2_000))], options: [.sortedKeys])
            form.add(name: "payload_json", fileName: nil, type: "application/json", data: Array(payload))
            var files: [(String, String)] = []
            if let pdf = summary.pdf, pdf.error == nil { files.append((pdf.path, "application/pdf")) }
            files += summary.charts.compactMap { chart in chart.outputs.first { $0.lowercased().hasSuffix(".png") }.map { ($0, "image/png") } }
            for (k, (path, type)) in files.prefix(10).enumerated() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                form.add(name: "files[\(k)]", fileName: URL(fileURLWithPath: path).lastPathComponent, type: type, data: Array(data))
            }
            request.httpBody = Data(form.body())
            request.setValue("multipart/form-data; boundary=\(form.boundary)", forHTTPHeaderField: "Content-Type")
            description = "a message with \(min(files.count, 10)) file\(min(files.count, 10) == 1 ? "" : "s")"
        case .email: preconditionFailure("handled above")
        }
        transport = .http(request)
    }
}

/// A `multipart/form-data` body.
struct MultipartForm {
    let boundary = "refchart-" + UUID().uuidString
    private var parts: [UInt8] = []

    /// A part; with a file name, a file.
    mutating func add(name: String, fileName: String?, type: String, data: [UInt8]) {
        let file = fileName.map { "; filename=\"\($0.replacingOccurrences(of: "\"", with: "_"))\"" } ?? ""
        parts += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\(file)\r\nContent-Type: \(type)\r\n\r\n".utf8)
        parts += data + Array("\r\n".utf8)
    }

    func body() -> [UInt8] { parts + Array("--\(boundary)--\r\n".utf8) }
}
