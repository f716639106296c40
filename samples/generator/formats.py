"""How a normalised value is printed on a form (FORMS.md's "printed forms seen").

One document keeps one style (the person filling a Word form writes dates one
way throughout), but styles differ between documents, so the extractors meet
every printed variant that the normalisers must undo.
"""
from dataclasses import dataclass

CN_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True)
class ValueStyle:
    year_month: str   # dot | cn | dash | compact | dot_short
    date: str         # cn | dot | cn_numeral | cn_padded
    integer_unit: bool


def choose_style(rng):
    return ValueStyle(
        year_month=rng.choices(["dot", "cn", "dash", "compact", "dot_short"], weights=[5, 4, 1, 1, 1])[0],
        date=rng.choices(["cn", "dot", "cn_numeral", "cn_padded"], weights=[6, 1, 2, 1])[0],
        integer_unit=rng.random() < 0.4)


def cn_number(n):
    """Chinese reading of a month or day (1..31) as written in dates: 十一, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def year_month(value, style):
    y, m = value.split("-")
    return {"dot": f"{y}.{m}", "cn": f"{y}年{int(m)}月", "dash": f"{y}-{m}",
            "compact": f"{y}{m}", "dot_short": f"{y}.{int(m)}"}[style.year_month]


def date(value, style):
    y, m, d = value.split("-")
    if style.date == "dot":
        return f"{y}.{int(m)}.{int(d)}"
    if style.date == "cn_numeral":
        return "".join(CN_DIGITS[int(c)] for c in y) + f"年{cn_number(int(m))}月{cn_number(int(d))}日"
    if style.date == "cn_padded":
        return f"{y}年{m}月{d}日"
    return f"{y}年{int(m)}月{int(d)}日"


def short_range(start, end):
    """'2025年12月15日至12月19日' as work reports write a publicity period."""
    sy, sm, sd = (int(x) for x in start.split("-"))
    ey, em, ed = (int(x) for x in end.split("-"))
    tail = f"{ey}年{em}月{ed}日" if ey != sy else f"{em}月{ed}日"
    return f"{sy}年{sm}月{sd}日至{tail}"


def printed(value, ftype, style, forms):
    """The text written into a form cell for a normalised value; '' for a blank."""
    if value is None:
        return ""
    if ftype == "year_month":
        return year_month(value, style)
    if ftype == "date":
        return date(value, style)
    if ftype == "level":
        return forms.level_label(value)
    if ftype == "integer":
        return f"{value}人" if style.integer_unit else str(value)
    return str(value)
