import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file a run will read and write, checked before anything renders: no output may be an input
/// (a report once overwrote its own jobs file and CSVs, exit 0) or another output. Files are compared
/// by what they are, not how they are spelled: an existing file by device and inode (symbolic links
/// followed, hard links caught), a file still to be made by its folder's identity and its name, so
/// `out/../out/a.png`, a link to `out` and `./out/a.png` are one file.
public struct PathLedger: Sendable {
    private var uses: [String: PathUse] = [:]
    /// Each path's identity once found: a report's charts share a CSV and an output folder, and a stat of
    /// each for each of 10,221 charts was 17 % of a `--check`.
    private var identities: [String: String] = [:]
    /// Whether a chart's uses are named by the chart (`chart "a"'s …`), as a report with many names them.
    public var namesCharts: Bool

    /// An empty ledger.
    public init(namesCharts: Bool = false) {
        self.namesCharts = namesCharts
        folder = FileManager.default.currentDirectoryPath
    }

    /// The folder relative paths are in: the current one when the ledger was made (one `getcwd`, not
    /// one per path).
    private let folder: String

    /// Records `use`; returns the earlier use it collides with: the same file written twice, or read and
    /// written (reading one file twice is fine). Standard output may carry one document.
    public mutating func add(_ use: PathUse) -> PathUse? {
        let key = identity(use)
        if let earlier = uses[key], earlier.writes || use.writes { return earlier }
        if uses[key] == nil || use.writes { uses[key] = use }
        return nil
    }

    /// Records `uses` in order, throwing at the first collision.
    /// - Throws: ``ChartRequestError`` on the later use's field (``PathCollision`` for a use without one).
    public mutating func add(_ uses: [PathUse]) throws {
        for use in uses {
            if let earlier = add(use) { throw PathCollision(use: use, earlier: earlier).asRequestError }
        }
    }

    /// What the file at `use.path` is.
    private mutating func identity(_ use: PathUse) -> String {
        guard use.path != "-" else { return use.writes ? "stdout" : "stdin" }
        return identity(of: LexicalPath.absolute(use.path, in: folder))
    }

    private mutating func identity(of path: String) -> String {
        if let known = identities[path] { return known }
        var status = stat()
        let found: String
        if stat(path, &status) == 0 {
            found = "inode:\(status.st_dev):\(status.st_ino)"
        } else {
            let parent = LexicalPath.parent(path)
            found = parent != path ? identity(of: parent) + "/" + LexicalPath.name(path) : path
        }
        identities[path] = found
        return found
    }
}
