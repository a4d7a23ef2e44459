import Foundation
public import RefChart

/// The query values a client may change on a configured chart (`?last=7d&width=800&theme=dark`), checked
/// as the CLI checks them; anything else is refused, so a request cannot name a file or a URL.
struct ChartOverrides: Hashable {
    /// A refused value: the field and why, for a 400 with a JSON body.
    struct Problem: Error {
        var field: String
        var message: String
    }

    static let allowed: [String] = ["from", "to", "last", "width", "height", "theme", "scale", "impact", "category"]

    /// The values given, by field, in a canonical order (the cache key's).
    let values: [(String, String)]

    static func == (a: Self, b: Self) -> Bool { a.canonical == b.canonical }
    func hash(into hasher: inout Hasher) { hasher.combine(canonical) }

    var canonical: String { values.map { "\($0)=\($1)" }.joined(separator: "&") }

    /// - Throws: ``Problem`` for a field that is not allowed or given twice.
    init(_ query: [(String, String)]) throws {
        var seen: [String: String] = [:]
        for (name, value) in query {
            guard Self.allowed.contains(name) else {
                throw Problem(field: name, message: "\(quoted(name)) cannot be set here; the query may set \(Self.allowed.joined(separator: ", "))")
            }
            guard seen[name] == nil else { throw Problem(field: name, message: "\(quoted(name)) is given twice") }
            seen[name] = value
        }
        values = seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `request` with these values applied and validated.
    /// - Throws: ``Problem`` naming the field.
    func apply(to base: ChartRequest) throws -> ChartRequest {
        var request = base
        for (name, value) in values {
            func number(_ range: ClosedRange<Double>) throws -> Double {
                guard let number = Double(value), range.contains(number) else {
                    throw Problem(
                        field: name, message: "\(quoted(name)) must be \(Int(range.lowerBound)) to \(Int(range.upperBound)), not \(quoted(value))")
                }
                return number
            }
            switch name {
            case "width": request.options.width = Int(try number(100...16_384))
            case "height": request.options.height = Int(try number(100...16_384))
            case "scale": request.options.scale = try number(0.25...8)
            case "theme":
                guard let theme = ChartTheme(rawValue: value) else { throw Problem(field: name, message: "\"theme\" must be light or dark") }
                request.options.theme = theme
            case "impact":
                guard let flag = ["true": true, "false": false][value] else {
                    throw Problem(field: name, message: "\"impact\" must be true or false")
                }
                request.options.impact = flag
            case "last":
                guard let window = RelativeWindow(value) else {
                    throw Problem(field: name, message: "\"last\" \(quoted(value)) is not a duration: 7d, 12h, 6w, 3mo, 1y")
                }
                (request.last, request.from) = (window, nil)
            case "from": request.from = value
            case "to": request.to = value
            case "category": request.categories = [value]
            default: break
            }
        }
        do {
            try request.validate()
        } catch let problem as ChartRequestError {
            throw Problem(field: problem.field.stringValue, message: "\(problem)")
        }
        return request
    }
}
