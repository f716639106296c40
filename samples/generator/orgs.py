"""Organisations of a recommending unit: offices, departments, districts, seals.

The names matter to the rules: a county-level nominee works in a district or
county, a 市级 one in a city department, a 省直 one in a provincial
department's division; the seal on each opinion is the body that gives it.
"""
from dataclasses import dataclass

from .people import places

CITY_DEPARTMENTS = ["人民政府办公室", "数据局", "营商环境建设局", "自然资源局", "住房和城乡建设局", "教育局",
                    "卫生健康委员会", "司法局", "财政局", "民政局"]
CITY_CENTRES = ["12345政务服务便民热线中心", "政务服务中心", "信息中心"]
SECTIONS = ["政务公开科", "办公室", "综合科", "政策法规科", "信息科"]
PROVINCIAL_DIVISIONS = ["办公室", "政策法规处", "综合处", "政务公开处"]
PROVINCIAL_CENTRES = ["信息中心", "政务服务中心"]


@dataclass(frozen=True)
class Orgs:
    """Names of the bodies inside one recommending unit."""
    unit: str            # the recommending unit as in units.json: 鞍山市, 省财政厅
    kind: str            # city | shenfu | provincial
    full_name: str       # 鞍山市 / 辽宁省沈抚改革创新示范区 / 辽宁省财政厅
    office: str          # the body that seals the unit's opinions and reports
    discipline: str      # 纪检监察机关
    personnel: str       # 组织人事部门
    hrss: str            # 人社部门 (org opinion for collectives)
    districts: tuple     # county-level places (name, area code)
    phone_area: str
    postcode: str
    seat: str            # city the addresses are in

    def city_department(self, rng):
        if self.kind == "provincial":
            return self.full_name + rng.choice(PROVINCIAL_DIVISIONS)
        prefix = "沈抚示范区" if self.kind == "shenfu" else self.unit
        if self.kind == "shenfu":
            return prefix + rng.choice(["党政办公室", "营商环境建设局", "数据局", "社会事业局"])
        return prefix + rng.choice(CITY_DEPARTMENTS)

    def centre(self, rng):
        if self.kind == "provincial":
            return self.full_name + rng.choice(PROVINCIAL_CENTRES)
        prefix = "沈抚示范区" if self.kind == "shenfu" else self.unit
        return prefix + rng.choice(CITY_CENTRES)

    def district(self, rng):
        """A county-level place with the prefix it is written with (县级市 stand alone)."""
        name, code = rng.choice(self.districts)
        if self.kind == "shenfu":
            return "沈抚示范区" + rng.choice(["金枫街道", "丰远街道", "高湾街道"]), code
        return (name if name.endswith("市") else self.unit + name), code


def for_unit(unit):
    p = places()
    if unit.kind == "provincial":
        full = next((a for a in unit.aliases if a.startswith("辽宁省")), "辽宁" + unit.name)
        prov = p["province"]
        return Orgs(unit=unit.name, kind="provincial", full_name=full, office=full,
                    discipline=f"驻{unit.name.removeprefix('省')}纪检监察组", personnel=full + "人事处",
                    hrss=full + "人事处", districts=tuple(tuple(d) for d in p["cities"][prov["seat"]]["districts"]),
                    phone_area=prov["phone"], postcode=prov["postcode"], seat=prov["seat"])
    city = p["cities"][unit.name]
    if unit.name == "沈抚改革创新示范区":
        return Orgs(unit=unit.name, kind="shenfu", full_name="辽宁省沈抚改革创新示范区",
                    office="辽宁省沈抚改革创新示范区管理委员会", discipline="沈抚示范区纪检监察工作委员会",
                    personnel="沈抚示范区党群工作部", hrss="沈抚示范区社会事业局",
                    districts=tuple(tuple(d) for d in city["districts"]), phone_area=city["phone"],
                    postcode=city["postcode"], seat="沈抚示范区")
    return Orgs(unit=unit.name, kind="city", full_name=unit.name, office=f"{unit.name}人民政府办公室",
                discipline=f"中共{unit.name}纪律检查委员会", personnel=f"中共{unit.name}委组织部",
                hrss=f"{unit.name}人力资源和社会保障局",
                districts=tuple(tuple(d) for d in city["districts"]), phone_area=city["phone"],
                postcode=city["postcode"], seat=unit.name)
