"""Unit tests of scripts/eval_scoring.py (the scoring behind scripts/eval and docs/ACCURACY.md).

Hand-made truth and export dicts in the shapes of docs/SAMPLES.md (truth.json) and ../shared/EXPORT.md, small
enough that every expected number can be checked by eye. Standard library only; run from this folder with
`/usr/bin/python3 -m unittest -v test_eval_scoring`.
"""
import copy
import json
import os
import sys
import tempfile
import unittest
from pathlib import Path

SOURCE = Path(os.environ.get("INTAKE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(SOURCE / "scripts"))
import eval_scoring as scoring  # noqa: E402

FIELD_TYPES = scoring.load_field_types(json.loads((SOURCE / "models" / "forms.json").read_text(encoding="utf-8")))
ROOT = "eval-out/seed-1"
TIF = "paper/鞍山市/formal/batch1.tif"
ID_NUMBER = "21030219850315054X"
PHONE = "13812340547"


def page(file, number, document, document_page, defect, copy_number=1):
    return {"file": file, "page": number, "document": document, "document_page": document_page,
            "copy": copy_number, "role": "first" if document else "blank", "defect": defect}


def annex6_truth():
    """One 附件6 on pages 3-4 of a TIFF (light, then heavy), a blank back on page 5."""
    fields = {
        "name": {"value": "王晓梅", "page": 1},
        "birth": {"value": "1985-03", "page": 1},
        "id_number": {"value": ID_NUMBER, "page": 1},
        "awards": {"value": None, "page": 1},
        "deeds": {"value": "二〇二五年，她牵头建立政务公开工作台账。\n全年主动公开政府信息一千条。", "page": 1},
        "recommender_opinion": {"value": {"text": "同意推荐。", "sealed": True, "date": "2026-01-08"}, "page": 2},
        "office_opinion": {"value": None, "page": 2},
    }
    document = {"id": 7, "ref": "鞍山市/formal/annex6/王晓梅", "form": "annex6", "round": "formal",
                "channel": "paper", "recommender": "鞍山市", "subject": "王晓梅", "copies": 1,
                "files": [{"file": TIF, "pages": [3, 4], "copy": 1}], "page_count": 2,
                "page_roles": ["first", "continuation"], "fields": fields}
    email = dict(document, id=8, channel="email", files=[{"file": "electronic/x.pdf", "pages": [1, 2]}])
    pages = [page(TIF, 3, 7, 1, "light"), page(TIF, 4, 7, 2, "heavy"), page(TIF, 5, None, 2, "medium")]
    return {"schema": "intake.truth/1", "documents": [document, email], "pages": pages}


def perfect_export(truth, root=ROOT):
    """An export that read every paper document of `truth` right, from its first copy, all fields ok."""
    documents = []
    for number, document in enumerate(scoring.paper_documents(truth), 1):
        first = document["files"][0]
        fields = {field_id: {"value": copy.deepcopy(field["value"]),
                             "status": "missing" if field["value"] is None else "ok"}
                  for field_id, field in document["fields"].items()}
        documents.append({"id": number, "form": document["form"], "round": document["round"], "channel": "paper",
                          "recommender": document["recommender"], "copies": document["copies"],
                          "source": {"file": os.path.join(root, first["file"]), "pages": list(first["pages"])},
                          "fields": fields})
    return {"schema": "intake.export/1", "documents": documents}


def score(truth, export, root=ROOT):
    return scoring.score_packet(truth, export, root, FIELD_TYPES)


def record(result, field):
    found = [r for r in result["records"] if r["field"] == field]
    assert len(found) == 1, (field, found)
    return found[0]


class LevenshteinTest(unittest.TestCase):
    def test_distances(self):
        self.assertEqual(scoring.levenshtein("", ""), 0)
        self.assertEqual(scoring.levenshtein("", "abc"), 3)
        self.assertEqual(scoring.levenshtein("kitten", "sitting"), 3)
        self.assertEqual(scoring.levenshtein("sitting", "kitten"), 3)
        self.assertEqual(scoring.levenshtein("政务公开工作", "政务公开王作"), 1)
        self.assertEqual(scoring.levenshtein("政务公开", "政务公开工作"), 2)
        self.assertEqual(scoring.levenshtein("abcdef", "azced"), 3)

    def test_matches_a_naive_table(self):
        def naive(a, b):
            row = list(range(len(b) + 1))
            for i, char_a in enumerate(a, 1):
                previous, row = row, [i]
                for j, char_b in enumerate(b, 1):
                    row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
            return row[-1]

        words = ["", "a", "ab", "ba", "abab", "baba", "aabb", "bbbaaa", "abcabc", "cabbac"]
        for a in words:
            for b in words:
                self.assertEqual(scoring.levenshtein(a, b), naive(a, b), (a, b))

    def test_char_accuracy_ignores_whitespace_and_floors_at_zero(self):
        self.assertEqual(scoring.char_accuracy("同意\n推荐。", "同意推荐。"), 1.0)
        self.assertAlmostEqual(scoring.char_accuracy("同意推存。", "同意推荐。"), 0.8)
        self.assertEqual(scoring.char_accuracy("完全不同的很长很长的一段文字", "同意"), 0.0)
        self.assertEqual(scoring.char_accuracy("", ""), 1.0)


class FieldScoringTest(unittest.TestCase):
    def setUp(self):
        self.truth = annex6_truth()
        self.export = perfect_export(self.truth)
        self.fields = self.export["documents"][0]["fields"]

    def test_perfect_export_is_all_right(self):
        result = score(self.truth, self.export)
        totals = scoring.summarise(result["records"])
        # 5 plain fields + 2 opinions of 3 parts each.
        self.assertEqual(totals["count"], 11)
        self.assertEqual(totals["exact"], 11)
        self.assertEqual(totals["wrong_but_ok"], 0)
        self.assertEqual(totals["char_accuracy"], 1.0)
        self.assertEqual(result["documents"]["fields_unscored"], 0)

    def test_ok_but_wrong_value_is_wrong_but_ok(self):
        self.fields["birth"] = {"value": "1985-08", "status": "ok"}
        result = score(self.truth, self.export)
        birth = record(result, "birth")
        self.assertFalse(birth["exact"])
        self.assertFalse(birth["right"])
        totals = scoring.summarise(result["records"])
        self.assertEqual(totals["wrong_but_ok"], 1)
        self.assertAlmostEqual(totals["wrong_but_ok_rate"], 1 / totals["ok"])

    def test_review_is_counted_and_not_wrong_but_ok(self):
        self.fields["name"] = {"value": "王晓海", "status": "review"}
        result = score(self.truth, self.export)
        totals = scoring.summarise(result["records"])
        self.assertEqual(totals["review"], 1)
        self.assertEqual(totals["wrong_but_ok"], 0)
        self.assertEqual(totals["exact"], totals["count"] - 1)

    def test_null_truth_wants_a_blank(self):
        self.fields["awards"] = {"value": None, "status": "missing"}
        self.assertTrue(record(score(self.truth, self.export), "awards")["right"])
        del self.fields["awards"]
        self.assertTrue(record(score(self.truth, self.export), "awards")["right"])
        self.fields["awards"] = {"value": "2019年获奖", "status": "ok"}
        awards = record(score(self.truth, self.export), "awards")
        self.assertFalse(awards["right"])
        self.assertFalse(awards["missing_but_present"])

    def test_missing_but_present(self):
        self.fields["birth"] = {"value": None, "status": "missing"}
        del self.fields["name"]
        result = score(self.truth, self.export)
        self.assertTrue(record(result, "birth")["missing_but_present"])
        self.assertTrue(record(result, "name")["missing_but_present"])
        self.assertEqual(record(result, "name")["status"], "absent")

    def test_opinion_is_split_in_three(self):
        self.fields["recommender_opinion"] = {
            "value": {"text": "同意推存。", "sealed": False, "date": "2026-01-08"}, "status": "ok"}
        result = score(self.truth, self.export)
        text = record(result, "recommender_opinion.text")
        self.assertEqual(text["type"], "opinion_text")
        self.assertTrue(text["long"])
        self.assertEqual((text["char_errors"], text["chars"]), (1, 5))
        sealed = record(result, "recommender_opinion.sealed")
        self.assertEqual(sealed["type"], "opinion_sealed")
        self.assertFalse(sealed["right"])
        date = record(result, "recommender_opinion.date")
        self.assertEqual(date["type"], "opinion_date")
        self.assertTrue(date["right"])
        # A blank opinion read as blank is right in all three parts, whether null or an empty unsealed opinion.
        self.assertTrue(all(record(result, "office_opinion." + part)["right"] for part in ("text", "sealed", "date")))
        self.fields["office_opinion"] = {"value": {"text": "", "sealed": False, "date": None}, "status": "missing"}
        result = score(self.truth, self.export)
        parts = [record(result, "office_opinion." + part) for part in ("text", "sealed", "date")]
        self.assertTrue(all(part["right"] and not part["missing_but_present"] for part in parts))

    def test_unsealed_opinion_is_not_blank(self):
        opinion = {"text": "同意推荐。", "sealed": False, "date": "2026-01-08"}
        self.truth["documents"][0]["fields"]["recommender_opinion"]["value"] = opinion
        self.fields["recommender_opinion"] = {"value": dict(opinion, sealed=None), "status": "ok"}
        sealed = record(score(self.truth, self.export), "recommender_opinion.sealed")
        self.assertFalse(sealed["right"])
        self.assertTrue(sealed["missing_but_present"])

    def test_long_text_character_accuracy(self):
        deeds = self.truth["documents"][0]["fields"]["deeds"]["value"]
        self.fields["deeds"] = {"value": deeds.replace("台账", "台帐"), "status": "ok"}
        result = score(self.truth, self.export)
        long_text = record(result, "deeds")
        self.assertFalse(long_text["exact"])
        # One character in 33: below the 98 % that makes a long text right, so an ok here is wrong-but-ok.
        self.assertEqual(long_text["char_errors"], 1)
        self.assertFalse(long_text["right"])
        stats = scoring.summarise([long_text])
        self.assertAlmostEqual(stats["char_accuracy"], 1 - 1 / long_text["chars"])

    def test_defect_level_comes_from_the_fields_page(self):
        result = score(self.truth, self.export)
        self.assertEqual(record(result, "name")["defect"], "light")
        self.assertEqual(record(result, "recommender_opinion.date")["defect"], "heavy")
        by_defect = scoring.aggregate(result["records"], lambda r: r["defect"])
        self.assertEqual(list(by_defect), ["light", "heavy"])
        self.assertEqual(by_defect["heavy"]["count"], 6)

    def test_wrong_form_is_not_scored(self):
        self.export["documents"][0]["form"] = "annex3"
        result = score(self.truth, self.export)
        self.assertEqual(result["records"], [])
        self.assertEqual(result["documents"]["found"], 1)
        self.assertEqual(result["documents"]["form_right"], 0)
        self.assertEqual(result["documents"]["fields_unscored"], 11)


class RowsTest(unittest.TestCase):
    def setUp(self):
        rows = [{"seq": 1, "name": "梁振帆", "role": "组长", "unit_and_title": "市政府副秘书长", "phone": "0421-7110595"},
                {"seq": 2, "name": "孙琳", "role": "成员", "unit_and_title": "市政府办公室副主任", "phone": None}]
        self.truth = {"documents": [{"id": 1, "form": "annex9", "round": "initial", "channel": "paper",
                                     "recommender": "朝阳市", "copies": 1,
                                     "files": [{"file": TIF, "pages": [1], "copy": 1}],
                                     "fields": {"rows": {"value": rows, "page": 1}}}],
                      "pages": [page(TIF, 1, 1, 1, "medium")]}
        self.export = perfect_export(self.truth)
        self.rows = self.export["documents"][0]["fields"]["rows"]

    def test_rows_matched_by_seq_in_any_order(self):
        self.rows["value"].reverse()
        result = score(self.truth, self.export)
        self.assertEqual(len(result["records"]), 10)
        self.assertTrue(all(r["right"] for r in result["records"]))
        self.assertEqual(record_of_row(result, "rows.phone", 0)["type"], "phone")
        self.assertEqual(record_of_row(result, "rows.role", 0)["type"], "member_role")

    def test_rows_without_seq_matched_by_position(self):
        for row in self.rows["value"]:
            del row["seq"]
        result = score(self.truth, self.export)
        wrong = [r["field"] for r in result["records"] if not r["right"]]
        self.assertEqual(wrong, ["rows.seq", "rows.seq"])

    def test_row_not_read_and_extra_row(self):
        self.rows["value"] = [self.rows["value"][0], dict(self.rows["value"][1], seq=9)]
        result = score(self.truth, self.export)
        second = [r for r in result["records"] if r["truth"] in ("孙琳", "市政府办公室副主任")]
        self.assertTrue(all(r["status"] == "absent" and r["missing_but_present"] for r in second))
        self.assertEqual(result["documents"]["extra_rows"], 1)

    def test_cell_status_overrides_rows_status(self):
        self.rows["value"][0]["name"] = {"value": "梁振凡", "status": "review"}
        result = score(self.truth, self.export)
        name = record_of_row(result, "rows.name", 0)
        self.assertEqual(name["status"], "review")
        self.assertEqual(scoring.summarise(result["records"])["wrong_but_ok"], 0)

    def test_a_cells_own_status_comes_from_rows_cells(self):
        # intake's export: rows.value as EXPORT.md shows it, each cell's provenance and status beside it in
        # rows.cells; the table's status is its worst cell's.
        self.rows["value"][0]["name"] = "梁振凡"
        self.rows["status"] = "review"
        self.rows["cells"] = [{column: {"value": value, "status": "ok"} for column, value in row.items()}
                              for row in self.rows["value"]]
        self.rows["cells"][1]["role"]["status"] = "review"
        result = score(self.truth, self.export)
        self.assertEqual(record_of_row(result, "rows.name", 0)["status"], "ok")
        self.assertEqual(record_of_row(result, "rows.role", 1)["status"], "review")
        self.assertEqual(scoring.summarise(result["records"])["wrong_but_ok"], 1)  # 梁振凡 claims ok


def record_of_row(result, field, index):
    return [r for r in result["records"] if r["field"] == field][index]


class ReportTest(unittest.TestCase):
    def test_publicity_is_a_set_of_periods(self):
        periods = [{"start": "2025-12-15", "end": "2025-12-19"}, {"start": "2026-01-05", "end": "2026-01-09"}]
        right = scoring.score_value("publicity_list", periods, list(reversed(periods)), "ok")
        self.assertTrue(right["exact"])
        wrong = scoring.score_value("publicity_list", periods, periods[:1], "ok")
        self.assertFalse(wrong["exact"])

    def test_integer_read_with_unit_text_is_compared_as_number(self):
        self.assertTrue(scoring.score_value("integer", 32, "32", "ok")["exact"])
        self.assertFalse(scoring.score_value("integer", 32, "32人", "ok")["exact"])


class MatchingTest(unittest.TestCase):
    def jpeg_truth(self):
        """A two-page 附件5 scanned as single-page JPEGs: one copy spread over two files."""
        files = [{"file": "paper/朝阳市/formal/batch3_001.jpg", "pages": [1], "copy": 1},
                 {"file": "paper/朝阳市/formal/batch3_002.jpg", "pages": [1], "copy": 1}]
        document = {"id": 3, "form": "annex5", "round": "formal", "channel": "paper", "recommender": "朝阳市",
                    "copies": 1, "files": files, "fields": {"unit_name": {"value": "北票市人民政府办公室", "page": 2}}}
        pages = [page(f["file"], 1, 3, n, defect) for n, (f, defect) in enumerate(zip(files, ["light", "heavy"]), 1)]
        return {"documents": [document], "pages": pages}

    def test_multi_file_parts_document(self):
        truth = self.jpeg_truth()
        export = perfect_export(truth)
        document = export["documents"][0]
        document["parts"] = [{"file": os.path.join(ROOT, f["file"]), "pages": f["pages"]}
                             for f in truth["documents"][0]["files"]]
        result = score(truth, export)
        self.assertEqual(result["documents"]["pages_exact"], 1)
        self.assertEqual(record(result, "unit_name")["defect"], "heavy")
        # Without parts the document cites only its first file: found, but not grouped exactly.
        del document["parts"]
        result = score(truth, export)
        self.assertEqual((result["documents"]["found"], result["documents"]["pages_exact"]), (1, 0))

    def test_five_copies_merged_or_not(self):
        truth = annex6_truth()
        document = truth["documents"][0]
        document["copies"] = 2
        document["files"].append({"file": TIF, "pages": [13, 14], "copy": 2})
        export = perfect_export(truth)
        export["documents"][0]["copies"] = 2
        result = score(truth, export)
        self.assertEqual(result["documents"]["pages_exact"], 1)
        self.assertEqual(result["documents"]["copies_right"], 1)
        # The second copy as its own export document: extra, not a second find.
        second = copy.deepcopy(export["documents"][0])
        second.update({"id": 2, "copies": 1, "source": {"file": os.path.join(ROOT, TIF), "pages": [13, 14]}})
        export["documents"][0]["copies"] = 1
        export["documents"].append(second)
        counts = score(truth, export)["documents"]
        self.assertEqual((counts["found"], counts["extra_export"], counts["copies_right"]), (1, 1, 0))

    def test_unmatched_spurious_and_blank_documents(self):
        truth = annex6_truth()
        export = {"documents": [
            {"id": 1, "form": "unknown", "channel": "paper", "source": {"file": os.path.join(ROOT, TIF), "pages": [5]}},
            {"id": 2, "form": "unknown", "channel": "paper", "source": {"file": os.path.join(ROOT, TIF), "pages": [9]}},
            {"id": 3, "form": "annex6", "channel": "email", "source": {"file": "x.pdf", "pages": [1]}},
        ]}
        counts = score(truth, export)["documents"]
        self.assertEqual(counts["truth"], 1)
        self.assertEqual((counts["found"], counts["unmatched_truth"]), (0, 1))
        self.assertEqual((counts["blank_only_export"], counts["spurious_export"]), (1, 1))

    def test_most_shared_pages_win(self):
        truth = annex6_truth()
        other = copy.deepcopy(truth["documents"][0])
        other.update({"id": 9, "files": [{"file": TIF, "pages": [6], "copy": 1}]})
        truth["documents"].append(other)
        export = {"documents": [{"id": 1, "form": "annex6", "channel": "paper",
                                 "source": {"file": os.path.join(ROOT, TIF), "pages": [3, 4, 6]}}]}
        result = score(truth, export)
        self.assertEqual([m["truth_id"] for m in result["matching"]["matches"]], [7])
        self.assertEqual(result["matching"]["unmatched_truth"], [9])

    def test_source_paths_relative_or_absolute(self):
        self.assertEqual(scoring.relative_to_root("eval-out/seed-1/paper/a.tif", "eval-out/seed-1"), "paper/a.tif")
        self.assertEqual(scoring.relative_to_root(os.path.abspath("eval-out/seed-1/paper/a.tif"), "eval-out/seed-1/"),
                         "paper/a.tif")


class MaskingTest(unittest.TestCase):
    def test_numbers_show_their_last_four_characters(self):
        self.assertEqual(scoring.display_value("id_number", ID_NUMBER), "**************054X")
        self.assertEqual(scoring.display_value("phone", PHONE), "*******0547")
        self.assertEqual(scoring.display_value("phone", "0421-7110595"), "********0595")
        self.assertEqual(scoring.mask_tail("123"), "***")

    def test_numbers_in_free_text_are_masked_but_dates_are_not(self):
        text = "联系电话0421-7110595，手机13812340547，于2025-12-15公示，共164440件"
        self.assertEqual(scoring.mask_numbers_in_text(text),
                         "联系电话********0595，手机*******0547，于2025-12-15公示，共164440件")

    def test_worst_fields_never_show_a_whole_number(self):
        truth = annex6_truth()
        export = perfect_export(truth)
        export["documents"][0]["fields"]["id_number"] = {"value": "210302198503150541", "status": "ok"}
        result = score(truth, export)
        lines = scoring.worst_fields(result["records"])
        self.assertEqual(len(lines), 1)
        line = lines[0]
        self.assertEqual((line["form"], line["field"], line["wrong_but_ok"]), ("annex6", "id_number", 1))
        self.assertEqual((line["truth"], line["got"]), ("**************054X", "**************0541"))
        self.assertNotIn(ID_NUMBER, json.dumps([scoring.record_without_values(r) for r in result["records"]]))


class TargetTest(unittest.TestCase):
    def test_targets_met_and_missed(self):
        truth = annex6_truth()
        export = perfect_export(truth)
        checks = {c["target"]: c for c in scoring.target_checks(score(truth, export)["records"])}
        self.assertTrue(checks["short fields exact, light scans"]["met"])
        self.assertIsNone(checks["short fields exact, medium scans"]["met"])  # no medium page
        self.assertTrue(checks["wrong-but-ok (share of ok fields)"]["met"])
        export["documents"][0]["fields"]["name"] = {"value": "王晓海", "status": "ok"}
        checks = {c["target"]: c for c in scoring.target_checks(score(truth, export)["records"])}
        self.assertFalse(checks["short fields exact, light scans"]["met"])
        self.assertFalse(checks["wrong-but-ok (share of ok fields)"]["met"])


def traineddata(components):
    """A .traineddata file's bytes: {component index: bytes}, 24 components (absent ones at offset -1)."""
    count = 24
    header = 4 + 8 * count
    offsets, body = [], b""
    for index in range(count):
        if index in components:
            offsets.append(header + len(body))
            body += components[index]
        else:
            offsets.append(-1)
    return count.to_bytes(4, "little") + b"".join(o.to_bytes(8, "little", signed=True) for o in offsets) + body


class ModelReachTest(unittest.TestCase):
    def test_the_lstm_character_list_is_read_from_its_component(self):
        unicharset = "4\nNULL 0 Common 0\n王 1 0,255 Han 1\n晓 1 0,255 Han 2\n梅 1 0,255 Han 3\n".encode()
        legacy = "2\nNULL 0\n镕 1\n".encode()  # the legacy engine's list is not the LSTM's
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "x.traineddata")
            Path(path).write_bytes(traineddata({1: legacy, 17: b"\0" * 16, 21: unicharset, 22: b"\1" * 8}))
            known = scoring.model_characters(path)
            self.assertEqual(known, {"NULL", "王", "晓", "梅"})
            self.assertIsNone(scoring.installed_model_characters(folder, ("x", "absent")))
            self.assertEqual(scoring.installed_model_characters(folder, ("x",)), known)
        self.assertEqual(scoring.beyond_models("王镕镕晓赟 1", known), ["镕", "赟"])

    def test_names_beyond_the_models_bound_the_exact_rate(self):
        def record(field, truth, exact, long=False):
            return {"long": long, "defect": "light", "field": field, "truth": truth, "exact": exact}
        records = [record("name", "王晓梅", True), record("name", "王镕", False), record("contact_name", "梅", False),
                   record("rows.title", "王镕", False), record("rows.title", "镕梅晓王公司", True),
                   record("summary", "镕", False, long=True)]
        scoring.mark_beyond_models(records, {"王", "晓", "梅", "公", "司"})
        self.assertNotIn("beyond_models", records[-1])
        reach = scoring.model_reach(records)["light"]
        self.assertEqual((reach["count"], reach["names_beyond"], reach["others_beyond"],
                          reach["exact_others_beyond"], reach["characters"]), (5, 2, 1, 1, "镕"))
        self.assertAlmostEqual(reach["reachable_rate"], 3 / 5)  # a unit's name may come from a vocabulary
        # Models not installed: nothing is claimed beyond them.
        scoring.mark_beyond_models(records, None)
        self.assertEqual(scoring.model_reach(records)["light"]["names_beyond"], 0)

    @unittest.skipUnless(scoring.installed_model_characters(), "Debian's Tesseract models are not installed")
    def test_the_installed_models_know_common_names_not_the_rare_ones(self):
        known = scoring.installed_model_characters()
        self.assertEqual(scoring.beyond_models("王晓梅张伟2026年", known), [])
        self.assertEqual(scoring.beyond_models("冯赟", known), ["赟"])


if __name__ == "__main__":
    unittest.main()
