"""The look of one printed document: fonts, sizes, margins, rules, label wording.

Real submissions are Word files each office edited on its own, so no two look
alike (FORMS.md: layouts vary).  A Look is drawn once per document from its
own random stream and used for both its printout and its PDF.
"""
from dataclasses import dataclass

from . import formats, seal
from .typeset import FACES, Font

BODY_FACES = {"fangsong": 4, "song": 4, "kai": 2, "hei": 1}
BODY_SIZES = [10.5, 11, 12, 12, 12, 12, 13, 14]          # 小四 = 12 pt is the official size
PHOTO_LABELS = ["照片", "（照片）", "贴照片处", "近期免冠\n二寸彩色\n照片", "照\n片"]
SEE_ANNEX = ["（见附页）", "详见附页", "主要事迹详见附页。", "（详见附页）"]


@dataclass(frozen=True)
class Look:
    body: Font
    label: Font
    title: Font
    margins: tuple          # left, top, right, bottom in points
    offset: tuple           # printer misfeed shift (dx, dy) in points
    line: float             # inner rule width
    outer: float            # frame rule width
    pad: float              # cell padding
    spacing: float          # line spacing factor
    pairs: int              # label/value pairs per row: 2 or 3
    min_row: float
    values: formats.ValueStyle
    labels: dict            # field id -> the label variant printed
    annex_prefix: str       # 附件6 above the title, or ''
    vertical_labels: bool   # block labels written one character per line
    centre_values: bool
    indent_long: bool
    photo_mode: str         # glued | printed | empty
    photo_label: str
    overflow: str           # split (row runs onto the next page) | annex_page (见附页 + 附页)
    see_annex: str
    fill_page: bool
    seal_face: str
    seal_radius: float
    stamp_words: str        # （盖章） as printed in opinion cells
    repeat_header: bool     # multi-row tables repeat their header row on each page


def _face(kind, rng):
    return rng.choice(FACES[kind])


def choose(form, rng):
    body_kind = rng.choices(list(BODY_FACES), weights=list(BODY_FACES.values()))[0]
    size = rng.choice(BODY_SIZES)
    label_kind = rng.choice([body_kind, body_kind, "hei", "song"])
    mm = 72 / 25.4
    labels = {f.id: (f.labels[0] if rng.random() < 0.6 or len(f.labels) < 2 else rng.choice(f.labels[1:]))
              for f in form.fields + form.columns if f.labels}
    return Look(
        body=Font(_face(body_kind, rng), size),
        label=Font(_face(label_kind, rng), size + rng.choice([0, 0, 0.5, 1, -0.5])),
        title=Font(_face("title", rng), rng.choice([16, 18, 18, 20, 22])),
        margins=tuple(x * mm for x in (rng.uniform(18, 30), rng.uniform(18, 32), rng.uniform(18, 28), rng.uniform(15, 25))),
        offset=(rng.uniform(-3, 3) * mm, rng.uniform(-3, 3) * mm),
        line=rng.choice([0.5, 0.5, 0.75, 1.0]),
        outer=rng.choice([0.5, 1.0, 1.5, 1.5, 2.25]),
        pad=rng.uniform(2.5, 5.5),
        spacing=rng.choice([1.0, 1.0, 1.1, 1.2, 1.3]),
        pairs=rng.choice([3, 3, 3, 2]),
        min_row=rng.uniform(24, 34),
        values=formats.choose_style(rng),
        labels=labels,
        annex_prefix=rng.choice([f"附件{form.annex}", f"附件{form.annex}", f"附件 {form.annex}", ""]) if form.annex else "",
        vertical_labels=rng.random() < 0.5,
        centre_values=rng.random() < 0.6,
        indent_long=rng.random() < 0.7,
        photo_mode=rng.choices(["glued", "printed", "empty"], weights=[6, 3, 1])[0],
        photo_label=rng.choice(PHOTO_LABELS),
        overflow=rng.choice(["split", "annex_page"]),
        see_annex=rng.choice(SEE_ANNEX),
        fill_page=rng.random() < 0.8,
        seal_face=rng.choice(seal.SEAL_FACES),
        seal_radius=rng.uniform(55, 60.5),
        stamp_words=rng.choice(["（盖章）", "（盖 章）", "盖章", "（公章）"]),
        repeat_header=rng.random() < 0.6,
    )
