import ArgumentParser
import Foundation

/// Checks a `--timezone` value, as every subcommand that takes one does.
func validateTimeZone(_ identifier: String) throws {
    guard TimeZone(identifier: identifier) != nil else {
        throw ValidationError("--timezone \(identifier) is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)")
    }
}
