import Foundation
import RefChartCore
import RefChartLayout
import RefChartScene
import Testing

struct TimeTicksTests {
    private func calendar(_ zone: String = "UTC") -> Calendar { CalendarBucketTests.calendar(zone) }

    /// Chooses ticks for a span drawn across `width` pixels with 7 px per character labels.
    private func ticks(_ from: String, _ to: String, width: Double = 1000, zone: String = "UTC", dataSpacing: Double = 0) -> TimeTicks {
        let domain = TestSupport.seconds(from)...TestSupport.seconds(to)
        return TimeTicks.choose(
            domain: domain, pixelsPerSecond: width / (domain.upperBound - domain.lowerBound),
            calendar: calendar(zone), dataSpacing: dataSpacing
        ) { Double($0.count) * 7 }
    }

    /// No tick finer than the data: four yearly points get year ticks, not quarters between them; six
    /// monthly points get months, not weeks; a window narrower than the data's spacing still gets ticks.
    @Test func ticksAreNeverFinerThanTheData() {
        let year = 365 * 86_400.0
        #expect(ticks("2014-01-01T00:00:00Z", "2017-01-01T00:00:00Z").rung.unit != .year)
        let yearly = ticks("2014-01-01T00:00:00Z", "2017-01-01T00:00:00Z", dataSpacing: year)
        #expect(yearly.rung.unit == .year && yearly.ticks.map(\.label) == ["2014", "2015", "2016", "2017"])
        let monthly = ticks("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z", dataSpacing: 31 * 86_400)
        #expect(monthly.rung.unit == .month && monthly.rung.step == 1)
        let zoomed = ticks("2015-03-01T00:00:00Z", "2015-06-01T00:00:00Z", dataSpacing: year)
        #expect(zoomed.ticks.count >= 2)
    }

    @Test func minutes() {
        let result = ticks("2024-03-10T10:00:00Z", "2024-03-10T11:00:00Z")
        #expect(result.rung.unit == .minute)
        #expect(result.rung.step == 5)
        #expect(result.ticks.map(\.label).prefix(4) == ["10:00", "10:05", "10:10", "10:15"])
        #expect(result.ticks.first?.context == "Sun 10 Mar")
    }

    @Test func days() {
        let result = ticks("2024-01-01T00:00:00Z", "2024-01-15T00:00:00Z")
        #expect(result.rung.unit == .day && result.rung.step == 1)
        #expect(result.ticks.count == 15)
        #expect(result.ticks.first?.label == "Mon 1")
        #expect(result.ticks.first?.context == "Jan 2024")
        #expect(result.ticks.dropFirst().allSatisfy { $0.context == nil })
    }

    @Test func weeksOverNinetyDaysStartOnMondays() {
        let result = ticks("2024-09-01T00:00:00Z", "2024-11-29T23:00:00Z", width: 1100)
        #expect(result.rung.unit == .weekOfYear)
        #expect(result.ticks.map(\.label).prefix(3) == ["2", "9", "16"])
        #expect(result.ticks.compactMap(\.context) == ["Sep 2024", "Oct 2024", "Nov 2024"])
    }

    @Test func months() {
        let result = ticks("2023-01-01T00:00:00Z", "2024-12-31T00:00:00Z")
        #expect(result.rung.unit == .month)
        #expect(result.ticks.first?.label == "Jan")
        #expect(result.ticks.compactMap(\.context) == ["2023", "2024"])
    }

    @Test func years() {
        let result = ticks("1990-01-01T00:00:00Z", "2024-01-01T00:00:00Z", width: 600)
        #expect(result.rung.unit == .year)
        #expect(result.ticks.map { Int($0.label)! % result.rung.step }.allSatisfy { $0 == 0 })
        #expect(result.ticks.first?.label == "1990")
    }

    @Test(arguments: [1200.0, 500, 300])
    func hourTicksStayOnWallClockHoursAcrossADSTChange(width: Double) {
        // Europe/Berlin springs forward on 2024-03-31 at 02:00 → 03:00: that day has 23 hours.
        let result = ticks("2024-03-30T23:00:00Z", "2024-04-01T00:00:00Z", width: width, zone: "Europe/Berlin")
        #expect(result.rung.unit == .hour)
        let step = result.rung.step
        let labels = result.ticks.map(\.label)
        #expect(labels.allSatisfy { Int($0.prefix(2))! % step == 0 && $0.hasSuffix(":00") })
        // Ticks are real instants: between consecutive wall-clock ticks `step` hours apart, the one pair that
        // spans 02:00 → 03:00 is an hour shorter; every other pair is exactly `step` hours.
        let gaps = zip(result.ticks, result.ticks.dropFirst()).map { $1.time - $0.time }
        let stepSeconds = Double(step) * 3600
        if step > 1 {
            #expect(gaps.filter { $0 == stepSeconds - 3600 }.count == 1, "gaps \(gaps) for step \(step)")
            #expect(gaps.filter { $0 != stepSeconds }.count == 1)
        } else {
            #expect(gaps.allSatisfy { $0 == 3600 })
        }
        #expect(result.ticks.first?.context == "Sun 31 Mar")
    }

    @Test func someWidthGivesMultiHourStepsOnTheDSTDay() {
        let steps = [1200.0, 500, 300].map { ticks("2024-03-30T23:00:00Z", "2024-04-01T00:00:00Z", width: $0, zone: "Europe/Berlin").rung.step }
        #expect(steps.contains { $0 > 1 }, "steps \(steps): the DST check above never saw a multi-hour step")
    }

    @Test func dayTicksAreLocalMidnightsAcrossDST() {
        // America/New_York falls back on 2024-11-03: that day has 25 hours.
        let result = ticks("2024-11-01T04:00:00Z", "2024-11-06T05:00:00Z", width: 400, zone: "America/New_York")
        #expect(result.rung.unit == .day)
        let times = result.ticks.map(\.time)
        let gaps = zip(times, times.dropFirst()).map { $1 - $0 }
        #expect(gaps.contains(25 * 3600))
        #expect(gaps.allSatisfy { $0 == 24 * 3600 || $0 == 25 * 3600 })
    }

    @Test func labelFieldsByDayArithmeticAreTheCalendars() {
        // Labels are written from fields found by day arithmetic (Calendar was too slow for thousands of
        // dates): every field must be Calendar's, in zones with and without summer time, either side of 1970.
        var random = SeededGenerator(seed: 31)
        for zone in ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns"] {
            let calendar = calendar(zone)
            for _ in 0..<2_000 {
                let date = Date(timeIntervalSince1970: Double.random(in: -11_000_000_000...4_000_000_000, using: &random).rounded())
                let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
                let fields = TimeLabelStyle.fields(of: date, in: calendar)
                #expect(
                    [fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.weekday]
                        == [expected.year, expected.month, expected.day, expected.hour, expected.minute, expected.second, expected.weekday],
                    "\(date) in \(zone)")
            }
        }
    }
}
