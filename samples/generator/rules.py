"""Rule cases planted on purpose, and the findings a correct pipeline must raise.

Each case of the notice's rules (FORMS.md "Rules from the notice") is planted
once, in the unit kind where it is most natural (a quota overrun in a city, a
副厅级 nominee in a provincial department ...), or in the only unit of a small
run.  Everything not planted is kept valid, so any other finding is a false
alarm.
"""
import datetime as dt
from dataclasses import dataclass

from . import people, posts
from . import rng as rngmod
from .roster import add_individual, recast

PREFERRED = {
    "quota_exceeded": "city", "county_rank_share": "city", "id_number_invalid": "city",
    "ineligible_rank": "provincial", "unsealed_opinion": "provincial", "paper_vs_electronic": "provincial",
    "copy_mismatch": "provincial",
    "publicity_period": "shenfu", "not_in_initial_round": "shenfu", "deadline_missed": "shenfu",
}
SHORT_PUBLICITY = ("2025-12-15", "2025-12-17")   # Mon-Wed: 3 working days where the notice asks for 5


def finding(rule, sub, subject=None, field=None, message="", severity="error", **extra):
    return dict(rule=rule, severity=severity, recommender=sub.unit.name, subject=subject, field=field,
                message=message, **extra)


def allowed_individuals(unit):
    """Allocation plus 20 %, rounded half up (notice 六); floor(x + 0.5) avoids Python's banker's rounding."""
    return int(unit.quota_individual * 1.2 + 0.5)


def assign(subs, small):
    """case -> the Submission it is planted in."""
    chosen = {}
    for case, kind in PREFERRED.items():
        if case == "quota_exceeded" and small:
            continue   # an overrun needs more nominees than a small run renders
        match = [s for s in subs if s.orgs.kind == kind] or subs
        chosen[case] = match[0]
    return chosen


def _quota(sub, ctx):
    rng = rngmod.stream(ctx.seed, "plant", "quota")
    allowed = allowed_individuals(sub.unit)
    while len(sub.nominees("initial", "individual")) <= allowed:
        add_individual(sub, rng.choice(["city", "county"]), rngmod.weighted(rng, posts.RANKS["county"]), rng,
                       rounds=("initial",))
    n = len(sub.nominees("initial", "individual"))
    return finding("quota_exceeded", sub, round="initial",
                   message=f"{n} individuals nominated; allocation {sub.unit.quota_individual} + 20 % allows {allowed}")


def _county_share(sub, ctx):
    people_ = sub.nominees("initial", "individual")
    everyone = len(people_) + len(sub.nominees("initial", "collective"))
    k = next(k for k in range(1, len(people_) + 1) if k / everyone > 0.2)
    changed = []
    for i, p in enumerate([p for p in people_ if "formal" in p.rounds][:k]):
        ranks = posts.county_ranks(p.level, ctx.vocab["county_rank"])
        changed.append(recast(sub, p, ranks[i % len(ranks)], ctx.seed))
    return finding("county_rank_share", sub, field="rank", round="initial",
                   message=f"{k} of {len(people_)} individuals ({', '.join(p.name for p in changed)}) are 县处级: "
                           f"{100 * k / len(people_):.0f} % > 20 %")


def _ineligible(sub, ctx):
    target = next(p for p in reversed(sub.individuals) if p.rounds == ("initial", "formal"))
    # a 副厅级 post exists only at city or provincial level (副市长, 副厅长)
    rank = next(r for r in ctx.vocab["ineligible_rank"] if r in ctx.vocab["rank"])
    person = recast(sub, target, rank, ctx.seed, level="provincial" if sub.orgs.kind == "provincial" else "city")
    return finding("ineligible_rank", sub, subject=person.name, field="rank",
                   message=f"{person.name} is {rank} ({person.unit_and_title}); 副厅级 and above may not be nominated")


def _bad_id(sub, ctx):
    rng = rngmod.stream(ctx.seed, "plant", "id")
    formal = [p for p in sub.individuals if "formal" in p.rounds]
    person = formal[min(1, len(formal) - 1)]      # not the first: that one already carries the 县处级 case
    person.id_number = people.id_number(person.id_number[:6], person.birth, person.gender, rng, valid=False)
    return finding("id_number_invalid", sub, subject=person.name, field="id_number",
                   message=f"{person.id_number}: ISO 7064 MOD 11-2 check character should be "
                           f"{people.id_check_char(person.id_number[:17])}")


def _unsealed(sub, ctx):
    person = next(p for p in sub.individuals if "formal" in p.rounds)
    person.opinions[("annex6", "recommender_opinion")].sealed = False
    return finding("unsealed_opinion", sub, subject=person.name, field="recommender_opinion", form="annex6",
                   message="推荐单位意见 signed and dated but not sealed")


def _publicity(sub, ctx):
    plan = sub.rounds["initial"]
    plan.publicity = [SHORT_PUBLICITY]
    return finding("publicity_period", sub, field="publicity", round="initial",
                   message="公示 2025-12-15..2025-12-17 lasts 3 working days; the notice requires 5")


def _not_initial(sub, ctx):
    rng = rngmod.stream(ctx.seed, "plant", "late-nominee")
    level = "provincial" if sub.orgs.kind == "provincial" else "county"
    person = add_individual(sub, level, rngmod.weighted(rng, posts.RANKS[level]), rng, rounds=("formal",))
    return finding("not_in_initial_round", sub, subject=person.name, round="formal",
                   message=f"{person.name} is nominated in the formal round but was not on the initial list")


def _late(sub, ctx):
    """The formal e-mail goes out the morning after the deadline (received date counts, notice 七)."""
    day = dt.date.fromisoformat(ctx.deadlines["formal"]) + dt.timedelta(days=1)
    sub.rounds["formal"].sent = dt.datetime.combine(day, dt.time(9, 12, 40))
    return finding("deadline_missed", sub, round="formal",
                   message=f"formal e-mail received {day.isoformat()}, deadline {ctx.deadlines['formal']}")


ROSTER_CASES = {"quota_exceeded": _quota, "county_rank_share": _county_share, "ineligible_rank": _ineligible,
                "id_number_invalid": _bad_id, "unsealed_opinion": _unsealed, "publicity_period": _publicity,
                "not_in_initial_round": _not_initial, "deadline_missed": _late}


@dataclass(frozen=True)
class Context:
    seed: int
    deadlines: dict         # models/units.json deadlines
    vocab: dict             # models/forms.json vocabularies (county_rank, ineligible_rank)


def plant_roster(assignment, seed, deadlines, vocab):
    """Apply the roster-level cases; returns their findings."""
    ctx = Context(seed, deadlines, vocab)
    return [ROSTER_CASES[case](sub, ctx) for case, sub in assignment.items() if case in ROSTER_CASES]


DIFF_FIELDS = {"annex6": "education", "annex5": "staff_count", "annex3": "phone", "annex2": "contact_phone"}


def changed_value(field_id, value, rng):
    """A plausible other value for a planted paper/e-mail or copy difference."""
    if field_id == "education":
        return "研究生" if value != "研究生" else "大学本科"
    if field_id == "staff_count":
        return value + rng.choice([-2, -1, 1, 3])
    return people.mobile(rng)
