import CCairoPango

/// The versions of the C libraries this process draws with (not the ones it was built against).
package enum LibraryVersions {
    package static var cairo: String { String(cString: cairo_version_string()) }
    package static var pango: String { String(cString: pango_version_string()) }
}
