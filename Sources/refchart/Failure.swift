import ArgumentParser
import Foundation
import RefChart

/// Prints `refchart: error: …` to standard error and returns the exit code to throw.
func fail(_ message: String, status: Int32 = ExitStatus.failure) -> ExitCode {
    FileHandle.standardError.write(Data("refchart: error: \(message)\n".utf8))
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
