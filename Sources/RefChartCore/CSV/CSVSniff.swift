/// Reads a file's first rows to decide how to read the rest (``CSVPlan``): the delimiter, lines above the
/// header, the names, the time column by its values, date parts, columns that only look like values.
///
/// Rules, not guesses one row deep: a column is the time only if nearly all its first cells read as times,
/// and among such columns the one with the most distinct times (then the widest span) wins, its name or
/// place only breaking ties — so a nearly constant `timestamp` (a model's run time) loses to `modeldate`.
enum CSVSniff {
    /// How much of the file decides: 256 KiB or 500 rows, whichever ends first (0.4 ms for 500 rows of
    /// 10 columns; the reader's 1M-row parse is 75 ms).
    static let sampleBytes = 256 << 10
    static let sampleRows = 500
    /// The share of a column's non-empty first cells that must read as times.
    static let timeShare = 0.95

    /// One record of the sample: its line and trimmed fields.
    typealias Row = (line: Int, fields: [String])

    /// Plans from the input's first bytes (`whole`: all of it, so its last line counts without a newline).
    static func plan(_ bytes: UnsafeBufferPointer<UInt8>, whole: Bool, options: CSVOptions, source: String) throws -> CSVPlan {
        let sample = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, sampleBytes)])
        let delimiter = options.delimiter ?? delimiter(of: sample)
        var plan = CSVPlan(delimiter: delimiter)
        var rows = records(sample, delimiter: delimiter, limit: sampleRows + 40, whole: whole && sample.count == bytes.count)
        let comments = rows.prefix { $0.fields.first?.hasPrefix("#") == true }.count
        if let skip = options.skipLines {
            rows.removeAll { $0.line <= skip }
            if skip > 0 { plan.notes.append("skipped \(skip) lines above the header (as asked)") }
        }
        if comments > 0 && options.skipLines == nil {
            rows.removeFirst(comments)
            plan.notes.append("skipped \(comments) comment line\(comments == 1 ? "" : "s") (#) above the header")
        }
        guard !rows.isEmpty else { return plan }
        let width = rowWidth(rows)
        var header = options.skipLines == nil ? headerIndex(rows, width: width) : 0
        if header > 0 {
            plan.notes.append(
                "skipped \(header) line\(header == 1 ? "" : "s") above the header (\(quoted(rows[0].fields.joined(separator: " "), limit: 40)): "
                    + "\(header == 1 ? "its" : "their") field count differs from the rows below)")
        }
        var names = rows[header].fields
        if !options.columnNames.isEmpty {
            guard options.columnNames.count == width else {
                throw InputError(
                    source: source, line: rows[header].line,
                    message: "\(options.columnNames.count) column names were given but rows have \(width) fields",
                    hint: "give one name per field with \(option: .columnNames)")
            }
            let isHeader = !names.contains { number($0) != nil }
            if isHeader {
                plan.notes.append("replaced the header on line \(rows[header].line) with the names given")
            } else {
                header -= 1  // the line is data: the names stand above it
            }
            names = options.columnNames
        } else if names.count == width - 1 {
            let data = rows[(header + 1)...]
            let filled = data.filter { $0.fields.count == width && !$0.fields[width - 1].isEmpty }.count
            if filled * 10 >= data.count * 9 {
                throw InputError(
                    source: source, line: rows[header].line,
                    message: "the header has \(names.count) names but rows have \(width) fields: a name is missing",
                    hint: "give every column's name with \(option: .columnNames) (and \(option: .skipLines) if lines above it are not data)")
            }
        }
        plan.names = names
        plan.firstLine = header >= 0 ? rows[header].line + 1 : rows[0].line
        let data = Array(rows[(header + 1)...].prefix(sampleRows))
        choose(&plan, names: names, rows: data, options: options)
        return plan
    }

    /// The field count most rows have, judged below the first rows (which may be titles).
    private static func rowWidth(_ rows: [Row]) -> Int {
        let tail = rows.count > 4 ? rows[(rows.count / 4)...] : rows[...]
        var counts: [Int: Int] = [:]
        for row in tail { counts[row.fields.count, default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
    }

    /// The header's index: the first row as wide as the rows below (or one short: a missing name), with
    /// the next row as wide; at most 20 title lines above it.
    private static func headerIndex(_ rows: [Row], width: Int) -> Int {
        guard width > 1 else { return 0 }
        for index in rows.indices.prefix(21) {
            let count = rows[index].fields.count
            guard count == width || count == width - 1 else { continue }
            if index + 1 == rows.count || rows[index + 1].fields.count == width { return index }
        }
        return 0
    }

    /// The sample's first records (whole ones: a record cut off by the sample's end is left out).
    private static func records(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, limit: Int, whole: Bool = false) -> [Row] {
        var tokenizer = CSVTokenizer(delimiter: delimiter)
        var rows: [Row] = []
        struct Enough: Error {}
        let add = { (record: borrowing CSVRecord) throws in
            rows.append((record.line, (0..<record.count).map { record.string($0) }))
            if rows.count >= limit { throw Enough() }
        }
        do {
            try tokenizer.feed(bytes, onRecord: add)
            if whole { try tokenizer.finish(onRecord: add) }
        } catch {}
        return rows
    }

    /// The delimiter that splits the first lines most consistently (a title line above a `;` header must not
    /// decide it); ties go to the one the first line holds most of.
    static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let head = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, 16 << 10)])
        let first = CSVReader.sniffDelimiter(head)
        var best = (delimiter: first, score: -1)
        for candidate: UInt8 in [first, 0x2C, 0x3B, 0x09] {
            let rows = records(head, delimiter: candidate, limit: 30)
            guard !rows.isEmpty else { continue }
            let width = rowWidth(rows)
            let score = width > 1 ? rows.filter { $0.fields.count == width }.count : 0
            if score > best.score { best = (candidate, score) }
        }
        return best.delimiter
    }
}
