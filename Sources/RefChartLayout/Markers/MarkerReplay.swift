/// The label ladder of a pass with no room inside the plot, kept cluster by cluster.
///
/// A later pass of the same layout with room inside the plot (same x scale, same lanes above it) places
/// each cluster whose trial inside fails exactly as this pass did, as long as no cluster before it went
/// inside: it takes this pass's markers, lanes and footnote numbers instead of running the ladder again
/// (at 5,000 references, 5,000 label attempts and 20 M instructions per attempt at room inside the plot).
struct MarkerReplay {
    /// What the pass was laid out with.
    let budget: Int
    let xScale: LinearScale
    /// The markers the pass placed (lanes inside the plot not yet renumbered).
    var markers: [MarkerPlan] = []
    /// After each cluster: how many markers there were, the lanes, and the last footnote number taken.
    var checkpoints: [(markers: Int, assigner: LaneAssigner, number: Int)] = []

    /// Whether a pass with these settings places what this one did, cluster for cluster.
    func matches(budget: Int, xScale: LinearScale) -> Bool {
        self.budget == budget && self.xScale == xScale
    }
}
