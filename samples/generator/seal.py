"""Red round official seals (公章) stamped over opinion dates.

A government seal is a ring, a five-point star in the middle, the body's name
running clockwise along the upper arc in a bold 宋/黑 face, optionally a
horizontal line under the star (…专用章) and a 13-digit code on the lower arc.
On paper the ink is uneven (pressure falls off to one side, the pad leaves
speckles, the edge bleeds a little) and it multiplies with the printed text
beneath it, which is what the pipeline's seal mask has to separate.
"""
import math
from dataclasses import dataclass

import cairo
import cv2
import numpy as np

from . import pixels, typeset

SEAL_RED = (0.86, 0.11, 0.13)
SEAL_FACES = ["Noto Sans CJK SC Bold", "Noto Serif CJK SC Bold", "WenQuanYi Zen Hei"]


@dataclass(frozen=True)
class Stamp:
    """One impression: who, where (points on the page), how it landed."""
    org: str
    cx: float
    cy: float
    radius: float          # points; 42 mm seals are 59.5 pt
    angle: float           # degrees the stamp was turned
    face: str
    note: str = ""         # text under the star, e.g. 干部人事专用章
    serial: str = ""
    ink: float = 0.9       # overall ink density 0..1
    key: str = ""          # names the random stream of the ink texture


def _star(ctx, r):
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((rr * math.cos(a), rr * math.sin(a)))
    ctx.move_to(*pts[0])
    for p in pts[1:]:
        ctx.line_to(*p)
    ctx.close_path()
    ctx.fill()


def _centred(ctx, text, font, squeeze):
    """text centred on the origin, narrowed horizontally by squeeze as seal engravers do."""
    lay = typeset.layout(ctx, text, typeset.TextStyle(font, 0))
    logical = lay.get_extents()[1]
    w, h = logical.width / typeset.Pango.SCALE, logical.height / typeset.Pango.SCALE
    ctx.save()
    ctx.scale(squeeze, 1)
    ctx.move_to(-w / 2, -h / 2)
    typeset.PangoCairo.show_layout(ctx, lay)
    ctx.restore()


def _arc_text(ctx, text, r, size, face, span_deg, lower=False):
    """Characters centred on the arc, upright towards the rim (upper) or the centre (lower)."""
    n = len(text)
    step = math.radians(span_deg) / max(n - 1, 1)
    start = -math.radians(span_deg) / 2
    font = typeset.Font(face, size)
    for i, ch in enumerate(text):
        a = start + i * step
        ctx.save()
        if lower:
            ctx.rotate(-a)
            ctx.translate(0, r)
        else:
            ctx.rotate(a)
            ctx.translate(0, -r)
        _centred(ctx, ch, font, 0.78 if not lower else 1.0)
        ctx.restore()


def draw(ctx, stamp):
    """The seal as solid vector paths in the current source colour, centred on the origin."""
    r = stamp.radius
    ring = r * 0.055
    ctx.save()
    ctx.new_path()          # text drawn before leaves a current point; an arc would join it with a line
    ctx.rotate(math.radians(stamp.angle))
    ctx.set_line_width(ring)
    ctx.arc(0, 0, r - ring / 2, 0, 2 * math.pi)
    ctx.stroke()
    _star(ctx, r * 0.30)
    size = r * min(0.30, 4.6 / max(len(stamp.org), 8))
    span = min(250.0, 20.0 * len(stamp.org) + 20)
    _arc_text(ctx, stamp.org, r - ring - size * 0.72, size, stamp.face, span)
    if stamp.note:
        ctx.save()
        ctx.translate(0, r * 0.52)
        _centred(ctx, stamp.note, typeset.Font(stamp.face, r * 0.15), 0.9)
        ctx.restore()
    if stamp.serial:
        _arc_text(ctx, stamp.serial, r - ring - r * 0.09, r * 0.085, "DejaVu Sans", 70, lower=True)
    ctx.restore()


def draw_vector(ctx, stamp):
    """An electronic seal as Word/WPS documents carry it: clean, slightly transparent, multiplied."""
    ctx.save()
    ctx.translate(stamp.cx, stamp.cy)
    ctx.set_operator(cairo.OPERATOR_MULTIPLY)
    ctx.set_source_rgba(*SEAL_RED, 0.92)
    ctx.push_group()
    ctx.set_source_rgb(*SEAL_RED)
    draw(ctx, stamp)
    ctx.pop_group_to_source()
    ctx.paint_with_alpha(0.92)
    ctx.restore()


def _ink(alpha, rng, scale):
    """Uneven pad ink: a pressure ramp, blotchy low-frequency density, speckle and a slight bleed."""
    h, w = alpha.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    theta = rng.uniform(0, 2 * math.pi)
    ramp = ((xx - w / 2) * math.cos(theta) + (yy - h / 2) * math.sin(theta)) / max(w, h)
    pressure = 1.0 - rng.uniform(0.15, 0.55) * np.clip(ramp + 0.5, 0, 1) ** 1.5
    blotch = cv2.GaussianBlur(rng.random((h, w), dtype=np.float32), (0, 0), max(2.0, 6 * scale))
    blotch = (blotch - blotch.mean()) / (blotch.std() + 1e-6)
    grain = cv2.GaussianBlur(rng.random((h, w), dtype=np.float32), (0, 0), max(0.8, 1.5 * scale))
    speckle = grain > np.quantile(grain, 1 - rng.uniform(0.02, 0.08))
    a = alpha * pressure * np.clip(1.0 + 0.22 * blotch, 0.35, 1.2)
    a[speckle] *= rng.uniform(0.1, 0.5)
    return cv2.GaussianBlur(np.clip(a, 0, 1), (0, 0), 0.45 * scale + 0.2)


def stamp_raster(ctx, stamp, dpi, rng):
    """Press the seal onto a raster page context (user unit = point) with inked texture, multiplied."""
    scale = dpi / 72.0
    side = int(math.ceil(2 * stamp.radius * scale * 1.08)) + 4
    mask = cairo.ImageSurface(cairo.FORMAT_A8, side, side)
    mctx = cairo.Context(mask)
    mctx.translate(side / 2, side / 2)
    mctx.scale(scale, scale)
    mctx.set_source_rgba(0, 0, 0, 1)
    draw(mctx, stamp)
    mask.flush()
    stride = mask.get_stride()
    alpha = np.frombuffer(mask.get_data(), np.uint8).reshape(side, stride)[:, :side].astype(np.float32) / 255
    a = _ink(alpha, rng, scale / 4.17) * stamp.ink
    argb = np.empty((side, side, 4), np.uint8)
    for i, c in enumerate(reversed(SEAL_RED)):       # cairo ARGB32 is B, G, R, A in memory, premultiplied
        argb[..., i] = np.clip(a * c * 255, 0, 255)
    argb[..., 3] = np.clip(a * 255, 0, 255)
    img = pixels.image_surface(argb, cairo.FORMAT_ARGB32)
    ctx.save()
    ctx.translate(stamp.cx, stamp.cy)
    ctx.scale(1 / scale, 1 / scale)
    ctx.set_operator(cairo.OPERATOR_MULTIPLY)
    ctx.set_source_surface(img, -side / 2, -side / 2)
    ctx.paint()
    ctx.restore()
