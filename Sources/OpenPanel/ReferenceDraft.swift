import Foundation

/// A reference to create: `POST /manage/references`.
public struct ReferenceDraft: Sendable, Hashable {
    /// The project it belongs to.
    public var projectId: String
    /// The title (at least one character).
    public var title: String
    /// Optional notes.
    public var description: String?
    /// The instant, in one of the documented forms: `2024-01-15T10:00:00.000Z`, `2024-01-15T10:00:00-05:00`
    /// or `2024-01-15` (UTC midnight). Sent normalised as `YYYY-MM-DDTHH:mm:ss.sssZ`.
    public var datetime: String

    /// Creates a draft.
    public init(projectId: String, title: String, description: String? = nil, datetime: String) {
        self.projectId = projectId
        self.title = title
        self.description = description
        self.datetime = datetime
    }
}

/// Changes to a reference: `PATCH /manage/references/{id}`. Fields left `nil` are not sent.
public struct ReferencePatch: Sendable, Hashable {
    /// What to do with the description.
    public enum DescriptionChange: Sendable, Hashable {
        /// Set it to this text.
        case set(String)
        /// Clear it: sends `"description": null` as documented, and an empty description when the server
        /// refuses null (the live one does).
        case clear
    }

    /// A new title (at least one character).
    public var title: String?
    /// A new description, or clearing it.
    public var description: DescriptionChange?
    /// A new instant, in one of the forms ``ReferenceDraft/datetime`` takes.
    public var datetime: String?

    /// Creates a patch.
    public init(title: String? = nil, description: DescriptionChange? = nil, datetime: String? = nil) {
        self.title = title
        self.description = description
        self.datetime = datetime
    }

    /// Whether the patch changes nothing.
    public var isEmpty: Bool { title == nil && description == nil && datetime == nil }
}
