import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one assembly of a report's parts at a time: shards that finish together each try to assemble, one
/// at a time, in the order they create `.assemble.lock` (O_EXCL, atomic on a shared volume). A shard that
/// finds the lock held waits for it (the holder may have seen the parts before this shard's was written:
/// only a shard that looks after every part is written can be sure to see them all). A lock older than ten
/// minutes is a crashed assembler's and is taken over.
struct AssemblyLock {
    let path: String

    /// Takes the lock in `folder` (creating the folder), waiting while another process holds it; `nil`
    /// when it cannot be made at all (the folder is not writable).
    init?(folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: folder).appendingPathComponent(".assemble.lock").path
        while true {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
            if fd >= 0 {
                close(fd)
                return
            }
            guard errno == EEXIST else { return nil }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
            if Date().timeIntervalSince(modified) > 600 {
                try? FileManager.default.removeItem(atPath: path)
            } else {
                usleep(50_000)
            }
        }
    }

    func release() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
