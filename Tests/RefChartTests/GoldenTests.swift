import Foundation
import RefChart
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// "Same images and reports" as a test: every golden case (``GoldenCase``) is rendered through
/// ``ChartPipeline`` as PNG, SVG and PDF, and its layout report, warnings and image hashes are compared with
/// the files under `Tests/Goldens/`. A change that moves one pixel or one label fails here, and says which
/// chart; a change that means to move them refreshes the files and shows the difference in review:
///
///     REFCHART_UPDATE_GOLDENS=1 swift test --filter GoldenTests
///
/// Image hashes hold only for the Cairo and Pango versions (and fonts) they were made with: each hash file
/// names its versions, and on other versions only the layout reports and warnings are compared.
struct GoldenTests {
    static let folder = TestSupport.root.appendingPathComponent("Tests/Goldens")
    static let updating = ProcessInfo.processInfo.environment["REFCHART_UPDATE_GOLDENS"] == "1"
    /// The run's instant: `last` windows without `to` end here.
    static let now = Date(timeIntervalSince1970: TestSupport.seconds("2024-12-01T00:00:00Z"))
    static let libraries = "cairo \(LibraryVersions.cairo) pango \(LibraryVersions.pango)"

    @Test(arguments: GoldenCase.all)
    func chartIsAsRecorded(_ golden: GoldenCase) async throws {
        let rendered = try await ChartPipeline(now: Self.now).render(try request(golden))
        let layout = String(decoding: try rendered.layoutReport.json(), as: UTF8.self) + "\n"
        var record = [Self.libraries]
        for image in rendered.images { record.append("\(image.format.rawValue) \(Self.fnv1a(image.bytes))") }
        record += rendered.warnings.map { "warning: \($0)" }
        let recordText = record.joined(separator: "\n") + "\n"

        let layoutFile = Self.folder.appendingPathComponent("\(golden.name).layout.json")
        let recordFile = Self.folder.appendingPathComponent("\(golden.name).record")
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(layout.utf8).write(to: layoutFile)
            try Data(recordText.utf8).write(to: recordFile)
            return
        }
        let expectedLayout = try? String(contentsOf: layoutFile, encoding: .utf8)
        let expectedRecord = try? String(contentsOf: recordFile, encoding: .utf8)
        try #require(expectedLayout != nil && expectedRecord != nil, "no golden files for \(golden.name): run with REFCHART_UPDATE_GOLDENS=1")
        if layout != expectedLayout {
            let kept = try keep(layout, as: "\(golden.name).layout.json")
            Issue.record("\(golden.name): the layout report changed; diff \(layoutFile.path) \(kept)")
        }
        let expectedLines = expectedRecord!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sameLibraries = expectedLines.first == Self.libraries
        // Warnings always; image hashes when drawn by the libraries they were recorded with.
        let compared = { (lines: [String]) in lines.dropFirst().filter { sameLibraries || $0.hasPrefix("warning: ") } }
        if compared(record + [""]) != compared(expectedLines) {
            let kept = try keep(recordText, as: "\(golden.name).record")
            Issue.record("\(golden.name): the images or warnings changed; diff \(recordFile.path) \(kept)")
        }
    }

    /// Every chart drawn the long way, with none of the layout's shortcuts (``LayoutShortcuts``), is the
    /// golden one: the same layout report, warnings and images.
    @Test(arguments: GoldenCase.all)
    func theLongWayDrawsTheSameChart(_ golden: GoldenCase) async throws {
        let request = try request(golden)
        let fast = try await ChartPipeline(now: Self.now).render(request)
        let pipeline = ChartPipeline(now: Self.now, openPanel: { throw CancellationError() }, layoutShortcuts: .none)
        let slow = try await pipeline.render(request)
        #expect(try slow.layoutReport.json() == fast.layoutReport.json(), "\(golden.name)")
        #expect(slow.warnings == fast.warnings, "\(golden.name)")
        #expect(slow.images.map { Self.fnv1a($0.bytes) } == fast.images.map { Self.fnv1a($0.bytes) }, "\(golden.name)")
    }

    /// Every golden file belongs to a case (a renamed case leaves none behind).
    @Test func everyGoldenFileHasACase() throws {
        let names = Set(GoldenCase.all.flatMap { ["\($0.name).layout.json", "\($0.name).record"] })
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        #expect(Set(files).subtracting(names).sorted() == [])
        #expect(names.subtracting(files).sorted() == [] || Self.updating)
    }

    /// The case's request with every path made absolute, rendered in all three formats to memory.
    private func request(_ golden: GoldenCase) throws -> ChartRequest {
        var request = try JSONDecoder().decode(ChartRequest.self, from: Data(golden.request.utf8))
        func resolved(_ path: String) -> String {
            path.hasPrefix("generated/")
                ? GoldenInputs.folder.appendingPathComponent(String(path.dropFirst("generated/".count))).path
                : TestSupport.root.appendingPathComponent(path).path
        }
        request.csv = request.csv.map(resolved)
        request.references = request.references.map(resolved)
        request.formats = [.png, .svg, .pdf]
        request.name = golden.name
        return request
    }

    /// Writes what a case made now beside a scratch folder, for a diff against the golden file.
    private func keep(_ text: String, as name: String) throws -> String {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path + " (kept with REFCHART_KEEP_TEST_FILES=1)"
    }

    /// 64-bit FNV-1a: enough to tell two images apart, and needs no crypto library.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "fnv1a64:" + String(hash, radix: 16) + " \(bytes.count) bytes"
    }
}
