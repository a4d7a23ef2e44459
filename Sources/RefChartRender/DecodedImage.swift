import CCairoPango

/// A PNG decoded by Cairo into premultiplied ARGB pixels: for checking what was rendered.
package struct DecodedImage: Sendable {
    package let width: Int
    package let height: Int
    private let stride: Int
    private let data: [UInt8]

    /// An 8-bit RGBA pixel (un-premultiplied).
    package struct Pixel: Sendable, Hashable {
        package var red: UInt8
        package var green: UInt8
        package var blue: UInt8
        package var alpha: UInt8

        package init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
            self.alpha = alpha
        }
    }

    /// Decodes PNG bytes.
    /// - Throws: ``RenderError`` when the bytes are not a PNG Cairo can read.
    package init(png: [UInt8]) throws {
        var source = PNGSource(bytes: png)
        let surface = withUnsafeMutablePointer(to: &source) { pointer in
            cairo_image_surface_create_from_png_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let source = closure.assumingMemoryBound(to: PNGSource.self)
                    let count = Int(length)
                    guard source.pointee.offset + count <= source.pointee.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                    source.pointee.bytes.withUnsafeBufferPointer { buffer in
                        data.update(from: buffer.baseAddress! + source.pointee.offset, count: count)
                    }
                    source.pointee.offset += count
                    return CAIRO_STATUS_SUCCESS
                }, pointer)
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError(String(cString: cairo_status_to_string(status))) }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        stride = Int(cairo_image_surface_get_stride(surface))
        data = Array(UnsafeBufferPointer(start: cairo_image_surface_get_data(surface), count: stride * height))
    }

    /// The pixel at column `x`, row `y` (device pixels, origin top left).
    package func pixel(x: Int, y: Int) -> Pixel {
        let offset = y * stride + x * 4
        let argb = UInt32(data[offset]) | UInt32(data[offset + 1]) << 8 | UInt32(data[offset + 2]) << 16 | UInt32(data[offset + 3]) << 24
        let alpha = UInt8(argb >> 24)
        func channel(_ shift: UInt32) -> UInt8 {
            let premultiplied = UInt32(argb >> shift & 0xFF)
            return alpha == 0 ? 0 : UInt8(min(255, premultiplied * 255 / UInt32(alpha)))
        }
        return Pixel(red: channel(16), green: channel(8), blue: channel(0), alpha: alpha)
    }
}

private struct PNGSource {
    var bytes: [UInt8]
    var offset = 0
}
