import RefChartLayout
import RefChartScene
import Testing

struct M4ReducerTests {
    @Test func keepsFirstLastMinAndMaxPerColumn() {
        let times = (0..<1000).map(Double.init)
        let values = times.map { ($0.truncatingRemainder(dividingBy: 10) == 7) ? 100 : $0.truncatingRemainder(dividingBy: 3) }
        let runs = M4Reducer.reduce(times: times, values: values, domain: 0...999, columns: 10)
        #expect(runs.count == 1)
        let kept = runs[0]
        #expect(kept.count <= 40)
        #expect(kept.first == 0 && kept.last == 999)
        #expect(kept == kept.sorted())
        // The spikes (value 100) survive in every column.
        #expect(kept.filter { values[$0] == 100 }.count == 10)
    }

    @Test func gapsSplitTheLineAndForcedPointsSurvive() {
        let times = (0..<1000).map(Double.init)
        var values = times.map { _ in 1.0 }
        values[500] = .nan
        let runs = M4Reducer.reduce(times: times, values: values, domain: 0...999, columns: 10, keep: [123])
        #expect(runs.count == 2)
        #expect(runs[0].last == 499 && runs[1].first == 501)
        #expect(runs[0].contains(123))
    }

    @Test func shortSeriesAreNotReduced() {
        let times = (0..<30).map(Double.init)
        let runs = M4Reducer.reduce(times: times, values: times, domain: 0...29, columns: 10)
        #expect(runs == [Array(0..<30)])
    }
}
