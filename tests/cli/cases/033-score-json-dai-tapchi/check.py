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
expect("agencies", ["HP03", "HP04", "HP05"], [a["agency_id"] for a in doc["agencies"]])
for ident, total, level, name, pillars in [
        ("HP03", "92.62", 5, "Xuất sắc", ["16.76", 24, "19.86", 19, 13]),
        ("HP04", "72.03", 3, "Khá", ["12.13", 18, "15.90", 16, 10]),
        ("HP05", "37.68", 1, "Yếu", ["5.35", 14, "7.33", 6, 5])]:
    a = agency(doc, ident)
    expect(ident + " total", D(total), a["total"])
    expect(ident + " level", (D(level), name), (a["level"], a["level_name"]))
    expect(ident + " pillars", [D(x) for x in pillars], [p["score"] for p in a["pillars"]])
    expect(ident + " errors", [], a["errors"])
hp05 = agency(doc, "HP05")
expect("HP05 unanswered", ["4.1.2", "4.1.3"], hp05["unanswered"])
k = criteria_of(hp05)
for cid in ("4.1.2", "4.1.3"):
    expect("HP05 " + cid, (None, D(0), "unanswered"),
           (k[cid]["answer"], k[cid]["points"], k[cid]["status"]))
expect("HP05 3.2.1 (33.3 → 1.332 → 1.33)", D("1.33"), k["3.2.1"]["points"])
expect("HP05 1.2.2 (-4: no band)", D(0), k["1.2.2"]["points"])
expect("HP04 unanswered", [], agency(doc, "HP04")["unanswered"])
