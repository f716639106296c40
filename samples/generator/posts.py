"""Where a nominee works: unit, post and 职级, consistent with 所属层级.

The rules count 县处级 cadres and reject 副厅级 nominees by the printed rank,
so rank and post title are chosen together (a 副区长 is 县处级副职, a 科长
乡科级正职) and the level follows from the employing body.
"""
from .orgs import SECTIONS

RANKS = {
    "city": {"乡科级正职": 3, "乡科级副职": 2, "一级主任科员": 2, "二级主任科员": 2, "三级主任科员": 1,
             "四级主任科员": 1, "一级科员": 1, "管理岗八级": 1, "专技十级": 1},
    "county": {"乡科级正职": 3, "乡科级副职": 2, "一级主任科员": 1, "二级主任科员": 1, "三级主任科员": 1,
               "四级主任科员": 1, "一级科员": 1, "管理岗九级": 1, "专技十一级": 1},
    "provincial": {"一级主任科员": 3, "二级主任科员": 2, "三级调研员": 1, "四级调研员": 1, "专技八级": 1},
}


def county_ranks(level, vocabulary):
    """The 县处级 ranks (forms.json county_rank) a nominee of this level can hold: a county has no 县处级正职
    below its own head, and a provincial department's 处长 would be nominated as a 调研员 at most."""
    if level == "county":
        return [r for r in vocabulary if r != "县处级正职"]
    if level == "provincial":
        return [r for r in vocabulary if "调研员" in r]
    return list(vocabulary)


def _deputy_head(district):
    return "副" + {"区": "区长", "县": "县长", "市": "市长"}.get(district[-1], "主任")


def post(orgs, level, rank, rng):
    """(employing unit, post title) for a nominee of this level and rank."""
    section = rng.choice(SECTIONS)
    if level == "county":
        district, _ = orgs.district(rng)
        office = district + ("人民政府办公室" if district[-1] in "区县市" else "办事处")
        if rank == "乡科级正职":
            return office, "主任"
        if rank == "乡科级副职":
            return office, "副主任"
        if rank == "县处级副职":
            return district + ("人民政府" if district[-1] in "区县市" else "办事处"), \
                _deputy_head(district) if district[-1] in "区县市" else "主任"
        if rank.startswith(("管理岗", "专技")):
            return district + "政务服务中心", "综合科科长" if rank.startswith("管理岗") else "工程师"
        return office, rank.replace("一级科员", "科员")
    body = orgs.city_department(rng)
    if rank == "厅局级副职":
        return {"provincial": (orgs.full_name, "党组成员、副厅长"),
                "shenfu": ("辽宁省沈抚改革创新示范区管理委员会", "副主任")}.get(orgs.kind, (f"{orgs.unit}人民政府", "副市长"))
    if rank == "县处级正职":
        return orgs.centre(rng), "主任"
    if rank == "县处级副职":
        return body, "副局长" if body.endswith("局") else "副主任"
    if rank in ("一级调研员", "二级调研员", "三级调研员", "四级调研员"):
        return body, rank
    if rank.startswith(("管理岗", "专技")):
        return orgs.centre(rng), "综合科科长" if rank.startswith("管理岗") else (
            "高级工程师" if rank in ("专技七级", "专技八级") else "工程师")
    division = section.replace("科", "处") if orgs.kind == "provincial" else section
    if rank == "乡科级正职":
        return body + ("" if division == "办公室" else division), "主任" if division == "办公室" else "科长"
    if rank == "乡科级副职":
        return body + ("" if division == "办公室" else division), "副主任" if division == "办公室" else "副科长"
    return body + division, rank.replace("一级科员", "科员")


def collective(orgs, level, rng):
    """(unit name, 单位性质) of a collective nominee; never a county-or-higher government itself (notice 三)."""
    if level == "provincial":
        return rng.choice([(orgs.full_name + "办公室", "内设机构"), (orgs.full_name + "政务公开处", "内设机构"),
                           (orgs.centre(rng), "事业单位")])
    if level == "county":
        district, _ = orgs.district(rng)
        if district[-1] not in "区县市":
            return district + "办事处", "行政机关"
        return rng.choice([(district + "人民政府办公室", "行政机关"), (district + "政务服务中心", "事业单位"),
                           (district + "数据局", "行政机关")])
    dept = orgs.city_department(rng)
    return rng.choice([(dept + "政务公开科", "内设机构"), (orgs.centre(rng), "事业单位"), (dept + "办公室", "内设机构")])
