"""Fake but plausible people: names, ID numbers, birth dates, phones.

ID numbers follow GB 11643: a Liaoning area code (21xxxx), the birth date, a
sequence whose last digit is odd for men and even for women, and the ISO 7064
MOD 11-2 check character, so the cross-checks of FORMS.md hold unless a case
is planted on purpose.
"""
import datetime as dt

from . import rng as rngmod
from .models import load_data

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

SURNAMES = {"王": 10, "李": 10, "张": 10, "刘": 9, "陈": 6, "杨": 6, "赵": 6, "黄": 3, "周": 4, "吴": 4, "徐": 4,
            "孙": 5, "胡": 3, "朱": 3, "高": 5, "林": 2, "何": 2, "郭": 3, "马": 4, "罗": 2, "梁": 3, "宋": 3,
            "郑": 2, "谢": 2, "韩": 4, "唐": 2, "冯": 2, "于": 4, "董": 3, "程": 2, "曹": 2, "袁": 2, "邓": 2,
            "许": 2, "沈": 2, "曾": 1, "彭": 1, "吕": 2, "苏": 2, "蒋": 1, "蔡": 1, "贾": 2, "丁": 2, "魏": 2,
            "薛": 1, "姜": 3, "范": 2, "石": 2, "谭": 1, "金": 2, "关": 2, "佟": 1, "那": 1, "白": 2, "崔": 2,
            "欧阳": 1, "司马": 1}
GIVEN = {
    "男": "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆峰博文志国建东海洋春雷晨阳宏亮成龙振",
    "女": "芳娜敏静丽艳娟霞秀英玲燕萍红琳颖雪慧莹倩婷欣悦佳晶蕾薇丹琪梅兰雅洁颖璐婧楠",
}
# Names with characters outside GB2312 (still in GBK): real rosters have them and they stress OCR and mail charsets.
RARE_GIVEN = {"男": ["喆", "堃", "昇", "赟", "镕"], "女": ["玥", "琍", "珺", "媛媛", "喆"]}
ETHNICITIES = {"汉族": 80, "满族": 10, "蒙古族": 3, "回族": 3, "朝鲜族": 2, "锡伯族": 2}
POLITICAL = {"中共党员": 80, "群众": 6, "中共预备党员": 2, "民盟盟员": 2, "九三学社社员": 1, "无党派人士": 2}
EDUCATION = {"大学本科": 40, "大学": 20, "研究生": 12, "硕士研究生": 8, "大专": 8, "中专": 1}

_PLACES = load_data("places.json")


def id_check_char(first17):
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def id_number(area, birth, gender, rng, valid=True):
    """An 18-char ID number; valid=False plants a wrong check character."""
    seq = rng.randrange(0, 100) * 10 + rng.choice([1, 3, 5, 7, 9] if gender == "男" else [0, 2, 4, 6, 8])
    first17 = f"{area}{birth.strftime('%Y%m%d')}{seq:03d}"
    check = id_check_char(first17)
    if not valid:
        check = ID_CHECK[(ID_CHECK.index(check) + rng.randrange(1, 11)) % 11]
    return first17 + check


def name(gender, rng, rare=False):
    surname = rngmod.weighted(rng, SURNAMES)
    if rare:
        return surname + rng.choice(RARE_GIVEN[gender])
    pool = GIVEN[gender]
    given = rng.choice(pool) if rng.random() < 0.3 else rng.choice(pool) + rng.choice(pool)
    return surname + given


def birth_date(rng, youngest=1996, oldest=1968):
    start = dt.date(oldest, 1, 1).toordinal()
    end = dt.date(youngest, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def mobile(rng):
    prefix = rng.choice(["130", "131", "133", "135", "137", "138", "139", "150", "152", "158", "159", "186", "188", "189"])
    return prefix + "".join(str(rng.randrange(10)) for _ in range(8))


def landline(area_code, rng):
    digits = 8 if area_code in ("024", "0411") else 7
    return f"{area_code}-" + str(rng.randrange(2, 9)) + "".join(str(rng.randrange(10)) for _ in range(digits - 1))


def area_codes():
    """All Liaoning county area codes of places.json."""
    return [code for city in _PLACES["cities"].values() for _, code in city["districts"]]


def native_place(rng):
    np_ = _PLACES["native_places"]
    province = rngmod.weighted(rng, np_["weights"])
    if province == "辽宁":
        city = rng.choice([c for c in _PLACES["cities"] if c.endswith("市")])
        return "辽宁" + city.removesuffix("市")
    return province + rng.choice(np_["cities"][province])


def places():
    return _PLACES
