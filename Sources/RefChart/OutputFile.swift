import Foundation

/// Where an output goes: standard output for `-`, otherwise a file written atomically.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard path == "-" else { return try AtomicFile.write(bytes, to: path) }
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            throw ChartError("cannot write to standard output: \(error.localizedDescription)")
        }
    }
}
