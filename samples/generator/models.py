"""The project's form and unit models (models/forms.json, models/units.json).

The generator prints exactly the titles, labels and field ids the pipeline
reads, and plants quota and deadline cases against the same table the rules
check, so both come from these files and are never restated here.
"""
import json
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Field:
    id: str
    labels: tuple
    type: str
    required: bool
    max_chars: int = 0
    blank_on_submission: bool = False


@dataclass(frozen=True)
class Form:
    id: str
    annex: int
    round: str
    kind: str
    layout: str
    title: str
    fields: tuple
    columns: tuple
    photo_box: bool


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str          # city | provincial (沈抚 is a city in the quota table)
    aliases: tuple
    quota_collective: int
    quota_individual: int


def _field(d):
    return Field(id=d["id"], labels=tuple(d["labels"]), type=d["type"], required=d["required"],
                 max_chars=d.get("max_chars", 0), blank_on_submission=d.get("blank_on_submission", False))


class Forms:
    def __init__(self, path=None):
        doc = json.loads(Path(path or REPO_ROOT / "models" / "forms.json").read_text(encoding="utf-8"))
        self.vocab = doc["vocabularies"]
        self.by_id = {}
        for f in doc["forms"]:
            self.by_id[f["id"]] = Form(
                id=f["id"], annex=f["annex"], round=f["round"], kind=f["kind"], layout=f["layout"],
                title=f["title"], fields=tuple(_field(x) for x in f["fields"]),
                columns=tuple(_field(x) for x in f.get("columns", [])), photo_box=f.get("photo_box", False))

    def __getitem__(self, form_id):
        return self.by_id[form_id]

    def level_label(self, level):
        """The printed 所属层级 for a normalised level (provincial -> 省直)."""
        return next(k for k, v in self.vocab["level"].items() if v == level)


class Units:
    def __init__(self, path=None):
        doc = json.loads(Path(path or REPO_ROOT / "models" / "units.json").read_text(encoding="utf-8"))
        self.deadlines = doc["deadlines"]
        self.units = [Unit(name=u["name"], kind=u["kind"], aliases=tuple(u["aliases"]),
                           quota_collective=u["quota"]["collective"], quota_individual=u["quota"]["individual"])
                      for u in doc["units"]]

    def by_name(self, name):
        return next(u for u in self.units if u.name == name)


def load_data(name):
    """One of the generator's own inputs in data/ (places, phrase pools)."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
