import Foundation
import RefChartCore
import RefChartScene
import Testing

@testable import RefChartLayout

/// Bars sum calendar periods: for any file, the bars' values per period are the sums of the source values
/// in that period (months of 28–31 days, ISO weeks, years, DST days of 23 and 25 hours).
struct CalendarBucketTests {
    /// The Gregorian calendar in `zone` with ISO weeks, as the layout's.
    static func calendar(_ zone: String = "UTC") -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// Checks the property on `series`: every bucket is one period (its start and every point in it have
    /// the same `period` key), and its value is the sum of the points of that period.
    static func expectSumsPerPeriod(
        _ series: [MetricSeries], bucket: CalendarBucket?, calendar: Calendar, period: (DateComponents) -> [Int],
        units: Set<Calendar.Component>, periods expected: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let times = series.flatMap(\.times)
        let shapes = SeriesShapes(
            series: series, domain: times.min()!...times.max()!, bucket: bucket, maxBuckets: 100_000, calendar: calendar)
        func key(_ t: Double) -> [Int] { period(calendar.dateComponents(units, from: Date(timeIntervalSince1970: t))) }
        for (s, source) in series.enumerated() {
            var want: [[Int]: Double] = [:]
            for (t, v) in zip(source.times, source.values) where !v.isNaN { want[key(t), default: 0] += v }
            var got: [[Int]: Double] = [:]
            for k in 0..<shapes.count where !shapes.sums[s][k].isNaN {
                #expect(got[key(shapes.edges[k])] == nil, "two buckets for one period", sourceLocation: sourceLocation)
                got[key(shapes.edges[k])] = shapes.sums[s][k]
            }
            #expect(got.count == want.count, sourceLocation: sourceLocation)
            for (period, sum) in want {
                #expect(abs((got[period] ?? .nan) - sum) < 1e-9, "period \(period)", sourceLocation: sourceLocation)
            }
        }
        if let expected { #expect(shapes.count == expected, sourceLocation: sourceLocation) }
    }

    static func series(_ times: [Double], seed: UInt64 = 3) -> MetricSeries {
        var random = SeededGenerator(seed: seed)
        return MetricSeries(name: "v", times: times, values: times.map { _ in Double(Int.random(in: 1...100, using: &random)) })
    }

    static func dates(_ calendar: Calendar, from start: DateComponents, by unit: Calendar.Component, _ step: Int, count: Int) -> [Double] {
        let first = calendar.date(from: start)!
        return (0..<count).map { calendar.date(byAdding: unit, value: $0 * step, to: first)!.timeIntervalSince1970 }
    }

    @Test func monthlyDataGetsCalendarMonths() {
        let utc = Self.calendar()
        for day in [1, 15, 28] {
            let times = Self.dates(utc, from: DateComponents(year: 2015, month: 1, day: day), by: .month, 1, count: 120)
            Self.expectSumsPerPeriod(
                [Self.series(times)], bucket: nil, calendar: utc, period: { [$0.year!, $0.month!] }, units: [.year, .month],
                periods: 120)
        }
        // Daily data in months, quarters and years, asked for.
        let days = Self.dates(utc, from: DateComponents(year: 2023, month: 1, day: 1), by: .day, 1, count: 800)
        let daily = [Self.series(days)]
        Self.expectSumsPerPeriod(
            daily, bucket: CalendarBucket(unit: .month, count: 1), calendar: utc, period: { [$0.year!, $0.month!] },
            units: [.year, .month], periods: 27)
        Self.expectSumsPerPeriod(
            daily, bucket: CalendarBucket(unit: .month, count: 3), calendar: utc, period: { [$0.year!, ($0.month! - 1) / 3] },
            units: [.year, .month], periods: 9)
        Self.expectSumsPerPeriod(
            daily, bucket: CalendarBucket(unit: .year, count: 1), calendar: utc, period: { [$0.year!] }, units: [.year], periods: 3)
        #expect(RelativeWindow("1q") == RelativeWindow("3mo"))
    }

    @Test func yearlyDataGetsYears() {
        let utc = Self.calendar()
        let times = Self.dates(utc, from: DateComponents(year: 1990, month: 1, day: 1), by: .year, 1, count: 35)
        Self.expectSumsPerPeriod([Self.series(times)], bucket: nil, calendar: utc, period: { [$0.year!] }, units: [.year], periods: 35)
        Self.expectSumsPerPeriod(
            [Self.series(times)], bucket: CalendarBucket(unit: .year, count: 1), calendar: utc, period: { [$0.year!] }, units: [.year],
            periods: 35)
    }

    @Test func weeklyDataGetsISOWeeksInItsZone() {
        let zone = Self.calendar("America/New_York")
        // Wednesdays at 09:00 local, over two DST changes.
        let times = Self.dates(zone, from: DateComponents(year: 2023, month: 1, day: 4, hour: 9), by: .day, 7, count: 80)
        Self.expectSumsPerPeriod(
            [Self.series(times)], bucket: nil, calendar: zone, period: { [$0.yearForWeekOfYear!, $0.weekOfYear!] },
            units: [.yearForWeekOfYear, .weekOfYear], periods: 80)
    }

    @Test func hourlyDataAcrossDSTSumsLocalDays() {
        let berlin = Self.calendar("Europe/Berlin")
        let start = TestSupport.seconds("2024-03-29T23:00:00Z")  // 30 March 00:00 in Berlin
        let times = (0..<(24 * 10)).map { start + Double($0) * 3_600 }  // across 31 March (23 h)
        let series = Self.series(times)
        Self.expectSumsPerPeriod(
            [series], bucket: CalendarBucket(unit: .day, count: 1), calendar: berlin, period: { [$0.month!, $0.day!] },
            units: [.month, .day])
        let shapes = SeriesShapes(
            series: [series], domain: times.first!...times.last!, bucket: CalendarBucket(unit: .day, count: 1), maxBuckets: 1_000,
            calendar: berlin)
        #expect(shapes.edges[2] - shapes.edges[1] == 23 * 3_600)
        // Autumn's long day: 25 hours.
        let autumn = TestSupport.seconds("2024-10-25T22:00:00Z")
        let long = (0..<(24 * 4)).map { autumn + Double($0) * 3_600 }
        let fall = SeriesShapes(
            series: [Self.series(long)], domain: long.first!...long.last!, bucket: CalendarBucket(unit: .day, count: 1),
            maxBuckets: 1_000, calendar: berlin)
        #expect(fall.edges[2] - fall.edges[1] == 25 * 3_600)
        Self.expectSumsPerPeriod(
            [Self.series(long)], bucket: CalendarBucket(unit: .day, count: 1), calendar: berlin, period: { [$0.month!, $0.day!] },
            units: [.month, .day])
    }

    @Test func aLongFilesSeriesEachSumTheirMonths() throws {
        var text = "date,source,value\n"
        var random = SeededGenerator(seed: 9)
        for day in 0..<400 {
            let date = ISO8601.day(of: Date(timeIntervalSince1970: 1_704_067_200 + Double(day) * 86_400), in: .gmt)
            for source in ["web", "ios"] where Int.random(in: 0..<10, using: &random) > 0 {
                text += "\(date),\(source),\(Int.random(in: 0...50, using: &random))\n"
            }
        }
        let table = try CSVReader.read(data: Data(text.utf8), source: "long.csv")
        #expect(table.series.map(\.name) == ["web", "ios"])
        Self.expectSumsPerPeriod(
            table.series, bucket: CalendarBucket(unit: .month, count: 1), calendar: Self.calendar(), period: { [$0.year!, $0.month!] },
            units: [.year, .month], periods: 14)
    }

    @Test func aMonthlyBarChartDrawsEveryMonthInsideThePlot() {
        let utc = Self.calendar()
        let times = Self.dates(utc, from: DateComponents(year: 2015, month: 1, day: 1), by: .month, 1, count: 120)
        for stacked in [false, true] {
            var spec = ChartSpec(series: [Self.series(times), Self.series(times, seed: 5)])
            spec.options.type = .bar
            spec.options.stacked = stacked
            let (scene, report) = ChartLayout.layout(spec, measurer: FixedWidthMeasurer())
            let plot = report.plot
            let bars = ChartTypeTests.rects(scene).filter { $0.0.width < plot.width / 2 }
            #expect(bars.count == 240)
            #expect(bars.allSatisfy { $0.0.minX >= plot.x - 0.5 && $0.0.maxX <= plot.x + plot.width + 0.5 }, "a bar outside the plot")
            // February's bar is narrower than January's: each bar spans its own month.
            let lefts = Set(bars.map { ($0.0.minX * 10).rounded() / 10 }).sorted()
            #expect(lefts.count == (stacked ? 120 : 240))
        }
    }
}
