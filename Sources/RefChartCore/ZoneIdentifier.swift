public import Foundation

/// An IANA time zone as a request, a job file or a flag names it (`Europe/Berlin`), checked where it is
/// read: a bad name is refused with its field, line and column, or its flag.
public struct ZoneIdentifier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The zone.
    public let zone: TimeZone
    /// The name as given.
    public let identifier: String

    /// UTC.
    public static let utc = ZoneIdentifier(TimeZone(identifier: "UTC")!)

    /// The examples a bad name's message gives.
    public static let examples = "e.g. UTC, Europe/Berlin, America/New_York"

    /// The zone named `identifier`, or `nil` when there is none of that name.
    public init?(_ identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
        self.identifier = identifier
    }

    /// `zone`, named by its own identifier.
    public init(_ zone: TimeZone) {
        self.zone = zone
        identifier = zone.identifier
    }

    /// What a bad name gets: `"Mars/Base" is not an IANA time zone (e.g. …)`.
    public static func problem(_ identifier: String) -> String {
        "\(quoted(identifier)) is not an IANA time zone (\(examples))"
    }

    /// The name.
    public var description: String { identifier }

    /// Decodes a zone name; an unknown one is a data error saying so.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let zone = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.problem(text))
        }
        self = zone
    }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}
