/// Reducing rows while they are read (``CSVOptions/reduction``): every batch of rows goes to per-series
/// digests and is forgotten, so memory does not grow with the file.
extension CSVIngest {
    /// Whether rows are being reduced.
    var reducing: Bool { digests != nil || seriesSlot != nil }

    /// Hands the rows read since the last batch to the digests and forgets them; starts reducing when the
    /// reader may: a reduction is asked for, the times so far ascend, and either none repeats (a series per
    /// column) or a series column tells the rows of one time apart (a long file: a series per key and column).
    /// False when it may not: then the reader keeps every row from now on.
    /// - Throws: ``CSVReductionAbandoned`` when a key's time repeats or goes back (the file is read again whole).
    @discardableResult
    mutating func reduceRows(force: Bool = false) throws -> Bool {
        guard let reduction = options.reduction else { return false }
        if !reducing {
            guard force || times.count >= reduction.minimumRows, startReducing(reduction) else {
                if !force { reductionBatch = .max }
                return false
            }
        }
        if let slot = seriesSlot {
            try reduceKeyedRows(slot: slot, reduction: reduction)
        } else {
            var active = digests.take()!
            times.withUnsafeBufferPointer { rowTimes in
                for index in columns.indices where columns[index].kind != .text {
                    columns[index].values.withUnsafeBufferPointer { active[index].add(times: rowTimes, values: $0) }
                }
            }
            digests = active
        }
        reducedRows += times.count
        times.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        for index in columns.indices { columns[index].values.removeAll(keepingCapacity: true) }
        for slot in keyStore.indices { keyStore[slot].truncate(to: 0) }
        return true
    }

    /// Decides how to reduce from the rows read so far; false when the file needs every row.
    private mutating func startReducing(_ reduction: SeriesReduction) -> Bool {
        guard sorted, pendingTimes.isEmpty, timeFormat != nil, timeField >= 0 else { return false }
        guard hasDuplicates || options.seriesColumn != nil else {
            digests = columns.map { _ in SeriesDigest(reduction, reserving: true) }
            // Text columns' keys only find a long file's series column, which a file whose times never repeat
            // does not have (should one repeat, the file is read again whole).
            keyStore = []
            for index in columns.indices { columns[index].keySlot = -1 }
            return true
        }
        let candidates = seriesKeyCandidates
        let name =
            options.seriesColumn.flatMap { wanted in columns.first { $0.name.lowercased() == wanted.lowercased() }?.name }
            ?? CSVPivot.detect(times: times, sorted: true, candidates: candidates)
        guard let column = columns.first(where: { $0.name == name && $0.keySlot >= 0 }),
            keyStore[column.keySlot].tracking, keyStore[column.keySlot].keys.count == times.count
        else { return false }
        seriesSlot = column.keySlot
        return true
    }

    /// A long file's batch: its rows split by key (a counting sort), each key's times checked to ascend
    /// from where they left off, and each key's columns added to its digests.
    private mutating func reduceKeyedRows(slot: Int, reduction: SeriesReduction) throws {
        let keys = keyStore[slot]
        let (order, starts) = CSVPivot.order(by: keys)
        while keyedDigests.count < keys.names.count {
            // Room grows as needed: a long file may have hundreds of keys (reserving a grid's worth for each
            // of three sources was 5 MB more at the peak for 0.04 s less).
            keyedDigests.append(columns.map { _ in SeriesDigest(reduction) })
            keyTimes.append((.nan, -.infinity))
        }
        for key in 0..<(starts.count - 1) where starts[key] < starts[key + 1] {
            let members = order[starts[key]..<starts[key + 1]]
            let memberTimes = CSVPivot.gather(times, at: members)
            guard memberTimes[0] > keyTimes[key].last, zip(memberTimes, memberTimes.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw CSVReductionAbandoned()
            }
            if keyTimes[key].first.isNaN { keyTimes[key].first = memberTimes[0] }
            keyTimes[key].last = memberTimes[memberTimes.count - 1]
            for index in columns.indices where columns[index].kind != .text {
                let memberValues = CSVPivot.gather(columns[index].values, at: members)
                memberTimes.withUnsafeBufferPointer { t in
                    memberValues.withUnsafeBufferPointer { keyedDigests[key][index].add(times: t, values: $0) }
                }
            }
        }
    }

    /// ``append(_:)`` when either reader reduces: both reduce what they hold, and the tail's digests
    /// follow this reader's. False when they cannot (different kinds of file, a tail that does not follow
    /// in time): the caller then reads the tail again after this reader.
    mutating func appendReduced(_ other: CSVIngest, lineOffset: Int) -> Bool {
        var tail = other
        guard (try? tail.reduceRows(force: true)) == true, (try? reduceRows(force: true)) == true,
            (seriesSlot == nil) == (tail.seriesSlot == nil)
        else { return false }
        if let slot = seriesSlot {
            guard let tailSlot = tail.seriesSlot,
                columns.firstIndex(where: { $0.keySlot == slot }) == tail.columns.firstIndex(where: { $0.keySlot == tailSlot }),
                appendKeyed(tail, slot: slot, tailSlot: tailSlot)
            else { return false }
        } else {
            guard tail.sorted, !tail.hasDuplicates else { return false }
            if let last = lastTime, let first = tail.firstTime, first <= last { return false }
            var active = digests.take()!
            for index in columns.indices where columns[index].kind != .text { active[index].append(tail.digests![index]) }
            digests = active
        }
        for index in columns.indices where columns[index].kind == .undecided { columns[index].kind = tail.columns[index].kind }
        reducedRows += tail.reducedRows
        skippedLines += tail.skippedLines.map { $0 + lineOffset }
        lastTime = tail.lastTime ?? lastTime
        return true
    }

    /// Joins a long file's tail: each of its keys (numbered by name here) must start after this reader's
    /// last time for the key.
    private mutating func appendKeyed(_ tail: CSVIngest, slot: Int, tailSlot: Int) -> Bool {
        let names = tail.keyStore[tailSlot].names
        var keys = keyStore[slot]
        let mapped = names.map { Int(keys.key(for: $0)) }
        for (tailKey, key) in mapped.enumerated() where tailKey < tail.keyTimes.count && !tail.keyTimes[tailKey].first.isNaN {
            if key < keyTimes.count, tail.keyTimes[tailKey].first <= keyTimes[key].last { return false }
        }
        keyStore[slot] = keys
        for (tailKey, key) in mapped.enumerated() where tailKey < tail.keyTimes.count && !tail.keyTimes[tailKey].first.isNaN {
            while keyedDigests.count <= key {
                keyedDigests.append(columns.map { _ in SeriesDigest(options.reduction!) })
                keyTimes.append((.nan, -.infinity))
            }
            for index in columns.indices where columns[index].kind != .text {
                keyedDigests[key][index].append(tail.keyedDigests[tailKey][index])
            }
            if keyTimes[key].first.isNaN { keyTimes[key].first = tail.keyTimes[tailKey].first }
            keyTimes[key].last = tail.keyTimes[tailKey].last
        }
        return true
    }

    /// The table of a reader that reduced its rows: a series per numeric (or named) column — per key and
    /// column for a long file, named as a whole read names them — each with its tally.
    mutating func reducedTable(rows: Int, delimiter: UInt8) throws -> MetricTable {
        try reduceRows(force: true)
        let kept = columns.indices.filter { columns[$0].kind == .numeric || columns[$0].requested }
        var series: [MetricSeries] = []
        func add(_ digest: inout SeriesDigest, name: String) {
            let (times, values, tally) = digest.finish()
            var reduced = MetricSeries(name: name, times: times, values: values)
            reduced.tally = tally
            series.append(reduced)
        }
        if let slot = seriesSlot {
            let names = keyStore[slot].names
            for key in keyedDigests.indices where !keyTimes[key].first.isNaN {
                let name = names[key].isEmpty ? "(empty)" : names[key]
                for index in kept { add(&keyedDigests[key][index], name: kept.count == 1 ? name : "\(columns[index].name) (\(name))") }
            }
        } else {
            for index in kept { add(&digests![index], name: columns[index].name) }
        }
        var table = MetricTable(
            series: series, delimiter: delimiter, timeColumn: timeColumnName,
            timeFormat: timeFormat ?? .iso8601, rows: rows, skippedLines: skippedLines)
        describePlan(&table)
        table.duplicatePolicy = options.duplicates
        if let slot = seriesSlot {
            table.seriesColumn = columns.first { $0.keySlot == slot }?.name
            table.seriesColumnDetected = options.seriesColumn == nil
        }
        return table
    }
}
