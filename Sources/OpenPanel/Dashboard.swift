/// A saved dashboard of an OpenPanel project (`GET /manage/projects/:projectId/dashboards`).
public struct Dashboard: Sendable, Hashable, Decodable {
    /// A slug of its name (`marketing`, `marketing-4821`), not a UUID.
    public var id: String
    public var name: String
    public var projectId: String
}
