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
        default:
            let kebab = stringValue.reduce(into: "") { text, character in
                // yMin → y-min
                if character.isUppercase { text += "-" + character.lowercased() } else { text.append(character) }
            }
            return "--" + kebab
        }
    }
}
