import Foundation
import RefChartCore
import Testing

/// One fixture file per real-world shape; each must read to exactly these points.
struct CSVFixtureTests {
    /// 2024-03-10T00:00:00Z and one hour later: most fixtures hold these two points, 10 and 11.5.
    static let t0 = 1_710_028_800.0
    static let t1 = t0 + 3600

    @Test(arguments: [
        "iso-z.csv", "iso-offset.csv", "tab.csv", "bom-crlf.csv", "quoted.csv", "blank-lines-trailing-delimiter.csv",
        "exponents-and-signs.csv", "epoch-s.csv", "epoch-ms.csv",
    ])
    func readsTheTwoStandardPoints(file: String) throws {
        let table = try CSVReader.read(path: TestSupport.fixture(file))
        #expect(table.series.map(\.name) == ["value"])
        #expect(table.series[0].times == [Self.t0, Self.t1])
        #expect(table.series[0].values == [10, 11.5])
    }

    @Test func wallClockTimesAreReadInTheChosenZone() throws {
        let utc = try CSVReader.read(path: TestSupport.fixture("iso-no-offset.csv"))
        #expect(utc.series[0].times == [Self.t0 + 3600, Self.t0 + 7200])
        let berlin = try CSVReader.read(
            path: TestSupport.fixture("iso-no-offset.csv"), options: CSVOptions(zone: TimeZone(identifier: "Europe/Berlin")!))
        #expect(berlin.series[0].times == [Self.t0, Self.t1])
    }

    @Test func datesOnlyAndDecimalCommas() throws {
        let dates = try CSVReader.read(path: TestSupport.fixture("date-only.csv"))
        #expect(dates.timeFormat == .date)
        #expect(dates.series[0].times == [Self.t0, Self.t0 + 86_400])
        let semicolon = try CSVReader.read(path: TestSupport.fixture("semicolon-decimal-comma.csv"))
        #expect(semicolon.delimiter == UInt8(ascii: ";"))
        #expect(semicolon.series[0].name == "Value")
        #expect(semicolon.series[0].values == [10, 11.5])
    }

    @Test func fractionalSecondsWithASpace() throws {
        let table = try CSVReader.read(path: TestSupport.fixture("space-fraction.csv"))
        #expect(table.series[0].times == [Self.t0 + 0.5, Self.t1 + 0.25])
    }

    @Test func gapsAreNaNAndCounted() throws {
        let table = try CSVReader.read(path: TestSupport.fixture("gaps.csv"))
        let values = table.series[0].values
        #expect(values.count == 7)
        #expect(values.first == 10 && values.last == 11.5)
        #expect(values.dropFirst().dropLast().allSatisfy { $0.isNaN })
        let summary = SeriesSummary(table.series[0])
        #expect(summary.points == 2 && summary.gaps == 1)
        #expect(summary.min == 10 && summary.max == 11.5)
    }

    @Test func duplicatePolicies() throws {
        let path = TestSupport.fixture("unsorted-duplicates.csv")
        let last = try CSVReader.read(path: path)
        #expect(last.series[0].times == [Self.t0, Self.t1] && last.series[0].values == [10, 11.5])
        #expect(last.duplicates == 1 && last.wasReordered)
        #expect(try CSVReader.read(path: path, options: CSVOptions(duplicates: .sum)).series[0].values == [10, 110.5])
        #expect(try CSVReader.read(path: path, options: CSVOptions(duplicates: .mean)).series[0].values == [10, 55.25])
        #expect(throws: InputError.self) { try CSVReader.read(path: path, options: CSVOptions(duplicates: .error)) }
        do {
            _ = try CSVReader.read(path: path, options: CSVOptions(duplicates: .error))
        } catch let error as InputError {
            #expect(error.line == 4)
            #expect(error.message.contains("already appeared on line 2"))
        }
    }

    @Test func severalSeriesAndAChosenOne() throws {
        let all = try CSVReader.read(path: TestSupport.fixture("two-series.csv"))
        #expect(all.series.map(\.name) == ["value", "other"])
        #expect(all.series[1].values == [1, 2])
        let chosen = try CSVReader.read(path: TestSupport.fixture("two-series.csv"), options: CSVOptions(valueColumns: ["other"]))
        #expect(chosen.series.map(\.name) == ["other"])
    }

    @Test func lenientModeSkipsAndCountsBadRows() throws {
        let text = "timestamp,value\n2024-03-10T00:00:00Z,10\nnot-a-time,1\n2024-03-10T01:00:00Z,11.5\n2024-03-10T02:00:00Z,abc\n"
        #expect(throws: InputError.self) { try CSVReader.read(data: Data(text.utf8), source: "x.csv") }
        let table = try CSVReader.read(data: Data(text.utf8), source: "x.csv", options: CSVOptions(lenient: true))
        #expect(table.series[0].values == [10, 11.5])
        #expect(table.skippedLines == [3, 5])
    }

    @Test func decimalCommaHintInACommaFile() throws {
        let text = "timestamp;value\n2024-03-10T00:00:00Z;\"12.5\"\n"
        do {
            _ = try CSVReader.read(data: Data(text.utf8), source: "x.csv", options: CSVOptions(decimalComma: true))
            Issue.record("12.5 read in a decimal-comma file")
        } catch let error as InputError {
            #expect(
                error.description
                    == "x.csv:1: no numeric value column: \"value\" holds \"12.5\" on line 2 (this file is read with decimal commas (12,5): pass decimalComma: false if it writes 12.5, or name a column with valueColumns)"
            )
        }
        let comma = "timestamp,value\n2024-03-10T00:00:00Z,\"12,5\"\n"
        do {
            _ = try CSVReader.read(data: Data(comma.utf8), source: "pageviews.csv", options: CSVOptions(valueColumns: ["value"]))
            Issue.record("12,5 read as a number")
        } catch let error as InputError {
            #expect(
                error.description
                    == "pageviews.csv:2: column \"value\": \"12,5\" is not a number (use decimalComma: true if the file writes decimals as 12,5)")
        }
    }
}
