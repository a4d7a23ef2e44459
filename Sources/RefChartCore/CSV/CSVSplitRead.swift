import Dispatch
import Foundation

/// Reads a large CSV file on two cores: the first megabyte alone (header, time form, column kinds), then
/// the rest of the first half and the second half at once, the second from the first line break after the
/// middle — a guess, since a quoted field may hold line breaks. The guess is checked: the first half's reader
/// must end exactly on a record boundary there. When it does not (or the halves read a column differently,
/// or the second half fails), the second half is read again after the first, byte for byte as a single
/// reader would: the result and every error are those of the serial read.
enum CSVSplitRead {
    /// Files smaller than this are read on one core: a thread costs more than it saves.
    static let minimumBytes = 4 << 20

    /// Reads `path` (`size` bytes) in two halves at once; `nil` when the file is too small to split.
    static func read(path: String, size: Int, source: String, options: CSVOptions) throws -> MetricTable? {
        guard size >= minimumBytes, ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
        var head = CSVIngest(source: source, options: options)
        let prefix = min(CSVReader.chunkSize, size)
        try feed(&head, path: path, from: 0, to: prefix, source: source)
        guard let middle = try lineStart(path: path, after: max(prefix, size / 2), size: size, source: source),
            var fork = head.forkedAtRecordBoundary()
        else {
            try feed(&head, path: path, from: prefix, to: size, source: source)
            return try head.finish()
        }
        // Room for every row, estimated from the first megabyte's rows per byte (10 % spare).
        let rowsPerByte = Double(max(head.rowCount, 1)) / Double(prefix)
        head.reserve(rows: Int(Double(size) * rowsPerByte * 1.1))
        fork.reserve(rows: Int(Double(size - middle) * rowsPerByte * 1.1))
        // Each half is read by its own reader, owned by one task; the boxes only carry them across.
        let halves = [Half(head, from: prefix, to: middle), Half(fork, from: middle, to: size, isTail: true)]
        DispatchQueue.concurrentPerform(iterations: 2) { k in halves[k].run(path: path, source: source) }
        head = halves[0].ingest
        if let error = halves[0].error { throw error }
        fork = halves[1].ingest
        if halves[1].error == nil && head.boundary.atRecordStart && head.append(fork) {
            return try head.finish()
        }
        try feed(&head, path: path, from: middle, to: size, source: source)
        return try head.finish()
    }

    /// One half's reader and outcome. Unchecked `Sendable`: each box is touched by one task at a time
    /// (`concurrentPerform` returns only when both are done).
    private final class Half: @unchecked Sendable {
        var ingest: CSVIngest
        let range: Range<Int>
        let isTail: Bool
        var error: (any Error)?

        init(_ ingest: CSVIngest, from start: Int, to end: Int, isTail: Bool = false) {
            self.ingest = ingest
            range = start..<end
            self.isTail = isTail
        }

        func run(path: String, source: String) {
            do {
                try CSVSplitRead.feed(&ingest, path: path, from: range.lowerBound, to: range.upperBound, source: source)
                if isTail { try ingest.flush() }
            } catch {
                self.error = error
            }
        }
    }

    /// Feeds bytes `start..<end` of the file to `ingest` in chunks.
    static func feed(_ ingest: inout CSVIngest, path: String, from start: Int, to end: Int, source: String) throws {
        guard start < end else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(source: source, message: "cannot be read", hint: "is it a readable file?")
        }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(start))
        } catch {
            throw InputError(source: source, message: "reading failed: \(error.localizedDescription)")
        }
        try CSVReader.feed(&ingest, from: handle, limit: end - start, source: source)
    }

    /// The offset just after the first line break at or after `offset`; nil when there is none.
    private static func lineStart(path: String, after offset: Int, size: Int, source: String) throws -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var position = offset
        while position < size {
            try handle.seek(toOffset: UInt64(position))
            guard let window = try handle.read(upToCount: 1 << 16), !window.isEmpty else { return nil }
            if let newline = window.firstIndex(of: 0x0A) { return position + (newline - window.startIndex) + 1 }
            position += window.count
        }
        return nil
    }
}
