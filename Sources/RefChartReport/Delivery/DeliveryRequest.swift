import Foundation
import RefChart

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One destination's HTTP request for a finished report, built before anything is sent (so a missing
/// secret or file is a clear failure, and `--dry-run` can say what would go).
struct DeliveryRequest: CustomStringConvertible {
    let urlRequest: URLRequest
    /// What is sent, for the summary and `--dry-run`: never the URL or a secret.
    let description: String

    /// The header of a webhook's signature: `t=UNIX,v1=HEX`, HEX the HMAC-SHA256 of `UNIX.` and the body.
    static let signatureHeader = "X-Refchart-Signature"

    /// - Throws: ``ChartError`` naming the missing environment variable or file.
    init(target: DeliveryTarget, summary: ReportSummary, job: ReportJob, key: String, now: Date, environment: [String: String]) throws {
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
        }
        urlRequest = request
    }
}

/// A `multipart/form-data` body.
struct MultipartForm {
    let boundary = "refchart-" + UUID().uuidString
    private var parts: [UInt8] = []

    mutating func add(name: String, fileName: String, type: String, data: [UInt8]) {
        let safe = fileName.replacingOccurrences(of: "\"", with: "_")
        parts += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(safe)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        parts += data + Array("\r\n".utf8)
    }

    func body() -> [UInt8] { parts + Array("--\(boundary)--\r\n".utf8) }
}
