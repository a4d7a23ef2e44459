import ArgumentParser
import Foundation
import RefChart

/// Prints `refchart: error: …` to standard error and returns the exit code to throw.
func fail(_ message: String, status: Int32 = ExitStatus.badInput) -> ExitCode {
    FileHandle.standardError.write(Data("refchart: error: \(message)\n".utf8))
    return ExitCode(status)
}

/// Runs `body`, turning the errors refchart knows into a message on stderr and their exit status.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as InputError {
        throw fail(error.description)
    } catch let error as ChartError {
        throw fail(error.message)
    } catch let error as ChartRequestError {
        throw fail("\(error.field.flag) \(error.message)", status: ExitCode.validationFailure.rawValue)
    } catch let error as OpenPanelError {
        throw fail(error.description, status: ExitStatus.of(error))
    }
}
