/// Reads the two shapes a references file has — an array of objects, bare or as the API's
/// `{"data": [...]}` — keeping each object's fields as ``JSONFieldValue``s.
///
/// Strict JSON (RFC 8259, UTF-8 without a byte-order mark); anything else gives `nil`, and the caller reads
/// the file again with `JSONSerialization`, which says what is wrong and where. Through `JSONSerialization`
/// alone (bridged objects, a dictionary cast per entry) thousands of references took tens of milliseconds,
/// `JSONDecoder` twice that (docs/PERFORMANCE.md).
struct ReferenceJSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private var depth = 0

    /// Each entry's fields (a repeated key keeps its last value, as `JSONSerialization` does); `nil` when the
    /// bytes are not well-formed JSON of either shape, or an entry is not an object.
    static func entries(_ bytes: UnsafeBufferPointer<UInt8>) -> [[String: JSONFieldValue]]? {
        var scanner = ReferenceJSONScanner(bytes: bytes)
        return scanner.document()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func document() -> [[String: JSONFieldValue]]? {
        skipSpace()
        var entries: [[String: JSONFieldValue]]?
        if peek == UInt8(ascii: "[") {
            entries = array()
        } else if peek == UInt8(ascii: "{") {
            // The API's shape: the entries are the "data" member; any other member is skipped.
            at += 1
            var data: [[String: JSONFieldValue]]?
            var seen = false
            guard
                members({ scanner, key in
                    guard key == "data" else { return scanner.skipValue() }
                    scanner.skipSpace()
                    guard !seen, scanner.peek == UInt8(ascii: "["), let array = scanner.array() else { return false }
                    (data, seen) = (array, true)
                    return true
                })
            else { return nil }
            entries = data
        }
        skipSpace()
        return at == bytes.count ? entries : nil
    }

    /// An array of objects, the opening bracket next.
    private mutating func array() -> [[String: JSONFieldValue]]? {
        at += 1
        var entries: [[String: JSONFieldValue]] = []
        guard
            elements({ scanner in
                guard scanner.peek == UInt8(ascii: "{"), let entry = scanner.object() else { return false }
                entries.append(entry)
                return true
            })
        else { return nil }
        return entries
    }

    /// An array's elements after its opening bracket, through the closing one: `element` reads each.
    private mutating func elements(_ element: (inout ReferenceJSONScanner) -> Bool) -> Bool {
        sequence(closedBy: UInt8(ascii: "]"), element)
    }

    /// Comma-separated items through `close` (an array's or an object's), nested at most 512 deep.
    private mutating func sequence(closedBy close: UInt8, _ item: (inout ReferenceJSONScanner) -> Bool) -> Bool {
        depth += 1
        defer { depth -= 1 }
        guard depth < 512 else { return false }
        skipSpace()
        if peek == close {
            at += 1
            return true
        }
        while true {
            skipSpace()
            guard item(&self) else { return false }
            skipSpace()
            guard let next = take() else { return false }
            if next == close { return true }
            guard next == UInt8(ascii: ",") else { return false }
        }
    }

    /// An entry's fields, the opening brace next.
    private mutating func object() -> [String: JSONFieldValue]? {
        at += 1
        var fields = [String: JSONFieldValue](minimumCapacity: 12)
        guard
            members({ scanner, key in
                scanner.skipSpace()
                switch scanner.peek {
                case UInt8(ascii: "\""):
                    guard let text = scanner.string() else { return false }
                    fields[key] = .string(text)
                case UInt8(ascii: "n"):
                    guard scanner.literal("null") else { return false }
                    fields[key] = .null
                case let byte? where byte == UInt8(ascii: "-") || scanner.isDigit(byte):
                    let start = scanner.at
                    guard scanner.number() else { return false }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.at]), as: UTF8.self)
                    fields[key] = Double(text).map(JSONFieldValue.number) ?? .other
                default:
                    guard scanner.skipValue() else { return false }
                    fields[key] = .other
                }
                return true
            })
        else { return nil }
        return fields
    }

    /// An object's members after its opening brace, through the closing one: `value` reads each value.
    private mutating func members(_ value: (inout ReferenceJSONScanner, String) -> Bool) -> Bool {
        sequence(closedBy: UInt8(ascii: "}")) { scanner in
            guard scanner.peek == UInt8(ascii: "\""), let key = scanner.string() else { return false }
            scanner.skipSpace()
            return scanner.take() == UInt8(ascii: ":") && value(&scanner, key)
        }
    }

    /// Checks and passes over any value.
    private mutating func skipValue() -> Bool {
        skipSpace()
        switch peek {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"):
            at += 1
            return members { scanner, _ in scanner.skipValue() }
        case UInt8(ascii: "["):
            at += 1
            return elements { $0.skipValue() }
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    /// A string, the opening quote next; `nil` for a control character, a bad escape, a lone surrogate or
    /// bytes that are not UTF-8.
    private mutating func string() -> String? {
        at += 1
        let start = at
        // Without escapes (nearly every string), the bytes themselves.
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 { at += 1 }
        guard at < bytes.count else { return nil }
        if bytes[at] == UInt8(ascii: "\"") {
            at += 1
            let run = UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)])
            // ASCII needs no validating (a third of the time of a string otherwise).
            return run.allSatisfy { $0 < 0x80 } ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
        }
        var utf8 = Array(bytes[start..<at])
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = take() else { return nil }
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    guard var value = hex4() else { return nil }
                    if 0xD800..<0xDC00 ~= value {
                        guard take() == UInt8(ascii: "\\"), take() == UInt8(ascii: "u"), let low = hex4(), 0xDC00..<0xE000 ~= low
                        else { return nil }
                        value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    utf8 += String(Character(scalar)).utf8
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                utf8.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            at += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number by JSON's grammar: `-`, an integer without leading zeros, a fraction, an exponent.
    private mutating func number() -> Bool {
        if peek == UInt8(ascii: "-") { at += 1 }
        guard let first = peek, isDigit(first) else { return false }
        at += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            at += 1
            guard let digit = peek, isDigit(digit) else { return false }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            at += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
            guard let digit = peek, isDigit(digit) else { return false }
            skipDigits()
        }
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for k in 0..<count where bytes[at + k] != word.utf8Start[k] { return false }
        at += count
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = peek, isDigit(byte) { at += 1 }
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { at += 1 }
    }

    private var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func take() -> UInt8? {
        guard at < bytes.count else { return nil }
        defer { at += 1 }
        return bytes[at]
    }
}
