import ArgumentParser
import Foundation
import RefChart

/// `refchart bench`: parse and render timings for generated 1k, 100k and 1M-row files.
///
/// Each size runs in a fresh child process (`refchart bench-run`), so its peak memory is its own.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the CSV reader and the renderer on generated files (1k, 100k, 1M rows; 200 references).",
        discussion:
            """
            Example:
              refchart bench --rows 1000 --references 5000

            Each size runs in its own process. --long writes the same shape as a long export; compare its parse \
            column with a wide run of the same row count.
            """
    )

    @Option(parsing: .upToNextOption, help: "Row counts to generate.")
    var rows: [Int] = [1_000, 100_000, 1_000_000]

    @Option(help: "References to draw.")
    var references = 200

    @Option(help: ArgumentHelp("Keep the generated files in this directory.", valueName: "dir"))
    var keep: String?

    @Flag(help: "Generate long (\"tidy\") files: a row per time and source, three sources.")
    var long = false

    func run() throws {
        let directory =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("refchart-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        print("rows       file MB   parse s   rows/s      layout s  render s   total s   peak RSS MB")
        for count in rows {
            let csv = directory.appendingPathComponent("bench-\(count).csv")
            let refs = directory.appendingPathComponent("bench-\(count)-refs.json")
            try BenchData.write(rows: count, long: long, to: csv)
            try BenchData.writeReferences(references, rows: count, to: refs)
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            if !FileManager.default.isExecutableFile(atPath: child.executableURL!.path) {
                child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            }
            child.arguments = ["bench-run", csv.path, refs.path, directory.appendingPathComponent("bench-\(count).png").path]
            let pipe = Pipe()
            child.standardOutput = pipe
            try child.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            child.waitUntilExit()
            guard child.terminationStatus == 0,
                let figures = try? JSONDecoder().decode(BenchRunCommand.Figures.self, from: output)
            else { throw fail("bench-run failed for \(count) rows") }
            let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0) / 1e6
            print(
                String(
                    format: "%-10d %7.1f %9.3f %12.0f %9.3f %9.3f %9.3f %11.1f", count, megabytes, figures.parseSeconds,
                    Double(count) / max(figures.parseSeconds, 1e-9), figures.layoutSeconds, figures.renderSeconds,
                    figures.parseSeconds + figures.renderSeconds, figures.peakMegabytes))
        }
    }
}

/// `refchart bench-run CSV REFS PNG`: one measured run; prints its figures as JSON. Used by `bench`.
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-run", shouldDisplay: false)

    struct Figures: Codable {
        var parseSeconds: Double
        /// Layout alone (scales, M4, labels), measured on its own before the full render.
        var layoutSeconds: Double
        /// Layout and drawing to PNG.
        var renderSeconds: Double
        var peakMegabytes: Double
    }

    @Argument var csv: String
    @Argument var references: String
    @Argument var output: String

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let refs = try ReferencesFile.read(path: references)
        var options = CSVOptions()
        options.reduction = SeriesReduction(keepNear: refs.map(\.date.timeIntervalSince1970))  // as `render` reads
        let table = try CSVReader.read(path: csv, options: options)
        let parseSeconds = (clock.now - start).seconds
        let chart = Chart(title: "Benchmark", series: table.series, references: refs)
        let layoutStart = clock.now
        _ = chart.layout()
        let layoutSeconds = (clock.now - layoutStart).seconds
        let renderStart = clock.now
        let png = try chart.render(.png)
        try AtomicFile.write(png, to: output)
        let rendered = clock.now
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let figures = Figures(
            parseSeconds: parseSeconds, layoutSeconds: layoutSeconds, renderSeconds: (rendered - renderStart).seconds,
            peakMegabytes: Double(usage.ru_maxrss) / 1024)
        print(String(decoding: try JSONEncoder().encode(figures), as: UTF8.self))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
