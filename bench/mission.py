#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""The mission bench: chimuc's own operations at several corpus sizes, beside
the anchor a user would otherwise pick (chimuc's extraction in SQLite,
bench/mission_sql.py), every answer checked against the generator's truth.

  bench/mission.py [--sizes 2000,20000] [--seed 2] [--runs 3] [--bin build/bench]

For each size, in one run: makes the corpus (bench/make_corpus.py); times a
fresh index build, unchanged reruns and one-file changes; times each query
(--runs runs, median; peak RSS by /usr/bin/time -f %M) of chimuc and of the
anchor, interleaved; then writes the section between the mission markers of
RESULTS.md (the engine comparison of bench/run.py stays as it is) and
mission.json.
"""
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in bench/
import harness  # noqa: E402
import mission_truth as truth  # noqa: E402
from harness import ENV, HERE, PY, REPO, du, median as med  # noqa: E402

SQL = os.path.join(HERE, "mission_sql.py")
BEGIN, END = "<!-- mission: begin (bench/mission.py) -->", "<!-- mission: end -->"
MIB = 1024
# the scale targets
GRAPH_SHARE = 0.10  # whole-graph export at 20,000 documents, of that build's time
RERUN_SHARE = 0.02  # unchanged rerun and one-file change at 200,000, of that build's time
PEAK_MIB = 200  # every operation but graph
PAGE = 10000  # chimuc search's largest --limit
SLOW_S = 30  # a query whose warm-up run takes longer is timed by that run alone

QUESTIONS = [  # id, what the table calls it
    ("cited-by", f"`cited-by {truth.REF}`"),
    ("cited-by-count", f"`cited-by --count {truth.REF}`"),
    ("cited-by-d2", f"`cited-by --depth 2 {truth.REF}`"),
    ("cites", "`cites DOC` (the document citing most)"),
    ("top-cited", "`top-cited --limit 10`"),
    ("deadlines-on", "`deadlines --on 15/10`"),
    ("deadlines-range", f"`deadlines --from {truth.RANGE[0]} --to {truth.RANGE[1]}`"),
    ("graph", "`graph --format json` (whole)"),
    ("graph-around", f"`graph --around {truth.REF} --depth 1`"),
    ("map", "`map` of a draft (5 citations)"),
    ("search", f"`search cites:25-NQ/TW type:KH {truth.SEARCH_WORDS}` (every hit)"),
]


def log(*a):
    print("mission:", *a, file=sys.stderr, flush=True)


def measure(cmd, out_path):
    """Runs cmd with stdout to out_path: (wall s, peak RSS MiB)."""
    tfile = out_path + ".rss"
    t0 = time.perf_counter()
    with open(out_path, "w") as out:
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tfile, *cmd], stdout=out,
                           stderr=subprocess.PIPE, text=True, env=ENV)
    wall = time.perf_counter() - t0
    if p.returncode:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.strip()[-300:]}")
    with open(tfile) as f:
        peak = int(f.read().split()[-1]) / MIB
    return wall, peak


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(ln) for ln in f if ln.strip()]


# ------------------------------------------------------------------ corpus

def corpus(a, docs):
    return harness.make_corpus(a.work, docs, a.seed, log, by_hash=False)[0]


# ---------------------------------------------------------------- indexing

def indexing(a, docs_dir, db, scratch):
    index = [os.path.join(a.bin, "chimuc-index"), "--db", db, docs_dir]
    shutil.rmtree(db, ignore_errors=True)
    log("  fresh build")
    res = {"build": [measure(index, scratch)], "rerun": [], "change": []}
    victim = os.path.join(docs_dir, sorted(os.listdir(docs_dir))[len(os.listdir(docs_dir)) // 2])
    with open(victim, "rb") as f:
        original = f.read()
    try:
        for r in range(a.runs):
            log(f"  unchanged rerun {r + 1}, one-file change {r + 1}")
            res["rerun"].append(measure(index, scratch))
            with open(victim, "wb") as f:
                f.write(original + f"\nCác đơn vị báo cáo kết quả lần {r + 1}.\n".encode())
            res["change"].append(measure(index, scratch))
    finally:
        with open(victim, "wb") as f:
            f.write(original)
    measure(index, scratch)  # back to the corpus as generated, untimed
    return res


def sql_loading(a, docs_dir, sdb, scratch):
    files = sorted(os.path.join(docs_dir, n) for n in os.listdir(docs_dir))
    extract = scratch + ".extract"
    walls, peaks = [], []
    with open(extract, "w") as out:
        for i in range(0, len(files), 1000):  # argument lists of a bounded size
            w, p = measure([os.path.join(a.bin, "chimuc"), "extract", "--json", *files[i:i + 1000]],
                           scratch)
            with open(scratch) as f:
                shutil.copyfileobj(f, out)
            walls.append(w)
            peaks.append(p)
    for p in (sdb, sdb + "-journal"):
        if os.path.exists(p):
            os.remove(p)
    res = {"extract": [(sum(walls), max(peaks))]}
    res["load"] = [measure([PY, SQL, "load-extract", sdb, extract], scratch)]
    res["text"] = [measure([PY, SQL, "load-text", sdb, docs_dir], scratch)]
    os.remove(extract)
    return res


# ----------------------------------------------------------------- queries

def chimuc_args(a, db, qid, ctx):
    args = {
        "cited-by": ["cited-by", "--json", truth.REF],
        "cited-by-count": ["cited-by", "--count", truth.REF],
        "cited-by-d2": ["cited-by", "--json", "--depth", "2", truth.REF],
        "cites": ["cites", "--json", ctx["cites_doc"]],
        "top-cited": ["top-cited", "--json", "--limit", "10"],
        "deadlines-on": ["deadlines", "--json", "--on", "15/10"],
        "deadlines-range": ["deadlines", "--json", "--from", truth.RANGE[0], "--to", truth.RANGE[1]],
        "graph": ["graph", "--format", "json"],
        "graph-around": ["graph", "--format", "json", "--around", truth.REF, "--depth", "1"],
        "map": ["map", "--json", ctx["draft"]],
        "search": ["search", "--json", "--brief", "--limit", str(PAGE)],
    }[qid]
    return [os.path.join(a.bin, "chimuc"), args[0], "--db", db, *args[1:]]


def search_words():
    return [f"cites:{truth.REF.split('@')[0]}", "type:KH", *truth.SEARCH_WORDS.split()]


def run_chimuc(a, db, qid, ctx, scratch):
    """(wall s, peak MiB, answer in the form of mission_truth)."""
    cmd = chimuc_args(a, db, qid, ctx)
    if qid != "search":
        wall, peak = measure(cmd, scratch)
        return wall, peak, chimuc_answer(qid, scratch)
    wall, peak, hits, offset = 0.0, 0.0, [], 0
    while True:  # every hit, page by page
        w, p = measure(cmd + ["--offset", str(offset), *search_words()], scratch)
        wall, peak = wall + w, max(peak, p)
        got = [os.path.basename(j["path"]) for j in lines(scratch)]
        hits += got
        if len(got) < PAGE:
            return wall, peak, hits
        offset += PAGE


def chimuc_answer(qid, path):
    if qid == "cited-by-count":
        with open(path) as f:
            return int(f.read().split()[0])
    # a paged listing's line saying how many there are in all is not an answer
    js = [j for j in lines(path) if not ("total" in j and not {"path", "key", "id"} & set(j))]
    if qid in ("cited-by", "cited-by-d2"):
        return [os.path.basename(j["path"]) for j in js]
    if qid == "cites":
        return sorted({j["key"] for j in js})
    if qid == "top-cited":
        return [(j["key"], j["count"]) for j in js]
    if qid.startswith("deadlines"):
        return [(os.path.basename(j["path"]), j["resolved"] or j["iso"]) for j in js]
    if qid == "graph":
        nodes = [j for j in js if j["kind"] == "node"]
        return (len({j["id"] for j in nodes if j.get("path")}),
                len({j["id"] for j in nodes if not j.get("path")}),
                len({(j["from"], j["to"]) for j in js if j["kind"] == "edge"}))
    if qid == "graph-around":
        return len({j["id"] for j in js if j["kind"] == "node"})
    if qid == "map":
        return {j["key"]: (j["status"], j.get("cited_by_total", len(j["cited_by"]))) for j in js}
    raise KeyError(qid)


def run_sql(a, sdb, qid, ctx, scratch):
    arg = {"cited-by": [truth.REF], "cited-by-d2": [truth.REF], "cites": [ctx["cites_doc"]],
           "deadlines-on": [truth.ON_MD], "deadlines-range": list(truth.RANGE),
           "graph-around": [truth.REF], "map": [os.path.join(a.bin, "chimuc"), ctx["draft"]],
           "search": [truth.REF.split("@")[0], truth.SEARCH_WORDS]}.get(qid, [])
    wall, peak = measure([PY, SQL, qid, sdb, *arg], scratch)
    return wall, peak, sql_answer(qid, lines(scratch))


def sql_answer(qid, rows):
    if qid in ("cited-by", "cited-by-d2", "search"):
        return [os.path.basename(r[0]) for r in rows]
    if qid == "cites":
        return [r[0] for r in rows]
    if qid == "top-cited":
        return [(r[0], r[1]) for r in rows]
    if qid.startswith("deadlines"):
        return [(os.path.basename(r[0]), r[1]) for r in rows]
    if qid == "graph":
        return (len({r[1] for r in rows if r[0] == "n" and r[1]}),
                len([r for r in rows if r[0] == "c"]),
                len({(r[1], r[2]) for r in rows if r[0] == "e"}))
    if qid == "graph-around":
        return len({r[1] for r in rows if r[0] == "n"})
    if qid == "map":
        return {r[0]: (r[1], r[2]) for r in rows}
    raise KeyError(qid)


def questions(a, db, sdb, ctx, exp, scratch):
    """{engine: {qid: {"wall": [...], "peak": [...], "right", "shown", "how"}}}."""
    res = {"chimuc": {}, "sqlite": {}}
    for r in range(a.runs + 1):  # round 0 warms the caches, untimed
        for qid, _ in ctx["questions"]:
            for engine in (("chimuc", "sqlite") if (r + len(qid)) % 2 else ("sqlite", "chimuc")):
                m = res[engine].setdefault(qid, {"wall": [], "peak": []})
                if (engine == "sqlite" and qid == "cited-by-count") or m.get("single"):
                    continue
                try:
                    run = run_chimuc if engine == "chimuc" else run_sql
                    wall, peak, got = run(a, db if engine == "chimuc" else sdb, qid, ctx, scratch)
                except (RuntimeError, ValueError, KeyError, IndexError) as e:
                    m.update(right=False, shown="error", how=str(e)[:300])
                    continue
                if r == 0:
                    right, shown, how = truth.check(qid, exp[qid], got)
                    m.update(right=right, shown=shown, how=how, single=wall > SLOW_S)
                if r or m["single"]:
                    m["wall"].append(wall)
                    m["peak"].append(peak)
    return res


# ------------------------------------------------------------------ a size

def one_size(a, docs, run_ctx):
    """Measures one size into a new entry of run_ctx["sizes"], publishing
    the report after each stage (indexing, loading, questions)."""
    log(f"size {docs}")
    cdir = corpus(a, docs)
    docs_dir = os.path.join(cdir, "docs")
    work = os.path.join(a.work, f"mission-{docs}")
    os.makedirs(work, exist_ok=True)
    db, sdb, scratch = os.path.join(work, "chimuc"), os.path.join(work, "anchor.sqlite"), \
        os.path.join(work, "out")
    exp, cites_name = truth.expected(cdir)
    exp["cited-by-count"] = len(exp["cited-by"])
    draft = os.path.join(work, "draft.txt")
    with open(draft, "w", encoding="utf-8") as f:
        f.write(truth.DRAFT)
    help_text = subprocess.run([os.path.join(a.bin, "chimuc"), "cited-by", "--help"],
                               capture_output=True, text=True, env=ENV).stdout
    qs = [q for q in QUESTIONS if q[0] != "cited-by-count" or "--count" in help_text]
    ctx = {"cites_doc": os.path.join(docs_dir, cites_name), "draft": draft, "questions": qs}
    with open(os.path.join(cdir, "corpus_info.json")) as f:
        info = json.load(f)
    t0 = time.time()
    out = {"docs": docs, "bytes": info["bytes"], "sha256": info["sha256_of_all"],
           "questions": {"chimuc": {}, "sqlite": {}},
           "expected": {q: truth.count(q, exp[q]) for q, _ in QUESTIONS}, "cites_doc": cites_name}
    run_ctx["sizes"].append(out)

    def stage(what):
        out["minutes"] = (time.time() - t0) / 60
        out["stage"] = what
        publish(a, run_ctx)

    log("  indexing (chimuc)")
    out["index"] = {k: [list(x) for x in v] for k, v in indexing(a, docs_dir, db, scratch).items()}
    out["index_size"] = du(db)
    stage("indexed")
    log("  loading (SQLite anchor)")
    out["load"] = {k: [list(x) for x in v] for k, v in sql_loading(a, docs_dir, sdb, scratch).items()}
    out["sqlite_size"] = os.path.getsize(sdb)
    stage("loaded")
    log("  questions")
    out["questions"] = questions(a, db, sdb, ctx, exp, scratch)
    if docs >= a.drop_from:
        shutil.rmtree(cdir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    stage("done")


# ------------------------------------------------------------------ report

def cell_time(m):
    if not m.get("wall"):
        return "–"
    return f"{med(m['wall']):.3f}" + (" (1 run)" if m.get("single") else "")


def cell_peak(m):
    return f"{max(m['peak']):.0f}" if m.get("peak") else "–"


def cell_answer(m):
    if "right" not in m:
        return "–"
    mark = "✓" if m["right"] else f"✗ **wrong**{': ' + m['how'] if m['how'] else ''}"
    return f"{m['shown']} {mark}"


def index_row(label, runs):
    walls, peaks = [w for w, _ in runs], [p for _, p in runs]
    return med(walls), max(peaks), label


def report(a, ctx):
    L = []
    w = L.append
    w(BEGIN)
    w("## The mission's operations at scale")
    w("")
    for note in ctx.get("notes", []):
        w(f"**Note**: {note}")
        w("")
    busy = [s for s in ctx["sizes"] if s["stage"] != "done"]
    if busy or ctx["pending"]:
        w("**Partial** (the report is written after each stage of each size): when this was "
          "written, the run had "
          + "; ".join(f"{s['docs']:,} documents {s['stage']} only" for s in busy)
          + (("; " if busy else "") + "not yet begun " + ", ".join(f"{n:,}" for n in ctx["pending"])
             + " documents" if ctx["pending"] else "") + ".")
        w("")
    w(f"`bench/mission.py --sizes {a.sizes} --seed {a.seed} "
      f"--runs {a.runs}`, one run ({ctx['started']} to {ctx['finished']} UTC), chimuc "
      f"{ctx['rev']} built Release in `{os.path.relpath(a.bin, REPO)}`; corpora made by the "
      f"project's corpus generator `bench/make_corpus.py` (seed {a.seed}; the first documents of a "
      f"larger corpus are those of a smaller one). Machine: {ctx['machine']}; **shared and noisy** "
      f"(load average at start {ctx['load'][0]}, at the end {ctx['load'][1]}): the ratios within "
      f"one run are what counts. Times are wall seconds, the median of {a.runs} runs after an "
      f"untimed warm-up (indexing: one fresh build, {a.runs} unchanged reruns and {a.runs} "
      f"one-file changes; a query whose warm-up took over {SLOW_S} s is timed by that run "
      f"alone, marked 1 run); peak is the largest resident set of the process (`/usr/bin/time -f %M`) "
      f"in MiB.")
    w("")
    w("Every answer of both is checked against the generator's `truth.jsonl` (by "
      "`bench/mission_truth.py`): the set of documents citing 25-NQ/TW@2013 (and those citing "
      "them, for depth 2), the citations of the document citing most, the 10 largest citation "
      "counts, every deadline or occasion on 15/10 or in June 2024 (document and date), the "
      "graph's corpus nodes, cited-only nodes and distinct edges, the draft's statuses and "
      "precedent counts, and the hits of the search (the words read from the text). ✓: equal; "
      "✗ **wrong**: not, with what differs (+ found but not expected, − missed). chimuc's counts "
      "are `--json` line counts.")
    w("")
    w("What `cited-by 25-NQ/TW@2013` is checked against (one definition, the one the command "
      "promises: the documents citing that document): every document the generator made cite "
      "the resolution of 2013. The generator writes each citation it inserts into `truth.jsonl` "
      "with the cited document's number and date, and its pool has one 25-NQ/TW, of 3 June "
      "2013; the text of a citation gives that date (`Nghị quyết số 25-NQ/TW ngày 3/6/2013 …`) "
      "or not (`Nghị quyết 25-NQ/TW`, and the title `Thực hiện Nghị quyết số 25-NQ/TW về …` of a "
      "plan): both cite it, and chimuc counts the second kind for 2013 too, since the corpus "
      "cites that number with no other year. Numbers named inside a cited document's topic "
      "(`… tiếp tục thực hiện Chỉ thị số 05-CT/TW`) count for the number they name. The "
      "generator drops every borrowed sentence holding a document number or a date, so no other "
      "25-NQ/TW is in the text: the documents whose text holds `25-NQ/TW` (12,881 at 20,000, the "
      "engine comparison's ground truth above) are exactly those the truth lists as citing it. "
      "Issue 13's 10,937 is not a count of this corpus's truth (with a dated citation: 11,208; "
      "with only undated ones: 1,673; citing it in a body sentence: 11,944; in the title: 1,016): "
      "the harness checks chimuc against the truth's 12,881, never against that figure. The "
      "graph is checked as chimuc's graph promises to keep citations, as the text writes them: a "
      "number the document never dates is a node of its own (`49-CT/TW` beside "
      "`49-CT/TW@2015`), so the graph's truth (nodes, edges, `--around`) uses the key as "
      "written.")
    w("")
    w("The anchor: what a user would otherwise do, `chimuc extract --json` of every document "
      "loaded with Python's sqlite3 into a `docs`, a `citations` (doc, key, base, year, type, "
      "relation) and a `dates` table (doc, iso, resolved, month-day, deadline, occasion) with "
      "indexes, and the NFC text into FTS5 for the search; each question one `python3 "
      "bench/mission_sql.py QUESTION` process (depth 2 is a recursive CTE; the draft's citations "
      "come from `chimuc extract`).")
    w("")
    w("### Targets")
    w("")
    w("| target | measured | met |")
    w("|---|---|---|")
    for t in targets(ctx):
        w(f"| {t[0]} | {t[1]} | {t[2]} |")
    for s in ctx["sizes"]:
        w("")
        w(f"### {s['docs']:,} documents ({s['bytes'] / 1e6:.1f} MB, sha256 of all "
          f"`{s['sha256'][:16]}…`; measured in {s['minutes']:.1f} min)")
        w("")
        w("| operation | chimuc s | chimuc peak MiB | chimuc answer | SQLite anchor s | "
          "anchor peak MiB | anchor answer | expected |")
        w("|---|---|---|---|---|---|---|---|")
        ix, ld = s["index"], s.get("load", {})
        rows = [("indexing: fresh build", ix["build"], ld.get("extract"),
                 "anchor: `chimuc extract --json` of every document"),
                ("unchanged rerun", ix["rerun"], ld.get("load"), "anchor: loading the tables and indexes"),
                ("one-file change", ix["change"], ld.get("text"), "anchor: loading the text into FTS5")]
        for label, mine, theirs, what in rows:
            other = (f"{med([x[0] for x in theirs]):.2f} ({what[8:]}) | {max(x[1] for x in theirs):.0f}"
                     if theirs else "not measured yet | –")
            share = "" if mine is ix["build"] else \
                f" ({100 * med([x[0] for x in mine]) / med_i(s, 'build'):.1f}% of the build)"
            w(f"| {label}{share} | {med([x[0] for x in mine]):.2f} | {max(x[1] for x in mine):.0f} | | "
              f"{other} | | |")
        anchor_size = f"{s['sqlite_size'] / 1e6:.1f} MB" if "sqlite_size" in s else "–"
        w(f"| index size | {s['index_size'] / 1e6:.1f} MB | | | {anchor_size} | | | |")
        for qid, label in QUESTIONS:
            c = s["questions"]["chimuc"].get(qid)
            if c is None:
                why = "not in this chimuc" if s["stage"] == "done" else "not measured yet"
                w(f"| {label} | {why} | | | | | | {s['expected'][qid]} |")
                continue
            q = s["questions"]["sqlite"].get(qid, {})
            w(f"| {label} | {cell_time(c)} | {cell_peak(c)} | {cell_answer(c)} | "
              f"{cell_time(q)} | {cell_peak(q)} | {cell_answer(q)} | {s['expected'][qid]} |")
    if len(ctx["sizes"]) > 1:
        w("")
        w("### Growth: time at one size ÷ time at the size before (the corpus grows 10×)")
        w("")
        pairs = list(zip(ctx["sizes"], ctx["sizes"][1:]))
        head = " | ".join(f"chimuc {b['docs']:,}÷{p['docs']:,} | anchor {b['docs']:,}÷{p['docs']:,}"
                          for p, b in pairs)
        w(f"| operation | {head} |")
        w("|---|" + "---|" * (2 * len(pairs)))
        for key, label, other in (("build", "indexing: fresh build / anchor: extract + load + text",
                                   None), ("rerun", "unchanged rerun", None),
                                  ("change", "one-file change", None)):
            cells = []
            for p, b in pairs:
                cells.append(f"{ratio(med_i(b, key), med_i(p, key)):.1f}")
                cells.append(f"{ratio(load_total(b), load_total(p)):.1f}" if key == "build" else "")
            w(f"| {label} | {' | '.join(cells)} |")
        for qid, label in QUESTIONS:
            cells = []
            for p, b in pairs:
                for e in ("chimuc", "sqlite"):
                    x, y = b["questions"][e].get(qid, {}), p["questions"][e].get(qid, {})
                    cells.append(f"{ratio(med(x.get('wall', [])), med(y.get('wall', []))):.1f}"
                                 if x.get("wall") and y.get("wall") else "")
            w(f"| {label} | {' | '.join(cells)} |")
    w("")
    w("The whole run is one command: `make bench` (2,000 and 20,000, with the engine comparison "
      "above) or `make bench-large` (2,000, 20,000 and 200,000, this section only); "
      + "; ".join(f"{s['docs']:,} documents took {s['minutes']:.0f} min" for s in ctx["sizes"])
      + " here, corpus generation not counted.")
    w(END)
    return "\n".join(L) + "\n"


def ratio(x, y):
    return x / y if y else float("nan")


def med_i(s, key):
    return med([x[0] for x in s["index"][key]])


def load_total(s):
    if "load" not in s:
        return float("nan")
    return sum(med([x[0] for x in s["load"][k]]) for k in ("extract", "load", "text"))


def targets(ctx):
    out = []
    by = {s["docs"]: s for s in ctx["sizes"]}
    s = by.get(20000)
    if s and "wall" in s["questions"]["chimuc"].get("graph", {}):
        g, b = med(s["questions"]["chimuc"]["graph"]["wall"]), med_i(s, "build")
        out.append(("whole-graph export at 20,000 under 10% of that build's time",
                    f"{g:.2f} s of {b:.2f} s: {100 * g / b:.1f}%", "yes" if g < GRAPH_SHARE * b else "**no**"))
    else:
        out.append(("whole-graph export at 20,000 under 10% of that build's time",
                    "not measured yet: the run had not got that far"
                    if 20000 in ctx["pending"] or s else "not measured in this run", "–"))
    s = by.get(200000)
    for key, label in (("rerun", "unchanged rerun"), ("change", "one-file change")):
        if s:
            x, b = med_i(s, key), med_i(s, "build")
            out.append((f"{label} at 200,000 under 2% of the build time",
                        f"{x:.2f} s of {b:.2f} s: {100 * x / b:.1f}%",
                        "yes" if x < RERUN_SHARE * b else "**no**"))
        else:
            out.append((f"{label} at 200,000 under 2% of the build time",
                        "not measured yet: the run had not got that far" if 200000 in ctx["pending"]
                        else "not measured in this run (`make bench-large`)", "–"))
    worst = []
    for s in ctx["sizes"]:
        peaks = [(max(x[1] for x in s["index"][k]), k) for k in ("build", "rerun", "change")]
        peaks += [(max(m["peak"]), q) for q, m in s["questions"]["chimuc"].items()
                  if m.get("peak") and not q.startswith("graph")]
        worst.append((max(peaks), s["docs"]))
    over = [f"{op} {p:.0f} MiB at {d:,}" for (p, op), d in worst if p >= PEAK_MIB]
    out.append(("chimuc's peak RSS under 200 MiB for every operation but graph",
                "largest: " + "; ".join(f"{op} {p:.0f} MiB at {d:,}" for (p, op), d in worst),
                "**no** (" + "; ".join(over) + ")" if over else "yes"))
    wrong = [f"{q} at {s['docs']:,}" for s in ctx["sizes"] for q, m in s["questions"]["chimuc"].items()
             if not m.get("right")]
    asked = [f"{s['docs']:,}" for s in ctx["sizes"] if s["questions"]["chimuc"]]
    unasked = [f"{n:,}" for n in [s["docs"] for s in ctx["sizes"] if not s["questions"]["chimuc"]]
               + ctx["pending"]]
    scope = f" (asked at {', '.join(asked)}; not yet at {', '.join(unasked)})" if unasked else ""
    out.append(("every chimuc answer right",
                ("wrong: " + ", ".join(wrong) if wrong else "all right") + scope,
                "**no**" if wrong else "yes" + (" so far" if unasked else "")))
    return out


def write_section(path, text, begin=BEGIN, end=END):
    """Puts text in place of the section from begin to end of the file at
    path (appended when there is none), keeping the rest."""
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if begin in old and end in old:
        new = old[:old.index(begin)] + text + old[old.index(end) + len(end) + 1:]
    else:
        new = old + ("\n" if old and not old.endswith("\n\n") else "") + text
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2000,20000", help="corpus sizes (default 2000,20000)")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each query (default 3)")
    ap.add_argument("--bin", default=os.path.join(REPO, "build", "bench"))
    ap.add_argument("--work", default=os.path.join(REPO, "build", "bench-work"),
                    help="scratch folder for corpora and indexes")
    ap.add_argument("--drop-from", type=int, default=10 ** 9, metavar="N",
                    help="delete the corpora and indexes of N documents or more once measured")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--note", action="append", default=[],
                    help="a line the report shows above its tables (repeatable)")
    ap.add_argument("--from-json", metavar="MISSION.json",
                    help="measure nothing: write the section again from a run's mission.json "
                         "(with that run's --sizes, --seed, --runs and --bin)")
    a = ap.parse_args(argv)
    a.bin, a.work = os.path.abspath(a.bin), os.path.abspath(a.work)
    if a.from_json:
        with open(a.from_json, encoding="utf-8") as f:
            ctx = json.load(f)
        ctx["notes"] = ctx.get("notes", []) + a.note
        write_section(a.out, report(a, ctx))
        log(f"wrote {a.out} from {a.from_json}")
        return
    os.makedirs(a.work, exist_ok=True)
    ctx = {"started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
           "machine": harness.machine_line(harness.machine()), "sizes": [], "notes": a.note,
           "rev": subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                                 capture_output=True, text=True).stdout.strip()}
    load0 = round(os.getloadavg()[0], 2)
    ctx["pending"] = [int(x) for x in a.sizes.split(",")]
    ctx["load0"] = load0
    while ctx["pending"]:
        one_size(a, ctx["pending"].pop(0), ctx)
    print(report(a, ctx))


def publish(a, ctx):
    """Writes the report and mission.json of what was measured so far (a
    long run leaves what it measured)."""
    ctx["load"] = (ctx["load0"], round(os.getloadavg()[0], 2))
    ctx["finished"] = datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M")
    text = report(a, ctx)
    write_section(a.out, text)
    with open(os.path.join(os.path.dirname(a.out), "mission.json"), "w", encoding="utf-8") as f:
        json.dump(ctx, f, ensure_ascii=False, indent=1)
    log(f"wrote {a.out}")
    return text


if __name__ == "__main__":
    main(sys.argv[1:])
