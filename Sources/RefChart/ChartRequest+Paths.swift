public import Foundation
import RefChartCore

extension ChartRequest {
    /// The local files this chart reads: its CSV (not a URL) and its references files.
    public var reads: [PathUse] {
        var uses: [PathUse] = []
        if let csv, !csv.hasPrefix("http://"), !csv.hasPrefix("https://") {
            uses.append(PathUse("metrics CSV (\(option: .csv))", field: .csv, path: csv, writes: false))
        }
        for file in references {
            uses.append(PathUse("references file (\(option: .references))", field: .references, path: file, writes: false))
        }
        return uses
    }

    /// Every file this chart writes, placeholders filled in: each image, the layout report, the footnotes file.
    /// - Parameter now: The run's instant (`{date}`).
    /// - Throws: ``ChartRequestError`` for a path the placeholders cannot fill.
    public func writes(now: Date) throws -> [PathUse] {
        var uses = try outputs(now: now).map { format, path in
            PathUse("\(format.rawValue) image (\(option: .output))", field: .output, path: path, writes: true)
        }
        if let path = try layoutReportPath(now: now) {
            uses.append(PathUse("layout report (\(option: .layoutReport))", field: .layoutReport, path: path, writes: true))
        }
        if let footnotesFile {
            let path = try filled(footnotesFile, now: now, field: .footnotesFile)
            uses.append(PathUse("footnotes file (\(option: .footnotesFile))", field: .footnotesFile, path: path, writes: true))
        }
        return uses
    }

    /// ``layoutReport`` with `{name}` and `{date}` filled in.
    public func layoutReportPath(now: Date) throws -> String? {
        try layoutReport.map { $0 == "-" ? $0 : try filled($0, now: now, field: .layoutReport) }
    }

    /// Checks that no file this chart writes is one it reads or another it writes (symbolic and hard
    /// links followed), and records its uses in `ledger` (a report shares one across its charts).
    /// - Throws: ``ChartRequestError`` naming the field and both uses.
    public func checkPaths(now: Date, in ledger: inout PathLedger) throws {
        try ledger.add((reads + (try writes(now: now))).map { $0.inChart(ledger.namesCharts ? name : nil) })
    }

    /// ``checkPaths(now:in:)`` for a chart on its own.
    public func checkPaths(now: Date) throws {
        var ledger = PathLedger()
        try checkPaths(now: now, in: &ledger)
    }
}
