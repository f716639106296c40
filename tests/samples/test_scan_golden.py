"""End-to-end golden test of `intake scan`: the small generated packet (CTest makes it once with
`make-samples --small`) is scanned by the intake binary under test, exported, and scored against its truth.json
with the accuracy harness's own scoring (scripts/eval_scoring.py).

The bounds are regression guards at the level docs/ACCURACY.md reports, not the issue's targets: they fail when a
change loses documents, misclassifies forms, or lets wrong values through as `ok`. Tighten them as accuracy
improves; never loosen one to make a change pass.

Environment: SAMPLES_DIR (the packet), INTAKE_BIN (the binary), INTAKE_SOURCE_DIR (for forms.json and scripts/).
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SAMPLES = Path(os.environ.get("SAMPLES_DIR", "samples-small"))
SOURCE = Path(os.environ.get("INTAKE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
INTAKE = Path(os.environ.get("INTAKE_BIN", SOURCE / "build" / "intake"))
sys.path.insert(0, str(SOURCE / "scripts"))

import eval_scoring as scoring  # noqa: E402


class ScanGoldenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.TemporaryDirectory()
        db = Path(cls.work.name) / "golden.db"
        scan = subprocess.run([str(INTAKE), "scan", "--db", str(db), "--json", str(SAMPLES / "paper")],
                              capture_output=True, text=True)
        # 1: some inputs unreadable (reported, the rest stored); the packet has none, so 0 is expected.
        assert scan.returncode == 0, scan.stderr
        cls.summary = json.loads(scan.stdout)
        out = Path(cls.work.name) / "export.json"
        subprocess.run([str(INTAKE), "export", "--db", str(db), "--format", "json", "--out", str(out)], check=True)
        cls.export = json.loads(out.read_text(encoding="utf-8"))
        cls.truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
        forms = json.loads((SOURCE / "models" / "forms.json").read_text(encoding="utf-8"))
        cls.result = scoring.score_packet(cls.truth, cls.export, str(SAMPLES), scoring.load_field_types(forms))
        cls.short = scoring.summarise([r for r in cls.result["records"] if not r["long"]])
        cls.long = scoring.summarise([r for r in cls.result["records"] if r["long"]])
        # Rates are printed so a failing run shows where it stands.
        print("documents", cls.result["documents"], file=sys.stderr)
        print("short", {k: cls.short[k] for k in ("count", "exact_rate", "review_rate", "wrong_but_ok_rate")},
              file=sys.stderr)
        print("long", {k: cls.long[k] for k in ("count", "char_accuracy", "wrong_but_ok_rate")}, file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def test_every_page_is_stored_and_every_document_found(self):
        self.assertEqual(self.summary["pages"], len(self.truth["pages"]))
        counts = self.result["documents"]
        self.assertEqual(counts["found"], counts["truth"])
        self.assertEqual(counts["spurious_export"], 0)
        # Copies whose title OCR missed join their document (none stood alone at the time of writing).
        self.assertLessEqual(counts["extra_export"], 2)

    def test_forms_and_recommenders(self):
        counts = self.result["documents"]
        self.assertEqual(counts["form_right"], counts["truth"])
        self.assertGreaterEqual(counts["recommender_right"], 0.9 * counts["truth"])

    def test_short_fields(self):
        self.assertGreater(self.short["count"], 200)
        # Measured 89 % on this packet (seed 1) at the time of writing.
        self.assertGreaterEqual(self.short["exact_rate"], 0.84)

    def test_ok_values_are_mostly_right(self):
        # The office's measure: values marked ok must be right. Far from the 0.2 % target yet; a guard against
        # regressions until the extractors reach it (docs/ACCURACY.md).
        # Measured 0.6 % on this packet (seed 1) at the time of writing: one value of 157.
        self.assertLessEqual(self.short["wrong_but_ok_rate"], 0.015)

    def test_long_texts(self):
        # Measured 97.6 % on this packet (seed 1) at the time of writing.
        self.assertGreaterEqual(self.long["char_accuracy"], 0.92)

    def test_boxes_point_into_their_pages(self):
        for document in self.export["documents"]:
            for name, field in document["fields"].items():
                if "box" in field and name != "rows":
                    x, y, w, h = field["box"]
                    self.assertGreaterEqual(w, 0, name)
                    self.assertGreaterEqual(h, 0, name)


if __name__ == "__main__":
    unittest.main()
