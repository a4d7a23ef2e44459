public import RefChartCore

/// A jobs file that cannot be run: what is wrong and exactly where (file, line, column).
///
/// Nothing renders when a jobs file has one: `refchart report` exits 64.
public struct JobFileError: RefChartFailure, Hashable {
    /// The jobs file.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// What is wrong and how to fix it.
    public var message: String
    /// The key at fault, when one is (a request body's errors name it for a client).
    public var field: String?
    /// The file's other problems, in file order (a file is checked whole, as a compiler checks).
    public var more: [JobFileError] = []

    /// At most this many problems are printed; the rest are counted.
    public static let shownLimit = 50

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A jobs file that cannot be used is a request at fault (exit 64).
    public var failureKind: FailureKind { .request }

    /// `jobs.yaml:12:5: unknown key "widht" …` (a jobs file's message names its own keys, whatever `spelling`).
    public func message(spelling: OptionSpelling) -> String {
        let all = [self] + more
        var lines = all.prefix(Self.shownLimit).map(\.located)
        if all.count > Self.shownLimit { lines.append("… and \(all.count - Self.shownLimit) more problems") }
        if all.count > 1 { lines.append("\(all.count) problems in \(file)") }
        return lines.joined(separator: "\n")
    }

    /// This problem alone, with where it is.
    private var located: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text + ": " + message
    }
}
