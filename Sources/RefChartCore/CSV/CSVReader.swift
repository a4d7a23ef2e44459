public import Foundation

/// Reads metrics from CSV: a header row, one time column and one or more numeric value columns.
///
/// Streams the input in 1 MiB chunks through a byte-level RFC 4180 tokenizer; only the parsed numbers
/// are kept (8 bytes per time and per value). See ``CSVOptions`` for what can be configured.
public enum CSVReader {
    static let chunkSize = 1 << 20

    /// Reads a CSV file, or standard input when `path` is `-`.
    /// - Parameter source: How errors name the input (default: `path`).
    /// - Throws: ``InputError`` with the file, line and column of the first problem.
    public static func read(path: String, source: String? = nil, options: CSVOptions = CSVOptions()) throws -> MetricTable {
        var options = options
        // Standard input cannot be read again, should its times turn out to need every row.
        if path == "-" { options.reduction = nil }
        return try readingWholeWhenNeeded(options) { try readOnce(path: path, source: source, options: $0) }
    }

    /// Reads with `options`, and again without reducing when the file turns out to need every row (times
    /// that go back or repeat: sorting, merging, a long file's series).
    private static func readingWholeWhenNeeded(_ options: CSVOptions, _ read: (CSVOptions) throws -> MetricTable) throws -> MetricTable {
        do {
            return try read(options)
        } catch is CSVReductionAbandoned {
            var whole = options
            whole.reduction = nil
            return try read(whole)
        }
    }

    private static func readOnce(path: String, source: String?, options: CSVOptions) throws -> MetricTable {
        let name = source ?? path
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(source: name, message: "no such file", hint: "check the path given to \(option: .csv)")
            }
            guard !isDirectory.boolValue, let opened = FileHandle(forReadingAtPath: path) else {
                throw InputError(source: name, message: "cannot be read", hint: "is it a readable file?")
            }
            handle = opened
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if let table = try CSVSplitRead.read(path: path, size: size, source: name, options: options) {
                try? handle.close()
                return table
            }
        }
        defer { if path != "-" { try? handle.close() } }
        var ingest = CSVIngest(source: name, options: options)
        try feed(&ingest, from: handle, source: name)
        return try ingest.finish()
    }

    /// Feeds `ingest` from `handle` in chunks until the end of the input or `limit` bytes.
    static func feed(_ ingest: inout CSVIngest, from handle: FileHandle, limit: Int = .max, source: String) throws {
        var left = limit
        while left > 0 {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: min(chunkSize, left))
            } catch {
                throw InputError(source: source, message: "reading failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            try chunk.withUnsafeBytes { try ingest.feed($0.bindMemory(to: UInt8.self)) }
            left -= chunk.count
        }
    }

    /// Reads CSV from bytes in memory; `source` names them in errors.
    public static func read(data: Data, source: String, options: CSVOptions = CSVOptions()) throws -> MetricTable {
        try readingWholeWhenNeeded(options) { try readOnce(data: data, source: source, options: $0) }
    }

    private static func readOnce(data: Data, source: String, options: CSVOptions) throws -> MetricTable {
        var ingest = CSVIngest(source: source, options: options)
        var offset = 0
        while offset < data.count {
            let end = min(offset + chunkSize, data.count)
            try data[offset..<end].withUnsafeBytes { try ingest.feed($0.bindMemory(to: UInt8.self)) }
            offset = end
        }
        return try ingest.finish()
    }

    /// Whether a `;`-separated file writes decimals with a comma (`12,5`), judged from the values in its
    /// first bytes: a comma between digits is a decimal comma there (it cannot be the delimiter), a dot
    /// between digits a decimal point. Other delimiters never take decimal commas by default.
    static func sniffDecimalComma(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        guard delimiter == 0x3B else { return false }
        var (commas, dots) = (0, 0)
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        let end = min(bytes.count, 1 << 16)
        guard let header = bytes[..<end].firstIndex(of: 0x0A), header + 2 < end else { return true }
        for k in (header + 2)..<(end - 1) where isDigit(bytes[k - 1]) && isDigit(bytes[k + 1]) {
            if bytes[k] == 0x2C { commas += 1 } else if bytes[k] == 0x2E { dots += 1 }
        }
        return commas > 0 ? commas >= dots : dots == 0
    }

    /// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes; `,` if none.
    static func sniffDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        for byte in bytes {
            if byte == 0x0A && !inQuotes { break }
            if byte == 0x22 { inQuotes.toggle() }
            if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        var best: UInt8 = 0x2C  // ties go to the earlier of `,` `;` tab
        for candidate: UInt8 in [0x3B, 0x09] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }
}
