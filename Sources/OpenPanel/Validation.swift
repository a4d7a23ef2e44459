import Foundation
import RefChartCore

/// Client-side checks the server does not do (it answers 500 to a bad date or a non-UUID id).
enum Validation {
    /// The date in the API's form (`YYYY-MM-DDTHH:mm:ss.sssZ`) from one of the documented input forms: a
    /// date alone (UTC midnight), or a date and time with `Z` or an offset. A time without an offset is
    /// refused: the server would read it in its own zone.
    static func datetime(_ text: String, field: String = "datetime") throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parsed = ISO8601.parse(trimmed), parsed.isDateOnly || parsed.hasOffset else {
            throw OpenPanelError.invalidInput(
                "\(field) \"\(text)\" is not an ISO 8601 date with a zone",
                hint: "use 2024-01-15T10:00:00.000Z, 2024-01-15T10:00:00-05:00 or 2024-01-15")
        }
        return ISO8601.string(fromSeconds: parsed.seconds)
    }

    static func title(_ text: String) throws -> String {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw OpenPanelError.invalidInput("the title is empty", hint: "a reference needs a title of at least one character")
        }
        return text
    }

    static func id(_ text: String) throws -> String {
        guard UUID(uuidString: text) != nil else {
            throw OpenPanelError.invalidInput("\"\(text)\" is not a reference id", hint: "ids are UUIDs such as 1af09627-2dd7-4b37-9e5c-6ffa7e450e85")
        }
        return text.lowercased()
    }

    static func projectId(_ text: String) throws -> String {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OpenPanelError.invalidInput("the project id is empty", hint: "pass the OpenPanel project id, e.g. --project my-project")
        }
        return text
    }
}
