"""The e-mail channel's files: born-digital PDFs of every document, and one scanned-only PDF.

Offices export their Word files to PDF either one file per form (all 附件6
in one PDF) or one file per nominee; the names are long Chinese strings that
mail clients must encode.  One unit sends its work report as a scan of the
sealed paper original, which has no text layer at all.
"""
from dataclasses import dataclass, field

from . import paper, render, scan, scan_output
from .documents import ROUND_CN
from .rng import np_stream, stream

CREATORS = ["Microsoft® Word 2016", "Microsoft® Word for Microsoft 365", "WPS 文字", "Microsoft® Word 2010"]


@dataclass
class EFile:
    path: str                      # relative to OUTDIR
    name: str                      # the attachment name it is sent under
    text_layer: bool
    docs: list = field(default_factory=list)     # [(Document, [1-based pages in this file])]


def _annex_name(form, doc, grouping, rng):
    if grouping == "per_form" or doc.subject is None:
        return f"附件{form.annex}.{form.title.replace('XX市', doc.recommender)}.pdf"
    return rng.choice([f"附件{form.annex}-{doc.subject}.pdf", f"附件{form.annex}：{form.title}（{doc.subject}）.pdf"])


def _report_name(doc):
    return f"{doc.recommender}{ROUND_CN[doc.round]}推荐工作报告.pdf"


def plan(docs, forms, seed, grouping):
    """Group one unit-round's documents into files: [(name, [Document])]."""
    rng = stream(seed, "e-names", docs[0].recommender, docs[0].round)
    files = []
    for doc in docs:
        if doc.form == "report":
            files.append((_report_name(doc), [doc]))
            continue
        form = forms[doc.form]
        name = _annex_name(form, doc, grouping, rng)
        if files and files[-1][0] == name:
            files[-1][1].append(doc)
        else:
            files.append((name, [doc]))
    return files


def write_pdf(outdir, rel, docs, layouts, seed, title):
    pages, spans, n = [], [], 0
    for doc in docs:
        doc_pages = layouts[doc.ref].pages
        spans.append((doc, list(range(n + 1, n + len(doc_pages) + 1))))
        pages += doc_pages
        n += len(doc_pages)
    (outdir / rel).parent.mkdir(parents=True, exist_ok=True)
    creator = stream(seed, "creator", rel).choice(CREATORS)
    render.write_pdf(outdir / rel, pages, seed, title, creator)
    return spans


def write_scanned(outdir, rel, doc, layouts, seed):
    """A sealed paper original scanned to PDF for e-mailing: images only, light defects."""
    rng = stream(seed, "e-scan", rel)
    settings = paper.settings_for("pdf", rng)
    (outdir / rel).parent.mkdir(parents=True, exist_ok=True)
    writer = scan_output.ImagePdf(outdir / rel, settings.dpi)
    for i, page in enumerate(layouts[doc.ref].pages):
        sheet = scan.Sheet(0, round(rng.gauss(0, 0.4), 2), "light", (rng.uniform(-2, 2), rng.uniform(-2, 2)))
        img = scan.scan(render.raster(page, settings.dpi, seed), settings, sheet, np_stream(seed, "e-scan", rel, i))
        writer.add(scan_output.jpeg_bytes(img, settings.dpi, 85))
    writer.close()
    return [(doc, list(range(1, len(layouts[doc.ref].pages) + 1)))]


def write(outdir, unit_docs, forms, layouts, seed, scanned_ref):
    """All e-mail files of one unit-round; scanned_ref names the one document sent as a scan."""
    first = unit_docs[0]
    grouping = stream(seed, "e-grouping", first.recommender).choice(["per_form", "per_document"])
    out = []
    for name, docs in plan(unit_docs, forms, seed, grouping):
        rel = f"electronic/{first.recommender}/{first.round}/{name}"
        if len(docs) == 1 and docs[0].ref.split("#")[0] == scanned_ref:
            out.append(EFile(rel, name, False, write_scanned(outdir, rel, docs[0], layouts, seed)))
        else:
            out.append(EFile(rel, name, True, write_pdf(outdir, rel, docs, layouts, seed, name.removesuffix(".pdf"))))
    return out
