"""Work reports (初审/正式推荐工作报告) set as Chinese official documents (GB/T 9704 公文格式).

Title in a 小标宋-like bold face, body in 仿宋-like 三号 (16 pt) on a fixed
line pitch, headings in 黑体, the issuing body and date at the bottom right
with its seal pressed over the date, optional page numbers "— 1 —".
"""
from .flow import Flow
from .forms_layout import Result, stamp_for
from .pagemodel import A4, Text
from .typeset import FACES, Font, TextStyle


def layout(doc, look, measure, rng):
    mm = 72 / 25.4
    margins = (rng.uniform(26, 30) * mm, rng.uniform(33, 38) * mm, rng.uniform(24, 28) * mm, rng.uniform(30, 36) * mm)
    size = rng.choice([16, 16, 16, 15, 14])
    body = Font(rng.choice(FACES["fangsong"] + FACES["song"]), size)
    pitch = size * rng.uniform(1.65, 1.85)
    natural = measure.size("国", TextStyle(body, 0))[1]
    spacing = pitch / natural
    gap = pitch - natural           # 公文 keep one line pitch across paragraph ends too
    flow = Flow(measure, A4, margins, look.offset)
    width = flow.width
    para = TextStyle(body, width, "left", spacing, 2 * size, True)
    heading = TextStyle(Font(rng.choice(FACES["hei"]), size), width, "left", spacing, 2 * size)
    date_box, publicity_page = None, 0
    for role, text in doc.blocks:
        if role == "title":
            flow.add(text, TextStyle(Font(rng.choice(FACES["title"]), rng.choice([20, 22, 22])), width, "center", 1.25),
                     space_after=pitch * rng.uniform(0.6, 1.2))
        elif role == "addressee":
            flow.add(text, TextStyle(body, width, "left", spacing), space_after=gap)
        elif role == "heading":
            flow.add(text, heading, space_after=gap)
        elif role == "closing":
            flow.keep(pitch * 6)             # 特此报告 stays on the page with the signature and date
            flow.add(text, para, space_after=gap)
        elif role == "para":
            placed = flow.add(text, para, space_after=gap)
            if "公示" in text and not publicity_page:
                publicity_page = placed[0] + 1
        elif role == "signature":
            flow.skip(pitch * rng.uniform(1.2, 2.2))
            w = measure.size(text, TextStyle(body, 0))[0]
            right = flow.left + width - size * rng.choice([2, 3, 4])
            sig_box = flow.add(text, TextStyle(body, 0), x=right - w)
        elif role == "date":
            w = measure.size(text, TextStyle(body, 0))[0]
            centre = sig_box[1] + sig_box[3] / 2
            date_box = flow.add(text, TextStyle(body, 0), x=centre - w / 2)
    page_no, x, y, w, h = date_box
    flow.pages[page_no].stamps.append(stamp_for(doc.seal, "", x + w / 2, y - h * 0.2, look, rng, f"{doc.ref}/seal"))
    if rng.random() < 0.6:
        for n, page in enumerate(flow.pages, start=1):
            label = f"— {n} —"
            style = TextStyle(Font(FACES["song"][0], 14), 0)
            lw, lh = measure.size(label, style)
            px = (A4[0] - lw) / 2 if rng.random() < 0.5 else (A4[0] - margins[2] - lw if n % 2 else margins[0])
            page.ops.append(Text(px, A4[1] - margins[3] + 10 * mm / 2.5, lh, label, style, "top"))
    return Result(pages=flow.pages, field_pages={"recommender": 1, "publicity": publicity_page or 1, "text": 1,
                                                 "report_date": page_no + 1})
