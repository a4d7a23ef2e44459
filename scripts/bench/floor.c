/* The "C floor" refchart's benchmarks are compared with: what a plain C program on Cairo needs to draw the
 * same chart. mmap the CSV, parse `timestamp,value,...` rows by hand (ISO 8601 UTC), keep min/max/first/last
 * per pixel column (M4), draw the line, 200 dashed reference lines from the references JSON and a few
 * labels, and write PNG, SVG or PDF by the output's extension. No error handling beyond the essentials.
 *
 *   cc -O2 -o floor scripts/bench/floor.c $(pkg-config --cflags --libs cairo)
 *   ./floor bench-1000000.csv bench-1000000-refs.json out.svg
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

enum { W = 1200, H = 600, LEFT = 60, RIGHT = 16, TOP = 80, BOTTOM = 60 };

static const char *map(const char *path, size_t *size) {
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) { perror(path); exit(1); }
    *size = (size_t)st.st_size;
    const char *p = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) { perror("mmap"); exit(1); }
    return p;
}

static long digits(const char *p, int n) { long v = 0; for (int i = 0; i < n; i++) v = v * 10 + (p[i] - '0'); return v; }

/* Seconds since 1970 of YYYY-MM-DDTHH:MM:SSZ (days from civil, Hinnant). */
static double iso(const char *p) {
    long y = digits(p, 4), m = digits(p + 5, 2), d = digits(p + 8, 2);
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = era * 146097 + doe - 719468;
    return days * 86400.0 + digits(p + 11, 2) * 3600.0 + digits(p + 14, 2) * 60.0 + digits(p + 17, 2);
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: floor CSV REFS OUT.{png,svg,pdf}\n"); return 64; }
    size_t size;
    const char *csv = map(argv[1], &size), *end = csv + size;
    const char *p = memchr(csv, '\n', size) + 1;
    size_t cap = 1 << 20, n = 0;
    double *t = malloc(cap * sizeof *t), *v = malloc(cap * sizeof *v);
    while (p < end) {
        if (n == cap) { cap *= 2; t = realloc(t, cap * sizeof *t); v = realloc(v, cap * sizeof *v); }
        t[n] = iso(p);
        p = memchr(p, ',', end - p) + 1;
        v[n++] = strtod(p, (char **)&p);
        const char *nl = memchr(p, '\n', end - p);
        p = nl ? nl + 1 : end;
    }
    double t0 = t[0], t1 = t[n - 1], lo = INFINITY, hi = -INFINITY;
    int cols = W - LEFT - RIGHT;
    double *cmin = malloc(cols * sizeof(double)), *cmax = malloc(cols * sizeof(double));
    double *cfirst = malloc(cols * sizeof(double)), *clast = malloc(cols * sizeof(double));
    for (int c = 0; c < cols; c++) { cmin[c] = INFINITY; cmax[c] = -INFINITY; cfirst[c] = NAN; }
    for (size_t i = 0; i < n; i++) {
        int c = (int)((t[i] - t0) / (t1 - t0) * (cols - 1));
        if (isnan(cfirst[c])) cfirst[c] = v[i];
        clast[c] = v[i];
        if (v[i] < cmin[c]) cmin[c] = v[i];
        if (v[i] > cmax[c]) cmax[c] = v[i];
        if (v[i] < lo) lo = v[i];
        if (v[i] > hi) hi = v[i];
    }
    const char *out = argv[3], *ext = strrchr(out, '.');
    cairo_surface_t *surface = !strcmp(ext, ".svg") ? cairo_svg_surface_create(out, W, H)
        : !strcmp(ext, ".pdf") ? cairo_pdf_surface_create(out, W, H) : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    double plotH = H - TOP - BOTTOM;
#define Y(value) (TOP + plotH - ((value) - lo) / (hi - lo) * plotH)
    size_t refsSize;
    const char *refs = map(argv[2], &refsSize), *r = refs;
    double dash[] = {4, 3};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_source_rgb(cr, 0.85, 0.35, 0.1);
    cairo_set_line_width(cr, 1);
    while ((r = strstr(r, "\"date\":\"")) != NULL) {
        r += 8;
        double x = LEFT + (iso(r) - t0) / (t1 - t0) * cols;
        cairo_move_to(cr, floor(x) + 0.5, TOP);
        cairo_line_to(cr, floor(x) + 0.5, TOP + plotH);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_source_rgb(cr, 0.15, 0.39, 0.92);
    cairo_set_line_width(cr, 1.75);
    int started = 0;
    for (int c = 0; c < cols; c++) {
        if (isnan(cfirst[c])) continue;
        double x = LEFT + c + 0.5, ys[4] = {Y(cfirst[c]), Y(cmin[c]), Y(cmax[c]), Y(clast[c])};
        for (int k = 0; k < 4; k++) {
            if (!started++) cairo_move_to(cr, x, ys[k]); else cairo_line_to(cr, x, ys[k]);
        }
    }
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 18);
    cairo_move_to(cr, 16, 32);
    cairo_show_text(cr, "Benchmark");
    cairo_set_font_size(cr, 11);
    for (int k = 0; k <= 5; k++) {
        char label[32];
        snprintf(label, sizeof label, "%.0f", lo + (hi - lo) * k / 5);
        cairo_move_to(cr, 8, Y(lo + (hi - lo) * k / 5) + 4);
        cairo_show_text(cr, label);
    }
    cairo_destroy(cr);
    if (!strcmp(ext, ".png")) cairo_surface_write_to_png(surface, out);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return 0;
}
