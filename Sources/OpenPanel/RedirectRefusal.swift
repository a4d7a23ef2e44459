import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Refuses HTTP redirects: URLSession would repeat the request, client secret header included, to whatever
/// host the redirect names. The redirect answer comes back as is and becomes a clear error instead.
final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
