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
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x200B...0x200F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0xFEFF
                || value == 0xFFFE || value == 0xFFFF
            {
                result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        count += 1
    }
    return result + "\""
}
