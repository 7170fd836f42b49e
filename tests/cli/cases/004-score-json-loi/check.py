import sys
from checklib import *

# Year 2025 and no --rubric: the edition in force, 3560-2025. Its criteria are the 42 of
# the 951 tables (CRITERIA_951) with 4.2.3 worth 2 instead of 3 and 4.2.6 (yes/no, max
# 1) added after 4.2.5: 43 criteria, read by hand from rubrics/3560-2025.xml.
CRITERIA_3560 = []
for _cid, _typ, _mx in CRITERIA_951:
    CRITERIA_3560.append((_cid, _typ, 2 if _cid == "4.2.3" else _mx))
    if _cid == "4.2.5":
        CRITERIA_3560.append(("4.2.6", "yesno", 1))


def check_rubric_3560(doc):
    r = doc["rubric"]
    expect("rubric id", "3560-2025", r["id"])
    expect("rubric decision", "3560/QĐ-BVHTTDL", r["decision"])
    expect("rubric status", "provisional", r["status"])
    expect("rubric sha256", sha256_of(env("RUBRICS") + "/3560-2025.xml"), r["sha256"])
    if "chuyển đổi số báo chí" not in r["title"]:
        fail("rubric title: %r" % r["title"])


def check_agency_3560(a, ident, total, level, level_name, pillars, components, points):
    """checklib's check_agency for the 43 criteria of 3560-2025 (points in rubric order)."""
    for key in ("agency_id", "agency_name", "province", "owner", "block", "media", "year",
                "total", "level", "level_name", "pillars", "errors", "warnings",
                "unanswered", "context"):
        if key not in a:
            fail("%s: no key %r" % (ident, key))
    expect(ident + " total", D(total), a["total"])
    expect(ident + " level", D(level), a["level"])
    expect(ident + " level_name", level_name, a["level_name"])
    expect(ident + " pillar ids/names/max", [(i, n, D(m)) for i, n, m in PILLARS],
           [(p["id"], p["name"], p["max"]) for p in a["pillars"]])
    expect(ident + " pillar scores", [D(x) for x in pillars], [p["score"] for p in a["pillars"]])
    comps = [c for p in a["pillars"] for c in p["components"]]
    expect(ident + " component ids/names/max", [(i, n, D(m)) for i, n, m in COMPONENTS],
           [(c["id"], c["name"], c["max"]) for c in comps])
    expect(ident + " component scores", [D(x) for x in components], [c["score"] for c in comps])
    crits = [k for c in comps for k in c["criteria"]]
    expect(ident + " criterion ids", [c[0] for c in CRITERIA_3560], [k["id"] for k in crits])
    expect(ident + " criterion max", [D(c[2]) for c in CRITERIA_3560], [k["max"] for k in crits])
    expect(ident + " criterion points", [D(x) for x in points], [k["points"] for k in crits])
    expect(ident + " total = sum of pillars", D(total), sum(D(x) for x in pillars))


raw, doc = load_json(sys.argv[1])
check_points_text(raw)
check_rubric_3560(doc)
hp06 = agency(doc, "HP06")
check_agency_3560(hp06, "HP06", "54.40", 2, "Trung bình",
             ["14.40", 14, 8, 11, 7],
             ["8.40", 6, 10, 4, 4, 4, 8, 3, 2, 5],
             [3, 3, "2.40", 2, 2, 2,
              3, 2, 2, 0, 1, 2, 0, 0, 2, 2,
              2, 2, 0, 0, 0, 1, 1, 2,
              2, 2, 1, 2, 1, 2, 0, 0, 0, 1, 0,
              2, 0, 0, 0, 2, 0, 2, 1])
k = criteria_of(hp06)
expect("criteria in error", ["2.2.1", "3.1.3", "3.2.1", "4.2.4", "5.1.3"],
       sorted(i for i, c in k.items() if c["status"] == "error"))
expect("2.2.1 answer", "cap 3", k["2.2.1"]["answer"])
expect("3.1.3 answer", "Có rồi", k["3.1.3"]["answer"])
expect("3.2.1 answer (120 > 100: 0, not 4.80)", ("120", D(0)), (k["3.2.1"]["answer"], k["3.2.1"]["points"]))
expect("5.1.3 answer", "2.5", k["5.1.3"]["answer"])
expect("4.2.4: có (line 35) and không (line 45) conflict: 0, shown with the first",
       ("có", D(0), "error"),
       (k["4.2.4"]["answer"], k["4.2.4"]["points"], k["4.2.4"]["status"]))
expect("error codes", ["PDX-E0205", "PDX-E0206", "PDX-E0301", "PDX-E0301", "PDX-E0302",
                       "PDX-E0302"], sorted(e["code"] for e in hp06["errors"]))
loi = env("EXAMPLES") + "/hai-phong-2025-loi.csv"
expect("errors (file, line, criterion)",
       [(loi, D(8), "1.2.9"), (loi, D(15), "2.2.1"), (loi, D(21), "3.1.3"),
        (loi, D(23), "3.2.1"), (loi, D(39), "5.1.3"), (loi, D(45), "4.2.4")],
       sorted((e["file"], e["line"], e["criterion"]) for e in hp06["errors"]))
expect("unanswered", [], hp06["unanswered"])
