"""Chinese prose from the phrase pools of data/phrases.json.

主要事迹 must read like the real thing (a lead paragraph, numbered themes
about 政务公开 work, a closing) and reach a requested length, because its
length decides whether a form runs onto a second page.
"""
import re

from .formats import cn_number
from .models import load_data

PHRASES = load_data("phrases.json")
_SLOT = re.compile(r"\{(\w+)(?::(\d+)-(\d+))?\}")


def fill(template, rng, slots):
    def sub(m):
        key, lo, hi = m.group(1), m.group(2), m.group(3)
        if key == "n":
            return str(rng.randint(int(lo), int(hi)))
        if key == "pct":
            return f"{rng.uniform(int(lo), int(hi)):.1f}"
        return str(slots[key])
    return _SLOT.sub(sub, template)


def _theme_paragraph(theme, index, heading_style, rng, slots):
    head = rng.choice(theme["heads"])
    lead = heading_style.format(cn=cn_number(index), head=head) if heading_style else ""
    picked = rng.sample(theme["sentences"], k=rng.randint(max(1, len(theme["sentences"]) - 2), len(theme["sentences"])))
    return lead + "".join(fill(s, rng, slots) for s in picked)


def deeds(kind, slots, rng, target_chars):
    """Paragraphs of 主要事迹 of about target_chars characters (kind: individual | collective)."""
    paragraphs = [fill(rng.choice(PHRASES["openers"][kind]), rng, slots)]
    themes = rng.sample(PHRASES["themes"], k=len(PHRASES["themes"]))
    if kind == "individual":
        themes.insert(rng.randrange(2, 5), PHRASES["personal"])
    heading_style = rng.choice(PHRASES["heading_styles"])
    closing = fill(rng.choice(PHRASES["closings"][kind]), rng, slots)
    for i, theme in enumerate(themes, start=1):
        if sum(map(len, paragraphs)) + len(closing) >= target_chars:
            break
        paragraphs.append(_theme_paragraph(theme, i, heading_style, rng, slots))
    paragraphs.append(closing)
    return "\n".join(paragraphs)


def summary(kind, slots, rng, limit):
    """简要事迹: one paragraph, cut at a sentence end so it stays within limit characters."""
    text = fill(rng.choice(PHRASES["openers"][kind]), rng, slots)
    for theme in rng.sample(PHRASES["themes"], k=4):
        sentence = fill(rng.choice(theme["sentences"]), rng, slots)
        if len(text) + len(sentence) > limit:
            break
        text += sentence
    return text


def awards(kind, slots, rng, count):
    """何时何地受过何种奖励, or None when the nominee lists none (the field is optional)."""
    if count == 0:
        return None
    years = sorted(rng.sample(range(2016, 2025), k=count))
    items = [fill(rng.choice(PHRASES["awards"][kind]), rng, dict(slots, year=y)) for y in years]
    return "；".join(items) + "。"


def opinion(field_id, kind, rng):
    return rng.choice(PHRASES["opinions"][field_id][kind])


def report_pool():
    return PHRASES["report"]


def mail_body(rng, slots, reply=False):
    return fill(rng.choice(PHRASES["reply_bodies" if reply else "mail_bodies"]), rng, slots)
