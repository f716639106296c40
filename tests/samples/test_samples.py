"""Checks on a generated sample packet against its truth.json (samples/generator, docs/SAMPLES.md).

SAMPLES_DIR names the packet (CTest generates it once with `make-samples --small`); INTAKE_SOURCE_DIR the
repository, for the generator and the form models.  Every check compares the bytes on disk with what
truth.json claims, so a generator change that breaks the contract fails here.
"""
import email
import hashlib
import io
import json
import mailbox
import os
import re
import subprocess
import tempfile
import unittest
import zipfile
from email.header import decode_header, make_header
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

SAMPLES = Path(os.environ.get("SAMPLES_DIR", "samples-small"))
SOURCE = Path(os.environ.get("INTAKE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"


def load_truth(folder=SAMPLES):
    return json.loads((folder / "truth.json").read_text(encoding="utf-8"))


def tree_hashes(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def pdf_text(path):
    return subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, text=True, check=True).stdout


class DeterminismTest(unittest.TestCase):
    def test_same_seed_same_bytes(self):
        with tempfile.TemporaryDirectory() as tmp:
            again = Path(tmp) / "again"
            subprocess.run([str(SOURCE / "scripts" / "make-samples"), str(again), "--small",
                            "--seed", str(load_truth()["generator"]["seed"])], check=True)
            first, second = tree_hashes(SAMPLES), tree_hashes(again)
        self.assertEqual(sorted(first), sorted(second))
        differing = [name for name in first if first[name] != second[name]]
        self.assertEqual(differing, [])


class TruthTest(unittest.TestCase):
    def setUp(self):
        self.truth = load_truth()

    def test_schema_and_sections(self):
        self.assertEqual(self.truth["schema"], "intake.truth/1")
        for key in ("documents", "pages", "photos", "messages", "findings", "packets"):
            self.assertTrue(self.truth[key], key)

    def test_every_referenced_file_exists(self):
        files = {f["file"] for d in self.truth["documents"] for f in d["files"]}
        files |= {p["file"] for p in self.truth["pages"]} | {p["file"] for p in self.truth["photos"]}
        files |= {m["file"] for m in self.truth["messages"]} | {m["maildir_file"] for m in self.truth["messages"]}
        for m in self.truth["messages"]:
            for a in m["attachments"]:
                files |= {a["file"]} - {None}
                files |= {e["file"] for e in a.get("zip_entries", [])}
        missing = sorted(f for f in files if not (SAMPLES / f).is_file())
        self.assertEqual(missing, [])

    def test_page_counts_match_files(self):
        counted = {}
        for p in self.truth["pages"]:
            counted[p["file"]] = max(counted.get(p["file"], 0), p["page"])
        for d in self.truth["documents"]:
            for f in d["files"]:
                counted[f["file"]] = max(counted.get(f["file"], 0), max(f["pages"]))
        for name, pages in counted.items():
            path = SAMPLES / name
            if path.suffix == ".tif":
                self.assertEqual(Image.open(path).n_frames, pages, name)
            elif path.suffix == ".pdf":
                self.assertEqual(pdf_pages(path), pages, name)
            else:
                self.assertEqual(pages, 1, name)

    def test_document_pages_are_the_scanned_pages(self):
        docs = {d["id"]: d for d in self.truth["documents"]}
        for p in self.truth["pages"]:
            if p["document"] is None:
                self.assertEqual(p["role"], "blank")
                continue
            doc = docs[p["document"]]
            self.assertEqual(doc["channel"], "paper")
            self.assertIn(p["page"], [n for f in doc["files"] if f["file"] == p["file"] for n in f["pages"]])
            self.assertEqual(doc["page_roles"][p["document_page"] - 1], p["role"])

    def test_fields_use_form_model_ids(self):
        forms = {f["id"]: f for f in json.loads((SOURCE / "models" / "forms.json").read_text("utf-8"))["forms"]}
        for d in self.truth["documents"]:
            model = forms[d["form"]]
            expected = {f["id"] for f in model["fields"]} | ({"rows"} if model.get("columns") else set())
            self.assertEqual(set(d["fields"]), expected, d["ref"])
            for row in d["fields"].get("rows", {"value": []})["value"]:
                self.assertEqual(set(row), {c["id"] for c in model["columns"]})

    def test_planted_id_numbers(self):
        weights, checks = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), "10X98765432"
        invalid = {f["subject"] for f in self.truth["findings"] if f["rule"] == "id_number_invalid"}
        self.assertTrue(invalid)
        for d in self.truth["documents"]:
            if "id_number" not in d["fields"]:
                continue
            number = d["fields"]["id_number"]["value"]
            valid = checks[sum(int(c) * w for c, w in zip(number[:17], weights)) % 11] == number[17]
            self.assertEqual(valid, d["subject"] not in invalid, d["ref"])
            self.assertTrue(number.startswith("21"))
            self.assertEqual(f"{number[6:10]}-{number[10:12]}", d["fields"]["birth"]["value"])
            self.assertEqual("男" if int(number[16]) % 2 else "女", d["fields"]["gender"]["value"])

    def test_five_copies_in_one_batch(self):
        five = [p for p in self.truth["packets"] if p["copies_scanned"] == 5]
        self.assertTrue(five)
        self.assertEqual(len(five[0]["batches"]), 1)
        copies = {p["copy"] for p in self.truth["pages"]
                  if (p["recommender"], p["round"]) == (five[0]["recommender"], five[0]["round"])}
        self.assertEqual(copies, {1, 2, 3, 4, 5})

    def test_copies_are_counted_not_files(self):
        split = [d for d in self.truth["documents"] if d["channel"] == "paper"
                 and len({f["file"] for f in d["files"]}) > len({f["copy"] for f in d["files"]})]
        self.assertTrue(split, "no copy spread over several files: the packet does not test the count")
        for d in self.truth["documents"]:
            if d["channel"] == "paper":
                self.assertEqual(d["copies"], len({f["copy"] for f in d["files"]}), d["ref"])


class ScanFormatTest(unittest.TestCase):
    def setUp(self):
        self.truth = load_truth()

    def test_tiff_compressions(self):
        seen = {}
        for p in self.truth["pages"]:
            if p["file"].endswith(".tif"):
                seen[p["file"]] = p["format"]
        found = set()
        for name, fmt in seen.items():
            img = Image.open(SAMPLES / name)
            compression = img.info["compression"]
            found.add(compression)
            self.assertEqual({"tiff_g4": "group4", "tiff_lzw": "tiff_lzw", "tiff_jpeg": "jpeg"}[fmt], compression)
            self.assertIn(round(img.info["dpi"][0]), (200, 300))
        self.assertTrue({"group4", "tiff_lzw", "jpeg"} <= found, found)

    def test_page_images_match_scan_settings(self):
        for p in self.truth["pages"]:
            path = SAMPLES / p["file"]
            if path.suffix == ".pdf":
                continue
            img = Image.open(path)
            img.seek(p["page"] - 1)
            self.assertEqual(img.mode, {"colour": "RGB", "grey": "L", "bw": "1"}[p["mode"]], p)
            w, h = img.size
            a4 = sorted((round(210 / 25.4 * p["dpi"]), round(297 / 25.4 * p["dpi"])))
            landscape_page = p["rotation"] in (90, 270)
            self.assertAlmostEqual(sorted((w, h))[0], a4[0], delta=3)
            self.assertEqual(w > h, landscape_page != ("annex4" in self._form(p)), p)

    def _form(self, page):
        doc = page["document"] or page["back_of"]
        return next(d["form"] for d in self.truth["documents"] if d["id"] == doc)

    def test_required_variety(self):
        pages = self.truth["pages"]
        self.assertTrue({"colour", "grey", "bw"} <= {p["mode"] for p in pages})
        self.assertTrue({200, 300} <= {p["dpi"] for p in pages})
        self.assertTrue({0, 180} <= {p["rotation"] for p in pages})
        self.assertTrue({90, 270} & {p["rotation"] for p in pages})
        self.assertTrue(any(abs(p["skew"]) >= 3 for p in pages))
        self.assertIn("blank", {p["role"] for p in pages})
        self.assertTrue({"jpeg", "pdf", "tiff_g4", "tiff_lzw", "tiff_jpeg"} <= {p["format"] for p in pages})


class PdfTest(unittest.TestCase):
    def setUp(self):
        self.truth = load_truth()
        self.titles = {f["id"]: f.get("title_pattern") or re.escape(f["title"]) for f in
                       json.loads((SOURCE / "models" / "forms.json").read_text("utf-8"))["forms"]}

    def test_born_digital_pdfs_have_text_layer(self):
        checked = 0
        for d in self.truth["documents"]:
            if d["channel"] != "email" or not d["text_layer"]:
                continue
            text = re.sub(r"\s+", "", pdf_text(SAMPLES / d["files"][0]["file"]))
            self.assertRegex(text, self.titles[d["form"]], d["ref"])
            if d["subject"]:
                self.assertIn(d["subject"], text, d["ref"])
            checked += 1
        self.assertGreater(checked, 5)

    def test_scanned_pdfs_have_no_text(self):
        scanned = {p["file"] for p in self.truth["pages"] if p["file"].endswith(".pdf")}
        scanned |= {f["file"] for d in self.truth["documents"] if d["channel"] == "email" and not d["text_layer"]
                    for f in d["files"]}
        self.assertTrue(any(name.startswith("electronic/") for name in scanned))
        for name in scanned:
            self.assertEqual(pdf_text(SAMPLES / name).strip(), "", name)


class PhotoTest(unittest.TestCase):
    def setUp(self):
        self.truth = load_truth()
        self.cascade = cv2.CascadeClassifier(CASCADE)

    def faces(self, img):
        grey = np.asarray(img.convert("L"))
        return len(self.cascade.detectMultiScale(grey, 1.1, 6, minSize=(40, 40)))

    def test_photos_as_truth_says(self):
        for p in self.truth["photos"]:
            path = SAMPLES / p["file"]
            data = path.read_bytes()
            img = Image.open(io.BytesIO(data))
            self.assertEqual(list(img.size), p["size"], p["file"])
            problems = set(p["problems"])
            self.assertEqual(p["ok"], not problems)
            self.assertEqual(data[:4] == b"\x89PNG", "not_jpeg" in problems, p["file"])
            self.assertEqual(img.mode == "L", "not_colour" in problems, p["file"])
            ratio = img.size[1] / img.size[0]
            sized = img.size[0] >= 413 and any(abs(ratio / r - 1) <= 0.05 for r in (579 / 413, 626 / 413))
            self.assertEqual(not sized, bool(problems & {"too_small", "wrong_aspect"}), p["file"])
            good_name = re.fullmatch(r"(.+)-(\d{8})\.jpg", path.name)
            self.assertEqual(good_name is None, "bad_file_name" in problems, p["file"])
            if good_name:
                self.assertEqual(good_name.group(1), p["name"])
                self.assertEqual(good_name.group(2), p["birth"].replace("-", ""))
            corner = np.asarray(img.convert("RGB"))[5:25, 5:25].reshape(-1, 3).mean(axis=0)
            white = bool(corner.min() > 200)
            self.assertEqual(not white, "background_not_white" in problems, (p["file"], corner))
            self.assertEqual(self.faces(img) == 0, "no_face" in problems, p["file"])


def raw_header_text(value, charsets=("utf-8", "gb18030")):
    """A header value holding raw 8-bit bytes (surrogate-escaped by the parser), decoded as mail clients do."""
    raw = value.encode("ascii", "surrogateescape")
    for charset in charsets:
        try:
            return raw.decode(charset)
        except UnicodeDecodeError:
            continue
    raise AssertionError(f"undecodable header {raw!r}")


def attachment_name(part):
    """The decoded file name of an attachment part, whichever of the three ways the client encoded it."""
    raw = dict(part.raw_items()).get("Content-Disposition", "")
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in raw):      # 8-bit bytes: compat32 would hide them as U+FFFD
        return raw_header_text(re.search(r'filename="([^"]*)"', raw).group(1))
    value = part.get_param("filename", header="Content-Disposition")
    if isinstance(value, tuple):
        return email.utils.collapse_rfc2231_value(value)
    return str(make_header(decode_header(value)))


class MailTest(unittest.TestCase):
    def setUp(self):
        self.truth = load_truth()
        self.messages = self.truth["messages"]

    def test_mbox_holds_every_message(self):
        box = mailbox.mbox(str(SAMPLES / "mail" / "mailbox.mbox"), create=False)
        parsed = list(box)
        self.assertEqual(len(parsed), len(self.messages))
        for msg, m in zip(parsed, self.messages):
            self.assertEqual(msg["Message-ID"], m["message_id"])
            self.assertEqual(email.utils.parsedate_to_datetime(msg["Date"]).date().isoformat(), m["received"])

    def test_maildir_and_eml_hold_the_same_bytes(self):
        box = mailbox.Maildir(str(SAMPLES / "mail" / "Maildir"), create=False)
        self.assertEqual(len(box), len(self.messages))
        for m in self.messages:
            self.assertEqual((SAMPLES / m["file"]).read_bytes(), (SAMPLES / m["maildir_file"]).read_bytes())

    def test_subjects_decode_for_every_charset(self):
        seen = set()
        for m in self.messages:
            msg = email.message_from_bytes((SAMPLES / m["file"]).read_bytes())
            if m["subject_charset"] is None:
                with self.assertRaises(UnicodeDecodeError):
                    str(make_header(decode_header(msg["Subject"])))
                continue
            words = decode_header(msg["Subject"])
            self.assertEqual(str(make_header(words)), m["subject"])
            seen |= {charset for _, charset in words if charset}
            if m["recommender"]:
                self.assertIn(m["recommender"] + "全省政务公开工作表彰上报材料", m["subject"])
        self.assertTrue({"gb2312", "gbk", "gb18030", "utf-8"} <= seen, seen)
        rare = [m["subject"] for m in self.messages if m["subject_charset"] == "gb18030"]
        self.assertTrue(any(not _fits(s, "gb2312") for s in rare))

    def test_attachment_names_decode(self):
        encodings = set()
        for m in self.messages:
            msg = email.message_from_bytes((SAMPLES / m["file"]).read_bytes())
            names = [attachment_name(p) for p in msg.walk() if p.get_param("filename", header="Content-Disposition")]
            self.assertEqual(names, [a["name"] for a in m["attachments"]], m["file"])
            encodings |= {a["encoding"] for a in m["attachments"]}
            raw = (SAMPLES / m["file"]).read_bytes()
            if any(a["encoding"] == "rfc2231-utf8" and len(a["name"]) > 20 for a in m["attachments"]):
                self.assertIn(b"filename*0*=", raw)
        self.assertTrue({"rfc2231-utf8", "rfc2231-gbk", "rfc2047-gbk", "raw-utf8", "raw-gbk"} <= encodings)

    def test_gbk_zip_entries(self):
        zips = [(m, a) for m in self.messages for a in m["attachments"] if a.get("zip_entries")]
        self.assertTrue(zips)
        for m, a in zips:
            msg = email.message_from_bytes((SAMPLES / m["file"]).read_bytes())
            part = next(p for p in msg.walk() if p.get_content_type() == "application/zip")
            with zipfile.ZipFile(io.BytesIO(part.get_payload(decode=True))) as zf:
                for info, entry in zip(zf.infolist(), a["zip_entries"]):
                    self.assertEqual(info.flag_bits & 0x800, 0)
                    self.assertEqual(info.filename.encode("cp437").decode("gbk"), entry["name"])
                    self.assertEqual(zf.read(info), (SAMPLES / entry["file"]).read_bytes())

    def test_special_messages(self):
        roles = [m["role"] for m in self.messages]
        for role in ("forward", "duplicate", "resent", "reply", "unparseable_subject", "photos"):
            self.assertIn(role, roles)
        dup = next(m for m in self.messages if m["role"] == "duplicate")
        twin = [m for m in self.messages if m["message_id"] == dup["message_id"]]
        self.assertEqual(len(twin), 2)
        self.assertEqual((SAMPLES / twin[0]["file"]).read_bytes(), (SAMPLES / twin[1]["file"]).read_bytes())
        resent = next(m for m in self.messages if m["role"] == "resent")
        self.assertNotIn(resent["message_id"], [m["message_id"] for m in self.messages if m is not resent])
        reply = next(m for m in self.messages if m["role"] == "reply")
        self.assertEqual(reply["attachments"], [])
        forward = email.message_from_bytes((SAMPLES / next(m for m in self.messages if m["role"] == "forward")["file"])
                                           .read_bytes())
        self.assertIn("message/rfc822", [p.get_content_type() for p in forward.walk()])
        late = [f for f in self.truth["findings"] if f["rule"] == "deadline_missed"]
        self.assertTrue(late)
        self.assertTrue(any(m["received"] > "2026-01-12" and m["recommender"] == late[0]["recommender"]
                            for m in self.messages))


def _fits(text, charset):
    try:
        text.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


if __name__ == "__main__":
    unittest.main()
