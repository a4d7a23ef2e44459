import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers never see a partial one: a temporary file beside the target, then a rename.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically; with `allowingStandardOutput`, `-` means standard output.
    /// - Throws: A ``ChartError`` naming the path when the directory is missing or not writable.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, allowingStandardOutput: Bool) throws {
        guard allowingStandardOutput, path == "-" else { return try write(bytes, to: path) }
        do {
            try FileHandle.standardOutput.write(contentsOf: Array(bytes))
        } catch {
            throw ChartError("cannot write to standard output: \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `path` atomically.
    /// - Throws: A ``ChartError`` naming the path when the directory is missing or not writable.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ChartError("cannot write \(path): the directory \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw ChartError(String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ChartError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
