import Foundation
import RefChartLayout
import RefChartScene

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository root (this file is Tests/RefChartTests/TestSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func sample(_ name: String) -> String { root.appendingPathComponent("samples/\(name)").path }

    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/RefChartTests/Fixtures/\(name)").path
    }

    /// A fresh empty directory under the system's temporary directory, removed when the test process exits
    /// (set `REFCHART_KEEP_TEST_FILES=1` to keep them for a look).
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("refchart-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        ScratchFolders.shared.add(url)
        return url
    }

    static func seconds(_ iso: String) -> Double {
        ISO8601Probe.seconds(iso)
    }
}

/// Text metrics that need no fonts: every character is 7 px wide, a line is 14 px high.
struct FixedWidthMeasurer: TextMeasuring {
    func measure(_ text: String, font: FontSpec) -> Size {
        Size(width: Double(text.count) * font.size * 0.6, height: font.size * 1.2)
    }

    func baseline(_ text: String, font: FontSpec) -> Double { font.size * 0.95 }
}

/// A tiny deterministic random generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The test process's scratch folders, removed at exit.
final class ScratchFolders: @unchecked Sendable {
    static let shared = ScratchFolders()
    // Guarded by `lock`.
    private let lock = NSLock()
    private var folders: [URL] = []

    private init() {
        atexit { ScratchFolders.shared.removeAll() }
    }

    func add(_ url: URL) { lock.withLock { folders.append(url) } }

    func removeAll() {
        guard ProcessInfo.processInfo.environment["REFCHART_KEEP_TEST_FILES"] == nil else { return }
        for url in lock.withLock({ folders }) { try? FileManager.default.removeItem(at: url) }
    }
}
