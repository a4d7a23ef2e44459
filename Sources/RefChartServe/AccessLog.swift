import Foundation
import Logging
import RefChartReport

/// One line per request on standard error (`serve.accessLog`): method, route, status, bytes, milliseconds,
/// whether the cache answered. Through swift-log, so an embedding application can bootstrap its own
/// handler; `refchart serve` installs ``AccessLogHandler`` for the form the config asks.
///
/// Never a secret: not the query's values beyond the path, never a header (a bearer token is a header).
struct AccessLog: Sendable {
    let logger: Logger?

    init(_ form: ServeSettings.AccessLog) {
        logger = form == .off ? nil : Logger(label: "refchart.serve.access") { _ in AccessLogHandler(json: form == .json) }
    }

    /// - Parameter cache: `hit` or `miss` for a chart, `nil` for other routes.
    func request(method: String, route: String, path: String, status: Int, bytes: Int, milliseconds: Double, cache: String?) {
        guard let logger else { return }
        var metadata: Logger.Metadata = [
            "method": "\(method)", "route": "\(route)", "path": "\(path)", "status": "\(status)", "bytes": "\(bytes)",
            "ms": "\(String(format: "%.2f", milliseconds))",
        ]
        if let cache { metadata["cache"] = "\(cache)" }
        logger.info("request", metadata: metadata)
    }
}

/// Writes each entry as one JSON object (`{"time":…,"method":…}`) or as `time key=value …` text.
struct AccessLogHandler: LogHandler {
    let json: Bool
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds]))
        ]
        let entries = metadata.merging(event.metadata ?? [:]) { $1 }
        fields += entries.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        let line: String
        if json {
            let body = fields.map { "\"\($0.0)\":\(Self.jsonString($0.1))" }.joined(separator: ",")
            line = "{\(body)}\n"
        } else {
            line = fields.map { "\($0.0)=\($0.1.contains(" ") ? Self.jsonString($0.1) : $0.1)" }.joined(separator: " ") + "\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `text` as a JSON string, control characters escaped (a path cannot break the line).
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
