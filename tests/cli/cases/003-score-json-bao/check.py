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
expect("top-level keys", ["agencies", "rubric"], sorted(doc))
check_rubric(doc)
expect("agencies", ["HP01", "HP02"], [a["agency_id"] for a in doc["agencies"]])

hp01 = agency(doc, "HP01")
expect("HP01 name", "Báo Cảng Xanh (mẫu)", hp01["agency_name"])
expect("HP01 province", "Hải Phòng", hp01["province"])
expect("HP01 owner", "Thành ủy Hải Phòng", hp01["owner"])
expect("HP01 block", "Báo địa phương", hp01["block"])
expect("HP01 media", "in|dien-tu", hp01["media"])
expect("HP01 year", D(2025), hp01["year"])
check_agency(hp01, "HP01", "84.32", 4, "Tốt",
             ["14.60", 21, "18.72", 17, 13],
             ["8.60", 6, 11, 10, 10, "8.72", 10, 7, 6, 7],
             [3, 3, "2.60", 2, 2, 2,
              3, 2, 3, 0, 1, 2, 4, 2, 2, 2,
              4, 2, 2, 2, "3.72", 1, 2, 2,
              2, 3, 2, 2, 1, 2, 2, 0, 2, 1,
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
check_agency(hp02, "HP02", "57.50", 2, "Trung bình",
             ["10.65", 15, "12.85", 11, 8],
             ["7.65", 3, 9, 6, 8, "4.85", 7, 4, 3, 5],
             [3, 3, "1.65", 1, 1, 1,
              3, 2, 1, 0, 1, 2, 2, 0, 2, 2,
              2, 2, 2, 2, "1.85", 0, 1, 2,
              2, 1, 1, 2, 1, 2, 2, 0, 0, 0,
              2, 0, 1, 0, 2, 0, 2, 1])
expect("HP02 3.2.1 answer as written", "46,25", criteria_of(hp02)["3.2.1"]["answer"])
expect("HP02 errors", [], hp02["errors"])
