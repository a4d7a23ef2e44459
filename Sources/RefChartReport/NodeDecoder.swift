import Foundation
import Yams

/// Decodes a value from a jobs file's ``JobNode``, scalars read by Yams' own constructors (so `width: 300`,
/// `lenient: yes` and their errors are as `YAMLDecoder` has them), each mapping's keys looked up in a
/// dictionary built once.
///
/// Why not `YAMLDecoder`: it finds a key by comparing `Node`s, which resolves each key's tag with a regular
/// expression, and reads the process environment per decoder. A chart asks for its ~50 keys, so a jobs file
/// of 10,221 charts took 4.1 s to `--check` (90 % in decoding and lookups); 0.9 s with this decoder over
/// ``JobNode``s.
struct NodeDecoder: Decoder {
    let node: JobNode
    /// The path of the container this node is in, and the node's key or index in it: the coding path is
    /// only needed for an error, so it is not built for every value (an array per value was 6 %).
    private let parentPath: [any CodingKey]
    private let key: (any CodingKey)?
    var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A mapping's values by key, made once: a chart's request and its options each ask for a container.
    private let values: [String: JobNode]?

    init(_ node: JobNode, codingPath: [any CodingKey] = [], key: (any CodingKey)? = nil) {
        self.node = node
        parentPath = codingPath
        self.key = key
        values = node.mapping.map { mapping in
            var values: [String: JobNode] = [:]
            values.reserveCapacity(mapping.count)
            for pair in mapping {
                if let name = pair.key.string, values[name] == nil { values[name] = pair.value }
            }
            return values
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let values else { throw mismatch([String: String].self) }
        return KeyedDecodingContainer(Keyed<Key>(values: values, pairs: node.mapping ?? [], codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let sequence = node.sequence else { throw mismatch([String].self) }
        return Unkeyed(items: Array(sequence), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(type)"))
    }

    /// A decoder for `node` one key or index deeper.
    func child(_ node: JobNode, _ key: any CodingKey) -> NodeDecoder { NodeDecoder(node, codingPath: codingPath, key: key) }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let values: [String: JobNode]
        /// The mapping in the file's order: ``allKeys`` follows it, so the first problem reported is the
        /// first in the file.
        let pairs: [JobNode.Pair]
        let codingPath: [any CodingKey]
        var allKeys: [Key] { pairs.compactMap { $0.key.string.flatMap(Key.init(stringValue:)) } }

        func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

        func decoder(_ key: Key) throws -> NodeDecoder {
            guard let node = values[key.stringValue] else {
                throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "no such key"))
            }
            return NodeDecoder(node, codingPath: codingPath, key: key)
        }

        /// The decoder for `key` unless it is absent or null: one lookup, not three (`contains`, `decodeNil`,
        /// `decode`), for the question a request asks of every key it has.
        private func present(_ key: Key) -> NodeDecoder? {
            guard let node = values[key.stringValue], !node.isNull else { return nil }
            return NodeDecoder(node, codingPath: codingPath, key: key)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(key)?.decode(type) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.decode(type) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.decode(type) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.decode(type) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key)?.decode(type) }

        func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).decodeNil() }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decode(type) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try decoder(key).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }
        func superDecoder() throws -> any Decoder { NodeDecoder(JobNode(.mapping([]), line: 0, column: 0), codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JobNode]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        init(items: [JobNode], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        mutating func next() throws -> NodeDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(JobNode.self, DecodingError.Context(codingPath: codingPath, debugDescription: "the list ended"))
            }
            defer { currentIndex += 1 }
            return NodeDecoder(items[currentIndex], codingPath: codingPath, key: Index(intValue: currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, NodeDecoder(items[currentIndex]).decodeNil() else { return false }
            currentIndex += 1
            return true
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    private struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }
}

extension NodeDecoder: SingleValueDecodingContainer {
    /// The spellings read without Yams; Yams reads the same as these booleans.
    static let booleans = ["true": true, "false": false, "yes": true, "no": false]

    func decodeNil() -> Bool { node.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // A string is the scalar's text (as Yams has it); Yams' scalar for the others allocates a tag
        // (7 % of checking a jobs file of 40,000 charts), so strings skip it.
        if T.self == String.self, let text = node.string { return text as! T }
        // Plain decimal integers and the four common booleans are what jobs files hold: read directly,
        // Yams' constructors (sexagesimal, hex, a tag per scalar) only for the rest. Yams' Int was 6.6 %
        // of checking a 5 MB jobs file.
        if T.self == Int.self, let text = node.string, text.utf8.count < 19, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let value = Int(text)
        {
            return value as! T
        }
        if T.self == Bool.self, let text = node.string, let value = Self.booleans[text] { return value as! T }
        guard let constructible = type as? any ScalarConstructible.Type else { return try T(from: self) }
        guard let text = node.string else { throw mismatch(JobNode.self) }
        guard let value = constructible.construct(from: Node.Scalar(text)) as? T else { throw mismatch(type) }
        return value
    }
}
