import CCairoPango

/// Starts fontconfig's set-up early, so it runs while the caller does other work.
///
/// Pango reads fontconfig's configuration (XML files under /etc/fonts; docs/PERFORMANCE.md) on a thread
/// of its own when the first font map is made; the first text measured waits for it. A small chart reached
/// that wait ~1 ms into its run; made before the command line is parsed, the set-up overlaps the parsing
/// and the CSV read. The configuration is process-wide, so font maps made later on other threads share it.
package enum FontWarmUp {
    package static func start() {
        _ = pango_cairo_font_map_get_default()
    }
}
