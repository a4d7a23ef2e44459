public import Foundation

extension ChartRequest {
    /// The characters a chart name may have.
    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

    /// The longest chart name: it goes into file names (255 bytes at most) and every message.
    static let longestName = 100

    /// Whether `path` can only be a folder: `.`, `..`, ending in `/`, `/.` or `/..`, or an existing folder.
    static func namesAFolder(_ path: String) -> Bool {
        guard path != "-" else { return false }
        if path == "." || path == ".." || path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") { return true }
        var isFolder: ObjCBool = false
        return !path.includes("{") && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Checks every field that can be checked without reading inputs.
    /// - Throws: ``ChartRequestError`` naming the first field at fault.
    public func validate() throws {
        if let name, name.isEmpty || !name.allSatisfy(Self.nameCharacters.contains) || name == "." || name == ".." {
            throw ChartRequestError(.name, "\(quoted(name)) is not a name: use letters, digits, '.', '_' and '-' (not . or ..)")
        }
        if let name, name.count > Self.longestName {
            throw ChartRequestError(.name, "is \(name.count) characters long: use at most \(Self.longestName)")
        }
        if let csv, csv.isEmpty { throw ChartRequestError(.csv, "is empty: give a path, - or an http(s) URL") }
        if let openpanelProject, openpanelProject.isEmpty { throw ChartRequestError(.openpanelProject, "is empty: give the project's id") }
        for (key, path) in [(ChartKey.output, output), (.layoutReport, layoutReport), (.footnotesFile, footnotesFile)] {
            guard let path, Self.namesAFolder(path) else { continue }
            throw ChartRequestError(key, "\(quoted(path)) names a folder, not a file: give a file name")
        }
        if csv != nil && !events.isEmpty {
            throw ChartRequestError(.events, "cannot be used with a CSV: draw either the CSV's series or OpenPanel's events")
        }
        if !events.isEmpty && openpanelProject == nil {
            throw ChartRequestError(.events, "need the OpenPanel project to export them from: give \(option: .openpanelProject)")
        }
        let validSegments = [
            "event", "user", "session", "group", "user_average", "one_event_per_user", "property_sum",
            "property_average", "property_max", "property_min",
        ]
        if let segment, !validSegments.contains(segment) {
            throw ChartRequestError(.segment, "\(quoted(segment)) is not a segment: use \(validSegments.joined(separator: ", "))")
        }
        _ = try delimiterByte()
        try options.validate()
        if let footnotesFile {
            guard FootnoteTable.Format(path: footnotesFile) != nil else {
                throw ChartRequestError(.footnotesFile, "\"\(footnotesFile)\" must end in .csv or .md")
            }
        }
        let zone = try self.zone()
        if last != nil, from != nil { throw ChartRequestError(.last, "cannot be used with from: give one of the two") }
        if let from { _ = try date(from, field: .from, zone: zone) }
        if let to { _ = try date(to, field: .to, zone: zone) }
        _ = try outputs(now: Date(timeIntervalSince1970: 0))
        if let layoutReport, layoutReport.isEmpty { throw ChartRequestError(.layoutReport, "is empty: give a path or -") }
        _ = try layoutReportPath(now: Date(timeIntervalSince1970: 0))
        if references.filter({ $0 == "-" }).count + (csv == "-" ? 1 : 0) > 1 {
            throw ChartRequestError(.references, "and the CSV cannot both come from standard input: give one of them a file")
        }
    }

    /// The display zone, by the one rule every front end shares: ``ChartOptions/timezone`` when given;
    /// else, for OpenPanel events, the organisation's zone (``orgZone(environment:)``), so that the axis and
    /// the export's buckets agree; else UTC. It also reads CSV times and `from`/`to` written without an
    /// offset, and names `{date}` in output paths.
    /// - Parameter environment: Where `OPENPANEL_ORG_TIMEZONE` is looked up; `nil`: the process's, read only
    ///   when needed (building it is ~40 µs, once per path of every chart of a jobs file).
    public func zone(environment: [String: String]? = nil) throws -> TimeZone {
        if let timezone = options.timezone { return timezone.zone }
        return events.isEmpty ? ZoneIdentifier.utc.zone : try orgZone(environment: environment)
    }

    /// The organisation's zone, in which the Export API writes its dates: ``orgTimezone``, else
    /// `OPENPANEL_ORG_TIMEZONE`, else UTC.
    public func orgZone(environment: [String: String]? = nil) throws -> TimeZone {
        if let orgTimezone { return orgTimezone.zone }
        guard let name = (environment ?? ProcessInfo.processInfo.environment)["OPENPANEL_ORG_TIMEZONE"] else { return ZoneIdentifier.utc.zone }
        guard let zone = ZoneIdentifier(name) else {
            throw ChartRequestError(.orgTimezone, "\(ZoneIdentifier.problem(name)) (from OPENPANEL_ORG_TIMEZONE)")
        }
        return zone.zone
    }

    /// The CSV reader's options for this request.
    public func csvOptions() throws -> CSVOptions {
        CSVOptions(
            delimiter: try delimiterByte(), timeColumn: timeColumn, valueColumns: valueColumns, timeFormat: timeFormat,
            zone: try zone(), decimalComma: decimalComma, duplicates: duplicates, lenient: lenient, seriesColumn: seriesColumn,
            skipLines: skipLines, columnNames: columnNames, naValues: naValues)
    }

    /// Each image to write: its format and its path with the placeholders filled in (`-` for standard
    /// output). Empty when ``output`` is `nil`.
    /// - Parameter now: The run's instant; `{date}` is its day in the chart's zone.
    /// - Throws: ``ChartRequestError`` for formats the output cannot hold or an unknown placeholder.
    public func outputs(now: Date) throws -> [(format: ChartFormat, path: String)] {
        let formats = try resolvedFormats()
        guard let output else { return [] }
        let date = try day(of: now, for: output)
        return try formats.map { format in
            (format, try Self.fill(output, name: name, format: format, date: date))
        }
    }

    /// Whether a reference passes ``categories`` and ``excludeCategories``.
    public func keeps(_ reference: Reference) -> Bool {
        if !categories.isEmpty, !categories.contains(reference.category ?? "") { return false }
        return !excludeCategories.contains(reference.category ?? "")
    }

    /// `path` with `{name}` and `{date}` filled in, as for outputs.
    func filled(_ path: String, now: Date, field: CodingKeys) throws -> String {
        do {
            return try Self.fill(path, name: name, format: nil, date: try day(of: now, for: path))
        } catch let error as ChartRequestError {
            throw ChartRequestError(field, error.text)
        }
    }

    /// `{date}`'s text for `path`: `now`'s day in the chart's zone, worked out only when the path has the
    /// placeholder (formatting it was 5 % of checking a jobs file of 40,000 charts that never use it).
    private func day(of now: Date, for path: String) throws -> String {
        path.includes("{date}") ? ISO8601.day(of: now, in: try zone()) : ""
    }

    /// The formats to render.
    public func resolvedFormats() throws -> [ChartFormat] {
        let unique = formats.reduce(into: [ChartFormat]()) { if !$0.contains($1) { $0.append($1) } }
        guard let output else { return unique.isEmpty ? [.png] : unique }
        if output.isEmpty { throw ChartRequestError(.output, "is empty: give a path or -") }
        if output.includes("{format}") { return unique.isEmpty ? [.png] : unique }
        if output == "-" {
            guard unique.count == 1 else {
                throw ChartRequestError(.formats, "must name exactly one of png, svg or pdf to write to standard output")
            }
            return unique
        }
        if unique.count > 1 {
            throw ChartRequestError(.output, "\"\(output)\" names one file for \(unique.count) formats: put {format} in it")
        }
        if let only = unique.first {
            // x.png with svg would write SVG bytes into a file named .png.
            if let named = ChartFormat(fileExtension: output), named != only {
                throw ChartRequestError(
                    .output, "\"\(output)\" ends in .\(named.rawValue) but the format is \(only.rawValue): make them agree (or leave the format out)")
            }
            return [only]
        }
        guard let format = ChartFormat(fileExtension: output) else {
            let file = URL(fileURLWithPath: output).lastPathComponent
            let ext = file.contains(".") ? "\".\(file.split(separator: ".").last ?? "")\"" : "no extension"
            throw ChartRequestError(.output, "cannot tell the format of \(output) (\(ext)): use .png, .svg or .pdf, or give a format")
        }
        return [format]
    }

    /// The window from ``from``, ``to`` and ``last``; `nil` shows all the data.
    /// - Parameters:
    ///   - dataExtent: The data's first and last instant (seconds since the epoch).
    ///   - now: The end of a ``last`` window without ``to``.
    public func window(dataExtent: ClosedRange<Double>, now: Date) throws -> ClosedRange<Date>? {
        guard from != nil || to != nil || last != nil else { return nil }
        let zone = try zone()
        let high =
            try to.map { try date($0, field: .to, zone: zone) }
            ?? (last != nil ? now : Date(timeIntervalSince1970: dataExtent.upperBound))
        let low =
            try from.map { try date($0, field: .from, zone: zone) }
            ?? last?.start(before: high, in: zone)
            ?? Date(timeIntervalSince1970: dataExtent.lowerBound)
        guard low < high else {
            throw ChartRequestError(from != nil ? .from : .to, "makes the window end before it starts (check from, to and last)")
        }
        return low...high
    }

    private func date(_ text: String, field: CodingKeys, zone: TimeZone) throws -> Date {
        guard let date = ISO8601.date(from: text, in: zone) else {
            throw ChartRequestError(field, "\"\(text)\" is not an ISO 8601 date: use 2024-01-15 or 2024-01-15T10:00:00Z")
        }
        return date
    }

    private func delimiterByte() throws -> UInt8? {
        switch delimiter {
        case nil: return nil
        case ","?: return UInt8(ascii: ",")
        case ";"?: return UInt8(ascii: ";")
        case "tab"?, "\t"?, "\\t"?: return 0x09
        case let other?: throw ChartRequestError(.delimiter, "\"\(other)\" is not supported: use , ; or tab")
        }
    }

    /// `output` with `{name}`, `{format}` and `{date}` filled in.
    private static func fill(_ output: String, name: String?, format: ChartFormat?, date: String) throws -> String {
        var result = ""
        var rest = Substring(output)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw ChartRequestError(.output, "\"\(output)\" has a { without a }")
            }
            switch rest[rest.index(after: open)..<close] {
            case "format" where format != nil: result += format!.rawValue
            case "date": result += date
            case "name":
                guard let name else { throw ChartRequestError(.output, "uses {name} but the chart has no name") }
                result += name
            case let other:
                throw ChartRequestError(.output, "has an unknown placeholder {\(other)}: use {name}, {format} or {date}")
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
