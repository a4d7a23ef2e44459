import Foundation
import RefChart

/// The jobs file's sections beside its charts: `deliver:` and `serve:`.
extension JobFileParser {
    /// `deliver:`: a list of destinations, each checked at its line and column.
    func deliveries(_ node: JobNode) throws -> [DeliveryTarget] {
        guard let entries = node.sequence, !entries.isEmpty else {
            throw error(at: node, "\"deliver\" must be a non-empty list of destinations (name, type, url or urlEnv, …)")
        }
        var seen: [String: JobNode] = [:]
        return try entries.map { entry in
            guard let mapping = entry.mapping else { throw error(at: entry, "a destination must be a mapping (name, type, url or urlEnv, …)") }
            try checkKeys(mapping, allowed: DeliveryTarget.keys, what: "destination key")
            func text(_ key: String) throws -> String? { try self.text(key, in: mapping) }
            guard let name = try text("name") else { throw error(at: entry, "this destination has no \"name\"") }
            guard name.range(of: "^[A-Za-z0-9._-]{1,100}$", options: .regularExpression) != nil, name != ".", name != ".." else {
                throw error(at: mapping["name"], "\"name\" must be 1 to 100 of A-Z a-z 0-9 . _ -")
            }
            if let first = seen[name] {
                throw error(at: mapping["name"], "the destination \(quoted(name)) is already named at line \(first.line): names must be unique")
            }
            seen[name] = mapping["name"]
            guard let type = try text("type") else { throw error(at: entry, "destination \(quoted(name)) has no \"type\" (webhook or slack)") }
            guard let kind = DeliveryTarget.Kind(rawValue: type) else {
                throw error(at: mapping["type"], "\"type\" must be webhook, slack, discord or email")
            }
            var target = DeliveryTarget(name: name, kind: kind)
            if kind == .email { return try email(target, mapping: mapping, entry: entry) }
            (target.urlEnv, target.secretEnv) = (try variable("urlEnv", in: mapping), try variable("secretEnv", in: mapping))
            if let url = try text("url") {
                guard kind == .webhook else {
                    throw error(
                        at: mapping["url"],
                        "a \(kind == .slack ? "Slack" : "Discord") webhook's URL is a secret: put it in the environment and name the variable with urlEnv"
                    )
                }
                guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                    throw error(at: mapping["url"], "\"url\" must be an http(s) URL")
                }
                target.url = url
            }
            guard (target.url == nil) != (target.urlEnv == nil) else {
                throw error(at: entry, "destination \(quoted(name)) needs exactly one of url and urlEnv")
            }
            if target.secretEnv != nil && kind != .webhook { throw error(at: mapping["secretEnv"], "\"secretEnv\" signs webhooks only") }
            if let value = try flag("onlyIfChanged", in: mapping) { target.onlyIfChanged = value }
            if let base = try text("publicBaseUrl") {
                guard let parsed = URL(string: base), ["http", "https"].contains(parsed.scheme ?? "") else {
                    throw error(at: mapping["publicBaseUrl"], "\"publicBaseUrl\" must be an http(s) URL")
                }
                target.publicBaseUrl = base
            }
            return target
        }
    }

    /// An e-mail destination's keys: the server, sender, recipients, subject, credentials' variables.
    private func email(_ base: DeliveryTarget, mapping: [JobNode.Pair], entry: JobNode) throws -> DeliveryTarget {
        var target = base
        func text(_ key: String) throws -> String? { try self.text(key, in: mapping) }
        for key in ["url", "urlEnv", "secretEnv", "publicBaseUrl"] where mapping[key] != nil {
            throw error(at: mapping[key], "\"\(key)\" is not for e-mail (smtp, tls, from, to, subject, userEnv, passwordEnv, caFile)")
        }
        guard let smtp = try text("smtp") else { throw error(at: entry, "destination \(quoted(target.name)) has no \"smtp\" (host:port)") }
        let parts = smtp.split(separator: ":")
        guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65_535).contains(port) else {
            throw error(at: mapping["smtp"], "\"smtp\" must be host:port, e.g. smtp.example.com:587")
        }
        target.smtp = smtp
        if port == 465 { target.tls = .implicit }
        if let tls = try text("tls") {
            guard let value = DeliveryTarget.TLS(rawValue: tls) else { throw error(at: mapping["tls"], "\"tls\" must be starttls, implicit or none") }
            target.tls = value
        }
        let address = "^[^@\\s<>]+@[^@\\s<>]+$"
        guard let from = try text("from"), from.range(of: address, options: .regularExpression) != nil else {
            throw error(at: mapping["from"] ?? entry, "destination \(quoted(target.name)) needs \"from\", an e-mail address")
        }
        target.from = from
        let recipients = (mapping["to"].map { $0.sequence ?? [$0] } ?? []).map { $0.string ?? "" }
        guard !recipients.isEmpty, recipients.allSatisfy({ $0.range(of: address, options: .regularExpression) != nil }) else {
            throw error(at: mapping["to"] ?? entry, "\"to\" must be an e-mail address or a list of them")
        }
        target.to = recipients
        if let subject = try text("subject") { target.subject = subject }
        (target.userEnv, target.passwordEnv) = (try variable("userEnv", in: mapping), try variable("passwordEnv", in: mapping))
        if let ca = try text("caFile") { target.caFile = resolve(ca) }
        if let value = try flag("onlyIfChanged", in: mapping) { target.onlyIfChanged = value }
        return target
    }

    /// The environment variable named at `key` (`nil` when absent): a name, never the secret itself.
    private func variable(_ key: String, in mapping: [JobNode.Pair]) throws -> String? {
        guard let name = try text(key, in: mapping) else { return nil }
        guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            throw error(at: mapping[key], "\"\(key)\" names an environment variable (letters, digits, _), not its value")
        }
        return name
    }

    /// `serve:`: how `refchart serve` listens and bounds its work.
    func serveSettings(_ node: JobNode) throws -> ServeSettings {
        guard let mapping = node.mapping else {
            throw error(at: node, "\"serve\" must be a mapping (listen, concurrency, queue, cacheEntries, deadline)")
        }
        try checkKeys(mapping, allowed: ServeSettings.keys, what: "serve key")
        var settings = ServeSettings()
        if let listen = try text("listen", in: mapping) {
            let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (0...65_535).contains(port) else {
                throw error(at: mapping["listen"], "\"listen\" must be host:port, e.g. 127.0.0.1:8080")
            }
            (settings.host, settings.port) = (String(parts[0]), port)
        }
        for (key, range) in [("concurrency", 1...256), ("queue", 0...100_000), ("cacheEntries", 0...1_000_000), ("rateLimit", 1...1_000_000)] {
            guard let raw = try text(key, in: mapping) else { continue }
            guard let value = Int(raw), range.contains(value) else {
                throw error(at: mapping[key], "\"\(key)\" must be \(range.lowerBound) to \(range.upperBound)")
            }
            switch key {
            case "concurrency": settings.concurrency = value
            case "queue": settings.queue = value
            case "rateLimit": settings.rateLimit = value
            default: settings.cacheEntries = value
            }
        }
        if let raw = try text("deadline", in: mapping) {
            guard let seconds = Double(raw), seconds > 0, seconds <= 3_600 else {
                throw error(at: mapping["deadline"], "\"deadline\" must be seconds, more than 0 and at most 3600")
            }
            settings.deadline = seconds
        }
        if let raw = try text("openPanelTTL", in: mapping) {
            guard let seconds = Double(raw), seconds >= 0, seconds <= 86_400 else {
                throw error(at: mapping["openPanelTTL"], "\"openPanelTTL\" must be seconds, 0 to 86400")
            }
            settings.openPanelTTL = seconds
        }
        if let raw = try text("accessLog", in: mapping) {
            guard let form = ServeSettings.AccessLog(rawValue: raw) else {
                throw error(at: mapping["accessLog"], "\"accessLog\" must be json, text or off")
            }
            settings.accessLog = form
        }
        if let node = mapping["sources"] { settings.sources = try serveSources(node) }
        if let node = mapping["projects"] {
            let projects = (node.sequence ?? [node]).compactMap(\.string).filter { !$0.isEmpty }
            guard !projects.isEmpty, projects.count == (node.sequence ?? [node]).count else {
                throw error(at: node, "\"projects\" must list OpenPanel project ids")
            }
            settings.projects = projects
        }
        if let node = mapping["tokens"] {
            let hashes = (node.sequence ?? [node]).map { $0.string?.lowercased() ?? "" }
            guard !hashes.isEmpty, hashes.allSatisfy({ $0.range(of: "^[0-9a-f]{64}$", options: .regularExpression) != nil }) else {
                throw error(
                    at: node, "\"tokens\" must list the SHA-256 of each token in hex (64 characters: printf %s TOKEN | sha256sum), not the tokens")
            }
            settings.tokenHashes = hashes
        }
        return settings
    }

    /// `serve.sources`: id → a CSV or references file (relative to the jobs file) or a CSV URL. A file must
    /// exist now, so a typo is found at start, not by the first client.
    private func serveSources(_ node: JobNode) throws -> [String: String] {
        guard let mapping = node.mapping, !mapping.isEmpty else {
            throw error(at: node, "\"sources\" must map ids to files, e.g. pageviews: pageviews.csv")
        }
        var sources: [String: String] = [:]
        for pair in mapping {
            guard let id = pair.key.string, id.range(of: "^[A-Za-z0-9_.-]{1,64}$", options: .regularExpression) != nil else {
                throw error(at: pair.key, "a source id is 1 to 64 letters, digits, _, . or -")
            }
            guard let location = pair.value.string, !location.isEmpty else {
                throw error(at: pair.value, "source \(quoted(id)) must be a file's path or a CSV URL")
            }
            if MetricSource.isURL(location) {
                sources[id] = location
                continue
            }
            let path = resolve(location)
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &folder), !folder.boolValue else {
                throw error(at: pair.value, "source \(quoted(id)): there is no file \(quoted(location))")
            }
            sources[id] = path
        }
        return sources
    }
}
