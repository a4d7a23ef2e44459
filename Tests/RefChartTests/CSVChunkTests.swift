import Foundation
import Testing

@testable import RefChartCore

/// The tokenizer hands plain records over in place and reads the rest byte by byte: every way of cutting
/// the input into chunks must read the same table.
struct CSVChunkTests {
    private static let text = [
        "timestamp,value,note\r\n",
        "2024-01-01T00:00:00Z,1,plain\r\n",
        "2024-01-01T01:00:00Z,2,\"quoted, with \"\"quotes\"\"\nand a newline\"\n",
        "   \n",
        "2024-01-01T02:00:00Z, 3 ,\r\n",
        "2024-01-01T03:00:00Z,4,stray\rreturn\n",
        "2024-01-01T04:00:00Z,,\"\"\n",
        "2024-01-01T05:00:00Z,6,last without newline",
    ].joined()

    private func read(chunkSize: Int) throws -> MetricTable {
        var ingest = CSVIngest(source: "chunks.csv", options: CSVOptions())
        let bytes = Array(Self.text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            try bytes[offset..<end].withUnsafeBufferPointer { try ingest.feed($0) }
            offset = end
        }
        return try ingest.finish()
    }

    @Test func everyChunkSizeReadsTheSameTable() throws {
        let whole = try read(chunkSize: 1 << 20)
        #expect(whole.rows == 6)
        #expect(whole.series.map(\.name) == ["value"])
        let values = whole.series[0].values
        #expect(values[0] == 1 && values[1] == 2 && values[2] == 3 && values[3] == 4 && values[4].isNaN && values[5] == 6)
        for size in 1..<Self.text.utf8.count {
            let table = try read(chunkSize: size)
            #expect(table.rows == whole.rows, "chunk size \(size)")
            #expect(table.series[0].times == whole.series[0].times, "chunk size \(size)")
            #expect(zip(table.series[0].values, values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "chunk size \(size)")
        }
    }

    @Test func aRecordWithMoreFieldsThanThePlainPathHoldsStillReads() throws {
        let columns = 700
        let header = "timestamp," + (1...columns).map { "c\($0)" }.joined(separator: ",") + "\n"
        let row = "2024-01-01T00:00:00Z," + (1...columns).map(String.init).joined(separator: ",") + "\n"
        let table = try CSVReader.read(data: Data((header + row).utf8), source: "wide.csv")
        #expect(table.series.count == columns)
        #expect(table.series.last?.values == [Double(columns)])
    }

    @Test func aLineNumberCountsNewlinesInsideQuotes() throws {
        let text = "timestamp,value,note\n2024-01-01T00:00:00Z,1,\"two\nlines\"\n2024-01-01T01:00:00Z,x,\n"
        #expect(throws: InputError.self) { try CSVReader.read(data: Data(text.utf8), source: "q.csv") }
        do {
            _ = try CSVReader.read(data: Data(text.utf8), source: "q.csv")
        } catch let error as InputError {
            #expect(error.line == 4)
        }
    }
}
