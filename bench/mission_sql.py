#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""The anchor of the mission bench: chimuc's extraction loaded into SQLite,
answering the mission's questions as a user would with Python's sqlite3.

  mission_sql.py load-extract DB EXTRACT.jsonl   # `chimuc extract --json` of every document
  mission_sql.py load-text DB DOCS               # the NFC text into FTS5 (for search)
  mission_sql.py QUESTION DB [ARG]               # one question; rows as JSON arrays

Tables: docs (id, path, key, base, type, date), citations (doc, key, base,
year, type, relation, written: the key as the text writes it, which the
graph keeps), dates (doc, iso, resolved, md, deadline, occasion),
text (FTS5, unicode61 without diacritic removal: dân is not dan), with
indexes on what the questions look up. A citation without a year is given
the one year the corpus cites its number with, as chimuc's README promises. Each question is one process, as each
chimuc command is; depth 2 is a recursive CTE.
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata

import mission_truth

SCHEMA = """
CREATE TABLE docs (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, key TEXT, base TEXT,
                   type TEXT, date TEXT);
CREATE TABLE citations (doc INTEGER NOT NULL REFERENCES docs(id), key TEXT NOT NULL,
                        base TEXT NOT NULL, year INTEGER, type TEXT, relation TEXT,
                        written TEXT NOT NULL);
CREATE TABLE dates (doc INTEGER NOT NULL REFERENCES docs(id), iso TEXT, resolved TEXT, md TEXT,
                    deadline INTEGER NOT NULL, occasion INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX citations_key ON citations(key, doc);
CREATE INDEX citations_base ON citations(base, doc);
CREATE INDEX citations_doc ON citations(doc);
CREATE INDEX citations_written ON citations(written, doc);
CREATE INDEX docs_key ON docs(key);
CREATE INDEX docs_type ON docs(type);
CREATE INDEX dates_md ON dates(md);
CREATE INDEX dates_resolved ON dates(resolved);
"""


def split_key(k):
    base, _, year = k.partition("@")
    return base, int(year) if year.isdigit() else None


def month_day(v):
    """"2024-10-15" or "--10-15" -> "10-15"; a month or a quarter -> None."""
    if v and len(v) == 10 and v[-3] == "-" and v[-6] == "-":
        return v[-5:]
    return None


def load_extract(db, extract):
    con = sqlite3.connect(db)
    con.executescript(SCHEMA)
    ids = {}
    with con, open(extract, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            path = os.path.abspath(r["path"])
            doc = ids.get(path)
            if doc is None:
                doc = ids[path] = con.execute("INSERT INTO docs (path) VALUES (?)", (path,)).lastrowid
            kind = r["kind"]
            if kind == "self":
                con.execute("UPDATE docs SET key = ?, base = ?, type = ?, date = ? WHERE id = ?",
                            (r["key"], split_key(r["key"])[0], r["type"], r["date"], doc))
            elif kind == "citation" and r["key"]:
                base, year = split_key(r["key"])
                con.execute("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (doc, r["key"], base, year, r["type"], r["relation"], r["key"]))
            elif kind == "date":
                value = r["resolved"] or r["iso"]
                # an occasion: named, not inside a citation, not the origin of an anniversary
                occasion = r["occasion"] is not None and not r["in_citation"] and r["range"] != "start"
                con.execute("INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?)",
                            (doc, r["iso"], value, month_day(value), int(bool(r["deadline"])),
                             int(occasion)))
    with con:
        resolve_years(con)
    con.executescript(INDEXES)
    con.execute("ANALYZE")
    con.close()


STATE_YEAR = re.compile(r"^\d+/(\d{4})/")


def resolve_years(con):
    """A citation without a year gets the year a state number carries
    (15/2020/NĐ-CP), else the one year the corpus cites its number with;
    none or several: left as it is."""
    years = {}
    for base, year in con.execute("SELECT DISTINCT base, year FROM citations WHERE year IS NOT NULL"):
        years.setdefault(base, set()).add(year)
    for rowid, base in con.execute("SELECT rowid, base FROM citations WHERE year IS NULL").fetchall():
        known = years.get(base, set())
        m = STATE_YEAR.match(base)
        year = int(m.group(1)) if m else next(iter(known)) if len(known) == 1 else None
        if year is not None:
            con.execute("UPDATE citations SET year = ?, key = ? WHERE rowid = ?",
                        (year, f"{base}@{year}", rowid))


def load_text(db, docs):
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE text USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')")
    with con:
        for doc, path in con.execute("SELECT id, path FROM docs").fetchall():
            with open(path, encoding="utf-8", errors="replace") as f:
                body = unicodedata.normalize("NFC", f.read())
            con.execute("INSERT INTO text (rowid, body) VALUES (?, ?)", (doc, body))
    con.close()


DEPTH2 = """
WITH RECURSIVE r(doc, depth) AS (
  SELECT doc, 1 FROM citations WHERE key = :ref
  UNION
  SELECT c.doc, r.depth + 1 FROM r JOIN docs d ON d.id = r.doc JOIN citations c ON c.key = d.key
  WHERE r.depth < 2)
SELECT DISTINCT path FROM r JOIN docs ON docs.id = r.doc"""
AROUND = """
WITH n(key) AS (
  SELECT :ref
  UNION SELECT d.key FROM citations c JOIN docs d ON d.id = c.doc WHERE c.written = :ref
  UNION SELECT c.written FROM citations c JOIN docs d ON d.id = c.doc WHERE d.key = :ref)
SELECT 'n', key, NULL FROM n
UNION ALL
SELECT DISTINCT 'e', d.key, c.written FROM citations c JOIN docs d ON d.id = c.doc
WHERE d.key IN n AND c.written IN n"""
GRAPH = """
SELECT 'n', key, path FROM docs
UNION ALL
SELECT 'c', written, NULL FROM (SELECT DISTINCT written FROM citations
                      WHERE written NOT IN (SELECT key FROM docs WHERE key IS NOT NULL))
UNION ALL
SELECT DISTINCT 'e', d.key, c.written FROM citations c JOIN docs d ON d.id = c.doc"""
QUESTIONS = {
    "cited-by": "SELECT DISTINCT path FROM citations c JOIN docs d ON d.id = c.doc WHERE c.key = :ref",
    "cited-by-d2": DEPTH2,
    "cites": "SELECT DISTINCT c.key FROM citations c JOIN docs d ON d.id = c.doc WHERE d.path = :ref",
    "top-cited": "SELECT key, COUNT(DISTINCT doc) AS n FROM citations GROUP BY key "
                 "ORDER BY n DESC, key LIMIT 10",
    "deadlines-on": "SELECT path, resolved FROM dates x JOIN docs d ON d.id = x.doc "
                    "WHERE md = :ref AND (deadline OR occasion) ORDER BY resolved",
    "deadlines-range": "SELECT path, resolved FROM dates x JOIN docs d ON d.id = x.doc "
                       "WHERE resolved BETWEEN :from AND :to AND (deadline OR occasion) "
                       "ORDER BY resolved",
    "graph": GRAPH,
    "graph-around": AROUND,
    "search": "SELECT path FROM docs d JOIN text t ON t.rowid = d.id WHERE d.type = 'Kế hoạch' "
              "AND d.id IN (SELECT doc FROM citations WHERE base = :ref) AND text MATCH :words",
}
MAP_STATUS = "SELECT (SELECT MIN(date) FROM docs WHERE key = :ref), " \
             "(SELECT COUNT(DISTINCT doc) FROM citations WHERE key = :ref)"
MAP_PRECEDENTS = "SELECT path, date FROM citations c JOIN docs d ON d.id = c.doc " \
                 "WHERE c.key = :ref GROUP BY path ORDER BY date DESC"


def draft_map(con, chimuc, draft):
    """The draft's citations (chimuc extract), each with its status and its
    precedents: [key, status, number of citing documents, path...]."""
    out = subprocess.run([chimuc, "extract", "--json", draft], check=True, capture_output=True,
                         text=True).stdout
    rows = []
    for line in out.splitlines():
        r = json.loads(line)
        if r["kind"] != "citation" or not r["key"]:
            continue
        own, citing = con.execute(MAP_STATUS, {"ref": r["key"]}).fetchone()
        paths = [p for p, _ in con.execute(MAP_PRECEDENTS, {"ref": r["key"]})]
        status = mission_truth.map_status(own, r["date"], citing)
        rows.append([r["key"], status, citing, *paths])
    return rows


def main(argv):
    if argv[0] == "load-extract":
        return load_extract(argv[1], argv[2])
    if argv[0] == "load-text":
        return load_text(argv[1], argv[2])
    q, db, args = argv[0], argv[1], argv[2:]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    if q == "map":
        rows = draft_map(con, args[0], args[1])
    else:
        params = {"ref": args[0] if args else None}
        if q == "deadlines-range":
            params = {"from": args[0], "to": args[1]}
        if q == "search":
            params["words"] = " AND ".join(f'"{w}"' for w in args[1].split())
        rows = con.execute(QUESTIONS[q], params)
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(list(row), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
