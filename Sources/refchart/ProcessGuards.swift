import ArgumentParser
import Dispatch
import Foundation
import RefChart

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process does when it is stopped: on SIGINT or SIGTERM it deletes the temporary files of
/// writes in progress (so an interrupted render leaves nothing behind) and exits 130 or 143.
enum SignalCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                AtomicFile.removeTemporaryFiles()
                _exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// `--timeout`: the longest a command may run, waits and retries included. A server that drips one byte
/// a minute, or a download that never ends, stops here with exit 5 and a message.
struct DeadlineOption: ParsableArguments {
    @Option(
        parsing: .unconditional, help: ArgumentHelp("Give up after this many seconds, waits and retries included (exit 5).", valueName: "seconds"))
    var timeout = 120.0

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout \(timeout) is out of range: use more than 0 and at most 86400 seconds")
        }
    }

    /// Starts the clock.
    func arm() { Watchdog.arm(seconds: timeout) }
}

enum Watchdog {
    static func arm(seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            FileHandle.standardError.write(
                Data(
                    "refchart: error: gave up after \(Int(seconds)) s (--timeout): the server or the network did not finish in time\n".utf8))
            AtomicFile.removeTemporaryFiles()
            _exit(ExitStatus.unavailable)
        }
    }
}
