import RefChartLayout
import RefChartScene

/// The boxes of a scene's text runs, as a measurer sizes them, and which of them overlap.
enum TextBoxes {
    /// Pairs of text runs whose boxes share area (more than a quarter pixel each way).
    /// - Complexity: O(n log n + k) with a sweep over x.
    static func overlappingPairs(in scene: Scene, measurer: some TextMeasuring) -> [(String, String)] {
        let runs: [(text: String, box: Rect)] = scene.items.compactMap { item in
            guard case .text(let run) = item else { return nil }
            let size = measurer.measure(run.text, font: run.font)
            return (run.text, Rect(x: run.origin.x, y: run.origin.y, width: size.width, height: size.height).insetBy(0.25))
        }.sorted { $0.box.minX < $1.box.minX }
        var pairs: [(String, String)] = []
        for i in runs.indices {
            var j = i + 1
            while j < runs.count && runs[j].box.minX < runs[i].box.maxX {
                if runs[i].box.intersects(runs[j].box) { pairs.append((runs[i].text, runs[j].text)) }
                j += 1
            }
        }
        return pairs
    }
}
