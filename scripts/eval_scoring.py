"""Scores an intake JSON export (../shared/EXPORT.md) against a sample packet's truth.json (docs/SAMPLES.md).

Pure functions over parsed JSON, so the rules can be unit-tested on hand-made dicts
(tests/samples/test_eval_scoring.py); scripts/eval runs intake and writes the report (docs/ACCURACY.md).

Terms used throughout:
- a *page key* is `(file, page)`: a scan file relative to the packet folder and a 1-based page of it;
- a *field record* is the score of one value: a field of a record form, one cell of an 附件4/9 row, or one part
  (text, sealed, date) of an opinion.
"""
import os
import re

import numpy as np

# Value types scored by character accuracy; every other type must match exactly ("short" fields).
LONG_TYPES = frozenset({"long_text", "opinion_text"})
# Values that are personal data even in generated samples: only their last 4 characters are ever shown.
MASKED_TYPES = frozenset({"id_number", "phone"})
DEFECTS = ("light", "medium", "heavy")
# A long text counts as right (for wrong-but-ok) at the target character accuracy: OCR of 2 000
# characters is rarely perfect, and the target says what accuracy is acceptable.
LONG_TEXT_RIGHT = 0.98

# Targets from the issue, checked in the report.
TARGETS = {
    "short_exact": {"light": 0.99, "medium": 0.99, "heavy": 0.97},
    "long_char_accuracy": 0.98,
    "wrong_but_ok": 0.002,
}

_WHITESPACE = re.compile(r"\s+")
# ID and phone numbers inside free text shown in the report: 7 or more digits in a row (mobiles, IDs, landlines
# without area code) or an area code and a hyphen; dates (2025-12-15) and counts in prose stay readable.
_NUMBER_LIKE = re.compile(r"(?<![0-9])(?:0[0-9]{2,3}-[0-9]{7,8}|[0-9]{7,}[Xx]?)(?![0-9])")


# ---------------------------------------------------------------------------------------------------- models

# The Tesseract models intake reads with (ocr/tesseract_engine.h, pipeline/reading/page_reader.h).
MODELS = ("chi_sim", "HanS", "eng")
TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"
# A .traineddata file is a table of components (tesseract's TessdataType): a 4-byte count, then each component's
# 8-byte offset (-1 when absent). The LSTM's own character list is component 21, the text of a UNICHARSET file.
_LSTM_UNICHARSET = 21


def model_characters(path):
    """The characters a Tesseract LSTM model (.traineddata) can output: its lstm-unicharset's entries."""
    with open(path, "rb") as f:
        data = f.read()
    count = int.from_bytes(data[0:4], "little", signed=True)
    offsets = [int.from_bytes(data[4 + 8 * i:12 + 8 * i], "little", signed=True) for i in range(count)]
    start = offsets[_LSTM_UNICHARSET]
    if start < 0:
        return set()
    following = [o for o in offsets[_LSTM_UNICHARSET + 1:] if o >= 0]
    end = following[0] if following else len(data)
    lines = data[start:end].decode("utf-8", errors="replace").splitlines()
    # The first line is the entry count; each entry's first field is its text ("NULL" stands for the space).
    return {line.split(" ", 1)[0] for line in lines[1:] if line}


def installed_model_characters(tessdata=TESSDATA, models=MODELS):
    """Every character some model intake reads with can output; None when a model is not installed."""
    known = set()
    for model in models:
        path = os.path.join(tessdata, model + ".traineddata")
        if not os.path.exists(path):
            return None
        known |= model_characters(path)
    return known


def beyond_models(text, known):
    """The Chinese characters of `text` that no model can output, in order of appearance, once each."""
    found = []
    for c in str(text):
        if "\u3400" <= c <= "\u9fff" and c not in known and c not in found:
            found.append(c)
    return found


# ---------------------------------------------------------------------------------------------------- text

def levenshtein(a, b):
    """Edit distance (insert, delete, substitute, each 1) between two strings.

    Plain dynamic programming, one row per character of the shorter string, the row as a numpy vector. The
    insertions within a row chain left to right; they are the running minimum of row[k] + (j - k), which
    numpy computes as minimum.accumulate(row - j) + j.
    """
    # Equal ends cost nothing, and most OCR output is mostly right: trimming them keeps the table small.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    while end < len(a) and end < len(b) and a[-1 - end] == b[-1 - end]:
        end += 1
    if end:
        a, b = a[:-end], b[:-end]
    if not a or not b:
        return len(a) + len(b)
    if len(a) > len(b):
        a, b = b, a
    codes_b = np.fromiter((ord(c) for c in b), dtype=np.int64, count=len(b))
    columns = np.arange(len(b) + 1, dtype=np.int64)
    previous = columns.copy()
    for row, char in enumerate(a, 1):
        current = np.empty_like(previous)
        current[0] = row
        substitute = previous[:-1] + (codes_b != ord(char))
        delete = previous[1:] + 1
        np.minimum(substitute, delete, out=current[1:])
        previous = np.minimum.accumulate(current - columns) + columns
    return int(previous[-1])


def strip_whitespace(text):
    """Printed line breaks and spacing are not part of a value (SAMPLES.md, truth.json)."""
    return "" if text is None else _WHITESPACE.sub("", str(text))


def char_errors(got, truth):
    """(edit distance, truth length) over the texts without whitespace: the parts of a character accuracy."""
    got, truth = strip_whitespace(got), strip_whitespace(truth)
    return levenshtein(got, truth), len(truth)


def char_accuracy(got, truth):
    """1 - Levenshtein(got, truth) / len(truth), whitespace removed, floored at 0."""
    errors, length = char_errors(got, truth)
    if length == 0:
        return 1.0 if errors == 0 else 0.0
    return max(0.0, 1.0 - errors / length)


# ---------------------------------------------------------------------------------------------------- masking

def mask_tail(text, keep=4):
    """`**************0547`: everything but the last `keep` characters starred."""
    text = str(text)
    if len(text) <= keep:
        return "*" * len(text)
    return "*" * (len(text) - keep) + text[-keep:]


def mask_numbers_in_text(text):
    """Masks ID- and phone-like digit runs inside free text (a report or 事迹 may quote a number)."""
    return _NUMBER_LIKE.sub(lambda m: mask_tail(m.group(0)), text)


def display_value(value_type, value, limit=40):
    """A value as the report may show it: personal numbers masked, long texts cut to `limit` characters."""
    if value is None:
        return "∅"
    if isinstance(value, (set, frozenset)):
        value = ", ".join("{}..{}".format(*pair) for pair in sorted(value))
    text = str(value)
    if value_type in MASKED_TYPES:
        return mask_tail(text)
    text = mask_numbers_in_text(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def difference_excerpts(got, truth, width=12):
    """Short excerpts of two long texts around their first difference, so a worst-fields line stays readable."""
    got, truth = strip_whitespace(got), strip_whitespace(truth)
    first = 0
    while first < len(got) and first < len(truth) and got[first] == truth[first]:
        first += 1
    begin = max(0, first - width // 2)

    def excerpt(text):
        piece = text[begin:begin + width * 2]
        return ("…" if begin else "") + piece + ("…" if begin + width * 2 < len(text) else "")

    return mask_numbers_in_text(excerpt(got)), mask_numbers_in_text(excerpt(truth))


# ---------------------------------------------------------------------------------------------------- models

def load_field_types(forms):
    """{form id: {"fields": {field id: type}, "columns": {column id: type}}} from parsed models/forms.json."""
    types = {}
    for form in forms["forms"]:
        types[form["id"]] = {
            "fields": {field["id"]: field["type"] for field in form.get("fields", [])},
            "columns": {column["id"]: column["type"] for column in form.get("columns", [])},
        }
    return types


# ---------------------------------------------------------------------------------------------------- pages

def relative_to_root(path, root):
    """An export's source.file (as given on the command line) made relative to the packet folder `root`."""
    path_norm, root_norm = os.path.normpath(path), os.path.normpath(root)
    if path_norm.startswith(root_norm + os.sep):
        return path_norm[len(root_norm) + 1:]
    relative = os.path.relpath(os.path.abspath(path_norm), os.path.abspath(root_norm))
    return path_norm if relative.startswith("..") else relative


def export_page_keys(document, root):
    """The page keys of an export document: its source, and every `parts` entry when it spans several files."""
    spans = []
    source = document.get("source") or {}
    if source.get("file"):
        spans.append(source)
    spans.extend(document.get("parts") or [])
    return {(relative_to_root(span["file"], root), int(page)) for span in spans for page in span.get("pages") or []}


def truth_copy_pages(document):
    """{copy number: [page keys in document order]} of a truth paper document.

    A copy may span several `files` entries (a batch of single-page JPEGs), so entries are grouped by copy.
    """
    copies = {}
    for entry in document["files"]:
        pages = copies.setdefault(entry.get("copy", 1), [])
        pages.extend((entry["file"], int(page)) for page in entry["pages"])
    return copies


def paper_documents(truth):
    return [document for document in truth["documents"] if document.get("channel") == "paper"]


def blank_page_keys(truth):
    """Blank backs of single-sided sheets: they belong to no document, so grouping ignores them."""
    return {(page["file"], page["page"]) for page in truth["pages"] if page.get("document") is None}


def page_defects(truth):
    """{(document id, copy, document page): defect} from truth `pages`."""
    return {(page["document"], page.get("copy", 1), page["document_page"]): page["defect"]
            for page in truth["pages"] if page.get("document") is not None}


# ---------------------------------------------------------------------------------------------------- matching

def match_documents(truth, export, root):
    """Pairs export paper documents with truth paper documents by the pages they share.

    Each export document goes to the truth document whose page keys (over all scanned copies) it overlaps
    most; ties go to the truth document it covers best (Jaccard), then the lower id. A truth document's
    *primary* match is the export document overlapping it most; further export documents on it are `extra`
    (a split document or unmerged copies). Returns matches, unmatched truth ids, and the export ids that are
    extra, spurious (on no truth page) or on blank backs only.
    """
    truth_docs = paper_documents(truth)
    blanks = blank_page_keys(truth)
    pages_of = {document["id"]: {key for pages in truth_copy_pages(document).values() for key in pages}
                for document in truth_docs}
    owner = {key: doc_id for doc_id, keys in pages_of.items() for key in keys}

    candidates = {}  # truth id -> [(overlap, export document)]
    spurious, blank_only = [], []
    for document in export.get("documents", []):
        if document.get("channel", "paper") != "paper":
            continue
        keys = export_page_keys(document, root)
        overlap = {}
        for key in keys:
            if key in owner:
                overlap[owner[key]] = overlap.get(owner[key], 0) + 1
        if not overlap:
            (blank_only if keys and keys <= blanks else spurious).append(document["id"])
            continue
        best = max(overlap, key=lambda doc_id: (overlap[doc_id], overlap[doc_id] / len(keys | pages_of[doc_id]),
                                                 -doc_id))
        candidates.setdefault(best, []).append((overlap[best], document))

    by_id = {document["id"]: document for document in truth_docs}
    matches, extra = [], []
    for doc_id, found in sorted(candidates.items()):
        found.sort(key=lambda pair: (-pair[0], -len(pair[1].get("fields") or {}), pair[1]["id"]))
        overlap, primary = found[0]
        extra.extend(document["id"] for _, document in found[1:])
        matches.append(describe_match(by_id[doc_id], primary, overlap, root, blanks))
    unmatched = [document["id"] for document in truth_docs if document["id"] not in candidates]
    return {"matches": matches, "unmatched_truth": unmatched, "extra_export": sorted(extra),
            "spurious_export": spurious, "blank_only_export": blank_only}


def describe_match(truth_doc, export_doc, overlap, root, blanks):
    """What a matched pair got right at document level."""
    export_keys = export_page_keys(export_doc, root) - blanks
    copy_sets = [set(pages) for pages in truth_copy_pages(truth_doc).values()]
    all_copies = set().union(*copy_sets)
    return {
        "truth_id": truth_doc["id"],
        "export_id": export_doc["id"],
        "ref": truth_doc.get("ref"),
        "form": truth_doc["form"],
        "overlap": overlap,
        "form_right": export_doc.get("form") == truth_doc["form"],
        "round_right": export_doc.get("round") == truth_doc.get("round"),
        "recommender_right": export_doc.get("recommender") == truth_doc.get("recommender"),
        # One copy's pages exactly (copies merged, source = one of them) or all copies' pages: both are right.
        "pages_exact": export_keys in copy_sets or export_keys == all_copies,
        "copies_right": export_doc.get("copies") == truth_doc.get("copies"),
    }


def document_counts(matching, truth):
    """Document-level totals of one match_documents result."""
    matches = matching["matches"]
    return {
        "truth": len(paper_documents(truth)),
        "found": len(matches),
        "form_right": sum(m["form_right"] for m in matches),
        "round_right": sum(m["round_right"] for m in matches),
        "pages_exact": sum(m["pages_exact"] for m in matches),
        "recommender_right": sum(m["recommender_right"] for m in matches),
        "copies_right": sum(m["copies_right"] for m in matches),
        "unmatched_truth": len(matching["unmatched_truth"]),
        "extra_export": len(matching["extra_export"]),
        "spurious_export": len(matching["spurious_export"]),
        "blank_only_export": len(matching["blank_only_export"]),
    }


# ---------------------------------------------------------------------------------------------------- values

def normalise(value_type, value):
    """The comparable form of a truth or export value; None means blank."""
    if value is None:
        return None
    if value_type == "publicity_list":
        if not isinstance(value, list):
            return strip_whitespace(str(value)) or None
        periods = frozenset(period_pair(period) for period in value)
        return periods or None
    if value_type == "integer":
        text = strip_whitespace(str(value))
        try:
            return int(text)
        except ValueError:
            return text or None
    if isinstance(value, bool):
        return value
    text = strip_whitespace(str(value))
    return text or None


def period_pair(period):
    if isinstance(period, dict):
        return (period.get("start"), period.get("end"))
    return tuple(period)


def export_field(fields, field_id):
    """(value, status) of an export field; an absent field is ('absent'), a status-less value counts as ok."""
    entry = fields.get(field_id)
    if entry is None:
        return None, "absent"
    if not isinstance(entry, dict) or "value" not in entry:
        entry = {"value": entry}
    return entry["value"], entry.get("status") or default_status(entry["value"])


def default_status(value):
    # EXPORT.md gives every field a status except 附件4/9 row cells; an exported value is what downstream uses.
    return "missing" if value in (None, "", []) else "ok"


def opinion_parts(value):
    """An opinion {text, sealed, date} as its three scored parts; a bare string is taken as the text.

    An opinion with no text, no seal and no date is blank however it is written (null, {}, sealed: false), so a
    blank 省评选表彰办意见 read as {"sealed": false} is right.
    """
    if isinstance(value, dict):
        parts = {"text": value.get("text"), "sealed": value.get("sealed"), "date": value.get("date")}
    else:
        parts = {"text": value, "sealed": None, "date": None}
    if not strip_whitespace(parts["text"]) and not parts["sealed"] and not parts["date"]:
        return {"text": None, "sealed": None, "date": None}
    return parts


OPINION_PART_TYPES = {"text": "opinion_text", "sealed": "opinion_sealed", "date": "opinion_date"}


def expand_field(field_id, value_type, truth_value, got_value, status):
    """One truth field as (field id, type, truth, got, status) items: opinions split in three parts."""
    if value_type != "opinion":
        return [(field_id, value_type, truth_value, got_value, status)]
    truth_parts, got_parts = opinion_parts(truth_value), opinion_parts(got_value)
    return [("{}.{}".format(field_id, part), part_type, truth_parts[part], got_parts[part], status)
            for part, part_type in OPINION_PART_TYPES.items()]


def match_rows(truth_rows, export_rows):
    """[(truth row, export row or None)]: by `seq` where both rows have one, else by position.

    Returns the pairs and the number of export rows no truth row took (rows read that are not there).
    """
    export_rows = [row for row in export_rows or [] if isinstance(row, dict)]
    by_seq = {}
    for row in export_rows:
        seq = normalise("integer", cell_value(row.get("seq")))
        if seq is not None:
            by_seq.setdefault(seq, row)
    pairs, used = [], set()
    for index, truth_row in enumerate(truth_rows):
        seq = normalise("integer", truth_row.get("seq"))
        row = by_seq.get(seq) if seq is not None else None
        if row is None and index < len(export_rows):
            positional = export_rows[index]
            # Position is only trusted when it cannot contradict a seq that was read.
            if seq is None or normalise("integer", cell_value(positional.get("seq"))) is None:
                row = positional
        if row is not None and id(row) in used:
            row = None
        if row is not None:
            used.add(id(row))
        pairs.append((truth_row, row))
    return pairs, len(export_rows) - len(used)


def rows_with_cell_status(rows, entry):
    """The export's rows with each cell as {value, status}, from `rows.cells` (intake's provenance beside each row,
    in the same order) when it is there: a cell's own status, not the table's worst, is what its value claims."""
    cells = entry.get("cells") if isinstance(entry, dict) else None
    if not isinstance(rows, list) or not isinstance(cells, list) or len(cells) != len(rows):
        return rows
    merged = []
    for row, provenance in zip(rows, cells):
        if not isinstance(row, dict) or not isinstance(provenance, dict):
            merged.append(row)
            continue
        merged.append({column: {"value": value, "status": (provenance.get(column) or {}).get("status")}
                       for column, value in row.items()})
    return merged


def cell_value(cell):
    return cell.get("value") if isinstance(cell, dict) else cell


def cell_status(cell, rows_status):
    """A row cell's status: its own when the export gives cells as {value, status}, else the rows field's."""
    if isinstance(cell, dict) and cell.get("status"):
        return cell["status"]
    return rows_status


def row_items(value_types, truth_rows, got_rows, rows_status):
    """Every cell of the truth rows as (field id, type, truth, got, status) items."""
    pairs, extra_rows = match_rows(truth_rows or [], got_rows if isinstance(got_rows, list) else [])
    items = []
    for truth_row, export_row in pairs:
        for column, truth_value in truth_row.items():
            cell = (export_row or {}).get(column)
            status = cell_status(cell, rows_status if export_row is not None else "absent")
            items.extend(expand_field("rows." + column, value_types.get(column, "text"), truth_value,
                                      cell_value(cell), status))
    return items, extra_rows


# ---------------------------------------------------------------------------------------------------- fields

def score_value(value_type, truth_value, got_value, status):
    """The score of one value: exact, right, and the counts the tables add up."""
    long = value_type in LONG_TYPES
    truth_norm, got_norm = normalise(value_type, truth_value), normalise(value_type, got_value)
    truth_blank, got_blank = truth_norm is None, got_norm is None
    chars = errors = 0
    if truth_blank:
        # A blank field must come out blank: value null, or the field absent / status missing.
        exact = right = got_blank
    elif long:
        errors, chars = char_errors(got_norm or "", truth_norm)
        exact = errors == 0
        right = 1.0 - errors / chars >= LONG_TEXT_RIGHT
    else:
        exact = right = got_norm == truth_norm
    return {
        "type": value_type,
        "long": long,
        "status": status,
        "truth_blank": truth_blank,
        "exact": exact,
        "right": right,
        "missing_but_present": not truth_blank and (got_blank or status in ("missing", "absent")),
        "chars": chars,
        "char_errors": errors,
    }


def score_fields(truth_doc, export_doc, field_types, defects):
    """Field records of one matched document pair (call it only when the form is right).

    `defects` is page_defects(truth): each field gets the defect level of the page it is printed on in the
    document's first scanned copy. Returns (records, extra rows the export read in 附件4/9 tables).
    """
    form = truth_doc["form"]
    types = field_types.get(form, {"fields": {}, "columns": {}})
    export_fields = export_doc.get("fields") or {}
    first_copy = truth_doc["files"][0].get("copy", 1)
    records, extra_rows = [], 0
    for field_id, truth_field in truth_doc["fields"].items():
        got_value, status = export_field(export_fields, field_id)
        if field_id == "rows":
            got_value = rows_with_cell_status(got_value, export_fields.get("rows"))
            items, extra = row_items(types["columns"], truth_field["value"], got_value, status)
            extra_rows += extra
        else:
            items = expand_field(field_id, types["fields"].get(field_id, "text"), truth_field["value"],
                                 got_value, status)
        defect = defects.get((truth_doc["id"], first_copy, truth_field.get("page", 1)))
        for item_id, value_type, truth_value, value, item_status in items:
            record = score_value(value_type, truth_value, value, item_status)
            record.update({"document": truth_doc["id"], "form": form, "field": item_id, "defect": defect,
                           "truth": truth_value, "got": value})
            records.append(record)
    return records, extra_rows


def score_packet(truth, export, root, field_types):
    """Everything for one packet: the document matching, its counts, and the field records."""
    matching = match_documents(truth, export, root)
    truth_by_id = {document["id"]: document for document in paper_documents(truth)}
    export_by_id = {document["id"]: document for document in export.get("documents", [])}
    defects = page_defects(truth)
    records, extra_rows, unscored = [], 0, 0
    for match in matching["matches"]:
        truth_doc = truth_by_id[match["truth_id"]]
        if not match["form_right"]:
            continue
        found, extra = score_fields(truth_doc, export_by_id[match["export_id"]], field_types, defects)
        records.extend(found)
        extra_rows += extra
    scored_docs = {record["document"] for record in records}
    for document in paper_documents(truth):
        if document["id"] not in scored_docs:
            unscored += count_truth_values(document, field_types)
    counts = document_counts(matching, truth)
    counts.update({"extra_rows": extra_rows, "fields_unscored": unscored, "fields_scored": len(records)})
    return {"matching": matching, "documents": counts, "records": records}


def count_truth_values(document, field_types):
    """How many field records a truth document would give: the fields the eval could not score."""
    empty = {}
    records, _ = score_fields(document, {"fields": {}}, field_types, empty)
    return len(records)


# ---------------------------------------------------------------------------------------------------- tables

def summarise(records):
    """Counts and rates of a group of field records."""
    count = len(records)
    ok = [r for r in records if r["status"] == "ok"]
    long_records = [r for r in records if r["long"] and not r["truth_blank"]]
    chars = sum(r["chars"] for r in long_records)
    errors = sum(r["char_errors"] for r in long_records)
    wrong_ok = sum(not r["right"] for r in ok)
    return {
        "count": count,
        "exact": sum(r["exact"] for r in records),
        "right": sum(r["right"] for r in records),
        "ok": len(ok),
        "review": sum(r["status"] == "review" for r in records),
        "invalid": sum(r["status"] == "invalid" for r in records),
        "wrong_but_ok": wrong_ok,
        "missing_but_present": sum(r["missing_but_present"] for r in records),
        "chars": chars,
        "char_errors": errors,
        "exact_rate": rate(sum(r["exact"] for r in records), count),
        "review_rate": rate(sum(r["status"] == "review" for r in records), count),
        # Share of the values accepted as ok that are wrong: the number that must stay near zero.
        "wrong_but_ok_rate": rate(wrong_ok, len(ok)),
        "missing_but_present_rate": rate(sum(r["missing_but_present"] for r in records), count),
        "char_accuracy": None if chars == 0 else max(0.0, 1.0 - errors / chars),
    }


def rate(part, whole):
    return None if whole == 0 else part / whole


def aggregate(records, key):
    """{key(record): summarise(records with that key)}, keys sorted; `key` may return None to leave one out."""
    groups = {}
    for record in records:
        group = key(record)
        if group is not None:
            groups.setdefault(group, []).append(record)
    return {group: summarise(groups[group]) for group in sorted(groups, key=sort_key)}


def sort_key(group):
    """Defect levels in their natural order, everything else alphabetically."""
    parts = group if isinstance(group, tuple) else (group,)
    return tuple((DEFECTS.index(p), "") if p in DEFECTS else (len(DEFECTS), str(p)) for p in parts)


def field_class(record):
    return "long" if record["long"] else "short"


def target_checks(records):
    """The issue's targets against the records: [{target, value, goal, met}] (met None when nothing to measure)."""
    checks = []
    short_by_defect = aggregate([r for r in records if not r["long"]], lambda r: r["defect"])
    for defect, goal in TARGETS["short_exact"].items():
        value = short_by_defect.get(defect, {}).get("exact_rate")
        checks.append({"target": "short fields exact, {} scans".format(defect), "value": value, "goal": goal,
                       "at_least": True})
    value = summarise([r for r in records if r["long"]])["char_accuracy"]
    checks.append({"target": "long texts, character accuracy", "value": value,
                   "goal": TARGETS["long_char_accuracy"], "at_least": True})
    value = summarise(records)["wrong_but_ok_rate"]
    checks.append({"target": "wrong-but-ok (share of ok fields)", "value": value, "goal": TARGETS["wrong_but_ok"],
                   "at_least": False})
    for check in checks:
        if check["value"] is None:
            check["met"] = None
        elif check["at_least"]:
            check["met"] = check["value"] >= check["goal"]
        else:
            check["met"] = check["value"] <= check["goal"]
    return checks


def mark_beyond_models(records, known):
    """Sets each short record's `beyond_models`: the characters of its truth that no model can output (empty
    when it has none, or when `known` is None: the models are not installed here, and nothing is claimed)."""
    for record in records:
        if not record["long"]:
            record["beyond_models"] = beyond_models(record["truth"], known) if known is not None else []


# Fields that hold a person's name; 附件4's 名称或姓名 holds one in an individual's row (a unit's name is longer).
_NAME_FIELDS = ("name", "head_name", "contact_name", "rows.name")


def is_personal_name(record):
    field = record["field"]
    if field in _NAME_FIELDS:
        return True
    truth = str(record["truth"])
    return field == "rows.title" and 2 <= len(truth) <= 4


def model_reach(records):
    """Per defect level, what the models' alphabet lets short fields reach: {defect: {count, exact, names_beyond,
    others_beyond, exact_others_beyond, characters, reachable_rate}}. A personal name holding a character no model
    can output is never read exactly: no vocabulary gives a name. Other values may still be, through a vocabulary
    (鲅鱼圈区 from places.json), so they do not bound the rate. `reachable_rate`: the exact rate if every value but
    those names were read right."""
    reach = {}
    for defect in DEFECTS:
        group = [r for r in records if not r["long"] and r["defect"] == defect]
        if not group:
            continue
        beyond = [r for r in group if r.get("beyond_models")]
        names = [r for r in beyond if is_personal_name(r)]
        others = [r for r in beyond if not is_personal_name(r)]
        characters = []
        for r in beyond:
            characters += [c for c in r["beyond_models"] if c not in characters]
        reach[defect] = {
            "count": len(group), "exact": sum(r["exact"] for r in group), "names_beyond": len(names),
            "exact_names_beyond": sum(r["exact"] for r in names), "others_beyond": len(others),
            "exact_others_beyond": sum(r["exact"] for r in others), "characters": "".join(characters),
            "reachable_rate": rate(len(group) - len(names), len(group)),
        }
    return reach


def worst_fields(records, limit=15):
    """The (form, field) pairs with the most wrong values, wrong-but-ok first, each with one masked example.

    Row cells are grouped by column (`rows.phone`), so a field is a column of the form, not one cell.
    """
    groups = {}
    for record in records:
        groups.setdefault((record["form"], record["field"]), []).append(record)
    lines = []
    for (form, field), group in groups.items():
        wrong = [r for r in group if not r["right"]]
        if not wrong:
            continue
        wrong_ok = [r for r in wrong if r["status"] == "ok"]
        example = (wrong_ok or wrong)[0]
        truth_shown, got_shown = example_values(example)
        lines.append({"form": form, "field": field, "type": example["type"], "count": len(group),
                      "wrong": len(wrong), "wrong_but_ok": len(wrong_ok), "example_status": example["status"],
                      "truth": truth_shown, "got": got_shown})
    lines.sort(key=lambda line: (-line["wrong_but_ok"], -line["wrong"] / line["count"], -line["wrong"],
                                 line["form"], line["field"]))
    return lines[:limit]


def example_values(record):
    """(truth, got) of a record as the report shows them: masked, long texts around their first difference."""
    truth_value, got_value = record["truth"], record["got"]
    if record["long"] and truth_value is not None and got_value is not None:
        got_excerpt, truth_excerpt = difference_excerpts(str(got_value), str(truth_value))
        return truth_excerpt, got_excerpt
    value_type = record["type"]
    return (display_value(value_type, normalise(value_type, truth_value)),
            display_value(value_type, normalise(value_type, got_value)))


def record_without_values(record):
    """A field record for eval.json: no values, which may be personal data."""
    return {key: value for key, value in record.items() if key not in ("truth", "got")}
