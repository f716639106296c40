"""Multi-row table forms (附件4 汇总表, 附件9 成员名单) from the columns in models/forms.json.

附件4 has eleven columns and is printed on landscape A4 as offices do; both
grow one row per nominee or member, wrap long cells, and continue on further
pages with or without the header row repeated.
"""
from . import formats
from .forms_layout import Result, stamp_for, title_block
from .pagemodel import A4, Page, Rule, Text
from .typeset import Font, TextStyle

NOTES = ["注：所属层级填写省直、市级或县级及以下。", "注：类别填写先进集体或先进个人，按先集体后个人顺序填写。"]


def _title(form, doc, rng):
    if form.id != "annex9":
        return form.title
    title = form.title.replace("XX市", doc.recommender)
    return title.replace("工作机构", "工作办公室") if rng.random() < 0.3 else title


def _cell_text(col, value, look, forms):
    if col.id == "seq":
        return str(value)
    return formats.printed(value, col.type, look.values, forms)


class TableLayout:
    def __init__(self, doc, form, look, measure, forms, rng):
        self.doc, self.form, self.look, self.m, self.forms, self.rng = doc, form, look, measure, forms, rng
        self.size = (A4[1], A4[0]) if form.id == "annex4" else A4
        l, t, r, b = look.margins
        self.left, self.top = l + look.offset[0], t + look.offset[1]
        self.width = self.size[0] - l - r
        self.bottom = self.size[1] - b + look.offset[1]
        self.body = Font(look.body.family, min(look.body.size, 11 if form.id == "annex4" else 12))

    def header_fields(self, page, y):
        """附件4's line above the table: 推荐单位（盖章）, 联系人, 联系电话, 填报日期; the unit seal goes over the unit."""
        lk, rng = self.look, self.rng
        style = TextStyle(self.body, 0)
        parts = []
        for f in self.form.fields:
            value = formats.printed(self.doc.values[f.id], f.type, lk.values, self.forms)
            parts.append((f, f"{lk.labels.get(f.id, f.labels[0])}：{value}"))
        gap = (self.width - sum(self.m.size(t, style)[0] for _, t in parts)) / (len(parts) - 1)
        x, h = self.left, 0.0
        for f, text in parts:
            w, h = self.m.size(text, style)
            page.ops.append(Text(x, y, h, text, style, "top"))
            if f.id == "recommender":
                page.stamps.append(stamp_for(self.doc.seal, "", x + w * 0.85, y + h / 2 + 12, lk, rng,
                                             f"{self.doc.ref}/seal"))
            x += w + max(gap * rng.uniform(0.6, 1.0), 12)
        return y + h + rng.uniform(6, 12)

    def columns(self):
        lk, pad = self.look, self.look.pad
        cols = self.form.columns
        natural = []
        for c in cols:
            label_w = self.m.size(lk.labels.get(c.id, c.labels[0]), TextStyle(lk.label, 0))[0]
            cells = [self.m.size(_cell_text(c, r[c.id], lk, self.forms), TextStyle(self.body, 0))[0]
                     for r in self.doc.values["rows"]]
            want = max([min(label_w, lk.label.size * 4.2)] + cells)
            natural.append(min(max(want, lk.body.size * 1.6), self.width * 0.3) + 2 * pad)
        k = self.width / sum(natural)
        xs = [self.left]
        for w in natural:
            xs.append(xs[-1] + w * k * self.rng.uniform(0.97, 1.03))
        xs[-1] = self.left + self.width
        self.xs = xs

    def row_cells(self, texts, font, align):
        pad = self.look.pad
        styles = [TextStyle(font, self.xs[i + 1] - self.xs[i] - 2 * pad, align) for i in range(len(texts))]
        h = max([self.look.min_row * 0.85] + [self.m.size(t, s)[1] + 2 * pad for t, s in zip(texts, styles) if t])
        return styles, h

    def draw_row(self, page, y, texts, styles, h, first):
        lk = self.look
        page.ops.append(Rule(self.xs[0], y, self.xs[-1], y, lk.outer if first else lk.line))
        for i, (t, s) in enumerate(zip(texts, styles)):
            page.ops.append(Rule(self.xs[i], y, self.xs[i], y + h, lk.outer if i == 0 else lk.line))
            if t:
                page.ops.append(Text(self.xs[i] + lk.pad, y, h, t, s))
        page.ops.append(Rule(self.xs[-1], y, self.xs[-1], y + h, lk.outer))

    def run(self):
        lk, rng = self.look, self.rng
        page = Page(size=self.size, role="first")
        y = title_block(page, _title(self.form, self.doc, rng), lk, self.m, rng, self.left, self.top, self.width)
        if self.form.fields:
            y = self.header_fields(page, y)
        self.columns()
        head = [lk.labels.get(c.id, c.labels[0]) for c in self.form.columns]
        head_styles, head_h = self.row_cells(head, lk.label, "center")
        result = Result(pages=[page], field_pages={f.id: 1 for f in self.form.fields})
        result.field_pages["rows"] = 1
        self.draw_row(page, y, head, head_styles, head_h, True)
        y += head_h
        for row in self.doc.values["rows"]:
            texts = [_cell_text(c, row[c.id], lk, self.forms) for c in self.form.columns]
            styles, h = self.row_cells(texts, self.body, "center" if lk.centre_values else "left")
            if y + h > self.bottom:
                page.ops.append(Rule(self.xs[0], y, self.xs[-1], y, lk.outer))
                page = Page(size=self.size, role="continuation")
                result.pages.append(page)
                y = self.top
                if lk.repeat_header:
                    self.draw_row(page, y, head, head_styles, head_h, True)
                    y += head_h
            self.draw_row(page, y, texts, styles, h, False)
            y += h
        page.ops.append(Rule(self.xs[0], y, self.xs[-1], y, lk.outer))
        if self.form.id == "annex4" and rng.random() < 0.5:
            note = rng.choice(NOTES)
            style = TextStyle(self.body, self.width)
            page.ops.append(Text(self.left, y + 6, self.m.size(note, style)[1], note, style, "top"))
        return result


def layout(doc, form, look, measure, forms, rng):
    return TableLayout(doc, form, look, measure, forms, rng).run()
