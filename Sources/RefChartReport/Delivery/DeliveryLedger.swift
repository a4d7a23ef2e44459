import Foundation
import RefChart

/// What was delivered where: a small JSON file in the state directory, so a re-run of the same period
/// never sends twice, and `onlyIfChanged` knows what was sent last. An entry is written after its send
/// succeeded (a send whose answer was lost may repeat once; its idempotency key lets the receiver drop it).
struct DeliveryLedger {
    struct Entry: Codable, Hashable {
        /// The job, period and destination, hashed: the send's identity and idempotency key.
        var key: String
        var destination: String
        var period: String
        /// The report's content digest when it was sent.
        var digest: String
        var sent: String
    }

    let path: String
    private(set) var entries: [Entry]

    /// The ledger in `folder` (`refchart-deliveries.json`); empty when there is none yet.
    /// - Throws: ``ChartError`` for a file that is there but unreadable: sending again could repeat sends.
    init(folder: String) throws {
        path = URL(fileURLWithPath: folder).appendingPathComponent("refchart-deliveries.json").path
        guard let data = FileManager.default.contents(atPath: path) else {
            entries = []
            return
        }
        do {
            entries = try JSONDecoder().decode([Entry].self, from: data)
        } catch {
            throw ChartError(OptionText("the delivery ledger \(path) cannot be read (\(String(describing: error))): fix or remove it"), kind: .io)
        }
    }

    /// The identity of sending `job`'s report for `period` to `destination`.
    static func key(job: String, period: String, destination: String) -> String {
        String(SHA256.hex(SHA256.hash(Array("\(job)\n\(period)\n\(destination)".utf8))).prefix(32))
    }

    func sent(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// The last send to `destination`, any period.
    func last(to destination: String) -> Entry? { entries.last { $0.destination == destination } }

    /// Records a send and writes the file (atomically; its folder made if need be).
    mutating func record(_ entry: Entry) throws {
        entries.removeAll { $0.key == entry.key }
        entries.append(entry)
        // The last 1,000 sends: a weekly report for twenty years to a few destinations.
        if entries.count > 1_000 { entries.removeFirst(entries.count - 1_000) }
        try ReportRunner.createFolders(for: [path])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(Array(try encoder.encode(entries)) + [0x0A], to: path)
    }
}
