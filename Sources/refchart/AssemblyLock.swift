import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one assembly of a report's parts at a time: shards that finish together each try to assemble, and
/// only the one that creates `.assemble.lock` (O_EXCL, atomic on a shared volume) does. A lock older than
/// ten minutes is a crashed assembler's and is taken over.
struct AssemblyLock {
    let path: String

    /// Takes the lock in `folder` (creating the folder); `nil` when another process holds it.
    init?(folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: folder).appendingPathComponent(".assemble.lock").path
        for _ in 0..<2 {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
            if fd >= 0 {
                close(fd)
                return
            }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
            guard Date().timeIntervalSince(modified) > 600 else { return nil }
            try? FileManager.default.removeItem(atPath: path)
        }
        return nil
    }

    func release() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
