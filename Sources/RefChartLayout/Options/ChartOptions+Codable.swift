public import RefChartCore
public import RefChartScene

/// One option's row: its key and how it is read and written. The rows are data, one per option, so the
/// decoder, the encoder and the parity tests walk one table.
public struct ChartOptionField: Sendable {
    /// The job-file key.
    public let key: ChartKey
    let decode: @Sendable (KeyedDecodingContainer<ChartKey>, inout ChartOptions) throws -> Void
    let encode: @Sendable (inout KeyedEncodingContainer<ChartKey>, ChartOptions) throws -> Void

    init<Value: Codable & Sendable>(_ key: ChartKey, _ path: any WritableKeyPath<ChartOptions, Value> & Sendable) {
        self.key = key
        decode = { container, options in
            // An absent key (or null) keeps the default.
            if let value = try container.decodeIfPresent(Value.self, forKey: key) { options[keyPath: path] = value }
        }
        encode = { container, options in try container.encode(options[keyPath: path], forKey: key) }
    }
}

extension ChartOptions: Codable {
    /// Every option, in the order the README lists them.
    public static let fields: [ChartOptionField] = [
        .init(.title, \.title), .init(.width, \.width), .init(.height, \.height), .init(.scale, \.scale),
        .init(.theme, \.theme), .init(.timezone, \.timezone), .init(.type, \.type), .init(.stacked, \.stacked), .init(.connectGaps, \.connectGaps),
        .init(.bucket, \.bucket), .init(.yLabel, \.yLabel), .init(.yMin, \.yMin), .init(.yMax, \.yMax),
        .init(.log, \.log), .init(.rightAxis, \.rightAxis), .init(.labelCategories, \.labelCategories), .init(.seriesColors, \.seriesColors),
        .init(.impact, \.impact),
        .init(.impactWindow, \.impactWindow), .init(.impactSeries, \.impactSeries), .init(.footnotes, \.footnotes),
        .init(.maxHeight, \.maxHeight), .init(.svgText, \.svgText),
    ]

    /// Each option's row by its key.
    static let fieldsByKey = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })

    /// Decodes the options from a request's keys; keys that are not options are left to the request.
    /// Only the keys present are read, in the decoder's order (see ``ChartRequest``'s decoder).
    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, keys: decoder.container(keyedBy: ChartKey.self).allKeys)
    }

    /// Decodes the options among `keys`, the keys `decoder` holds, in that order.
    public init(from decoder: any Decoder, keys: [ChartKey]) throws {
        self.init()
        let container = try decoder.container(keyedBy: ChartKey.self)
        for key in keys { try decode(key, from: container) }
    }

    /// Reads option `key` from `container` (absent or null keeps the default); a key that is not an
    /// option is left alone. A request reads its keys in the file's order through this, so the first bad
    /// value reported is the first in the file.
    public mutating func decode(_ key: ChartKey, from container: KeyedDecodingContainer<ChartKey>) throws {
        try Self.fieldsByKey[key]?.decode(container, &self)
    }

    /// Encodes every option under its key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ChartKey.self)
        for field in Self.fields { try field.encode(&container, self) }
    }
}
