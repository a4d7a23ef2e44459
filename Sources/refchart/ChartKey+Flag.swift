import RefChart

extension ChartKey {
    /// The command-line option for the key: `timeColumn` → `--time-column`, `output` → `-o`.
    var flag: String {
        switch self {
        case .output: return "-o"
        case .valueColumns: return "--value-column"
        case .formats: return "--format"
        case .categories: return "--category"
        case .events: return "--event"
        case .excludeCategories: return "--exclude-category"
        case .labelCategories: return "--label-category"
        case .seriesColors: return "--series-color"
        default:
            let kebab = stringValue.reduce(into: "") { text, character in
                // yMin → y-min
                if character.isUppercase { text += "-" + character.lowercased() } else { text.append(character) }
            }
            return "--" + kebab
        }
    }
}

extension OptionSpelling {
    /// Options as the command line spells them: `--lenient`, `--no-decimal-comma`, `--time-format day-first`;
    /// a message about a value starts with the flag (`--width 5 is out of range`).
    static let flags = OptionSpelling(
        { key, value in
            switch value {
            case nil, "true": return key.flag
            case "false": return "--no-" + key.flag.dropFirst(2)
            case let value?: return "\(key.flag) \(value)"
            }
        },
        lead: { "\($0.flag) " })
}
