import Foundation
import RefChartCore
import Testing

struct RelativeWindowTests {
    @Test(arguments: [
        ("30d", Calendar.Component.day, 30), ("last 12h", .hour, 12), ("90min", .minute, 90),
        ("6w", .weekOfYear, 6), ("3mo", .month, 3), ("1y", .year, 1), ("45s", .second, 45),
    ])
    func parses(text: String, unit: Calendar.Component, count: Int) throws {
        let window = try #require(RelativeWindow(text))
        #expect(window.unit == unit && window.count == count)
    }

    @Test(arguments: ["", "30", "d", "0d", "-3d", "3 fortnights", "1.5d"])
    func rejects(text: String) {
        #expect(RelativeWindow(text) == nil)
    }

    @Test func aDayAcrossDSTIsACalendarDay() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let end = try #require(ISO8601.date(from: "2024-03-31T12:00:00+02:00"))
        let start = try #require(RelativeWindow("1d")).start(before: end, in: berlin)
        #expect(end.timeIntervalSince(start) == 23 * 3600)
    }
}
