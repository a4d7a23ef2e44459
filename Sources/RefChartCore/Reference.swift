public import Foundation

/// A dated marker on the time axis: a launch, a campaign, a release.
///
/// The shape follows OpenPanel's References API (`id`, `title`, `description`, `date`, `projectId`,
/// `createdAt`, `updatedAt`). Local references files may add an `end` (a range, drawn as a band) and a
/// `category`, `color` or `priority`, which the API does not have.
public struct Reference: Sendable, Hashable {
    /// The reference's id (a UUID for API references; any string for local files).
    public var id: String
    /// The label drawn on the chart.
    public var title: String
    /// Optional notes; shown in footnotes, never on the plot.
    public var description: String?
    /// The instant the reference marks (the start, for a range).
    public var date: Date
    /// The end of a range reference, or `nil` for a point in time.
    public var end: Date?
    /// The OpenPanel project the reference belongs to, when known.
    public var projectId: String?
    /// A free-form category; references of one category share a colour.
    public var category: String?
    /// An explicit colour (`#rrggbb`), overriding the category colour.
    public var color: String?
    /// Which references win a label first where not all fit: higher first; `nil` ranks as 0 (OpenPanel's
    /// references have none), ties in time order.
    public var priority: Double?
    /// When the reference was created (API references only).
    public var createdAt: Date?
    /// When the reference was last changed (API references only).
    public var updatedAt: Date?

    /// Creates a reference.
    public init(
        id: String, title: String, description: String? = nil, date: Date, end: Date? = nil,
        projectId: String? = nil, category: String? = nil, color: String? = nil, priority: Double? = nil,
        createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.date = date
        self.end = end
        self.projectId = projectId
        self.category = category
        self.color = color
        self.priority = priority
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
