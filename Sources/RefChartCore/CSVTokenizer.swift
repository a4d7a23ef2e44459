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

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        record.reserveCapacity(4096)
        fieldEnds.reserveCapacity(64)
    }

    /// Tokenizes a chunk, calling `onRecord` for every complete record in it.
    mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>, onRecord: (borrowing CSVRecord) throws -> Void
    ) throws {
        let quote: UInt8 = 0x22
        let newline: UInt8 = 0x0A
        let carriageReturn: UInt8 = 0x0D
        for byte in chunk {
            if inQuotes {
                if byte == quote {
                    inQuotes = false
                    quoteClosed = true
                } else {
                    if byte == newline { line += 1 }
                    record.append(byte)
                }
                continue
            }
            if byte == delimiter {
                fieldEnds.append(record.count)
                fieldStarted = false
                quoteClosed = false
            } else if byte == newline {
                try endRecord(onRecord)
                line += 1
                recordLine = line
            } else if byte == quote {
                if quoteClosed {  // a doubled quote inside a quoted field
                    record.append(quote)
                    inQuotes = true
                    quoteClosed = false
                } else if !fieldStarted {
                    inQuotes = true
                    fieldStarted = true
                    quoteLine = line
                } else {
                    record.append(quote)  // a stray quote inside an unquoted field: keep it as text
                }
            } else if byte != carriageReturn {
                record.append(byte)
                fieldStarted = true
                quoteClosed = false
            }
        }
    }

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
        // A line of nothing but spaces (or, in a tab-separated file, tabs) is a blank line, not a row.
        let blank = (fieldEnds.count == 1 || delimiter == 0x09) && record.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if blank { return }
        try record.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in
                try onRecord(CSVRecord(line: recordLine, bytes: bytes, ends: ends))
            }
        }
    }
}

/// A quoted field that is never closed.
struct CSVTokenizerError: Error {
    /// The line on which the quoted field starts.
    let line: Int
}

/// One record of a CSV file; its fields point into the tokenizer's buffer and live only during the callback.
struct CSVRecord: ~Copyable {
    /// The line the record starts on (1-based).
    let line: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    /// The number of fields.
    var count: Int { ends.count }

    /// The bytes of field `index`, with surrounding spaces and tabs trimmed.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        var start = index == 0 ? 0 : ends[index - 1]
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
