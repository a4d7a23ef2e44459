import RefChartScene

/// The shortcuts a layout takes to stay fast with thousands of references, each of which must leave the
/// layout exactly as the long way would. All are on by default; the equivalence tests
/// (`LayoutShortcutsTests`) turn each off and compare scenes and reports.
package struct LayoutShortcuts: Sendable, Hashable {
    /// Passes with room inside the plot replay the last pass without it, cluster by cluster, while no
    /// cluster goes inside (``LabelLadder/Replay``).
    package var replaysMarkers = true
    /// A title whose width's lower bound (a sum of its characters' widths) already leaves it no lane is a
    /// badge without being shaped.
    package var skipsHopelessLabels = true
    /// A long text is fitted by shaping only a prefix of it when that prefix is already too wide.
    package var fitsByPrefix = true

    /// Every shortcut on.
    package static let all = LayoutShortcuts()
    /// Every shortcut off: the long way.
    package static let none = LayoutShortcuts(replaysMarkers: false, skipsHopelessLabels: false, fitsByPrefix: false)

    package init(replaysMarkers: Bool = true, skipsHopelessLabels: Bool = true, fitsByPrefix: Bool = true) {
        self.replaysMarkers = replaysMarkers
        self.skipsHopelessLabels = skipsHopelessLabels
        self.fitsByPrefix = fitsByPrefix
    }
}
