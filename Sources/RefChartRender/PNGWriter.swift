import CCairoPango

/// Writes a Cairo image surface as PNG through libpng's simplified API with `PNG_IMAGE_FLAG_FAST`: RGB
/// when every pixel is opaque (a chart on its background always is), RGBA otherwise.
///
/// Why not Cairo's own writer: it deflates at libpng's default level with every filter tried per row,
/// 70 ms for a 1200×600 chart here (half of a small chart's whole run); the fast flag takes ~15 ms for a
/// file about a quarter larger (169 KB → 210 KB for the 90-day sample). The simplified API reports
/// errors by its return value, so no `longjmp` ever crosses Swift frames.
enum PNGWriter {
    /// The PNG bytes of `surface` (ARGB32, premultiplied), or nil when libpng refuses.
    static func encode(_ surface: OpaquePointer) -> [UInt8]? {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else { return nil }
        let source = UnsafeRawPointer(data)
        // Plain loops over raw rows: through `allSatisfy` closures and a bounds-checked array this was a third
        // of a small chart's drawing (docs/PERFORMANCE.md).
        var opaque = true
        for y in 0..<height where opaque {
            let row = source.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            var x = 0
            while x < width && row[x] >= 0xFF00_0000 { x += 1 }
            opaque = x == width
        }
        let channels = opaque ? 3 : 4
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height * channels) { out, count in
            var target = out.baseAddress!
            for y in 0..<height {
                let row = source.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let argb = row[x]
                    var (r, g, b) = (UInt8(truncatingIfNeeded: argb >> 16), UInt8(truncatingIfNeeded: argb >> 8), UInt8(truncatingIfNeeded: argb))
                    if !opaque {
                        let a = UInt8(truncatingIfNeeded: argb >> 24)
                        if a != 0 && a != 255 {  // Cairo premultiplies; PNG does not
                            let unpremultiply = { (c: UInt8) in UInt8((Int(c) * 255 + Int(a) / 2) / Int(a)) }
                            (r, g, b) = (unpremultiply(r), unpremultiply(g), unpremultiply(b))
                        }
                        target[3] = a
                    }
                    (target[0], target[1], target[2]) = (r, g, b)
                    target += channels
                }
            }
            count = width * height * channels
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(opaque ? PNG_FORMAT_FLAG_COLOR : PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // RGB or RGBA
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        // A chart deflates to well under a quarter of its pixels (210 KB of 2.2 MB for the 90-day sample): start
        // there, and when libpng says the room was short (it then gives the size it needs) write again. A
        // buffer for the pixels stored uncompressed was 2.2 MB more at a render's peak.
        var capacity = pixels.count / 4 + 8192
        var png: [UInt8] = []
        var written: Int32 = 0
        for _ in 0..<2 {
            png = [UInt8](repeating: 0, count: capacity)
            written = png.withUnsafeMutableBytes { memory in
                pixels.withUnsafeBytes { rows in
                    png_image_write_to_memory(&image, memory.baseAddress, &capacity, 0, rows.baseAddress, Int32(width * channels), nil)
                }
            }
            if written != 0 || capacity <= png.count { break }
        }
        png_image_free(&image)
        guard written != 0 else { return nil }
        png.removeLast(png.count - capacity)
        return png
    }
}
