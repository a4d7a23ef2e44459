import RefChartScene

/// The series legend: on the title's line, right-aligned, when it fits beside the title; otherwise in rows
/// under the title, never over it. Past ``maximumEntries`` series the rest are neither drawn nor listed, and
/// the legend says how many (a line nobody can name helps no one).
struct Legend {
    struct Entry {
        var text: String
        var series: Int?
        var width: Double
        /// Where the entry goes: its row (0 is the title's line when inline) and its left edge.
        var row = 0
        var x = 0.0
    }

    static let maximumEntries = 10
    static let swatch = 18.0
    static let gap = 14.0

    var entries: [Entry] = []
    /// Whether the legend shares the title's line.
    var inline = true
    /// Rows under the title (0 when inline).
    var rowsBelow = 0

    /// No legend.
    init() {}

    /// Lays the legend out for `names` in `available` pixels beside a title `titleWidth` wide.
    init(names: [String], titleWidth: Double, left: Double, right: Double, measure: (String) -> Double) {
        guard !names.isEmpty else { return }
        entries = names.prefix(Self.maximumEntries).enumerated().map { s, name in
            Entry(text: name, series: s, width: Self.swatch + measure(name))
        }
        if names.count > Self.maximumEntries {
            let text = "+\(names.count - Self.maximumEntries) series not drawn (choose with --series)"
            entries.append(Entry(text: text, series: nil, width: measure(text)))
        }
        let total = entries.reduce(0) { $0 + $1.width } + Double(entries.count - 1) * Self.gap
        if titleWidth + 16 + total <= right - left {
            var x = right - total
            for k in entries.indices {
                entries[k].x = x
                x += entries[k].width + Self.gap
            }
            return
        }
        inline = false
        var (row, x) = (1, left)
        for k in entries.indices {
            if x > left, x + entries[k].width > right {
                row += 1
                x = left
            }
            entries[k].row = row
            entries[k].x = x
            x += entries[k].width + Self.gap
        }
        rowsBelow = row
    }

    /// The dash pattern for series `index`: solid while the palette's colours last, then dashed, then
    /// dotted, so series stay apart when colours repeat.
    static func dash(forSeries index: Int, paletteSize: Int) -> [Double] {
        switch index / max(1, paletteSize) {
        case 0: return []
        case 1: return [6, 3]
        default: return [2, 2]
        }
    }
}
