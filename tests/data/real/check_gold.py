#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""check_gold.py: checks a gold set (default: the folder of this script).

Checks every record of gold.jsonl against its file (text == file[start:end],
code-point offsets), the order of the records, overlaps, the fields of each
kind, the ISO values, in_citation and the citations' dates against the date
records inside their spans (or shared by a list, GOLD.md tricky case 4), and
short_ref targets. Then lists the regex candidates (numbers with a symbol,
d/m, d.m.yyyy, d-m-yyyy, "tháng m/yyyy", "quý …/yyyy", "ngày d tháng m năm
yyyy") that no record covers and that are not in REVIEWED, so that a human can
annotate or dismiss them.

Usage: check_gold.py [FOLDER]   exit status 1 when anything is wrong.
Python 3, standard library only.
"""
import calendar
import json
import os
import re
import sys

KINDS = ["self", "self_mention", "citation", "short_ref", "named_ref", "date", "relation",
         "no_relation"]
FIELDS = {
    "self": ["type", "number", "symbol", "date", "issuer", "place", "title"],
    "self_mention": ["number", "symbol"],
    "citation": ["type", "number", "symbol", "date", "issuer", "term", "relation", "same_as", "ref"],
    "short_ref": ["type", "number", "ref"],
    "named_ref": ["type", "term", "optional"],
    "date": ["iso", "in_citation", "in_self", "deadline", "occasion", "range", "range_text"],
    # issue 16: a relation the text states (its cue's span), and a form that must give none
    "relation": ["source", "target", "relation", "part", "date", "stated_by"],
    "no_relation": [],
}
# Kinds whose spans must not overlap one another (dates may lie in citations).
SPAN_KINDS = {"self_mention", "citation", "short_ref", "named_ref"}

# Candidates reviewed by hand and deliberately left without a record:
# (document, candidate text, reason).
REVIEWED = [
    ("r17_kh-1576-kh-ubnd-hcm-excerpt.txt", "2.1", "item number"),
    ("r17_kh-1576-kh-ubnd-hcm-excerpt.txt", "2.2", "item number"),
    ("r17_kh-1576-kh-ubnd-hcm-excerpt.txt", "2.3", "item number"),
    ("r17_kh-1576-kh-ubnd-hcm-excerpt.txt", "2.4", "item number"),
    ("r58_qd-122-2006-qd-ubnd-hcm-dieu-tra-thong-ke.txt", "1.1", "item number"),
    ("r58_qd-122-2006-qd-ubnd-hcm-dieu-tra-thong-ke.txt", "1.2", "item number"),
]

SYMBOL_RE = re.compile(
    r"\d+[a-z]?\s*[-–]\s*[A-ZĐƯ][A-ZĐƯa-z]*/[A-ZĐƯ]"        # Party style 25-NQ/TW
    r"|\d+[a-z]?\s+[A-ZĐ]{2,}/[A-ZĐƯ]"                     # 84 QĐ/TWĐTN
    r"|\d+[a-z]?(?:/\d{4})?/[A-ZĐ][A-ZĐƯa-z]*")            # state style 15/2020/NĐ-CP
NUMBERED_RE = re.compile(r"\bsố:?\s*\d+\b(?!\s*[-–/])")   # "số 17" without a symbol
DATE_RES = [
    re.compile(r"(?<![\d.,/:-])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?(?![\d,/:]|\.\d|-\d)"),
    re.compile(r"tháng\s*\d{1,2}\s*(?:/|năm)\s*\d{4}", re.I),
    re.compile(r"quý\s+[IVX\d]+\s*(?:[/-]|năm)\s*\d{4}", re.I),
    re.compile(r"ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}", re.I),
]
ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$|^--(\d{2})-(\d{2})$|^(\d{4})-(\d{2})$|^(\d{4})-Q([1-4])$")


def iso_ok(iso):
    m = ISO_RE.match(iso or "")
    if not m:
        return False
    if m.group(1):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]
    if m.group(4):
        mo, d = int(m.group(4)), int(m.group(5))
        return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(2000, mo)[1]
    if m.group(6):
        return 1 <= int(m.group(7)) <= 12
    return True


LIST_GAP_RE = re.compile(r"^\s*(?:,|;|và)?\s*$")


def shared_date(text, cites, dates, c):
    """The date in the span of citation c, or else the one its list shares
    (GOLD.md tricky case 4: "… số 217-QĐ/TW và … số 218-QĐ/TW, ngày 12/12/2013",
    "số 4382/GDĐT-KHTC, số 4383/GDĐT-KHTC, số 4384/GDĐT-KHTC ngày 14/12/2018"):
    the date of the next citations, joined by a comma, a semicolon or "và"."""
    while c is not None:
        inside = [d for d in dates if c["start"] <= d["start"] and d["end"] <= c["end"]]
        if inside:
            return inside[0]["iso"]
        after = [x for x in cites if x["start"] >= c["end"]
                 and LIST_GAP_RE.match(text[c["end"]:x["start"]])]
        c = after[0] if after else None
    return None


def key(number, symbol):
    """number-symbol (Party style) or number/symbol, TƯ spelled TW."""
    symbol = symbol.replace("TƯ", "TW")
    sep = "/" if "/" in number or "/" not in symbol else "-"
    return number + sep + symbol


def check(folder):
    errors = []
    texts = {}
    recs = []
    with open(os.path.join(folder, "gold.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                recs.append((n, json.loads(line)))
            except ValueError as e:
                errors.append("gold.jsonl:%d: bad JSON: %s" % (n, e))
    bydoc = {}
    for n, r in recs:
        doc, kind = r.get("doc"), r.get("kind")
        where = "gold.jsonl:%d (%s)" % (n, doc)
        if kind not in KINDS:
            errors.append("%s: unknown kind %r" % (where, kind))
            continue
        for f in ["doc", "kind", "text", "start", "end", "note"] + FIELDS[kind]:
            if f not in r:
                errors.append("%s: %s record without %r" % (where, kind, f))
        if doc not in texts:
            path = os.path.join(folder, doc)
            if not os.path.isfile(path):
                errors.append("%s: no file %s" % (where, doc))
                continue
            with open(path, encoding="utf-8") as f:
                texts[doc] = f.read()
        text = texts[doc]
        if text[r["start"]:r["end"]] != r["text"]:
            errors.append("%s: text %r != file[%d:%d] %r" % (where, r["text"], r["start"], r["end"],
                                                              text[r["start"]:r["end"]]))
        if kind == "date" and not iso_ok(r.get("iso")):
            errors.append("%s: bad iso %r" % (where, r.get("iso")))
        if kind == "date" and r.get("range") not in (None, "start", "end"):
            errors.append("%s: bad range %r" % (where, r.get("range")))
        if kind == "date" and r.get("range") and r.get("range_text") not in text:
            errors.append("%s: range_text not in the file" % where)
        if kind == "citation" and r.get("date") and not iso_ok(r["date"]):
            errors.append("%s: bad citation date %r" % (where, r["date"]))
        if kind == "citation" and not r.get("symbol") and not r.get("optional"):
            errors.append("%s: a citation without a symbol must be optional" % where)
        bydoc.setdefault(doc, []).append((n, r))
    for doc, rs in bydoc.items():
        kinds = [r["kind"] for _, r in rs]
        if relations_only(rs):
            continue
        if kinds.count("self") != 1:
            errors.append("%s: %d self records" % (doc, kinds.count("self")))
        ranks = [KINDS.index(k) for k in kinds]
        if ranks != sorted(ranks):
            errors.append("%s: records not in kind order" % doc)
        for kind in KINDS:
            starts = [r["start"] for _, r in rs if r["kind"] == kind]
            if starts != sorted(starts):
                errors.append("%s: %s records not in text order" % (doc, kind))
        spans = sorted((r["start"], r["end"], n) for n, r in rs if r["kind"] in SPAN_KINDS)
        dates = sorted((r["start"], r["end"], n) for n, r in rs if r["kind"] == "date")
        for group in (spans, dates):
            for a, b in zip(group, group[1:]):
                if b[0] < a[1]:
                    errors.append("%s: records at lines %d and %d overlap" % (doc, a[2], b[2]))
        cites = [r for _, r in rs if r["kind"] == "citation"]
        refs = {key(c["number"], c["symbol"]) for c in cites if c.get("symbol")}
        for n, r in rs:
            if r["kind"] == "date":
                inside = [c for c in cites if c["start"] <= r["start"] and r["end"] <= c["end"]]
                if bool(inside) != bool(r["in_citation"]):
                    errors.append("gold.jsonl:%d: in_citation is %s" % (n, r["in_citation"]))
                for c in inside:
                    if c.get("date") != r["iso"]:
                        errors.append("gold.jsonl:%d: citation date %s != %s" % (n, c.get("date"), r["iso"]))
            if r["kind"] == "citation" and r.get("date"):
                drs = [d for _, d in rs if d["kind"] == "date"]
                if shared_date(texts.get(doc, ""), cites, drs, r) != r["date"]:
                    errors.append("gold.jsonl:%d: citation date without a date in its span" % n)
            if r["kind"] == "citation" and r.get("symbol"):
                if not (r.get("ref") or "").startswith(key(r["number"], r["symbol"])):
                    errors.append("gold.jsonl:%d: ref %r does not match number and symbol" % (n, r.get("ref")))
            if r["kind"] == "short_ref" and (r.get("ref") or "").split("@")[0] not in refs:
                errors.append("gold.jsonl:%d: short_ref to %r, not a citation of %s" % (n, r.get("ref"), doc))
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt") and name not in bydoc:
            errors.append("%s: no records" % name)
    return errors, texts, bydoc


def relations_only(rs):
    """A document annotated for its relations only (validity/, issue 16):
    neither its own identity, citations nor dates are annotated, so the
    checks and candidates of those do not apply."""
    return all(r["kind"] in ("relation", "no_relation") for _, r in rs)


def candidates(texts, bydoc):
    reviewed = {(d, t) for d, t, _ in REVIEWED}
    out = []
    for doc, text in sorted(texts.items()):
        rs = [r for _, r in bydoc[doc]]
        if relations_only(bydoc[doc]):
            continue
        cover_sym = [(r["start"], r["end"]) for r in rs if r["kind"] != "date"]
        cover_date = [(r["start"], r["end"]) for r in rs if r["kind"] == "date"]
        found = [(m, cover_sym, "symbol") for m in SYMBOL_RE.finditer(text)]
        found += [(m, cover_sym, "numbered") for m in NUMBERED_RE.finditer(text)]
        for rx in DATE_RES:
            for m in rx.finditer(text):
                if rx is DATE_RES[0]:
                    d, mo = int(m.group(1)), int(m.group(2))
                    if not (1 <= d <= 31 and 1 <= mo <= 12):
                        continue
                found.append((m, cover_date, "date"))
        for m, cover, what in found:
            if any(a <= m.start() and m.end() <= b for a, b in cover):
                continue
            if (doc, m.group(0)) in reviewed:
                continue
            out.append("%s:%d: %s candidate %r not covered" % (doc, m.start(), what, m.group(0)))
    return out


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, texts, bydoc = check(folder)
    for e in errors:
        print("error:", e)
    cands = candidates(texts, bydoc) if not errors else []
    for c in cands:
        print("review:", c)
    n = sum(len(v) for v in bydoc.values())
    print("%d documents, %d records, %d errors, %d candidates to review" % (len(bydoc), n, len(errors), len(cands)))
    return 1 if errors or cands else 0


if __name__ == "__main__":
    sys.exit(main())
