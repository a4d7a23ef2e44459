public import RefChartCore

/// Two uses of one file where at least one writes it: refused before anything renders (exit 64).
public struct PathCollision: RefChartFailure, Hashable {
    /// The use found second.
    public var use: PathUse
    /// The use it collides with.
    public var earlier: PathUse

    /// Creates the collision of `use` with `earlier`.
    public init(use: PathUse, earlier: PathUse) {
        self.use = use
        self.earlier = earlier
    }

    public var failureKind: FailureKind { .request }

    public func message(spelling: OptionSpelling) -> String { text.spelled(spelling) }

    /// The collision as an error on the later use's field, when it has one (so a jobs file points at it).
    var asRequestError: any RefChartFailure {
        guard let field = use.field else { return self }
        return ChartRequestError(field, text)
    }

    private var text: OptionText {
        let target = use.path == "-" ? (use.writes ? "standard output" : "standard input") : quoted(use.path, limit: 200)
        let fix: OptionText =
            !(earlier.writes && use.writes)
            ? "write somewhere else: an output never replaces an input"
            : earlier.field == use.field && earlier.role != use.role
                ? "put {name} in it so that each chart has its own"
                : "give each its own path"
        let subject: OptionText = use.field == nil ? "\(use.role) \(target)" : "\(target)"
        return "\(subject) is also \(earlier.role): \(fix)"
    }
}
