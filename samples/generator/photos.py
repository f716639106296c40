"""Electronic 2-inch ID photos made from portraits that Debian packages ship.

Faces come from python3-skimage's astronaut.png and the portraits in
opencv-doc's HTML tutorials (never downloaded).  Each is cut out once per
process (Haar face box -> GrabCut seeded with it -> feathered matte), then
every nominee gets their own crop, scale, exposure and colour cast on a new
background, so no two photos are pixel-identical even when they share a face.
Defective photos (notice 七: white background, colour, JPG, 姓名-YYYYMMDD)
are the same pipeline with one thing done wrong.
"""
import io
import os
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from .rng import stream

CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
OPENCV_HTML = "/usr/share/doc/opencv-doc/opencv4/html/"
# (file, gender, keep a head ellipse: hair GrabCut confuses with the backdrop)
SOURCES = [
    ("/usr/lib/python3/dist-packages/skimage/data/astronaut.png", "女", True),
    (OPENCV_HTML + "227943776_1.jpg", "男", False),
    (OPENCV_HTML + "230501201_1.jpg", "男", False),
    (OPENCV_HTML + "face_swapped.jpg", "男", False),
]
SIZE = (413, 579)           # 二寸 35 x 49 mm at 300 dpi
BIG_SIZE = (413, 626)       # 大二寸 35 x 53 mm
BACKGROUNDS = {"white": (250, 250, 250), "blue": (67, 142, 219), "red": (214, 38, 44)}
DEFECTS = ["background_blue", "background_red", "not_colour", "too_small", "wrong_aspect", "not_jpeg",
           "name_fullwidth_hyphen", "name_underscore", "name_no_date", "no_face"]
PROBLEM = {"background_blue": "background_not_white", "background_red": "background_not_white",
           "not_colour": "not_colour", "too_small": "too_small", "wrong_aspect": "wrong_aspect",
           "not_jpeg": "not_jpeg", "name_fullwidth_hyphen": "bad_file_name", "name_underscore": "bad_file_name",
           "name_no_date": "bad_file_name", "no_face": "no_face"}
RULE = {"background_not_white": "photo_background", "not_colour": "photo_colour", "too_small": "photo_size",
        "wrong_aspect": "photo_size", "not_jpeg": "photo_format", "bad_file_name": "photo_file_name",
        "no_face": "photo_face"}

_cutouts = {}


@dataclass(frozen=True)
class Cutout:
    rgb: np.ndarray         # float32 0..1
    alpha: np.ndarray       # float32 0..1 matte of the person
    face: tuple             # x, y, w, h


def available_sources():
    return [s for s in SOURCES if os.path.exists(s[0])]


def detect_faces(rgb):
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    found = cv2.CascadeClassifier(CASCADE).detectMultiScale(grey, 1.1, 6, minSize=(60, 60))
    return [tuple(int(v) for v in f) for f in found]


def _person_prior(shape, face):
    """Where a head-and-shoulders sitter can be: an ellipse over the face box and shoulders widening below it."""
    h, w = shape
    x, y, fw, fh = face
    cx = x + fw / 2
    prior = np.zeros((h, w), np.uint8)
    cv2.ellipse(prior, (int(cx), int(y + fh * 0.42)), (int(fw * 0.62), int(fh * 0.78)), 0, 0, 360, 1, -1)
    neck = y + fh * 0.95
    pts = np.array([[cx - fw * 0.45, neck], [cx + fw * 0.45, neck], [cx + fw * 0.7, neck + fh * 0.25],
                    [cx + fw * 2.2, neck + fh * 0.6], [cx + fw * 2.6, h], [cx - fw * 2.6, h],
                    [cx - fw * 2.2, neck + fh * 0.6], [cx - fw * 0.7, neck + fh * 0.25]], np.int32)
    cv2.fillPoly(prior, [pts], 1)
    return prior


def _matte(bgr, face, keep_head):
    """GrabCut inside a person-shaped prior: the face core is sure foreground, far outside the prior sure background."""
    H, W = bgr.shape[:2]
    scale = min(1.0, 420 / max(H, W))
    small = cv2.resize(bgr, (int(W * scale), int(H * scale)), interpolation=cv2.INTER_AREA)
    sface = tuple(int(v * scale) for v in face)
    prior = _person_prior(small.shape[:2], sface)
    near = cv2.dilate(prior, np.ones((15, 15), np.uint8))
    mask = np.where(near > 0, cv2.GC_PR_BGD, cv2.GC_BGD).astype(np.uint8)
    mask[prior > 0] = cv2.GC_PR_FGD
    fx, fy, fw, fh = sface
    mask[fy + fh // 5:fy + fh - fh // 8, fx + fw // 4:fx + fw - fw // 4] = cv2.GC_FGD
    cv2.setRNGSeed(12345)            # GrabCut's GMM initialisation draws from OpenCV's RNG
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(small, mask, None, bgd, fgd, 5, cv2.GC_INIT_WITH_MASK)
    fg = ((mask == cv2.GC_FGD) | (mask == cv2.GC_PR_FGD)).astype(np.uint8)
    fg = cv2.morphologyEx(fg, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    if keep_head:
        head = np.zeros_like(fg)
        cv2.ellipse(head, (fx + fw // 2, fy + int(fh * 0.42)), (int(fw * 0.56), int(fh * 0.74)), 0, 0, 360, 1, -1)
        fg = np.maximum(fg, head)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(fg)
    if count > 1:
        fg = (labels == 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))).astype(np.uint8)
    fg = cv2.resize(fg.astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    return np.clip(cv2.GaussianBlur(fg, (0, 0), 1.0 / scale), 0, 1)


def cutout(index):
    if index not in _cutouts:
        path, _, keep_head = available_sources()[index]
        bgr = np.ascontiguousarray(np.asarray(Image.open(path).convert("RGB"))[..., ::-1])
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        face = max(detect_faces(rgb), key=lambda f: f[2] * f[3])
        _cutouts[index] = Cutout(rgb.astype(np.float32) / 255, _matte(bgr, face, keep_head), face)
    return _cutouts[index]


def warm():
    """Cut every portrait out now, so worker processes forked later inherit the cut-outs."""
    for index in range(len(available_sources())):
        cutout(index)


def source_for(gender, key, seed):
    """Index of the portrait used for a nominee: same gender when the packages ship one."""
    pool = [i for i, s in enumerate(available_sources()) if s[1] == gender] or list(range(len(available_sources())))
    return stream(seed, "portrait", key).choice(pool)


def compose(index, size, background, rng, face_share=None, mirror=None):
    """An ID photo of size (w, h): the cut-out person scaled and placed, on a flat-ish background."""
    c = cutout(index)
    W, H = size
    sh, sw = c.alpha.shape
    fx, fy, fw, fh = c.face
    share = face_share or rng.uniform(0.30, 0.38)
    s = max(H * share / fh, (W + 2) / sw, (H + 2) / sh)   # the sitter must fill the frame to its sides and bottom
    ox = W / 2 - (fx + fw / 2) * s + rng.uniform(-0.03, 0.03) * W
    oy = H * rng.uniform(0.40, 0.46) - (fy + fh / 2) * s
    ox = min(0.0, max(W - sw * s, ox))
    oy = max(H - sh * s, oy)
    angle = rng.uniform(-1.5, 1.5)
    m = cv2.getRotationMatrix2D(((fx + fw / 2) * s + ox, (fy + fh / 2) * s + oy), angle, 1.0)
    m = m @ np.array([[s, 0, ox], [0, s, oy], [0, 0, 1]])
    rgb = cv2.warpAffine(c.rgb, m, (W, H), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)
    alpha = cv2.warpAffine(c.alpha, m, (W, H), flags=cv2.INTER_LINEAR, borderValue=0)[..., None]
    gain = rng.uniform(0.9, 1.1) * np.array([rng.uniform(0.96, 1.04) for _ in range(3)], np.float32)
    rgb = np.clip(np.clip(rgb * gain, 0, 1) ** rng.uniform(0.9, 1.1), 0, 1)
    base = np.array(BACKGROUNDS[background], np.float32) / 255
    yy = np.linspace(-1, 1, H, dtype=np.float32)[:, None, None]
    bg = np.clip(base * (1 + 0.03 * yy * rng.uniform(-1, 1)), 0, 1) * np.ones((H, W, 3), np.float32)
    out = rgb * alpha + bg * (1 - alpha)
    if mirror if mirror is not None else rng.random() < 0.5:
        out = out[:, ::-1]
    return np.ascontiguousarray((out * 255 + 0.5).astype(np.uint8))


def portrait(ref, seed):
    """The nominee's good photo (white background, 2-inch) as RGB uint8: what is printed and glued on forms."""
    rng = stream(seed, "portrait-look", ref.key)
    return compose(source_for(ref.gender, ref.key, seed), SIZE, "white", rng)


def _no_face(index, rng):
    """A photo that holds no face: the sender cropped the shoulders (a real mix-up with scanned ID cards)."""
    c = cutout(index)
    fx, fy, fw, fh = c.face
    top = min(c.rgb.shape[0] - 40, fy + int(fh * 1.25))
    region = c.rgb[top:] * c.alpha[top:, :, None] + (1 - c.alpha[top:, :, None]) * 0.98
    img = cv2.resize(region, SIZE, interpolation=cv2.INTER_CUBIC)
    return (np.clip(img, 0, 1) * 255).astype(np.uint8)


@dataclass(frozen=True)
class PhotoFile:
    name: str               # file name as sent
    data: bytes
    size: tuple
    problems: tuple         # EXPORT.md problem names
    defect: str             # the planted defect, '' for a good photo


def electronic(person, defect, seed):
    """The nominee's e-mailed photo: file name and bytes, good or with one planted defect."""
    rng = stream(seed, "e-photo", person.key, defect)
    index = source_for(person.gender, person.key, seed)
    size = BIG_SIZE if rng.random() < 0.3 else SIZE
    background = {"background_blue": "blue", "background_red": "red"}.get(defect, "white")
    if defect == "no_face":
        rgb = _no_face(index, rng)
    else:
        rgb = compose(index, size, background, rng)
    if defect == "too_small":
        width = rng.choice([150, 165, 200])
        rgb = cv2.resize(rgb, (width, round(width * rgb.shape[0] / rgb.shape[1])), interpolation=cv2.INTER_AREA)
    if defect == "wrong_aspect":
        rgb = compose(index, (480, 480), background, rng)
    img = Image.fromarray(rgb)
    if defect == "not_colour":
        img = img.convert("L")
    buf = io.BytesIO()
    if defect == "not_jpeg":
        img.save(buf, "PNG", optimize=False, compress_level=6)
    else:
        img.save(buf, "JPEG", quality=rng.choice([85, 90, 92, 95]), dpi=(300, 300), subsampling=0)
    birth = person.birth.strftime("%Y%m%d")
    name = {"name_fullwidth_hyphen": f"{person.name}－{birth}.jpg", "name_underscore": f"{person.name}_{birth}.jpg",
            "name_no_date": f"{person.name}.jpg"}.get(defect, f"{person.name}-{birth}.jpg")
    problems = (PROBLEM[defect],) if defect else ()
    return PhotoFile(name=name, data=buf.getvalue(), size=img.size, problems=problems, defect=defect)
