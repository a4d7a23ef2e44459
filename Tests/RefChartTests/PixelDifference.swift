import RefChartRender
import RefChartScene

/// Two renders of one size compared pixel by pixel: each pixel's largest channel difference (0–255).
struct PixelDifference {
    let differences: [Int]

    init(_ a: DecodedImage, _ b: DecodedImage) {
        precondition(a.width == b.width && a.height == b.height, "images differ in size")
        var differences: [Int] = []
        differences.reserveCapacity(a.width * a.height)
        for y in 0..<a.height {
            for x in 0..<a.width {
                let (p, q) = (a.pixel(x: x, y: y), b.pixel(x: x, y: y))
                differences.append(max(abs(Int(p.red) - Int(q.red)), abs(Int(p.green) - Int(q.green)), abs(Int(p.blue) - Int(q.blue))))
            }
        }
        self.differences = differences
    }

    /// Pixels whose difference exceeds `levels`.
    func count(beyond levels: Int) -> Int { differences.reduce(0) { $0 + ($1 > levels ? 1 : 0) } }
    var largest: Int { differences.max() ?? 0 }
    var mean: Double { Double(differences.reduce(0, +)) / Double(max(differences.count, 1)) }
}
