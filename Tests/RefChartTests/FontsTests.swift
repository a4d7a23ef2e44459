import Foundation
import RefChart
import Testing

/// Every script the set-up installs fonts for draws without boxes; a character no font has is drawn as a
/// box with a warning naming the reference and the character.
struct FontsTests {
    static func references(_ titles: [String]) throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        let entries = titles.enumerated().map { k, title in
            #"{"id":"r\#(k)","title":"\#(title)","date":"2024-10-\#(String(format: "%02d", k + 2))T10:00:00Z"}"#
        }
        let path = dir.appendingPathComponent("refs.json").path
        try ("[" + entries.joined(separator: ",") + "]").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyInstalledScriptDraws() throws {
        let titles = ["Ελληνικά", "Кириллица", "مرحبا", "שלום", "เปิดตัว", "लॉन्च", "中文 日本語", "출시 2.0", "Launch 🚀"]
        let dir = try TestSupport.temporaryDirectory()
        let result = try CLIRunner.run([
            "render", "--csv", TestSupport.sample("pageviews.csv"), "--references", try Self.references(titles),
            "-o", dir.appendingPathComponent("c.png").path, "--layout-report", "-", "--width", "2400",
        ])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("no installed font"), "\(result.stderr)")
        let report = try JSONDecoder().decode(LayoutReport.self, from: result.stdout)
        #expect(report.references.allSatisfy { $0.missingGlyphs == nil })
    }

    @Test func aCharacterNoFontHasIsABoxAndAWarning() throws {
        let dir = try TestSupport.temporaryDirectory()
        let result = try CLIRunner.run([
            "render", "--csv", TestSupport.sample("pageviews.csv"), "--references", try Self.references(["Private \u{E000} use"]),
            "-o", dir.appendingPathComponent("c.png").path, "--layout-report", "-",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.contains("reference \"Private \u{E000} use\" (r0) has characters no installed font can draw"))
        let report = try JSONDecoder().decode(LayoutReport.self, from: result.stdout)
        #expect(report.references[0].missingGlyphs == "\u{E000}")
    }
}

/// A machine without fonts (a slim container): every chart stops with what to install, and no file.
struct NoFontsTests {
    @Test func aChartWithoutFontsSaysWhatToInstall() throws {
        let dir = try TestSupport.temporaryDirectory()
        let config = dir.appendingPathComponent("fonts.conf")
        try "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>\(dir.path)/cache</cachedir></fontconfig>\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("chart.png")
        let result = try CLIRunner.run(
            ["render", "--csv", TestSupport.sample("pageviews.csv"), "-o", out.path], environment: ["FONTCONFIG_FILE": config.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no fonts found: install fonts-dejavu-core (see README: runtime packages)"), "\(result.stderr)")
        #expect(!result.stderr.contains("larger than Cairo"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
