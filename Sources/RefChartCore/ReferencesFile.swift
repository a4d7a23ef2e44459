public import Foundation

/// Reads references from a local JSON file: the API's response shape `{"data": [...]}` or a plain array.
///
/// Each entry needs a non-empty `title` and a `date` (or `datetime`) in ISO 8601. Optional: `id`,
/// `description`, `end`/`endDate` (a range), `category`, `color` (`#rrggbb`), `priority` (a number),
/// `projectId`, `createdAt`, `updatedAt`. Unknown keys are ignored, as the API may add some.
public enum ReferencesFile {
    /// Reads and validates a references file.
    /// - Parameters:
    ///   - path: The file path (shown in errors); `-` reads standard input.
    ///   - zone: The zone for dates without an offset (date-only references start at midnight there).
    /// - Throws: ``InputError`` naming the entry and field that is wrong.
    public static func read(path: String, zone: TimeZone = .gmt) throws -> [Reference] {
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(source: path, message: "cannot read the references file", hint: OptionText(fileHint(path)))
        }
        return try decode(data, source: path, zone: zone)
    }

    /// Decodes references from JSON bytes; `source` names them in errors.
    public static func decode(_ data: Data, source: String, zone: TimeZone = .gmt) throws -> [Reference] {
        // Well-formed files are read by a scanner that keeps only what references need; anything else is read
        // again with `JSONSerialization`, which says what is wrong and where (``ReferenceJSONScanner``).
        if let entries = data.withUnsafeBytes({ ReferenceJSONScanner.entries($0.bindMemory(to: UInt8.self)) }) {
            return try entries.enumerated().map { index, values in
                try reference(EntryFields(values: values, number: index + 1, source: source, zone: zone))
            }
        }
        return try decodeWithFoundation(data, source: source, zone: zone)
    }

    /// ``decode(_:source:zone:)`` through `JSONSerialization` alone (tests compare the two).
    static func decodeWithFoundation(_ data: Data, source: String, zone: TimeZone = .gmt) throws -> [Reference] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let position = jsonErrorPosition(data, error)
            throw InputError(
                source: source, line: position.line, location: "column \(position.column)",
                message: "not valid JSON", hint: "expected {\"data\": [...]} or a JSON array of references")
        }
        let entries: [Any]
        if let array = root as? [Any] {
            entries = array
        } else if let object = root as? [String: Any], let array = object["data"] as? [Any] {
            entries = array
        } else {
            throw InputError(
                source: source, message: "the top level is neither an array nor an object with a \"data\" array",
                hint: "expected {\"data\": [...]} or [...]")
        }
        return try entries.enumerated().map { index, entry in
            try reference(entry, number: index + 1, source: source, zone: zone)
        }
    }

    private static func reference(_ entry: Any, number: Int, source: String, zone: TimeZone) throws -> Reference {
        guard let object = entry as? [String: Any] else {
            throw InputError(source: source, location: "entry \(number)", message: "is not a JSON object")
        }
        return try reference(EntryFields(values: object.mapValues(JSONFieldValue.init), number: number, source: source, zone: zone))
    }

    private static func reference(_ field: EntryFields) throws -> Reference {
        // An empty title is the API's own data: the marker is drawn without a label.
        let title = try field.string("title", required: true) ?? ""
        guard let date = try field.date("date") ?? field.date("datetime") else {
            throw field.error("date", "is missing", hint: "add \"date\": \"2024-01-15T10:00:00Z\"")
        }
        let end = try field.date("end") ?? field.date("endDate")
        if let end, end < date {
            throw field.error("end", "is before the reference's date", hint: "swap date and end")
        }
        let color = try field.string("color")
        if let color, RGBHex.parse(color) == nil {
            throw field.error("color", "\(quoted(color)) is not a colour", hint: "use #rrggbb")
        }
        let id = try field.string("id") ?? "ref-\(field.number)"
        return Reference(
            id: id, title: title, description: try field.string("description"), date: date, end: end,
            projectId: try field.string("projectId"), category: try field.string("category"), color: color,
            priority: try field.number("priority"), createdAt: try field.date("createdAt"), updatedAt: try field.date("updatedAt"))
    }

    static func fileHint(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        return isDirectory.boolValue ? "it is a directory, not a file" : "check the file's permissions"
    }

    /// The line and column of a JSON syntax error, from Foundation's "around character N" (or "line L,
    /// column C") debug description; when it does not say, the first byte JSON cannot hold (a raw control
    /// character, a NUL, bytes that are not UTF-8), else the end of the file (it ends early).
    private static func jsonErrorPosition(_ data: Data, _ error: any Error) -> (line: Int, column: Int) {
        reportedPosition(data, error) ?? position(data, offset: firstForbiddenByte(data) ?? data.count)
    }

    private static func firstForbiddenByte(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return k }
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, k + length <= bytes.count,
                bytes[(k + 1)..<(k + length)].allSatisfy({ $0 >> 6 == 0b10 }),
                String(bytes: bytes[k..<(k + length)], encoding: .utf8) != nil
            else { return k }
            k += length
        }
        return nil
    }

    private static func position(_ data: Data, offset: Int) -> (line: Int, column: Int) {
        let before = data.prefix(offset)
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return (line, column)
    }

    private static func reportedPosition(_ data: Data, _ error: any Error) -> (line: Int, column: Int)? {
        let info = (error as NSError).userInfo
        let text = (info["NSDebugDescription"] as? String) ?? ""
        func number(after marker: String) -> Int? {
            guard let range = text.range(of: marker) else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        if let line = number(after: "line "), let column = number(after: "column ") { return (line, column) }
        guard let offset = (info["NSJSONSerializationErrorIndex"] as? Int) ?? number(after: "character "),
            offset <= data.count
        else { return nil }
        return position(data, offset: offset)
    }
}

/// Typed access to one entry's fields, with errors that name the entry and the field.
private struct EntryFields {
    let values: [String: JSONFieldValue]
    let number: Int
    let source: String
    let zone: TimeZone

    func error(_ key: String, _ message: String, hint: OptionText? = nil) -> InputError {
        var location = "entry \(number)"
        if case .string(let title)? = values["title"], !title.trimmingCharacters(in: .whitespaces).isEmpty {
            location += " (\(quoted(title, limit: 40)))"
        }
        return InputError(source: source, location: "\(location), field \(quoted(key))", message: message, hint: hint)
    }

    func string(_ key: String, required: Bool = false) throws -> String? {
        switch values[key] {
        case nil, .null?:
            if required { throw error(key, "is missing") }
            return nil
        case .string(let value)?: return value
        case .other?, .number?: throw error(key, "must be a string")
        }
    }

    func number(_ key: String) throws -> Double? {
        switch values[key] {
        case nil, .null?: return nil
        case .number(let value)? where value.isFinite: return value
        default: throw error(key, "must be a number", hint: "e.g. \"\(key)\": 10 (higher wins a label first)")
        }
    }

    func date(_ key: String) throws -> Date? {
        guard let text = try string(key) else { return nil }
        guard let date = ISO8601.date(from: text, in: zone) else {
            throw error(
                key, "\(quoted(text)) is not an ISO 8601 date",
                hint: "use 2024-01-15, 2024-01-15T10:00:00Z or 2024-01-15T10:00:00+02:00")
        }
        return date
    }
}
