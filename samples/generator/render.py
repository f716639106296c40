"""Draw laid-out pages: into a PDF (born digital, real text layer) or into pixels (the printout).

The PDF is what Word's "save as PDF" gives: vector rules, embedded font
subsets with ToUnicode maps (pdftotext reads them), photos inserted as JPEG,
an electronic seal.  The printout is the same page at 200/300 dpi with the
photo glued into the box and a real ink seal pressed over the date.
"""
import io
import math

import cairo
from PIL import Image

from . import photos, pixels, seal, typeset
from .pagemodel import PhotoBox, Rule, Text
from .rng import np_stream, stream

INK = (0.05, 0.05, 0.06)
PDF_DATE = "2026-01-08T10:00:00+08:00"


def _text(ctx, op):
    lay = typeset.layout(ctx, op.text, op.style)
    h = lay.get_extents()[1].height / typeset.Pango.SCALE
    y = {"top": op.y, "middle": op.y + (op.h - h) / 2, "bottom": op.y + op.h - h}[op.valign]
    ctx.move_to(op.x, y)
    typeset.PangoCairo.show_layout(ctx, lay)


def _place_image(ctx, rgb, x, y, w, h, keep, angle=0.0, jpeg=None):
    surf = pixels.image_surface(rgb)
    if jpeg is not None:
        surf.set_mime_data(cairo.MIME_TYPE_JPEG, jpeg)
        # a PDF page reads the attached JPEG only when it is shown; pycairo drops the attachment with the
        # Python surface object, so that object must live until then (else cairo reads freed memory)
        keep.append(surf)
    ctx.save()
    ctx.translate(x + w / 2, y + h / 2)
    ctx.rotate(math.radians(angle))
    ctx.translate(-w / 2, -h / 2)
    ctx.scale(w / rgb.shape[1], h / rgb.shape[0])
    ctx.set_source_surface(surf, 0, 0)
    ctx.get_source().set_filter(cairo.FILTER_GOOD)
    ctx.paint()
    ctx.restore()


def _photo(ctx, op, seed, paper, keep):
    """A printed 1- or 2-inch photo glued into the box on paper; inserted into the Word file when 'printed'."""
    if op.mode == "empty" or (op.mode == "glued" and not paper):
        return
    rng = stream(seed, "photo-in-box", op.person.key, op.mode)
    rgb = photos.portrait(op.person, seed)
    w = min(op.w - 8, rng.uniform(70, 99))
    h = w * rgb.shape[0] / rgb.shape[1]
    if h > op.h - 8:
        h = op.h - 8
        w = h * rgb.shape[1] / rgb.shape[0]
    x = op.x + (op.w - w) / 2 + rng.uniform(-3, 3)
    y = op.y + (op.h - h) / 2 + rng.uniform(-3, 3)
    if op.mode == "printed":
        buf = io.BytesIO()
        Image.fromarray(rgb).save(buf, "JPEG", quality=88)
        _place_image(ctx, rgb, x, y, w, h, keep, jpeg=buf.getvalue() if not paper else None)
        return
    angle = rng.uniform(-2.5, 2.5)
    ctx.save()                      # the photo's edge: glued paper stands off the sheet and shadows on the glass
    ctx.translate(x + w / 2 + 0.8, y + h / 2 + 0.8)
    ctx.rotate(math.radians(angle))
    ctx.rectangle(-w / 2 - 0.4, -h / 2 - 0.4, w + 0.8, h + 0.8)
    ctx.set_source_rgba(0, 0, 0, 0.35)
    ctx.fill()
    ctx.restore()
    _place_image(ctx, rgb, x, y, w, h, keep, angle)


def draw(ctx, page, seed, paper, dpi=72):
    """Draw page; returns the image surfaces that must outlive the page (see _place_image)."""
    keep = []
    ctx.set_source_rgb(*INK)
    ctx.set_line_cap(cairo.LINE_CAP_SQUARE)
    for op in page.ops:
        if isinstance(op, Rule):
            ctx.set_line_width(op.width)
            ctx.move_to(op.x1, op.y1)
            ctx.line_to(op.x2, op.y2)
            ctx.stroke()
        elif isinstance(op, Text):
            _text(ctx, op)
    for op in page.ops:
        if isinstance(op, PhotoBox):
            _photo(ctx, op, seed, paper, keep)
            ctx.set_source_rgb(*INK)
    for st in page.stamps:
        if paper:
            seal.stamp_raster(ctx, st, dpi, np_stream(seed, "ink", st.key))
        else:
            seal.draw_vector(ctx, st)
    return keep


def raster(page, dpi, seed):
    """The printed sheet as an RGB array at dpi (white paper; the scanner adds the rest)."""
    s = dpi / 72.0
    w, h = int(round(page.size[0] * s)), int(round(page.size[1] * s))
    surf = cairo.ImageSurface(cairo.FORMAT_RGB24, w, h)
    ctx = cairo.Context(surf)
    ctx.set_source_rgb(1, 1, 1)
    ctx.paint()
    ctx.scale(s, s)
    draw(ctx, page, seed, paper=True, dpi=dpi)
    return pixels.rgb(surf)


def write_pdf(path, pages, seed, title, creator):
    """A born-digital PDF of pages with fixed metadata, so the same seed gives the same bytes."""
    surf = cairo.PDFSurface(str(path), *pages[0].size)
    surf.set_metadata(cairo.PDF_METADATA_CREATE_DATE, PDF_DATE)
    surf.set_metadata(cairo.PDF_METADATA_MOD_DATE, PDF_DATE)
    surf.set_metadata(cairo.PDF_METADATA_TITLE, title)
    surf.set_metadata(cairo.PDF_METADATA_CREATOR, creator)
    ctx = cairo.Context(surf)
    keep = []
    for page in pages:
        surf.set_size(*page.size)
        keep += draw(ctx, page, seed, paper=False)
        ctx.show_page()
    surf.finish()
    keep.clear()
