#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark of issue 8: pressdx against a bare libcsv parse (the floor), DuckDB and an
independent Python scorer, on the same generated file, in the same run.

    bench.py PRESSDX BASELINE [--assessments N] [--large] [--markdown FILE]
             [--install-duckdb] [--short] [--tmpdir DIR] [--spawn BENCH_SPAWN]

Generates N assessments (default 50,000) × every criterion of rubrics/951-2023.xml
(gen.py: realistic rows, 50,000 ≈ 250 MB) into a temporary folder; every command
writes its output into that folder (same disk). Measured, each the median of 3 runs,
all commands run round-robin (floor, cmd1, cmd2, …, then again): wall time and the
child's peak RSS (wait4 ru_maxrss, through bench-spawn, spawn.c):

  floor            BASELINE: read + tokenize with libcsv, nothing else
  pressdx          validate; score --format csv / json / text / html / xlsx; rank --within province;
                   summary --by province; gap (reported, not bounded)
  DuckDB           the same scoring in SQL (duckdb_sql.py), npm @duckdb/node-api, 2
                   threads, in node; --install-duckdb installs it into
                   ${XDG_CACHE_HOME:-~/.cache}/pressdx-bench
  Python           reference.py: csv + decimal.Decimal, written from the README

Then checks that the Python reference agrees exactly with `pressdx score --format csv`
on every assessment (total, level, every pillar) and that DuckDB agrees too; prints the
table (also as Markdown with --markdown FILE) and the targets of issue 8 as met / NOT
met (informational: never a failing exit). Exit 1 when a command fails or a scorer
disagrees with pressdx.

  --large   also generates 100,000 assessments (≈ 500 MB) and scores it in one run
  --short   1,000 assessments, 1 repetition, no DuckDB install (the CI version: every
            command must exit 0 and the reference must agree; no time assertion)"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RUBRIC = os.path.normpath(os.path.join(HERE, "..", "..", "rubrics", "951-2023.xml"))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import duckdb_sql  # noqa: E402
import gen  # noqa: E402

CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
                     "pressdx-bench")
NODE_MODULES = os.path.join(CACHE, "node_modules")
DUCKDB_PKG = os.path.join(NODE_MODULES, "@duckdb", "node-api", "package.json")


class Cmd:
    def __init__(self, name, argv, stdout=None, output=None, note=""):
        self.name, self.argv, self.stdout, self.output, self.note = name, argv, stdout, output, note
        self.walls, self.rss = [], []
        self.failed = None  # why, when a run did not exit 0
        self.skipped = None  # why, when not run
        self.env = None


SPAWN = None  # bench-spawn (spawn.c), set by main()


def run(argv, stdout, stderr, env=None):
    """Runs argv to completion: (wall seconds, child peak RSS in KiB, exit code).

    The peak RSS is the child's ru_maxrss from wait4(2). Through bench-spawn when it is
    there: Linux keeps a process's peak RSS across exec and Python starts children with
    vfork, so os.wait4 here would report at least this driver's own RSS (spawn.c)."""
    with open(stdout or os.devnull, "wb") as out, open(stderr, "wb") as err:
        stat = stderr + ".rss"
        full = [SPAWN, stat] + argv if SPAWN else argv
        t = time.perf_counter()
        p = subprocess.Popen(full, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
    rc = os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss
    if SPAWN:
        try:
            with open(stat) as f:
                rss = int(f.read())
            os.unlink(stat)
        except (OSError, ValueError):
            rc = rc or 125
    return wall, rss, rc


def measure(cmds, reps, tmp, env=None):
    for rep in range(reps):
        for c in cmds:
            if c.skipped or c.failed:
                continue
            errf = os.path.join(tmp, "stderr.txt")
            wall, rss, rc = run(c.argv, c.stdout, errf, c.env or env)
            if rc != 0:
                with open(errf, encoding="utf-8", errors="replace") as f:
                    tail = f.read()[-2000:]
                c.failed = "exit %d" % rc + (": " + tail.strip().splitlines()[-1][:200]
                                             if tail.strip() else "")
                print("FAILED %s (%s)\n%s" % (c.name, " ".join(c.argv), tail), file=sys.stderr)
                continue
            c.walls.append(wall)
            c.rss.append(rss)
            print("  run %d/%d  %-34s %8.2f s %9.1f MiB" % (rep + 1, reps, c.name, wall, rss / 1024),
                  file=sys.stderr, flush=True)


def read_results(path, key_cols=("agency_id", "year")):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return {tuple(r[k] for k in key_cols): r for r in rows}


def compare(name, mine, theirs, fields):
    """(agree, disagree, first differences) between pressdx's rows and a scorer's."""
    diffs = []
    agree = 0
    for key in sorted(set(mine) | set(theirs)):
        a, b = mine.get(key), theirs.get(key)
        if a is None or b is None:
            diffs.append("%s %s: only in %s" % (key[0], key[1], "pressdx" if b is None else name))
            continue
        bad = ["%s pressdx %s, %s %s" % (f, a[f], name, b[f]) for f in fields if a[f] != b[f]]
        if bad:
            diffs.append("%s %s: %s" % (key[0], key[1], "; ".join(bad)))
        else:
            agree += 1
    return agree, len(diffs), diffs


def duckdb_version():
    try:
        with open(DUCKDB_PKG, encoding="utf-8") as f:
            return json.load(f)["version"]
    except OSError:
        return None


def install_duckdb():
    os.makedirs(CACHE, exist_ok=True)
    print("installing @duckdb/node-api into %s" % CACHE, file=sys.stderr)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", CACHE,
                    "@duckdb/node-api"], check=True, stdout=sys.stderr)


def fmt_row(c, floor, floor_best):
    # the best run beside the median: on a shared machine noise only adds time, so the
    # best of the round-robin runs shows the cost itself; the targets use the median
    if c.skipped:
        return [c.name, c.skipped, "", "", ""]
    if c.failed:
        return [c.name, "FAILED (%s)" % c.failed, "", "", ""]
    w, b = statistics.median(c.walls), min(c.walls)
    return [c.name, "%.2f" % w, "%.2f×" % (w / floor) if floor else "",
            "%.2f×" % (b / floor_best) if floor_best else "", "%.1f" % (max(c.rss) / 1024)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("pressdx")
    ap.add_argument("baseline")
    ap.add_argument("--assessments", type=int, default=50000)
    ap.add_argument("--large", action="store_true")
    ap.add_argument("--markdown", metavar="FILE")
    ap.add_argument("--install-duckdb", action="store_true")
    ap.add_argument("--short", action="store_true")
    ap.add_argument("--tmpdir", help="folder for the input and every output (default $TMPDIR)")
    ap.add_argument("--reps", type=int, default=3, help="repetitions (median of; default 3)")
    ap.add_argument("--spawn", help="the bench-spawn launcher (default: next to BASELINE)")
    a = ap.parse_args()
    if a.short:
        a.assessments, a.reps, a.install_duckdb = 1000, 1, False
    pressdx, baseline = os.path.abspath(a.pressdx), os.path.abspath(a.baseline)
    global SPAWN
    SPAWN = os.path.abspath(a.spawn or os.path.join(os.path.dirname(baseline), "bench-spawn"))
    if not os.access(SPAWN, os.X_OK):
        print("bench: %s not found: peak RSS includes this driver's own (≈ 17 MiB)" % SPAWN,
              file=sys.stderr)
        SPAWN = None
    status = 0

    if a.install_duckdb and not duckdb_version():
        install_duckdb()
    node = shutil.which("node")

    tmp = tempfile.mkdtemp(prefix="pressdx-bench-", dir=a.tmpdir)
    try:
        src = os.path.join(tmp, "answers.csv")
        t = time.perf_counter()
        gen.generate(src, a.assessments, 1, RUBRIC)
        size = os.path.getsize(src)
        nrows = a.assessments * len(gen.criteria(RUBRIC))
        print("input: %d assessments × %d criteria = %d rows, %.1f MB (%.1f MiB), generated in %.1f s"
              % (a.assessments, len(gen.criteria(RUBRIC)), nrows, size / 1e6, size / 2**20,
                 time.perf_counter() - t), file=sys.stderr)

        def o(name):
            return os.path.join(tmp, name)

        P = [pressdx]
        R = ["--rubric", RUBRIC]
        floor = Cmd("floor: libcsv tokenize", [baseline, src], stdout=o("floor.out"))
        score_csv = Cmd("pressdx score --format csv",
                        P + ["score", "--format", "csv"] + R + ["-o", o("score.csv"), src],
                        output=o("score.csv"))
        cmds = [
            floor,
            # validate has no -o: its stdout goes to a file on the same disk
            Cmd("pressdx validate", P + ["validate"] + R + [src], stdout=o("validate.txt")),
            score_csv,
            Cmd("pressdx score --format json",
                P + ["score", "--format", "json"] + R + ["-o", o("score.json"), src]),
            Cmd("pressdx score (text)", P + ["score"] + R + ["-o", o("score.txt"), src]),
            Cmd("pressdx score --format html",
                P + ["score", "--format", "html"] + R + ["-o", o("score.html"), src]),
            Cmd("pressdx score --format xlsx",
                P + ["score", "--format", "xlsx"] + R + ["-o", o("score.xlsx"), src]),
            Cmd("pressdx rank --within province",
                P + ["rank", "--within", "province"] + R + ["-o", o("rank.txt"), src]),
            Cmd("pressdx summary --by province",
                P + ["summary", "--by", "province"] + R + ["-o", o("summary.txt"), src]),
            Cmd("pressdx gap", P + ["gap"] + R + ["-o", o("gap.txt"), src]),
        ]
        ver = duckdb_version()
        duck = Cmd("DuckDB%s (SQL, 2 threads)" % ((" " + ver.split("-")[0]) if ver else ""), [])
        if not ver:
            duck.skipped = "skipped: DuckDB not installed (run with --install-duckdb)"
        elif not node:
            duck.skipped = "skipped: node not found"
        else:
            sqlf, js = o("score.sql"), o("run-duckdb.js")
            with open(sqlf, "w", encoding="utf-8") as f:
                f.write(duckdb_sql.sql(RUBRIC, src, o("duckdb.csv")))
            with open(js, "w", encoding="utf-8") as f:
                f.write(duckdb_sql.RUNNER)
            duck.argv = [node, js, sqlf]
            duck.env = dict(os.environ, NODE_PATH=NODE_MODULES)
        cmds.append(duck)
        ref = Cmd("Python reference (csv + Decimal)",
                  [sys.executable, os.path.join(HERE, "reference.py"), RUBRIC, o("reference.csv"), src])
        cmds.append(ref)

        measure(cmds, a.reps, tmp)

        # agreement, on every assessment
        fields = None
        if not score_csv.failed:
            mine = read_results(o("score.csv"))
            fields = ["total", "level"] + [k for k in next(iter(mine.values())) if k.startswith("pillar_")]
            if len(mine) != a.assessments:
                print("pressdx score scored %d assessments, not %d" % (len(mine), a.assessments))
                status = 1
        checks = []
        for c, path in ((ref, o("reference.csv")), (duck, o("duckdb.csv"))):
            if c.skipped:
                continue
            if c.failed or fields is None:
                status = 1
                continue
            ag, dis, diffs = compare(c.name.split(" (")[0], mine, read_results(path), fields)
            checks.append("%s vs pressdx score --format csv (total, level, %d pillars): %d agree, "
                          "%d disagree" % (c.name, len(fields) - 2, ag, dis))
            if dis:
                status = 1
                checks += ["  " + d for d in diffs[:5]]
        status |= any(c.failed for c in cmds)

        large = None
        if a.large:
            big = o("large.csv")
            gen.generate(big, 100000, 2, RUBRIC)
            bsize = os.path.getsize(big)
            errf = o("large.stderr")
            wall, rss, rc = run(P + ["score", "--format", "csv"] + R + ["-o", o("large.out.csv"), big],
                                None, errf)
            os.unlink(big)
            ok = rc == 0 and len(read_results(o("large.out.csv"))) == 100000
            why = ""
            if not ok:
                with open(errf, encoding="utf-8", errors="replace") as f:
                    lines = f.read().strip().splitlines()
                why = " — exit %d%s" % (rc, (": " + lines[-1][:300]) if lines else "")
            large = (bsize, wall, rss, ok, why)

        # the table
        fl = statistics.median(floor.walls) if floor.walls else None
        fb = min(floor.walls) if floor.walls else None
        head = ["command", "wall s", "ratio to floor", "best ÷ best", "peak RSS MiB"]
        rows = [fmt_row(c, fl, fb) for c in cmds]
        try:
            version = subprocess.run([pressdx, "--version"], capture_output=True, text=True,
                                     timeout=30).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            version = "pressdx"
        title = ("%s (%s); %d assessments × %d criteria = %d rows, %.0f MB; median of %d, "
                 "round-robin" % (version, a.pressdx, a.assessments, nrows // a.assessments,
                                  nrows, size / 1e6, a.reps))
        measured = [r for r in rows if r[2]]  # skipped and failed rows: name and why
        widths = [max(len(r[i]) for r in measured + [head]) for i in range(5)]
        text = [title, "  ".join(h.ljust(w) for h, w in zip(head, widths))]
        text += ["  ".join((c.ljust(w) if i == 0 else c.rjust(w)) for i, (c, w) in
                           enumerate(zip(r, widths))) if r[2] else
                 r[0].ljust(widths[0]) + "  " + r[1] for r in rows]
        md = [title, "", "| " + " | ".join(head) + " |", "|---|---:|---:|---:|---:|"]
        md += ["| " + " | ".join(r) + " |" for r in rows]
        if large:
            bsize, wall, rss, ok, why = large
            line = ("large: 100,000 assessments, %.0f MB, score --format csv -o in one run: %s, "
                    "%.2f s, peak RSS %.1f MiB%s" % (bsize / 1e6, "succeeded" if ok else "FAILED",
                                                     wall, rss / 1024, why))
            text.append(line)
            md += ["", line]

        # the targets of issue 8 (informational)
        def med(c):
            return statistics.median(c.walls) if c.walls else None

        sc, sr = med(score_csv), (max(score_csv.rss) / 1024 if score_csv.rss else None)
        dw, dr = med(duck), (max(duck.rss) / 1024 if duck.rss else None)
        targets = []

        def target(kind, what, ok):
            targets.append("%-4s %-58s %s" % (kind, what, "n/a" if ok is None else
                                              ("met" if ok else "NOT met")))

        target("must", "score csv faster than DuckDB", None if sc is None or dw is None else sc < dw)
        target("must", "score csv ≤ 2× floor", None if sc is None or not fl else sc <= 2 * fl)
        target("must", "score csv peak RSS below DuckDB's", None if sr is None or dr is None else sr < dr)
        target("must", "score csv peak RSS ≤ 160 MiB", None if sr is None else sr <= 160)
        if large:
            target("must", "100,000 assessments (%.0f MB) scored in one run" % (large[0] / 1e6), large[3])
        target("goal", "score csv ≤ 1.25× floor", None if sc is None or not fl else sc <= 1.25 * fl)
        target("goal", "score csv peak RSS ≤ 64 MiB", None if sr is None else sr <= 64)
        for c in cmds:
            if c.name.split(" ")[1:2] and c.name.split(" ")[1] in ("validate", "rank", "summary"):
                w = med(c)
                target("each", "%s ≤ 1.1× score csv" % c.name.replace("pressdx ", ""),
                       None if w is None or sc is None else w <= 1.1 * sc)
        # issue 9: the reports that write far more than CSV still stream
        for c in cmds:
            if c.name in ("pressdx score --format json", "pressdx score --format html",
                          "pressdx score --format xlsx"):
                r = max(c.rss) / 1024 if c.rss else None
                target("goal", "%s peak RSS ≤ 1.5× score csv (issue 9)" % c.name.replace("pressdx ", ""),
                       None if r is None or sr is None else r <= 1.5 * sr)
        out = "\n".join(text) + "\n\n" + "\n".join(checks) + "\n\nTargets (issues 8, 9; informational):\n" + \
            "\n".join("  " + t for t in targets) + "\n"
        print(out)
        if a.markdown:
            with open(a.markdown, "w", encoding="utf-8") as f:
                f.write("\n".join(md) + "\n\n" + "\n".join("- " + c.strip() for c in checks) +
                        "\n\nTargets (issue 8):\n\n" +
                        "\n".join("- **%s** %s: %s" % (t[:4].strip(), t[5:63].strip(), t[63:].strip())
                                  for t in targets) + "\n")
        if status:
            print("bench: FAILED (a command failed or a scorer disagrees with pressdx)", file=sys.stderr)
        return 1 if status else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
