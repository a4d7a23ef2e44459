import ArgumentParser
import Dispatch
import Foundation
import RefChart

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a command does last when it is stopped (a signal, `--timeout`): `report` writes its summary.
/// Set once a command knows; called at most once, from the handler's thread, before the process exits.
enum LastWords {
    /// Why the process is stopping.
    enum Reason: Sendable {
        case signal(Int32)
        case timeout(Double)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var action: (@Sendable (Reason) -> Void)?

    static func set(_ body: @escaping @Sendable (Reason) -> Void) {
        lock.withLock { action = body }
    }

    /// Takes the last words back, for a command that ends normally; `false` when a handler is already
    /// saying them (the process is about to exit: the command must not write over them).
    static func withdraw() -> Bool {
        lock.withLock {
            defer { action = nil }
            return action != nil
        }
    }

    static func say(_ reason: Reason) {
        let body = lock.withLock {
            defer { action = nil }
            return action
        }
        body?(reason)
    }
}

/// What the process does when it is stopped: on SIGINT or SIGTERM it says its ``LastWords``, deletes the
/// temporary files of writes in progress (so an interrupted render leaves nothing behind) and exits 130
/// or 143.
enum SignalCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                LastWords.say(.signal(signal))
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
            LastWords.say(.timeout(seconds))
            AtomicFile.removeTemporaryFiles()
            _exit(ExitStatus.unavailable)
        }
    }
}
