import Foundation

/// What the charts of one pipeline share: one OpenPanel client (so one rate-limit pacer), each project's
/// references fetched once, each CSV URL downloaded once.
///
/// Concurrent requests for the same project or URL wait for the one fetch in flight rather than start
/// their own. Downloaded files are removed when the cache goes.
package actor SourceCache {
    private let makeClient: @Sendable () throws -> OpenPanelClient
    private var client: Result<OpenPanelClient, any Error>?
    private var projects: [String: Task<[Reference], any Error>] = [:]
    private var downloads: [String: Task<URL, any Error>] = [:]
    private var files: [URL] = []

    package init(makeClient: @escaping @Sendable () throws -> OpenPanelClient) {
        self.makeClient = makeClient
    }

    deinit {
        for file in files { try? FileManager.default.removeItem(at: file) }
    }

    /// The shared client, made on first use; a failure to make it (no credentials) is kept and rethrown.
    func openPanelClient() throws -> OpenPanelClient {
        if client == nil { client = Result { try makeClient() } }
        return try client!.get()
    }

    /// A project's references, fetched once.
    func references(project: String) async throws -> [Reference] {
        if let task = projects[project] { return try await task.value }
        let client = try openPanelClient()
        let task = Task { try await client.list(projectId: project) }
        projects[project] = task
        return try await task.value
    }

    /// A local copy of a CSV URL, downloaded once.
    func csvFile(_ location: String) async throws -> URL {
        if let task = downloads[location] { return try await task.value }
        let task = Task { try await MetricSource.download(location) }
        downloads[location] = task
        let file = try await task.value
        files.append(file)
        return file
    }
}
