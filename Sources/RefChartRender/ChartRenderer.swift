import CCairoPango
import RefChartCore
package import RefChartScene

/// Renders a ``Scene`` to PNG, SVG or PDF bytes in memory.
///
/// Each call creates, uses and destroys its own Cairo surface on the calling thread, so concurrent calls
/// from many tasks are safe; nothing is shared but Pango's per-thread font map.
package enum ChartRenderer {
    /// The largest image side Cairo's raster surfaces take, in device pixels.
    package static let maximumDevicePixels = 32_767

    /// Points per stroke of a long line on a raster: Cairo's scan converter keeps every edge that crosses a
    /// row in one sorted list, and a dense line's M4 zigzag crosses each row thousands of times — one stroke
    /// of a 1M-row chart's 18k points took 0.42 s, strokes of 1,024 points 0.06 s.
    package static let linePiece = 1_024

    /// Renders `scene`.
    /// - Parameters:
    ///   - format: The output format and its settings.
    ///   - linePiece: Points per stroke of a long line in a PNG (tests compare with `.max`, one stroke).
    /// - Throws: ``RenderError`` when Cairo fails.
    package static func render(_ scene: Scene, format: OutputFormat, linePiece: Int = linePiece) throws -> [UInt8] {
        switch format {
        case .png(let scale): return try png(scene, scale: scale, linePiece: linePiece)
        case .svg(.text): return SVGWriter.write(scene)
        case .svg(.outline): return try svg(scene)
        case .pdf: return try pdf(scene)
        }
    }

    /// `scene` as an `<svg>` element with real text, its ids prefixed, to inline in an HTML page.
    package static func inlineSVG(_ scene: Scene, idPrefix: String) -> String { SVGWriter.element(scene, idPrefix: idPrefix) }

    private static func png(_ scene: Scene, scale: Double, linePiece: Int) throws -> [UInt8] {
        let width = Int((scene.size.width * scale).rounded(.up))
        let height = Int((scene.size.height * scale).rounded(.up))
        guard width > 0, height > 0, width <= maximumDevicePixels, height <= maximumDevicePixels else {
            throw RenderError("a \(width)×\(height) image is larger than Cairo's \(maximumDevicePixels) px limit")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        try draw(scene, on: surface!, scale: scale, linePiece: linePiece)
        guard let png = PNGWriter.encode(surface!) else { throw RenderError("libpng could not write the image") }
        return png
    }

    private static func svg(_ scene: Scene) throws -> [UInt8] {
        let sink = ByteSink()
        try sink.withWriter { write, closure in
            let surface = cairo_svg_surface_create_for_stream(write, closure, scene.size.width, scene.size.height)
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            try draw(scene, on: surface!, scale: 1)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
        }
        return SVGPostProcessor.process(sink.bytes, title: scene.accessibleTitle, description: scene.accessibleDescription)
    }

    private static func pdf(_ scene: Scene) throws -> [UInt8] {
        try pdf(pages: [scene], title: scene.accessibleTitle, subject: scene.accessibleDescription, date: scene.documentDate)
    }

    /// Renders `pages` as one PDF, a page each, each page the size of its scene (96 px to the inch).
    /// - Parameters:
    ///   - title: The document's title metadata.
    ///   - subject: The document's subject metadata.
    ///   - date: The creation and modification date (seconds since the epoch), so the same pages give the
    ///     same bytes.
    package static func pdf(pages: [Scene], title: String, subject: String, date: Double) throws -> [UInt8] {
        guard let first = pages.first else { throw RenderError("a PDF needs at least one page") }
        let pointsPerPixel = 0.75  // 96 px per inch
        let sink = ByteSink()
        try sink.withWriter { write, closure in
            let surface = cairo_pdf_surface_create_for_stream(
                write, closure, first.size.width * pointsPerPixel, first.size.height * pointsPerPixel)
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))
            setMetadata(of: surface!, title: title, subject: subject, date: date)
            for page in pages {
                // A paged scene (footnotes continued) is its pages stacked: each is drawn shifted and clipped.
                let height = page.pageHeight ?? page.size.height
                let parts = height < page.size.height ? page.bands(height: height) : [page]
                for (k, part) in parts.enumerated() {
                    cairo_pdf_surface_set_size(surface, page.size.width * pointsPerPixel, height * pointsPerPixel)
                    let offset = Double(k) * height
                    try draw(part, on: surface!, scale: pointsPerPixel, offset: offset, clipHeight: height)
                    cairo_surface_show_page(surface)
                }
            }
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
        }
        return sink.bytes
    }

    private static func draw(
        _ scene: Scene, on surface: OpaquePointer, scale: Double, offset: Double = 0, clipHeight: Double? = nil,
        linePiece: Int = linePiece
    ) throws {
        let cairo = cairo_create(surface)
        defer { cairo_destroy(cairo) }
        try check(cairo_status(cairo))
        cairo_scale(cairo, scale, scale)
        if let clipHeight {
            cairo_rectangle(cairo, 0, 0, scene.size.width, clipHeight)
            cairo_clip(cairo)
            cairo_translate(cairo, 0, -offset)
        }
        SceneDrawer(cairo: cairo!, linePiece: linePiece).draw(scene)
        try check(cairo_status(cairo))
    }

    /// A PDF's title, subject, creator and dates (`date`: seconds since the epoch, both creation and change).
    static func setMetadata(of surface: OpaquePointer, title: String, subject: String, date: Double) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "refchart")
        let stamp = ISO8601.string(fromSeconds: date, fractionalSeconds: false)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp)
    }

    static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError(String(cString: cairo_status_to_string(status)))
        }
    }
}
