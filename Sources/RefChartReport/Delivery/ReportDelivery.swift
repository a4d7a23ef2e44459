public import Foundation
public import RefChart

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends a finished report to the jobs file's `deliver:` destinations: once per period and destination
/// (the ledger), only when it changed if asked, retried with back-off, each outcome in the summary. Charts
/// that rendered are delivered and the message names those that failed.
public struct ReportDelivery: Sendable {
    public var job: ReportJob
    /// Print what would be sent; send nothing, record nothing.
    public var dryRun = false
    /// The waits between attempts (three attempts in all by default).
    public var backoff: [Double] = [1, 3]
    /// The environment secrets and URLs are read from.
    public var environment = ProcessInfo.processInfo.environment

    public init(job: ReportJob, dryRun: Bool = false) { (self.job, self.dryRun) = (job, dryRun) }

    /// Delivers `summary` (its PDF and HTML as written) to every destination; each one's outcome.
    /// - Parameter say: Hears a line per destination (what was sent, skipped or would be sent).
    public func deliver(_ summary: ReportSummary, now: Date, say: @Sendable (String) -> Void) async -> [ReportSummary.Delivery] {
        guard !job.deliveries.isEmpty else { return [] }
        let period = Self.ledgerPeriod(summary.period, zone: TimeZone(identifier: job.timezone) ?? .gmt, now: now)
        let digest = summary.digest ?? ""
        var ledger: DeliveryLedger
        do {
            ledger = try DeliveryLedger(folder: job.stateFolder)
        } catch {
            return job.deliveries.map { .init(destination: $0.name, status: .failed, detail: "\(error)") }
        }
        var outcomes: [ReportSummary.Delivery] = []
        for target in job.deliveries {
            let key = DeliveryLedger.key(job: job.file, period: period, destination: target.name)
            if let earlier = ledger.sent(key) {
                outcomes.append(.init(destination: target.name, status: .skipped, detail: "already sent for \(period) at \(earlier.sent)"))
                continue
            }
            if target.onlyIfChanged, let last = ledger.last(to: target.name), last.digest == digest, !digest.isEmpty {
                outcomes.append(.init(destination: target.name, status: .skipped, detail: "unchanged since the send of \(last.sent) (onlyIfChanged)"))
                continue
            }
            let request: DeliveryRequest
            do {
                request = try DeliveryRequest(target: target, summary: summary, job: job, key: key, now: now, environment: environment)
            } catch {
                outcomes.append(.init(destination: target.name, status: .failed, detail: "\(error)"))
                continue
            }
            if dryRun {
                say("would send to \(target.name) (\(target.kind.rawValue)): \(request.description)")
                outcomes.append(.init(destination: target.name, status: .dryRun, detail: request.description))
                continue
            }
            let result = await send(request)
            if let failure = result {
                outcomes.append(.init(destination: target.name, status: .failed, detail: failure))
                continue
            }
            do {
                try ledger.record(.init(key: key, destination: target.name, period: period, digest: digest, sent: ReportRunner.stamp(Date())))
                outcomes.append(.init(destination: target.name, status: .sent, detail: request.description))
            } catch {
                outcomes.append(.init(destination: target.name, status: .sent, detail: "\(request.description); not recorded: \(error)"))
            }
            say("sent to \(target.name) (\(target.kind.rawValue)): \(request.description)")
        }
        return outcomes
    }

    /// The period a send is recorded for: the charts' first and last day in the report's zone (a re-run
    /// the same day of a `last: 7d` report is the same period), or the run's day for charts without time.
    static func ledgerPeriod(_ period: String?, zone: TimeZone, now: Date) -> String {
        let days = (period ?? "").split(separator: "/").compactMap { ISO8601.date(from: String($0)) }.map { ISO8601.day(of: $0, in: zone) }
        return days.count == 2 ? days.joined(separator: "/") : ISO8601.day(of: now, in: zone)
    }

    /// Sends with retries: a network failure, a 5xx or a 429 (for e-mail: a 4xx, or no connection) is tried
    /// again after the next wait; another answer is final. `nil` when it was taken, else why not.
    private func send(_ request: DeliveryRequest) async -> String? {
        var why = ""
        for attempt in 0...backoff.count {
            if attempt > 0 { try? await Task.sleep(for: .seconds(backoff[attempt - 1])) }
            switch request.transport {
            case .http(let urlRequest):
                do {
                    let (_, response) = try await URLSession.shared.data(for: urlRequest)
                    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                    if (200..<300).contains(status) { return nil }
                    why = "the destination answered HTTP \(status)"
                    if !(status >= 500 || status == 429) { return why }
                } catch {
                    // The code only: a description could carry the URL, and a Slack URL is a secret.
                    why = "no answer (network error \((error as? URLError)?.code.rawValue ?? (error as NSError).code))"
                }
            case .mail(let message, let envelope):
                let outcome = await Self.detached {
                    SMTPSender.send(
                        message.bytes, host: envelope.host, port: envelope.port, tls: envelope.tls, from: envelope.from, to: envelope.to,
                        user: envelope.user, password: envelope.password, caFile: envelope.caFile)
                }
                switch outcome {
                case .sent: return nil
                case .transient(let text): why = text
                case .permanent(let text): return text
                }
            }
        }
        return why + " after \(backoff.count + 1) attempts"
    }

    /// Runs blocking work (libcurl) on its own thread, not the cooperative pool.
    private static func detached<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in Thread.detachNewThread { continuation.resume(returning: work()) } }
    }
}
