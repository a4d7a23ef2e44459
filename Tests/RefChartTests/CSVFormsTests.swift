import Foundation
import RefChartCore
import Testing

/// Real exports: long ("tidy") files, the usual date forms, the time column found by its values.
struct CSVFormsTests {
    static func read(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> MetricTable {
        try CSVReader.read(data: Data(text.utf8), source: "t.csv", options: options)
    }

    static func utc(_ iso: String) -> Double { TestSupport.seconds(iso) }

    @Test(arguments: [
        ("2010/01/01 00:00", "2010-01-01T00:00:00Z", "written"),
        ("2024-01-15 10:00:00 UTC", "2024-01-15T10:00:00Z", "written"),
        ("Jan 1 2000", "2000-01-01T00:00:00Z", "written"),
        ("15 Jan 2024", "2024-01-15T00:00:00Z", "written"),
        ("\"January 15, 2024\"", "2024-01-15T00:00:00Z", "written"),
        ("\"Mon, 15 Jan 2024 10:00:00 GMT\"", "2024-01-15T10:00:00Z", "written"),
        ("\"Mon, 15 Jan 2024 10:00:00 +0200\"", "2024-01-15T08:00:00Z", "written"),
        ("15.01.2024", "2024-01-15T00:00:00Z", "day-first"),
        ("15/01/2024 18:30", "2024-01-15T18:30:00Z", "day-first"),
        ("01/15/2024", "2024-01-15T00:00:00Z", "month-first"),
        ("\"Jan 15, 2024 3:05 PM\"", "2024-01-15T15:05:00Z", "written"),
        ("2024-W03", "2024-01-15T00:00:00Z", "iso-week"),
        ("2024-01", "2024-01-01T00:00:00Z", "year-month"),
        ("2017", "2017-01-01T00:00:00Z", "year"),
    ])
    func commonDateFormsAreDetected(cell: String, instant: String, form: String) throws {
        let table = try Self.read("date,value\n\(cell),1\n")
        #expect(table.series[0].times == [Self.utc(instant)])
        #expect(table.timeFormat.rawValue == form)
    }

    @Test func dayAndMonthOrderIsDecidedFromTheValuesAndAmbiguityIsRefused() throws {
        // The first two rows could be either; the third settles month-first, and the first rows are re-read.
        let table = try Self.read("date,v\n01/02/2024,1\n03/04/2024,2\n05/20/2024,3\n")
        #expect(table.timeFormat == .monthFirst)
        #expect(table.series[0].times == ["2024-01-02", "2024-03-04", "2024-05-20"].map { Self.utc($0 + "T00:00:00Z") })
        let dayFirst = try Self.read("date,v\n01/02/2024,1\n20/05/2024,3\n")
        #expect(dayFirst.series[0].times == ["2024-02-01", "2024-05-20"].map { Self.utc($0 + "T00:00:00Z") })
        #expect(throws: InputError.self) { try Self.read("date,v\n01/02/2024,1\n03/04/2024,2\n") }
        do {
            _ = try Self.read("date,v\n01/02/2024,1\n03/04/2024,2\n")
        } catch let error as InputError {
            #expect(error.line == 2 && error.description.contains("timeFormat: day-first"))
        }
        var options = CSVOptions()
        options.timeFormat = .dayFirst
        #expect(try Self.read("date,v\n01/02/2024,1\n", options).series[0].times == [Self.utc("2024-02-01T00:00:00Z")])
    }

    @Test func aPatternReadsWhatDetectionCannot() throws {
        var options = CSVOptions()
        options.timeFormat = CSVOptions.TimeFormat(rawValue: "%Y%m%d %Hh%M")
        let table = try Self.read("date,v\n20240115 10h30,1\n", options)
        #expect(table.series[0].times == [Self.utc("2024-01-15T10:30:00Z")])
        #expect(CSVOptions.TimeFormat(rawValue: "%Q") == nil)
        options.timeFormat = .pattern("%d/%m/%Y")
        #expect(throws: InputError.self) { try Self.read("date,v\n2024-01-15,1\n", options) }
    }

    /// A named series column with more distinct values than a chart can draw is said to be so, not drawn
    /// as "every series is empty".
    @Test func aSeriesColumnWithTooManyValuesIsRefusedByName() {
        let rows = (0..<1_500).map { "2024-01-01T\(String(format: "%02d:%02d", $0 / 60 % 24, $0 % 60)):00Z,k\($0),\($0)" }
        var options = CSVOptions()
        options.seriesColumn = "key"
        do {
            _ = try Self.read("time,key,value\n" + rows.joined(separator: "\n") + "\n", options)
            Issue.record("no error")
        } catch let error as InputError {
            #expect(error.location == "column \"key\"")
            #expect(error.message.contains("more than 1000 distinct values"), "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Offsets in the ISO reader's range (at most ±18:00, minutes below 60), by `%z` and by detection.
    @Test func anOffsetOutOfRangeIsNotADate() throws {
        var options = CSVOptions()
        options.timeFormat = .pattern("%Y-%m-%d %H:%M %z")
        #expect(try Self.read("date,v\n2024-01-15 10:30 +05:30,1\n", options).series[0].times == [Self.utc("2024-01-15T05:00:00Z")])
        #expect(try Self.read("date,v\n2024-01-15 10:30 -0800,1\n", options).series[0].times == [Self.utc("2024-01-15T18:30:00Z")])
        for cell in ["2024-01-15 10:30 +99:99", "2024-01-15 10:30 +19:00", "2024-01-15 10:30 +0560"] {
            #expect(throws: InputError.self, "\(cell)") { try Self.read("date,v\n\(cell),1\n", options) }
        }
        #expect(try Self.read("date,v\n15/01/2024 10:30 +0100,1\n").series[0].times == [Self.utc("2024-01-15T09:30:00Z")])
        #expect(throws: InputError.self) { try Self.read("date,v\n15/01/2024 10:30 +99:99,1\n") }
    }

    @Test func timesWithoutAnOffsetAreReadInTheZone() throws {
        var options = CSVOptions()
        options.zone = TimeZone(identifier: "Europe/Berlin")!
        let table = try Self.read("date,v\n15/01/2024 10:00,1\n", options)
        #expect(table.series[0].times == [Self.utc("2024-01-15T09:00:00Z")])
    }

    @Test func aDateThatFitsNothingShowsTheValueAndTheFormsTried() {
        do {
            _ = try Self.read("date,v\nsometime soon,1\n")
            Issue.record("no error")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("\"sometime soon\" is not a time refchart can read"))
            #expect(text.contains("Jan 1 2000") && text.contains("give timeFormat with a pattern"))
        }
    }

    @Test func theTimeColumnIsFoundByItsValuesOrByMoreNames() throws {
        let byContent = try Self.read("label,when,v\nx,Jan 1 2000,1\ny,Feb 1 2000,2\n")
        #expect(byContent.timeColumn == "when" && byContent.timeColumnRule.hasPrefix("by content"))
        let month = try Self.read("Month,nonfarm\n2000-01,130000\n2000-02,130200\n")
        #expect(month.timeColumn == "Month" && month.timeColumnRule.hasPrefix("by content"))
        #expect(try Self.read("created_at,v\n2024-01-15T10:00:00Z,1\n").timeColumn == "created_at")
        // A plain number never makes a column a time column by content.
        #expect(throws: InputError.self) { try Self.read("a,b\n1,2\n") }
    }

    /// A long file with `count` series of `rows` times each, rows shuffled within each time.
    static func long(series count: Int, rows: Int) -> (wide: String, long: String, names: [String]) {
        let names = (0..<count).map { "s\($0)" }
        var random = SeededGenerator(seed: UInt64(count))
        var wide = "timestamp," + names.joined(separator: ",") + "\n"
        var long = "timestamp,source,value\n"
        for r in 0..<rows {
            let time = ISO8601.string(fromSeconds: 1_704_067_200 + Double(r) * 3600, fractionalSeconds: false)
            let values = names.indices.map { _ in Double(Int.random(in: 0...1000, using: &random)) }
            wide += time + "," + values.map { String(Int($0)) }.joined(separator: ",") + "\n"
            for k in names.indices.shuffled(using: &random) { long += "\(time),\(names[k]),\(Int(values[k]))\n" }
        }
        return (wide, long, names)
    }

    @Test(arguments: [3, 50])
    func aWideFileAndItsLongPivotGiveTheSameSeries(count: Int) throws {
        let (wide, long, names) = Self.long(series: count, rows: 40)
        let fromWide = try Self.read(wide)
        let fromLong = try Self.read(long)
        #expect(fromLong.seriesColumn == "source" && fromLong.seriesColumnDetected)
        #expect(fromLong.duplicates == 0)
        #expect(Set(fromLong.series.map(\.name)) == Set(names))
        for series in fromWide.series {
            let pivoted = try #require(fromLong.series.first { $0.name == series.name })
            #expect(pivoted.times == series.times && pivoted.values == series.values)
        }
        var options = CSVOptions()
        options.seriesColumn = "SOURCE"
        #expect(try Self.read(long, options).series.count == count)
    }

    @Test func unexplainedDuplicatesKeepTheLastRowButSaySo() throws {
        let table = try Self.read("timestamp,note,v\n2024-01-01,a,1\n2024-01-01,a,2\n2024-01-02,b,3\n")
        #expect(table.seriesColumn == nil)
        #expect(table.series[0].values == [2, 3])
        #expect(table.duplicates == 1 && table.duplicateLines == [3])
    }

    @Test func seriesInFirstSeenOrder() throws {
        let table = try Self.read("year,source,v\n2001,wind,1\n2001,coal,2\n2002,coal,3\n2002,wind,4\n2002,solar,5\n")
        #expect(table.series.map(\.name) == ["wind", "coal", "solar"])
        #expect(table.series[2].times == [Self.utc("2002-01-01T00:00:00Z")])
    }
}
