public import Foundation
import OpenPanel

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where metrics come from: a CSV file, standard input (`-`) or an http(s) URL.
public enum MetricSource {
    /// The longest a URL download may take.
    public static let downloadTimeout: TimeInterval = 60

    /// Reads CSV metrics from `location`: a path, `-` for standard input, or an `http(s)://` URL (downloaded
    /// to a temporary file first, then streamed like a file).
    /// - Throws: ``InputError`` naming the location.
    public static func read(_ location: String, options: CSVOptions = CSVOptions()) async throws -> MetricTable {
        guard isURL(location) else {
            return try CSVReader.read(path: location, options: options)
        }
        let file = try await download(location)
        defer { try? FileManager.default.removeItem(at: file) }
        return try CSVReader.read(path: file.path, source: redacted(location), options: options)
    }

    /// Whether `location` is an http(s) URL rather than a path.
    package static func isURL(_ location: String) -> Bool {
        location.hasPrefix("http://") || location.hasPrefix("https://")
    }

    /// `location` without a password or query string, which may carry credentials or tokens.
    static func redacted(_ location: String) -> String {
        guard var parts = URLComponents(string: location) else { return "the URL" }
        if parts.password != nil { parts.password = "***" }
        if parts.query != nil { parts.query = "…" }
        return parts.string ?? "the URL"
    }

    /// Downloads `location` to a temporary file, which the caller removes.
    static func download(_ location: String) async throws -> URL {
        let name = redacted(location)
        guard let url = URL(string: location), url.host != nil else {
            throw InputError(source: name, message: "is not a valid URL")
        }
        var request = URLRequest(url: url, timeoutInterval: downloadTimeout)
        request.setValue("text/csv, text/plain;q=0.9, */*;q=0.1", forHTTPHeaderField: "Accept")
        return try await withCheckedThrowingContinuation { continuation in
            let task = URLSession.shared.downloadTask(with: request) { temporary, response, error in
                continuation.resume(with: keep(temporary, response: response, error: error, name: name))
            }
            task.resume()
        }
    }

    /// Moves a finished download out of URLSession's hands (it deletes its file when the handler returns).
    private static func keep(_ temporary: URL?, response: URLResponse?, error: (any Error)?, name: String) -> Result<URL, InputError> {
        if let error {
            var failure = InputError(source: name, message: "download failed: \(NetworkFailure.describe(error))")
            failure.failureKind = .network
            return .failure(failure)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status), let temporary else {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            var failure = InputError(
                source: name, message: "the server answered HTTP \(status)",
                hint: status >= 500 ? "the server failed; try again later" : "check the URL and that it needs no login")
            // A server's failure is the network's kind (exit 5, worth a retry); a 404 or 401 is the input's.
            if status >= 500 { failure.failureKind = .network }
            return .failure(failure)
        }
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("refchart-\(UUID().uuidString).csv")
        do {
            try FileManager.default.moveItem(at: temporary, to: kept)
            return .success(kept)
        } catch {
            return .failure(InputError(source: name, message: "cannot keep the download: \(error.localizedDescription)"))
        }
    }
}
