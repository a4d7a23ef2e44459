import Foundation
public import RefChartCore

/// Turns the API's JSON into ``Reference`` values and back. Unknown keys (such as the `project` object on
/// GET by id) are ignored.
public enum APIDecoding {
    /// The `data` object of a single-reference answer.
    static func reference(in body: Data) throws -> Reference {
        guard let object = try json(body)["data"] as? [String: Any] else {
            throw OpenPanelError(kind: .badResponse, message: "the answer has no \"data\" object")
        }
        return try reference(object)
    }

    /// The `data` array of a list answer.
    static func references(in body: Data) throws -> [Reference] {
        guard let array = try json(body)["data"] as? [Any] else {
            throw OpenPanelError(kind: .badResponse, message: "the answer has no \"data\" array")
        }
        return try array.map { entry in
            guard let object = entry as? [String: Any] else {
                throw OpenPanelError(kind: .badResponse, message: "a \"data\" entry is not an object")
            }
            return try reference(object)
        }
    }

    private static func json(_ body: Data) throws -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw OpenPanelError(kind: .badResponse, message: "the answer is not a JSON object")
        }
        return object
    }

    static func reference(_ object: [String: Any]) throws -> Reference {
        func date(_ key: String) -> Date? { (object[key] as? String).flatMap { ISO8601.date(from: $0) } }
        guard let id = object["id"] as? String, let title = object["title"] as? String, let when = date("date") else {
            throw OpenPanelError(kind: .badResponse, message: "a reference lacks an id, a title or a readable date")
        }
        return Reference(
            id: id, title: title, description: (object["description"] as? String).flatMap { $0.isEmpty ? nil : $0 }, date: when,
            projectId: object["projectId"] as? String, createdAt: date("createdAt"), updatedAt: date("updatedAt"))
    }

    /// A reference as the API writes it (`id`, `title`, `description`, `date`, `projectId`, `createdAt`,
    /// `updatedAt`), for `--json` output; `JSONSerialization` can encode the result.
    public static func apiObject(_ reference: Reference) -> [String: Any] {
        var object: [String: Any] = [
            "id": reference.id, "title": reference.title, "description": reference.description ?? NSNull(),
            "date": ISO8601.string(from: reference.date), "projectId": reference.projectId ?? NSNull(),
        ]
        object["createdAt"] = reference.createdAt.map { ISO8601.string(from: $0) } ?? NSNull()
        object["updatedAt"] = reference.updatedAt.map { ISO8601.string(from: $0) } ?? NSNull()
        return object
    }
}
