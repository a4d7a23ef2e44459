/// A node of a jobs file as libyaml read it: a scalar's text, a list or a mapping, with where it starts.
///
/// Why not Yams' `Node`: every Yams node carries a `Tag` object that resolves itself with a regular
/// expression whenever a node is hashed or compared, and Yams composes a document by hashing every
/// mapping's keys to find duplicates; that was a third of `--check` on large files. A jobs file only needs
/// text, shape and position; keys are compared as strings.
struct JobNode {
    /// What the node holds.
    enum Content {
        /// A scalar's text; `plain` when it was written unquoted (only a plain `null` is null, only a
        /// plain `<<` merges).
        case scalar(String, plain: Bool)
        case sequence([JobNode])
        case mapping([Pair])
    }

    /// A key and its value, in the order written.
    struct Pair {
        var key: JobNode
        var value: JobNode
    }

    var content: Content
    /// The 1-based line and column where the node starts.
    var line: Int
    var column: Int
    /// An explicit tag (`!!merge`, `!!str`), when one was written.
    var tag: String?

    init(_ content: Content, line: Int, column: Int, tag: String? = nil) {
        self.content = content
        self.line = line
        self.column = column
        self.tag = tag
    }

    /// The text of a scalar.
    var string: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The pairs of a mapping.
    var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items of a list.
    var sequence: [JobNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var isScalar: Bool {
        if case .scalar = content { return true }
        return false
    }

    /// A plain `null`, `~` or empty value (a quoted `"null"` is a string), as YAML 1.1's null.
    var isNull: Bool {
        guard case .scalar(let text, let plain) = content, plain, tag == nil || tag == "tag:yaml.org,2002:null" else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// `<<` as a plain key or tagged `!!merge` (a quoted `"<<"` is an ordinary key).
    var isMergeKey: Bool {
        if tag == "tag:yaml.org,2002:merge" { return true }
        guard case .scalar(let text, let plain) = content else { return false }
        return plain && tag == nil && text == "<<"
    }
}

extension Array where Element == JobNode.Pair {
    /// The key and value for a string key (the first, though a reader refuses keys given twice).
    func pair(_ key: String) -> JobNode.Pair? {
        first { $0.key.string == key }
    }

    /// The value for a string key.
    subscript(_ key: String) -> JobNode? { pair(key)?.value }
}
