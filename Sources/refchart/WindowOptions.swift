import ArgumentParser
import RefChart

/// The time window's flags, shared by `render` and `inspect`.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Start of the time window (ISO 8601).", valueName: "datetime"))
    var from: String?

    @Option(help: ArgumentHelp("End of the time window (ISO 8601).", valueName: "datetime"))
    var to: String?

    @Option(help: ArgumentHelp("A window ending at --to (default: now): 30d, 12h, 6w, 3mo, 1y.", valueName: "duration"))
    var last: String?

    /// Copies the window onto `request`.
    func apply(to request: inout ChartRequest) throws {
        request.from = from
        request.to = to
        request.last = try duration(last, .last)
    }
}
