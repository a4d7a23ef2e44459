import CCairoPango

/// Whether fontconfig has any font at all. Without one (a slim container with no font package)
/// every text measured 0×0 and the footnote table grew to "a 1200×4761833 image"; now drawing stops first
/// with what to install.
package enum FontCheck {
    /// The number of fonts fontconfig lists; read once a process. (Pango's own family list is never empty:
    /// it always offers the generic Sans, Serif and Monospace, fonts or not.)
    package static let fonts: Int = {
        _ = pango_cairo_font_map_get_default()  // fontconfig loaded as Pango loads it
        guard let pattern = FcPatternCreate() else { return 0 }
        defer { FcPatternDestroy(pattern) }
        guard let objects = FcObjectSetCreate() else { return 0 }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FILE)
        guard let fonts = FcFontList(nil, pattern, objects) else { return 0 }
        defer { FcFontSetDestroy(fonts) }
        return Int(fonts.pointee.nfont)
    }()

    /// Throws when there is no font to draw text with.
    package static func require() throws {
        guard fonts > 0 else { throw RenderError("no fonts found: install fonts-dejavu-core (see README: runtime packages)") }
    }
}
