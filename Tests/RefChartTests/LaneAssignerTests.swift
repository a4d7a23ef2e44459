import RefChartLayout
import RefChartScene
import Testing

struct LaneAssignerTests {
    @Test func aLabelGoesBelowTheLabelsCoveringItsLine() {
        var lanes = LaneAssigner(budget: 7)
        #expect(lanes.place(span: 423...521, lineX: 419)?.lane == 0)
        #expect(lanes.place(span: 427...570, lineX: 423)?.lane == 1)
        #expect(lanes.place(span: 429...527, lineX: 425)?.lane == 2)
    }
}
