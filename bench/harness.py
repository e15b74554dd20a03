# SPDX-License-Identifier: GPL-2.0-or-later

"""What bench/run.py and bench/mission.py share: the Python and environment
the measured commands run with, the corpus (made by bench/make_corpus.py or
reused), sizes, medians and the description of the machine."""
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PY = "/usr/bin/python3"  # Debian's: its sqlite3 has FTS5, and python3-xapian is for it
ENV = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")


def du(path):
    return int(subprocess.run(["du", "-sb", path], check=True, capture_output=True,
                              text=True).stdout.split()[0])


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def corpus_hash(out):
    h = hashlib.sha256()
    docs = os.path.join(out, "docs")
    for name in sorted(os.listdir(docs)):
        with open(os.path.join(docs, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def make_corpus(work, docs, seed, log, by_hash=True):
    """The corpus of docs documents and seed in work, made unless one with
    the same arguments is there (and, by_hash, the same content; else the
    same number of files): (folder, its corpus_info.json, the command).
    While DIR.making exists the corpus is being made elsewhere: waits."""
    out = os.path.join(work, f"corpus-{docs}-s{seed}")
    info_path = os.path.join(out, "corpus_info.json")
    lock = out + ".making"  # another run (or a hand-started make_corpus.py) is making it
    while os.path.exists(lock):
        log(f"corpus {out}: waiting for {lock} to go")
        time.sleep(30)
    cmd = [PY, os.path.join(HERE, "make_corpus.py"), "--docs", str(docs), "--seed", str(seed),
           "--out", out]
    if os.path.exists(info_path):
        with open(info_path) as f:
            info = json.load(f)
        if info["docs"] == docs and info["seed"] == seed and (
                corpus_hash(out) == info["sha256_of_all"] if by_hash
                else len(os.listdir(os.path.join(out, "docs"))) == docs):
            log(f"corpus {out}: reused")
            return out, info, cmd
    shutil.rmtree(out, ignore_errors=True)
    log(f"corpus {out}: generating {docs} documents")
    open(lock, "w").close()
    try:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=ENV)
    finally:
        os.remove(lock)
    with open(info_path) as f:
        return out, json.load(f), cmd


def machine():
    """The machine, for the reports: cores, CPU, memory, system, load and
    the versions of the other engines."""
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for ln in f:
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])

    def ver(pkg):
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                              capture_output=True, text=True).stdout or "?"
    load = os.getloadavg()
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem_gib": round(mem_kib / 2**20, 1),
            "os": platform.platform(), "load_at_start": [round(x, 2) for x in load],
            "xapian-core": ver("libxapian30"), "xapian-omega": ver("xapian-omega"),
            "sqlite": ver("libsqlite3-0"), "python3": platform.python_version()}


def machine_line(m):
    """One line of the machine() dict."""
    return (f"{m['nproc']} cores ({m['cpu']}), {m['mem_gib']} GiB, {m['os']}; "
            f"xapian-core {m['xapian-core']}, SQLite {m['sqlite']}, Python {m['python3']}")
