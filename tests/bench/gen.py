#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark input: N assessments × every criterion of a rubric, realistic rows.

    gen.py OUT.csv ASSESSMENTS [SEED] [--rubric RUBRIC.xml]

Each assessment is one agency in one year answering every criterion (42 for
rubrics/951-2023.xml): an agency id, a Vietnamese name with diacritics, one of the 34
provinces and cities, an owner, a block, media, year, criterion, an answer valid for the
criterion's type (yes/no words, option keys, percentages and growth figures in range,
some with a Vietnamese decimal comma, quoted "12,5"), evidence (a file path or a URL) and
a note that is mostly empty. Rows are 95–130 bytes; 50,000 assessments ≈ 230 MB. The
same seed gives the same file, byte for byte. Every answer is one pressdx scores without
an error or a warning (no percentage between 0 and 1 without %, no empty evidence)."""
import argparse
import os
import random
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
RUBRIC = os.path.join(HERE, "..", "..", "rubrics", "951-2023.xml")

# the 34 provinces and centrally-run cities (from 2025), as written in Vietnamese
PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
    "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai",
    "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình",
    "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk",
    "TP. Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp",
    "Cà Mau", "An Giang",
]
# (block, name prefix, id prefix, media)
KINDS = [
    ("Báo địa phương", "Báo", "B", "in|dien-tu"),
    ("Báo điện tử", "Báo", "D", "dien-tu"),
    ("Tạp chí", "Tạp chí", "T", "in|dien-tu"),
    ("PT-TH", "Đài", "P", "truyen-hinh"),
]
WORDS = ["Sông Hồng", "Biển Đông", "Đồng Xanh", "Núi Ngự", "Cửa Việt", "Phố Cổ",
         "Hòa Bình", "Trường Sơn", "Cảng Mới", "Bình Minh", "Lúa Vàng", "Sen Hồng",
         "Thời Đại", "Nông Thôn", "Tuổi Trẻ", "Phụ Nữ", "Văn Nghệ"]
OWNERS = ["UBND {p}", "Tỉnh ủy {p}", "Sở VHTTDL {p}"]
NOTES = ["đã cập nhật", "quý III", "xem phụ lục"]
DOMAINS = ["bao.vn", "tapchi.vn", "ptth.vn", "tin.vn"]


def criteria(rubric=RUBRIC):
    """(id, type, [option keys], [band bounds]) for every criterion, in rubric order."""
    out = []
    for c in ET.parse(rubric).getroot().iter("criterion"):
        keys = [o.get("key") for o in c.findall("option")]
        bounds = []
        for b in c.iter("band"):
            bounds.append(b.get("ge") or b.get("gt"))
        out.append((c.get("id"), c.get("type"), keys, bounds))
    return out


def number(rng, lo, hi):
    """A figure in [lo, hi]: mostly whole, a third with a decimal comma."""
    r = rng.random()
    if r < 0.33 and hi - lo >= 2:
        v = "%d,%d" % (rng.randint(lo, hi - 1), rng.randint(1, 9))
        return v if v[0] != "0" else "1" + v[1:]
    if r < 0.40:
        return "%d%%" % rng.randint(max(lo, 1), hi)
    return str(rng.randint(lo, hi))


def answer(rng, typ, keys):
    if typ == "yesno":
        return "có" if rng.random() < 0.6 else "không"
    if typ == "choice":
        return rng.choice(keys)
    if typ == "count":
        return str(rng.randint(0, 7))
    if typ == "number":  # growth: may be negative
        v = number(rng, 0, 45)
        return "-" + v if rng.random() < 0.15 and v != "0" and "%" not in v else v
    # percent: 0 or from 1 to 100 (a figure between 0 and 1 without % is a warning)
    return "0" if rng.random() < 0.05 else number(rng, 1, 100)


def csv_cell(v):
    return '"%s"' % v.replace('"', '""') if ("," in v or '"' in v) else v


def generate(out, n, seed=1, rubric=RUBRIC):
    rng = random.Random(seed)
    crits = criteria(rubric)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("agency_id,agency_name,province,owner,block,media,year,criterion,answer,"
                "evidence,note\r\n")
        for a in range(n):
            pi = rng.randrange(len(PROVINCES))
            prov = PROVINCES[pi]
            block, prefix, idp, media = KINDS[rng.randrange(len(KINDS))]
            aid = "%s%02d%05d" % (idp, pi + 1, a)
            name = "%s %s" % (prefix, rng.choice(WORDS))
            owner = rng.choice(OWNERS).format(p=prov)
            year = "2025" if rng.random() < 0.8 else "2024"
            head = ",".join(csv_cell(x) for x in (aid, name, prov, owner, block, media, year))
            url = rng.random() < 0.2
            dom = rng.choice(DOMAINS)
            rows = []
            for cid, typ, keys, _ in crits:
                if url:
                    ev = "https://%s/mc/%s" % (dom, cid)
                else:
                    ev = "mc/%s.pdf" % cid
                note = rng.choice(NOTES) if rng.random() < 0.05 else ""
                rows.append("%s,%s,%s,%s,%s\r\n" % (head, cid, csv_cell(answer(rng, typ, keys)),
                                                   ev, note))
            f.write("".join(rows))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("assessments", type=int)
    ap.add_argument("seed", type=int, nargs="?", default=1)
    ap.add_argument("--rubric", default=RUBRIC)
    a = ap.parse_args()
    generate(a.out, a.assessments, a.seed, a.rubric)


if __name__ == "__main__":
    main()
