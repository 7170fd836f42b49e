import sys
from checklib import *

# (criterion, pillar, current, max, gain, next_band or None); next_band = (answer, points, gain)
GA_IMP = [("2.2.1", "2", "0", "4", "4", ("1-2", "2", "2")), ("3.1.1", "3", "0", "4", "4", ("partial", "2", "2")),
          ("3.2.1", "3", "0", "4", "4", None), ("4.2.3", "4", "0", "3", "3", ("có", "3", "3")),
          ("2.1.2", "2", "0", "2", "2", ("có", "2", "2")), ("5.2.4", "5", "0", "1", "1", ("có", "1", "1"))]
GB_IMP = [("3.1.1", "3", "0", "4", "4", ("partial", "2", "2")), ("1.1.1", "1", "0", "3", "3", ("có", "3", "3")),
          ("4.2.3", "4", "0", "3", "3", ("có", "3", "3")), ("2.1.2", "2", "0", "2", "2", ("có", "2", "2")),
          ("2.2.2", "2", "0", "2", "2", ("có", "2", "2")), ("5.2.4", "5", "0", "1", "1", ("có", "1", "1"))]
GC_IMP = [("1.2.2", "1", "0", "3", "3", (">0", "1", "1")), ("4.1.2", "4", "0", "3", "3", (">0", "1", "1")),
          ("4.1.3", "4", "0", "3", "3", ("10", "1", "1")), ("1.2.3", "1", "1", "3", "2", ("15", "2", "1")),
          ("2.1.3", "2", "1", "3", "2", ("domestic", "2", "1")), ("2.2.1", "2", "2", "4", "2", ("3+", "4", "2")),
          ("3.1.1", "3", "2", "4", "2", ("full", "4", "2")), ("5.1.3", "5", "0", "2", "2", ("2", "1", "1")),
          ("1.1.3", "1", "1.5", "3", "1.5", None), ("1.2.1", "1", "2", "3", "1", ("10", "3", "1")),
          ("2.1.5", "2", "1", "2", "1", ("80", "2", "1"))]
GD_IMP = [("4.2.3", "4", "0", "3", "3", ("có", "3", "3")), ("4.2.4", "4", "0", "2", "2", ("có", "2", "2")),
          ("5.1.4", "5", "0", "2", "2", ("có", "2", "2"))]
# GE: every criterion but 5.2.4 unanswered; by gain, ties by id; (id, max, next answer, next points)
GE_ORDER = [("2.2.1", 4, "1-2", 2), ("3.1.1", 4, "partial", 2), ("3.2.1", 4, None, 0),
            ("1.1.1", 3, "có", 3), ("1.1.2", 3, "có", 3), ("1.1.3", 3, None, 0), ("1.2.1", 3, ">0", 1),
            ("1.2.2", 3, ">0", 1), ("1.2.3", 3, ">0", 1), ("2.1.1", 3, "có", 3), ("2.1.3", 3, "foreign", 1),
            ("4.1.2", 3, ">0", 1), ("4.1.3", 3, "10", 1), ("4.2.3", 3, "có", 3),
            ("2.1.2", 2, "có", 2), ("2.1.4", 2, "có", 2), ("2.1.5", 2, "40", 1), ("2.1.6", 2, "có", 2),
            ("2.2.2", 2, "có", 2), ("2.2.3", 2, "có", 2), ("2.2.4", 2, "có", 2), ("3.1.2", 2, "có", 2),
            ("3.1.3", 2, "có", 2), ("3.1.4", 2, "có", 2), ("3.2.2", 2, "5", 1), ("3.2.3", 2, "20", 1),
            ("3.2.4", 2, "có", 2), ("4.1.1", 2, "có", 2), ("4.1.4", 2, "có", 2), ("4.1.5", 2, "15", 1),
            ("4.2.1", 2, "có", 2), ("4.2.2", 2, "có", 2), ("4.2.4", 2, "có", 2), ("4.2.5", 2, "1", 1),
            ("5.1.1", 2, "có", 2), ("5.1.2", 2, "có", 2), ("5.1.3", 2, "2", 1), ("5.1.4", 2, "có", 2),
            ("5.2.1", 2, "có", 2), ("5.2.2", 2, "có", 2), ("5.2.3", 2, "có", 2)]
GE_IMP = [(c, c[0], "0", str(m), str(m), (a, str(p), str(p)) if a else None) for c, m, a, p in GE_ORDER]


def nb(x):
    return None if x is None else (x["answer"], x["points"], x["gain"])


def check_improvements(a, want):
    expect(a["agency_id"] + " improvements",
           [(c, p, D(cur), D(mx), D(g), None if n is None else (n[0], D(n[1]), D(n[2])))
            for c, p, cur, mx, g, n in want],
           [(i["criterion"], i["pillar"], i["current"], i["max"], i["gain"], nb(i["next_band"]))
            for i in a["improvements"]])


def minimal(a):
    return [m["criterion"] for m in a["minimal_set"]]


def check_minimal_gains(a, imp):
    gains = {c: D(g) for c, p, cur, mx, g, n in imp}
    pillars = {c: p for c, p, cur, mx, g, n in imp}
    expect(a["agency_id"] + " minimal set entries", [(c, pillars[c], gains[c]) for c in minimal(a)],
           [(m["criterion"], m["pillar"], m["gain"]) for m in a["minimal_set"]])


raw, doc = load_json(sys.argv[1])
check_points_text(raw)
ags = {a["agency_id"]: a for a in doc["agencies"]}
expect("agencies", ["GA", "GB", "GC", "GD", "GE"], [a["agency_id"] for a in doc["agencies"]])
for a in doc["agencies"]:
    for f in ["agency_id", "total", "level", "target_level", "points_needed", "minimal_set",
              "improvements"]:
        if f not in a:
            fail("%s: no field %s" % (a["agency_id"], f))
WANT = {"GA": ("82", 4, 5, "8", ["2.2.1", "3.1.1"], GA_IMP),
        "GB": ("85", 4, 5, "5", ["3.1.1", "1.1.1"], GB_IMP),
        "GC": ("77.5", 3, 4, "2.5", ["1.2.2"], GC_IMP),
        "GD": ("93", 5, None, "0", [], GD_IMP),
        "GE": ("1", 1, 2, "49", [c for c, p, cur, mx, g, n in GE_IMP[:16]], GE_IMP)}
for i, (total, level, target, needed, mins, imp) in WANT.items():
    a = ags[i]
    expect(i + " total/level/target/needed",
           (D(total), D(level), None if target is None else D(target), D(needed)),
           (a["total"], a["level"], a["target_level"], a["points_needed"]))
    expect(i + " minimal set", mins, minimal(a))
    check_minimal_gains(a, imp)
    check_improvements(a, imp)
