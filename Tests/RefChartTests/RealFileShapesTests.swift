import Foundation
import RefChart
import RefChartCore
import Testing

/// The shapes of real public exports that were drawn wrong with exit 0 (issue 21), each as a small fixture
/// of the same shape; every test checks the values read, not only that reading succeeds.
struct RealFileShapesTests {
    static func read(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> MetricTable {
        try CSVReader.read(data: Data(text.utf8), source: "shape.csv", options: options)
    }

    static func failure(_ text: String, _ options: CSVOptions = CSVOptions()) -> InputError? {
        do {
            _ = try read(text, options)
            return nil
        } catch {
            return error as? InputError
        }
    }

    /// A poll file: the real dates in `modeldate` (month-first, newest first), a nearly constant decoy
    /// `timestamp` (the model's run time).
    static let poll: String = {
        var text = "president,modeldate,approve_estimate,timestamp\n"
        for k in (0..<200).reversed() {
            let date = Date(timeIntervalSince1970: 816_566_400 + Double(k) * 19 * 86_400)  // from 1995-11-17
            let c = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
            text += "Trump,\(c.month!)/\(c.day!)/\(c.year!),\(40 + k % 7),17:16:0\(k % 3 == 0 ? 7 : 6)  2 Sep 2020\n"
        }
        return text
    }()

    @Test func theTimeColumnIsTheOneWithTheMostDistinctTimesNotTheOneNamedLikeATime() throws {
        let table = try Self.read(Self.poll)
        #expect(table.timeColumn == "modeldate" && table.timeColumnRule.hasPrefix("by content"))
        #expect(table.series.map(\.name) == ["approve_estimate"])
        let series = table.series[0]
        #expect(series.count == 200)
        #expect(series.times.first == TestSupport.seconds("1995-11-17T00:00:00Z"))
        #expect(series.values.first == 40 && series.values.last == Double(40 + 199 % 7))
        // Drawn against the decoy, 198 of 200 rows would merge into two times: refused, naming the better column.
        let error = try #require(Self.failure(Self.poll, CSVOptions(timeColumn: "timestamp")))
        #expect(error.message.contains("198 of 200 rows share a time") && error.message.contains("\"modeldate\" spans 1"), "\(error.message)")
        #expect(error.message(spelling: .keys).contains("timeColumn: modeldate"))
        // Asking for merging draws what was asked for.
        #expect(try Self.read(Self.poll, CSVOptions(timeColumn: "timestamp", duplicates: .first)).series[0].count == 2)
    }

    /// Hourly air quality with the date over `year,month,day,hour`, a row number, `NA` cells and a text
    /// column (wind direction) that is not a series key.
    static let airQuality: String = {
        var text = "No,year,month,day,hour,pm2.5,cbwd,Iws\n"
        for k in 0..<(24 * 40) {
            let date = Date(timeIntervalSince1970: 1_262_304_000 + Double(k) * 3_600)  // 2010-01-01
            let c = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
            text +=
                "\(k + 1),\(c.year!),\(c.month!),\(c.day!),\(c.hour!),\(k % 17 == 0 ? "NA" : String(50 + k % 40)),\(["NW", "cv", "SE"][k % 3]),\(k % 7)\n"
        }
        return text
    }()

    @Test func dateParts() throws {
        let table = try Self.read(Self.airQuality)
        #expect(table.timeParts == ["year", "month", "day", "hour"] && table.timeColumn == "year+month+day+hour")
        #expect(table.seriesColumn == nil && table.duplicates == 0 && table.rows == 960)
        #expect(table.series.map(\.name) == ["No", "pm2.5", "Iws"])
        let pm = table.series[1]
        #expect(pm.times.first == TestSupport.seconds("2010-01-01T00:00:00Z"))
        #expect(pm.times.last == TestSupport.seconds("2010-02-09T23:00:00Z"))
        #expect(pm.values[0].isNaN && pm.values[1] == 51 && pm.values[959] == Double(50 + 959 % 40))
        // In a zone, the parts are wall-clock times there.
        let berlin = try Self.read(Self.airQuality, CSVOptions(zone: TimeZone(identifier: "Europe/Berlin")!))
        #expect(berlin.series[0].times.first == TestSupport.seconds("2009-12-31T23:00:00Z"))
        // German names combine too; a part out of range names its column.
        #expect(try Self.read("Jahr;Monat;Wert\n2020;1;5\n2020;2;6\n").series[0].times.last == TestSupport.seconds("2020-02-01T00:00:00Z"))
        let bad = try #require(Self.failure("year,month,v\n2020,1,5\n2020,13,6\n"))
        #expect(bad.line == 3 && bad.message.contains("\"13\" is not a month (1–12)"))
        #expect(bad.location == "column \"month\"")
        // 31 February is refused, not rolled into March.
        #expect(Self.failure("year,month,day,v\n2021,2,28,1\n2021,2,31,2\n")?.message.contains("within its month") == true)
    }

    @Test func smallIntegersAreNeverEpochTimes() throws {
        let error = try #require(Self.failure("day,v\n1,5\n2,6\n"))
        #expect(error.message.contains("\"1\" is not a time"))
        #expect(error.message(spelling: .keys).contains("timeFormat: epoch-s"))
        #expect(try Self.read("day,v\n1,5\n2,6\n", CSVOptions(timeFormat: .epochSeconds)).series[0].times == [1, 2])
        // Plausible epochs (from 1973) still read, as seconds or milliseconds.
        #expect(try Self.read("ts,v\n1704067200,1\n").series[0].times == [1_704_067_200])
        #expect(try Self.read("ts,v\n1704067200000,1\n").series[0].times == [1_704_067_200])
    }

    @Test func aTitleLineAboveASemicolonHeaderIsSkipped() throws {
        let text =
            "Stromverbrauch 2023 (Quelle: Beispiel)\nDatum;Last MW;Wind MW\n01.01.2023;50000,5;8000,25\n02.01.2023;50010,5;8001,25\n13.01.2023;50020,5;8002,25\n"
        let table = try Self.read(text)
        #expect(table.delimiter == 0x3B && table.timeColumn == "Datum")
        #expect(table.series.map(\.name) == ["Last MW", "Wind MW"])
        #expect(table.series[0].values == [50000.5, 50010.5, 50020.5] && table.series[1].values == [8000.25, 8001.25, 8002.25])
        #expect(table.series[0].times.last == TestSupport.seconds("2023-01-13T00:00:00Z"))
        #expect(table.notes.contains { $0.hasPrefix("skipped 1 line above the header") })
        // Comments too; and --skip-lines says it outright.
        #expect(try Self.read("# exported 2024\n# by hand\ndate,v\n2024-01-01,1\n").series[0].values == [1])
        #expect(try Self.read("a\nb\ndate,v\n2024-01-01,1\n", CSVOptions(skipLines: 2)).series[0].values == [1])
    }

    /// A CO₂ file whose header is one name short of every row (an upstream bug), with a decimal-date column.
    static let co2: String = {
        var text = "Year,Month,Decimal Date,Carbon Dioxide (ppm),Seasonally Adjusted CO2 (ppm),Carbon Dioxide Fit (ppm)\n"
        for k in 0..<24 {
            let (year, month) = (1958 + (k + 2) / 12, (k + 2) % 12 + 1)
            text += "\(year),\(month),\(String(format: "%.3f", Double(year) + (Double(month) - 0.5) / 12)),\(315 + k),\(314 + k),\(313 + k),1.0\n"
        }
        return text
    }()

    @Test func aHeaderOneNameShortGetsItsCauseAndNamesFixIt() throws {
        let error = try #require(Self.failure(Self.co2))
        #expect(error.line == 1 && error.message == "the header has 6 names but rows have 7 fields: a name is missing")
        #expect(error.message(spelling: .keys).contains("columnNames"))
        let names = ["Year", "Month", "Decimal Date", "CO2", "Adjusted", "Fit", "Extra"]
        let table = try Self.read(Self.co2, CSVOptions(columnNames: names))
        #expect(table.timeParts == ["Year", "Month"] && table.rows == 24)
        // The decimal date is a date, not a value: not drawn unless named.
        #expect(table.series.map(\.name) == ["CO2", "Adjusted", "Fit", "Extra"])
        #expect(table.notes.contains { $0.contains("\"Decimal Date\" not drawn") })
        #expect(table.series[0].values.first == 315 && table.series[0].times.first == TestSupport.seconds("1958-03-01T00:00:00Z"))
        let named = try Self.read(Self.co2, CSVOptions(valueColumns: ["Decimal Date"], columnNames: names))
        #expect(named.series[0].values.first == 1958.208)
        #expect(Self.failure(Self.co2, CSVOptions(columnNames: ["a", "b"]))?.message.contains("2 column names were given but rows have 7") == true)
    }

    @Test func sentinelsAreGapsWhenNamed() throws {
        let text = "date,average,sdev,flag\n2024-01-01,315.5,-9.99,ok\n2024-02-01,-99.99,0.3,.\n2024-03-01,316.0,-9.990,MISSING\n"
        let table = try Self.read(text, CSVOptions(naValues: ["-99.99", "-9.99", "missing"]))
        #expect(table.series.map(\.name) == ["average", "sdev"])
        #expect(table.series[0].values[0] == 315.5 && table.series[0].values[1].isNaN && table.series[0].values[2] == 316)
        #expect(table.series[1].values[0].isNaN && table.series[1].values[1] == 0.3 && table.series[1].values[2].isNaN)
        // `.` is a gap by default; a word token keeps a column numeric.
        let dots = try Self.read("date,v\n2024-01-01,1\n2024-01-02,.\n")
        #expect(dots.series[0].values[1].isNaN)
        let words = try Self.read("date,v\n2024-01-01,1\n2024-01-02,missing\n", CSVOptions(naValues: ["MISSING"]))
        #expect(words.series[0].values[1].isNaN)
    }

    /// A long poll file: `answer` tells the rows of a date apart; three value columns.
    static let longPoll: String = {
        var text = "modeldate,answer,pct_estimate,lo,hi\n"
        for day in 1...28 {
            text += "2020-02-\(String(format: "%02d", day)),Approve,\(40 + day),\(38 + day),\(42 + day)\n"
            text += "2020-02-\(String(format: "%02d", day)),Disapprove,\(60 - day),\(58 - day),\(62 - day)\n"
        }
        return text
    }()

    @Test func namingAValueColumnKeepsALongFilesSeries() throws {
        let table = try Self.read(Self.longPoll, CSVOptions(valueColumns: ["pct_estimate"]))
        #expect(table.seriesColumn == "answer" && table.seriesColumnDetected)
        #expect(table.series.map(\.name) == ["Approve", "Disapprove"])
        #expect(table.series[0].values.first == 41 && table.series[1].values.last == 32 && table.series[0].count == 28)
        let two = try Self.read(Self.longPoll, CSVOptions(valueColumns: ["lo", "hi"]))
        #expect(two.series.map(\.name) == ["lo (Approve)", "hi (Approve)", "lo (Disapprove)", "hi (Disapprove)"])
    }

    @Test func seriesAreChosenByNameInWideAndLongFiles() async throws {
        let folder = try TestSupport.temporaryDirectory()
        let long = folder.appendingPathComponent("long.csv")
        try Self.longPoll.write(to: long, atomically: true, encoding: .utf8)
        let pipeline = ChartPipeline()
        var request = ChartRequest(csv: long.path)
        request.series = ["Approve"]
        #expect(try await pipeline.metrics(for: request).series.map(\.name) == ["pct_estimate (Approve)", "lo (Approve)", "hi (Approve)"])
        request.series = []
        request.excludeSeries = ["lo", "hi"]
        #expect(try await pipeline.metrics(for: request).series.map(\.name) == ["pct_estimate (Approve)", "pct_estimate (Disapprove)"])
        request.excludeSeries = ["Maybe"]
        await #expect(throws: ChartRequestError.self) { try await pipeline.metrics(for: request) }
        // The public weather file (vega-datasets, copied into the fixtures so a fresh CI clone has it): two
        // cities, a value column named, the cities still apart.
        var weather = ChartRequest(csv: TestSupport.fixture("public-weather.csv"))
        weather.valueColumns = ["temp_max"]
        weather.series = ["Seattle"]
        let seattle = try await pipeline.metrics(for: weather)
        #expect(seattle.series.map(\.name) == ["Seattle"] && seattle.series[0].count == 1_461)
        #expect(seattle.series[0].values.first == 12.8 && seattle.series[0].times.first == TestSupport.seconds("2012-01-01T00:00:00Z"))
    }

    @Test func aDateAndATimeOfDayInTwoColumnsMakeOneTime() throws {
        let text = "Date;Time;Global_active_power\n16/12/2006;17:24:00;4,216\n16/12/2006;17:25:00;5,360\n17/12/2006;00:00:00;1,044\n"
        let table = try Self.read(text)
        #expect(table.timeParts == ["Date", "Time"] && table.duplicates == 0)
        #expect(table.series[0].times == ["2006-12-16T17:24:00Z", "2006-12-16T17:25:00Z", "2006-12-17T00:00:00Z"].map(TestSupport.seconds))
        #expect(table.series[0].values == [4.216, 5.36, 1.044])
    }

    @Test func aFewRepeatsStillMergeAndFirstKeepsTheEarlierRow() throws {
        let text = "date,v\n2024-01-01,1\n2024-01-02,2\n2024-01-02,3\n" + (1...28).map { "2024-03-\(String(format: "%02d", $0)),\($0)\n" }.joined()
        #expect(try Self.read(text).duplicates == 1)
        #expect(try Self.read("date,v\n2024-01-01,1\n2024-01-01,2\n", CSVOptions(duplicates: .first)).series[0].values == [1])
    }
}
