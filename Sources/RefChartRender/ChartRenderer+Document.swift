import CCairoPango
package import RefChartScene

extension ChartRenderer {
    /// Renders a paged document (a report's PDF): each page its own size, its placed scene bands scaled and
    /// clipped, its overlay on top; named destinations on the pages that have one, links from the boxes
    /// that point at them, and an outline (bookmarks) entry per titled page. Text is Pango text, so it stays
    /// searchable and selectable, the fonts embedded.
    /// - Parameters:
    ///   - date: The creation and modification date (seconds since the epoch).
    package static func pdf(document pages: [DocumentPage], title: String, subject: String, date: Double) throws -> [UInt8] {
        guard let first = pages.first else { throw RenderError("a PDF needs at least one page") }
        let points = 0.75  // 96 px per inch
        let sink = ByteSink()
        try sink.withWriter { write, closure in
            let surface = cairo_pdf_surface_create_for_stream(write, closure, first.size.width * points, first.size.height * points)
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))
            setMetadata(of: surface!, title: title, subject: subject, date: date)
            for (number, page) in pages.enumerated() {
                cairo_pdf_surface_set_size(surface, page.size.width * points, page.size.height * points)
                cairo_pdf_surface_set_page_label(surface, "\(number + 1)")
                let cairo = cairo_create(surface)!
                defer { cairo_destroy(cairo) }
                cairo_save(cairo)
                cairo_scale(cairo, points, points)
                cairo_rectangle(cairo, 0, 0, page.size.width, page.size.height)
                cairo_set_source_rgb(cairo, 1, 1, 1)
                cairo_fill(cairo)
                for placement in page.placements {
                    cairo_save(cairo)
                    cairo_translate(cairo, placement.origin.x, placement.origin.y)
                    cairo_scale(cairo, placement.scale, placement.scale)
                    cairo_rectangle(cairo, 0, 0, placement.scene.size.width, placement.height)
                    cairo_clip(cairo)
                    cairo_translate(cairo, 0, -placement.top)
                    SceneDrawer(cairo: cairo, linePiece: linePiece).draw(placement.scene)
                    cairo_restore(cairo)
                }
                SceneDrawer(cairo: cairo, linePiece: linePiece).draw(items: page.overlay)
                cairo_restore(cairo)
                if let destination = page.destination {
                    cairo_tag_begin(cairo, "cairo.dest", "name='\(destination)' x=0 y=0")
                    cairo_tag_end(cairo, "cairo.dest")
                }
                for link in page.links {
                    let box = "\(link.box.x * points) \(link.box.y * points) \(link.box.width * points) \(link.box.height * points)"
                    cairo_tag_begin(cairo, "Link", "rect=[\(box)] dest='\(link.destination)'")
                    cairo_tag_end(cairo, "Link")
                }
                if let outline = page.outlineTitle {
                    let target = page.destination.map { "dest='\($0)'" } ?? "page=\(number + 1)"
                    cairo_pdf_surface_add_outline(surface, Int32(CAIRO_PDF_OUTLINE_ROOT), outline, target, cairo_pdf_outline_flags_t(0))
                }
                try check(cairo_status(cairo))
                cairo_show_page(cairo)
            }
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
        }
        return sink.bytes
    }
}
