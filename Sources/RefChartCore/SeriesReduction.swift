/// How the CSV reader may reduce long series while it reads, so memory does not grow with the file:
/// each series keeps, per fine time bucket, its first, lowest, highest and last point (M4 at many times a
/// plot's width: the line a chart draws through them is the line through every point), its gaps, the
/// point nearest each of `keepNear`, and exact figures (``SeriesTally``) for `inspect` and impact numbers.
///
/// Bars and stacked areas sum or average every point, so a reader for them must not reduce. The reader
/// also reads in full (and reduces nothing) a file whose times go backwards or repeat, a long file, and
/// standard input, where such a file could not be read again.
public struct SeriesReduction: Sendable, Hashable {
    /// Instants whose nearest point is kept exactly (the references), ascending.
    public var keepNear: [Double]
    /// Instants impact windows start and end at, ascending: the mean between any two of them is exact.
    public var windowBounds: [Double]
    /// Fine buckets across the data (or the window) at most, and at least half as many: by default 32,768,
    /// 7 or more per device pixel column of a 2× 1200-pixel-wide chart's plot (M4 there uses 4 a column).
    public var buckets: Int
    /// Rows a batch holds before it is reduced (2 MB or so per column); a file with fewer is kept whole.
    public var minimumRows: Int
    /// The time range the chart shows, when known before reading (`--from`, `--to`, `--last`; either end may
    /// be infinite): only its points are reduced, at the grid's full resolution, and of the points outside
    /// it only those next to it are kept. `nil`: the whole extent.
    public var window: ClosedRange<Double>?

    /// Creates a reduction.
    public init(keepNear: [Double] = [], windowBounds: [Double] = [], buckets: Int = 1 << 15, minimumRows: Int = 1 << 15) {
        self.keepNear = keepNear.sorted()
        self.windowBounds = Array(Set(windowBounds)).sorted()
        self.buckets = max(16, buckets)
        self.minimumRows = minimumRows
    }
}
