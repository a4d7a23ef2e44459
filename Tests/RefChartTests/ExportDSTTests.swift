import Foundation
import OpenPanel
import OpenPanelMockServer
import RefChart
import Testing

/// No false zeros from the Export API: the autumn DST hour comes back as one label (with the first hour's
/// value), which is one bucket spanning both instants, not a counted hour plus an empty one; counts that
/// are not numbers are an error naming the series and the label, never an all-zero chart.
@Suite(.serialized)
struct ExportDSTTests {
    @Test(arguments: [
        ("Europe/Berlin", "2024-10-26T22:00:00Z", "2024-10-27T00:00:00Z"),
        ("America/New_York", "2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z"),
        ("Pacific/Chatham", "2024-04-06T10:15:00Z", "2024-04-06T13:15:00Z"),
    ])
    func theRepeatedAutumnHourIsOneBucketNotAZero(zoneName: String, dayStart: String, repeatedFirst: String) async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let zone = try #require(TimeZone(identifier: zoneName))
        await fixture.api.setOrgZone(zone)
        // An event in every real hour of the 25-hour day.
        let start = TestSupport.seconds(dayStart)
        let hours = (0..<25).map { start + Double($0) * 3600 + 600 }
        await fixture.api.addEvents(projectId: "acme-web", name: "screen_view", at: hours)
        let window = Date(timeIntervalSince1970: start)...Date(timeIntervalSince1970: start + 25 * 3600)
        let series = try await fixture.client().exportSeries(
            projectId: "acme-web", events: ["screen_view"], interval: .hour, window: window, orgZone: zone,
            now: Date(timeIntervalSince1970: start + 30 * 86_400))
        let first = TestSupport.seconds(repeatedFirst)
        #expect(!series[0].values.contains(0), "a false zero: \(zip(series[0].times, series[0].values).filter { $0.1 == 0 })")
        #expect(series[0].times.count == 24, "25 real hours, 24 labels: the repeated one spans two")
        #expect(series[0].times.contains(first) && !series[0].times.contains(first + 3600))
    }

    @Test(arguments: [
        (
            #"{"series":[{"event":{"name":"screen_view"},"data":[{"date":"2024-03-11 00:00:00","count":"12"}]}]}"#,
            "not a number at \"2024-03-11 00:00:00\": \"12\""
        ),
        (#"{"series":[{"event":{"name":"screen_view"},"data":[{"date":"2024-03-11 00:00:00","count":null}]}]}"#, "has a count that is not a number"),
        (#"{"series":[{"event":{"name":"screen_view"},"data":{"date":"2024-03-11"}}]}"#, "series \"screen_view\" has no \"data\" list"),
    ])
    func malformedCountsAreAnErrorNotZeros(body: String, message: String) async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        await fixture.api.inject(.status(200, body: body), for: "GET")
        do {
            _ = try await fixture.client().exportSeries(
                projectId: "acme-web", events: ["screen_view"], interval: .day,
                window: ExportTests.date("2024-03-11T00:00:00Z")...ExportTests.date("2024-03-13T00:00:00Z"), orgZone: .gmt,
                now: ExportTests.date("2024-04-01T00:00:00Z"))
            Issue.record("no error for \(body)")
        } catch let error as OpenPanelError {
            #expect(error.kind == .badResponse && error.message.contains(message), "\(error.message)")
        }
    }

    /// Labels that are not bucket starts of the organization's calendar would be drawn between zero-filled
    /// buckets as a sawtooth. Instants as the public docs show them (UTC midnights) read for a Berlin
    /// organization are 01:00; a half-hour label at hourly interval is no hour's start.
    @Test(arguments: [
        (
            #"[{"date":"2024-03-11T00:00:00.000Z","count":5},{"date":"2024-03-12T00:00:00.000Z","count":7}]"#, ExportInterval.day,
            "2024-03-11T00:00:00.000Z"
        ),
        (#"[{"date":"2024-03-11 00:00:00","count":5},{"date":"2024-03-11 00:30:00","count":7}]"#, ExportInterval.hour, "2024-03-11 00:30:00"),
    ])
    func labelsOffTheGridAreRefusedWithTheOrgZoneHint(data: String, interval: ExportInterval, offGrid: String) async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        await fixture.api.inject(.status(200, body: #"{"series":[{"event":{"name":"screen_view"},"data":\#(data)}]}"#), for: "GET")
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        do {
            let series = try await fixture.client().exportSeries(
                projectId: "acme-web", events: ["screen_view"], interval: interval,
                window: ExportTests.date("2024-03-10T23:00:00Z")...ExportTests.date("2024-03-12T23:00:00Z"), orgZone: berlin,
                now: ExportTests.date("2024-04-01T00:00:00Z"))
            Issue.record("a sawtooth drawn: \(series[0].values)")
        } catch let error as OpenPanelError {
            #expect(error.kind == .badResponse)
            #expect(
                error.message.contains(
                    "label \"\(offGrid)\" of series \"screen_view\" is not a bucket start of interval \(interval.rawValue) in Europe/Berlin"),
                "\(error.message)")
            #expect(error.hint?.description.contains("organization's time zone") == true)
        }
    }
}
