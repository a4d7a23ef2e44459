/// An RFC 4180 tokenizer over a byte stream fed in chunks of any size.
///
/// Handles quoted fields (delimiters, doubled quotes and newlines inside quotes), CRLF and LF line ends.
/// A record's fields are handed to the caller as byte ranges into one reused buffer, so no `String` is
/// built per field.
struct CSVTokenizer {
    /// The field delimiter byte (`,`, `;` or tab).
    let delimiter: UInt8
    private var record: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var inQuotes = false
    private var quoteClosed = false
    private var fieldStarted = false
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1
    private static let quote: UInt8 = 0x22
    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        record.reserveCapacity(4096)
        fieldEnds.reserveCapacity(64)
    }

    /// Tokenizes a chunk, calling `onRecord` for every complete record in it.
    mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>, onRecord: (borrowing CSVRecord) throws -> Void
    ) throws {
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.plainFieldLimit) { ends in
            var index = 0
            while index < chunk.count {
                if record.isEmpty && fieldEnds.isEmpty && !fieldStarted && !inQuotes && !quoteClosed,
                    let next = try Self.plainBytes.withUnsafeBufferPointer({ plain in
                        try plainRecord(chunk, from: index, ends: ends, plain: plain, onRecord)
                    })
                {
                    index = next
                } else {
                    index = try bytewise(chunk, from: index, onRecord)
                }
            }
        }
    }

    /// Records with more fields take the byte-by-byte path.
    private static let plainFieldLimit = 512

    /// 1 for bytes that are never special to the plain path (anything but a delimiter, line end or quote):
    /// one load and test per byte instead of five comparisons.
    private static let plainBytes: [UInt8] = (0...255).map { [0x0A, 0x0D, 0x22, 0x2C, 0x3B, 0x09].contains($0) ? 0 : 1 }

    /// A whole record without quotes or stray carriage returns that lies inside the chunk, handed over
    /// in place: no byte is copied. Returns where the next record starts, or nil to read the record byte
    /// by byte (it has a quote, or runs past the chunk, or has more fields than `ends` holds). Copying
    /// every byte into `record` (an append and a uniqueness check per byte) was a third of a 1M-row parse;
    /// field ends go to a fixed buffer for the same reason.
    private mutating func plainRecord(
        _ chunk: UnsafeBufferPointer<UInt8>, from start: Int, ends: UnsafeMutableBufferPointer<Int>,
        plain: UnsafeBufferPointer<UInt8>, _ onRecord: (borrowing CSVRecord) throws -> Void
    ) throws -> Int? {
        var index = start
        var fields = 0
        while index < chunk.count {
            let byte = chunk[index]
            if plain[Int(byte)] != 0 {
                index += 1
                continue
            }
            if byte == delimiter {
                guard fields + 1 < ends.count else { return nil }
                ends[fields] = index - start
                fields += 1
            } else if byte == Self.newline {
                let end = index > start && chunk[index - 1] == Self.carriageReturn ? index - 1 : index
                ends[fields] = end - start
                fields += 1
                try emit(UnsafeBufferPointer(rebasing: chunk[start..<end]), ends: UnsafeBufferPointer(rebasing: ends[..<fields]), onRecord)
                line += 1
                recordLine = line
                return index + 1
            } else if byte == Self.quote
                || (byte == Self.carriageReturn && (index + 1 == chunk.count || chunk[index + 1] != Self.newline))
            {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Reads byte by byte from `start` until a record ends (returning the index after its newline) or the
    /// chunk does; the record so far is kept in `record` across chunks.
    private mutating func bytewise(
        _ chunk: UnsafeBufferPointer<UInt8>, from start: Int, _ onRecord: (borrowing CSVRecord) throws -> Void
    ) throws -> Int {
        for index in start..<chunk.count {
            let byte = chunk[index]
            if inQuotes {
                if byte == Self.quote {
                    inQuotes = false
                    quoteClosed = true
                } else {
                    if byte == Self.newline { line += 1 }
                    record.append(byte)
                }
                continue
            }
            if byte == delimiter {
                fieldEnds.append(record.count)
                record.append(delimiter)  // kept, so fields are one byte apart in both paths
                fieldStarted = false
                quoteClosed = false
            } else if byte == Self.newline {
                try endRecord(onRecord)
                line += 1
                recordLine = line
                return index + 1
            } else if byte == Self.quote {
                if quoteClosed {  // a doubled quote inside a quoted field
                    record.append(Self.quote)
                    inQuotes = true
                    quoteClosed = false
                } else if !fieldStarted {
                    inQuotes = true
                    fieldStarted = true
                    quoteLine = line
                } else {
                    record.append(Self.quote)  // a stray quote inside an unquoted field: keep it as text
                }
            } else if byte != Self.carriageReturn {
                record.append(byte)
                fieldStarted = true
                quoteClosed = false
            }
        }
        return chunk.count
    }

    /// Whether the bytes so far end a record: outside quotes, with nothing of a next record read.
    var atRecordStart: Bool { record.isEmpty && fieldEnds.isEmpty && !fieldStarted && !inQuotes && !quoteClosed }

    /// The line the next record starts on.
    var nextLine: Int { line }

    /// Ends the input: emits a last record without a trailing newline.
    /// - Throws: ``InputError``-shaped `CSVTokenizerError` when a quoted field is never closed.
    mutating func finish(onRecord: (borrowing CSVRecord) throws -> Void) throws {
        if inQuotes { throw CSVTokenizerError(line: quoteLine) }
        try endRecord(onRecord)
    }

    private mutating func endRecord(_ onRecord: (borrowing CSVRecord) throws -> Void) throws {
        fieldEnds.append(record.count)
        defer {
            record.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            fieldStarted = false
            quoteClosed = false
        }
        try record.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { try emit(bytes, ends: $0, onRecord) }
        }
    }

    /// Hands a record to the caller, unless it is blank: a line of nothing but spaces (or, in a
    /// tab-separated file, tabs) is a blank line, not a row.
    private func emit(
        _ bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, _ onRecord: (borrowing CSVRecord) throws -> Void
    ) throws {
        let blank = (ends.count == 1 || delimiter == 0x09) && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if blank { return }
        try onRecord(CSVRecord(line: recordLine, bytes: bytes, ends: ends))
    }
}

/// A quoted field that is never closed.
struct CSVTokenizerError: Error {
    /// The line on which the quoted field starts.
    let line: Int
}

/// One record of a CSV file; its fields point into the chunk or the tokenizer's buffer and live only during
/// the callback. `ends[k]` is where field `k` ends: the delimiter's offset, or the record's length.
struct CSVRecord: ~Copyable {
    /// The line the record starts on (1-based).
    let line: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    /// The number of fields.
    var count: Int { ends.count }

    /// The bytes of field `index`, with surrounding spaces and tabs trimmed.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        var start = index == 0 ? 0 : ends[index - 1] + 1  // past the delimiter
        var end = ends[index]
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Field `index` as a `String` (for headers and error messages).
    func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }
}
