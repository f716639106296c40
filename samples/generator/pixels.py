"""numpy arrays to and from cairo image surfaces."""
import cairo
import numpy as np


def image_surface(pixels, fmt=cairo.FORMAT_RGB24):
    """A cairo-owned copy of HxWx4 B,G,R,A (premultiplied) or HxWx3 RGB pixels."""
    h, w = pixels.shape[:2]
    surf = cairo.ImageSurface(fmt, w, h)
    view = np.ndarray((h, surf.get_stride() // 4, 4), np.uint8, buffer=surf.get_data())[:, :w]
    if pixels.shape[2] == 3:
        view[..., 0], view[..., 1], view[..., 2], view[..., 3] = pixels[..., 2], pixels[..., 1], pixels[..., 0], 255
    else:
        view[...] = pixels
    surf.mark_dirty()
    return surf


def rgb(surf):
    """An RGB24 surface's pixels as an HxWx3 RGB array (a copy)."""
    surf.flush()
    w, h = surf.get_width(), surf.get_height()
    data = np.frombuffer(surf.get_data(), np.uint8).reshape(h, surf.get_stride() // 4, 4)[:, :w]
    return np.ascontiguousarray(data[..., 2::-1])
