#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generates a large, valid answers CSV for the limit tests and the benchmark.

    gen.py OUT.csv AGENCIES [SEED]

Every agency answers all criteria of rubrics/951-2023.xml with random valid answers
(a fixed seed makes the file repeatable); answers are typed from the rubric itself."""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUBRIC = os.path.join(HERE, "..", "..", "rubrics", "951-2023.xml")


def criteria():
    out = []
    current = None
    for line in open(RUBRIC, encoding="utf-8"):
        m = re.search(r'<criterion id="([^"]+)"', line)
        if m:
            t = re.search(r'type="(\w+)"', line).group(1)
            current = [m.group(1), t, []]
            out.append(current)
        m = re.search(r'<option key="([^"]+)"', line)
        if m and current:
            current[2].append(m.group(1))
    return out


def answer(rng, typ, options):
    if typ == "yesno":
        return rng.choice(["có", "không"])
    if typ == "choice":
        return rng.choice(options)
    if typ == "count":
        return str(rng.randint(0, 6))
    if typ == "number":
        return str(rng.randint(-10, 40))
    return rng.choice([str(rng.randint(0, 100)), "%d,%d" % (rng.randint(0, 99), rng.randint(0, 9))])


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    crits = criteria()
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("agency_id,agency_name,province,owner,block,media,year,criterion,answer,evidence,note\r\n")
        for a in range(n):
            for cid, typ, options in crits:
                v = answer(rng, typ, options)
                if "," in v:
                    v = '"%s"' % v
                f.write("A%06d,Báo thử nghiệm số %d,Tỉnh %d,UBND tỉnh %d,Báo địa phương,in|dien-tu,2025,%s,%s,mc/%s.pdf,\r\n"
                        % (a, a, a % 63, a % 63, cid, v, cid))


if __name__ == "__main__":
    main()
