public import RefChartCore
public import RefChartScene

extension ChartOptions {
    /// Checks every option that can be checked without the data (the one place: requests, job files and
    /// `Chart` all come here). Durations and zones were checked when they were read.
    /// - Throws: ``ChartRequestError`` naming the first option at fault.
    /// A `NAME=#rrggbb` entry of ``seriesColors`` read, or `nil` when it is not one (the name is what
    /// comes before the last `=`, so a name may hold one).
    package func seriesColor(_ entry: String) -> (name: String, color: Color)? {
        guard let equals = entry.lastIndex(of: "="), equals != entry.startIndex,
            let color = Color(rgbHex: String(entry[entry.index(after: equals)...]))
        else { return nil }
        return (String(entry[..<equals]), color)
    }

    public func validate() throws {
        for (key, value) in [(ChartKey.width, width), (.height, height)] where !Self.sizeRange.contains(value) {
            throw ChartRequestError(key, "\(value) is out of range: use \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound)")
        }
        guard scale.isFinite, Self.scaleRange.contains(scale) else {
            throw ChartRequestError(.scale, "\(scale) is out of range: use \(Self.scaleRange.lowerBound) to \(Self.scaleRange.upperBound)")
        }
        if let maxHeight, !(height...Self.sizeRange.upperBound).contains(maxHeight) {
            throw ChartRequestError(.maxHeight, "\(maxHeight) is out of range: use the height (\(height)) to \(Self.sizeRange.upperBound)")
        }
        if stacked && type == .line { throw ChartRequestError(.stacked, "needs \(option: .type, "area") or bar: lines are not stacked") }
        if let yMin, !yMin.isFinite { throw ChartRequestError(.yMin, "\(yMin) is not a finite number") }
        if let yMax, !yMax.isFinite { throw ChartRequestError(.yMax, "\(yMax) is not a finite number") }
        if let yMin, let yMax, yMin >= yMax { throw ChartRequestError(.yMax, "\(yMax) must be above the minimum \(yMin)") }
        if log, let yMin, yMin <= 0 { throw ChartRequestError(.yMin, "\(yMin) cannot bound a log axis: use a number above 0") }
        if log, let yMax, yMax <= 0 { throw ChartRequestError(.yMax, "\(yMax) cannot bound a log axis: use a number above 0") }
        if !rightAxis.isEmpty && type != .line {
            throw ChartRequestError(.rightAxis, "needs \(option: .type, "line"): areas and bars share one baseline")
        }
        for entry in seriesColors where seriesColor(entry) == nil {
            throw ChartRequestError(.seriesColors, "\(quoted(entry)) is not NAME=#rrggbb: e.g. France=#1f77b4")
        }
        if log, stacked { throw ChartRequestError(.log, "a log axis cannot stack: a stack's parts are read as differences") }
    }
}
