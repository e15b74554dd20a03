# SPDX-License-Identifier: GPL-2.0-or-later

"""The expected answers of the mission's operations (bench/mission.py), read
from the corpus generator's truth.jsonl, never from an engine.

A cited document is named as chimuc names it: its number and the year of its
date ("25-NQ/TW@2013"); a corpus document by its own number and the year of
its own date. The documents citing one are those the generator made cite
it, whatever the form (cited-by, top-cited and map count a citation without
a year as one of the only year its number is cited with); the graph keeps
citations as the text writes them (a bare number stays a node of its own),
so its truth does too (written_keys). Each question is a dict: id, what it asks, and the expected
answer in the form check() compares (a count, a set, a multiset, pairs).
The words of the search question are read from the text with the query
reader of bench/queries.py (the search comparison's ground truth).
"""
import collections
import json
import os
import re

import queries

REF = "25-NQ/TW@2013"
KH = "Kế hoạch"
SEARCH_WORDS = "dân vận"
DRAFT_REFS = ("25-NQ/TW@2013", "49-CT/TW@2015", "23-QĐ/TW@2021", "40/2018/NĐ-CP@2018",
              "9999-KH/TU@2020")
ON_MD = "10-15"
RANGE = ("2024-06-01", "2024-06-30")

# The draft given to `chimuc map` and to the anchor: one sentence per
# citation, in the generator's citation forms; the last one is cited by no
# document of any corpus the generator makes (its Party numbers stop at 450).
DRAFT = (
    "KẾ HOẠCH\n"
    "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương (khóa XI) "
    "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.\n"
    "Căn cứ Chỉ thị số 49-CT/TW ngày 20/02/2015 của Ban Bí thư.\n"
    "Quán triệt Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị.\n"
    "Căn cứ Nghị định số 40/2018/NĐ-CP ngày 12/7/2018 của Chính phủ.\n"
    "Triển khai Kế hoạch số 9999-KH/TU ngày 01/01/2020 của Ban Thường vụ Tỉnh ủy.\n"
)


# the date the draft gives each of its citations
DRAFT_DATES = {"25-NQ/TW@2013": "2013-06-03", "49-CT/TW@2015": "2015-02-20",
               "23-QĐ/TW@2021": "2021-07-30", "40/2018/NĐ-CP@2018": "2018-07-12",
               "9999-KH/TU@2020": "2020-01-01"}


def map_status(own_date, draft_date, citing):
    """What `chimuc map` says of a draft's citation: the corpus holds the
    document (in_corpus), or holds one of that number and year dated
    otherwise than the draft says (inconsistent), or only cites it."""
    if own_date is not None:
        return "in_corpus" if own_date == draft_date else "inconsistent"
    return "cited_only" if citing else "unknown"


def key(number, iso):
    return f"{number}@{iso[:4]}"


# a number inside a cited document's topic ("… tiếp tục thực hiện Chỉ thị số
# 05-CT/TW"), written into a title or a citation but not listed on its own
NESTED = re.compile(r"số (\d[^\s,;]*)")


def load(corpus_dir):
    docs = []
    with open(os.path.join(corpus_dir, "truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            t["name"] = os.path.basename(t["file"])
            t["self"] = key(t["doc_number"], t["date"])
            t["keys"] = {key(c["number"], c["date"]) for c in t["citations"]}
            docs.append(t)
    dated = {c["number"]: c["date"] for d in docs for c in d["citations"]}
    for d in docs:
        nested = {n for text in [d["title"]] + [c["surface"] for c in d["citations"]]
                  for n in NESTED.findall(text) if n in dated}
        d["keys"] |= {key(n, dated[n]) for n in nested}
        d["written"] = written_keys(d, nested)
    return docs


# a date written in a citation's surface (the generator's forms)
SURFACE_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|tháng \d+ năm \d{4}")


def written_keys(d, nested):
    """The keys of d's citations as the text writes them, which is how
    chimuc's graph keeps them: dated when the document gives the number a
    date somewhere (a later bare mention points back to it), else the bare
    number ("Chỉ thị 49-CT/TW"), whatever year the generator knows."""
    with_date = {c["number"] for c in d["citations"] if SURFACE_DATE.search(c["surface"])}
    numbers = {c["number"]: c["date"] for c in d["citations"]}
    return {key(n, numbers.get(n) or "") if n in with_date else n
            for n in set(numbers) | nested}


def origin(dates, i):
    """1 if dates[i] is the historical origin of an anniversary range (the
    generator writes "(15/10/1930 - 15/10/2025)" as two anniversary dates,
    origin first): the date of a founding, not an occasion to mark; only the
    anniversary itself is (chimuc deadlines lists the origin only with --all)."""
    x, nxt = dates[i], dates[i + 1] if i + 1 < len(dates) else None
    return (x["kind"] == "anniversary" and nxt is not None and nxt["kind"] == "anniversary"
            and nxt["iso"][4:] == x["iso"][4:] and x["iso"] < nxt["iso"])


def _citing(docs, keys):
    return {d["name"] for d in docs if d["keys"] & keys}


def _search(corpus_dir, docs):
    clauses = queries.parse(SEARCH_WORDS)
    out = set()
    for d in docs:
        if d["doc_type"] != KH or not any(k.split("@")[0] == REF.split("@")[0] for k in d["keys"]):
            continue
        with open(os.path.join(corpus_dir, d["file"]), encoding="utf-8") as f:
            text = f.read()
        if queries.matches(clauses, queries.tokens(text), set()):
            out.add(d["name"])
    return out


def expected(corpus_dir):
    """{question id: expected answer} for the corpus in corpus_dir, and the
    name of the document whose citations `cites` lists."""
    docs = load(corpus_dir)
    by_name = {d["name"]: d for d in docs}
    d1 = _citing(docs, {REF})
    d2 = d1 | _citing(docs, {by_name[n]["self"] for n in d1})
    counts = collections.Counter(k for d in docs for k in d["keys"])
    selfs = {d["self"] for d in docs}
    cites_doc = max(docs, key=lambda d: (len(d["keys"]), d["name"]))
    dates = [(d["name"], x["iso"]) for d in docs for i, x in enumerate(d["dates"])
             if not origin(d["dates"], i)]
    # the own number written without a year is the document naming itself
    # (chimuc extract: self_mention), not an edge to another document
    edges = {(d["self"], k) for d in docs for k in d["written"] if k != d["doc_number"]}
    own_date = {d["self"]: d["date"] for d in docs}
    draft = {}
    for k in DRAFT_REFS:
        n = counts.get(k, 0)
        draft[k] = (map_status(own_date.get(k), DRAFT_DATES[k], n), n)
    exp = {
        "cited-by": d1,
        "cited-by-d2": d2,
        "cites": cites_doc["keys"],
        "top-cited": counts,
        "deadlines-on": collections.Counter(x for x in dates if x[1][5:] == ON_MD),
        "deadlines-range": collections.Counter(x for x in dates if RANGE[0] <= x[1] <= RANGE[1]),
        "graph": (len(selfs), len({k for _, k in edges} - selfs), len(edges)),
        "graph-around": len({d["self"] for d in docs if REF in d["written"]}) + 1,
        "map": draft,
        "search": _search(corpus_dir, docs),
    }
    return exp, cites_doc["name"]


def check(qid, exp, got):
    """(right, shown, how): whether got, read from an engine's output in the
    form of exp, is the expected answer; shown is the count for the table,
    how says what differs (empty when right)."""
    if qid == "top-cited":
        top = sorted(exp.values(), reverse=True)[:10]
        wrong = [f"{k} {c} (expected {exp.get(k, 0)})" for k, c in got if exp.get(k) != c]
        if sorted((c for _, c in got), reverse=True) != top:
            wrong.append(f"counts {[c for _, c in got]}, expected {top}")
        return not wrong, len(got), "; ".join(wrong[:3])
    if qid == "cites":
        got = [dated(k, exp) for k in got]
    if qid == "graph":
        how = "" if got == exp else f"corpus nodes, cited-only nodes, edges {got}, expected {exp}"
        return got == exp, got[2], how
    if qid == "map":
        wrong = [f"{k}: {got.get(k)}, expected {v}" for k, v in exp.items() if got.get(k) != v]
        wrong += [f"{k} not in the draft" for k in got if k not in exp]
        return not wrong, sum(n for _, n in got.values()), "; ".join(wrong)
    if isinstance(exp, int):
        return got == exp, got, "" if got == exp else f"{got}, expected {exp}"
    g = collections.Counter(got)
    e = exp if isinstance(exp, collections.Counter) else collections.Counter(exp)
    extra, missed = g - e, e - g
    how = ""
    if extra or missed:
        how = f"+{sum(extra.values())} −{sum(missed.values())}"
        ex = sorted(extra)[:2] + sorted(missed)[:2]
        how += " (e.g. " + ", ".join(str(x) for x in ex) + ")"
    return not how, sum(g.values()), how


def dated(key, keys):
    """A key without a year as the one of keys with its number, when there
    is one only: a citation that gives no year ("Chỉ thị 49-CT/TW") is listed
    by its number alone, and the generator's truth dates every citation."""
    if "@" in key:
        return key
    same = [k for k in keys if k.split("@")[0] == key]
    return same[0] if len(same) == 1 else key


def count(qid, exp):
    """The expected count shown beside the engines' in the table."""
    if qid == "top-cited":
        return 10
    if qid == "graph":
        return exp[2]
    if qid == "map":
        return sum(n for _, n in exp.values())
    if isinstance(exp, int):
        return exp
    if isinstance(exp, collections.Counter):
        return sum(exp.values())
    return len(exp)
