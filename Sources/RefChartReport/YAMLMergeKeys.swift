/// YAML's merge key (`<<: *common`, or `<<: [*a, *b]`), which libyaml leaves to the composer: the mapping's
/// own keys win, then the merged mappings in the order given (the YAML 1.1 merge rules).
///
/// ``JobNodeReader`` merges each mapping as it ends, so a merged mapping's own merges are already done:
/// one pass, however the anchors nest (merging recursively was exponential in `<<: [*a, *a]` chains).
extension Array where Element == JobNode.Pair {
    /// The mapping with every `<<` key replaced by the pairs of the mappings it names.
    /// - Throws: the node and a message when a `<<` value is not a mapping or a list of mappings.
    func mergingKeys() throws(MergeKeyProblem) -> [JobNode.Pair] {
        guard contains(where: { $0.key.isMergeKey }) else { return self }
        var pairs = filter { !$0.key.isMergeKey }
        var present = Set(pairs.compactMap { $0.key.string })
        for merge in self where merge.key.isMergeKey {
            let sources: [JobNode]
            switch merge.value.content {
            case .mapping: sources = [merge.value]
            case .sequence(let list): sources = list
            case .scalar: throw MergeKeyProblem(node: merge.value, message: "\"<<\" must name a mapping (<<: *anchor) or a list of them")
            }
            for source in sources {
                guard let mapping = source.mapping else {
                    throw MergeKeyProblem(node: source, message: "\"<<\" must name a mapping (<<: *anchor) or a list of them")
                }
                for pair in mapping where present.insert(pair.key.string ?? "").inserted {
                    pairs.append(pair)
                }
            }
        }
        return pairs
    }
}

/// A `<<` value that is not a mapping or a list of mappings.
struct MergeKeyProblem: Error {
    /// Where the faulty value is (1-based).
    var line: Int
    var column: Int
    var message: String

    init(node: JobNode, message: String) {
        line = node.line
        column = node.column
        self.message = message
    }
}
