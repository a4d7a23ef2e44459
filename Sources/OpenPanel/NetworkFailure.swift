import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Network failures in words: Foundation on Linux describes most of them only by a number
/// ("NSURLErrorDomain error -1011"), which tells a user nothing.
package enum NetworkFailure {
    /// `timed out`, `connection refused`, `the server's answer was malformed`, …
    static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .networkConnectionLost: return "connection lost"
        case .notConnectedToInternet: return "not connected"
        case .badServerResponse, .cannotParseResponse, .cannotDecodeRawData, .cannotDecodeContentData:
            return "the server's answer was malformed"
        case .zeroByteResource: return "the server answered with nothing"
        case .badURL, .unsupportedURL: return "the URL is not one that can be fetched"
        case .cancelled: return "cancelled"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "the TLS connection failed (check the server's certificate)"
        case .httpTooManyRedirects, .redirectToNonExistentLocation: return "too many or broken redirects"
        case .dataLengthExceedsMaximum: return "the answer is too large"
        default: return "the network request failed (code \(error.code.rawValue))"
        }
    }

    /// Any error from a URL session in words.
    package static func describe(_ error: any Error) -> String {
        if let error = error as? URLError { return describe(error) }
        let ns = error as NSError
        if ns.domain == NSURLErrorDomain, let code = URLError.Code(rawValue: ns.code) { return describe(URLError(code)) }
        return error.localizedDescription
    }
}
