public import Foundation
package import RefChartLayout
package import RefChartScene

/// What ``ChartPipeline`` made of one ``ChartRequest``: the images, where they went, and the layout report.
public struct RenderedChart: Sendable {
    /// One rendered image.
    public struct Image: Sendable, Hashable {
        /// Its format.
        public var format: ChartFormat
        /// The file's bytes.
        public var bytes: [UInt8]
        /// Where it was (or is to be) written: a path, `-` for standard output, or `nil` for memory only.
        public var path: String?
    }

    /// The request, as run.
    public var request: ChartRequest
    /// One image per requested format, in the request's order.
    public var images: [Image]
    /// Where every reference went.
    public var layoutReport: LayoutReport
    /// Where the layout report goes, placeholders filled in (`-` for standard output), if anywhere.
    public var layoutReportPath: String?
    /// The whole footnote table and where it goes, when the request names a footnotes file.
    public var footnoteTable: (path: String, bytes: [UInt8])?
    /// Things the reader did that the user should hear of (skipped rows in lenient mode, merged rows, glyphs
    /// no font has); options in them are spelled by the front end.
    public var warnings: [OptionText]
    /// The chart's page at scale 1, kept when a combined PDF report asks for it.
    package var page: Scene?
    /// SHA-256 of the series, references and options it was drawn from, when asked for.
    package var inputDigest: String?

    /// The bytes of the image in `format`, if it was rendered.
    public func image(_ format: ChartFormat) -> [UInt8]? {
        images.first { $0.format == format }?.bytes
    }

    /// The paths the images and the layout report were written to (standard output not included).
    public var writtenPaths: [String] {
        (images.compactMap(\.path) + [layoutReportPath, footnoteTable?.path].compactMap { $0 }).filter { $0 != "-" }
    }
}

extension LayoutReport {
    /// The report as pretty-printed JSON with sorted keys (stable across runs).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
