"""Record forms (附件2, 3, 5, 6, 7, 8) laid out as ruled tables from models/forms.json.

The table is built from the form model, not from a template: short fields are
packed two or three label/value pairs to a row, long values (工作单位及职务,
身份证号码) get a row of their own with the value cell merged across the
columns, 简要事迹/主要事迹 and the opinions are tall block rows, and the
photo box is a cell merged down the first rows.  Column widths follow the
labels, row heights grow with their content, and a 主要事迹 too long for the
page either runs onto the next page (the row splits, the next page has no
title) or is replaced by 见附页 with the text on an extra 附页.
"""
from dataclasses import dataclass, field, replace

from . import formats, seal
from .flow import Flow
from .pagemodel import A4, Page, PhotoBox, Rule, Text
from .typeset import Font, TextStyle

BLOCK_TYPES = {"long_text", "opinion"}
OPINION_FORMS = {"annex7", "annex8"}


@dataclass
class Row:
    kind: str                     # pairs | wide | block
    fields: list                  # forms.Field objects in this row
    height: float = 0.0
    under_photo: bool = False


@dataclass
class Placed:
    row: Row
    y: float
    height: float
    text: str = None              # the part of a split long text shown here
    continued: bool = False       # second part of a split row: no label


@dataclass
class Result:
    pages: list
    field_pages: dict = field(default_factory=dict)   # field id -> 1-based page of its value


def _printed(doc, f, look, forms):
    return formats.printed(doc.values.get(f.id), f.type, look.values, forms)


def _is_wide(f, text):
    return f.type == "id_number" or (f.type == "text" and len(text) > 8)


class RecordLayout:
    def __init__(self, doc, form, look, measure, forms, rng):
        self.doc, self.form, self.look, self.m, self.forms, self.rng = doc, form, look, measure, forms, rng
        self.size = A4
        l, t, r, b = look.margins
        self.left = l + look.offset[0]
        self.width = A4[0] - l - r
        self.top = t + look.offset[1]
        self.bottom = A4[1] - b + look.offset[1]
        self.photo = form.photo_box
        self.annex_text = None

    # --- structure -------------------------------------------------------------------------------------------
    def rows(self):
        rows, pending = [], []

        def flush():
            if pending:
                rows.append(Row("pairs", list(pending)))
                pending.clear()
        for f in self.form.fields:
            if f.type in BLOCK_TYPES:
                flush()
                rows.append(Row("block", [f]))
            elif _is_wide(f, _printed(self.doc, f, self.look, self.forms)):
                flush()
                rows.append(Row("wide", [f]))
            else:
                pending.append(f)
                if len(pending) == self.look.pairs:
                    flush()
        flush()
        if self.photo:
            span = self.rng.choice([3, 4])
            for r in rows[:span]:
                if r.kind == "block":
                    break
                r.under_photo = True
        return rows

    def label(self, f):
        return self.look.labels.get(f.id, f.labels[0])

    def columns(self, rows):
        lk, rng = self.look, self.rng
        pairs = lk.pairs
        natural = [0.0] * pairs
        for r in rows:
            for j, f in enumerate(r.fields):
                w, _ = self.m.size(self.label(f), TextStyle(lk.label, 0))
                natural[j] = max(natural[j], w)
        caps = [lk.label.size * rng.uniform(4.2, 6.5)] + [lk.label.size * rng.uniform(3.4, 5.0) for _ in range(pairs - 1)]
        labels = [min(n, c) + 2 * lk.pad for n, c in zip(natural, caps)]
        self.photo_w = rng.uniform(86, 100) if self.photo else 0.0
        rest = self.width - sum(labels) - self.photo_w
        weights = [rng.uniform(0.9, 1.4) for _ in range(pairs)]
        values = [rest * w / sum(weights) for w in weights]
        xs = [self.left]
        for lw, vw in zip(labels, values):
            xs += [xs[-1] + lw, xs[-1] + lw + vw]
        if self.photo:
            xs.append(xs[-1] + self.photo_w)
        self.xs = xs

    def span(self, row, j, last):
        """(first, end) grid columns of the value of pair j; the last value runs to the row's right edge."""
        end = 2 * self.look.pairs if (row.under_photo or not self.photo) else len(self.xs) - 1
        return (2 * j + 1, end if last else 2 * j + 2)

    # --- styles ----------------------------------------------------------------------------------------------
    def cell_width(self, c0, c1):
        return self.xs[c1] - self.xs[c0] - 2 * self.look.pad

    def label_style(self, width):
        return TextStyle(self.look.label, width, "center")

    def value_style(self, width):
        return TextStyle(self.look.body, width, "center" if self.look.centre_values else "left")

    def long_style(self, width):
        lk = self.look
        return TextStyle(lk.body, width, "left", lk.spacing, 2 * lk.body.size if lk.indent_long else 0.0, True)

    def label_text(self, f, row):
        text = self.label(f)
        if row.kind == "block" and self.look.vertical_labels and len(text) <= 6:
            return "\n".join(text)
        return text

    # --- heights ---------------------------------------------------------------------------------------------
    def text_height(self, text, style):
        return self.m.size(text, style)[1] if text else 0.0

    def opinion_lines(self, f):
        op = self.doc.opinions.get(f.id)
        date = formats.date(op.date, self.look.values) if op else "年    月    日"
        return (op.text if op else ""), date

    def block_min(self, f):
        lk = self.look
        if f.type == "opinion":
            return self.rng.uniform(150, 210) if self.form.id in OPINION_FORMS else self.rng.uniform(88, 130)
        return lk.min_row * (1.6 if f.id == "awards" else 4.5)

    def measure_rows(self, rows):
        lk, pad = self.look, self.look.pad
        for r in rows:
            heights = [lk.min_row]
            if r.kind == "block":
                f = r.fields[0]
                heights.append(self.text_height(self.label_text(f, r), self.label_style(self.cell_width(0, 1))) + 2 * pad)
                width = self.cell_width(1, len(self.xs) - 1)
                if f.type == "opinion":
                    text, date = self.opinion_lines(f)
                    line = self.text_height(date, self.value_style(width))
                    heights.append(self.text_height(text, self.long_style(width)) + 2.6 * line + 3 * pad)
                else:
                    heights.append(self.text_height(self.long_value(f), self.long_style(width)) + 2 * pad)
                heights.append(self.block_min(f))
            else:
                for j, f in enumerate(r.fields):
                    c0, c1 = self.span(r, j, j == len(r.fields) - 1) if r.kind == "pairs" else (1, self.span(r, 0, True)[1])
                    heights.append(self.text_height(self.label_text(f, r), self.label_style(self.cell_width(2 * j, 2 * j + 1))) + 2 * pad)
                    heights.append(self.text_height(_printed(self.doc, f, lk, self.forms), self.value_style(self.cell_width(c0, c1))) + 2 * pad)
            r.height = max(heights)
        under = [r for r in rows if r.under_photo]
        if under:
            need = self.photo_w * self.rng.uniform(1.25, 1.4) - sum(r.height for r in under)
            for r in under:
                r.height += max(0.0, need) / len(under)

    def long_value(self, f):
        if f.id == "deeds" and self.annex_text is not None:
            return self.look.see_annex
        return self.doc.values.get(f.id) or ""

    # --- pages -----------------------------------------------------------------------------------------------
    def paginate(self, rows, table_top):
        pages = [[]]
        y = table_top
        for r in rows:
            f = r.fields[0]
            splittable = r.kind == "block" and f.type == "long_text"
            if y + r.height <= self.bottom or not pages[-1]:
                pages[-1].append(Placed(r, y, r.height))
                y += r.height
                continue
            width = self.cell_width(1, len(self.xs) - 1)
            style = self.long_style(width)
            if splittable and self.bottom - y > 5 * self.look.body.size * 1.5:
                text, continued = self.long_value(f), False
                while text:
                    head, tail = self.m.split(text, style, self.bottom - y - 2 * self.look.pad)
                    h = self.bottom - y if tail else max(self.text_height(head, style) + 2 * self.look.pad, self.look.min_row * 2)
                    pages[-1].append(Placed(r, y, h, head, continued))
                    y += h
                    if tail:
                        pages.append([])
                        y = self.top
                        text, continued, style = tail, True, replace(style, indent=0.0)
                    else:
                        text = ""
                continue
            pages.append([Placed(r, self.top, r.height)])
            y = self.top + r.height
        return pages

    def stretch(self, placed):
        """Word forms are drawn to fill the sheet: spread a page's free space over its block rows."""
        if not placed or not self.look.fill_page:
            return
        free = self.bottom - (placed[-1].y + placed[-1].height) - self.rng.uniform(0, 25)
        weights = [(2.0 if p.row.fields[0].type == "long_text" else 1.0) if p.row.kind == "block" else 0.0 for p in placed]
        if free <= 0 or not sum(weights):
            return
        shift = 0.0
        for p, w in zip(placed, weights):
            p.y += shift
            extra = free * w / sum(weights)
            p.height += extra
            shift += extra

    # --- drawing ---------------------------------------------------------------------------------------------
    def header(self, page):
        return title_block(page, self.form.title, self.look, self.m, self.rng, self.left, self.top, self.width)

    def draw_rows(self, page, placed, page_no, result):
        lk = self.look
        right_edge = self.xs[-1]
        for i, p in enumerate(placed):
            r = p.row
            last_col = 2 * lk.pairs if r.under_photo else len(self.xs) - 1
            top_w = lk.outer if i == 0 else lk.line
            top_end = right_edge if (i == 0 or not r.under_photo) else self.xs[last_col]
            page.ops.append(Rule(self.xs[0], p.y, top_end, p.y, top_w))
            page.ops.append(Rule(self.xs[0], p.y, self.xs[0], p.y + p.height, lk.outer))
            page.ops.append(Rule(self.xs[last_col], p.y, self.xs[last_col], p.y + p.height,
                                 lk.line if r.under_photo else lk.outer))
            self.draw_cells(page, p, page_no, result)
        bottom = placed[-1].y + placed[-1].height
        page.ops.append(Rule(self.xs[0], bottom, right_edge, bottom, lk.outer))
        under = [p for p in placed if p.row.under_photo]
        if under:
            y0, y1 = under[0].y, under[-1].y + under[-1].height
            page.ops.append(Rule(right_edge, y0, right_edge, y1, lk.outer))
            ref = self.doc.person
            page.ops.append(Text(self.xs[-2] + lk.pad, y0, y1 - y0, lk.photo_label,
                                 TextStyle(lk.label, self.photo_w - 2 * lk.pad, "center")))
            page.ops.append(PhotoBox(self.xs[-2], y0, self.photo_w, y1 - y0, ref, lk.photo_mode if ref else "empty"))

    def vline(self, page, x, p):
        page.ops.append(Rule(x, p.y, x, p.y + p.height, self.look.line))

    def draw_cells(self, page, p, page_no, result):
        lk, r, pad = self.look, p.row, self.look.pad
        if r.kind == "block":
            f = r.fields[0]
            self.vline(page, self.xs[1], p)
            if not p.continued:
                page.ops.append(Text(self.xs[0] + pad, p.y, p.height, self.label_text(f, r),
                                     self.label_style(self.cell_width(0, 1))))
                result.field_pages.setdefault(f.id, page_no)
            x, width = self.xs[1] + pad, self.cell_width(1, len(self.xs) - 1)
            if f.type == "opinion":
                self.draw_opinion(page, f, x, width, p)
            else:
                style = self.long_style(width) if not p.continued else replace(self.long_style(width), indent=0.0)
                text = p.text if p.text is not None else self.long_value(f)
                page.ops.append(Text(x, p.y + pad, p.height - 2 * pad, text, style, "top"))
            return
        for j, f in enumerate(r.fields):
            last = j == len(r.fields) - 1
            c0, c1 = self.span(r, j, last) if r.kind == "pairs" else (1, self.span(r, 0, True)[1])
            if j:
                self.vline(page, self.xs[2 * j], p)
            self.vline(page, self.xs[c0], p)
            page.ops.append(Text(self.xs[2 * j] + pad, p.y, p.height, self.label_text(f, r),
                                 self.label_style(self.cell_width(2 * j, 2 * j + 1))))
            page.ops.append(Text(self.xs[c0] + pad, p.y, p.height, _printed(self.doc, f, lk, self.forms),
                                 self.value_style(self.cell_width(c0, c1))))
            result.field_pages.setdefault(f.id, page_no)

    def draw_opinion(self, page, f, x, width, p):
        lk, rng, pad = self.look, self.rng, self.look.pad
        text, date = self.opinion_lines(f)
        if text:
            page.ops.append(Text(x, p.y + pad, p.height, text, self.long_style(width), "top"))
        style = TextStyle(lk.body, 0)
        dw, dh = self.m.size(date, style)
        dx = x + width - dw - rng.uniform(8, 45)
        dy = p.y + p.height - pad - dh - rng.uniform(2, 10)
        sw, sh = self.m.size(lk.stamp_words, style)
        page.ops.append(Text(dx + (dw - sw) * rng.uniform(0.3, 0.9), dy - sh * rng.uniform(1.3, 1.9), sh,
                             lk.stamp_words, style, "top"))
        page.ops.append(Text(dx, dy, dh, date, style, "top"))
        op = self.doc.opinions.get(f.id)
        if op and op.sealed:
            page.stamps.append(stamp_for(op.seal, op.seal_note, dx + dw / 2, dy + dh / 2, lk, rng,
                                         f"{self.doc.ref}/{f.id}"))

    def run(self):
        rows = self.rows()
        self.columns(rows)
        deeds = next((r for r in rows if r.fields[0].id == "deeds"), None)
        if deeds and self.look.overflow == "annex_page":
            style = self.long_style(self.cell_width(1, len(self.xs) - 1))
            if self.text_height(self.doc.values["deeds"], style) > (self.bottom - self.top) * 0.45:
                self.annex_text = self.doc.values["deeds"]
        self.measure_rows(rows)
        first = Page(size=self.size, role="first")
        table_top = self.header(first)
        result = Result(pages=[])
        pages = self.paginate(rows, table_top)
        for n, placed in enumerate(pages):
            self.stretch(placed)
            page = first if n == 0 else Page(size=self.size, role="continuation")
            if placed:
                self.draw_rows(page, placed, n + 1, result)
            result.pages.append(page)
        if self.annex_text is not None:
            result.pages += annex_pages(self.doc, self.annex_text, self.look, self.m, self.rng)
        return result


def title_block(page, title, look, measure, rng, left, top, width):
    """附件N (when the office kept it) and the form title above a table; returns where the table starts."""
    y = top
    if look.annex_prefix:
        style = TextStyle(Font("Noto Sans CJK SC", look.body.size + 3), 0)
        h = measure.size(look.annex_prefix, style)[1]
        page.ops.append(Text(left, y, h, look.annex_prefix, style, "top"))
        y += h + rng.uniform(2, 10)
    style = TextStyle(look.title, width, "center")
    h = measure.size(title, style)[1]
    page.ops.append(Text(left, y, h, title, style, "top"))
    return y + h + rng.uniform(8, 18)


def stamp_for(org, note, cx, cy, look, rng, key):
    """A seal pressed roughly over a date: off-centre, turned, with varying ink."""
    return seal.Stamp(org=org, cx=cx + rng.uniform(-18, 14), cy=cy - rng.uniform(-6, 16),
                      radius=look.seal_radius * (0.9 if note else 1.0), angle=rng.uniform(-25, 25),
                      face=look.seal_face, note=note,
                      serial="".join(str(rng.randrange(10)) for _ in range(13)) if rng.random() < 0.4 else "",
                      ink=rng.uniform(0.7, 0.97), key=key)


def annex_pages(doc, text, look, measure, rng):
    """附页: the full 主要事迹 on its own sheet(s), headed so a reader can tell whose it is."""
    flow = Flow(measure, A4, look.margins, look.offset, role="annex_page")
    heading = rng.choice(["附页", "附页：主要事迹", "主要事迹（附页）"])
    flow.add(heading, TextStyle(Font("Noto Sans CJK SC", look.body.size + 4), flow.width, "center"), space_after=6)
    if rng.random() < 0.6:
        flow.add(f"{doc.subject}同志主要事迹" if doc.person else f"{doc.subject}主要事迹",
                 TextStyle(look.body, flow.width, "center"), space_after=8)
    style = TextStyle(look.body, flow.width, "left", max(look.spacing, 1.2), 2 * look.body.size, True)
    for para in text.split("\n"):
        flow.add(para, style, space_after=2)
    return flow.pages


def layout(doc, form, look, measure, forms, rng):
    return RecordLayout(doc, form, look, measure, forms, rng).run()
