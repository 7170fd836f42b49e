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
expect("top-level keys", ["agencies", "files", "rubric"], sorted(doc))
# the one file read, and the encoding it was read with
expect("files", [{"file": env("EXAMPLES") + "/hai-phong-2025-bao.csv", "encoding": "utf-8"}],
       doc["files"])
check_rubric_3560(doc)
expect("agencies", ["HP01", "HP02"], [a["agency_id"] for a in doc["agencies"]])

hp01 = agency(doc, "HP01")
expect("HP01 name", "Báo Cảng Xanh (mẫu)", hp01["agency_name"])
expect("HP01 province", "Hải Phòng", hp01["province"])
expect("HP01 owner", "Thành ủy Hải Phòng", hp01["owner"])
expect("HP01 block", "Báo địa phương", hp01["block"])
expect("HP01 media", "in|dien-tu", hp01["media"])
expect("HP01 year", D(2025), hp01["year"])
check_agency_3560(hp01, "HP01", "84.32", 4, "Tốt",
             ["14.60", 21, "18.72", 17, 13],
             ["8.60", 6, 11, 10, 10, "8.72", 10, 7, 6, 7],
             [3, 3, "2.60", 2, 2, 2,
              3, 2, 3, 0, 1, 2, 4, 2, 2, 2,
              4, 2, 2, 2, "3.72", 1, 2, 2,
              2, 3, 2, 2, 1, 2, 2, 0, 2, 1, 0,
              2, 2, 2, 0, 2, 2, 2, 1])
k = criteria_of(hp01)
expect("HP01 1.1.3 answer as written", "86,5", k["1.1.3"]["answer"])
expect("HP01 4.1.2 answer as written", "24,3", k["4.1.2"]["answer"])
expect("HP01 2.1.3 answer", "multi", k["2.1.3"]["answer"])
expect("HP01 statuses", {"ok"}, {c["status"] for c in k.values()})
expect("HP01 errors", [], hp01["errors"])
expect("HP01 warnings", [], hp01["warnings"])
expect("HP01 unanswered", [], hp01["unanswered"])

hp02 = agency(doc, "HP02")
expect("HP02 media", "dien-tu", hp02["media"])
check_agency_3560(hp02, "HP02", "57.50", 2, "Trung bình",
             ["10.65", 15, "12.85", 11, 8],
             ["7.65", 3, 9, 6, 8, "4.85", 7, 4, 3, 5],
             [3, 3, "1.65", 1, 1, 1,
              3, 2, 1, 0, 1, 2, 2, 0, 2, 2,
              2, 2, 2, 2, "1.85", 0, 1, 2,
              2, 1, 1, 2, 1, 2, 2, 0, 0, 0, 0,
              2, 0, 1, 0, 2, 0, 2, 1])
expect("HP02 3.2.1 answer as written", "46,25", criteria_of(hp02)["3.2.1"]["answer"])
expect("HP02 errors", [], hp02["errors"])
