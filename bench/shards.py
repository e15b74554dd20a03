#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""shards.py: fan-out latency of chimuc over 1 to 16 shards on loopback.

The documents of a corpus (bench/make_corpus.py's docs/) are dealt in turn
into 16 base shards, each indexed by chimuc-index; the shards of fewer are
made by merging base shards with xapian-compact (shard j of k holds the
bases i with i % k == j), so every configuration holds the same documents.
For each number of shards: one xapian-tcpsrv per shard on a free loopback
port, a stub file of `remote 127.0.0.1:PORT` lines, and each question asked
as one `chimuc` process (what a user or a script pays), --runs times after
an untimed warm-up; the median wall time is reported, for the remote shards
and for the same shards read locally (`auto PATH` lines). Every answer is
checked to be the same for every configuration.

Writes its table as the section "Fan-out over shards" of bench/RESULTS.md
(--out), replacing the last one.

Usage: bench/shards.py --docs DIR [--work DIR] [--bin DIR] [--shards 1,2,4,8,16]
                       [--runs N] [--out FILE]
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mission  # noqa: E402

QUESTIONS = [
    ("search (10 hits)", ["search", "--json", "--limit", "10", "dân vận"]),
    ("search folded (10 hits)", ["search", "--json", "--limit", "10", "dan van kheo"]),
    ("search --count", ["search", "--count", "nghị quyết"]),
    ("cited-by --count", ["cited-by", "--count", "25-NQ/TW@2013"]),
    ("top-cited --limit 10", ["top-cited", "--json", "--limit", "10"]),
    ("deadlines June 2024", ["deadlines", "--json", "--from", "2024-06-01", "--to", "2024-06-30"]),
    ("stats", ["stats", "--json"]),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def build_bases(docs, work, bindir, n):
    files = sorted(os.path.join(docs, f) for f in os.listdir(docs))
    bases = []
    for i in range(n):
        db = os.path.join(work, "base-%02d" % i)
        bases.append(db)
        if os.path.exists(os.path.join(db, "iamglass")):
            continue
        part = files[i::n]
        t = time.time()
        run([os.path.join(bindir, "chimuc-index"), "--db", db] + part)
        print("indexed base %d (%d documents) in %.1f s" % (i, len(part), time.time() - t),
              file=sys.stderr)
    return bases, len(files)


def merged(work, bases, k):
    if k == len(bases):
        return bases
    out = []
    for j in range(k):
        db = os.path.join(work, "k%02d-%02d" % (k, j))
        out.append(db)
        if not os.path.exists(os.path.join(db, "iamglass")):
            run(["xapian-compact", "--no-full"] + bases[j::k] + [db])
    return out


def normal(answer):
    """The answer without what may differ between shardings: the shard
    fields, a score's last bits (summed in another order)."""
    out = []
    for line in answer.decode().splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            out.append(line)
            continue
        if isinstance(o, dict):
            o.pop("shard", None)
            if "score" in o:
                o["score"] = round(o["score"], 9)
        out.append(json.dumps(o, sort_keys=True))
    return "\n".join(out)


def time_questions(bindir, stub, runs):
    chimuc = os.path.join(bindir, "chimuc")
    result = {}
    for name, q in QUESTIONS:
        cmd = [chimuc, q[0], "--db", stub, "--all-shards"] + q[1:]
        answer = normal(run(cmd).stdout)
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            run(cmd)
            samples.append(time.perf_counter() - t)
        result[name] = (statistics.median(samples), answer)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", required=True)
    ap.add_argument("--work", default="build/bench-work/shards")
    ap.add_argument("--bin", default="build/release")
    ap.add_argument("--shards", default="1,2,4,8,16")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "RESULTS.md"))
    a = ap.parse_args()
    ks = [int(k) for k in a.shards.split(",")]
    os.makedirs(a.work, exist_ok=True)
    bases, ndocs = build_bases(a.docs, a.work, a.bin, max(ks))
    rows, answers = [], {}
    for k in ks:
        shards = merged(a.work, bases, k)
        servers, ports = [], []
        try:
            for db in shards:
                p = free_port()
                servers.append(subprocess.Popen(
                    ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(p), db],
                    stdout=subprocess.DEVNULL, start_new_session=True))
                ports.append(p)
            time.sleep(0.5 + 0.05 * k)
            remote = os.path.join(a.work, "remote-%02d.stub" % k)
            local = os.path.join(a.work, "local-%02d.stub" % k)
            with open(remote, "w") as f:
                f.writelines("remote 127.0.0.1:%d\n" % p for p in ports)
            with open(local, "w") as f:
                f.writelines("auto %s\n" % os.path.abspath(db) for db in shards)
            r = time_questions(a.bin, remote, a.runs)
            loc = time_questions(a.bin, local, a.runs)
        finally:
            for s in servers:
                s.kill()
                s.wait()
        for name, _ in QUESTIONS:
            for got in (r[name][1], loc[name][1]):
                want = answers.setdefault(name, got)
                if name != "stats" and got != want:
                    sys.exit("%s differs with %d shards" % (name, k))
        rows.append((k, r, loc))
        print("%d shards done" % k, file=sys.stderr)
    lines = ["| shards | docs/shard | " + " | ".join(n for n, _ in QUESTIONS) + " |",
             "|---|---|" + "---|" * len(QUESTIONS)]
    for k, r, loc in rows:
        cells = ["%.3f (%.3f)" % (r[n][0], loc[n][0]) for n, _ in QUESTIONS]
        lines.append("| %d | %d | %s |" % (k, ndocs // k, " | ".join(cells)))
    text = ("%d documents; median wall seconds of %d runs of one `chimuc` process, remote "
            "shards (xapian-tcpsrv on loopback), in parentheses the same shards local "
            "(stub file of `auto` lines)\n\n" % (ndocs, a.runs)) + "\n".join(lines) + "\n"
    if a.out:
        write_section(a.out, text, a)
    print(text)


BEGIN, END = "<!-- shards: begin (bench/shards.py) -->", "<!-- shards: end -->"


def write_section(path, table, a):
    """The section "Fan-out over shards" of RESULTS.md (between BEGIN and
    END, replaced by each run; the rest of the file is kept)."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                            text=True).stdout.strip()
    text = "%s\n## Fan-out over shards\n\n`bench/shards.py --docs %s --runs %d`, %s UTC, chimuc %s " \
           "(`%s`); load average at the end %.1f on %d cores.\n\n%s%s\n" % (
               BEGIN, a.docs, a.runs, time.strftime("%Y-%m-%d %H:%M", time.gmtime()), commit,
               a.bin, os.getloadavg()[0], os.cpu_count(), table, END)
    mission.write_section(path, text, BEGIN, END)


if __name__ == "__main__":
    main()
