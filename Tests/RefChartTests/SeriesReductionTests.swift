import Foundation
import RefChart
import RefChartCore
import RefChartRender
import RefChartScene
import Testing

/// A long CSV reduced while it is read must tell and draw what the whole file does: exact counts, exact
/// impact means, the points nearest each reference, and the same picture.
struct SeriesReductionTests {
    static let start = 1_704_067_200.0

    /// `rows` minutes of a random walk in two columns; `b` has empty cells (gaps) in runs and values ≤ 0.
    static func wideFile(rows: Int, seed: UInt64 = 7) -> String {
        var random = SeededGenerator(seed: seed)
        var (a, b) = (1000.0, 5.0)
        var text = "timestamp,a,b,note\n"
        text.reserveCapacity(rows * 48)
        for row in 0..<rows {
            a += Double.random(in: -3...3, using: &random)
            b += Double.random(in: -1...1, using: &random)
            let stamp = ISO8601.string(fromSeconds: start + Double(row) * 60, fractionalSeconds: false)
            let gap = row % 9_000 < 40 || (row % 701 == 3)
            text += "\(stamp),\(String(format: "%.2f", a)),\(gap ? "" : String(format: "%.2f", b)),\(row % 5_000 == 0 ? "deploy" : "")\n"
        }
        return text
    }

    static func read(_ text: String, reduction: SeriesReduction?, split: Bool = false) throws -> MetricTable {
        var options = CSVOptions()
        options.reduction = reduction
        guard split else { return try CSVReader.read(data: Data(text.utf8), source: "long.csv", options: options) }
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("long.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try CSVReader.read(path: path, options: options)
    }

    @Test func theTallyIsTheWholeFilesSummary() throws {
        let text = Self.wideFile(rows: 300_000)
        let whole = try Self.read(text, reduction: nil)
        let reduced = try Self.read(text, reduction: SeriesReduction())
        #expect(reduced.rows == whole.rows && reduced.series.map(\.name) == ["a", "b"])
        for (full, small) in zip(whole.series, reduced.series) {
            let tally = try #require(small.tally)
            #expect(full.tally == nil)
            #expect(SeriesSummary(small) == SeriesSummary(full))
            #expect(tally.rows == full.count)
            #expect(tally.nonPositive == full.values.filter { $0 <= 0 }.count)
            // Only the points a chart draws: at most four per fine bucket, and a few for the gaps.
            #expect(small.count < 4 * SeriesReduction().buckets + 2_000, "kept \(small.count)")
            #expect(small.count < full.count / 2)
            // Every kept point is a point of the file; times ascend.
            let valueAt = Dictionary(uniqueKeysWithValues: zip(full.times, full.values))
            for (t, v) in zip(small.times, small.values) where !v.isNaN { #expect(valueAt[t] == v) }
            #expect(zip(small.times, small.times.dropFirst()).allSatisfy { $0 <= $1 })
        }
        // Gaps survive: the 40-row runs of empty cells leave breaks in b.
        #expect(reduced.series[1].values.filter(\.isNaN).count >= 300_000 / 9_000)
    }

    @Test func theGridDoesNotDependOnHowTheFileWasCut() throws {
        // Over 4 MB: read in two halves at once, each reducing on its own, then merged.
        let text = Self.wideFile(rows: 110_000, seed: 3)
        let serial = try Self.read(text, reduction: SeriesReduction())
        let split = try Self.read(text, reduction: SeriesReduction(), split: true)
        for (x, y) in zip(serial.series, split.series) {
            #expect(x.tally == y.tally)
            #expect(x.name != "a" || (x.times == y.times && x.values == y.values))
        }
        #expect(serial.rows == split.rows && serial.series.count == 2)
    }

    @Test func impactMeansAndTheNearestPointsAreExact() throws {
        let text = Self.wideFile(rows: 200_000, seed: 11)
        let whole = try Self.read(text, reduction: nil)
        let instants = stride(from: 1_000.0, to: 199_000, by: 9_931.7).map { Self.start + $0 * 60 }
        let window = RelativeWindow("7d")!
        let bounds = instants.flatMap { t -> [Double] in
            let date = Date(timeIntervalSince1970: t)
            return [window.start(before: date, in: .gmt).timeIntervalSince1970, t, window.end(after: date, in: .gmt).timeIntervalSince1970]
        }
        let reduced = try Self.read(text, reduction: SeriesReduction(keepNear: instants, windowBounds: bounds))
        for (full, small) in zip(whole.series, reduced.series) {
            for t in instants {
                let date = Date(timeIntervalSince1970: t)
                let (low, high) = (
                    window.start(before: date, in: .gmt).timeIntervalSince1970, window.end(after: date, in: .gmt).timeIntervalSince1970
                )
                let exact = ReferenceImpact(series: full, instant: t, beforeStart: low, afterEnd: high, window: "7d")
                let tallied = ReferenceImpact(series: small, instant: t, beforeStart: low, afterEnd: high, window: "7d")
                #expect(exact.before != nil && exact.after != nil)
                #expect(abs(exact.before! - tallied.before!) <= 1e-9 * abs(exact.before!))
                #expect(abs(exact.after! - tallied.after!) <= 1e-9 * abs(exact.after!))
                // The drawn point nearest the reference is kept.
                let nearest = zip(full.times, full.values).filter { !$0.1.isNaN }.min { abs($0.0 - t) < abs($1.0 - t) }!
                #expect(zip(small.times, small.values).contains { $0 == nearest.0 && $1 == nearest.1 })
            }
        }
    }

    @Test func theReducedLineRendersLikeTheWholeLine() throws {
        let text = Self.wideFile(rows: 400_000, seed: 5)
        let instants = [0.2, 0.5, 0.77].map { Self.start + $0 * 400_000 * 60 }
        let references = instants.enumerated().map { Reference(id: "r\($0)", title: "Release \($0)", date: Date(timeIntervalSince1970: $1)) }
        func image(_ table: MetricTable) throws -> DecodedImage {
            let chart = Chart(title: "Reduced", series: [table.series[0]], references: references)
            return try DecodedImage(png: chart.render(.png))
        }
        let whole = try image(try Self.read(text, reduction: nil))
        let reduced = try image(try Self.read(text, reduction: SeriesReduction(keepNear: instants)))
        #expect(whole.width == reduced.width && whole.height == reduced.height)
        let difference = PixelDifference(whole, reduced)
        let (visible, largest) = (difference.count(beyond: 16), difference.largest)
        print("reduced render: \(visible) of \(whole.width * whole.height) pixels differ by more than 16 levels, largest \(largest)")
        // Edge shading only, as M4 itself (M4RenderTests): a fine bucket that straddles two pixel buckets
        // shades an edge pixel a little differently. Measured: 192 of 720,000 pixels beyond 16 levels,
        // largest 118 of 255, scattered single pixels along the line (the axis zoomed to this random walk
        // makes its edges steeper than the old zero-based one did: 152 pixels, largest 66).
        #expect(largest <= 128)
        #expect(visible * 1_000 < whole.width * whole.height)
    }

    @Test func timesThatGoBackOrRepeatAreReadWhole() throws {
        let text = Self.wideFile(rows: 100_000)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (from, to) in [(90_000, 89_990), (95_000, 94_999)] {  // a row 10 minutes back, then a repeated time
            var fields = lines[from].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[0] = ISO8601.string(fromSeconds: Self.start + Double(to - 1) * 60, fractionalSeconds: false)
            lines[from] = fields.joined(separator: ",")
        }
        let edited = lines.joined(separator: "\n")
        let whole = try Self.read(edited, reduction: nil)
        let reduced = try Self.read(edited, reduction: SeriesReduction())
        #expect(reduced.wasReordered && reduced.duplicates == 2)
        #expect(reduced.series.allSatisfy { $0.tally == nil })
        #expect(reduced.series.map(\.times) == whole.series.map(\.times))
    }

    @Test func shortFilesAreKeptWhole() throws {
        let table = try Self.read(Self.wideFile(rows: 20_000), reduction: SeriesReduction())
        #expect(table.series.allSatisfy { $0.tally == nil && $0.count == 20_000 })
    }

    /// `rows` minutes of a long export: three sources a minute (one missing now and then), a value column.
    static func longFile(minutes: Int, seed: UInt64 = 21) -> String {
        var random = SeededGenerator(seed: seed)
        var levels = [100.0, 50.0, 20.0]
        var text = "timestamp,source,value\n"
        text.reserveCapacity(minutes * 3 * 36)
        for minute in 0..<minutes {
            let stamp = ISO8601.string(fromSeconds: start + Double(minute) * 60, fractionalSeconds: false)
            for (k, source) in ["web", "ios", "android"].enumerated() where (minute + k) % 1_000 != 7 {
                levels[k] += Double.random(in: -1...1, using: &random)
                text += "\(stamp),\(source),\(minute % 4_000 == 9 && k == 1 ? "" : String(format: "%.2f", levels[k]))\n"
            }
        }
        return text
    }

    @Test func aLongFileIsReducedPerSeries() throws {
        let text = Self.longFile(minutes: 60_000)  // 180k rows, 5 MB: read in halves from a file
        let whole = try Self.read(text, reduction: nil)
        for split in [false, true] {
            // A coarse grid, so 60,000 points a series are reduced (the default keeps up to 131,072).
            let reduced = try Self.read(text, reduction: SeriesReduction(buckets: 2_048), split: split)
            #expect(reduced.rows == whole.rows && reduced.seriesColumn == "source" && reduced.seriesColumnDetected)
            #expect(reduced.series.map(\.name) == whole.series.map(\.name))
            for (full, small) in zip(whole.series, reduced.series) {
                #expect(small.tally != nil && SeriesSummary(small) == SeriesSummary(full))
                #expect(small.count < 4 * 2_048 + 100, "kept \(small.count)")
            }
        }
        // Named rather than detected, and two value columns: a series per key and column, named as whole.
        var options = CSVOptions(seriesColumn: "source")
        options.reduction = SeriesReduction()
        let named = try CSVReader.read(data: Data(text.utf8), source: "long.csv", options: options)
        #expect(!named.seriesColumnDetected && named.series.allSatisfy { $0.tally != nil })
    }

    @Test func aLongFileWithARepeatedKeyAndTimeIsReadWhole() throws {
        var text = Self.longFile(minutes: 40_000)
        let stamp = ISO8601.string(fromSeconds: Self.start + 39_999 * 60, fractionalSeconds: false)
        text += "\(stamp),web,1\n"  // web's last minute again: merged by the duplicate policy, so every row is kept
        let whole = try Self.read(text, reduction: nil)
        let reduced = try Self.read(text, reduction: SeriesReduction())
        #expect(reduced.duplicates == 1 && whole.duplicates == 1)
        #expect(reduced.series.allSatisfy { $0.tally == nil })
        CSVSplitReadTests.expectSame(reduced, whole)
    }

    @Test func thePipelinesImpactNumbersAreTheWholeFilesInEveryZone() async throws {
        // The pipeline asks the reader for exact sums at each reference's window bounds; the layout must ask
        // for exactly those bounds, or it measures the kept points instead — so compare with a whole read.
        let folder = try TestSupport.temporaryDirectory()
        let csv = folder.appendingPathComponent("long.csv").path
        try Data(Self.wideFile(rows: 150_000, seed: 17).utf8).write(to: URL(fileURLWithPath: csv))
        let dates = [0.13, 0.4, 0.66, 0.9].map { Date(timeIntervalSince1970: Self.start + $0 * 150_000 * 60 + 17) }
        let json =
            "["
            + dates.enumerated().map { "{\"id\":\"r\($0)\",\"title\":\"Release \($0)\",\"date\":\"\(ISO8601.string(from: $1))\"}" }
            .joined(separator: ",") + "]"
        let refs = folder.appendingPathComponent("refs.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: refs))
        for zone in ["UTC", "Europe/Berlin"] {
            for window in ["7d", "1mo"] {
                var request = ChartRequest(csv: csv)
                request.references = [refs]
                request.impact = true
                request.impactWindow = RelativeWindow(window)!
                request.impactSeries = "b"
                request.timezone = ZoneIdentifier(zone)
                let report = try await ChartPipeline().render(request).layoutReport
                var chart = Chart(series: try CSVReader.read(path: csv).series, references: try ReferencesFile.read(path: refs))
                chart.timeZone = TimeZone(identifier: zone)!
                chart.impact = true
                chart.impactWindow = RelativeWindow(window)!
                chart.impactSeries = "b"
                let whole = chart.layout().report
                #expect(report.references.count == 4)
                for (reduced, exact) in zip(report.references, whole.references) {
                    let (a, b) = (try #require(reduced.impact), try #require(exact.impact))
                    #expect(
                        abs(a.before! - b.before!) <= 1e-9 * abs(b.before!) && abs(a.after! - b.after!) <= 1e-9 * abs(b.after!),
                        "\(reduced.title) in \(zone) over \(window)")
                }
            }
        }
    }

    @Test func aWindowKeepsItsOwnPointsAtFullResolution() throws {
        // A week of a 200k-minute file: the grid spans the week alone, so every point in it is kept (a week
        // of minutes is fewer than the grid's buckets), with the points next to it; the tally is the file's.
        let text = Self.wideFile(rows: 200_000, seed: 23)
        let whole = try Self.read(text, reduction: nil)
        let window = (Self.start + 90_000 * 60 + 30)...(Self.start + 100_080 * 60 + 30)
        var reduction = SeriesReduction()
        reduction.window = window
        let reduced = try Self.read(text, reduction: reduction, split: true)
        for (full, small) in zip(whole.series, reduced.series) {
            #expect(SeriesSummary(small) == SeriesSummary(full))
            let inside = zip(full.times, full.values).filter { window.contains($0.0) }
            let kept = zip(small.times, small.values).filter { window.contains($0.0) }
            // Gaps collapse to one break a run; the drawn points are all there, in order.
            #expect(kept.filter { !$0.1.isNaN }.map(\.0) == inside.filter { !$0.1.isNaN }.map(\.0))
            let before = full.times.lastIndex { $0 < window.lowerBound }!
            let after = full.times.firstIndex { $0 > window.upperBound }!
            #expect(small.times.contains(full.times[before]) || full.values[before].isNaN)
            #expect(small.times.contains(full.times[after]) || full.values[after].isNaN)
            #expect(small.count < 12_000)
        }
    }

    @Test func aWindowedRenderIsTheWholeFilesRender() async throws {
        let folder = try TestSupport.temporaryDirectory()
        let csv = folder.appendingPathComponent("year.csv").path
        try Data(Self.wideFile(rows: 200_000, seed: 29).utf8).write(to: URL(fileURLWithPath: csv))
        var request = ChartRequest(csv: csv)
        request.valueColumns = ["a"]
        request.from = ISO8601.string(fromSeconds: Self.start + 60_000 * 60, fractionalSeconds: false)
        request.to = ISO8601.string(fromSeconds: Self.start + 70_080 * 60, fractionalSeconds: false)
        let reduced = try DecodedImage(png: try #require(try await ChartPipeline().render(request).image(.png)))
        var options = CSVOptions()
        options.valueColumns = ["a"]
        let window = Date(timeIntervalSince1970: Self.start + 60_000 * 60)...Date(timeIntervalSince1970: Self.start + 70_080 * 60)
        let chart = Chart(series: try CSVReader.read(path: csv, options: options).series, window: window)
        let whole = try DecodedImage(png: chart.render(.png))
        #expect(PixelDifference(reduced, whole).largest <= 2)
    }
}
