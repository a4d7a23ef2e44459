import Foundation

extension CSVSniff {
    /// Names that make bare integers a year (`2017`) or epoch times.
    private static let yearNames: Set<String> = CSVDateParts.Part.year.names.union(["period", "fiscal_year", "season"])
    private static let epochWords = ["time", "date", "epoch", "unix", "ts", "created", "updated", "stamp", "when"]

    /// Decides the time (a column, date parts, a date and a time of day) and the columns not drawn.
    static func choose(_ plan: inout CSVPlan, names: [String], rows: [Row], options: CSVOptions) {
        guard !rows.isEmpty else { return }
        let lowered = names.map { $0.lowercased() }
        let zone = options.zone
        let utc = zone.secondsFromGMT() == 0 && zone.nextDaylightSavingTimeTransition == nil
        var parts = options.timeColumn == nil ? CSVDateParts(header: lowered) : nil
        var partsTimes: [Double] = []
        if let found = parts {
            partsTimes = rows.compactMap { row in
                try? found.wallClock { field in field < row.fields.count ? number(row.fields[field]) : nil }.get()
            }
            // Named as date parts, they are the time unless most rows say otherwise (a bad cell is the
            // reader's to report, with its line).
            if partsTimes.count * 2 < rows.count { parts = nil }
        }
        var candidates: [(candidate: CSVPlan.TimeCandidate, rank: Int, dateOnly: Bool)] = []
        var epochOnly: [CSVPlan.TimeCandidate] = []
        for field in names.indices where !(parts?.used.contains(field) ?? false) {
            let cells = rows.compactMap { $0.fields.count > field && !$0.fields[field].isEmpty ? $0.fields[field] : nil }
            guard !cells.isEmpty else { continue }
            var times: [Double] = []
            var dateOnly = true
            var needsName = false
            for cell in cells {
                let read = time(
                    cell, name: lowered[field], format: options.timeFormat, zone: zone, utc: utc)
                guard let read else { continue }
                times.append(read.seconds)
                dateOnly = dateOnly && read.dateOnly
                needsName = needsName || read.epochWithoutName
            }
            guard Double(times.count) >= Double(cells.count) * timeShare else { continue }
            let candidate = CSVPlan.TimeCandidate(
                field: field, name: names[field], span: times.max()! - times.min()!, distinct: Set(times).count)
            if needsName {
                epochOnly.append(candidate)
            } else {
                let rank = CSVOptions.timeColumnNames.firstIndex(of: lowered[field]) ?? CSVOptions.timeColumnNames.count
                candidates.append((candidate, rank, dateOnly))
            }
        }
        candidates.sort {
            let (a, b) = ($0.candidate, $1.candidate)
            if a.distinct != b.distinct { return a.distinct > b.distinct }
            if a.span != b.span { return a.span > b.span }
            return $0.rank != $1.rank ? $0.rank < $1.rank : a.field < b.field
        }
        if candidates.isEmpty { candidates = epochOnly.map { ($0, 0, false) } }
        plan.timeCandidates = candidates.map(\.candidate)
        if let parts, candidates.first.map({ Set(partsTimes).count > $0.candidate.distinct }) ?? true {
            plan.parts = parts
            plan.timeField = parts.used[0]
            plan.timeRule = "combined from the date parts \(parts.names(in: names))"
        } else if options.timeColumn == nil, let best = candidates.first {
            plan.timeField = best.candidate.field
            let runnerUp = candidates.dropFirst().first.map {
                "; \(quoted($0.candidate.name)) has \($0.candidate.distinct)"
            }
            plan.timeRule = "by content: \(best.candidate.distinct) distinct times in the first \(rows.count) rows\(runnerUp ?? "")"
            if best.dateOnly, let clock = timeOfDay(in: rows, names: lowered, besides: plan.timeFields) {
                plan.timeOfDayField = clock
                plan.timeRule! += ", with the times of day in \(quoted(names[clock]))"
            }
        }
        skipDecimalYears(&plan, names: names, rows: rows, options: options)
    }

    /// A cell as a time: the seconds, whether it is a date without a time, and whether it is a bare number
    /// read as an epoch time although its column is not named like a time.
    private static func time(
        _ cell: String, name: String, format: CSVOptions.TimeFormat?, zone: TimeZone, utc: Bool
    ) -> (seconds: Double, dateOnly: Bool, epochWithoutName: Bool)? {
        var bytes = Array(cell.utf8)
        return bytes.withUnsafeMutableBufferPointer { mutable in
            let cell = UnsafeBufferPointer(mutable)
            if let format {
                let pattern: TimePattern? = if case .pattern(let text) = format { TimePattern(text) } else { nil }
                guard let seconds = CSVTimeCell.read(cell, format: format, pattern: pattern, zone: zone, utc: utc) else { return nil }
                return (seconds, false, false)
            }
            if let value = CSVCell.number(cell) {
                // Bare integers are a year only in a year's column; epoch times only in a plausible range.
                if cell.count == 4, value == value.rounded(), yearNames.contains(name) || CSVOptions.timeColumnNames.contains(name) {
                    return CSVTimeCell.read(cell, format: .year, pattern: nil, zone: zone, utc: utc).map { ($0, true, false) }
                }
                let seconds: Double
                if (1e8...4.2e9).contains(value) {
                    seconds = value
                } else if (1e11...4.2e12).contains(value) {
                    seconds = value / 1000
                } else {
                    return nil
                }
                return (seconds, false, !epochWords.contains { name.contains($0) })
            }
            switch CSVTimeCell.detect(cell, zone: zone, utc: utc) {
            case .format(let format, let seconds)?:
                return (seconds, [.date, .dayFirst, .monthFirst].contains(format) && !cell.contains(0x3A), false)
            case .dayOrMonthFirst(let seconds)?:
                return (seconds, !cell.contains(0x3A), false)
            case nil:
                return nil
            }
        }
    }

    /// A column of times of day (`17:24`, `17:24:00`) to add to a date column.
    private static func timeOfDay(in rows: [Row], names: [String], besides used: Set<Int>) -> Int? {
        names.indices.first { field in
            !used.contains(field)
                && rows.allSatisfy { $0.fields.count > field && secondsOfDay($0.fields[field]) != nil }
        }
    }

    /// `HH:MM` or `HH:MM:SS` as seconds into the day.
    static func secondsOfDay(_ text: some StringProtocol) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) || $0.contains(".") }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = parts.count == 3 ? Double(parts[2]) : 0
        guard let second, (0..<61).contains(second) else { return nil }
        return Double(hour * 3600 + minute * 60) + second
    }

    /// Numeric columns that rise through 1700…2200 with fractions (`Decimal Date`, `year fraction`): a date
    /// written as a number, not a value to draw.
    private static func skipDecimalYears(_ plan: inout CSVPlan, names: [String], rows: [Row], options: CSVOptions) {
        let requested = Set(options.valueColumns.map { $0.lowercased() })
        for field in names.indices where !plan.timeFields.contains(field) && !requested.contains(names[field].lowercased()) {
            let values = rows.compactMap { $0.fields.count > field ? number($0.fields[field]) : nil }
            guard values.count >= 3, Double(values.count) >= Double(rows.count) * timeShare,
                values.allSatisfy({ (1700...2200).contains($0) }), values.contains(where: { $0 != $0.rounded() }),
                zip(values, values.dropFirst()).allSatisfy({ $0 <= $1 })
            else { continue }
            plan.skippedColumns[field] =
                "its values rise like decimal years (\(format(values.first!)) … \(format(values.last!))): a date, not a value "
                + "(name it with --value-column to draw it)"
        }
        for field in plan.parts?.used ?? [] where !requested.contains(names[field].lowercased()) {
            plan.skippedColumns[field] = "a part of the time"
        }
    }

    /// A field's text as a plain number, or nil.
    static func number(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { CSVCell.number(UnsafeBufferPointer($0)) }
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
