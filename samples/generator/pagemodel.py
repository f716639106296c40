"""A laid-out page as plain drawing operations in points (picklable for worker processes)."""
from dataclasses import dataclass, field

from .typeset import TextStyle

A4 = (595.28, 841.89)


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    h: float                # box height; the text is placed in it by valign
    text: str
    style: TextStyle
    valign: str = "middle"  # top | middle | bottom


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class PhotoBox:
    x: float
    y: float
    w: float
    h: float
    person: object          # documents.PhotoRef
    mode: str               # glued (paper only) | printed (part of the Word file) | empty


@dataclass
class Page:
    size: tuple
    role: str               # first | continuation | annex_page
    ops: list = field(default_factory=list)
    stamps: list = field(default_factory=list)   # seal.Stamp, drawn last
