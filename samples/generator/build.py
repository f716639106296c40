"""Orchestration: from a seed to a complete sample packet in OUTDIR."""
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import documents, electronic, layout, mail, paper, photos, roster, rules, thumbnails, typeset
from .models import Forms, Units
from .rng import stream
from .truth import Truth

SHENFU = "沈抚改革创新示范区"


@dataclass(frozen=True)
class Options:
    outdir: Path
    seed: int = 1
    units: int = 3
    small: bool = False
    all_copies: bool = False       # scan all five copies of every packet, not only of one
    workers: int = 2
    thumbnails: Path = None


def select_units(units, count, seed):
    """A city, 沈抚改革创新示范区 and a provincial department first (issue 3), then more cities and departments."""
    rng = stream(seed, "units")
    cities = [u for u in units.units if u.kind == "city" and u.name != SHENFU]
    depts = [u for u in units.units if u.kind == "provincial"]
    first = rng.choice([c for c in cities if c.quota_individual <= 8])
    more_cities = rng.sample([c for c in cities if c is not first], len(cities) - 1)
    more_depts = rng.sample(depts, len(depts))
    order = [first, units.by_name(SHENFU), more_depts[0]]
    for pair in zip(more_cities, more_depts[1:]):
        order += pair
    return order[:count]


def sizes(unit, small, seed):
    rng = stream(seed, "sizes", unit.name)
    if small:
        return roster.Sizes(1, 3, 0.5)
    if unit.kind == "provincial":
        return roster.Sizes(1, 2, 0.5)
    if unit.name == SHENFU:
        return roster.Sizes(2, rng.randint(3, 4), 0.4)
    return roster.Sizes(rng.randint(2, min(3, unit.quota_collective)),
                        rng.randint(-(-unit.quota_individual * 6 // 10), unit.quota_individual), 0.35)


def _pick(docs, *forms, nth=0):
    """The nth document of the first of forms present (or its last if fewer)."""
    for form in forms:
        found = [d for d in docs if d.form == form]
        if found:
            return found[min(nth, len(found) - 1)]
    raise LookupError(forms)


def _variant(doc, label, seed):
    rng = stream(seed, "variant", doc.ref, label)
    field = rules.DIFF_FIELDS[doc.form]
    old = doc.values[field]
    return doc.variant(field, rules.changed_value(field, old, rng), label), field, old


def run(opts):
    started = time.monotonic()
    out = Path(opts.outdir)
    for sub_dir in ("paper", "electronic", "photos", "mail"):
        shutil.rmtree(out / sub_dir, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    forms, units = Forms(), Units()
    chosen = select_units(units, 1 if opts.small else opts.units, opts.seed)
    subs = [roster.build(u, sizes(u, opts.small, opts.seed), units.deadlines, opts.seed) for u in chosen]
    assignment = rules.assign(subs, opts.small)
    planted = rules.plant_roster(assignment, opts.seed, units.deadlines, forms.vocab)
    docs = {(s.unit.name, r): documents.for_round(s, r, forms, opts.seed) for s in subs for r in ("initial", "formal")}

    five = (assignment["copy_mismatch"].unit.name, "initial")
    older_of = _pick(docs[five], "annex3", "annex2", nth=1)
    older, older_field, older_value = _variant(older_of, "older", opts.seed)
    pve_sub = assignment["paper_vs_electronic"].unit.name
    emailed_of = _pick(docs[(pve_sub, "formal")], "annex5", "annex6")
    emailed, pve_field, pve_paper = _variant(emailed_of, "email", opts.seed)

    measure = typeset.Measure()
    layouts = {}
    for d in [d for ds in docs.values() for d in ds] + [older, emailed]:
        layouts[d.ref] = layout.layout_document(d, forms, measure, opts.seed)

    truth = Truth(opts.seed, dict(units=[u.name for u in chosen], small=opts.small, all_copies=opts.all_copies))
    packets = [paper.Packet(unit, rnd, ds, copies=5 if opts.all_copies or (unit, rnd) == five else 1,
                            older={3: {older_of.ref: older}} if (unit, rnd) == five else {})
               for (unit, rnd), ds in docs.items()]
    batches = paper.plan(packets, layouts, opts.seed)
    photos.warm()
    placed = paper.write(batches, layouts, out, opts.seed, opts.workers)
    truth.paper(placed, layouts)
    for p in packets:
        truth.packet(p.recommender, p.round, p.copies,
                     [b for b in batches if (b.recommender, b.round) == (p.recommender, p.round)])

    scanned_ref = f"{subs[min(2, len(subs) - 1)].unit.name}/formal/report"
    efiles = {}
    for (unit, rnd), ds in docs.items():
        sent = [emailed if d.ref == emailed_of.ref else d for d in ds]
        efiles[(unit, rnd)] = electronic.write(out, sent, forms, layouts, opts.seed, scanned_ref)

    photo_files, photo_findings = _photos(subs, out, opts.seed, truth)
    mails = mail.plan(subs, efiles, photo_files, out, opts.seed)
    messages = mail.write(mails, out, opts.seed)
    truth.data["messages"] = messages
    truth.electronic([f for fs in efiles.values() for f in fs], layouts, messages)

    ids = truth.ids
    doc_ids = {
        "copy_mismatch": [ids[("paper", older_of.ref)], ids[("paper", older.ref)]],
        "paper_vs_electronic": [ids[("paper", emailed_of.ref)], ids[("email", emailed.ref)]],
    }
    planted.append(rules.finding("copy_mismatch", assignment["copy_mismatch"], subject=older_of.subject,
                                 field=older_field, form=older_of.form, round="initial",
                                 message=f"copy 3 of 5 is an older version: {older_field} {older.values[older_field]} "
                                         f"where the other copies say {older_value}"))
    planted.append(rules.finding("paper_vs_electronic", assignment["paper_vs_electronic"], subject=emailed_of.subject,
                                 field=pve_field, form=emailed_of.form, round="formal",
                                 message=f"paper says {pve_paper}, e-mail says {emailed.values[pve_field]}"))
    for f in planted:
        truth.finding(f, doc_ids.get(f["rule"], ()))
    for f in photo_findings:
        truth.finding(f)
    stray = next(m for m in messages if m["role"] == "unparseable_subject")
    truth.finding({"rule": "mail_subject", "severity": "warning", "recommender": None, "subject": None, "field": None,
                   "message": f"subject {stray['message_id']} cannot be decoded to a recommending unit",
                   "message_id": stray["message_id"]})
    truth.write(out / "truth.json")
    if opts.thumbnails:
        thumbnails.write(Path(opts.thumbnails), docs, layouts, opts.seed)
    return time.monotonic() - started


def _photos(subs, out, seed, truth):
    """Every formal individual's e-mailed photo; one photo for each planted defect, the rest good."""
    rng = stream(seed, "photo-defects")
    people = [(s, p) for s in subs for p in s.nominees("formal", "individual")]
    order = rng.sample(range(len(people)), len(people))
    defects = photos.DEFECTS[:max(0, min(len(photos.DEFECTS), len(people) - 2))]
    defect_of = {order[i]: d for i, d in enumerate(defects)}
    files, findings = {}, []
    for i, (sub, person) in enumerate(people):
        photo = photos.electronic(person, defect_of.get(i, ""), seed)
        rel = f"photos/{sub.unit.name}/{photo.name}"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(photo.data)
        files.setdefault(sub.unit.name, []).append((photo, rel))
        truth.data["photos"].append({
            "file": rel, "name": person.name, "birth": person.birth.isoformat(), "recommender": sub.unit.name,
            "ok": not photo.problems, "problems": list(photo.problems), "defect": photo.defect or None,
            "size": list(photo.size), "format": "PNG" if photo.defect == "not_jpeg" else "JPEG"})
        for problem in photo.problems:
            findings.append({"rule": photos.RULE[problem], "severity": "error", "recommender": sub.unit.name,
                             "subject": person.name, "field": None, "file": rel,
                             "message": f"{photo.name}: {problem}"})
    return files, findings


def default_workers():
    return max(1, min(2, os.cpu_count() or 1))
