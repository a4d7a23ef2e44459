import Foundation
import RefChartCore
package import RefChartScene

/// Lays out a chart: scales, ticks, downsampled series and reference labels, producing a ``Scene`` and a
/// ``LayoutReport``. Pure and deterministic: the same spec and text metrics give the same scene.
package enum ChartLayout {
    /// Lays out `spec`, measuring text with `measurer`.
    /// - Parameter shortcuts: The shortcuts the layout may take (all by default); the equivalence tests turn
    ///   them off to check that each changes nothing.
    package static func layout(
        _ spec: ChartSpec, measurer: some TextMeasuring, shortcuts: LayoutShortcuts = .all
    ) -> (scene: Scene, report: LayoutReport) {
        var pass = LayoutPass(context: LayoutContext(spec: spec, measurer: measurer, shortcuts: shortcuts))
        pass.solve()
        return (pass.scene(), pass.report())
    }
}
