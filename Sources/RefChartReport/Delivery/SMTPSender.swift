import CCurl
import Foundation

/// Sends one message over SMTP through libcurl: STARTTLS (required, not hoped for) or TLS from the start,
/// AUTH PLAIN/LOGIN as the server offers, the certificate verified (against `caFile` too when given).
/// Blocking: call it off the cooperative pool.
enum SMTPSender {
    /// How one attempt ended.
    enum Outcome: Equatable {
        case sent
        /// Worth another attempt: no connection, a time-out, a 4xx answer.
        case transient(String)
        /// Not: a 5xx answer, a refused login, a certificate that does not verify.
        case permanent(String)
    }

    /// The message's bytes as libcurl reads them.
    private final class Cursor {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    static func send(
        _ message: [UInt8], host: String, port: Int, tls: DeliveryTarget.TLS, from: String, to: [String], user: String?, password: String?,
        caFile: String?, timeout: Int = 60
    ) -> Outcome {
        guard let curl = curl_easy_init() else { return .transient("libcurl could not start") }
        defer { curl_easy_cleanup(curl) }
        let scheme = tls == .implicit ? "smtps" : "smtp"
        _ = refchart_curl_string(curl, CURLOPT_URL, "\(scheme)://\(host):\(port)")
        _ = refchart_curl_long(curl, CURLOPT_USE_SSL, Int(tls == .none ? CURLUSESSL_NONE.rawValue : CURLUSESSL_ALL.rawValue))
        _ = refchart_curl_string(curl, CURLOPT_MAIL_FROM, "<\(from)>")
        if let caFile { _ = refchart_curl_string(curl, CURLOPT_CAINFO, caFile) }
        if let user { _ = refchart_curl_string(curl, CURLOPT_USERNAME, user) }
        if let password { _ = refchart_curl_string(curl, CURLOPT_PASSWORD, password) }
        _ = refchart_curl_long(curl, CURLOPT_TIMEOUT, timeout)
        _ = refchart_curl_long(curl, CURLOPT_CONNECTTIMEOUT, 20)
        _ = refchart_curl_long(curl, CURLOPT_NOSIGNAL, 1)
        _ = refchart_curl_long(curl, CURLOPT_UPLOAD, 1)
        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in to { recipients = curl_slist_append(recipients, "<\(address)>") }
        defer { curl_slist_free_all(recipients) }
        _ = refchart_curl_list(curl, CURLOPT_MAIL_RCPT, recipients)
        let cursor = Cursor(message)
        let reader: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { buffer, size, count, data in
            guard let buffer, let data else { return 0 }
            let cursor = Unmanaged<Cursor>.fromOpaque(data).takeUnretainedValue()
            let n = min(size * count, cursor.bytes.count - cursor.offset)
            cursor.bytes.withUnsafeBytes { raw in
                if n > 0 { memcpy(buffer, raw.baseAddress! + cursor.offset, n) }
            }
            cursor.offset += n
            return n
        }
        let retained = Unmanaged.passRetained(cursor)
        defer { retained.release() }
        _ = refchart_curl_reader(curl, reader, retained.toOpaque())
        let code = curl_easy_perform(curl)
        var answer = 0
        _ = withUnsafeMutablePointer(to: &answer) { refchart_curl_info_long(curl, CURLINFO_RESPONSE_CODE, $0) }
        if code == CURLE_OK { return .sent }
        let why = String(cString: curl_easy_strerror(code)) + (answer > 0 ? " (the server answered \(answer))" : "")
        switch code {
        case CURLE_LOGIN_DENIED, CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CACERT_BADFILE, CURLE_URL_MALFORMAT:
            return .permanent(why)
        default:
            return (400..<500).contains(answer) || answer == 0 ? .transient(why) : .permanent(why)
        }
    }
}
