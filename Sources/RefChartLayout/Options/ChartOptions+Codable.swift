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
        .init(.log, \.log), .init(.rightAxis, \.rightAxis), .init(.impact, \.impact),
        .init(.impactWindow, \.impactWindow), .init(.impactSeries, \.impactSeries), .init(.footnotes, \.footnotes),
        .init(.maxHeight, \.maxHeight), .init(.svgText, \.svgText),
    ]

    /// Decodes the options from a request's keys; keys that are not options are left to the request.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: ChartKey.self)
        for field in Self.fields { try field.decode(container, &self) }
    }

    /// Encodes every option under its key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ChartKey.self)
        for field in Self.fields { try field.encode(&container, self) }
    }
}
