/// Where the footnote table's rows go: how many columns, and each row's column and first line, for rows of
/// one or more lines (a long title wraps rather than being cut).
///
/// Rows run down the first column, then the next (column-major), each kept whole in one column, the
/// columns as even as the rows allow.
package struct FootnoteFlow {
    /// Each row's column and its first line in that column (0 at the table's top).
    package var places: [(column: Int, line: Int)]
    /// The table's height in lines: its tallest column.
    package var lines: Int

    /// The columns for `rows` rows when at most `maximum` fit across: one column for up to three rows (a
    /// lone row was a third of the width, its title cut); else the fewest that keep the row count the
    /// widest table has.
    package static func columns(rows: Int, maximum: Int) -> Int {
        guard rows > 3, maximum > 1 else { return 1 }
        let tallest = (rows + maximum - 1) / maximum
        return (rows + tallest - 1) / tallest
    }

    /// Rows of `heights` lines in `columns` columns: the shortest table whose columns, filled in order,
    /// hold every row.
    package init(heights: [Int], columns: Int) {
        let columns = max(1, columns)
        let total = heights.reduce(0, +)
        var target = max(heights.max() ?? 0, (total + columns - 1) / columns)
        while true {
            if let places = Self.fill(heights, columns: columns, linesPerColumn: target) {
                self.places = places
                lines = target
                return
            }
            target += 1
        }
    }

    /// Fills columns of `linesPerColumn` lines in order; `nil` when the rows need more than `columns`.
    private static func fill(_ heights: [Int], columns: Int, linesPerColumn: Int) -> [(column: Int, line: Int)]? {
        var places: [(column: Int, line: Int)] = []
        places.reserveCapacity(heights.count)
        var (column, line) = (0, 0)
        for height in heights {
            if line + height > linesPerColumn {
                (column, line) = (column + 1, 0)
                if column == columns { return nil }
            }
            places.append((column, line))
            line += height
        }
        return places
    }
}
