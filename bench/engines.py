#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""The benchmark's helpers for the two other engines, run as separate
processes by bench/run.py so that each is measured on its own:

  engines.py fts5-index DB DOCS      SQLite FTS5 index of DOCS/*.txt, one transaction
  engines.py fts5-compact DB         FTS5 'optimize' then VACUUM
  engines.py fts5-time DB REPS       in-process query timing   } queries on stdin,
  engines.py xapian-time DB REPS     (omindex index, as quest)  } one a line
  engines.py fts5-hits DB            every hit of each query    }
  engines.py xapian-hits DB          (file names, JSON a line)  }

Timing output, per query: line number, hits shown (at most 10), then each
round's milliseconds, after two untimed rounds, or line number and "error":
the same as bench/inproc.c. Hits output: a JSON list, or null on error.
The Xapian side parses as quest does (default flags and English stemmer,
with AND as quest -o and).
It does not run chimuc.
"""
import os
import sqlite3
import sys
import time

WARMUP = 2
HITS = 10
FTS5_TABLE = ("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, "
              "tokenize = 'unicode61 remove_diacritics 2')")


def fts5_index(db, docs):
    con = sqlite3.connect(db)
    con.execute(FTS5_TABLE)
    with con:  # one transaction
        for name in sorted(os.listdir(docs)):
            if name.endswith(".txt"):
                with open(os.path.join(docs, name), encoding="utf-8", errors="replace") as f:
                    con.execute("INSERT INTO docs(path, body) VALUES (?, ?)", (name, f.read()))
    con.close()


def fts5_compact(db):
    con = sqlite3.connect(db)
    with con:
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.execute("VACUUM")
    con.close()


def fts5_search(db):
    con = sqlite3.connect(db)

    def top(q):
        return [r[0] for r in con.execute(
            "SELECT path FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", (q, HITS))]

    def every(q):
        return [r[0] for r in con.execute("SELECT path FROM docs WHERE docs MATCH ?", (q,))]
    return top, every


def xapian_search(db):
    import xapian
    xdb = xapian.Database(db)
    qp = xapian.QueryParser()
    qp.set_database(xdb)
    qp.set_default_op(xapian.Query.OP_AND)
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)

    def run(q, first, count):
        enq = xapian.Enquire(xdb)
        enq.set_query(qp.parse_query(q, xapian.QueryParser.FLAG_DEFAULT))
        out = []
        for m in enq.get_mset(first, count):
            data = m.document.get_data().decode("utf-8", "replace")
            url = next((ln[4:] for ln in data.split("\n") if ln.startswith("url=")), "")
            out.append(os.path.basename(url))
        return out

    return (lambda q: run(q, 0, HITS)), (lambda q: run(q, 0, xdb.get_doccount()))


def time_queries(top, reps):
    for lineno, line in enumerate(sys.stdin, 1):
        q = line.rstrip("\n")
        ms = []
        try:
            for r in range(WARMUP + reps):
                t0 = time.perf_counter()
                hits = top(q)
                if r >= WARMUP:
                    ms.append((time.perf_counter() - t0) * 1e3)
        except Exception as e:  # a query the engine refuses: reported, not fatal
            print(f"engines.py: query {lineno}: {e}", file=sys.stderr)
            print(lineno, "error", flush=True)
            continue
        print(lineno, len(hits), " ".join(f"{x:.4f}" for x in ms), flush=True)


def all_hits(every):
    import json
    for lineno, line in enumerate(sys.stdin, 1):
        try:
            print(json.dumps(sorted(every(line.rstrip("\n")))), flush=True)
        except Exception as e:
            print(f"engines.py: query {lineno}: {e}", file=sys.stderr)
            print("null", flush=True)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd, db = argv[1], argv[2]
    if cmd == "fts5-index":
        fts5_index(db, argv[3])
    elif cmd == "fts5-compact":
        fts5_compact(db)
    elif cmd in ("fts5-time", "xapian-time"):
        top, _ = (fts5_search if cmd.startswith("fts5") else xapian_search)(db)
        time_queries(top, int(argv[3]))
    elif cmd in ("fts5-hits", "xapian-hits"):
        _, every = (fts5_search if cmd.startswith("fts5") else xapian_search)(db)
        all_hits(every)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
