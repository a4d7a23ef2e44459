/// Where a value axis starts: at zero when zero means something for the data, else zoomed to the data.
///
/// Bars and areas encode a value by their length from the baseline, so they always start at zero. A line
/// encodes values by position: forcing zero under levels far from it flattens them (CO₂ at 313–432 ppm on
/// 0–500 leaves three quarters of the plot empty and hides the seasonal cycle; 38–76 °F on 0–80, poll shares
/// of 26–58 % on 0–60). A line starts at zero only when its values come near it: the value nearest zero is
/// within ``nearShare`` of the one farthest from it (pageviews of 200–5,000 do; 313–432 does not). Data on
/// both sides of zero includes it anyway. A zoomed axis gets ``padding`` of the data's span on each side,
/// so the line never runs along the plot's edge.
package enum ValueBaseline {
    /// How near zero the value nearest it must be, as a share of the farthest: about a third.
    package static let nearShare = 1.0 / 3
    /// The room a zoomed axis leaves beyond the data on each side, as a share of its span (matplotlib's
    /// margins are 5 %; the nice ticks widen it further).
    package static let padding = 0.04

    /// Whether data from `low` to `high` drawn as `type` starts its axis at zero.
    package static func includesZero(low: Double, high: Double, type: ChartType) -> Bool {
        guard type == .line else { return true }
        guard low.isFinite, high.isFinite else { return true }
        if low <= 0 && high >= 0 { return true }
        let (near, far) = low > 0 ? (low, high) : (-high, -low)
        return near <= far * nearShare
    }

    /// The data's range with room on each side for a zoomed axis (`low...high` unchanged for one at zero).
    package static func padded(low: Double, high: Double, includesZero: Bool) -> (low: Double, high: Double) {
        guard !includesZero, high > low else { return (low, high) }
        let room = (high - low) * padding
        guard room.isFinite else { return (low, high) }
        return (low - room, high + room)
    }
}
