/// The first, lowest, highest and last point of an unbroken run of points in time order (M4).
struct M4Run {
    typealias Point = (time: Double, value: Double)
    private(set) var count = 0
    private(set) var first: Point = (0, 0)
    private(set) var low: Point = (0, .infinity)
    private(set) var high: Point = (0, -.infinity)
    private(set) var last: Point = (0, 0)

    @inline(__always)
    mutating func add(_ time: Double, _ value: Double) {
        if count == 0 { first = (time, value) }
        count += 1
        last = (time, value)
        if value < low.value { low = (time, value) }
        if value > high.value { high = (time, value) }
    }

    /// Calls `body` with the distinct points among first, lowest, highest and last, in time order.
    @inline(__always)
    func forEachPoint(_ body: (Point) -> Void) {
        guard count > 0 else { return }
        let (a, b) = low.time <= high.time ? (low, high) : (high, low)
        body(first)
        var latest = first.time
        for point in [a, b, last] where point.time > latest {
            body(point)
            latest = point.time
        }
    }

    /// The distinct points among first, lowest, highest and last, in time order.
    var points: [Point] {
        var points: [Point] = []
        forEachPoint { points.append($0) }
        return points
    }

    /// Writes ``points`` into two columns from `index` on (where the run's own points may have lain: they are
    /// copies); returns the index after the last written.
    @inline(__always)
    func write(into times: inout [Double], _ values: inout [Double], at index: Int) -> Int {
        var k = index
        forEachPoint { point in
            (times[k], values[k]) = point
            k += 1
        }
        return k
    }

    /// Appends ``points`` to two columns without building an array of them (a bucket closes per row while
    /// the grid is still fine).
    @inline(__always)
    func append(to times: inout [Double], _ values: inout [Double]) {
        forEachPoint { point in
            times.append(point.time)
            values.append(point.value)
        }
    }
}
