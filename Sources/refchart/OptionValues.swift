// The options' typed values: argument-parser reads them by raw value and lists the choices in --help.
// The conformances are public because the types are; this executable is the only module that sees them.
public import ArgumentParser
public import RefChart

extension ChartFormat: ExpressibleByArgument {}
extension ChartTheme: ExpressibleByArgument {}
extension CSVOptions.DuplicatePolicy: ExpressibleByArgument {}
extension FootnoteMode: ExpressibleByArgument {}
extension ExportInterval: ExpressibleByArgument {}
extension ChartType: ExpressibleByArgument {}
extension SVGTextMode: ExpressibleByArgument {}

extension CSVOptions.TimeFormat: ExpressibleByArgument {
    /// A named form (`iso8601`, `day-first`, …) or a strftime pattern (`%d/%m/%Y %H:%M`).
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    /// The named forms, for `--help`.
    public static var allValueStrings: [String] { names }
}
