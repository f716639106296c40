"""Scan batches written as the office's scanners write them.

JPEG pages (one file per page), multi-page TIFF with JPEG, LZW or CCITT G4
compression, and image-only PDF (each page one JPEG at the scan resolution).
Writers take pages one at a time so a long batch never sits in memory.
"""
import io
import struct

import cairo
import numpy as np
from PIL import Image, TiffImagePlugin

from .render import PDF_DATE

FORMATS = ("tiff_g4", "jpeg", "pdf", "tiff_lzw", "tiff_jpeg")
TIFF_COMPRESSION = {"tiff_g4": "group4", "tiff_lzw": "tiff_lzw", "tiff_jpeg": "jpeg"}


def to_image(arr):
    if arr.dtype == bool:
        h, w = arr.shape
        return Image.frombytes("1", (w, h), np.packbits(arr, axis=1).tobytes())
    return Image.fromarray(arr)


def jpeg_bytes(arr, dpi, quality):
    buf = io.BytesIO()
    to_image(arr).save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), subsampling=2 if arr.ndim == 3 else 0)
    return buf.getvalue()


class JpegPages:
    """One JPEG file per page: batch_001.jpg, batch_002.jpg ..."""

    def __init__(self, folder, stem):
        self.folder, self.stem, self.count, self.files = folder, stem, 0, []

    def add(self, encoded):
        self.count += 1
        name = f"{self.stem}_{self.count:03d}.jpg"
        (self.folder / name).write_bytes(encoded)
        self.files.append(name)
        return name, 1

    def close(self):
        """Each page is already its own file."""


def tiff_page(arr, fmt, dpi, quality):
    """One page as a complete single-page TIFF (encoded in the worker that scanned it).

    Colour goes in as YCbCr, as scanners write JPEG-in-TIFF: JPEG-coding RGB planes directly is legal but
    three times larger.
    """
    img = to_image(arr)
    options = dict(format="TIFF", compression=TIFF_COMPRESSION[fmt], dpi=(dpi, dpi))
    if fmt == "tiff_jpeg":
        options["quality"] = quality
        if img.mode == "RGB":
            img = img.convert("YCbCr")
    buf = io.BytesIO()
    img.save(buf, **options)
    return buf.getvalue()


class Tiff:
    """A multi-page TIFF: single-page TIFFs appended by Pillow's AppendingTiffWriter, which relocates
    each page's offsets behind the previous pages."""

    def __init__(self, path):
        self.path, self.name, self.count = path, path.name, 0
        self.writer = TiffImagePlugin.AppendingTiffWriter(str(path), new=True)

    def add(self, page):
        self.count += 1
        self.writer.write(page)
        self.writer.newFrame()
        return self.name, self.count

    def close(self):
        self.writer.close()
        zero_gaps(self.path)


TYPE_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
STRIP_TAGS = (273, 279, 324, 325)     # StripOffsets, StripByteCounts, TileOffsets, TileByteCounts


def zero_gaps(path):
    """Zero the bytes no IFD, tag value or strip refers to.

    libtiff leaves the pad byte before a word-aligned directory uninitialised, so the same pages would
    give different files from run to run.
    """
    data = bytearray(path.read_bytes())
    order = "<" if data[:2] == b"II" else ">"
    used = [(0, 8)]
    ifd = struct.unpack(order + "I", data[4:8])[0]
    while ifd:
        (count,) = struct.unpack(order + "H", data[ifd:ifd + 2])
        used.append((ifd, ifd + 2 + 12 * count + 4))
        tags = {}
        for i in range(count):
            tag, typ, n, raw = struct.unpack(order + "HHI4s", data[ifd + 2 + 12 * i:ifd + 14 + 12 * i])
            size = TYPE_SIZE.get(typ, 1) * n
            at = struct.unpack(order + "I", raw)[0] if size > 4 else None
            if at is not None:
                used.append((at, at + size))
            if tag in STRIP_TAGS:
                fmt = order + ("H" if typ == 3 else "I") * n
                tags[tag] = struct.unpack(fmt, data[at:at + size] if at is not None else raw[:size])
        for offsets, counts in ((273, 279), (324, 325)):
            for start, length in zip(tags.get(offsets, ()), tags.get(counts, ())):
                used.append((start, start + length))
        ifd = struct.unpack(order + "I", data[ifd + 2 + 12 * count:ifd + 6 + 12 * count])[0]
    end = 0
    for start, stop in sorted(used):
        if start > end:
            data[end:start] = bytes(start - end)
        end = max(end, stop)
    data[end:] = bytes(len(data) - end)
    path.write_bytes(bytes(data))


class ImagePdf:
    """An image-only PDF: every page one embedded JPEG, page size = pixels at the scan dpi."""

    def __init__(self, path, dpi):
        self.path, self.name, self.dpi, self.count = path, path.name, dpi, 0
        self.surface, self.pages = None, []

    def add(self, encoded):
        img = Image.open(io.BytesIO(encoded))
        w, h = img.size
        pw, ph = w * 72 / self.dpi, h * 72 / self.dpi
        if self.surface is None:
            self.surface = cairo.PDFSurface(str(self.path), pw, ph)
            self.surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, PDF_DATE)
            self.surface.set_metadata(cairo.PDF_METADATA_MOD_DATE, PDF_DATE)
            self.surface.set_metadata(cairo.PDF_METADATA_CREATOR, "Scanner")
            self.ctx = cairo.Context(self.surface)
        self.surface.set_size(pw, ph)
        # cairo writes an attached JPEG stream as is (DCTDecode, its own pixel size) and never reads the
        # surface's pixels, so a 1x1 stand-in scaled to the page avoids allocating the full page per sheet
        page = cairo.ImageSurface(cairo.FORMAT_RGB24, 1, 1)
        page.set_mime_data(cairo.MIME_TYPE_JPEG, encoded)
        self.ctx.save()
        self.ctx.scale(pw, ph)
        self.ctx.set_source_surface(page, 0, 0)
        self.ctx.paint()
        self.ctx.restore()
        self.ctx.show_page()
        self.pages.append(page)          # pycairo drops the JPEG with the object; keep it until finish()
        self.count += 1
        return self.name, self.count

    def close(self):
        if self.surface is not None:
            self.surface.finish()
        self.pages.clear()
