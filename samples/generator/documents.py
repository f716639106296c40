"""The documents of one unit's round, as truth values.

A Document holds every field's normalised value under the field ids of
models/forms.json (what truth.json states and the pipeline must extract), plus
what the renderer needs beyond the values: the seal of each opinion and whose
photo goes in the photo box.  Paper and e-mail versions of a document start
from the same Document; planted differences are copies with one value changed.
"""
from dataclasses import dataclass, field, replace

from . import formats, texts
from . import rng as rngmod

ROUND_CN = {"initial": "初审", "formal": "正式"}
FORMS_OF_ROUND = {"initial": ("annex2", "annex3", "annex4", "annex9"), "formal": ("annex5", "annex6", "annex7", "annex8")}


@dataclass(frozen=True)
class PhotoRef:
    """The individual whose photo is glued into a form's photo box (photos.py draws it)."""
    key: str
    gender: str


@dataclass
class Document:
    ref: str
    form: str
    round: str
    recommender: str
    subject: str                         # nominee name or unit name; None for unit-level documents
    values: dict
    opinions: dict = field(default_factory=dict)    # field id -> roster.Opinion
    person: PhotoRef = None              # whose photo belongs in the photo box
    blocks: list = field(default_factory=list)      # report only: [(role, text)]
    seal: str = None                     # report and 附件4: the unit seal

    def variant(self, field_id, value, suffix):
        """This document with one value changed (an older copy, a differing e-mail version)."""
        return replace(self, ref=f"{self.ref}#{suffix}", values=dict(self.values, **{field_id: value}))


def _ym(d):
    return f"{d.year}-{d.month:02d}"


def _individual_value(p, fid):
    special = {"birth": _ym(p.birth), "unit_and_title": p.unit_and_title}
    return special[fid] if fid in special else getattr(p, fid)


def _record(form, nominee, sub, round_, kind):
    values, opinions = {}, {}
    for f in form.fields:
        if f.type == "opinion":
            op = nominee.opinions.get((form.id, f.id))
            values[f.id] = op.value() if op else None
            if op:
                opinions[f.id] = op
        elif kind == "individual":
            values[f.id] = _individual_value(nominee, f.id)
        else:
            values[f.id] = getattr(nominee, f.id)
    subject = nominee.name if kind == "individual" else nominee.unit_name
    return Document(ref=f"{sub.unit.name}/{round_}/{form.id}/{subject}", form=form.id, round=round_,
                    recommender=sub.unit.name, subject=subject, values=values, opinions=opinions,
                    person=PhotoRef(nominee.key, nominee.gender) if kind == "individual" and form.photo_box else None)


def _summary_rows(sub):
    rows = []
    for c in sub.nominees("initial", "collective"):
        rows.append(dict(category="先进集体", title=c.unit_name, gender=None, birth=None, ethnicity=None,
                         political_status=None, unit_and_title=None, rank=None, level=c.level, note=None))
    for p in sub.nominees("initial", "individual"):
        rows.append(dict(category="先进个人", title=p.name, gender=p.gender, birth=_ym(p.birth), ethnicity=p.ethnicity,
                         political_status=p.political_status, unit_and_title=p.unit_and_title, rank=p.rank,
                         level=p.level, note=None))
    return [dict(seq=i, **r) for i, r in enumerate(rows, start=1)]


def _table(form, sub, rng):
    plan = sub.rounds["initial"]
    if form.id == "annex4":
        printed_unit = rng.choice([sub.unit.name, sub.orgs.full_name] + list(sub.unit.aliases[:1]))
        values = dict(recommender=printed_unit, contact_name=sub.contact_name, contact_phone=sub.contact_phone,
                      fill_date=plan.report_date, rows=_summary_rows(sub))
    else:
        values = dict(rows=[dict(seq=i, name=m.name, role=m.role, unit_and_title=m.unit_and_title, phone=m.phone)
                            for i, m in enumerate(sub.members, start=1)])
    return Document(ref=f"{sub.unit.name}/initial/{form.id}", form=form.id, round="initial",
                    recommender=sub.unit.name, subject=None, values=values,
                    seal=sub.orgs.office if form.id == "annex4" else None)


def _report(sub, round_, rng):
    pool = texts.report_pool()
    plan = sub.rounds[round_]
    unit_word = sub.unit.name
    collectives = sub.nominees(round_, "collective")
    individuals = sub.nominees(round_, "individual")
    date_style = formats.choose_style(rng)
    slots = dict(unit=unit_word, round=ROUND_CN[round_])
    blocks = [("title", texts.fill(rng.choice(pool["titles"]), rng, slots)),
              ("addressee", rng.choice(pool["addressees"])),
              ("para", texts.fill(pool["intro"], rng, slots))]
    leader = sub.members[0]
    publicity = list(plan.publicity)
    said = [texts.fill(rng.choice(pool["publicity"]), rng,
                       dict(dates=formats.short_range(s, e), where=plan.publicity_where)) for s, e in plan.publicity]
    initial = sub.rounds["initial"]
    if round_ == "formal" and rng.random() < 0.5 and initial.publicity[0][1] >= "2025-12-12":
        s, e = initial.publicity[0]
        said.insert(0, texts.fill(pool["publicity_earlier"], rng,
                                  dict(dates=formats.short_range(s, e), where=initial.publicity_where)))
        publicity.insert(0, (s, e))
    lines = [texts.fill(pool["nominee_line"], rng, dict(seq=i, who=n.unit_name if hasattr(n, "unit_name") else n.name,
                                                          lead=n.summary.split("。")[0] + "。"))
             for i, n in enumerate(collectives + individuals, start=1)]
    sections = [
        [texts.fill(" ".join(pool["organisation"]), rng,
                    dict(leader=f"{leader.unit_and_title}{leader.name}", office=sub.orgs.office)).replace(" ", "")],
        ["".join(pool["process"][round_]) + "".join(said)],
        [texts.fill(pool["result"], rng, dict(nc=len(collectives), ni=len(individuals),
                                               collectives="、".join(c.unit_name for c in collectives) or "无",
                                               individuals="、".join(p.name for p in individuals) or "无"))] + lines,
        [rng.choice(pool["other"])],
    ]
    for i, (heading, paras) in enumerate(zip(pool["headings"], sections), start=1):
        blocks.append(("heading", f"{formats.cn_number(i)}、{heading}"))
        blocks.extend(("para", p) for p in paras)
    blocks += [("closing", pool["closing"]), ("signature", sub.orgs.office),
               ("date", formats.date(plan.report_date, date_style))]
    values = dict(recommender=sub.unit.name, report_date=plan.report_date,
                  publicity=[{"start": s, "end": e} for s, e in publicity],
                  text="\n".join(text for _, text in blocks))
    return Document(ref=f"{sub.unit.name}/{round_}/report", form="report", round=round_, recommender=sub.unit.name,
                    subject=None, values=values, blocks=blocks, seal=sub.orgs.office)


def for_round(sub, round_, forms, seed):
    """All documents of a unit's round in the order a packet is assembled: report first, then by annex."""
    rng = rngmod.stream(seed, "documents", sub.unit.name, round_)
    docs = [_report(sub, round_, rng)]
    for form_id in FORMS_OF_ROUND[round_]:
        form = forms[form_id]
        if form.layout == "table":
            docs.append(_table(form, sub, rng))
            continue
        for nominee in sub.nominees(round_, form.kind):
            docs.append(_record(form, nominee, sub, round_, form.kind))
    return docs
