import Foundation
import RefChartLayout
import RefChartRender
import RefChartScene
import Testing

/// M4 must not change the picture: a 1M-point line and its per-column reduction render alike.
struct M4RenderTests {
    @Test func reducedLineRendersLikeTheFullLine() throws {
        let count = 1_000_000
        var random = SeededGenerator(seed: 4)
        var value = 0.0
        let times = (0..<count).map(Double.init)
        let values = times.map { _ in
            value += Double.random(in: -1...1, using: &random)
            return value
        }
        let plot = Rect(x: 10, y: 10, width: 580, height: 280)
        let low = values.min()!
        let high = values.max()!
        func point(_ i: Int) -> Point {
            Point(
                x: plot.minX + times[i] / Double(count - 1) * plot.width,
                y: plot.maxY - (values[i] - low) / (high - low) * plot.height)
        }
        let runs = M4Reducer.reduce(times: times, values: values, domain: 0...Double(count - 1), columns: Int(plot.width) * M4Reducer.bucketsPerPixel)
        let kept = runs.flatMap { $0 }
        #expect(kept.count <= 4 * M4Reducer.bucketsPerPixel * Int(plot.width) + 4)
        let stroke = Stroke(color: Color(hex: 0x2563EB), width: 1.5)
        func render(_ indices: [Int]) throws -> DecodedImage {
            let scene = Scene(
                size: Size(width: 600, height: 300), background: Color(hex: 0xFFFFFF),
                items: [.polyline(points: indices.map(point), stroke: stroke)])
            return try DecodedImage(png: ChartRenderer.render(scene, format: .png(scale: 1)))
        }
        let full = try render(Array(0..<count))
        let reduced = try render(kept)
        let difference = PixelDifference(full, reduced)
        let (differing, visible, largest) = (difference.count(beyond: 0), difference.count(beyond: 16), difference.largest)
        print(
            "M4 render comparison: \(kept.count) of \(count) points kept, \(differing) of 180000 pixels differ (\(visible) by more than 16 levels), largest channel difference \(largest)"
        )
        // Anti-aliasing: inside a bucket the full path zigzags where the reduced one runs straight, so the
        // edge pixels of the line get slightly different coverage (measured: max 48 of 255 levels, 0.25 % of
        // pixels off by more than 16). With one bucket per pixel it was 206 levels and 1.7 %. Allow edge
        // shading, not a visibly different line.
        #expect(largest <= 64)
        #expect(Double(visible) / 180_000 < 0.005)
    }

    @Test func aLongLineInPiecesIsTheOneStrokesLine() throws {
        // The renderer strokes long lines in pieces, each clipped to its own pixel columns (one stroke of a
        // dense zigzag is slow in Cairo): the pixels must be those of one stroke, at 1× and 2×.
        var random = SeededGenerator(seed: 12)
        var value = 150.0
        let points = (0..<24_000).map { k -> Point in
            value = min(280, max(20, value + Double.random(in: -9...9, using: &random)))
            return Point(x: 10 + Double(k) * 580 / 24_000, y: value)
        }
        let gentle = (0..<3_000).map { k in Point(x: 10 + Double(k) * 580 / 3_000, y: 150 + 100 * sin(Double(k) / 300)) }
        let scene = Scene(
            size: Size(width: 600, height: 300), background: Color(hex: 0xFFFFFF),
            items: [
                .polyline(points: points, stroke: Stroke(color: Color(hex: 0x2563EB), width: 1.75)),
                .polyline(points: gentle, stroke: Stroke(color: Color(hex: 0xDC2626, alpha: 0.7), width: 2.5)),
            ])
        for scale in [1.0, 2.0] {
            let pieces = try DecodedImage(png: ChartRenderer.render(scene, format: .png(scale: scale)))
            let whole = try DecodedImage(png: ChartRenderer.render(scene, format: .png(scale: scale), linePiece: .max))
            let difference = PixelDifference(pieces, whole)
            print("line in pieces at \(scale)×: \(difference.count(beyond: 0)) pixels differ, largest \(difference.largest)")
            // Measured: 235 pixels by at most 5 levels at 1×, 1,258 by at most 14 at 2× (Cairo samples edges
            // inside a clip a little differently).
            #expect(difference.largest <= 16)
            #expect(difference.count(beyond: 2) * 10_000 < pieces.width * pieces.height)
        }
    }
}
