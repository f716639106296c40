"""End-to-end golden test of `intake mail` (issue 5's target): the small generated packet's mailbox is ingested by
the intake binary under test, from its mbox, then again from its Maildir and its .eml folder, and checked against
truth.json: every attachment lands under its decoded name with the right recommender, messages are counted right,
and the second ingest stores nothing new.

Field accuracy of the e-mailed PDFs is left to the accuracy harness (scripts/eval); here only what mail intake
decides is checked, plus a floor on the forms of the e-mailed documents. Reading the sample PDFs is most of the
run time (about 30 pages).

Environment: SAMPLES_DIR (the packet), INTAKE_BIN (the binary), INTAKE_SOURCE_DIR.
"""
import hashlib
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest
from collections import Counter
from pathlib import Path

SAMPLES = Path(os.environ.get("SAMPLES_DIR", "samples-small"))
SOURCE = Path(os.environ.get("INTAKE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
INTAKE = Path(os.environ.get("INTAKE_BIN", SOURCE / "build" / "intake"))


def sha256_of(relative):
    return hashlib.sha256((SAMPLES / relative).read_bytes()).hexdigest()


def mail(db, *sources):
    run = subprocess.run([str(INTAKE), "mail", "--db", str(db), "--json", *map(str, sources)],
                         capture_output=True, text=True)
    # 1 would mean some input could not be read; the sample mailbox has none (its odd subject is a finding).
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


class MailGoldenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.TemporaryDirectory()
        db = Path(cls.work.name) / "mail.db"
        cls.first = mail(db, SAMPLES / "mail" / "mailbox.mbox")
        cls.again = mail(db, SAMPLES / "mail" / "Maildir", SAMPLES / "mail" / "eml")
        out = Path(cls.work.name) / "export.json"
        subprocess.run([str(INTAKE), "export", "--db", str(db), "--format", "json", "--out", str(out)], check=True)
        cls.export = json.loads(out.read_text(encoding="utf-8"))
        cls.truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
        cls.messages = cls.truth["messages"]
        with sqlite3.connect(db) as connection:
            cls.stored = {row[0]: {"recommender": row[1], "received": row[2], "attachments": []}
                          for row in connection.execute("SELECT message_id, recommender, received FROM messages")}
            for message_id, name, role, sha256, channel in connection.execute(
                    "SELECT m.message_id, a.name, a.role, s.sha256, s.channel FROM message_attachments a "
                    "JOIN messages m ON m.id = a.message_row LEFT JOIN sources s ON s.id = a.source_id"):
                cls.stored[message_id]["attachments"].append((name, role, sha256, channel))

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def test_messages_are_counted_once(self):
        distinct = {message["message_id"] for message in self.messages}
        self.assertEqual(self.first["messages"], len(self.messages))
        self.assertEqual(self.first["new_messages"], len(distinct))
        self.assertEqual(self.first["already_stored"], len(self.messages) - len(distinct))
        self.assertEqual(sorted(self.stored), sorted(distinct))
        self.assertEqual(self.first["problems"], [])

    def test_a_second_ingest_from_other_sources_stores_nothing_new(self):
        self.assertEqual(self.again["messages"], 2 * len(self.messages))
        self.assertEqual(self.again["already_stored"], 2 * len(self.messages))
        for key in ("new_messages", "new_sources", "pages", "documents", "findings"):
            self.assertEqual(self.again[key], 0, key)

    def test_every_attachment_lands_under_its_decoded_name(self):
        for message in self.messages:
            with self.subTest(message=message["file"]):
                expected, files = Counter(), {}
                for attachment in message["attachments"]:
                    if "zip_entries" in attachment:
                        expected[(attachment["name"], "archive")] += 1
                        for entry in attachment["zip_entries"]:
                            expected[(entry["name"], "photo")] += 1
                            files[entry["name"]] = entry["file"]
                    else:
                        expected[(attachment["name"], "pages")] += 1
                        files[attachment["name"]] = attachment["file"]
                stored = self.stored[message["message_id"]]["attachments"]
                self.assertEqual(Counter((name, role) for name, role, _, _ in stored), expected)
                for name, role, sha256, channel in stored:
                    if role == "archive":
                        self.assertIsNone(sha256)
                        continue
                    self.assertEqual(sha256, sha256_of(files[name]), name)  # the bytes the sender attached
                    self.assertEqual(channel, "photo" if role == "photo" else "email", name)

    def test_recommenders_and_received_dates_come_from_the_messages(self):
        for message in self.messages:
            stored = self.stored[message["message_id"]]
            self.assertEqual(stored["recommender"], message["recommender"], message["file"])
            self.assertEqual(stored["received"], message["received"], message["file"])

    def test_an_unreadable_subject_is_a_finding(self):
        named = {finding["message"] for finding in self.export["findings"]
                 if finding["rule"] == "mail_subject" and finding["severity"] == "error"}
        for message in self.messages:
            mentioned = any(message["message_id"] in text for text in named)
            self.assertEqual(mentioned, message["recommender"] is None, message["file"])

    def test_emailed_documents_carry_their_message_and_unit(self):
        by_sha = {document["source"]["sha256"]: document for document in self.export["documents"]
                  if document["channel"] == "email"}
        truth = [document for document in self.truth["documents"] if document["channel"] == "email"]
        self.assertEqual(len(by_sha), len(truth))
        first_carrier = {}
        for message in self.messages:  # mbox order: the first message to carry a file gives its source
            for attachment in message["attachments"]:
                if attachment.get("file"):
                    first_carrier.setdefault(attachment["file"], message)
        forms_right = 0
        for document in truth:
            part = document["files"][0]
            found = by_sha.get(sha256_of(part["file"]))
            self.assertIsNotNone(found, part["file"])
            carrier = first_carrier[part["file"]]
            self.assertEqual(found["source"]["file"], part["attachment"])
            self.assertEqual(found["source"]["message_id"], carrier["message_id"])
            self.assertEqual(found["source"]["received"], carrier["received"])
            self.assertEqual(found["recommender"], document["recommender"], part["file"])
            forms_right += found["form"] == document["form"]
        # A floor, not the 100 %: forms come from the page reader, whose accuracy is measured elsewhere.
        self.assertGreaterEqual(forms_right, 0.9 * len(truth))


if __name__ == "__main__":
    unittest.main()
