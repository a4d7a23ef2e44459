import Foundation
import RefChartCore
import Testing

struct CSVReaderTests {
    private func read(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> MetricTable {
        try CSVReader.read(data: Data(text.utf8), source: "test.csv", options: options)
    }

    private func error(_ text: String, _ options: CSVOptions = CSVOptions()) -> InputError? {
        do {
            _ = try read(text, options)
            return nil
        } catch {
            return error as? InputError
        }
    }

    @Test func readsTheTimeColumnAndEveryNumericColumn() throws {
        let table = try read("timestamp,pageviews,visitors,note\n2024-01-01T00:00:00Z,10,3,hi\n2024-01-01T01:00:00Z,12.5,4,x\n")
        #expect(table.timeColumn == "timestamp")
        #expect(table.timeFormat == .iso8601)
        #expect(table.series.map(\.name) == ["pageviews", "visitors"])
        #expect(table.series[0].times == [1_704_067_200, 1_704_070_800])
        #expect(table.series[0].values == [10, 12.5])
        #expect(table.series[1].values == [3, 4])
    }

    @Test func handlesBOMCRLFQuotesSemicolonsAndBlankLines() throws {
        let text = "\u{FEFF}\"Date\";\"Value\";\"Comment\"\r\n2024-01-01;\"1,5\";\"a;b\"\"c\"\r\n\r\n2024-01-02;2;\"multi\nline\"\r\n"
        let table = try read(text)
        #expect(table.delimiter == UInt8(ascii: ";"))
        #expect(table.timeFormat == .date)
        #expect(table.series.map(\.name) == ["Value"])
        #expect(table.series[0].values == [1.5, 2])
    }

    @Test func readsGapsAsNaNNeverZero() throws {
        let table = try read(
            "time,v\n2024-01-01T00:00Z,1\n2024-01-01T01:00Z,\n2024-01-01T02:00Z,NaN\n2024-01-01T03:00Z,null\n2024-01-01T04:00Z, - \n2024-01-01T05:00Z,6\n"
        )
        let values = table.series[0].values
        #expect(values.count == 6)
        #expect(values[0] == 1 && values[5] == 6)
        #expect(values[1...4].allSatisfy { $0.isNaN })
    }

    @Test func sortsRowsAndLetsTheLastDuplicateWin() throws {
        let table = try read("ts,v\n1704070800,2\n1704067200,1\n1704070800,3\n")
        #expect(table.timeFormat == .epochSeconds)
        #expect(table.series[0].times == [1_704_067_200, 1_704_070_800])
        #expect(table.series[0].values == [1, 3])
        #expect(table.duplicates == 1)
        #expect(table.wasReordered)
    }

    @Test func detectsEpochMilliseconds() throws {
        let table = try read("ts,v\n1704067200000,1\n1704067260000,2\n")
        #expect(table.timeFormat == .epochMilliseconds)
        #expect(table.series[0].times == [1_704_067_200, 1_704_067_260])
    }

    @Test func namesTheFileLineAndColumnOfABadNumber() throws {
        let failure = try #require(error("timestamp,value\n2024-01-01,1\n2024-01-02,abc\n"))
        #expect(failure.line == 3)
        #expect(
            failure.description == "test.csv:3: column \"value\": \"abc\" is not a number (fix the cell, or pass lenient: true to skip such rows)")
    }

    @Test func namesABadTimestamp() throws {
        let failure = try #require(error("timestamp,value\n2024-01-01,1\n2024-13-45,2\n"))
        #expect(failure.line == 3)
        #expect(failure.description.contains("\"2024-13-45\" is not a date (YYYY-MM-DD)"))
    }

    @Test func explainsAMissingTimeColumn() throws {
        // Nothing named like a time and nothing that reads as one.
        let failure = try #require(error("when,value\nsoon,1\n"))
        #expect(failure.description.contains("no time column"))
        #expect(failure.description.contains("name the time column with timeColumn"))
        let chosen = try read("when,value\n2024-01-01,1\n", CSVOptions(timeColumn: "When"))
        #expect(chosen.series[0].values == [1])
    }

    @Test func explainsNoNumericColumn() throws {
        let failure = try #require(error("date,name\n2024-01-01,alice\n"))
        #expect(failure.description.contains("no numeric value column"))
    }

    @Test func explainsEmptyAndHeaderOnlyFiles() throws {
        #expect(error("")?.message == "the file is empty")
        #expect(error("\u{FEFF}")?.message == "the file is empty")
        #expect(error("timestamp,value\n")?.message == "the file has a header but no data rows")
    }

    @Test func reportsAnUnclosedQuote() throws {
        let failure = try #require(error("timestamp,value\n2024-01-01,\"1\n2024-01-02,2\n"))
        #expect(failure.line == 2)
        #expect(failure.message.contains("never closed"))
    }

    @Test func readsAFileAndReportsAMissingOne() throws {
        let table = try CSVReader.read(path: TestSupport.sample("pageviews.csv"))
        #expect(table.rows == 2160)
        #expect(table.series[0].values.filter(\.isNaN).count == 6)
        #expect(throws: InputError.self) { try CSVReader.read(path: "/nonexistent/x.csv") }
    }

    @Test func readsAcrossChunkBoundaries() throws {
        // Quoted fields and CRLF split at every possible chunk boundary must read the same.
        var text = "timestamp,value,note\r\n"
        for hour in 0..<300 {
            text += "2024-01-01T\(String(format: "%02d", hour % 24)):00:00Z,\(hour),\"a,\"\"b\"\"\nc\"\r\n"
        }
        // 300 rows over 24 hours: refused unless merging is asked for.
        #expect(throws: InputError.self) { try read(text) }
        let table = try read(text, CSVOptions(duplicates: .last))
        #expect(table.rows == 300)
        #expect(table.duplicates == 300 - 24)
    }
}

struct CSVRangeTests {
    @Test func epochValuesBeyondTheYear9999AreRefused() throws {
        for text in ["ts,v\n1e18,1\n", "ts,v\n1e300,1\n", "ts,v\n1704067200,1\n1e300,2\n"] {
            #expect(throws: InputError.self) { try CSVReader.read(data: Data(text.utf8), source: "x.csv") }
        }
    }
}
