import Foundation

/// The CSV reader's state between chunks: header, column kinds, and the numbers read so far.
struct CSVIngest {
    /// What a value column turned out to hold.
    enum ColumnKind { case undecided, numeric, text }

    /// One value column (or text column) as it is read. The row loop reads a column's kind and field in
    /// place (`columns[index].kind`), never copying the whole struct: a copy retains its five buffers, which
    /// made a 1M-row long file parse 2× slower than a wide one; a class instead paid dynamic exclusivity
    /// checks on every cell (1M wide rows 0.24 → 0.7 s).
    struct Column {
        let name: String
        let field: Int
        let requested: Bool
        var kind: ColumnKind
        var values: [Double] = []
        /// The first cell that made this a text column, and its line.
        var sample: (text: String, line: Int)?
        /// Where a text column's keys are in ``CSVIngest/keyStore`` (a candidate series column), or -1.
        var keySlot = -1
        /// Read only to find a series key (the values were named): at its first number it becomes a text
        /// column without keys, which the row loop skips.
        var probe = false

        init(name: String, field: Int, requested: Bool, kind: ColumnKind) {
            self.name = name
            self.field = field
            self.requested = requested
            self.kind = kind
        }
    }

    let source: String
    let options: CSVOptions
    private var tokenizer: CSVTokenizer?
    private var started = false
    /// The input's first bytes, held until there are enough to plan from.
    private var head: [UInt8] = []
    var header: [String]?
    /// What the first rows decided (``CSVSniff``): lines to skip, names, the time column or its parts.
    var plan: CSVPlan?
    var timeField = 0
    /// How the time column was found: `named` (--time-column), `by name`, or `by content`.
    var timeColumnRule = "named"
    var columns: [Column] = []
    var timeFormat: CSVOptions.TimeFormat?
    /// The compiled `--time-format` pattern, when one was given.
    private let pattern: TimePattern?
    /// Rows whose `a/b/yyyy` time could be day- or month-first, read day-first until a cell settles it.
    var pendingTimes: [(row: Int, cell: [UInt8], line: Int)] = []
    private var pendingCell: [UInt8]?
    private let zoneIsUTC: Bool
    /// ``CSVOptions/naValues``: numbers matched by value, words by their lowercased bytes.
    private let naNumbers: [Double]
    private let naWords: Set<[UInt8]>
    var times: [Double] = []
    var lines: [Int32] = []
    /// The keys of text columns, apart from the columns so the row loop appends to them in place (an
    /// optional struct inside each column was copied out and back on every row).
    var keyStore: [CSVSeriesKeys] = []
    var sorted = true
    var hasDuplicates = false
    var skippedLines: [Int] = []
    private var decimalComma = false
    /// The first and last row's times (rows reduced away included).
    var firstTime: Double?
    var lastTime: Double?
    /// Per column, its reduced series once rows are reduced (``CSVOptions/reduction``): then `times` and
    /// the columns hold only the rows since the last batch.
    var digests: [SeriesDigest]?
    /// A long file being reduced: its series column's key slot, and per key (numbered as in that slot) a
    /// digest per column with the key's first and last time.
    var seriesSlot: Int?
    var keyedDigests: [[SeriesDigest]] = []
    var keyTimes: [(first: Double, last: Double)] = []
    var reducedRows = 0
    /// Rows that make a batch to reduce; `.max` when this reader keeps every row.
    var reductionBatch: Int

    init(source: String, options: CSVOptions) {
        self.source = source
        self.options = options
        reductionBatch = options.reduction?.minimumRows ?? .max
        zoneIsUTC = options.zone.secondsFromGMT() == 0 && options.zone.nextDaylightSavingTimeTransition == nil
        timeFormat = options.timeFormat
        var numbers: [Double] = []
        var words: Set<[UInt8]> = []
        for token in options.naValues {
            if let number = CSVSniff.number(token) { numbers.append(number) } else { words.insert(Array(token.lowercased().utf8)) }
        }
        (naNumbers, naWords) = (numbers, words)
        if case .pattern(let text)? = options.timeFormat { pattern = TimePattern(text) } else { pattern = nil }
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        guard started else {
            // The first bytes wait until there are enough to plan from (a pipe may hand over a few at a time).
            head.append(contentsOf: chunk)
            if head.count >= CSVSniff.sampleBytes { try start(whole: false) }
            return
        }
        try tokenize(chunk)
    }

    /// Plans from the bytes held so far (all of the input when `whole`), then reads them.
    private mutating func start(whole: Bool) throws {
        started = true
        var bytes = head
        head = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBufferPointer { chunk in
            let plan = try CSVSniff.plan(chunk, whole: whole, options: options, source: source)
            self.plan = plan
            decimalComma = options.decimalComma ?? CSVReader.sniffDecimalComma(chunk, delimiter: plan.delimiter)
            tokenizer = CSVTokenizer(delimiter: plan.delimiter)
            if let names = plan.names { try readHeader(names, line: plan.firstLine - 1) }
            try tokenize(chunk)
        }
    }

    private mutating func tokenize(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        var active = tokenizer.take()!  // moved out so the closure may mutate self; uniquely owned buffers
        defer { tokenizer = active }
        do {
            try active.feed(chunk) { record in try consume(record) }
        } catch let error as CSVTokenizerError {
            throw unterminated(error)
        }
    }

    /// Reads the last record when the input does not end with a newline.
    mutating func flush() throws {
        if !started { try start(whole: true) }
        guard var active = tokenizer.take() else { return }
        defer { tokenizer = active }
        do {
            try active.finish { record in try consume(record) }
        } catch let error as CSVTokenizerError {
            throw unterminated(error)
        }
    }

    /// A reader for the rest of the input from a record boundary, set up as this one is now (header,
    /// time format, column kinds, key names) with no rows; nil while something is still undecided that
    /// the rest must not decide on its own (the header, the time column or its form).
    func forkedAtRecordBoundary() -> CSVIngest? {
        guard header != nil, timeField >= 0, timeFormat != nil, pendingTimes.isEmpty, let tokenizer else { return nil }
        var fork = self
        fork.tokenizer = CSVTokenizer(delimiter: tokenizer.delimiter)
        fork.plan?.firstLine = 0  // the fork's lines count from its own start
        (fork.times, fork.lines, fork.skippedLines, fork.sorted, fork.hasDuplicates) = ([], [], [], true, false)
        (fork.firstTime, fork.lastTime, fork.digests, fork.reducedRows) = (nil, nil, nil, 0)
        (fork.seriesSlot, fork.keyedDigests, fork.keyTimes) = (nil, [], [])
        for index in fork.columns.indices { fork.columns[index].values = [] }
        fork.keyStore = keyStore.map { $0.withoutRows() }
        return fork
    }

    /// Makes room for `rows` rows in every column, so appending (and merging a fork's rows) never
    /// moves them: growing by doubling copied each array about once more, and a merge into a full
    /// array copied both halves (18 ms of a 1M-row file's 0.15 s).
    mutating func reserve(rows: Int) {
        let rows = min(rows, reductionBatch)
        times.reserveCapacity(rows)
        lines.reserveCapacity(rows)
        for index in columns.indices where columns[index].kind != .text { columns[index].values.reserveCapacity(rows) }
        for slot in keyStore.indices { keyStore[slot].reserve(rows: rows) }
    }

    /// Rows read so far.
    var rowCount: Int { reducedRows + times.count }

    /// The line the next record starts on, and whether the input so far ends a record.
    var boundary: (nextLine: Int, atRecordStart: Bool) {
        (tokenizer?.nextLine ?? 1, tokenizer?.atRecordStart ?? false)
    }

    /// Appends the rows of `tail`, a fork that read the input after this reader's last record (its lines
    /// count from 1 there). False, with nothing changed, when the two read a column differently (one as
    /// numbers, the other as text): the caller then reads the tail again after this one.
    mutating func append(_ tail: CSVIngest) -> Bool {
        guard tail.columns.count == columns.count, tail.timeFormat == timeFormat,
            zip(columns, tail.columns).allSatisfy({
                ($0.kind == .text) == ($1.kind == .text) && ($0.keySlot == $1.keySlot || reducing || tail.reducing)
            })
        else { return false }
        let offset = Int32(clamping: boundary.nextLine - 1)
        if reducing || tail.reducing {
            return appendReduced(tail, lineOffset: Int(offset))
        }
        if let last = lastTime, let first = tail.firstTime {
            if first < last { sorted = false } else if first == last { hasDuplicates = true }
        }
        sorted = sorted && tail.sorted
        hasDuplicates = hasDuplicates || tail.hasDuplicates
        lastTime = tail.lastTime ?? lastTime
        times += tail.times
        lines += tail.lines.map { $0 + offset }
        skippedLines += tail.skippedLines.map { $0 + Int(offset) }
        for index in columns.indices where columns[index].kind != .text {
            if columns[index].kind == .undecided { columns[index].kind = tail.columns[index].kind }
            columns[index].values += tail.columns[index].values
        }
        for slot in keyStore.indices { keyStore[slot].append(contentsOf: tail.keyStore[slot]) }
        return true
    }

    mutating func finish() throws -> MetricTable {
        try flush()
        guard let tokenizer, header != nil else {
            throw InputError(source: source, message: "the file is empty", hint: "expected a header such as timestamp,value")
        }
        if let first = pendingTimes.first, timeFormat == nil {
            let text = String(decoding: first.cell, as: UTF8.self)
            throw InputError(
                source: source, line: first.line, location: "column \(quoted(header![timeField]))",
                message: "every date reads both day-first and month-first (\(quoted(text)) could be either)",
                hint: "say which with \(option: .timeFormat, "day-first") (or %d/%m/%Y), or \(option: .timeFormat, "month-first") (or %m/%d/%Y)")
        }
        guard rowCount > 0 else {
            throw InputError(
                source: source, line: 2,
                message: "the file has a header but no data rows"
                    + (skippedLines.isEmpty ? "" : " (\(skippedLines.count) rows were skipped as unreadable)"))
        }
        let kept = columns.filter { $0.kind == .numeric || $0.requested }
        guard !kept.isEmpty else {
            let texts = columns.compactMap { c in c.sample.map { "\(quoted(c.name)) holds \(quoted($0.text)) on line \($0.line)" } }
            let detail =
                texts.isEmpty
                ? (columns.isEmpty ? ": the header names only the time column" : ": every value is empty")
                : ": " + texts.joined(separator: ", ")
            let hint: OptionText =
                decimalComma
                ? "this file is read with decimal commas (12,5): pass \(option: .decimalComma, false) if it writes 12.5"
                : "add a column of numbers"
            throw InputError(
                source: source, line: 1, message: "no numeric value column" + detail,
                hint: hint + ", or name a column with \(option: .valueColumns)")
        }
        let rows = rowCount
        if reducing {
            return try reducedTable(rows: rows, delimiter: tokenizer.delimiter)
        }
        let candidates = seriesKeyCandidates
        let seriesName =
            options.seriesColumn.flatMap { wanted in columns.first { $0.name.lowercased() == wanted.lowercased() }?.name }
            ?? (hasDuplicates || !sorted ? CSVPivot.detect(times: times, sorted: sorted, candidates: candidates) : nil)
        let keys = seriesName.flatMap { name in candidates.first { $0.0 == name }?.1 }
        if let keys, !keys.tracking, let seriesName {
            throw InputError(
                source: source, location: "column \(quoted(seriesName))",
                message:
                    "has more than \(CSVSeriesKeys.maximumKeys) distinct values, so it cannot name the series (one chart draws at most \(CSVSeriesKeys.maximumKeys))",
                hint: "is it an id or a free-text column? name the column that groups the rows with \(option: .seriesColumn), or leave it out")
        }
        let names = kept.map(\.name)
        var values = kept.map(\.values)
        columns = []  // release the column buffers so each value array is uniquely owned (no copy on sort)
        var series: [MetricSeries] = []
        var merged = (merged: 0, lines: [Int]())
        if let keys {
            let (order, groups) = CSVPivot.groups(by: keys)
            let gathered = CSVPivot.gatherGroups(times: times, values: values, order: order, groups: groups.map(\.rows))
            for ((key, range), (gatheredTimes, gatheredValues)) in zip(groups, gathered) {
                let members = order[range]
                var (memberTimes, memberValues) = (gatheredTimes, gatheredValues)
                if !zip(memberTimes, memberTimes.dropFirst()).allSatisfy({ $0 < $1 }) {
                    let result = try CSVRowOrder.sortAndMerge(
                        times: &memberTimes, values: &memberValues, lines: CSVPivot.gather(lines, at: members),
                        policy: options.duplicates ?? .last, source: source)
                    merged = (merged.merged + result.merged, Array((merged.lines + result.lines).sorted().prefix(5)))
                }
                for (name, column) in zip(names, memberValues) {
                    series.append(MetricSeries(name: names.count == 1 ? key : "\(name) (\(key))", times: memberTimes, values: column))
                }
            }
        } else {
            if !sorted || hasDuplicates {
                merged = try CSVRowOrder.sortAndMerge(
                    times: &times, values: &values, lines: lines, policy: options.duplicates ?? .last, source: source)
            }
            series = zip(names, values).map { MetricSeries(name: $0, times: times, values: $1) }
        }
        // One row in twenty merged away, unasked, is not a few repeats: the time column is likely wrong.
        if options.duplicates == nil, merged.merged >= 2, merged.merged * 20 >= rows {
            throw manyShareATime(merged: merged.merged, rows: rows, lines: merged.lines, series: series, by: keys == nil ? nil : seriesName)
        }
        var table = MetricTable(
            series: series, delimiter: tokenizer.delimiter, timeColumn: timeColumnName,
            timeFormat: timeFormat ?? .iso8601, rows: rows, duplicates: merged.merged, skippedLines: skippedLines,
            wasReordered: !sorted)
        table.seriesColumn = keys == nil ? nil : seriesName
        describePlan(&table)
        table.seriesColumnDetected = keys != nil && options.seriesColumn == nil
        table.duplicateLines = merged.lines
        table.duplicatePolicy = options.duplicates
        return table
    }

    /// The text columns that may be a long file's series column; a column of times (a second date column)
    /// never tells rows apart as a series.
    var seriesKeyCandidates: [(name: String, keys: CSVSeriesKeys)] {
        let timeLike = Set(plan?.timeCandidates.map(\.field) ?? [])
        return columns.filter { $0.kind == .text && $0.keySlot >= 0 && !timeLike.contains($0.field) }
            .map { ($0.name, keyStore[$0.keySlot]) }
    }

    /// A file where many rows share a time and no column tells them apart: the time column is likely the
    /// wrong one (a run time, a day of the month), so nothing is drawn from it. `times` are merged by now.
    private func manyShareATime(merged: Int, rows: Int, lines: [Int], series: [MetricSeries], by seriesColumnUsed: String?) -> InputError {
        let all = series.flatMap(\.times)
        let (first, last, distinct) = (all.min() ?? 0, all.max() ?? 0, Set(all).count)
        let name = timeColumnName
        var message =
            "\(merged) of \(rows) rows share a time with another row in \(quoted(name)) (its \(distinct) times span "
            + "\(Self.duration(last - first)))"
            + (seriesColumnUsed.map { " even within each \(quoted($0)) series" } ?? ", and no text column tells them apart")
        var hint: OptionText = "name the right time column with \(option: .timeColumn)"
        let better = plan?.timeCandidates.first { !(plan?.timeFields.contains($0.field) ?? false) && $0.distinct > distinct }
        if let better {
            message += "; \(quoted(better.name)) spans \(Self.duration(better.span)) with \(better.distinct) distinct times in the first rows"
            hint = "use \(option: .timeColumn, better.name)"
        }
        return InputError(
            source: source, line: lines.first, location: "column \(quoted(name))", message: message,
            hint: hint
                + "; or name the series column with \(option: .seriesColumn); or merge the rows with \(option: .duplicates, "sum") (or last, first, mean)"
        )
    }

    /// A span in words: `18 s`, `18 h`, `12 days`, `21 years`.
    static func duration(_ seconds: Double) -> String {
        let steps: [(Double, String)] = [(365.25 * 86_400, "years"), (86_400 * 2, "days"), (3_600 * 2, "h"), (120, "min")]
        for (unit, name) in steps where seconds >= unit {
            let value = seconds / (name == "days" ? 86_400 : name == "h" ? 3_600 : name == "min" ? 60 : unit)
            return "\(Int(value.rounded())) \(name)"
        }
        return "\(Int(seconds.rounded())) s"
    }

    /// The time column's name, or its parts joined (`year+month+day`, `Date+Time`).
    var timeColumnName: String {
        guard let plan, plan.parts != nil || plan.timeOfDayField != nil else { return header![timeField] }
        return plan.timeFields.sorted().map { header![$0] }.joined(separator: "+")
    }

    /// Puts the plan's decisions on the table, for `inspect`.
    func describePlan(_ table: inout MetricTable) {
        table.timeColumnRule = timeColumnRule
        guard let plan else { return }
        if plan.parts != nil || plan.timeOfDayField != nil { table.timeParts = plan.timeFields.sorted().map { header![$0] } }
        table.notes = plan.notes
        for (field, reason) in plan.skippedColumns.sorted(by: { $0.key < $1.key }) where !plan.timeFields.contains(field) {
            table.notes.append("column \(quoted(header![field])) not drawn: \(reason)")
        }
        if !options.naValues.isEmpty {
            table.notes.append("read as gaps besides the usual (NA, N/A, null, NaN, -, ., empty): \(options.naValues.joined(separator: ", "))")
        }
    }

    private func unterminated(_ error: CSVTokenizerError) -> InputError {
        InputError(
            source: source, line: error.line, message: "a quoted field starting here is never closed",
            hint: "add the closing \" or double the quotes inside the field")
    }

    private mutating func consume(_ record: borrowing CSVRecord) throws {
        if let plan, record.line < plan.firstLine { return }
        guard header != nil else { return try readHeader((0..<record.count).map { record.string($0) }, line: record.line) }
        do {
            try readRow(record)
        } catch is InputError where options.lenient {
            skippedLines.append(record.line)
        }
    }

    private mutating func readHeader(_ names: [String], line: Int) throws {
        header = names
        let lowered = names.map { $0.lowercased() }
        if let wanted = options.timeColumn {
            guard let index = lowered.firstIndex(of: wanted.lowercased()) else {
                throw InputError(
                    source: source, line: line, message: "no column named \(quoted(wanted))",
                    hint: "the header has \(Self.list(names))")
            }
            timeField = index
        } else if let plan, let field = plan.timeField {
            timeField = field
            timeColumnRule = plan.timeRule ?? "by content"
            if plan.parts != nil { timeFormat = timeFormat ?? .iso8601 }
        } else {
            if let index = CSVOptions.timeColumnNames.lazy.compactMap({ lowered.firstIndex(of: $0) }).first {
                timeField = index
                timeColumnRule = "by name"
            } else {
                // Decided on the first row: the first column whose value reads as a time.
                timeField = -1
                timeColumnRule = "by content"
            }
        }
        var seriesField: Int?
        if let wanted = options.seriesColumn {
            guard let index = lowered.firstIndex(of: wanted.lowercased()), index != timeField else {
                throw InputError(
                    source: source, line: line, message: "no series column named \(quoted(wanted))",
                    hint: "the header has \(Self.list(names))")
            }
            guard !options.valueColumns.contains(where: { $0.lowercased() == wanted.lowercased() }) else {
                throw InputError(
                    source: source, line: line, message: "\(quoted(wanted)) cannot be both the series column and a value column")
            }
            seriesField = index
        }
        let timeFields = plan?.timeFields ?? []
        let skipped = plan?.skippedColumns ?? [:]
        if options.valueColumns.isEmpty {
            columns = names.indices.filter {
                $0 != timeField && !timeFields.contains($0) && skipped[$0] == nil && !names[$0].isEmpty
            }.map {
                Column(name: names[$0], field: $0, requested: false, kind: $0 == seriesField ? .text : .undecided)
            }
            if let k = columns.firstIndex(where: { $0.field == seriesField }) { trackKeys(of: k) }
        } else {
            columns = try options.valueColumns.map { wanted in
                guard let index = lowered.firstIndex(of: wanted.lowercased()), index != timeField else {
                    throw InputError(
                        source: source, line: line, message: "no value column named \(quoted(wanted))",
                        hint: "the header has \(Self.list(names))")
                }
                return Column(name: names[index], field: index, requested: true, kind: .undecided)
            }
            if let seriesField {
                columns.append(Column(name: names[seriesField], field: seriesField, requested: false, kind: .text))
                trackKeys(of: columns.count - 1)
            } else {
                // Naming the values keeps series detection: the other columns are probed for a series key,
                // each dropped at its first number.
                let taken = Set(columns.map(\.field)).union(timeFields).union([timeField])
                for field in names.indices where !taken.contains(field) && !names[field].isEmpty {
                    var probe = Column(name: names[field], field: field, requested: false, kind: .undecided)
                    probe.probe = true
                    columns.append(probe)
                }
            }
        }
    }

    /// Starts recording column `index`'s value on every row (earlier rows get the empty key).
    private mutating func trackKeys(of index: Int) {
        columns[index].keySlot = keyStore.count
        keyStore.append(CSVSeriesKeys(startingAt: times.count))
    }

    /// Finds the time column by its values, on the first row, when no column has a time's name: the first
    /// column whose cell reads as a time and is not a plain number (any numeric column would pass as epochs).
    private mutating func chooseTimeColumn(_ record: borrowing CSVRecord) throws {
        for field in 0..<min(record.count, header!.count) {
            let cell = record.field(field)
            guard !cell.isEmpty, CSVCell.number(cell) == nil || cell.count == 4,
                CSVTimeCell.detect(cell, zone: options.zone, utc: zoneIsUTC) != nil
            else { continue }
            timeField = field
            columns.removeAll { $0.field == field }
            return
        }
        throw InputError(
            source: source, line: record.line,
            message: "no time column: none of \(Self.list(header!)) is named like a time, and no value on this row reads as one",
            hint: "name the time column with \(option: .timeColumn) (and its form with \(option: .timeFormat) if it is unusual)")
    }

    private mutating func readRow(_ record: borrowing CSVRecord) throws {
        if timeField < 0 { try chooseTimeColumn(record) }
        let headerCount = header!.count
        if record.count > headerCount {
            for extra in headerCount..<record.count where !record.field(extra).isEmpty {
                throw InputError(
                    source: source, line: record.line, location: "column \(extra + 1)",
                    message: "the row has \(record.count) fields but the header has \(headerCount)",
                    hint: "quote fields that contain the delimiter")
            }
        }
        guard timeField < record.count else {
            throw InputError(
                source: source, line: record.line, message: "the row has no \(quoted(header![timeField])) field",
                hint: "the row has \(record.count) fields but the header has \(headerCount)")
        }
        let time = try readTime(record)
        // Cells go straight to their columns, and a refused row is taken back from them: buffering the
        // row first (a write and a uniqueness check per cell, then a copy) was a sixth of a long file's parse.
        let accepted = times.count
        do {
            for index in columns.indices {
                try readCell(record, column: index)
            }
        } catch {
            for index in columns.indices where columns[index].values.count > accepted {
                columns[index].values.removeLast(columns[index].values.count - accepted)
            }
            for slot in keyStore.indices { keyStore[slot].truncate(to: accepted) }
            throw error
        }
        if let last = lastTime {
            if time <= last {
                if time < last { sorted = false } else { hasDuplicates = true }
                // A reduced file's times must go on ascending; a long file's repeat, each key's checked per batch.
                if reducing && (time < last || seriesSlot == nil) { throw CSVReductionAbandoned() }
            }
        } else {
            firstTime = time
        }
        lastTime = time
        if let pendingCell { pendingTimes.append((times.count, pendingCell, record.line)) }
        times.append(time)
        lines.append(Int32(clamping: record.line))
        if times.count >= reductionBatch { try reduceRows() }
    }

    /// Appends one cell to its column: a number (or a gap) to a value column, a key to a text column.
    private mutating func readCell(_ record: borrowing CSVRecord, column index: Int) throws {
        let kind = columns[index].kind
        let field = columns[index].field
        let cell = field < record.count ? record.field(field) : UnsafeBufferPointer(start: nil, count: 0)
        if kind == .text {
            let slot = columns[index].keySlot
            if slot >= 0 { keyStore[slot].append(bytes: cell) }
            return
        }
        switch CSVCell.value(cell, decimalComma: decimalComma) {
        case .number where kind == .undecided && columns[index].probe:
            columns[index].kind = .text
            columns[index].values = []
        case .number(let value):
            if !naNumbers.isEmpty && naNumbers.contains(value) {
                columns[index].values.append(.nan)
                return
            }
            columns[index].values.append(value)
            if kind == .undecided { columns[index].kind = .numeric }
        case .gap:
            columns[index].values.append(.nan)
        case .outOfRange:
            throw InputError(
                source: source, line: record.line, location: "column \(quoted(columns[index].name))",
                message: "\(quoted(record.string(field))) is beyond the largest number a chart can hold (±1.8e308)",
                hint: "fix the cell, or pass \(option: .lenient, true) to skip such rows")
        case .invalid where !naWords.isEmpty && naWords.contains(Array(String(decoding: cell, as: UTF8.self).lowercased().utf8)):
            columns[index].values.append(.nan)
        case .invalid:
            guard kind == .undecided && !columns[index].requested else { throw notANumber(record, column: columns[index]) }
            columns[index].probe = false
            columns[index].kind = .text
            columns[index].values = []
            columns[index].sample = (record.string(field), record.line)
            guard !reducing else { return }  // see reduceRows
            trackKeys(of: index)
            keyStore[columns[index].keySlot].append(bytes: cell)
        }
    }

    private func notANumber(_ record: borrowing CSVRecord, column: Column) -> InputError {
        let text = record.string(column.field)
        var hint: OptionText = "fix the cell, or pass \(option: .lenient, true) to skip such rows"
        if text.contains(",") && !decimalComma {
            hint = "use \(option: .decimalComma, true) if the file writes decimals as 12,5"
        } else if column.kind == .undecided {
            hint = "choose the series with \(option: .valueColumns), or pass \(option: .lenient, true) to skip such rows"
        }
        return InputError(
            source: source, line: record.line, location: "column \(quoted(column.name))",
            message: "\(quoted(text)) is not a number", hint: hint)
    }

    private mutating func readTime(_ record: borrowing CSVRecord) throws -> Double {
        if let parts = plan?.parts { return try readParts(parts, record) }
        let time = try readTimeCell(record)
        guard let clock = plan?.timeOfDayField else { return time }
        let text = record.string(clock)
        guard let seconds = CSVSniff.secondsOfDay(text) else {
            throw InputError(
                source: source, line: record.line, location: "column \(quoted(header![clock]))",
                message: "\(quoted(text)) is not a time of day (17:24 or 17:24:00)",
                hint: "fix the cell, or pass \(option: .lenient, true) to skip such rows")
        }
        if zoneIsUTC { return time + seconds }
        let midnight = time + Double(options.zone.secondsFromGMT(for: Date(timeIntervalSince1970: time)))
        return ISO8601.wallClockToInstant(midnight + seconds, in: options.zone)
    }

    /// The time of a row whose date is written over several columns.
    private func readParts(_ parts: CSVDateParts, _ record: borrowing CSVRecord) throws -> Double {
        let count = record.count
        let result = parts.wallClock { field in field < count ? CSVCell.number(record.field(field)) : nil }
        switch result {
        case .success(let wall):
            return zoneIsUTC ? wall : ISO8601.wallClockToInstant(wall, in: options.zone)
        case .failure(let error):
            let range = error.part.range
            return try {
                throw InputError(
                    source: source, line: record.line, location: "column \(quoted(header![error.field]))",
                    message:
                        "\(quoted(error.field < count ? record.string(error.field) : "")) is not a \(error.part) (\(range.lowerBound)–\(range.upperBound)\(error.part == .day ? " and within its month" : ""))",
                    hint: "fix the cell, or pass \(option: .lenient, true) to skip such rows")
            }()
        }
    }

    private mutating func readTimeCell(_ record: borrowing CSVRecord) throws -> Double {
        let cell = record.field(timeField)
        pendingCell = nil
        if let format = timeFormat,
            let time = CSVTimeCell.read(cell, format: format, pattern: pattern, zone: options.zone, utc: zoneIsUTC)
        {
            return time
        }
        if timeFormat == nil, let detection = CSVTimeCell.detect(cell, zone: options.zone, utc: zoneIsUTC) {
            switch detection {
            case .format(let format, let time):
                timeFormat = format
                settlePending(format)
                return time
            case .dayOrMonthFirst(let time):
                pendingCell = Array(cell)
                sorted = false  // read day-first for now: the rows are put in order at the end
                return time
            }
        }
        let text = String(decoding: cell, as: UTF8.self)
        let plainNumber = timeFormat == nil && CSVCell.number(cell) != nil
        let hint: OptionText =
            timeFormat.map { "every time in the column so far was \($0.noun); fix the cell, or pass \(option: .lenient, true) to skip such rows" }
            ?? (plainNumber
                ? "a plain number is read as an epoch time only from 1e8 (1973) on: give \(option: .timeFormat, "epoch-s") if it is one, "
                    + "or choose another column with \(option: .timeColumn) (columns named year, month, day, hour are combined when none is named)"
                : nil)
            ?? "tried \(CSVOptions.TimeFormat.formsTried); give \(option: .timeFormat) with a pattern such as %d/%m/%Y %H:%M"
        throw InputError(
            source: source, line: record.line, location: "column \(quoted(header![timeField]))",
            message: text.isEmpty ? "the time is empty" : "\(quoted(text)) is not \(timeFormat?.noun ?? "a time refchart can read")",
            hint: hint)
    }

    /// Re-reads the rows that waited for the day/month order, now that a cell has settled the format.
    private mutating func settlePending(_ format: CSVOptions.TimeFormat) {
        for pending in pendingTimes {
            let settled = pending.cell.withUnsafeBufferPointer {
                CSVTimeCell.read($0, format: format, pattern: pattern, zone: options.zone, utc: zoneIsUTC)
            }
            if let settled { times[pending.row] = settled }
        }
        pendingTimes = []
    }

    /// Header names for a message: each clipped to 30 characters, at most 8 of them.
    private static func list(_ names: [String]) -> String {
        guard !names.isEmpty else { return "no columns" }
        let shown = names.prefix(8).map { quoted($0, limit: 30) }
        return shown.joined(separator: ", ") + (names.count > 8 ? " and \(names.count - 8) more" : "")
    }
}
