/// Every key of a chart request, as job files write it and ``ChartRequest`` decodes it: the one
/// vocabulary the CLI's flags, job files, errors and the README's key table are checked against.
///
/// The keys of ``ChartOptions`` (how the chart looks) are among them; the rest name its sources, window
/// and outputs.
public enum ChartKey: String, CodingKey, CaseIterable, Sendable, Hashable {
    case name, csv, timeColumn, valueColumns, seriesColumn, delimiter, timeFormat, decimalComma, duplicates, lenient
    case skipLines, columnNames, naValues, series, excludeSeries
    case events, segment, interval, orgTimezone
    case references, openpanelProject, categories, excludeCategories, from, to, last, timezone
    case title, width, height, scale, theme, formats, output, layoutReport, footnotes, maxHeight, footnotesFile
    case impact, impactWindow, impactSeries, type, stacked, bucket, connectGaps, yLabel, yMin, yMax, log, rightAxis, svgText, labelCategories,
        seriesColors
}

extension ChartKey {
    /// Every key by its name.
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The key named `stringValue`, found in a table: the synthesised initialiser compares the name with
    /// each of the 52 in turn, and a decoder asks once per key of every chart (10 % of checking a jobs
    /// file of 40,000 charts).
    public init?(stringValue: String) {
        guard let key = Self.byName[stringValue] else { return nil }
        self = key
    }
}
