import ArgumentParser
import Foundation

/// Prints `refchart: error: …` to standard error and exits with status 1.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("refchart: error: \(message)\n".utf8))
    return ExitCode(1)
}
