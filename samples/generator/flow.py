"""Running text poured onto pages: work reports and 附页 continuation sheets.

Paragraphs break between lines at the page bottom the way Word does, and the
rest continues at the top of the next page with no first-line indent.
"""
from dataclasses import replace

from .pagemodel import Page, Text


class Flow:
    def __init__(self, measure, size, margins, offset, role="first"):
        self.measure = measure
        self.size = size
        self.left = margins[0] + offset[0]
        self.top = margins[1] + offset[1]
        self.width = size[0] - margins[0] - margins[2]
        self.bottom = size[1] - margins[3] + offset[1]
        self.pages = [Page(size=size, role=role)]
        self.y = self.top
        self.continuation_role = "continuation" if role == "first" else role

    @property
    def page(self):
        return self.pages[-1]

    def new_page(self):
        self.pages.append(Page(size=self.size, role=self.continuation_role))
        self.y = self.top

    def skip(self, points):
        self.y += points

    def keep(self, points):
        """Start a new page unless points of height still fit (keeps a closing line with its signature)."""
        if self.y + points > self.bottom:
            self.new_page()

    def add(self, text, style, x=None, space_after=0.0):
        """Place text (style.width wide, at x or the left margin); returns (page index, x, y, w, h) of its last line."""
        x = self.left if x is None else x
        while True:
            head, tail = self.measure.split(text, style, self.bottom - self.y)
            if not head and self.y > self.top:
                self.new_page()
                continue
            if not head:
                head, tail = text, ""
            w, h = self.measure.size(head, style)
            self.page.ops.append(Text(x, self.y, h, head, style, valign="top"))
            last = (len(self.pages) - 1, x, self.y, w, h)
            self.y += h
            if not tail:
                self.y += space_after
                return last
            self.new_page()
            text, style = tail, replace(style, indent=0.0)
