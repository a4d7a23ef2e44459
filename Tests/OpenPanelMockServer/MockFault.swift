/// A fault the mock server injects into the next matching request.
public enum MockFault: Sendable, Hashable {
    /// Answer with this status and body instead of handling the request.
    case status(Int, body: String)
    /// Answer 301 with this `Location`.
    case redirect(to: String)
    /// Handle the request normally, but only after this many seconds.
    case delay(Double)
    /// Apply the request (e.g. create the reference), then hold the answer this many seconds — long enough
    /// for a client to time out and never learn that it worked.
    case applyThenStall(Double)
    /// Apply the request, then answer with this status and body instead of the result: a server that
    /// failed after it committed the write (a later step, a proxy timing out).
    case applyThenStatus(Int, body: String)
}
