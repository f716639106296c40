"""Who each recommending unit nominates, and when it does what.

A Submission is the plain data behind one unit's two rounds: its nominees
(with the values the forms will print), its working group (附件9), its
publicity periods, report and opinion dates and the time its e-mails go out.
Planted rule cases (rules.py) edit this data before any document exists.
"""
import datetime as dt
from dataclasses import dataclass, field

from . import people, posts, texts
from . import rng as rngmod
from .orgs import for_unit

INITIAL_PUBLICITY = [("2025-12-08", "2025-12-12"), ("2025-12-10", "2025-12-16"), ("2025-12-15", "2025-12-19")]
# The formal round's publicity follows the office's feedback after 2025-12-25; 2026-01-01..03 is a holiday, so
# every generated period is one plain Monday-to-Friday week and counts exactly 5 working days.
FORMAL_PUBLICITY = ("2026-01-05", "2026-01-09")
MEMBER_POSTS = [("组长", "人民政府副秘书长"), ("副组长", "人民政府办公室副主任"), ("副组长", "人力资源和社会保障局副局长"),
                ("成员", "纪委监委党风政风监督室主任"), ("成员", "委组织部干部一科科长"), ("成员", "数据局副局长"),
                ("成员", "营商环境建设局副局长"), ("成员", "司法局副局长"), ("办公室主任", "人民政府办公室政务公开科科长")]


@dataclass
class Opinion:
    text: str
    sealed: bool
    date: str
    seal: str                 # the body whose seal is stamped over the date
    seal_note: str = ""       # text under the star (专用章), often none

    def value(self):
        return {"text": self.text, "sealed": self.sealed, "date": self.date}


@dataclass
class Individual:
    key: str
    name: str
    gender: str
    birth: dt.date
    ethnicity: str
    native_place: str
    political_status: str
    education: str
    work_start: str
    unit: str
    title: str
    rank: str
    level: str
    phone: str
    id_number: str
    awards: str
    summary: str
    deeds: str
    rounds: tuple = ("initial", "formal")
    opinions: dict = field(default_factory=dict)   # (form id, field id) -> Opinion

    @property
    def unit_and_title(self):
        return self.unit + self.title


@dataclass
class Collective:
    key: str
    unit_name: str
    unit_type: str
    level: str
    head_name: str
    staff_count: int
    address: str
    postcode: str
    contact_name: str
    contact_phone: str
    awards: str
    summary: str
    deeds: str
    rounds: tuple = ("initial", "formal")
    opinions: dict = field(default_factory=dict)


@dataclass
class Member:
    name: str
    role: str
    unit_and_title: str
    phone: str


@dataclass
class RoundPlan:
    round: str
    publicity: list           # [(start, end)] as the work report states them
    publicity_where: str
    report_date: str
    opinion_date: str
    sent: dt.datetime         # when the e-mail leaves (its Date: header)


@dataclass
class Submission:
    unit: object              # models.Unit
    orgs: object              # orgs.Orgs
    contact_name: str
    contact_phone: str
    collectives: list
    individuals: list
    members: list
    rounds: dict              # round -> RoundPlan

    def nominees(self, round_, kind):
        pool = self.individuals if kind == "individual" else self.collectives
        return [n for n in pool if round_ in n.rounds]


@dataclass(frozen=True)
class Sizes:
    collectives: int
    individuals: int
    long_deeds: float         # share of formal nominees whose 主要事迹 runs 1000-2000 characters


def _weekday_after(day, rng, lo, hi):
    d = dt.date.fromisoformat(day) + dt.timedelta(days=rng.randint(lo, hi))
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d.isoformat()


def _work_start(birth, education, rng):
    age = {"研究生": 25, "硕士研究生": 25, "大学本科": 22, "大学": 22, "大专": 21, "中专": 19}[education]
    year = min(birth.year + age + rng.randint(0, 3), 2022)
    return f"{year}-{rng.choice([7, 7, 8, 9, 12, 3]):02d}"


def _slots(orgs, **extra):
    scope = {"city": "全市", "shenfu": "全区", "provincial": "全厅"}[orgs.kind]
    place = "全省" if orgs.kind == "provincial" else orgs.unit
    return dict(scope=scope, place=place, year0=2021, **extra)


def new_individual(sub_key, index, orgs, level, rank, rng, long_deeds, rare_name=False):
    gender = rng.choice(["男", "女"])
    birth = people.birth_date(rng)
    education = rngmod.weighted(rng, people.EDUCATION)
    unit, title = posts.post(orgs, level, rank, rng)
    name = people.name(gender, rng, rare=rare_name)
    work_start = _work_start(birth, education, rng)
    slots = _slots(orgs, name=name, pronoun="他" if gender == "男" else "她", unit_and_title=unit + title,
                   work_year=work_start[:4], duty_year=max(int(work_start[:4]), 2015) + rng.randint(0, 4))
    target = rng.randint(1100, 2000) if long_deeds else rng.randint(450, 900)
    return Individual(
        key=f"{sub_key}/p{index:02d}", name=name, gender=gender, birth=birth,
        ethnicity=rngmod.weighted(rng, people.ETHNICITIES), native_place=people.native_place(rng),
        political_status=rngmod.weighted(rng, people.POLITICAL), education=education, work_start=work_start,
        unit=unit, title=title, rank=rank, level=level,
        phone=people.mobile(rng) if rng.random() < 0.7 else people.landline(orgs.phone_area, rng),
        id_number=people.id_number(rng.choice(people.area_codes()), birth, gender, rng),
        awards=texts.awards("individual", slots, rng, rng.choice([0, 1, 1, 2, 3])),
        summary=texts.summary("individual", slots, rng, 480), deeds=texts.deeds("individual", slots, rng, target))


def new_collective(sub_key, index, orgs, level, rng, long_deeds):
    unit_name, unit_type = posts.collective(orgs, level, rng)
    staff = rng.randint(6, 40) if unit_type != "事业单位" else rng.randint(30, 160)
    p = people.places()
    slots = _slots(orgs, unit=unit_name, staff=staff)
    target = rng.randint(1100, 2000) if long_deeds else rng.randint(500, 950)
    return Collective(
        key=f"{sub_key}/c{index:02d}", unit_name=unit_name, unit_type=unit_type, level=level,
        head_name=people.name(rng.choice(["男", "女"]), rng), staff_count=staff,
        address=f"{orgs.seat}{rng.choice(p['streets'])}{rng.randint(1, 299)}号",
        postcode=orgs.postcode[:4] + f"{rng.randint(0, 99):02d}",
        contact_name=people.name(rng.choice(["男", "女"]), rng),
        contact_phone=people.landline(orgs.phone_area, rng),
        awards=texts.awards("collective", slots, rng, rng.choice([0, 1, 2, 3])),
        summary=texts.summary("collective", slots, rng, 480), deeds=texts.deeds("collective", slots, rng, target))


def _levels(orgs, count, rng):
    if orgs.kind == "provincial":
        return ["provincial"] * count
    return [rng.choice(["city", "county", "county"]) for _ in range(count)]


def _members(orgs, rng):
    rows = MEMBER_POSTS[:rng.randint(6, len(MEMBER_POSTS) - 1)] + [MEMBER_POSTS[-1]]
    prefix = {"city": orgs.unit, "shenfu": "沈抚示范区", "provincial": orgs.full_name}[orgs.kind]
    members = []
    for role, post in rows:
        if orgs.kind == "provincial":
            post = {"组长": "副厅长", "办公室主任": "办公室主任"}.get(role, rng.choice(["办公室副主任", "人事处处长",
                                                                                    "政策法规处处长", "机关纪委书记"]))
        members.append(Member(name=people.name(rng.choice(["男", "女"]), rng), role=role,
                              unit_and_title=prefix + post.removeprefix("人民政府") if orgs.kind != "city" else prefix + post,
                              phone=people.landline(orgs.phone_area, rng)))
    return members


def _opinions(nominee, kind, sub, rng):
    """The sealed opinions on each form of a nominee (FORMS.md: opinion = text + seal + date)."""
    orgs, initial, formal = sub.orgs, sub.rounds["initial"], sub.rounds["formal"]
    own = nominee.unit if kind == "individual" else nominee.unit_name
    first_level = own if nominee.level == "county" or orgs.kind == "provincial" else orgs.office
    early = _weekday_after("2025-12-29", rng, 0, 8)

    def op(fid, seal, date, note=""):
        return Opinion(texts.opinion(fid, kind, rng), True, date, seal, note)

    annex_initial, annex_formal, annex_opinions = ("annex3", "annex6", "annex8") if kind == "individual" \
        else ("annex2", "annex5", "annex7")
    nominee.opinions = {
        (annex_initial, "recommender_opinion"): op("recommender_opinion", orgs.office, initial.opinion_date),
        (annex_formal, "recommender_opinion"): op("recommender_opinion", _seal_body(first_level), formal.opinion_date),
        (annex_formal, "supervisor_opinion"): op("supervisor_opinion", orgs.office, formal.opinion_date),
        (annex_opinions, "discipline_opinion"): op("discipline_opinion", orgs.discipline, early),
        (annex_opinions, "org_opinion"): op("org_opinion", orgs.personnel if kind == "individual" else orgs.hrss, early,
                                            rng.choice(["", "", "干部人事专用章"])),
    }
    if kind == "collective":
        nominee.opinions[("annex7", "supervisor_opinion")] = op("supervisor_opinion", orgs.office, early)


def _seal_body(unit):
    """Sections have no seal of their own: the body above them stamps (科 -> its 局/办公室)."""
    for suffix in ("政务公开科", "政务公开处", "政策法规科", "政策法规处", "综合科", "综合处", "信息科", "信息处"):
        if unit.endswith(suffix):
            return unit.removesuffix(suffix)
    return unit


def _round_plan(round_, orgs, deadline, rng):
    if round_ == "initial":
        start, end = rng.choice(INITIAL_PUBLICITY)
        where = rng.choice(texts.report_pool()["where"]["initial"])
    else:
        start, end = FORMAL_PUBLICITY
        where = rng.choice(texts.report_pool()["where"]["formal"]).format(unit=orgs.full_name)
    opinion_date = _weekday_after(end, rng, 0 if round_ == "formal" else 1, 2)
    report_date = _weekday_after(opinion_date, rng, 0, 1)
    sent_day = min(_weekday_after(report_date, rng, 0, 2), deadline)
    sent = dt.datetime.fromisoformat(sent_day).replace(hour=rng.randint(8, 17), minute=rng.randint(0, 59),
                                                       second=rng.randint(0, 59))
    return RoundPlan(round=round_, publicity=[(start, end)], publicity_where=where, report_date=report_date,
                     opinion_date=opinion_date, sent=sent)


def build(unit, sizes, deadlines, seed):
    """A Submission of `unit` with sizes.collectives / sizes.individuals nominees in both rounds.

    deadlines: {round: 'YYYY-MM-DD'} from models/units.json; every e-mail goes out by then.
    """
    rng = rngmod.stream(seed, "roster", unit.name)
    orgs = for_unit(unit)
    sub = Submission(unit=unit, orgs=orgs, contact_name=people.name(rng.choice(["男", "女"]), rng),
                     contact_phone=people.landline(orgs.phone_area, rng), collectives=[], individuals=[],
                     members=_members(orgs, rng),
                     rounds={r: _round_plan(r, orgs, deadlines[r], rng) for r in ("initial", "formal")})
    for i, level in enumerate(_levels(orgs, sizes.collectives, rng)):
        sub.collectives.append(new_collective(unit.name, i + 1, orgs, level, rng, i == 0 or rng.random() < sizes.long_deeds))
    for i, level in enumerate(_levels(orgs, sizes.individuals, rng)):
        add_individual(sub, level, rngmod.weighted(rng, posts.RANKS["provincial" if level == "provincial" else level]),
                       rng, long_deeds=i == 0 or rng.random() < sizes.long_deeds, rare_name=i == 1)
    for c in sub.collectives:
        _opinions(c, "collective", sub, rng)
    return sub


def add_individual(sub, level, rank, rng, long_deeds=False, rare_name=False, rounds=("initial", "formal")):
    person = new_individual(sub.unit.name, len(sub.individuals) + 1, sub.orgs, level, rank, rng, long_deeds, rare_name)
    person.rounds = rounds
    _opinions(person, "individual", sub, rng)
    sub.individuals.append(person)
    return person


def recast(sub, person, rank, seed, level=None):
    """The same nominee slot re-drawn with another rank (and level): post, title and prose must agree with it."""
    rng = rngmod.stream(seed, "recast", person.key, rank)
    index = int(person.key.rsplit("/p", 1)[1])
    fresh = new_individual(sub.unit.name, index, sub.orgs, level or person.level, rank, rng,
                           long_deeds=len(person.deeds) > 1000)
    fresh.rounds = person.rounds
    _opinions(fresh, "individual", sub, rng)
    sub.individuals[sub.individuals.index(person)] = fresh
    return fresh
