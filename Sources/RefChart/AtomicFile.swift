import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers never see a partial one: a temporary file beside the target, then a rename.
///
/// A path that is a symbolic link is written through: the link's target is replaced and the link kept. A
/// FIFO or a character device (`/dev/stdout`, a pipe) is written directly, since it cannot be renamed
/// over. Temporary files are named `.NAME.PID.tmp`; ``removeTemporaryFiles()`` deletes this process's
/// (the CLI calls it on SIGINT and SIGTERM), and a write removes any left beside its target by a process
/// that no longer runs (a SIGKILL).
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically; with `allowingStandardOutput`, `-` means standard output.
    /// - Throws: A ``ChartError`` naming the path when the directory is missing or not writable.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, allowingStandardOutput: Bool) throws {
        guard allowingStandardOutput, path == "-" else { return try write(bytes, to: path) }
        do {
            try FileHandle.standardOutput.write(contentsOf: Array(bytes))
        } catch {
            throw ChartError("cannot write to standard output: \(describe(error))", kind: .io)
        }
    }

    /// Writes `bytes` to `path` atomically.
    /// - Throws: A ``ChartError`` naming the path when the directory is missing or not writable.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        try writeAll([(path, Array(bytes))])
    }

    /// Writes several files all or nothing: every temporary file first, then the renames, so a failure
    /// (a full disk, a missing folder) leaves none of them changed. `-` is standard output, written last.
    /// - Throws: A ``ChartError`` naming the path that could not be written.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws {
        var staged: [(temporary: String, target: String, shownAs: String)] = []
        var direct: [(path: String, bytes: [UInt8], shownAs: String)] = []
        defer {
            for file in staged {
                Registry.shared.remove(file.temporary)
                unlink(file.temporary)
            }
        }
        for (path, bytes) in files {
            if path == "-" {
                direct.append(("-", bytes, path))
            } else if let target = try stage(bytes, to: path) {
                staged.append((target.temporary, target.target, path))
            } else {
                direct.append((URL(fileURLWithPath: path).resolvingSymlinksInPath().path, bytes, path))
            }
        }
        for file in staged where rename(file.temporary, file.target) != 0 {
            throw ChartError("cannot write \(file.shownAs): \(String(cString: strerror(errno)))", kind: .io)
        }
        staged = []
        for file in direct {
            if file.path == "-" {
                do {
                    try FileHandle.standardOutput.write(contentsOf: file.bytes)
                } catch {
                    throw ChartError("cannot write to standard output: \(describe(error))", kind: .io)
                }
            } else {
                try writeDirectly(file.bytes, to: file.path, shownAs: file.shownAs)
            }
        }
    }

    /// Writes `bytes` to a temporary file beside `path`'s target; `nil` for a FIFO or a character device,
    /// which is written directly.
    private static func stage(_ bytes: [UInt8], to path: String) throws -> (temporary: String, target: String)? {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var status = stat()
        if stat(target.path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw ChartError("cannot write \(path): it is a directory; give a file name", kind: .io)
            case S_IFIFO, S_IFCHR: return nil
            default: break
            }
        }
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ChartError("cannot write \(path): the directory \(directory.path) does not exist", kind: .io)
        }
        removeLeftovers(beside: target)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        Registry.shared.insert(temporary.path)
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            Registry.shared.remove(temporary.path)
            try? FileManager.default.removeItem(at: temporary)
            throw ChartError("cannot write \(path): \(describe(error))", kind: .io)
        }
        return (temporary.path, target.path)
    }

    /// Counts `path` among this process's temporary files until ``forget(_:)``: a signal or the deadline
    /// deletes it with the others.
    public static func track(_ path: String) { Registry.shared.insert(path) }

    /// Deletes a file given to ``track(_:)`` and stops tracking it.
    public static func forget(_ path: String) {
        unlink(path)
        Registry.shared.remove(path)
    }

    /// Deletes the temporary files this process is writing (for a signal handler).
    public static func removeTemporaryFiles() {
        for path in Registry.shared.all() { unlink(path) }
    }

    private static func writeDirectly(_ bytes: some Collection<UInt8>, to path: String, shownAs name: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ChartError("cannot write \(name): it cannot be opened for writing", kind: .io)
        }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Array(bytes))
        } catch {
            throw ChartError("cannot write \(name): \(describe(error))", kind: .io)
        }
    }

    /// Removes `.NAME.PID.tmp` files beside `target` whose process is gone.
    private static func removeLeftovers(beside target: URL) {
        let prefix = ".\(target.lastPathComponent)."
        let directory = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(4)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory.appendingPathComponent(name).path) }
        }
    }

    /// Why the file system refused a write, as the system says it ("Permission denied", "No space left on
    /// device"); Foundation's own words only where it gives no cause.
    package static func describe(_ error: any Error) -> String {
        switch error {
        case let error as POSIXFailure: return String(cString: strerror(error.code))
        case let error as ChartError: return error.message
        case let error as CocoaError:
            if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(underlying.code)))
            }
            switch error.code {
            case .fileWriteOutOfSpace: return "no space left on the device"
            // The user this runs as may not write there (a service's user and a root-owned folder).
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied (check the folder's owner and mode)"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            default: return "the file system refused it"
            }
        default:
            let ns = error as NSError
            return ns.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(ns.code))) : error.localizedDescription
        }
    }

    private struct POSIXFailure: Error {
        var code: Int32
    }

    /// The temporary files being written, for the signal handler.
    private final class Registry: @unchecked Sendable {
        static let shared = Registry()
        // Guarded by `lock`.
        private let lock = NSLock()
        private var paths: Set<String> = []

        func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
        func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
        func all() -> [String] { lock.withLock { Array(paths) } }
    }
}
