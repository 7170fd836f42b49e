import sys
from checklib import *

PILLARS = [("1", "Chiến lược", 18), ("2", "Hạ tầng số, nền tảng số và an toàn thông tin", 24),
           ("3", "Sự đồng nhất về tổ chức và chuyên môn", 20),
           ("4", "Độc giả, khán giả, thính giả", 23), ("5", "Mức độ ứng dụng công nghệ số", 15)]
COMPONENTS = [("1.1", "Chỉ số chiến lược/kế hoạch/chương trình", 9), ("1.2", "Chỉ số tài chính", 9),
              ("2.1", "Hạ tầng số và nền tảng số", 14), ("2.2", "An toàn thông tin", 10),
              ("3.1", "Tổ chức tòa soạn", 10), ("3.2", "Nhân lực", 10),
              ("4.1", "Tiếp cận độc giả", 12), ("4.2", "Tương tác và dữ liệu độc giả", 11),
              ("5.1", "Ứng dụng công nghệ số trong sản xuất nội dung", 8),
              ("5.2", "Ứng dụng công nghệ số trong phân phối và quản trị", 7)]


def check_rubric(doc):
    r = doc["rubric"]
    expect("rubric id", "951-2023", r["id"])
    expect("rubric status", "provisional", r["status"])
    expect("rubric sha256", sha256_of(env("RUBRICS") + "/951-2023.xml"), r["sha256"])
    if "chuyển đổi số báo chí" not in r["title"]:
        fail("rubric title: %r" % r["title"])


def check_agency(a, ident, total, level, level_name, pillars, components, points):
    """points: the 42 criterion points in rubric order (hand computation)."""
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
    expect(ident + " criterion ids", [c[0] for c in CRITERIA_951], [k["id"] for k in crits])
    expect(ident + " criterion max", [D(c[2]) for c in CRITERIA_951], [k["max"] for k in crits])
    expect(ident + " criterion points", [D(x) for x in points], [k["points"] for k in crits])
    # the sums, once more, from the hand values
    expect(ident + " total = sum of pillars", D(total), sum(D(x) for x in pillars))


raw, doc = load_json(sys.argv[1])
check_points_text(raw)
check_rubric(doc)
hp06 = agency(doc, "HP06")
check_agency(hp06, "HP06", "56.40", 2, "Trung bình",
             ["14.40", 14, 8, 13, 7],
             ["8.40", 6, 10, 4, 4, 4, 8, 5, 2, 5],
             [3, 3, "2.40", 2, 2, 2,
              3, 2, 2, 0, 1, 2, 0, 0, 2, 2,
              2, 2, 0, 0, 0, 1, 1, 2,
              2, 2, 1, 2, 1, 2, 0, 0, 2, 1,
              2, 0, 0, 0, 2, 0, 2, 1])
k = criteria_of(hp06)
expect("criteria in error", ["2.2.1", "3.1.3", "3.2.1", "5.1.3"],
       sorted(i for i, c in k.items() if c["status"] == "error"))
expect("2.2.1 answer", "cap 3", k["2.2.1"]["answer"])
expect("3.1.3 answer", "Có rồi", k["3.1.3"]["answer"])
expect("3.2.1 answer (120 > 100: 0, not 4.80)", ("120", D(0)), (k["3.2.1"]["answer"], k["3.2.1"]["points"]))
expect("5.1.3 answer", "2.5", k["5.1.3"]["answer"])
expect("4.2.4: the first answer (line 35) counts", ("có", D(2), "ok"),
       (k["4.2.4"]["answer"], k["4.2.4"]["points"], k["4.2.4"]["status"]))
loi = env("EXAMPLES") + "/hai-phong-2025-loi.csv"
expect("errors (file, line, criterion)",
       [(loi, D(8), "1.2.9"), (loi, D(15), "2.2.1"), (loi, D(21), "3.1.3"),
        (loi, D(23), "3.2.1"), (loi, D(39), "5.1.3"), (loi, D(45), "4.2.4")],
       sorted((e["file"], e["line"], e["criterion"]) for e in hp06["errors"]))
expect("unanswered", [], hp06["unanswered"])
