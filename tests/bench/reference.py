#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""An independent scorer, for the benchmark: csv + decimal.Decimal, no pressdx code.

    reference.py RUBRIC.xml OUT.csv ANSWERS.csv...

Written from README.md (answers CSV, scoring, rubric format), rubrics/rubric.rng and the
provisional criteria note, not from engine/. Writes one line per assessment (agency ×
year): agency_id,year,total,level,pillar_<id>... with two decimals, as `pressdx score
--format csv` prints them. Exit 1 on an answer it cannot read (the benchmark's input
has none), naming the file, line and criterion.

Scoring: each criterion scored then rounded to 0.01, half away from zero; components,
pillars and the total are sums of the rounded points; the level is the highest whose
min the total reaches. yesno: full points on yes. choice: the option's points.
percent/number/count: bands in order, the first whose bound is reached (ge: >=, gt: >)
gives its points, none gives 0; percent with <linear/>: max × value / 100."""
import csv
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal

YES = {"có", "co", "yes", "y", "1", "x", "true"}
NO = {"không", "khong", "no", "n", "0", "false"}
CENT = Decimal("0.01")


class Rubric:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        # (bound, strict, number): a level starts at min, or above `above` (strict)
        self.levels = sorted(((Decimal(l.get("min") or l.get("above")),
                               l.get("above") is not None, int(l.get("number")))
                              for l in root.find("levels").findall("level")))
        self.pillars = [p.get("id") for p in root.findall("pillar")]
        self.criteria = {}  # id -> (pillar, type, max, rule)
        for p in root.findall("pillar"):
            for c in p.iter("criterion"):
                typ, mx = c.get("type"), Decimal(c.get("max"))
                if c.find("linear") is not None:
                    rule = ("linear",)
                elif c.find("bands") is not None:
                    rule = ("bands", [("ge" if b.get("ge") is not None else "gt",
                                       Decimal(b.get("ge") or b.get("gt")),
                                       Decimal(b.get("points")))
                                      for b in c.find("bands").findall("band")])
                elif c.findall("option"):
                    rule = ("options", {o.get("key").casefold(): Decimal(o.get("points") or "0")
                                        for o in c.findall("option")})
                else:
                    rule = ("full",)
                self.criteria[c.get("id")] = (p.get("id"), typ, mx, rule)

    def level(self, total):
        best = None
        for mn, strict, num in self.levels:
            if total > mn or (total == mn and not strict):
                best = num
        return best


NUM = re.compile(r"^([+\-\u2212]?)(\d+)(?:[.,](\d*))?$")


def read_number(text, typ):
    """The value of a number as the generator (and a person) writes it: 45, 12,5, 12.5,
    80%, -3,5. Thousands separators are not needed here and are refused (None)."""
    t = text.replace("\u00a0", " ").strip()
    pct = t.endswith("%")
    if pct:
        if typ == "count":
            return None
        t = t[:-1].rstrip()
    m = NUM.match(t)
    if not m:
        return None
    v = Decimal(m.group(2) + "." + (m.group(3) or "0"))
    if m.group(1) in ("-", "\u2212"):
        v = -v
    if typ == "count" and (v < 0 or v != v.to_integral_value()):
        return None
    if typ == "percent" and not (0 <= v <= 100):
        return None
    return v


def points(crit, answer):
    _, typ, mx, rule = crit
    a = unicodedata.normalize("NFC", answer).strip()
    if typ == "yesno":
        w = a.casefold()
        if w in YES:
            return mx
        if w in NO:
            return Decimal(0)
        return None
    if typ == "choice":
        return rule[1].get(re.sub(r"\s+", " ", a.replace("\u2013", "-")).casefold())
    v = read_number(a, typ)
    if v is None:
        return None
    if rule[0] == "linear":
        p = mx * v / 100
    elif rule[0] == "bands":
        p = Decimal(0)
        for op, bound, pts in rule[1]:
            if (v >= bound) if op == "ge" else (v > bound):
                p = pts
                break
    else:
        return None
    return p.quantize(CENT, rounding=ROUND_HALF_UP)  # half away from zero for Decimal


def score(rubric, files):
    """{(agency_id, year): {criterion: points}} and the first order of the assessments."""
    out = {}
    bad = []
    for path in files:
        with open(path, encoding="utf-8-sig", newline="") as f:
            r = csv.reader(f)
            head = [h.strip().casefold() for h in next(r)]
            ia, ic, iv = head.index("agency_id"), head.index("criterion"), head.index("answer")
            iy = head.index("year") if "year" in head else None
            for line, row in enumerate(r, 2):
                if not any(x.strip() for x in row):
                    continue
                key = (row[ia].strip(), row[iy].strip() if iy is not None else "")
                crits = out.setdefault(key, {})
                cid, ans = row[ic].strip(), row[iv]
                if not ans.strip():
                    continue
                crit = rubric.criteria.get(cid)
                p = points(crit, ans) if crit else None
                if p is None:
                    bad.append("%s:%d: %s: cannot read %r" % (path, line, cid, ans))
                    continue
                if cid in crits and crits[cid] != p:
                    bad.append("%s:%d: %s: two different answers" % (path, line, cid))
                crits[cid] = p
    return out, bad


def main():
    rubric_path, out_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    rubric = Rubric(rubric_path)
    results, bad = score(rubric, files)
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["agency_id", "year", "total", "level"] + ["pillar_" + p for p in rubric.pillars])
        for (aid, year), crits in results.items():
            pill = {p: Decimal(0) for p in rubric.pillars}
            for cid, pts in crits.items():
                pill[rubric.criteria[cid][0]] += pts
            total = sum(pill.values(), Decimal(0))
            w.writerow([aid, year, "%.2f" % total, rubric.level(total)] +
                       ["%.2f" % pill[p] for p in rubric.pillars])
    for b in bad[:20]:
        print(b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
