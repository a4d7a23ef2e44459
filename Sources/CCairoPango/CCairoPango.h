#ifndef C_CAIRO_PANGO_H
#define C_CAIRO_PANGO_H
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <fontconfig/fontconfig.h>
#endif
