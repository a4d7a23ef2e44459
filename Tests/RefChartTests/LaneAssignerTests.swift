import RefChartLayout
import RefChartScene
import Testing

/// The lane assigner's rules, one case each, then its invariants over many random staircases.
struct LaneAssignerTests {
    @Test func aLabelGoesBelowTheLabelsCoveringItsLine() {
        var lanes = LaneAssigner(budget: 7)
        #expect(lanes.place(span: 423...521, lineX: 419)?.lane == 0)
        #expect(lanes.place(span: 427...570, lineX: 423)?.lane == 1)
        #expect(lanes.place(span: 429...527, lineX: 425)?.lane == 2)
        #expect(lanes.lanesUsed == 3)
    }

    @Test func labelsApartShareTheTopLane() {
        var lanes = LaneAssigner(budget: 3)
        #expect(lanes.place(span: 10...100, lineX: 6)?.lane == 0)
        // A line 6 px or more past the label's end is clear of it: the next label shares the lane.
        #expect(lanes.place(span: 110...200, lineX: 106)?.lane == 0)
        #expect(lanes.place(span: 209...300, lineX: 205)?.lane == 1, "5 px is under the gap: the line is covered")
        #expect(lanes.lanesUsed == 2)
    }

    /// Once a lower lane's label covers a line, no lane above it will do, even one that is free there.
    @Test func aLabelNeverSitsAboveALabelCoveringItsLine() {
        var lanes = LaneAssigner(budget: 4)
        #expect(lanes.place(span: 10...50, lineX: 6)?.lane == 0)
        #expect(lanes.place(span: 14...300, lineX: 10)?.lane == 1)
        // Lane 0 is free from 56 on, but the long label in lane 1 covers x = 120: lane 2.
        #expect(lanes.place(span: 124...160, lineX: 120)?.lane == 2)
    }

    /// A line of a label in an upper lane runs down through the lanes below it: no label there may cover it.
    @Test func aLabelDoesNotCoverALineFromAbove() {
        var lanes = LaneAssigner(budget: 3)
        #expect(lanes.place(span: 4...40, lineX: 0)?.lane == 0)
        #expect(lanes.place(span: 100...140, lineX: 96)?.lane == 0)
        // Lane 0 covers the line at 46 (its right edge is 140); lanes 1 and 2 would hold 50…120, across the
        // line at 96 that runs down from lane 0: no lane will do. A shorter label fits in lane 1.
        #expect(!lanes.canPlace(span: 50...120, lineX: 46))
        #expect(lanes.place(span: 50...120, lineX: 46) == nil)
        #expect(lanes.place(span: 50...90, lineX: 46)?.lane == 1)
        var crossing = LaneAssigner(budget: 2)
        #expect(crossing.place(span: 200...240, lineX: 196)?.lane == 0)
        #expect(crossing.place(span: 204...260, lineX: 200)?.lane == 1)
        #expect(crossing.place(span: 150...230, lineX: 146) == nil, "lane 0 is full there and lane 1 holds the line at 196")
    }

    /// The shift rung: a label right of its line is never moved, since a lane that is free at the line (6 px
    /// past its last label) is free 4 px further right too. (Left as the ladder has it; see the notes.)
    @Test func labelsRightOfTheirLinesAreNeverShifted() {
        var lanes = LaneAssigner(budget: 3)
        #expect(lanes.place(span: 10...100, lineX: 6)?.lane == 0)
        let covered = lanes.place(span: 104...150, lineX: 100, maxShift: 48)
        #expect(covered?.lane == 1 && covered?.shift == 0, "the line is covered: the next lane, not a shift")
        let clear = lanes.place(span: 164...200, lineX: 160, maxShift: 48)
        #expect(clear?.lane == 0 && clear?.shift == 0)
    }

    @Test func noLaneIsLeftWhenTheBudgetIsSpent() {
        var lanes = LaneAssigner(budget: 2)
        #expect(lanes.place(span: 10...300, lineX: 6)?.lane == 0)
        #expect(lanes.place(span: 14...300, lineX: 10)?.lane == 1)
        #expect(!lanes.canPlace(span: 18...40, lineX: 14))
        #expect(lanes.place(span: 18...40, lineX: 14) == nil)
        #expect(lanes.lanesUsed == 2)
    }

    /// Lanes inside the plot come first where the data leaves room; only they when the label must stay inside.
    @Test func lanesInsideThePlotComeFirstWhereTheDataAllows() {
        var lanes = LaneAssigner(budget: 2, inPlot: 2)
        let roomRight = { (lane: Int, span: ClosedRange<Double>) in span.lowerBound > 500 }
        #expect(lanes.place(span: 10...60, lineX: 6, roomInPlot: roomRight)?.lane == 0, "no room inside at 10: above")
        #expect(lanes.place(span: 510...560, lineX: 506, roomInPlot: roomRight)?.lane == 2, "the plot's first lane")
        #expect(lanes.place(span: 514...600, lineX: 510, roomInPlot: roomRight)?.lane == 3)
        #expect(lanes.lanesUsed == 1, "lanes inside the plot cost no height")
        #expect(lanes.place(span: 90...120, lineX: 86, abovePlot: false, roomInPlot: roomRight) == nil)
    }

    /// `canPlace` says what `place` would do and claims nothing.
    @Test func probingClaimsNothing() {
        var lanes = LaneAssigner(budget: 2)
        #expect(lanes.place(span: 10...100, lineX: 6)?.lane == 0)
        for _ in 0..<3 { #expect(lanes.canPlace(span: 110...150, lineX: 106)) }
        #expect(lanes.place(span: 110...150, lineX: 106)?.lane == 0)
    }

    /// Over random staircases: labels in one lane keep the gap, no label covers a line from a lane above it,
    /// and no label sits above an earlier label covering its line.
    @Test(arguments: 1...40)
    func staircasesKeepEveryRule(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let (gap, lineGap) = (6.0, 2.0)
        var lanes = LaneAssigner(budget: Int.random(in: 1...8, using: &random), inPlot: Int.random(in: 0...3, using: &random))
        var placed: [(lane: Int, span: ClosedRange<Double>, lineX: Double)] = []
        var x = 0.0
        for _ in 0..<Int.random(in: 5...300, using: &random) {
            x += Double.random(in: 0...40, using: &random)
            let width = Double.random(in: 5...200, using: &random)
            let left = Bool.random(using: &random) || x < width + 4 ? x + 4 : x - 4 - width
            let span = left...(left + width)
            let maxShift = Bool.random(using: &random) ? 30.0 : 0
            let probe = lanes.canPlace(span: span, lineX: x, maxShift: maxShift, rightLimit: 4_000)
            let placement = lanes.place(span: span, lineX: x, maxShift: maxShift, rightLimit: 4_000)
            #expect(probe == (placement != nil))
            guard let placement else { continue }
            let moved = (span.lowerBound + placement.shift)...(span.upperBound + placement.shift)
            #expect(placement.shift == 0)
            for other in placed {
                if other.lane == placement.lane {
                    #expect(other.span.upperBound + gap <= moved.lowerBound || moved.upperBound + gap <= other.span.lowerBound)
                }
                if other.lane >= placement.lane {
                    #expect(other.span.upperBound + gap <= x, "an earlier label in lane \(other.lane) covers the line at \(x)")
                }
                let (upper, lower) =
                    other.lane < placement.lane
                    ? (other, (lane: placement.lane, span: moved, lineX: x))
                    : (
                        (lane: placement.lane, span: moved, lineX: x), other
                    )
                if upper.lane < lower.lane {
                    #expect(
                        !(upper.lineX + lineGap > lower.span.lowerBound && upper.lineX - lineGap < lower.span.upperBound),
                        "the line at \(upper.lineX) runs through a label in lane \(lower.lane)")
                }
            }
            placed.append((placement.lane, moved, x))
        }
        #expect(lanes.lanesUsed == (placed.map(\.lane).filter { $0 < lanes.budget }.max().map { $0 + 1 } ?? 0))
    }
}
