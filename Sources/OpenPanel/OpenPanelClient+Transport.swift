import Foundation
import RefChartCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request whose answer never came, so it may or may not have been applied.
struct LostAnswer: Error {
    var reason: String
}

extension OpenPanelClient {
    /// Sends a request: paced, retried where safe, within the configured attempts and deadline.
    /// - Returns: The body of a 2xx answer.
    /// - Throws: ``OpenPanelError``, or ``LostAnswer`` for a POST whose outcome is unknown.
    func send(_ request: APIRequest) async throws -> Data {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(configuration.deadline)
        let urlRequest = request.urlRequest(
            baseURL: configuration.baseURL, credentials: credentials, timeout: configuration.requestTimeout)
        var attempt = 0
        while true {
            attempt += 1
            try await pacer.acquire { [onWait] in onWait("rate limited, waiting \(Int($0.rounded(.up))) s") }
            var failure: OpenPanelError
            var wait: Double
            do {
                let (data, response) = try await session.data(for: urlRequest)
                guard let http = response as? HTTPURLResponse else {
                    throw OpenPanelError(kind: .badResponse, message: "the answer is not HTTP")
                }
                onAnswer(http.statusCode)
                let remaining = http.value(forHTTPHeaderField: "x-ratelimit-remaining").flatMap { Int($0) }
                let reset = http.value(forHTTPHeaderField: "x-ratelimit-reset").flatMap { Double($0) }
                await pacer.observe(remaining: remaining, resetSeconds: reset)
                switch http.statusCode {
                case 200..<300:
                    return data
                case 404 where attempt > 1 && request.method == "DELETE":
                    // An earlier attempt whose answer was lost deleted it: the outcome asked for holds.
                    return Data()
                case 429:
                    // Not applied, so even a POST may be sent again, after the wait the server asks for.
                    failure = ErrorResponse.error(status: 429, body: data)
                    wait = http.value(forHTTPHeaderField: "retry-after").flatMap { Double($0) } ?? reset ?? 1
                    wait += Self.jitter(upTo: min(1, wait * 0.2))
                    await pacer.pause(seconds: wait)
                case 500...599:
                    // The server may have failed after it committed the write (a later step, a proxy): a POST's
                    // outcome is unknown; anything else can safely be sent again.
                    failure = ErrorResponse.error(status: http.statusCode, body: data)
                    guard request.isIdempotent else { throw LostAnswer(reason: "HTTP \(http.statusCode)") }
                    wait = backOff(attempt)
                case 300..<400:
                    let target = http.value(forHTTPHeaderField: "location") ?? "another address"
                    throw OpenPanelError(
                        kind: .rejected, status: http.statusCode, message: "the API redirects to \(target)",
                        hint: "set the API URL to the final address; refchart does not follow redirects with credentials")
                default:
                    throw ErrorResponse.error(status: http.statusCode, body: data)
                }
            } catch let error as URLError {
                onAnswer(nil)
                failure = OpenPanelError(
                    kind: .network, message: "no answer from \(configuration.baseURL.host ?? "the server"): \(Self.describe(error))",
                    hint: "check the API URL and the network")
                let neverSent = [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet].contains(error.code)
                guard request.isIdempotent || neverSent else { throw LostAnswer(reason: Self.describe(error)) }
                wait = backOff(attempt)
            }
            guard attempt < min(configuration.maxAttempts, request.attempts ?? .max), clock.now + .seconds(wait) < deadline else {
                var final = failure
                if attempt > 1 { final.message += " (after \(attempt) attempts)" }
                throw final
            }
            let seconds = wait < 1 ? String(format: "%.1f", wait) : String(Int(wait.rounded(.up)))
            if failure.kind == .rateLimited {
                onWait("rate limited, waiting \(seconds) s")
            } else {
                let what = failure.status.map { "HTTP \($0)" } ?? failure.message
                onWait("\(what), retrying in \(seconds) s (attempt \(attempt + 1) of \(configuration.maxAttempts))")
            }
            try await Task.sleep(for: .seconds(wait))
        }
    }

    /// Exponential back-off with jitter: base × 2^(attempt−1), at most 10 s.
    private func backOff(_ attempt: Int) -> Double {
        let base = min(10, configuration.retryBaseDelay * pow(2, Double(attempt - 1)))
        return base + Self.jitter(upTo: base * 0.25)
    }

    private static func jitter(upTo limit: Double) -> Double {
        limit > 0 ? Double.random(in: 0...limit) : 0
    }

    private static func describe(_ error: URLError) -> String {
        NetworkFailure.describe(error)
    }
}
