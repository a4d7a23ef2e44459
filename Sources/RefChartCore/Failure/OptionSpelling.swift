/// How a front end names an option in a message: the command line as a flag (`--time-format day-first`), a
/// job file or an application as a key (`timeFormat: day-first`).
public struct OptionSpelling: Sendable {
    private let spell: @Sendable (_ key: ChartKey, _ value: String?) -> String
    private let lead: @Sendable (_ key: ChartKey) -> String

    /// A spelling from a function of the option's key and its value (`nil` when the text only names the
    /// option; `"true"` or `"false"` for a switch), and one that starts a message about the option's value
    /// (`--width ` before `5 is out of range`; by default the option and a colon).
    public init(
        _ spell: @escaping @Sendable (_ key: ChartKey, _ value: String?) -> String,
        lead: (@Sendable (_ key: ChartKey) -> String)? = nil
    ) {
        self.spell = spell
        self.lead = lead ?? { spell($0, nil) + ": " }
    }

    /// The option as text.
    public func callAsFunction(_ key: ChartKey, _ value: String?) -> String { spell(key, value) }

    /// What starts a message about the option's value: `width: ` (or `--width `).
    public func lead(_ key: ChartKey) -> String { lead(key) }

    /// As job files and ``ChartRequest``'s fields name it: `lenient: true`, `timeFormat: day-first`,
    /// `valueColumns`.
    public static let keys = OptionSpelling { key, value in value.map { "\(key.stringValue): \($0)" } ?? key.stringValue }
}
