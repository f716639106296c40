"""One PNG per form for docs/samples: the first page of a sample document as a light colour scan, 600 px wide."""
from PIL import Image

from . import render, scan
from .rng import np_stream

ORDER = ["report", "annex2", "annex3", "annex4", "annex5", "annex6", "annex7", "annex8", "annex9"]
WIDTH = 600


def write(folder, docs, layouts, seed):
    folder.mkdir(parents=True, exist_ok=True)
    settings = scan.Batch(dpi=150, mode="colour", tone=(0.97, 0.96, 0.92), bed=70, threshold=140, lid_edge="")
    everything = [d for ds in docs.values() for d in ds]
    for form in ORDER:
        doc = next(d for d in everything if d.form == form and (form != "annex6" or d.person))
        page = layouts[doc.ref].pages[0]
        rng = np_stream(seed, "thumbnail", form)
        sheet = scan.Sheet(0, 0.6, "light", (0.0, 0.0))
        img = Image.fromarray(scan.scan(render.raster(page, settings.dpi, seed), settings, sheet, rng))
        img = img.resize((WIDTH, round(img.height * WIDTH / img.width)), Image.LANCZOS)
        img.quantize(colors=64, dither=Image.Dither.NONE).save(folder / f"{form}.png", optimize=True)
