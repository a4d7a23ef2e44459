/// One series reduced as it is read, in time order (see ``SeriesReduction``).
///
/// Buckets lie on a fixed grid 2^shift seconds wide; when the data spans more buckets than allowed the grid
/// doubles (as often as needed) and neighbouring buckets merge, so the result does not depend on how the
/// rows were chunked, and two digests of adjacent parts of a file merge into the digest of the whole.
/// A bucket keeps its first, lowest, highest and last point per unbroken run; a bucket broken by gaps
/// more than twice keeps its first and last runs and, between them, the lowest and highest point alone.
struct SeriesDigest {
    typealias Point = (time: Double, value: Double)

    let reduction: SeriesReduction
    private(set) var tally = SeriesTally()
    /// Closed buckets' points in time order; a NaN value marks a break in the line.
    private var times: [Double] = []
    private var values: [Double] = []
    /// Each closed bucket's grid index and the position of its first point.
    private var bucketIndex: [Int64] = []
    private var bucketStart: [Int] = []
    private var shift = -20
    private var scale = 0x1p20
    private var firstBucket: Int64?
    /// The open bucket: its index, its earlier runs (reduced, NaN-separated) and its open run.
    private var current = Int64.min
    private var head: [Point] = []
    private var open = M4Run()
    private var inGap = false
    private var leadingGap = false
    private var firstPoint: Point?
    private var lastPoint: Point?
    private var keepCursor = 0
    /// Points kept because they are nearest a reference, ascending.
    private var kept: [Point] = []
    private var boundCursor = 0
    /// With a window (``SeriesReduction/window``): the last point before it and the first after it (so the
    /// line reaches the plot's edges), and whether a gap lies between either and the window.
    private var before: Point?
    private var after: Point?
    private var beforeBroken = false
    private var afterBroken = false

    /// - Parameter reserving: Make room at once for every point the grid can hold (four a bucket, 2 MB), so the
    ///   columns are allocated once — for a wide file's few columns, not a long file's many keys.
    init(_ reduction: SeriesReduction, reserving: Bool = false) {
        self.reduction = reduction
        if reserving {
            times.reserveCapacity(4 * reduction.buckets + 64)
            values.reserveCapacity(4 * reduction.buckets + 64)
        }
        tally.windowBounds = reduction.windowBounds
        if !reduction.windowBounds.isEmpty {
            tally.windowSums = Array(repeating: 0, count: reduction.windowBounds.count + 1)
            tally.windowCounts = Array(repeating: 0, count: reduction.windowBounds.count + 1)
        }
    }

    /// Adds rows in time order.
    mutating func add(times rowTimes: UnsafeBufferPointer<Double>, values rowValues: UnsafeBufferPointer<Double>) {
        let keep = reduction.keepNear
        let bounds = reduction.windowBounds
        let window = reduction.window ?? -Double.infinity...Double.infinity
        for k in 0..<rowTimes.count {
            let (t, v) = (rowTimes[k], rowValues[k])
            let wasInGap = inGap
            tally.add(t, v, inGap: &inGap)
            guard !v.isNaN else {
                if tally.points == 0 { leadingGap = true }
                if t < window.lowerBound {
                    beforeBroken = true
                } else if t > window.upperBound {
                    if after == nil { afterBroken = true }
                } else if !wasInGap {
                    breakRun(at: t)
                }
                continue
            }
            while keepCursor < keep.count && keep[keepCursor] <= t {
                let target = keep[keepCursor]
                keepPoint(lastPoint.map { target - $0.time <= t - target ? $0 : (t, v) } ?? (t, v))
                keepCursor += 1
            }
            if firstPoint == nil { firstPoint = (t, v) }
            lastPoint = (t, v)
            if !bounds.isEmpty {
                while boundCursor < bounds.count && bounds[boundCursor] <= t { boundCursor += 1 }
                tally.windowSums[boundCursor] += v
                tally.windowCounts[boundCursor] += 1
            }
            // Outside the window only the points next to it are drawn; the grid spans the window alone, so a
            // week of a year-long file keeps the week's detail.
            if t < window.lowerBound {
                (before, beforeBroken) = ((t, v), false)
                continue
            }
            if t > window.upperBound {
                if after == nil { after = (t, v) }
                continue
            }
            var bucket = (t * scale).rounded(.down)
            if !(abs(bucket) < 0x1p62) {
                closeBucket()
                while !(abs(bucket) < 0x1p62) {
                    rebin(by: 8)
                    bucket = (t * scale).rounded(.down)
                }
            }
            if Int64(bucket) != current { enter(Int64(bucket)) }
            open.add(t, v)
        }
    }

    /// Closes the open bucket and opens `bucket`, doubling the grid first while the data would span more
    /// buckets than allowed.
    private mutating func enter(_ bucket: Int64) {
        closeBucket()
        let first = firstBucket ?? bucket
        firstBucket = first
        let steps = Self.steps(from: first, to: bucket, buckets: reduction.buckets)
        if steps > 0 { rebin(by: steps) }
        current = bucket >> steps
    }

    /// How many times the grid must double for buckets `first` through `last` to be fewer than `buckets`.
    private static func steps(from first: Int64, to last: Int64, buckets: Int) -> Int {
        var steps = 0
        while (last >> steps) - (first >> steps) >= Int64(buckets) { steps += 1 }
        return steps
    }

    private mutating func breakRun(at time: Double) {
        head += open.points
        open = M4Run()
        head.append((time, .nan))
        if head.count > 16 { head = Self.reduce(head[...]) }
    }

    private mutating func keepPoint(_ point: Point) {
        if kept.last?.time != point.time { kept.append(point) }
    }

    /// Moves the open bucket's points to the closed ones (merging with the last closed bucket when a grid
    /// doubling made them one).
    private mutating func closeBucket() {
        defer { current = .min }
        guard current != .min else { return }
        if head.isEmpty && bucketIndex.last != current {
            bucketIndex.append(current)
            bucketStart.append(times.count)
            open.append(to: &times, &values)
            open = M4Run()
            return
        }
        var points = head + open.points
        (head, open) = ([], M4Run())
        guard !points.isEmpty else { return }
        if bucketIndex.last == current {
            let start = bucketStart.removeLast()
            bucketIndex.removeLast()
            points = Self.reduce((closedPoints(start..<times.count) + points)[...])
            times.removeSubrange(start...)
            values.removeSubrange(start...)
        }
        bucketIndex.append(current)
        bucketStart.append(times.count)
        for point in points {
            times.append(point.time)
            values.append(point.value)
        }
    }

    private func closedPoints(_ range: Range<Int>) -> [Point] {
        range.map { (times[$0], values[$0]) }
    }

    /// Doubles the grid `steps` times, merging the closed buckets that fall together.
    private mutating func rebin(by steps: Int) {
        // In place: a merged bucket never holds more points than the buckets it merges, so the write
        // position never passes the read position (new arrays here were a 1M-row file's peak: +3.5 MB).
        var (write, buckets, k) = (0, 0, 0)
        while k < bucketIndex.count {
            let group = bucketIndex[k] >> steps
            var j = k + 1
            while j < bucketIndex.count && bucketIndex[j] >> steps == group { j += 1 }
            let range = bucketStart[k]..<(j < bucketIndex.count ? bucketStart[j] : times.count)
            (bucketIndex[buckets], bucketStart[buckets]) = (group, write)
            buckets += 1
            var run = M4Run()
            var broken = false
            if j > k + 1 {
                for i in range {
                    if values[i].isNaN { broken = true } else { run.add(times[i], values[i]) }
                }
            }
            let merged = broken ? Self.reduce(closedPoints(range)[...]) : nil
            if j > k + 1 && !broken {
                write = run.write(into: &times, &values, at: write)
            } else if let merged, merged.count <= range.count {
                for point in merged {
                    (times[write], values[write]) = (point.time, point.value)
                    write += 1
                }
            } else {
                for i in range {
                    (times[write], values[write]) = (times[i], values[i])
                    write += 1
                }
            }
            k = j
        }
        times.removeSubrange(write...)
        values.removeSubrange(write...)
        bucketIndex.removeSubrange(buckets...)
        bucketStart.removeSubrange(buckets...)
        shift += steps
        scale = Double(sign: .plus, exponent: -shift, significand: 1)
        firstBucket = firstBucket.map { $0 >> steps }
        if current != .min { current >>= steps }
    }

    /// Appends the digest of the rows that followed this one's (read by another reader).
    mutating func append(_ other: SeriesDigest) {
        var tail = other
        closeBucket()
        tail.closeBucket()
        if tail.shift > shift { rebin(by: tail.shift - shift) } else if shift > tail.shift { tail.rebin(by: shift - tail.shift) }
        // Coarsen both to the grid the whole needs before joining them, so the join never holds more points.
        if let first = firstBucket ?? tail.firstBucket, let last = tail.bucketIndex.last ?? bucketIndex.last {
            let steps = Self.steps(from: first, to: last, buckets: reduction.buckets)
            if steps > 0 {
                rebin(by: steps)
                tail.rebin(by: steps)
            }
        }
        // References between this part's last point and the tail's first: the nearer of the two.
        if let last = lastPoint, let next = tail.firstPoint {
            for target in reduction.keepNear[keepCursor...] where target < next.time && target - last.time <= next.time - target {
                keepPoint(last)
            }
        }
        if lastPoint == nil {
            kept = tail.kept
        } else {
            for point in tail.kept where point.time > (kept.last?.time ?? -.infinity) { kept.append(point) }
        }
        keepCursor = tail.keepCursor
        tally.append(tail.tally, endsInGap: inGap, tailStartsInGap: tail.leadingGap)
        if tally.points == tail.tally.points { leadingGap = leadingGap || tail.leadingGap }
        if tail.tally.rows > 0 { inGap = tail.inGap }
        firstPoint = firstPoint ?? tail.firstPoint
        lastPoint = tail.lastPoint ?? lastPoint
        if let tailBefore = tail.before {
            (before, beforeBroken) = (tailBefore, tail.beforeBroken)
        } else {
            beforeBroken = beforeBroken || tail.beforeBroken
        }
        if after == nil { (after, afterBroken) = (tail.after, afterBroken || tail.afterBroken) }
        boundCursor = max(boundCursor, tail.boundCursor)
        for (k, index) in tail.bucketIndex.enumerated() {
            let range = tail.bucketStart[k]..<(k + 1 < tail.bucketIndex.count ? tail.bucketStart[k + 1] : tail.times.count)
            current = index
            head = tail.closedPoints(range)
            closeBucket()
        }
        firstBucket = firstBucket ?? tail.firstBucket
    }

    /// The kept points (NaN marking breaks) and the exact tally.
    mutating func finish() -> (times: [Double], values: [Double], tally: SeriesTally) {
        closeBucket()
        tally.resolution = 1 / scale
        if before != nil || after != nil {
            var edges: (head: [Point], tail: [Point]) = ([], [])
            if let before { edges.head = beforeBroken ? [before, (before.time, .nan)] : [before] }
            if let after { edges.tail = afterBroken ? [(after.time, .nan), after] : [after] }
            times = edges.head.map(\.time) + times + edges.tail.map(\.time)
            values = edges.head.map(\.value) + values + edges.tail.map(\.value)
            (before, after) = (nil, nil)
        }
        if let last = lastPoint, keepCursor < reduction.keepNear.count { keepPoint(last) }
        keepCursor = reduction.keepNear.count
        guard !kept.isEmpty else { return (times, values, tally) }
        var (mergedTimes, mergedValues) = ([Double](), [Double]())
        mergedTimes.reserveCapacity(times.count + kept.count)
        mergedValues.reserveCapacity(times.count + kept.count)
        var k = 0
        for (t, v) in zip(times, values) {
            while k < kept.count && kept[k].time < t {
                mergedTimes.append(kept[k].time)
                mergedValues.append(kept[k].value)
                k += 1
            }
            if k < kept.count && kept[k].time == t && !v.isNaN { k += 1 }
            mergedTimes.append(t)
            mergedValues.append(v)
        }
        for point in kept[k...] {
            mergedTimes.append(point.time)
            mergedValues.append(point.value)
        }
        return (mergedTimes, mergedValues, tally)
    }

    /// Reduces one bucket's points (time order, NaN marking breaks): M4 per run; with more than three runs,
    /// the first and last runs and, between them, the lowest and highest point of the runs between, each alone.
    static func reduce(_ points: ArraySlice<Point>) -> [Point] {
        var runs: [(marker: Point?, run: M4Run)] = []  // each run with the break before it
        var marker: Point?
        var run = M4Run()
        for point in points {
            if !point.value.isNaN {
                run.add(point.time, point.value)
            } else if run.count > 0 {
                runs.append((marker, run))
                (run, marker) = (M4Run(), point)
            } else if marker == nil {
                marker = point
            }
        }
        if run.count > 0 { (runs, marker) = (runs + [(marker, run)], nil) }
        var result: [Point] = []
        func emit(_ marker: Point?, _ points: [Point]) {
            if let marker, result.last.map({ !$0.value.isNaN }) ?? true { result.append(marker) }
            result += points
        }
        if runs.count <= 3 {
            for entry in runs { emit(entry.marker, entry.run.points) }
        } else {
            emit(runs[0].marker, runs[0].run.points)
            var between = M4Run()
            for entry in runs[1..<(runs.count - 1)] {
                between.add(entry.run.low.time, entry.run.low.value)
                between.add(entry.run.high.time, entry.run.high.value)
            }
            for dot in between.points where dot.time == between.low.time || dot.time == between.high.time {
                emit((dot.time, .nan), [dot])
            }
            emit(runs[runs.count - 1].marker, runs[runs.count - 1].run.points)
        }
        emit(marker, [])  // a break after the last run
        return result
    }
}
