import Foundation
import RefChartCore

/// Paths made absolute and normal by their spelling alone (`a/./b/../c` → `a/c`), as
/// `URL.standardizedFileURL` makes them but without touching the disk: `URL(fileURLWithPath:)` stats the
/// path to learn whether it is a folder, and two stats per reference made a jobs file with 500,000
/// references take 7.6 s to `--check` (12 µs a stat on this machine).
public enum LexicalPath {
    /// `path` made absolute against `folder` (an absolute path), `.` and `..` and repeated slashes removed;
    /// `..` at the root stays at the root. A trailing slash is kept only when `keepingTrailingSlash`.
    public static func absolute(_ path: String, in folder: String, keepingTrailingSlash: Bool = false) -> String {
        let joined = path.hasPrefix("/") ? path : folder + "/" + path
        // Most paths are already normal: no `.` or `..` component, no doubled or trailing slash.
        if !joined.includes("/.") && !joined.includes("//") && !joined.hasSuffix("/") { return joined }
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        let normal = "/" + parts.joined(separator: "/")
        return keepingTrailingSlash && joined.hasSuffix("/") && normal != "/" ? normal + "/" : normal
    }

    /// The folder a path is in (`/a/b` → `/a`, `/a` → `/`), of a normal absolute path.
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component (`/a/b.png` → `b.png`) of a normal absolute path.
    static func name(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
