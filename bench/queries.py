# SPDX-License-Identifier: GPL-2.0-or-later

"""The benchmark's fixed query list and its ground truth.

Each query is written once per engine, in that engine's own syntax, as close
in meaning as the engine allows (Xapian's quest has no diacritic folding and
no date field, so it gets the surface forms of a date OR-ed together).
The ground truth is computed here from the text of the generated corpus, by
a small independent reading of the chimuc query language:
  * words are AND-ed; "..." is a phrase; a word such as 25-NQ/TW that splits
    into several tokens is a phrase;
  * a word typed with a diacritic (or đ) matches exactly that word, up to
    case, NFC/NFD and old/new tone placement (hoà = hòa, uỷ = ủy);
    a word typed without any matches every word that folds to it;
  * date:D/M matches a document that mentions that day and month in any
    year and any of the generator's forms (15/10/2024, 15-10-2024,
    ngày 15 tháng 10 năm 2024); date:YYYY-MM-DD that full date.
The citation and date answers are cross-checked against truth.jsonl (every
citation and dated deadline the generator inserted must be found here).
This module does not run any engine.
"""
import json
import os
import re
import unicodedata

# id, what it tests, chimuc, quest (omindex), FTS5
QUERIES = [
    ("w-acc", "words with diacritics", "dân vận khéo", "dân vận khéo", "dân vận khéo"),
    ("w-fold", "words without diacritics", "dan van kheo", "dan van kheo", "dan van kheo"),
    ("p-acc", "phrase with diacritics", '"công tác dân vận"', '"công tác dân vận"',
     '"công tác dân vận"'),
    ("p-fold", "phrase without diacritics", '"cong tac dan van"', '"cong tac dan van"',
     '"cong tac dan van"'),
    ("exact-absent", "dặn: in no document; dân, dẫn, dán are", "dặn", "dặn", "dặn"),
    ("exact-rare", "dần, not dân/dẫn/dán", "dần", "dần", "dần"),
    ("tone-uy", "new tone placement typed, either in text", '"Tỉnh uỷ"', '"Tỉnh uỷ"',
     '"Tỉnh uỷ"'),
    ("tone-hoa", "new tone placement typed, either in text", '"Thanh Hoá"', '"Thanh Hoá"',
     '"Thanh Hoá"'),
    ("p-name", "phrase, proper name", '"Hồ Chí Minh"', '"Hồ Chí Minh"', '"Hồ Chí Minh"'),
    ("cit-nq", "party citation", "25-NQ/TW", "25-NQ/TW", '"25-NQ/TW"'),
    ("cit-ct", "party citation", "49-CT/TW", "49-CT/TW", '"49-CT/TW"'),
    ("cit-qd", "party citation with Đ", "23-QĐ/TW", "23-QĐ/TW", '"23-QĐ/TW"'),
    ("cit-state", "state citation", "40/2018/NĐ-CP", "40/2018/NĐ-CP", '"40/2018/NĐ-CP"'),
    ("cit-words", "citation and words", "công tác dân vận 25-NQ/TW",
     "công tác dân vận 25-NQ/TW", 'công tác dân vận "25-NQ/TW"'),
    ("date-dm", "day and month, any year", "date:15/10",
     '15/10 OR "15 tháng 10"', '"15/10" OR "15 tháng 10"'),
    ("date-full", "full date", "date:2013-06-03",
     '3/6/2013 OR 03/6/2013 OR 03/06/2013 OR "03 tháng 6 năm 2013" OR '
     '"3 tháng 6 năm 2013"',
     '"3/6/2013" OR "03/6/2013" OR "03/06/2013" OR "03 tháng 6 năm 2013" OR '
     '"3 tháng 6 năm 2013"'),
]

# --------------------------------------------------------------- text model

TONES = "\u0300\u0301\u0303\u0309\u0323"
# tone on the main vowel (hoà, thuỷ) -> tone on the first vowel (hòa, thủy),
# at the end of a word, as the generator's tone_style(text, "new") does
_CANON_RE = [
    (re.compile(r"([oO])([aAeE])([" + TONES + r"])(?![\w\u0300-\u036f])"), r"\1\3\2"),
    (re.compile(r"(?<![qQ])([uU])([yY])([" + TONES + r"])(?![\w\u0300-\u036f])"), r"\1\3\2"),
]
_WORD = re.compile(r"[^\W_]+")
_canon_cache = {}
_fold_cache = {}


def canon(word):
    """Exact form of a lower-case NFC word: one tone placement."""
    c = _canon_cache.get(word)
    if c is None:
        t = unicodedata.normalize("NFD", word)
        for rx, rep in _CANON_RE:
            t = rx.sub(rep, t)
        c = _canon_cache[word] = unicodedata.normalize("NFC", t)
    return c


def fold(word):
    f = _fold_cache.get(word)
    if f is None:
        t = unicodedata.normalize("NFD", word)
        t = "".join(ch for ch in t if unicodedata.category(ch) != "Mn")
        f = _fold_cache[word] = t.replace("đ", "d").replace("Đ", "d").lower()
    return f


def tokens(text):
    return [canon(w) for w in _WORD.findall(unicodedata.normalize("NFC", text).lower())]


def has_diacritic(word):
    return fold(word) != word


# ------------------------------------------------------------------- dates

_NUM_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)


def dates_in(text):
    """Set of (day, month, year) of every date written in text."""
    text = unicodedata.normalize("NFC", text)
    out = set()
    for m in _NUM_DATE.finditer(text):
        out.add((int(m.group(1)), int(m.group(3)), int(m.group(4))))
    for m in _LONG_DATE.finditer(text):
        out.add((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return {d for d in out if 1 <= d[0] <= 31 and 1 <= d[1] <= 12}


# ------------------------------------------------------------ query reading

_QTOK = re.compile(r'"([^"]*)"|(\S+)')


def parse(query):
    """chimuc query text -> list of clauses, all required:
    ("seq", [word, ...]) a word or phrase; ("date", (d, m, y or None))."""
    clauses = []
    for m in _QTOK.finditer(query):
        if m.group(1) is not None:
            clauses.append(("seq", tokens(m.group(1))))
            continue
        w = m.group(2)
        if w.startswith("date:"):
            spec = w[5:]
            if "/" in spec:
                d, mo = spec.split("/")
                clauses.append(("date", (int(d), int(mo), None)))
            else:
                y, mo, d = spec.split("-")
                clauses.append(("date", (int(d), int(mo), int(y))))
        else:
            clauses.append(("seq", tokens(w)))
    return clauses


def _word_ok(qword, tok):
    return tok == qword if has_diacritic(qword) else fold(tok) == qword


def _seq_in(seq, toks):
    n = len(seq)
    first = seq[0]
    for i in range(len(toks) - n + 1):
        if _word_ok(first, toks[i]) and all(_word_ok(seq[j], toks[i + j]) for j in range(1, n)):
            return True
    return False


def _date_in(spec, dates):
    d, m, y = spec
    return any(x[0] == d and x[1] == m and (y is None or x[2] == y) for x in dates)


def matches(clauses, toks, dates):
    return all(_seq_in(c[1], toks) if c[0] == "seq" else _date_in(c[1], dates)
               for c in clauses)


# ------------------------------------------------------------ ground truth

def ground_truth(corpus_dir):
    """{query id: sorted list of file names} over corpus_dir/docs, and a
    list of problems found when checking truth.jsonl against the text."""
    parsed = [(q[0], parse(q[2])) for q in QUERIES]
    hits = {qid: [] for qid, _ in parsed}
    truth = {}
    with open(os.path.join(corpus_dir, "truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            truth[os.path.basename(t["file"])] = t
    problems = []
    docs = os.path.join(corpus_dir, "docs")
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(docs, name), encoding="utf-8") as f:
            text = f.read()
        toks, dates = tokens(text), dates_in(text)
        for qid, clauses in parsed:
            if matches(clauses, toks, dates):
                hits[qid].append(name)
        problems += _check_truth(name, truth.get(name), toks, dates)
    return hits, problems


def _iso(s):
    y, m, d = s.split("-")
    return int(d), int(m), int(y)


def _check_truth(name, t, toks, dates):
    if t is None:
        return [f"{name}: not in truth.jsonl"]
    out = []
    for c in t["citations"] + [{"number": t["doc_number"]}]:
        if not _seq_in(tokens(c["number"]), toks):
            out.append(f"{name}: citation {c['number']} not found in the text")
    for d in t["dates"] + [{"iso": t["date"]}]:
        if _iso(d["iso"]) not in dates:
            out.append(f"{name}: date {d['iso']} not found in the text")
    return out
