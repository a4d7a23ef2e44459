// libyaml as Yams bundles it: Yams composes a whole document of tagged nodes and hashes every mapping's keys
// (a regular expression per key), which this reader does not need; it is the same parser, so the same YAML.
internal import CYaml
import RefChartCore

/// Reads a YAML document into ``JobNode``s from libyaml's events, without recursion (a file of 100,000
/// nested `[` is an error, not a stack overflow).
///
/// Keys given twice in a mapping are refused where the second one is; anchors and aliases are resolved
/// (an alias shares its anchor's node) and merge keys (`<<: *defaults`) merged; a stream with more than
/// one document is refused.
struct JobNodeReader {
    /// Why a text is not a jobs-file document, and where (1-based).
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Deeper than this is not a jobs file (charts are 3 levels deep; merge lists and options 5).
    static let deepest = 64

    /// The document's root, or nil when the text holds no document (empty, or only comments).
    static func read(_ text: String) throws(Failure) -> JobNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        var reader = JobNodeReader()
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> JobNode? in
            try reader.compose(buffer)
        }
    }

    /// A list or mapping being read: its items so far.
    private struct Open {
        var node: JobNode
        var anchor: String?
        var pendingKey: JobNode?
        var keys: Set<String> = []
    }

    private var parser = yaml_parser_t()
    private var anchors: [String: JobNode] = [:]
    private var open: [Open] = []

    private mutating func compose(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> JobNode? {
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure(line: 1, column: 1, message: "out of memory") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var root: JobNode?
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw parserFailure(buffer) }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            var finished: (node: JobNode, anchor: String?)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else {
                    throw Failure(line: line, column: column, message: "expected a single document, but found another: a jobs file is one document")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tag = scalar.quoted_implicit == 1 ? nil : Self.text(scalar.tag)
                let node = JobNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column, tag: tag)
                finished = (node, Self.text(scalar.anchor))
            case YAML_ALIAS_EVENT:
                let name = Self.text(event.data.alias.anchor) ?? ""
                guard let node = anchors[name] else {
                    throw Failure(line: line, column: column, message: "the alias *\(quoted(name, limit: 40)) names no anchor defined before it")
                }
                finished = (node, nil)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                let tag = start.implicit != 0 ? nil : Self.text(start.tag)
                try push(JobNode(.sequence([]), line: line, column: column, tag: tag), anchor: Self.text(start.anchor))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                let tag = start.implicit != 0 ? nil : Self.text(start.tag)
                try push(JobNode(.mapping([]), line: line, column: column, tag: tag), anchor: Self.text(start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                var done = open.removeLast()
                if let pairs = done.node.mapping {
                    do {
                        done.node.content = .mapping(try pairs.mergingKeys())
                    } catch {
                        throw Failure(line: error.line, column: error.column, message: error.message)
                    }
                }
                finished = (done.node, done.anchor)
            default:
                break  // stream start, document end
            }
            if let (node, anchor) = finished {
                if let anchor { anchors[anchor] = node }
                if open.isEmpty { root = node } else { try add(node) }
            }
        }
    }

    private mutating func push(_ node: JobNode, anchor: String?) throws(Failure) {
        guard open.count < Self.deepest else {
            throw Failure(
                line: node.line, column: node.column, message: "nested more than \(Self.deepest) levels deep: a jobs file is charts of keys")
        }
        open.append(Open(node: node, anchor: anchor))
    }

    /// Adds a finished node to the innermost open list or mapping.
    private mutating func add(_ node: JobNode) throws(Failure) {
        let last = open.count - 1
        switch open[last].node.content {
        case .sequence(var items):
            open[last].node.content = .scalar("", plain: true)  // let go of the array so the append is in place
            items.append(node)
            open[last].node.content = .sequence(items)
        case .mapping(var pairs):
            guard let key = open[last].pendingKey else {
                if let name = node.string, !node.isMergeKey, !open[last].keys.insert(name).inserted {
                    throw Failure(line: node.line, column: node.column, message: "\(quoted(name)) is given twice")
                }
                open[last].pendingKey = node
                return
            }
            open[last].pendingKey = nil
            open[last].node.content = .scalar("", plain: true)
            pairs.append(JobNode.Pair(key: key, value: node))
            open[last].node.content = .mapping(pairs)
        case .scalar:
            break
        }
    }

    private mutating func parserFailure(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable"
        if parser.error == YAML_READER_ERROR {
            // The reader reports a byte offset (bad UTF-8, a control character): count lines up to it.
            let offset = min(parser.problem_offset, buffer.count)
            let before = buffer[..<offset]
            let line = before.count { $0 == 0x0A } + 1
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return Failure(line: line, column: column, message: "not valid YAML: \(problem) (byte \(offset))")
        }
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's scanner reads ahead and stops at 1,000 open `[`/`{` before a deep event reaches us.
            return Failure(
                line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                message: "nested more than \(Self.deepest) levels deep: a jobs file is charts of keys")
        }
        let context = parser.context.map { " (\(String(cString: $0)) at line \(parser.context_mark.line + 1))" } ?? ""
        return Failure(
            line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
            message: "not valid YAML: \(problem)\(context)")
    }

    private static func text(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
