"""The paper channel: print every document, feed the sheets through scanners, write the batches.

A packet is one unit's round on paper.  The office scans a packet in one to
three batches (different scanners, settings and file formats); the packet
chosen for the five-copy case goes through as one batch holding all five
printed sets, one of them carrying an older version of a form.  Pages are
rendered and scanned in worker processes, each from its own random stream, so
the output does not depend on scheduling.
"""
import multiprocessing
from dataclasses import dataclass, field, replace

import cv2

from . import render, scan, scan_output
from .rng import np_stream, stream

MODES = {"tiff_g4": ["bw"], "tiff_lzw": ["grey", "bw"], "tiff_jpeg": ["colour", "grey"], "jpeg": ["colour", "grey"],
         "pdf": ["colour", "grey"]}
QUALITY = {"light": (85, 93), "medium": (68, 80), "heavy": (42, 58)}


@dataclass
class Slot:
    """One scanned page: a page of a laid-out document (or the blank back of one) in a copy."""
    doc: object             # documents.Document, None for a blank back
    page_index: int         # 0-based page of the document's layout (the front page for a blank back)
    copy: int
    role: str               # first | continuation | annex_page | blank
    front: object = None    # pagemodel.Page the blank back shows through from
    sheet: scan.Sheet = None


@dataclass
class BatchPlan:
    recommender: str
    round: str
    fmt: str
    settings: scan.Batch
    path: str               # relative to OUTDIR (a folder stem for JPEG pages)
    quality: int            # JPEG-in-TIFF quality, a scanner setting
    slots: list = field(default_factory=list)


@dataclass
class Packet:
    recommender: str
    round: str
    docs: list              # paper Documents in packet order
    copies: int = 1
    older: dict = field(default_factory=dict)   # copy number -> {doc ref: older variant Document}


def settings_for(fmt, rng):
    """A scanner setting for a batch written as fmt."""
    mode = rng.choice(MODES[fmt])
    return scan.Batch(
        dpi=300 if fmt == "tiff_g4" and rng.random() < 0.7 else rng.choice([200, 200, 300]), mode=mode,
        tone=(rng.uniform(0.94, 0.99), rng.uniform(0.93, 0.98), rng.uniform(0.88, 0.96)),
        bed=rng.choice([rng.randint(55, 95), rng.randint(232, 250)]), threshold=rng.randint(125, 160),
        lid_edge=rng.choice(["", "", "", "left", "right", "top", "bottom"]))


def _chunks(items, n):
    size = -(-len(items) // n)
    return [items[i:i + size] for i in range(0, len(items), size)]


def plan(packets, layouts, seed):
    """Batches with every page's fate decided; coverage of formats, orientations and defects is guaranteed."""
    rng = stream(seed, "paper-plan")
    splits = [1 if p.copies > 1 else rng.choice([1, 2, 2, 3]) for p in packets]
    while sum(splits) < len(scan_output.FORMATS):
        i = max((i for i, p in enumerate(packets) if p.copies == 1 and splits[i] < len(p.docs)),
                key=lambda i: len(packets[i].docs) / splits[i])
        splits[i] += 1
    offset = rng.randrange(len(scan_output.FORMATS))
    batches = []
    for packet, n in zip(packets, splits):
        groups = [packet.docs] if packet.copies > 1 else _chunks(packet.docs, min(n, len(packet.docs)))
        for g, docs in enumerate(groups, start=1):
            fmt = scan_output.FORMATS[(len(batches) + offset) % len(scan_output.FORMATS)]
            brng = stream(seed, "batch", packet.recommender, packet.round, g)
            stem = f"paper/{packet.recommender}/{packet.round}/batch{g}"
            path = stem if fmt == "jpeg" else stem + (".pdf" if fmt == "pdf" else ".tif")
            batch = BatchPlan(packet.recommender, packet.round, fmt, settings_for(fmt, brng), path,
                              brng.randint(*QUALITY["medium"]))
            for copy in range(1, packet.copies + 1):
                for doc in docs:
                    doc = packet.older.get(copy, {}).get(doc.ref, doc)
                    pages = layouts[doc.ref].pages
                    batch.slots += [Slot(doc, i, copy, p.role) for i, p in enumerate(pages)]
                    if brng.random() < 0.12:
                        batch.slots.append(Slot(None, len(pages) - 1, copy, "blank", front=pages[-1]))
            _sheets(batch, brng)
            batches.append(batch)
    _guarantee_settings(batches)
    _guarantee(batches, layouts, rng)
    return batches


def _guarantee_settings(batches):
    """Every colour mode and both resolutions occur in every run (given at least three batches)."""
    for mode in ("colour", "grey", "bw"):
        if any(b.settings.mode == mode for b in batches):
            continue
        spare = [b for b in batches if mode in MODES[b.fmt]
                 and sum(o.settings.mode == b.settings.mode for o in batches) > 1]
        if spare:
            spare[0].settings = replace(spare[0].settings, mode=mode)
    for dpi in (200, 300):
        if not any(b.settings.dpi == dpi for b in batches) and len(batches) > 1:
            batches[-1].settings = replace(batches[-1].settings, dpi=dpi)


def _sheets(batch, rng):
    base = rng.choices(scan.LEVELS, weights=[5, 4, 2])[0]
    bias = rng.gauss(0, 0.6)
    for s in batch.slots:
        level = scan.LEVELS[min(2, max(0, scan.LEVELS.index(base) + rng.choice([0, 0, 0, 1, -1])))]
        skew = bias + rng.gauss(0, 0.45)
        if rng.random() < 0.05:
            skew = rng.choice([-1, 1]) * rng.uniform(2.5, 5.0)
        rotation = rng.choices([0, 180, 90, 270], weights=[92, 4, 2, 2])[0]
        s.sheet = scan.Sheet(rotation, round(max(-5.0, min(5.0, skew)), 2), level,
                             (rng.uniform(-3, 3), rng.uniform(-3, 3)))


HARD_CASES = [   # (the run must hold a sheet for which this holds, how to make a sheet show it)
    (lambda sheet: sheet.rotation == 180, {"rotation": 180}),
    (lambda sheet: sheet.rotation in (90, 270), {"rotation": 90}),
    (lambda sheet: abs(sheet.skew) >= 3.5, {"skew": -4.2}),
    (lambda sheet: sheet.level == "heavy", {"level": "heavy"}),
]


def _guarantee(batches, layouts, rng):
    """Make sure the run holds at least one of each hard case and a blank back, whatever the seed drew."""
    slots = [s for b in batches for s in b.slots if s.role != "blank"]
    for occurs, change in HARD_CASES:
        if not any(occurs(s.sheet) for s in slots):
            target = slots[rng.randrange(len(slots))]
            target.sheet = replace(target.sheet, **change)
    if not any(s.role == "blank" for b in batches for s in b.slots):
        b = batches[rng.randrange(len(batches))]
        front = b.slots[rng.randrange(len(b.slots))]
        last = [s for s in b.slots if s.doc is front.doc and s.copy == front.copy][-1]
        blank = Slot(None, last.page_index, last.copy, "blank", front=layouts[last.doc.ref].pages[last.page_index],
                     sheet=last.sheet)
        b.slots.insert(b.slots.index(last) + 1, blank)


def _worker_init():
    cv2.setNumThreads(1)


def scan_slot(task):
    """Render, scan and encode one sheet; returns the bytes the batch writer appends."""
    page, front, batch, sheet, fmt, quality, seed, key = task
    rng = np_stream(seed, "scan", key)
    if page is None:
        printed = scan.blank_back(render.raster(front, batch.dpi, seed), rng)
    else:
        printed = render.raster(page, batch.dpi, seed)
    img = scan.scan(printed, batch, sheet, rng)
    if fmt in ("jpeg", "pdf"):
        lo, hi = QUALITY[sheet.level]
        return scan_output.jpeg_bytes(img, batch.dpi, int(rng.integers(lo, hi + 1)))
    return scan_output.tiff_page(img, fmt, batch.dpi, quality)


def _writer(outdir, batch):
    target = outdir / batch.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if batch.fmt == "jpeg":
        return scan_output.JpegPages(target.parent, target.name)
    if batch.fmt == "pdf":
        return scan_output.ImagePdf(target, batch.settings.dpi)
    return scan_output.Tiff(target)


def write(batches, layouts, outdir, seed, workers):
    """Scan every batch into OUTDIR; returns [(batch, slot, file relative to OUTDIR, page number in file)]."""
    tasks, owners = [], []
    for b in batches:
        for n, s in enumerate(b.slots):
            page = layouts[s.doc.ref].pages[s.page_index] if s.doc is not None else None
            tasks.append((page, s.front, b.settings, s.sheet, b.fmt, b.quality, seed, f"{b.path}#{n}"))
            owners.append((b, s))
    placed = []
    with multiprocessing.get_context("fork").Pool(workers, initializer=_worker_init) as pool:
        current, writer = None, None
        for (b, s), out in zip(owners, pool.imap(scan_slot, tasks, chunksize=1)):
            if b is not current:
                if writer:
                    writer.close()
                current, writer = b, _writer(outdir, b)
            name, number = writer.add(out)
            folder = b.path.rsplit("/", 1)[0]
            placed.append((b, s, f"{folder}/{name}", number))
        if writer:
            writer.close()
    return placed
