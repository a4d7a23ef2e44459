import RefChartRender

/// refchart's version, and the Cairo and Pango it runs with.
public enum RefChartVersion {
    /// The package version.
    public static let package = "0.3.0"

    /// `refchart 0.3.0 (Cairo 1.16.0, Pango 1.50.12)`.
    public static var description: String {
        "refchart \(package) (Cairo \(LibraryVersions.cairo), Pango \(LibraryVersions.pango))"
    }
}
