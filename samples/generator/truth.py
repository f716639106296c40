"""truth.json: what a perfect reader of the packet would report (EXPORT.md's shapes, schema intake.truth/1).

documents  every document per channel: files and pages, form, round, recommender, and each field's
           normalised value with the document page it is printed on;
pages      every scanned page: which document page it shows and what the scanner did to it;
photos     every e-mailed ID photo with its planted problems;
messages   every stored e-mail with its decoded subject, received date and decoded attachment names;
findings   the rule findings a correct `intake check` must raise (and no others, except copy_count for
           packets whose copies_scanned is 1 — see packets).
"""
import json

from .layout import base_ref

SCHEMA = "intake.truth/1"


def _fields(doc, result):
    return {fid: {"value": value, "page": result.field_pages.get(fid, 1)} for fid, value in doc.values.items()}


class Truth:
    def __init__(self, seed, options):
        self.data = {"schema": SCHEMA, "generator": dict(seed=seed, **options), "packets": [], "documents": [],
                     "pages": [], "photos": [], "messages": [], "findings": []}
        self.ids = {}        # (channel, ref) -> document id

    def document(self, doc, channel, result, **extra):
        key = (channel, doc.ref)
        if key not in self.ids:
            self.ids[key] = len(self.data["documents"]) + 1
            entry = {"id": self.ids[key], "ref": doc.ref, "form": doc.form, "round": doc.round, "channel": channel,
                     "recommender": doc.recommender, "subject": doc.subject, "copies": 0, "files": [],
                     "page_count": len(result.pages), "page_roles": [p.role for p in result.pages],
                     "fields": _fields(doc, result)}
            entry.update(extra)
            self.data["documents"].append(entry)
        return self.data["documents"][self.ids[key] - 1]

    def paper(self, placed, layouts):
        """placed: [(batch, slot, file, page in file)] from paper.write."""
        runs = {}
        for batch, slot, file, number in placed:
            doc_id = None
            if slot.doc is not None:
                extra = {}
                if slot.doc.ref != base_ref(slot.doc.ref):
                    extra["older_version_of"] = base_ref(slot.doc.ref)
                entry = self.document(slot.doc, "paper", layouts[slot.doc.ref], **extra)
                doc_id = entry["id"]
                run = runs.setdefault((doc_id, slot.copy, file), {"file": file, "pages": [], "copy": slot.copy})
                if not run["pages"]:
                    entry["files"].append(run)
                    # A copy may lie in several files (a page a JPEG): copies are counted, not files.
                    entry["copies"] = len({r["copy"] for r in entry["files"]})
                run["pages"].append(number)
            s = slot.sheet
            back_of = None
            if slot.doc is None:        # a blank duplex back: name the sheet whose back it is
                back_of = self.data["pages"][-1]["document"]
            self.data["pages"].append({
                "file": file, "page": number, "document": doc_id, "ref": slot.doc.ref if slot.doc else None,
                "back_of": back_of,
                "document_page": slot.page_index + 1,
                "copy": slot.copy, "role": slot.role, "rotation": s.rotation, "skew": s.skew,
                "dpi": batch.settings.dpi, "mode": batch.settings.mode, "defect": s.level, "format": batch.fmt,
                "recommender": batch.recommender, "round": batch.round})
        for entry in self.data["documents"]:
            if "older_version_of" in entry:
                entry["older_version_of"] = self.ids[("paper", entry["older_version_of"])]

    def electronic(self, efiles, layouts, messages):
        carried = {}
        for m in messages:
            for a in m["attachments"]:
                for src in [a["file"]] + [e["file"] for e in a.get("zip_entries", [])]:
                    if src:
                        carried.setdefault(src, []).append(m["message_id"])
        for f in efiles:
            for doc, pages in f.docs:
                entry = self.document(doc, "email", layouts[doc.ref], text_layer=f.text_layer)
                entry["files"].append({"file": f.path, "pages": pages, "attachment": f.name,
                                       "message_ids": sorted(set(carried.get(f.path, [])))})
                entry["copies"] = 1

    def packet(self, recommender, round_, copies_scanned, batches):
        self.data["packets"].append({"recommender": recommender, "round": round_, "copies_printed": 5,
                                     "copies_scanned": copies_scanned,
                                     "batches": [{"file": b.path, "format": b.fmt, "dpi": b.settings.dpi,
                                                  "mode": b.settings.mode} for b in batches]})

    def finding(self, f, documents=()):
        self.data["findings"].append(dict(f, documents=list(documents)))

    def write(self, path):
        path.write_text(json.dumps(self.data, ensure_ascii=False, indent=1), encoding="utf-8")
