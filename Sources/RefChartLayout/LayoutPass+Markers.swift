import RefChartScene

/// Reference markers: where the label ladder (``LabelLadder``) puts each in-range reference in this pass.
extension LayoutPass {
    /// Places the markers for the pass's x scale and plot, inside the plot's top where the data leaves room
    /// (once the pass has data columns), and keeps the record of a pass without room for later ones to replay.
    mutating func placeMarkers() {
        let budget = labelsAtBottom ? 0 : context.laneBudget
        let ladder = LabelLadder(
            context: context, xScale: xScale, width: width, budget: budget, room: DataRoom(pass: self), replay: markerReplay)
        var (markers, lanes, record) = ladder.run()
        if let record { markerReplay = record }
        // Lanes inside the plot follow the ones in use above it.
        for k in markers.indices { if let lane = markers[k].lane, lane >= budget { markers[k].lane = lanes + lane - budget } }
        (self.markers, self.lanes) = (markers, lanes)
    }
}
