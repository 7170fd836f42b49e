#!/usr/bin/env python3
"""Benchmark: pressdx against a libcsv-only baseline, in the same run.

    bench.py PRESSDX BASELINE [AGENCIES]

Generates AGENCIES (default 10,000) agencies × 42 answers, then times, best of 3:
the baseline (read + tokenize with libcsv), `pressdx validate`, `pressdx score` in csv,
json and text, `pressdx rank` and `pressdx summary`. Figures are ratios to the baseline,
so they compare across machines; absolute seconds are printed for context only."""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "limits"))
import gen  # noqa: E402


def best_of(argv, n=3):
    best = None
    for _ in range(n):
        t = time.perf_counter()
        p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t
        if p.returncode not in (0, 1):
            raise SystemExit("%s exited %d" % (argv, p.returncode))
        best = dt if best is None else min(best, dt)
    return best


def main():
    pressdx, baseline = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    agencies = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "bench.csv")
        sys.argv = ["gen", src, str(agencies)]
        gen.main()
        size = os.path.getsize(src) / 1e6
        base = best_of([baseline, src])
        print("input: %d agencies, %d rows, %.1f MB" % (agencies, agencies * 42, size))
        print("%-28s %9s %9s" % ("command", "seconds", "× baseline"))
        print("%-28s %9.3f %9.1f" % ("baseline (libcsv tokenize)", base, 1.0))
        for name, args in [("validate", ["validate"]),
                           ("score --format csv", ["score", "--format", "csv"]),
                           ("score --format json", ["score", "--format", "json"]),
                           ("score (text)", ["score"]),
                           ("rank --within province", ["rank", "--within", "province"]),
                           ("summary --by province", ["summary", "--by", "province"])]:
            t = best_of([pressdx] + args + [src])
            print("%-28s %9.3f %9.1f" % (name, t, t / base))


if __name__ == "__main__":
    main()
