#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""chimuc benchmark: chimuc against omindex/quest (Xapian Omega) and SQLite
FTS5 on one generated corpus, in one run, and writes bench/RESULTS.md.

  bench/run.py [--docs 20000] [--seed 2] [--runs 3] [--bin build/bench] ...

What it does, in order:
  1. makes the corpus with bench/make_corpus.py (N documents, and
     --scale-docs for the scaling figures), reusing one already made with the
     same arguments and the same content hash;
  2. indexes it with each engine, --runs times, the engines interleaved (their
     order rotates every run), each under /usr/bin/time -v (peak memory);
     measures the index size (du -sb), and after compaction (xapian-compact,
     FTS5 'optimize' + VACUUM);
  3. computes the ground truth of the fixed query list (bench/queries.py) from
     the text, and checks every hit of every engine against it;
  4. times each query as one process per query (chimuc search --json, quest,
     the sqlite3 shell), interleaved, and in process (bench/inproc.c against
     libchimuc, Python's xapian and sqlite3 modules);
  5. writes RESULTS.md (medians, ratios, memory, sizes, scaling, the machine,
     the commands) and results.json.
It needs bench/install-deps.sh to have run, and chimuc built (Release) in --bin.
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in bench/
import engines  # noqa: E402
import mission  # noqa: E402
import queries  # noqa: E402
import harness  # noqa: E402
from harness import ENV, HERE, PY, REPO, du, machine, median  # noqa: E402
ENGINES = ("chimuc", "omindex", "fts5")  # indexed and queried
# indexed only: omindex without its default English stemming (fewer terms, faster)
INDEXERS = ENGINES + ("omindex-nostem",)
LABEL = {"chimuc": "chimuc", "omindex": "omindex/quest", "fts5": "SQLite FTS5",
         "omindex-nostem": "omindex `--stemmer none`"}


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, env=ENV, **kw)


def rotate(seq, n):
    n %= len(seq)
    return list(seq[n:]) + list(seq[:n])


# ------------------------------------------------------------------ corpus

def make_corpus(a, docs):
    return harness.make_corpus(a.work, docs, a.seed, log)


# ---------------------------------------------------------------- indexing

def index_cmd(a, engine, docs, db):
    if engine == "chimuc":
        return [os.path.join(a.bin, "chimuc-index"), "--db", db, docs]
    if engine == "omindex":
        return ["omindex", "--db", db, "--url", "/", docs]
    if engine == "omindex-nostem":
        return ["omindex", "--db", db, "--url", "/", "--stemmer", "none", docs]
    return [PY, os.path.join(HERE, "engines.py"), "fts5-index", db, docs]


def db_path(a, engine, tag):
    return os.path.join(a.work, "idx", f"{engine}-{tag}" + (".sqlite" if engine == "fts5" else ""))


def index_once(a, engine, docs, db):
    for p in (db, db + "-compact"):
        if os.path.isdir(p):
            shutil.rmtree(p)
        elif os.path.exists(p):
            os.remove(p)
    os.makedirs(os.path.dirname(db), exist_ok=True)
    tfile = db.rstrip("/") + ".time"
    cmd = ["/usr/bin/time", "-v", "-o", tfile] + index_cmd(a, engine, docs, db)
    t0 = time.perf_counter()
    with open(db.rstrip("/") + ".log", "w") as logf:
        run(cmd, stdout=logf, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - t0
    with open(tfile) as f:
        peak_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read()).group(1))
    return {"wall_s": wall, "peak_mib": peak_kib / 1024, "size": du(db)}


def compact(a, engine, db):
    dst = db + "-compact"
    if engine == "fts5":
        shutil.copyfile(db, dst)
        run([PY, os.path.join(HERE, "engines.py"), "fts5-compact", dst])
    else:
        run(["xapian-compact", db, dst], stdout=subprocess.DEVNULL)
    return du(dst)


def indexing(a, corpora):
    """corpora: [(tag, docs dir)]; the first is the main one. Returns
    {tag: {engine: [measure per run]}} and the final main indexes."""
    res = {tag: {e: [] for e in INDEXERS} for tag, _ in corpora}
    for r in range(a.runs):
        for tag, docs in corpora:
            for engine in rotate(INDEXERS, r):
                db = db_path(a, engine, tag)
                log(f"index run {r + 1}/{a.runs}: {engine} on {tag}")
                m = index_once(a, engine, docs, db)
                log(f"  {m['wall_s']:.2f} s, {m['peak_mib']:.1f} MiB, {m['size']} bytes")
                res[tag][engine].append(m)
    return res


# ----------------------------------------------------------------- queries

def chimuc_all_hits(a, db, q):
    hits, offset, page = [], 0, 10000
    while True:
        out = run([os.path.join(a.bin, "chimuc"), "search", "--db", db, "--json",
                   "--limit", str(page), "--offset", str(offset), q],
                  capture_output=True, text=True).stdout
        got = [os.path.basename(json.loads(ln)["path"]) for ln in out.splitlines() if ln.strip()]
        hits += got
        if len(got) < page:
            return sorted(set(hits))
        offset += page


def helper_lines(cmd, qs):
    p = subprocess.run(cmd, input="".join(q + "\n" for q in qs), capture_output=True, text=True,
                       env=ENV)
    if p.returncode:
        log(f"{show(cmd)}: exit {p.returncode}: {p.stderr.strip()[:500]}")
    return p.stdout.splitlines()


def engine_query(q, engine):
    return q[2] if engine == "chimuc" else q[3] if engine == "omindex" else q[4]


def correctness(a, dbs, truth):
    res = {}
    for engine in ENGINES:
        qs = [engine_query(q, engine) for q in queries.QUERIES]
        if engine == "chimuc":
            got = []
            for q in qs:
                try:
                    got.append(chimuc_all_hits(a, dbs[engine], q))
                except subprocess.CalledProcessError as e:
                    log(f"chimuc search {q!r}: exit {e.returncode}: {e.stderr.strip()[:300]}")
                    got.append(None)
        else:
            kind = "fts5" if engine == "fts5" else "xapian"
            got = [json.loads(ln) for ln in helper_lines(
                [PY, os.path.join(HERE, "engines.py"), kind + "-hits", dbs[engine]], qs)]
        res[engine] = {}
        for q, hits in zip(queries.QUERIES, got):
            if hits is None:
                res[engine][q[0]] = {"hits": "error", "expected": len(truth[q[0]]),
                                     "false_pos": 0, "missed": len(truth[q[0]]), "correct": False,
                                     "examples_false_pos": [], "examples_missed": []}
                continue
            exp, hs = set(truth[q[0]]), set(hits)
            res[engine][q[0]] = {"hits": len(hs), "expected": len(exp),
                                 "false_pos": len(hs - exp), "missed": len(exp - hs),
                                 "correct": hs == exp,
                                 "examples_false_pos": sorted(hs - exp)[:3],
                                 "examples_missed": sorted(exp - hs)[:3]}
    return res


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def process_cmd(a, engine, db, q):
    if engine.startswith("chimuc"):
        brief = ["--brief"] if engine == "chimuc-brief" else []
        return [os.path.join(a.bin, "chimuc"), "search", "--db", db, "--json", *brief,
                "--limit", "10", q]
    if engine == "omindex":
        return ["quest", "-d", db, "-m", "10", "-o", "and", q]
    return ["sqlite3", db, "SELECT path, snippet(docs, 1, '[', ']', '…', 12) FROM docs "
            f"WHERE docs MATCH {sql_literal(q)} ORDER BY rank LIMIT 10;"]


def per_process(a, dbs):
    """{engine: {qid: [ms per run]}}, one process per query, interleaved;
    "chimuc-brief" is `chimuc search --brief` (no snippets, as quest)."""
    kinds = ENGINES + ("chimuc-brief",)
    res = {e: {q[0]: [] for q in queries.QUERIES} for e in kinds}
    failed = set()
    for r in range(a.runs + 1):  # round 0 warms the caches, untimed
        for i, q in enumerate(queries.QUERIES):
            for engine in rotate(kinds, r + i):
                db = dbs["chimuc" if engine.startswith("chimuc") else engine]
                cmd = process_cmd(a, engine, db, engine_query(q, "chimuc" if engine.startswith("chimuc") else engine))
                t0 = time.perf_counter()
                p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
                ms = (time.perf_counter() - t0) * 1e3
                if p.returncode:
                    failed.add((engine, q[0], p.returncode))
                elif r:
                    res[engine][q[0]].append(ms)
    return res, sorted(failed)


def in_process(a, dbs, inproc_bin):
    """{engine: {qid: [ms per round]}}, --reps rounds per run, engines interleaved;
    "chimuc-match" is chimuc stopping after the match (no hit document read)."""
    kinds = ENGINES + ("chimuc-match",)
    res = {e: {q[0]: [] for q in queries.QUERIES} for e in kinds}
    shown = {}
    for r in range(a.runs):
        for engine in rotate(kinds, r):
            if engine.startswith("chimuc") and not inproc_bin:
                continue
            if engine.startswith("chimuc"):
                cmd = [inproc_bin, dbs["chimuc"], str(a.reps)] + (["match"] if engine != "chimuc" else [])
            else:
                kind = "fts5" if engine == "fts5" else "xapian"
                cmd = [PY, os.path.join(HERE, "engines.py"), kind + "-time", dbs[engine], str(a.reps)]
            qs = [engine_query(q, engine if engine in ENGINES else "chimuc") for q in queries.QUERIES]
            for ln in helper_lines(cmd, qs):
                f = ln.split()
                qid = queries.QUERIES[int(f[0]) - 1][0]
                if f[1] == "error":
                    shown[(engine, qid)] = "error"
                    continue
                res[engine][qid] += [float(x) for x in f[2:]]
                shown[(engine, qid)] = int(f[1])
    return res, shown


def build_inproc(a):
    out = os.path.join(a.work, "inproc")
    lib = os.path.join(a.bin, "libchimuc.a")
    libs = subprocess.run(["pkg-config", "--libs", "xapian-core", "icu-uc", "icu-i18n",
                           "libxml-2.0", "json-c"], check=True,
                          capture_output=True, text=True).stdout.split() + ["-ldl"]
    san = []
    cache = os.path.join(a.bin, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as f:
            if re.search(r"^CHIMUC_SANITIZE:BOOL=ON$", f.read(), re.M):
                san = ["-fsanitize=address,undefined"]
    run(["cc", "-O2", *san, "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-Wall", "-Wextra", "-Werror",
         "-I", os.path.join(REPO, "include"), os.path.join(HERE, "inproc.c"), lib, *libs,
         "-lstdc++", "-lm", "-o", out])
    return out


# ----------------------------------------------------------------- report

def fmt_ms(x):
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def ratio(x, y):
    return x / y if y else float("nan")


def summarize_index(ms, mbytes):
    walls = [m["wall_s"] for m in ms]
    w = median(walls)
    return {"wall_s": w, "walls": walls, "mb_s": mbytes / w,
            "peak_mib": max(m["peak_mib"] for m in ms), "size": ms[-1]["size"]}


STATIC_NOTES = (
    "quest's hits are checked through Python's xapian module with the same QueryParser settings "
    "as quest (default flags, AND, English stemmer, STEM_SOME): same library, same parse; the "
    "per-process timing runs quest itself.",
    "omindex and quest do no Unicode normalization and no diacritic folding: NFD documents, the "
    "other tone placement, and unaccented queries miss. FTS5 with remove_diacritics 2 folds both "
    "sides, so an accented query also finds every other accent (dặn finds dân).",
    "The ground truth of a date query counts the generator's date forms (15/10/2024, 15-10-2024, "
    "ngày 15 tháng 10 năm 2024), as truth.jsonl does. One sentence from LibreOffice's help that "
    "the generator lets through writes dates otherwise (\"ngày 15, tháng 10/1998\"); quest and "
    "FTS5 find it through their phrase \"15 tháng 10\" and show it as a false positive, chimuc "
    "does not read it as a date.",
    "omindex `--stemmer none` (indexed only) is the configuration of the issue's reference "
    "figures: on the 20,000-document corpus it gives their 695 MiB peak and 1.44 index ÷ corpus. "
    "The default omindex also indexes English-stemmed Z terms.",
)
# notes of older versions of this file, replaced by STATIC_NOTES when a report is redone
OLD_NOTE_PREFIXES = ("chimuc in process: `bench/inproc.c`", "quest's hits are checked",
                     "omindex and quest do no", "The ground truth of a date query")


def show(cmd):
    """A command line for the report: repository paths made relative."""
    out = []
    for x in cmd:
        if os.path.isabs(x) and os.path.abspath(x).startswith(os.path.dirname(REPO) + os.sep) \
                and not x.startswith(PY):
            x = os.path.relpath(x, REPO)
        if re.fullmatch(r"[\w@%+=:,./-]+", x):
            out.append(x)
        elif '"' not in x and "$" not in x and "`" not in x and "\\" not in x:
            out.append('"' + x + '"')
        else:
            out.append(shlex.quote(x))
    return " ".join(out)


def report(a, ctx):
    info, idx, corr, proc, inp = ctx["info"], ctx["index"], ctx["correct"], ctx["proc"], ctx["inproc"]
    mb = info["bytes"] / 1e6
    main_tag = ctx["main_tag"]
    S = {e: summarize_index(idx[main_tag][e], mb) for e in INDEXERS}
    L = []
    w = L.append
    w("# chimuc benchmark results")
    w("")
    if a.note:
        w(f"**{a.note}**")
        w("")
    w(f"Corpus: **{info['docs']} documents, seed {info['seed']}, {mb:.1f} MB** "
      f"(sha256 of all files `{info['sha256_of_all'][:16]}…`), made by "
      f"the project's corpus generator `bench/make_corpus.py`; {a.runs} runs of each measurement, engines interleaved "
      f"in one run of the harness ({ctx['started']} to {ctx['finished']}, "
      f"{ctx['elapsed_min']:.0f} min). MB = 10^6 bytes, MiB = 2^20.")
    m = ctx["machine"]
    w("")
    w(f"Machine: {m['nproc']} cores ({m['cpu']}), {m['mem_gib']} GiB, {m['os']}; load average at "
      f"start {m['load_at_start']}, at the end {ctx['load_at_end']} (shared with other work). "
      f"xapian-core {m['xapian-core']}, xapian-omega {m['xapian-omega']}, SQLite {m['sqlite']}, "
      f"Python {m['python3']}; chimuc {ctx['chimuc_rev']} built {ctx['build_type']}.")
    w("")
    w("## Targets")
    w("")
    w("| target | measured | met |")
    w("|---|---|---|")
    tr = ratio(S["chimuc"]["mb_s"], S["omindex"]["mb_s"])
    trn = ratio(S["chimuc"]["mb_s"], S["omindex-nostem"]["mb_s"])
    w(f"| indexing ≥ 3× omindex | chimuc {S['chimuc']['mb_s']:.2f} MB/s: {trn:.2f}× omindex "
      f"`--stemmer none` ({S['omindex-nostem']['mb_s']:.2f} MB/s, the reference's configuration), "
      f"{tr:.2f}× omindex with its default stemming ({S['omindex']['mb_s']:.2f} MB/s); "
      f"{ratio(S['chimuc']['mb_s'], S['fts5']['mb_s']):.2f}× FTS5 ({S['fts5']['mb_s']:.2f} MB/s) | "
      f"{'yes' if trn >= 3 else 'no'} ({'yes' if tr >= 3 else 'no'} vs default omindex) |")
    pk = S["chimuc"]["peak_mib"]
    flat = ""
    if ctx["scale_tag"]:
        small = summarize_index(idx[ctx["scale_tag"]]["chimuc"], ctx["scale_info"]["bytes"] / 1e6)
        flat = f"; {small['peak_mib']:.0f} MiB at {ctx['scale_info']['docs']} docs"
    w(f"| peak memory ≤ 200 MiB, flat | {pk:.0f} MiB at {info['docs']} docs{flat} | "
      f"{'yes' if pk <= 200 else 'no'} |")
    cz = ctx["compact"]["chimuc"]
    oz, ozc = S["omindex-nostem"]["size"], ctx["compact"]["omindex-nostem"]
    dz, dzc = S["omindex"]["size"], ctx["compact"]["omindex"]
    w(f"| index ≤ omindex's, after compaction | chimuc compacted {cz / 1e6:.1f} MB (as built "
      f"{S['chimuc']['size'] / 1e6:.1f}) vs omindex `--stemmer none` {oz / 1e6:.1f} MB as built, "
      f"{ozc / 1e6:.1f} MB compacted; default omindex {dz / 1e6:.1f} MB, {dzc / 1e6:.1f} MB | "
      f"{'yes' if cz <= oz else 'no'} vs omindex as built, {'yes' if cz <= ozc else 'no'} vs "
      f"compacted |")
    pc = median([x for v in proc["chimuc"].values() for x in v])
    pq = median([x for v in proc["omindex"].values() for x in v])
    w(f"| `chimuc search` per process ≤ quest | {fmt_ms(pc)} vs {fmt_ms(pq)} ms (median) | "
      f"{'yes' if pc <= pq else 'no'} |")
    ic = median([x for v in inp["chimuc"].values() for x in v])
    w(f"| in-process median < 1 ms | {fmt_ms(ic)} ms | {'yes' if ic < 1 else 'no'} |")
    nc = sum(1 for v in corr["chimuc"].values() if v["correct"])
    w(f"| every query correct | {nc} of {len(queries.QUERIES)} | "
      f"{'yes' if nc == len(queries.QUERIES) else 'no'} |")
    w("")
    w("## Indexing")
    w("")
    w("| engine | wall s (median; runs) | MB/s | chimuc ÷ engine (speed) | peak MiB | index MB | "
      "index ÷ corpus | compacted MB | compacted ÷ corpus |")
    w("|---|---|---|---|---|---|---|---|---|")
    for e in INDEXERS:
        s = S[e]
        c = ctx["compact"][e]
        w(f"| {LABEL[e]} | {s['wall_s']:.2f} ({', '.join(f'{x:.2f}' for x in s['walls'])}) | "
          f"{s['mb_s']:.2f} | {ratio(S['chimuc']['mb_s'], s['mb_s']):.2f} | {s['peak_mib']:.1f} | "
          f"{s['size'] / 1e6:.1f} | {s['size'] / info['bytes']:.2f} | {c / 1e6:.1f} | "
          f"{c / info['bytes']:.2f} |")
    w("")
    if ctx["scale_tag"]:
        si = ctx["scale_info"]
        w(f"### Scaling: {si['docs']} vs {info['docs']} documents (same seed: the first {si['docs']} "
          f"documents are the same)")
        w("")
        w(f"| engine | MB/s at {si['docs']} | MB/s at {info['docs']} | peak MiB at {si['docs']} | "
          f"peak MiB at {info['docs']} | index ÷ corpus at {si['docs']} | at {info['docs']} |")
        w("|---|---|---|---|---|---|---|")
        for e in INDEXERS:
            s1 = summarize_index(idx[ctx["scale_tag"]][e], si["bytes"] / 1e6)
            s2 = S[e]
            w(f"| {LABEL[e]} | {s1['mb_s']:.2f} | {s2['mb_s']:.2f} | {s1['peak_mib']:.1f} | "
              f"{s2['peak_mib']:.1f} | {s1['size'] / si['bytes']:.2f} | {s2['size'] / info['bytes']:.2f} |")
        w("")
    w("## Queries")
    w("")
    w(f"One process per query: {a.runs} timed runs after one untimed warm-up round, engines "
      f"interleaved, top 10 hits printed (chimuc with snippets, quest with omindex's stored "
      f"sample, sqlite3 with `snippet()`; and `chimuc search --brief`, which lists path and "
      f"title without snippets). In process: {a.reps} rounds per query and run after 2 "
      f"untimed ones, top 10 hits with their paths (chimuc: `bench/inproc.c` against libchimuc, "
      f"path and title as `--brief` reads them; omindex: Python xapian parsing as quest does; "
      f"FTS5: Python sqlite3, `ORDER BY rank LIMIT 10`).")
    w("")
    w("| | chimuc | quest | sqlite3 | chimuc ÷ quest | chimuc ÷ sqlite3 |")
    w("|---|---|---|---|---|---|")
    ps = {e: median([x for v in proc[e].values() for x in v]) for e in ENGINES}
    ins = {e: median([x for v in inp[e].values() for x in v]) for e in ENGINES}
    w(f"| one process per query, median ms | {fmt_ms(ps['chimuc'])} | {fmt_ms(ps['omindex'])} | "
      f"{fmt_ms(ps['fts5'])} | {ratio(ps['chimuc'], ps['omindex']):.2f} | "
      f"{ratio(ps['chimuc'], ps['fts5']):.2f} |")
    pb = median([x for v in proc.get("chimuc-brief", {}).values() for x in v])
    if proc.get("chimuc-brief"):
        w(f"| one process per query, `chimuc search --brief`, median ms | {fmt_ms(pb)} | | | "
          f"{ratio(pb, ps['omindex']):.2f} | {ratio(pb, ps['fts5']):.2f} |")
    w(f"| in process, median ms | {ins['chimuc']:.3f} | {ins['omindex']:.3f} | {ins['fts5']:.3f} | "
      f"{ratio(ins['chimuc'], ins['omindex']):.2f} | {ratio(ins['chimuc'], ins['fts5']):.2f} |")
    im = median([x for v in inp.get("chimuc-match", {}).values() for x in v])
    if inp.get("chimuc-match"):
        w(f"| in process, chimuc stopping after the match (no hit document read), median ms | "
          f"{im:.3f} | | | {ratio(im, ins['omindex']):.2f} | {ratio(im, ins['fts5']):.2f} |")
    w("")
    w("Correctness: every hit of every engine (no limit) against the ground truth computed from the "
      "text by `bench/queries.py` (diacritics exact when typed, folded when not; tone placement, "
      "case and NFC/NFD ignored; dates in every written form). "
      f"Queries answered exactly right: chimuc {nc}, "
      f"quest {sum(1 for v in corr['omindex'].values() if v['correct'])}, "
      f"FTS5 {sum(1 for v in corr['fts5'].values() if v['correct'])} of {len(queries.QUERIES)}.")
    w("")
    w("| query | what | chimuc | quest | FTS5 | expected | chimuc ms proc / in | quest ms proc / in | "
      "sqlite3 ms proc / in |")
    w("|---|---|---|---|---|---|---|---|---|")
    for q in queries.QUERIES:
        qid = q[0]
        cells = []
        for e in ENGINES:
            c = corr[e][qid]
            mark = "✓" if c["correct"] else f"✗ +{c['false_pos']} −{c['missed']}"
            cells.append(f"{c['hits']} {mark}")
        tms = [f"{fmt_ms(median(proc[e][qid]))} / {median(inp[e][qid]):.3f}" for e in ENGINES]
        w(f"| `{q[2]}` | {q[1]} | {' | '.join(cells)} | {corr['chimuc'][qid]['expected']} | "
          f"{' | '.join(tms)} |")
    w("")
    w("Cells: hits, then ✓ when the hit set equals the expected set, else ✗ with +false positives "
      "−missed documents (examples below). The other engines' queries, in their own syntax:")
    w("")
    w("| query | quest | FTS5 MATCH |")
    w("|---|---|---|")
    for q in queries.QUERIES:
        w(f"| `{q[2]}` | `{q[3]}` | `{q[4]}` |")
    w("")
    bad = [(e, q) for q in queries.QUERIES for e in ENGINES if not corr[e][q[0]]["correct"]]
    if bad:
        w("Examples of wrong answers (file names in the corpus's docs/):")
        w("")
        for e, q in bad:
            c = corr[e][q[0]]
            parts = []
            if c["examples_false_pos"]:
                parts.append("found but not expected " + ", ".join(c["examples_false_pos"]))
            if c["examples_missed"]:
                parts.append("missed " + ", ".join(c["examples_missed"]))
            w(f"- {LABEL[e]}, `{q[2]}`: " + "; ".join(parts))
        w("")
    if ctx["truth_problems"]:
        w(f"Ground-truth cross-check: {len(ctx['truth_problems'])} entries of truth.jsonl not found in "
          f"the text, e.g. {ctx['truth_problems'][:3]}.")
    else:
        w("Ground-truth cross-check: every citation, deadline/anniversary date and document date of "
          "truth.jsonl is found by the query reader in its document's text.")
    w("")
    w("## Commands")
    w("")
    w("The harness, as run:")
    w("")
    w("```sh")
    w(ctx["argv"])
    w("```")
    w("")
    w("Corpus and per-engine commands (paths relative to the repository; DOCS = the corpus's "
      "docs/ folder, DB = a fresh index):")
    w("")
    w("```sh")
    w(show(ctx["corpus_cmd"]))
    for e in INDEXERS:
        w("/usr/bin/time -v " + show(index_cmd(a, e, "DOCS", "DB")))
    w("xapian-compact DB DB-compact   # chimuc and omindex")
    w(f"{PY} bench/engines.py fts5-compact DB-compact   # FTS5: 'optimize' then VACUUM, on a copy")
    for e in ENGINES:
        w(show(process_cmd(a, e, "DB", "QUERY")))
    w("```")
    w("")
    w("FTS5 table: `" + engines.FTS5_TABLE + "`, all documents inserted in one transaction. "
      "omindex and quest run with their defaults (English stemming), quest with `-o and` so that "
      "all engines AND the words. The issue's reference figures for omindex were taken without "
      "stemming, which means nothing for Vietnamese anyway: the indexing table shows that "
      "configuration too (`--stemmer none`, indexed only), and the targets compare with it.")
    w("")
    w("## Notes")
    w("")
    notes = list(ctx["notes"])
    if ctx.get("inproc_built"):
        notes.append("chimuc in process: `bench/inproc.c`, built by the harness against "
                     f"{os.path.relpath(a.bin, REPO)}/libchimuc.a and the public headers.")
    for n in notes + list(STATIC_NOTES):
        w(f"- {n}")
    return "\n".join(L) + "\n"


# -------------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20000, help="corpus size (default 20000)")
    ap.add_argument("--seed", type=int, default=2, help="corpus seed (default 2)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement (default 3)")
    ap.add_argument("--reps", type=int, default=20,
                    help="in-process rounds per query and run (default 20)")
    ap.add_argument("--scale-docs", type=int, default=1000,
                    help="small corpus for the scaling figures (default 1000; 0: none)")
    ap.add_argument("--bin", default=os.path.join(REPO, "build", "bench"),
                    help="chimuc build folder (chimuc, chimuc-index, libchimuc.a)")
    ap.add_argument("--work", default=os.path.join(REPO, "build", "bench-work"),
                    help="scratch folder for corpora and indexes")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"), help="report (Markdown)")
    ap.add_argument("--note", default="", help="a line printed at the top of the report")
    ap.add_argument("--from-json", metavar="FILE",
                    help="measure nothing: write the report again from a results.json")
    return ap.parse_args(argv)


def write_report(path, text):
    """Writes RESULTS.md: this report, then the section bench/mission.py
    wrote there, kept as it was."""
    kept = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
        if mission.BEGIN in old:
            kept = "\n" + old[old.index(mission.BEGIN):]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + kept)


def rerender(a):
    """The report again from a run's results.json, with that run's arguments."""
    with open(a.from_json, encoding="utf-8") as f:
        ctx = json.load(f)
    old = parse_args(shlex.split(ctx["argv"])[1:])
    old.bin, old.out = os.path.abspath(old.bin), a.out
    ctx["notes"] = [n for n in ctx["notes"] if not n.startswith(OLD_NOTE_PREFIXES)]
    ctx.setdefault("inproc_built", bool(ctx["inproc"].get("chimuc", {}).get(queries.QUERIES[0][0])))
    write_report(a.out, report(old, ctx))
    log(f"wrote {a.out} from {a.from_json}")


def main(argv):
    a = parse_args(argv)
    if a.from_json:
        return rerender(a)
    a.bin, a.work = (os.path.abspath(p) for p in (a.bin, a.work))
    for tool in ("chimuc", "chimuc-index", "libchimuc.a"):
        if not os.path.exists(os.path.join(a.bin, tool)):
            sys.exit(f"bench: {a.bin}/{tool} missing: build chimuc first (make bench does)")
    os.makedirs(a.work, exist_ok=True)
    t_start = time.time()
    ctx = {"started": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(),
           "argv": " ".join(shlex.quote(x) for x in [os.path.relpath(sys.argv[0], REPO)] + argv),
           "notes": []}
    ctx["chimuc_rev"] = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"],
                                       capture_output=True, text=True).stdout.strip() or "?"
    bt = "?"
    cache = os.path.join(a.bin, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as f:
            text = f.read()
        mt = re.search(r"^CMAKE_BUILD_TYPE:STRING=(.*)$", text, re.M)
        mf = re.search(r"^CMAKE_C_FLAGS:STRING=(.*)$", text, re.M)
        bt = (mt.group(1) if mt else bt) + (f" (CMAKE_C_FLAGS `{mf.group(1)}`)"
                                              if mf and mf.group(1).strip() else "")
    ctx["build_type"] = bt
    corpus, ctx["info"], ctx["corpus_cmd"] = make_corpus(a, a.docs)
    corpora = [(f"{a.docs}", os.path.join(corpus, "docs"))]
    ctx["main_tag"], ctx["scale_tag"] = corpora[0][0], None
    if 0 < a.scale_docs < a.docs:
        small, ctx["scale_info"], _ = make_corpus(a, a.scale_docs)
        corpora.append((f"{a.scale_docs}", os.path.join(small, "docs")))
        ctx["scale_tag"] = corpora[1][0]

    truth_file = os.path.join(a.work, f"truth-{ctx['info']['sha256_of_all'][:16]}.json")
    qsig = hashlib.sha256(json.dumps(queries.QUERIES).encode()).hexdigest()[:16]
    truth = None
    if os.path.exists(truth_file):
        with open(truth_file) as f:
            cached = json.load(f)
        if cached.get("queries") == qsig:
            truth, ctx["truth_problems"] = cached["hits"], cached["problems"]
    if truth is None:
        log("ground truth: reading the corpus")
        truth, ctx["truth_problems"] = queries.ground_truth(corpus)
        with open(truth_file, "w") as f:
            json.dump({"queries": qsig, "hits": truth, "problems": ctx["truth_problems"]}, f)

    try:
        inproc_bin = build_inproc(a)
    except subprocess.CalledProcessError:
        inproc_bin = None
        ctx["notes"].append("chimuc in process: NOT MEASURED, bench/inproc.c did not build against "
                            "this libchimuc (see the harness's stderr).")
    ctx["index"] = indexing(a, corpora)
    dbs = {e: db_path(a, e, ctx["main_tag"]) for e in ENGINES}
    log("compacting")
    ctx["compact"] = {e: compact(a, e, db_path(a, e, ctx["main_tag"])) for e in INDEXERS}
    log("correctness")
    ctx["correct"] = correctness(a, dbs, truth)
    log("queries, one process each")
    ctx["proc"], failed = per_process(a, dbs)
    for e, qid, code in failed:
        ctx["notes"].append(f"{LABEL[e]}: `{qid}` failed as one process (exit {code}); "
                            "not timed.")
    log("queries, in process")
    ctx["inproc"], shown = in_process(a, dbs, inproc_bin)
    inproc_engines = ENGINES if inproc_bin else ENGINES[1:]
    for q in queries.QUERIES:
        exp = min(10, len(truth[q[0]]))
        for e in ENGINES:
            h = ctx["correct"][e][q[0]]["hits"]
            if e in inproc_engines and shown.get((e, q[0])) != (min(10, h) if isinstance(h, int) else h):
                ctx["notes"].append(f"{LABEL[e]}: `{q[0]}` showed {shown.get((e, q[0]))} hits in "
                                    f"process but has {ctx['correct'][e][q[0]]['hits']} (expected "
                                    f"top {exp})")
    ctx["inproc_built"] = bool(inproc_bin)
    ctx["finished"] = datetime.datetime.now().strftime("%H:%M")
    ctx["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
    ctx["elapsed_min"] = (time.time() - t_start) / 60
    text = report(a, ctx)
    write_report(a.out, text)
    with open(os.path.join(os.path.dirname(a.out), "results.json"), "w", encoding="utf-8") as f:
        json.dump({k: v for k, v in ctx.items()}, f, ensure_ascii=False, indent=1, default=str)
    log(f"wrote {a.out}")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
