"""Chinese text set with Pango, measured once and drawn at any scale.

Layout happens in PDF points; the same page is later drawn into a PDF (born
digital) and into pixel images at 200 or 300 dpi (paper).  Hinting and glyph
position rounding are switched off so a paragraph breaks into the same lines
at every scale, which keeps the truth page numbers and the drawn pages equal.
"""
from dataclasses import dataclass

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

# Debian's CJK faces standing in for the ones Chinese offices use (FORMS.md: 仿宋_GB2312 小四 is official,
# 宋体 and 楷体 common).  AR PL UMing's light strokes are the nearest free face to 仿宋.
FACES = {
    "song": ["Noto Serif CJK SC", "AR PL UMing CN"],
    "fangsong": ["AR PL UMing CN"],
    "kai": ["AR PL UKai CN"],
    "hei": ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"],
    "title": ["Noto Serif CJK SC Bold", "Noto Sans CJK SC Bold", "WenQuanYi Zen Hei"],
}


@dataclass(frozen=True)
class Font:
    family: str           # a fontconfig family, optionally with a weight word ("Noto Serif CJK SC Bold")
    size: float           # points


@dataclass(frozen=True)
class TextStyle:
    font: Font
    width: float          # wrap width in points; 0 = no wrapping
    align: str = "left"   # left | center | right
    spacing: float = 1.0  # line spacing factor
    indent: float = 0.0   # first-line indent in points
    justify: bool = False


def _font_options():
    fo = cairo.FontOptions()
    fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
    fo.set_hint_style(cairo.HINT_STYLE_NONE)
    fo.set_antialias(cairo.ANTIALIAS_GRAY)
    return fo


def layout(ctx, text, style):
    """A Pango layout of text in style on a cairo context whose user unit is one point."""
    pctx = PangoCairo.create_context(ctx)
    PangoCairo.context_set_resolution(pctx, 72)
    PangoCairo.context_set_font_options(pctx, _font_options())
    pctx.set_round_glyph_positions(False)
    lay = Pango.Layout.new(pctx)
    lay.set_font_description(Pango.FontDescription.from_string(f"{style.font.family} {style.font.size}"))
    if style.width:
        lay.set_width(int(style.width * Pango.SCALE))
        lay.set_wrap(Pango.WrapMode.WORD_CHAR)
    lay.set_alignment({"left": Pango.Alignment.LEFT, "center": Pango.Alignment.CENTER,
                       "right": Pango.Alignment.RIGHT}[style.align])
    lay.set_justify(style.justify)
    lay.set_line_spacing(style.spacing)
    lay.set_indent(int(style.indent * Pango.SCALE))
    lay.set_text(text, -1)
    return lay


class Measure:
    """Measures text for the layout stage (a scratch context, never drawn)."""

    def __init__(self):
        self._ctx = cairo.Context(cairo.ImageSurface(cairo.FORMAT_A8, 4, 4))

    def size(self, text, style):
        """(width, height) in points of text set in style."""
        ink, logical = layout(self._ctx, text, style).get_extents()
        return logical.width / Pango.SCALE, logical.height / Pango.SCALE

    def line_tops(self, text, style):
        """[(char offset, top y, bottom y)] of every line of text set in style."""
        lay = layout(self._ctx, text, style)
        raw = text.encode("utf-8")
        out = []
        it = lay.get_iter()
        while True:
            top, bottom = it.get_line_yrange()
            start = it.get_line_readonly().start_index
            out.append((len(raw[:start].decode("utf-8")), top / Pango.SCALE, bottom / Pango.SCALE))
            if not it.next_line():
                break
        return out

    def split(self, text, style, height):
        """(head, tail): the lines of text that fit in height points, and the rest ('' if all fit)."""
        lines = self.line_tops(text, style)
        fit = [ln for ln in lines if ln[2] <= height + 0.01]
        if len(fit) == len(lines):
            return text, ""
        if not fit:
            return "", text
        cut = lines[len(fit)][0]
        return text[:cut].rstrip("\n"), text[cut:].lstrip("\n")
