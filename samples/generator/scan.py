"""What a document scanner does to a printed sheet.

Every effect below is one a real office scanner (flatbed or ADF) produces and
the pipeline's cleanup stage must undo or survive:
- paper tone and unevenness: recycled office paper is not white, and the lamp
  lights the sheet unevenly (a slow brightness gradient);
- skew: ADF rollers pull sheets in at an angle (usually under 1 deg, up to 5);
  the exposed scanner background shows in the corners;
- orientation: sheets fed upside down or sideways (180/90/270);
- lid shadow: a sheet not flat on the glass (or a glued photo) leaves a dark
  band along one edge;
- optical blur and sensor noise, more at cheap/fast settings;
- dust specks and a streak from dirt on the glass at heavy defect levels;
- colour modes: colour, greyscale (the red seal turns mid grey) and 1-bit
  black/white (a fixed threshold turns the seal black or drops it to specks);
- JPEG artefacts come from the writer's quality setting.
"""
from dataclasses import dataclass

import cv2
import numpy as np

LEVELS = ("light", "medium", "heavy")


@dataclass(frozen=True)
class Batch:
    """Scanner settings shared by every page of one scan batch."""
    dpi: int
    mode: str               # colour | grey | bw
    tone: tuple             # paper colour, 0..1 RGB
    bed: int                # grey value of the scanner background/lid
    threshold: int          # bw threshold
    lid_edge: str           # '', 'left', 'right', 'top', 'bottom'


@dataclass(frozen=True)
class Sheet:
    """What happened to one sheet on its way through the scanner (truth.json 'pages')."""
    rotation: int           # clockwise degrees applied to the upright page: 0, 90, 180, 270
    skew: float             # degrees, positive = counter-clockwise
    level: str              # light | medium | heavy
    shift: tuple            # sheet position on the glass in mm (dx, dy)


PARAMS = {   # blur sigma at 300 dpi, noise sigma (0..255), paper unevenness, contrast stretch
    "light": (0.45, 2.0, 0.012, 1.00),
    "medium": (0.75, 3.0, 0.025, 1.06),
    "heavy": (1.15, 5.5, 0.04, 1.12),
}


def _low_freq(rng, h, w, cells=4):
    small = rng.standard_normal((cells, max(2, int(cells * w / h))), dtype=np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def paper(img, batch, level, rng):
    """Multiply the print with toned, unevenly lit paper."""
    h, w = img.shape[:2]
    _, _, uneven, _ = PARAMS[level]
    light = 1.0 + uneven * _low_freq(rng, h, w) + uneven * np.linspace(-1, 1, w, dtype=np.float32)[None, :] * rng.uniform(-1, 1)
    out = img.astype(np.float32)
    out *= np.array(batch.tone, np.float32)
    out *= light[..., None]
    return out


def place(img, batch, sheet, rng):
    """Skew and shift the sheet on the glass; uncovered glass shows the bed colour."""
    h, w = img.shape[:2]
    px = batch.dpi / 25.4
    m = cv2.getRotationMatrix2D((w / 2, h / 2), sheet.skew, 1.0)
    m[0, 2] += sheet.shift[0] * px
    m[1, 2] += sheet.shift[1] * px
    bed = float(batch.bed)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(bed, bed, bed))


def lid_shadow(img, batch, rng):
    if not batch.lid_edge:
        return img
    h, w = img.shape[:2]
    width = rng.uniform(2, 9) * batch.dpi / 25.4
    depth = rng.uniform(0.25, 0.6)
    n = w if batch.lid_edge in ("left", "right") else h
    d = np.arange(n, dtype=np.float32)
    if batch.lid_edge in ("right", "bottom"):
        d = d[::-1]
    band = 1.0 - depth * np.exp(-d / width)
    band = band[None, :] if batch.lid_edge in ("left", "right") else band[:, None]
    img *= band[..., None] if img.ndim == 3 else band
    return img


def optics(img, batch, level, rng):
    blur, noise, _, stretch = PARAMS[level]
    sigma = blur * batch.dpi / 300
    img = cv2.GaussianBlur(img, (0, 0), sigma)
    h, w = img.shape[:2]
    grain = rng.standard_normal((h, w), dtype=np.float32) * noise
    img += grain[..., None] if img.ndim == 3 else grain
    if level == "heavy":
        for _ in range(int(rng.integers(20, 80))):          # dust on the glass
            y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
            cv2.circle(img, (x, y), int(rng.integers(1, 4)), (40.0, 40.0, 40.0), -1)
        x = int(rng.integers(0, w))                           # a streak from a dirty ADF window
        img[:, x:x + max(1, batch.dpi // 150)] *= rng.uniform(0.75, 0.9)
    img -= 128
    img *= stretch
    img += 128 + (stretch - 1) * 60
    return np.clip(img, 0, 255, out=img)


def sensor(img, batch):
    """Grey and 1-bit scans read one luminance channel (the seal's red becomes a mid grey)."""
    return img if batch.mode == "colour" else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


def colour_mode(img, batch):
    """uint8 array in the batch's mode: HxWx3 colour, HxW grey, HxW bool for 1-bit (True = white)."""
    out = img.astype(np.uint8)
    return out > batch.threshold if batch.mode == "bw" else out


def orient(img, rotation):
    return np.ascontiguousarray(np.rot90(img, k=-(rotation // 90))) if rotation else img


def scan(printed, batch, sheet, rng):
    """A printed RGB sheet (uint8, rendered at batch.dpi) as the scanner returns it."""
    img = sensor(paper(printed, batch, sheet.level, rng), batch)
    img = place(img, batch, sheet, rng)
    img = lid_shadow(img, batch, rng)
    img = optics(img, batch, sheet.level, rng)
    return orient(colour_mode(img, batch), sheet.rotation)


def blank_back(front, rng):
    """The back of a single-sided sheet scanned in duplex: empty paper with the front faintly showing through."""
    grey = cv2.cvtColor(front, cv2.COLOR_RGB2GRAY).astype(np.float32)
    through = cv2.GaussianBlur(grey[:, ::-1], (0, 0), 2.0)
    strength = rng.uniform(0.03, 0.08)
    out = 255 - (255 - through) * strength
    return np.repeat(out[..., None], 3, axis=2).astype(np.uint8)
