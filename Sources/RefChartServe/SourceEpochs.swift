import Foundation
import RefChart

/// OpenPanel's answers (and downloaded CSV URLs) reused for `serve.openPanelTTL` seconds: every request in
/// one window of that length shares one ``SourceCache`` (each project's references fetched once), and the
/// window's number is part of the image cache's key, so an image drawn from OpenPanel is at most one TTL
/// old. The OpenPanel client itself, and its rate-limit pacer, lives across windows.
actor SourceEpochs {
    private let ttl: Double
    private let makeClient: @Sendable () throws -> OpenPanelClient
    private var index = Int.min
    private var sources: SourceCache?
    private var fresh = 0

    init(ttl: Double, makeClient: @escaping @Sendable () throws -> OpenPanelClient) {
        self.ttl = ttl
        self.makeClient = makeClient
    }

    /// The window `now` falls in and its sources. A TTL of 0 shares nothing: each call is a window.
    func current(_ now: Date) -> (index: Int, sources: SourceCache) {
        let window: Int
        if ttl > 0 {
            window = Int((now.timeIntervalSince1970 / ttl).rounded(.down))
        } else {
            fresh += 1
            window = fresh
        }
        if window != index || sources == nil {
            (index, sources) = (window, SourceCache(makeClient: makeClient))
        }
        return (index, sources!)
    }
}
