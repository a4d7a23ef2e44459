import Foundation
import RefChart
import RefChartReport
import Testing

/// Seeded mutation fuzzing of jobs files (corpus: Tests/RefChartTests/Fixtures/fuzz/jobs): paths with
/// placeholders, `.` and `..`, merge keys and colliding outputs. A mutated file parses or fails with a
/// ``JobFileError``, never traps; one that parses writes no file twice and no file it reads.
struct JobFileFuzzTests {
    @Test func mutatedJobsFilesParseWithoutCollisionsOrFailWithAPlace() throws {
        let alphabet = Array("{}[],:-./ \n\"'*&<namedateformatoutpng.svgcsv".utf8) + [0x00, 0x09, 0xFF]
        var random = SeededGenerator(seed: 22)
        let now = Date(timeIntervalSince1970: 1_733_400_000)
        var (parsed, refused) = (0, 0)
        for base in try CSVFuzzTests.corpus("jobs") {
            for _ in 0..<250 {
                let bytes = CSVFuzzTests.mutate(base, alphabet: alphabet, random: &random)
                let job: ReportJob
                do {
                    job = try ReportJob.parse(String(decoding: bytes, as: UTF8.self), file: "/jobs/weekly.yaml")
                } catch let error as JobFileError {
                    refused += 1
                    #expect(error.file == "/jobs/weekly.yaml" && !error.message.isEmpty)
                    continue
                }
                parsed += 1
                var written: [String: String] = [:]
                let reads = Set(["/jobs/weekly.yaml"] + job.charts.flatMap { $0.reads.map(\.path) }.map { LexicalPath.absolute($0, in: "/") })
                for chart in job.charts {
                    for use in try chart.writes(now: now) where use.path != "-" {
                        let path = LexicalPath.absolute(use.path, in: "/")
                        #expect(written[path] == nil, "\(path) written twice: \(String(decoding: bytes, as: UTF8.self))")
                        #expect(!reads.contains(path), "\(path) is read and written")
                        written[path] = chart.name
                    }
                }
                if let pdf = try job.pdfPath(now: now) {
                    #expect(written[LexicalPath.absolute(pdf, in: "/")] == nil && !reads.contains(LexicalPath.absolute(pdf, in: "/")))
                }
            }
        }
        #expect(parsed > 0 && refused > 0)
    }
}
