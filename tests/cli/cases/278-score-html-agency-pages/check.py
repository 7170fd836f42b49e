# SPDX-License-Identifier: MIT
import os
import xml.etree.ElementTree as ET
from checklib import *

# Hand-worked in examples/EXPECTED.md (the 2025 table): HP01 84.32 Tốt, HP02 57.50
# Trung bình, HP06 54.40 Trung bình with six rows reported as errors; HP02's 4.2.5
# answer "0,8" is a warning (0.8 % read, 80 % perhaps meant).
raw = open(os.path.join(os.environ["PDX_TMP"], "bao-cao.html"), "rb").read()
expect("doctype", b"<!DOCTYPE html>\n", raw[:16])
root = ET.fromstring(raw.decode("utf-8").split("\n", 1)[1])
expect("lang", "vi", root.get("lang"))
expect("page kind", "score", root.find("body").get("class"))
expect("nothing fetched or run", [],
       [e.tag for e in root.iter() if e.tag in ("script", "link", "img", "iframe")]
       + [a for e in root.iter() for a in e.attrib if a in ("src", "href")])
expect("provisional notice", 1,
       len([p for p in root.iter("p") if p.get("class") == "notice" and "TẠM THỜI" in p.text]))
sections = list(root.find("body").find("main").findall("section"))
expect("one section per agency, in input order",
       ["HP01 — Báo Cảng Xanh (mẫu)", "HP02 — Báo điện tử Phố Biển (mẫu)",
        "HP06 — Báo Cửa Cấm (mẫu)"], [s.find("h2").text for s in sections])


SVG = "{http://www.w3.org/2000/svg}"  # the charts' elements are in the SVG namespace


def figure(sec, key):
    for div in sec.iter("div"):
        if div.get("class") == key:
            return div.find("dd").text
    fail("no figure " + key)


want = {
    0: ("84.32", "Tốt", ["14.60 / 18.00", "21.00 / 24.00", "18.72 / 20.00", "17.00 / 23.00",
                         "13.00 / 15.00"]),
    1: ("57.50", "Trung bình", ["10.65 / 18.00", "15.00 / 24.00", "12.85 / 20.00",
                                "11.00 / 23.00", "8.00 / 15.00"]),
    2: ("54.40", "Trung bình", ["14.40 / 18.00", "14.00 / 24.00", "8.00 / 20.00",
                                "11.00 / 23.00", "7.00 / 15.00"]),
}
for i, (total, level, pillars) in want.items():
    sec = sections[i]
    expect("total %d" % i, total, figure(sec, "total"))
    expect("level %d" % i, level, figure(sec, "level"))
    expect("province %d" % i, "Hải Phòng", figure(sec, "province"))
    bars = [t.text for t in sec.iter(SVG + "text") if t.get("class") == "value"
            and "/" in (t.text or "")]
    expect("pillar bars %d" % i, pillars, bars)
    rows = [tr for t in sec.iter("table") if t.get("class") == "criteria"
            for tr in t.iter("tr") if tr.find("td") is not None]
    expect("criteria rows %d (the 43 of 3560-2025)" % i, 43, len(rows))
    # the band: the five levels' bounds 0 50 65 80 90 and a marker at the total
    bounds = [t.text for t in sec.iter(SVG + "text") if t.get("class") == "bound"]
    expect("level bounds %d" % i, ["0", "50", "65", "80", "90"], bounds)

errors = [p for p in sections[2].iter("p") if p.get("class") == "note note-error"]
expect("HP06's six errors", 6, len(errors))
expect("HP06 2.2.1 reported", True, any("2.2.1" in p.text and "cap 3" in p.text for p in errors))
st = {tr.find("td").text: tr.findall("td")[5].text for t in sections[2].iter("table")
      if t.get("class") == "criteria" for tr in t.iter("tr") if tr.find("td") is not None}
expect("HP06 2.2.1 status", "lỗi", st["2.2.1"])
warnings = [p.text for p in sections[1].iter("p") if p.get("class") == "note note-warning"]
expect("HP02's warning", True, len(warnings) == 1 and "4.2.5" in warnings[0])
expect("HP01 has no error or warning", [], [p for p in sections[0].iter("p")
                                           if p.get("class") in ("note note-error",
                                                                 "note note-warning")])
# HP01's roadmap: 90 - 84.32 = 5.68 to Xuất sắc; no two criteria give that much (under
# 3560-2025 the largest gains are 2.1.4, 4.2.3 (max 2 there) and 5.1.4, +2 each, all
# answered "không"; every other gain is at most 1), so the fewest are these three, 6
# points, in rubric order.
road = [p.text for p in sections[0].iter("p") if p.get("class") == "note"]
expect("HP01 roadmap said", True,
       len(road) == 1 and "cần thêm 5.68 điểm để đạt mức Xuất sắc (ngưỡng 90)" in road[0])
rows = [[td.text for td in tr.findall("td")] for t in sections[0].iter("table")
        if t.get("class") == "roadmap" for tr in t.iter("tr") if tr.find("td") is not None]
expect("HP01 roadmap rows (id, now, proposed, gain)",
       [["2.1.4", "không", "có", "2.00"], ["4.2.3", "không", "có", "2.00"],
        ["5.1.4", "không", "có", "2.00"]], [[r[0], r[2], r[3], r[4]] for r in rows])

# the radar: one polygon per agency, a vertex per pillar at share × 95 from the centre
# (160, 130), the first axis straight up. HP01 TC1 14.60 / 18 = 0.8111: 95 × 0.8111 =
# 77.06 above the centre, y = 52.9.
areas = [p.get("points").split() for s in sections for p in s.iter(SVG + "polygon")
         if p.get("class") == "area"]
expect("radar polygons: one per agency, five vertices each", [5, 5, 5], [len(a) for a in areas])
expect("HP01 TC1 vertex", "160.0,52.9", areas[0][0])
