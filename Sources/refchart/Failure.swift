import ArgumentParser
import Foundation
import RefChart

/// Prints `refchart: error: …` to standard error and returns the exit code to throw. Control characters
/// that reached the message (a server's text, a path) are printed escaped and every line is cut at 2,000
/// characters: a message never drives the terminal.
func fail(_ message: String, status: Int32 = ExitStatus.failure) -> ExitCode {
    FileHandle.standardError.write(Data("refchart: error: \(withInvisiblesEscaped(message))\n".utf8))
    return ExitCode(status)
}

/// Runs `body`, turning every failure the library reports (``RefChartFailure``) into its message, options
/// spelled as flags, on stderr and its exit status.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as any RefChartFailure {
        throw fail(error.message(spelling: .flags), status: error.exitStatus)
    }
}
