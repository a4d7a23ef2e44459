import Foundation
import OpenPanelMockServer
import RefChart
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The README's library example, compiled here as written and run against the mock server: the test fails
/// when the README and this copy part ways.
@Suite(.serialized)
struct ReadmeExampleTests {
    // README-BEGIN
    static func readmeExample() async throws -> (png: [UInt8], labels: Int) {
        // One chart, described as a value: the same fields as `refchart render`'s options.
        var request = ChartRequest(csv: "samples/pageviews.csv")
        request.references = ["samples/references.json"]
        request.title = "Pageviews"
        request.formats = [.png, .svg]
        // With OpenPanel: request.openpanelProject = "acme-web" adds that project's references; the client
        // is made on first use from OPENPANEL_CLIENT_ID and OPENPANEL_CLIENT_SECRET (a clear error without).

        let pipeline = ChartPipeline()
        let chart = try await pipeline.render(request)  // in memory; `run` also writes request.output
        let png = chart.image(.png)!
        let labels = chart.layoutReport.references.filter { $0.state == .label }.count
        return (png, labels)
    }
    // README-END

    @Test func theReadmeShowsThisExample() throws {
        let readme = try String(contentsOf: TestSupport.root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let begin = try #require(source.range(of: "// README-BEGIN\n"))
        let end = try #require(source.range(of: "    // README-END"))
        let body = source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().dropLast(3)  // the func line; `return`, the closing brace and the end
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
        let example = "import RefChart\n\n" + body.joined(separator: "\n") + "\n"
        #expect(readme.contains("```swift\n" + example + "```"), "README's library example differs from:\n\(example)")
    }

    /// It runs as a new user runs it: no OpenPanel credentials in the environment.
    @Test func theReadmeExampleRunsWithoutCredentials() async throws {
        for name in ["OPENPANEL_CLIENT_ID", "OPENPANEL_CLIENT_SECRET"] { #expect(getenv(name) == nil) }
        // `swift test` runs in the package root, where the example's relative paths point.
        try #require(FileManager.default.fileExists(atPath: "samples/pageviews.csv"), "run the tests from the package root")
        let (png, labels) = try await Self.readmeExample()
        #expect(RenderTests.pngSize(png).map { [$0.0, $0.1] } == [1200, 600])
        #expect(labels == 8)  // the sample's references in range
    }

    /// Its OpenPanel line, against the mock: the project's reference joins the file's.
    @Test func theReadmeExamplesOpenPanelLineAddsTheProjectsReferences() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        await fixture.api.seed(projectId: "acme-web", title: "From OpenPanel", date: "2024-10-15T12:00:00.000Z")
        var request = ChartRequest(csv: "samples/pageviews.csv")
        request.references = ["samples/references.json"]
        request.openpanelProject = "acme-web"
        let client = fixture.client()
        let pipeline = ChartPipeline(openPanelClient: client)
        let chart = try await pipeline.render(request)
        #expect(chart.layoutReport.references.filter { $0.state == .label }.count == 9)
    }
}
