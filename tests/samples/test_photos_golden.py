"""End-to-end golden test of `intake photos` (issue 6): the small generated packet's e-mailed ID photos are checked by
the intake binary under test and scored against truth.json: every planted defect is found under its problem name and
rule, every good photo passes, and every photo is matched to its nominee.

The packet's scans are not read (that is the scan golden test's job and minutes of OCR): the nominees are put into
the database as the scan stores them, from the truth's 附件3/6 (name, recommender, and the birth date of the ID
number, else the 出生年月), and `intake check` matches the photos to them.

Environment: SAMPLES_DIR (the packet), INTAKE_BIN (the binary), INTAKE_SOURCE_DIR.
"""
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest
from pathlib import Path

SAMPLES = Path(os.environ.get("SAMPLES_DIR", "samples-small"))
SOURCE = Path(os.environ.get("INTAKE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
INTAKE = Path(os.environ.get("INTAKE_BIN", SOURCE / "build" / "intake"))

# The generator's problem names and their rules (samples/generator/photos.py), which the export uses too.
RULE = {"background_not_white": "photo_background", "not_colour": "photo_colour", "too_small": "photo_size",
        "wrong_aspect": "photo_size", "not_jpeg": "photo_format", "bad_file_name": "photo_file_name",
        "no_face": "photo_face"}


def intake(*arguments):
    return subprocess.run([str(INTAKE), *map(str, arguments)], capture_output=True, text=True)


def truth_nominees(truth):
    """(recommender, name) → birth, as the scan would store the individual nominees."""
    nominees = {}
    for document in truth["documents"]:
        if document["form"] not in ("annex3", "annex6"):
            continue
        fields = document["fields"]
        id_number = (fields.get("id_number") or {}).get("value")
        birth = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}" if id_number else fields["birth"]["value"]
        key = (document["recommender"], document["subject"])
        if key not in nominees or len(birth) > len(nominees[key]):
            nominees[key] = birth
    return nominees


class PhotosGoldenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.TemporaryDirectory()
        db = Path(cls.work.name) / "photos.db"
        cls.truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
        cwd = os.getcwd()
        os.chdir(SAMPLES)  # files named as the truth names them: photos/<unit>/<name>.jpg
        try:
            cls.first = intake("photos", "--db", db, "--json", "photos")
            cls.again = intake("photos", "--db", db, "--json", "photos")
        finally:
            os.chdir(cwd)
        with sqlite3.connect(db) as connection:
            for (recommender, name), birth in truth_nominees(cls.truth).items():
                connection.execute("INSERT INTO nominees (kind, recommender, name, birth) VALUES (?, ?, ?, ?)",
                                   ("individual", recommender, name, birth))
        cls.check = intake("check", "--db", db, "--json")
        cls.check_again = intake("check", "--db", db, "--json")
        cls.export = json.loads(intake("export", "--db", db, "--format", "json").stdout)

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def test_runs_succeed_and_the_second_stores_nothing(self):
        self.assertEqual(self.first.returncode, 0, self.first.stderr)
        summary = json.loads(self.first.stdout)
        self.assertEqual(summary["new_photos"], len(self.truth["photos"]))
        again = json.loads(self.again.stdout)
        self.assertEqual((again["new_photos"], again["checked"], again["findings"]), (0, 0, 0))
        self.assertEqual(self.check.returncode, 0, self.check.stderr)
        self.assertEqual(json.loads(self.check.stdout), json.loads(self.check_again.stdout))

    def test_every_photo_as_truth_says(self):
        exported = {photo["file"]: photo for photo in self.export["photos"]}
        self.assertEqual(set(exported), {photo["file"] for photo in self.truth["photos"]})
        for photo in self.truth["photos"]:
            with self.subTest(photo=photo["file"], defect=photo["defect"]):
                got = exported[photo["file"]]
                self.assertEqual(got["problems"], photo["problems"], got["measured"])
                self.assertEqual(got["ok"], photo["ok"])
                self.assertEqual(got["recommender"], photo["recommender"])

    def test_every_photo_is_matched_to_its_nominee(self):
        nominees = {nominee["id"]: nominee for nominee in self.export["nominees"]}
        for photo in self.export["photos"]:
            with self.subTest(photo=photo["file"]):
                self.assertIsNotNone(photo["nominee"])
                nominee = nominees[photo["nominee"]]
                self.assertEqual((nominee["name"], nominee["recommender"]), (photo["name"], photo["recommender"]))
                self.assertEqual(nominee["photo"], photo["id"])

    def test_every_planted_defect_is_a_finding_of_its_rule(self):
        findings = {(finding["rule"], finding["file"]) for finding in json.loads(self.check.stdout)["findings"]}
        expected = {(RULE[problem], photo["file"]) for photo in self.truth["photos"] for problem in photo["problems"]}
        self.assertEqual(findings, expected)


if __name__ == "__main__":
    unittest.main()
