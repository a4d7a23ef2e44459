import Foundation
import RefChart
import RefChartReport
import Testing

/// One failure shape: every error the library throws has a kind, an exit status and a message whose
/// options each front end spells its own way — the same bad cell says `--lenient` on the command line and
/// `lenient: true` in a report's summary.
struct FailureShapeTests {
    static let badCell = "timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-02T00:00:00Z,abc\n"

    @Test func hintsAreSpelledByTheCaller() throws {
        let error = InputError(
            source: "x.csv", line: 3, message: "bad",
            hint: "use \(option: .timeFormat, "day-first"), \(option: .decimalComma, false), \(option: .lenient, true) or \(option: .valueColumns)")
        #expect(error.description == "x.csv:3: bad (use timeFormat: day-first, decimalComma: false, lenient: true or valueColumns)")
        let shouting = OptionSpelling { key, value in key.stringValue.uppercased() + (value.map { "=" + $0 } ?? "") }
        #expect(error.message(spelling: shouting) == "x.csv:3: bad (use TIMEFORMAT=day-first, DECIMALCOMMA=false, LENIENT=true or VALUECOLUMNS)")
        let request = ChartRequestError(.stacked, "needs \(option: .type, "area")")
        #expect(request.description == "stacked: needs type: area")
        #expect(request.message(spelling: shouting) == "STACKED: needs TYPE=area")
    }

    @Test func kindsAndExitStatusesAreOneTable() {
        let failures: [(any RefChartFailure, FailureKind, Int32)] = [
            (InputError(source: "x.csv", message: "bad"), .input, 1),
            (ChartRequestError(.width, "5 is out of range"), .request, 64),
            (ChartError("no data"), .render, 1),
            (ChartError("cannot write x.png", kind: .io), .io, 1),
            (OpenPanelError(kind: .unauthorized, message: "no"), .openpanel, 3),
            (OpenPanelError(kind: .notFound, message: "no"), .openpanel, 4),
            (OpenPanelError(kind: .network, message: "no"), .openpanel, 5),
            (OpenPanelError(kind: .rejected, message: "no"), .openpanel, 1),
            (JobFileError(file: "jobs.yaml", line: 2, column: 3, message: "unknown key"), .request, 64),
        ]
        for (failure, kind, status) in failures {
            #expect(failure.failureKind == kind && failure.exitStatus == status, "\(failure)")
        }
    }

    /// The command line spells the hint as a flag and exits 1; the report's summary spells it as a key, with
    /// kind `input`; an output into a missing folder is `io`.
    @Test func theCommandLineAndTheReportSpellTheSameFailureTheirWays() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Self.badCell.write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let render = try CLIRunner.run(["render", "--csv", "bad.csv", "-o", "bad.png"], in: dir)
        #expect(render.status == 1)
        #expect(render.stderr.contains("(fix the cell, or pass --lenient to skip such rows)"), "\(render.stderr)")
        let wide = try CLIRunner.run(["render", "--csv", TestSupport.sample("pageviews.csv"), "--width", "5", "-o", "x.png"], in: dir)
        #expect(wide.status == 64 && wide.stderr.contains("--width 5 is out of range"), "\(wide.stderr)")

        try """
        defaults:
          output: "out/{name}.png"
        charts:
          - name: bad
            csv: bad.csv
          - name: nowhere
            csv: \(TestSupport.sample("pageviews.csv"))
            output: "/proc/refchart-no-such-folder/{name}.png"
        """.write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let report = try CLIRunner.run(["report", "jobs.yaml", "--summary", "summary.json", "--quiet"], in: dir)
        #expect(report.status == 1)
        #expect(report.stderr.contains("lenient: true") && !report.stderr.contains("--lenient"), "\(report.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        let errors = Dictionary(uniqueKeysWithValues: summary.charts.compactMap { chart in chart.error.map { (chart.name, $0) } })
        #expect(errors["bad"]?.kind == "input")
        #expect(errors["bad"]?.message.hasSuffix("(fix the cell, or pass lenient: true to skip such rows)") == true, "\(errors)")
        #expect(errors["nowhere"]?.kind == "io", "\(errors)")
    }
}
