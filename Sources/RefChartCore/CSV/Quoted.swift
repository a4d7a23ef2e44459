/// Input text as a message shows it: in quotes, at most 80 characters (then `…`), with control characters
/// and other invisible ones escaped, so a 10 MB cell or an escape sequence never reaches the terminal raw.
public func quoted(_ text: some StringProtocol, limit: Int = 80) -> String {
    var result = "\""
    var count = 0
    for scalar in text.unicodeScalars {
        if count >= limit {
            result += "…"
            break
        }
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if let escape = invisibleEscape(scalar) {
                result += escape
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        count += 1
    }
    return result + "\""
}

/// Text a message shows as it is (quotes, backslashes, newlines and tabs kept) but with every other control
/// or invisible character escaped, at most `limit` characters a line: for messages that echo input inside
/// their own wording, such as argument-parser's.
public func withInvisiblesEscaped(_ text: some StringProtocol, limit: Int = 2_000) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if scalar == "\n" {
            count = 0
        } else if count == limit {
            result += "…"
        }
        count += 1
        guard count <= limit else { continue }
        if scalar != "\n", scalar != "\t", let escape = invisibleEscape(scalar) {
            result += escape
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// A path as a message shows it: as it is when every character shows, otherwise quoted with the escapes
/// visible (a file name with a newline cannot fake a second progress line).
public func shownPath(_ path: some StringProtocol) -> String {
    path.unicodeScalars.contains { invisibleEscape($0) != nil } ? quoted(path, limit: 1_000) : String(path)
}

/// `\u{1B}` for a control character, a bidirectional override or another invisible character; `nil` for
/// one that shows.
private func invisibleEscape(_ scalar: Unicode.Scalar) -> String? {
    let value = scalar.value
    guard
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x200B...0x200F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0xFEFF
            || value == 0xFFFE || value == 0xFFFF
    else { return nil }
    return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
}
