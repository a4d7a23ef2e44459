public import Foundation
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
    public static func read(_ location: String, options: CSVOptions = CSVOptions()) throws -> MetricTable {
        guard location.hasPrefix("http://") || location.hasPrefix("https://") else {
            return try CSVReader.read(path: location, options: options)
        }
        let file = try download(location)
        defer { try? FileManager.default.removeItem(at: file) }
        return try CSVReader.read(path: file.path, source: redacted(location), options: options)
    }

    /// `location` without a password or query string, which may carry credentials or tokens.
    static func redacted(_ location: String) -> String {
        guard var parts = URLComponents(string: location) else { return "the URL" }
        if parts.password != nil { parts.password = "***" }
        if parts.query != nil { parts.query = "…" }
        return parts.string ?? "the URL"
    }

    /// Downloads `location` to a temporary file.
    static func download(_ location: String) throws -> URL {
        let name = redacted(location)
        guard let url = URL(string: location), url.host != nil else {
            throw InputError(source: name, message: "is not a valid URL")
        }
        let box = DownloadResult()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url, timeoutInterval: downloadTimeout)
        request.setValue("text/csv, text/plain;q=0.9, */*;q=0.1", forHTTPHeaderField: "Accept")
        let task = URLSession.shared.downloadTask(with: request) { temporary, response, error in
            defer { done.signal() }
            if let error {
                box.set(.failure(InputError(source: name, message: "download failed: \(error.localizedDescription)")))
                return
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard (200..<300).contains(status), let temporary else {
                if let temporary { try? FileManager.default.removeItem(at: temporary) }
                box.set(.failure(InputError(source: name, message: "the server answered HTTP \(status)",
                                            hint: "check the URL and that it needs no login")))
                return
            }
            let kept = FileManager.default.temporaryDirectory.appendingPathComponent("refchart-\(UUID().uuidString).csv")
            do {
                try FileManager.default.moveItem(at: temporary, to: kept)
                box.set(.success(kept))
            } catch {
                box.set(.failure(InputError(source: name, message: "cannot keep the download: \(error.localizedDescription)")))
            }
        }
        task.resume()
        done.wait()
        return try box.get()
    }
}

/// The outcome of a download, handed from URLSession's queue to the waiting caller.
private final class DownloadResult: @unchecked Sendable {
    // Guarded by `lock`; written once by the completion handler before the semaphore is signalled.
    private let lock = NSLock()
    private var result: Result<URL, InputError> = .failure(InputError(source: "", message: "no answer"))

    func set(_ value: Result<URL, InputError>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        return try result.get()
    }
}
