/// One page of a paged document (a report's PDF): scenes placed on it, scaled, and what links to it.
/// Plain values, as ``Scene`` is; the PDF writer draws them, other writers need not know them.
package struct DocumentPage: Sendable, Hashable {
    /// A band of a scene placed on the page: the scene's rows `top ..< top + height`, drawn at `origin`,
    /// `scale` times their size.
    package struct Placement: Sendable, Hashable {
        package var scene: Scene
        package var top: Double
        package var height: Double
        package var origin: Point
        package var scale: Double

        package init(scene: Scene, top: Double, height: Double, origin: Point, scale: Double) {
            (self.scene, self.top, self.height, self.origin, self.scale) = (scene, top, height, origin, scale)
        }
    }

    /// A clickable box on the page that goes to a named destination.
    package struct Link: Sendable, Hashable {
        package var box: Rect
        package var destination: String

        package init(box: Rect, destination: String) { (self.box, self.destination) = (box, destination) }
    }

    /// The page in output pixels (96 to the inch).
    package var size: Size
    /// Drawn first: the scenes (charts) on the page.
    package var placements: [Placement]
    /// Drawn last, in page pixels: cover text, headers, the footer.
    package var overlay: [SceneItem]
    /// The destination this page is (a chart's first page), for links and the outline.
    package var destination: String?
    /// The outline (bookmarks) entry for this page, if any.
    package var outlineTitle: String?
    package var links: [Link]

    package init(
        size: Size, placements: [Placement] = [], overlay: [SceneItem] = [], destination: String? = nil, outlineTitle: String? = nil,
        links: [Link] = []
    ) {
        (self.size, self.placements, self.overlay, self.destination, self.outlineTitle, self.links) = (
            size, placements, overlay, destination, outlineTitle, links
        )
    }
}
