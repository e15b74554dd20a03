# SPDX-License-Identifier: GPL-2.0-or-later

"""`chimuc serve` under load: wrk with 50 connections for 30 s against the
20,000-document bench index, on /api/search (the 16 queries of
bench/queries.py, rotated by a wrk Lua script) and on /api/cited-by (the
most cited references of the index, rotated), each alone and while
chimuc-index updates the same index in a loop (each round adds a document
and changes one it added before, then commits). Writes bench/serve_load.json
(every figure, with how long after each commit the server answered at it)
and prints a Markdown table for bench/RESULTS.md.

The corpus is bench/make_corpus.py's (reused when there, as bench/mission.py
makes it); the index is built by chimuc-index in WORK/serve-N (reused when
this chimuc reads it). The server runs with its default threads on a free
loopback port, a new one for each row (first asked each path once). Needs wrk (bench/install-deps.sh)."""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import harness
from queries import QUERIES

# wrk's Lua: the paths in turn, one per request; at the end a JSON line.
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%%d,"duration_us":%%d,"p50_us":%%d,"p99_us":%%d,"max_us":%%d,' ..
    '"connect":%%d,"read":%%d,"write":%%d,"status":%%d,"timeout":%%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def log(msg):
    print(f"serve_load: {msg}", file=sys.stderr, flush=True)


def run_quiet(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env=harness.ENV, **kw)


def ensure_index(a, corpus):
    """The index of the corpus, built by this chimuc-index unless it reads it."""
    db = os.path.join(a.work, f"serve-{a.docs}")
    ok = os.path.isdir(db) and run_quiet([a.chimuc, "stats", "--db", db]).returncode == 0
    if not ok:
        shutil.rmtree(db, ignore_errors=True)
        log(f"indexing {corpus} into {db}")
        t = time.monotonic()
        subprocess.run([a.indexer, "--db", db, "-q", os.path.join(corpus, "docs")], check=True,
                       env=harness.ENV)
        log(f"indexed in {time.monotonic() - t:.0f} s")
    return db


def start_server(a, db):
    log_f = tempfile.NamedTemporaryFile("w+", prefix="serve_load.", suffix=".log", delete=False)
    p = subprocess.Popen([a.chimuc, "serve", "--db", db, "--listen", "127.0.0.1:0"],
                         stderr=log_f, env=harness.ENV)
    for _ in range(200):
        with open(log_f.name) as f:
            text = f.read()
        if " on port " in text:
            return p, int(text.split(" on port ")[1].split()[0]), log_f.name
        if p.poll() is not None:
            sys.exit(f"serve_load: chimuc serve ended: {text}")
        time.sleep(0.05)
    sys.exit("serve_load: chimuc serve did not say its port")


def search_paths():
    return ["/api/search?q=" + urllib.parse.quote(q[2], safe="") for q in QUERIES]


def cited_by_paths(a, db):
    out = subprocess.run([a.chimuc, "top-cited", "--db", db, "--json", "--limit", "64"],
                         check=True, capture_output=True, text=True, env=harness.ENV).stdout
    keys = [json.loads(line)["key"] for line in out.splitlines()]
    # a key whose number two documents share (25-NQ/TW@2003 and @2013) is asked with its year
    return ["/api/cited-by?ref=" + urllib.parse.quote(k, safe="") for k in keys[:16]]


class Updater(threading.Thread):
    """chimuc-index on a folder of its own inside the index's corpus: each
    round adds a document (a corpus document with a new sentence) and
    changes the one added before, then indexes the folder (a commit), and
    waits --update-every seconds."""

    def __init__(self, a, db, corpus, port):
        super().__init__(daemon=True)
        self.a, self.db, self.port = a, db, port
        self.base = self.served()
        self.lags = []
        self.src = sorted(os.path.join(corpus, "docs", n)
                          for n in os.listdir(os.path.join(corpus, "docs")))[:200]
        self.dir = tempfile.mkdtemp(prefix="serve_load-updates.")
        self.stop = threading.Event()
        self.rounds = self.failed = 0

    def write(self, n, salt):
        with open(random.Random(n).choice(self.src), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(self.dir, f"upd-{n:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(text + f"\nBổ sung lần {salt}: cập nhật số {n}.\n")

    def run(self):
        n = 0
        while not self.stop.wait(0 if n == 0 else self.a.update_every):
            self.write(n, 0)
            if n:
                self.write(n - 1, n)
            r = run_quiet([self.a.indexer, "--db", self.db, "-q", "--batch", "1", self.dir])
            self.rounds += 1
            self.failed += r.returncode != 0
            n += 1
            self.lags.append(self.lag(self.base + n))

    def served(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/stats") as r:
            return json.load(r)["documents"]

    def lag(self, want):
        """Seconds from a commit until the server answers at it (its /api/stats
        counts the documents), under the load; None after 10 s."""
        t0 = time.monotonic()
        while time.monotonic() - t0 < 10:
            if self.served() >= want:
                return round(time.monotonic() - t0, 3)
            time.sleep(0.02)
        return None

    def finish(self):
        self.stop.set()
        self.join()
        # the index as it was: the documents added are gone from their folder
        for name in os.listdir(self.dir):
            os.remove(os.path.join(self.dir, name))
        run_quiet([self.a.indexer, "--db", self.db, "-q", self.dir])
        os.rmdir(self.dir)


def wrk(a, port, paths):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA % ", ".join(json.dumps(p) for p in paths))
    try:
        out = subprocess.run(["wrk", "-t", str(a.wrk_threads), "-c", str(a.connections), "-d",
                              f"{a.seconds}s", "--timeout", "10s", "-s", f.name,
                              f"http://127.0.0.1:{port}/"], check=True, capture_output=True,
                             text=True).stdout
    finally:
        os.remove(f.name)
    r = json.loads(out.strip().splitlines()[-1])
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["errors"] = sum(r[k] for k in ("connect", "read", "write", "status", "timeout"))
    return r


def check_answers(port, paths):
    """Every path answers 200 before the load (a 400 would be measured as an error)."""
    for p in paths:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{p}") as r:
            if r.status != 200:
                sys.exit(f"serve_load: {p}: {r.status}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(harness.REPO, "build", "release"))
    ap.add_argument("--work", default=os.path.join(harness.REPO, "build", "bench-work"))
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--wrk-threads", type=int, default=2)
    ap.add_argument("--update-every", type=float, default=1.0,
                    help="seconds between the updater's rounds (each a commit)")
    ap.add_argument("--label", default="", help="a name for this run in the json")
    ap.add_argument("--out", default=os.path.join(harness.HERE, "serve_load.json"))
    a = ap.parse_args()
    a.chimuc = os.path.join(a.build, "chimuc")
    a.indexer = os.path.join(a.build, "chimuc-index")
    if not shutil.which("wrk"):
        sys.exit("serve_load: wrk is not installed (bench/install-deps.sh)")
    os.makedirs(a.work, exist_ok=True)
    corpus = harness.make_corpus(a.work, a.docs, a.seed, log, by_hash=False)[0]
    db = ensure_index(a, corpus)
    endpoints = [("/api/search", search_paths()), ("/api/cited-by", cited_by_paths(a, db))]
    rows = []
    for updating in (False, True):
        for name, paths in endpoints:
            # a server of its own for each row: its cache holds that endpoint's answers only
            server, port, server_log = start_server(a, db)
            r = {}
            try:
                check_answers(port, paths)
                up = None
                if updating:
                    up = Updater(a, db, corpus, port)
                    up.start()
                log(f"wrk {name}{' while indexing' if updating else ''}")
                r = wrk(a, port, paths)
                if up:
                    up.finish()
                    r["index_rounds"], r["index_failed"] = up.rounds, up.failed
                    seen = sorted(x for x in up.lags if x is not None)
                    r["commit_seen_s"] = {"median": seen[len(seen) // 2] if seen else None,
                                          "max": seen[-1] if seen else None,
                                          "never": len(up.lags) - len(seen)}
            finally:
                server.send_signal(signal.SIGTERM)
                server.wait()
                with open(server_log) as f:
                    r["server_said"] = f.read().strip().splitlines()[-1]
                os.remove(server_log)
            r.update(endpoint=name, updating=updating)
            rows.append(r)
            seen = f"; a commit answered after {r['commit_seen_s']}" if updating else ""
            log(f"  {r['rps']:.0f} req/s, p50 {r['p50_us'] / 1000:.1f} ms, "
                f"p99 {r['p99_us'] / 1000:.1f} ms, {r['errors']} errors; {r['server_said']}{seen}")
    result = {"label": a.label, "docs": a.docs, "connections": a.connections,
              "update_every": a.update_every,
              "seconds": a.seconds, "wrk_threads": a.wrk_threads,
              "machine": harness.machine(),
              "rows": rows}
    runs = []
    if os.path.exists(a.out):
        with open(a.out) as f:
            runs = json.load(f)
    runs.append(result)
    with open(a.out, "w") as f:
        json.dump(runs, f, indent=1)
        f.write("\n")
    print("| endpoint | index updated | requests/s | p50 ms | p99 ms | errors "
          "| a commit answered after (median / max s) |")
    print("|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        upd = f"yes ({r['index_rounds']} commits)" if r["updating"] else "no"
        seen = r.get("commit_seen_s")
        lag = f"{seen['median']} / {seen['max']} ({seen['never']} never)" if seen else "—"
        print(f"| {r['endpoint']} | {upd} | {r['rps']:.0f} | {r['p50_us'] / 1000:.1f} | "
              f"{r['p99_us'] / 1000:.1f} | {r['errors']} | {lag} |")


if __name__ == "__main__":
    main()
