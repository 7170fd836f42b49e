# SPDX-License-Identifier: MIT
"""Helpers for the check.py hooks of the CLI cases (stdlib only).

A check.py runs as `python3 check.py STDOUT_FILE` in its case folder, with the
placeholders of run-case.py in the environment (PDX_RUBRICS, PDX_TMP, ...) and
tests/cli on PYTHONPATH, so that it can start with

    import sys
    from checklib import *

and fails by raising (an assertion or `fail()`), which prints a traceback.
"""
import csv
import hashlib
import subprocess
import io
import json
import os
import re
import sys
from decimal import Decimal

__all__ = ["D", "fail", "expect", "load_json", "agency", "criteria_of", "check_points_text",
           "sha256_of", "canonical_sha256", "read_csv", "env", "CRITERIA_951", "CRITERIA_3560", "TEMPLATE_HEADER", "check_template", "check_indicators", "check_rubric", "check_agency", "PILLARS", "COMPONENTS"]

# The 42 criteria of the provisional 951 rubric in order, with type and max points,
# typed from /work/shared/reference/rubric-951-provisional.md (criteria tables).
CRITERIA_951 = [
    ("1.1.1", "yesno", 3), ("1.1.2", "yesno", 3), ("1.1.3", "percent", 3),
    ("1.2.1", "percent", 3), ("1.2.2", "number", 3), ("1.2.3", "percent", 3),
    ("2.1.1", "yesno", 3), ("2.1.2", "yesno", 2), ("2.1.3", "choice", 3),
    ("2.1.4", "yesno", 2), ("2.1.5", "percent", 2), ("2.1.6", "yesno", 2),
    ("2.2.1", "choice", 4), ("2.2.2", "yesno", 2), ("2.2.3", "yesno", 2),
    ("2.2.4", "yesno", 2),
    ("3.1.1", "choice", 4), ("3.1.2", "yesno", 2), ("3.1.3", "yesno", 2),
    ("3.1.4", "yesno", 2),
    ("3.2.1", "percent", 4), ("3.2.2", "percent", 2), ("3.2.3", "percent", 2),
    ("3.2.4", "yesno", 2),
    ("4.1.1", "yesno", 2), ("4.1.2", "number", 3), ("4.1.3", "percent", 3),
    ("4.1.4", "yesno", 2), ("4.1.5", "number", 2),
    ("4.2.1", "yesno", 2), ("4.2.2", "yesno", 2), ("4.2.3", "yesno", 3),
    ("4.2.4", "yesno", 2), ("4.2.5", "percent", 2),
    ("5.1.1", "yesno", 2), ("5.1.2", "yesno", 2), ("5.1.3", "count", 2),
    ("5.1.4", "yesno", 2),
    ("5.2.1", "yesno", 2), ("5.2.2", "yesno", 2), ("5.2.3", "yesno", 2),
    ("5.2.4", "yesno", 1),
]


def D(x):
    """An exact decimal from a literal: D("84.32")."""
    return Decimal(str(x))


def fail(msg):
    raise AssertionError(msg)


def expect(what, expected, actual):
    if expected == actual:
        return
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        diffs = ["  [%d] expected %s, got %s" % (i, e, a)
                 for i, (e, a) in enumerate(zip(expected, actual)) if e != a]
        fail("%s differ:\n%s" % (what, "\n".join(diffs)))
    fail("%s: expected %r, got %r" % (what, expected, actual))


def env(name):
    return os.environ["PDX_" + name]


def load_json(path):
    """The report as raw text and as objects, numbers as exact Decimals."""
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8")
    return raw, json.loads(raw, parse_float=Decimal, parse_int=Decimal)


def agency(doc, agency_id, year=None):
    found = [a for a in doc["agencies"] if a["agency_id"] == agency_id and
             (year is None or a["year"] == year)]
    if len(found) != 1:
        fail("expected one agency %s, found %d" % (agency_id, len(found)))
    return found[0]


def criteria_of(a):
    """criterion id -> criterion object, over all pillars and components."""
    out = {}
    for p in a["pillars"]:
        for c in p["components"]:
            for k in c["criteria"]:
                out[k["id"]] = k
    return out


def check_points_text(raw):
    """Every points-like number is written with at most 2 decimals (no 2.6000000001)."""
    nums = re.findall(r'"(total|score|points|max)"\s*:\s*(-?[0-9][0-9.eE+-]*)', raw)
    if not nums:
        fail("no points found in the JSON text")
    for key, lit in nums:
        if not re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]{1,2})?", lit):
            fail('"%s": %s is not a number with at most 2 decimals' % (key, lit))


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def canonical_sha256(rubric):
    """The digest reports show for a rubric (id or file): that of its canonical table,
    as `pressdx rubrics export` writes it, whatever the file's layout or comments, whole
    or derived (extends=)."""
    proc = subprocess.run([env("PRESSDX"), "rubrics", "export", rubric],
                          stdout=subprocess.PIPE, check=True)
    return hashlib.sha256(proc.stdout).hexdigest()


def read_csv(data):
    """Rows of a UTF-8 CSV given as bytes (BOM removed)."""
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline="")))


TEMPLATE_HEADER = ("agency_id,agency_name,province,owner,block,media,year,criterion,question,"
                   "answer_type,allowed_answers,max_points,answer,evidence,note")

# A few question texts, as in the criteria tables of rubric-951-provisional.md.
QUESTIONS_951 = {
    "1.1.1": "Có kế hoạch/đề án chuyển đổi số được cơ quan chủ quản phê duyệt",
    "2.1.3": "Đưa nội dung lên các nền tảng số",
    "3.2.1": "Tỷ lệ lãnh đạo, phóng viên, biên tập viên được đào tạo về chuyển đổi số báo chí (%)",
    "5.2.4": "Đo lường hiệu quả nội dung theo thời gian thực",
}


# 3560-2025 (and 1827-2024): the 42 criteria of the 951 tables with 4.2.3 worth 2
# instead of 3, and 4.2.6 (yes/no, max 1) added after 4.2.5 — 43 criteria, read by hand
# from rubrics/3560-2025.xml.
CRITERIA_3560 = []
for _cid, _typ, _mx in CRITERIA_951:
    CRITERIA_3560.append((_cid, _typ, 2 if _cid == "4.2.3" else _mx))
    if _cid == "4.2.5":
        CRITERIA_3560.append(("4.2.6", "yesno", 1))
QUESTIONS_3560 = dict(QUESTIONS_951, **{
    "4.2.6": "Đo lường, phân tích hành vi độc giả trên các nền tảng số bằng công cụ phân tích dữ liệu",
})

# What the checks below need of an edition: criteria, question texts, decision.
EDITIONS = {
    "951-2023": (CRITERIA_951, QUESTIONS_951, "951/QĐ-BTTTT"),
    "3560-2025": (CRITERIA_3560, QUESTIONS_3560, "3560/QĐ-BVHTTDL"),
}


def check_template(data, prefill=("", "", "", "", "", "", ""), edition="3560-2025"):
    """The questionnaire of `edition`: BOM, CRLF, the header, one row per
    criterion in rubric order with its type and max points, empty answer cells; the
    seven agency columns hold `prefill`. Rows for context questions (ids ctx.*, not
    scored: no max points) may follow."""
    if not data.startswith(b"\xef\xbb\xbf"):
        fail("the template does not start with a UTF-8 BOM: %r" % data[:8])
    first = data[3:].split(b"\r\n", 1)[0].decode("utf-8")
    expect("header line", TEMPLATE_HEADER, first)
    expect("line ends (every LF preceded by CR)", data.count(b"\n"), data.count(b"\r\n"))
    rows = read_csv(data)
    expect("header", TEMPLATE_HEADER.split(","), rows[0])
    crit = [r for r in rows[1:] if re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", r[7])]
    other = [r for r in rows[1:] if r not in crit]
    criteria, questions, _ = EDITIONS[edition]
    expect("criterion rows", [c[0] for c in criteria], [r[7] for r in crit])
    for r in rows[1:]:
        expect("cells in the row of " + r[7], 15, len(r))
        expect("agency columns of " + r[7], list(prefill), r[:7])
        expect("answer/evidence/note of " + r[7], ["", "", ""], r[12:15])
        if not r[8]:
            fail("no question text for " + r[7])
        if not r[10]:
            fail("no allowed answers for " + r[7])
    for (cid, typ, mx), r in zip(criteria, crit):
        expect("answer_type of " + cid, typ, r[9])
        expect("max_points of " + cid, D(mx), D(r[11]))
        if cid in questions:
            expect("question of " + cid, questions[cid], r[8])
    for r in other:
        if not r[7].startswith("ctx.") or r[11] != "":
            fail("unexpected row (neither a criterion nor a context question): %r" % r)
    return rows


# ---- plan targets (pressdx targets --format json) ----

def check_indicators(doc, want):
    """want: [(id, target_year, target_pct, eligible, achieved, achieved_pct, met, measured, short)];
    None for JSON null. Numbers as strings or ints."""
    n = lambda x: None if x is None else D(x)
    expect("indicator ids", [w[0] for w in want], [i["id"] for i in doc["indicators"]])
    for w, i in zip(want, doc["indicators"]):
        for f in ["id", "name", "target_pct", "eligible", "achieved", "achieved_pct", "met",
                  "measured", "short"]:
            if f not in i:
                fail("%s: no field %s" % (i["id"], f))
        expect(w[0], (n(w[1]), n(w[2]), n(w[3]), n(w[4]), n(w[5]), w[6], w[7], w[8]),
               (n(i.get("target_year")), i["target_pct"], i["eligible"], i["achieved"],
                i["achieved_pct"], i["met"], i["measured"], i["short"]))


# ---- score --format json on the 951 rubric ----

PILLARS = [("1", "Chiến lược", 18), ("2", "Hạ tầng số, nền tảng số và an toàn thông tin", 24),
           ("3", "Sự đồng nhất về tổ chức và chuyên môn", 20),
           ("4", "Độc giả, khán giả, thính giả", 23), ("5", "Mức độ ứng dụng công nghệ số", 15)]
COMPONENTS = [("1.1", "Chỉ số chiến lược/kế hoạch/chương trình", 9), ("1.2", "Chỉ số tài chính", 9),
              ("2.1", "Hạ tầng số và nền tảng số", 14), ("2.2", "An toàn thông tin", 10),
              ("3.1", "Tổ chức tòa soạn", 10), ("3.2", "Nhân lực", 10),
              ("4.1", "Tiếp cận độc giả", 12), ("4.2", "Tương tác và dữ liệu độc giả", 11),
              ("5.1", "Ứng dụng công nghệ số trong sản xuất nội dung", 8),
              ("5.2", "Ứng dụng công nghệ số trong phân phối và quản trị", 7)]


def check_rubric(doc, edition="3560-2025"):
    r = doc["rubric"]
    expect("rubric id", edition, r["id"])
    expect("rubric decision", EDITIONS[edition][2], r["decision"])
    expect("rubric status", "provisional", r["status"])
    expect("rubric sha256", canonical_sha256(env("RUBRICS") + "/" + edition + ".xml"), r["sha256"])
    if "chuyển đổi số báo chí" not in r["title"]:
        fail("rubric title: %r" % r["title"])


def check_agency(a, ident, total, level, level_name, pillars, components, points,
                 edition="3560-2025"):
    """points: the criterion points of `edition` in rubric order (hand computation)."""
    criteria = EDITIONS[edition][0]
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
    expect(ident + " criterion ids", [c[0] for c in criteria], [k["id"] for k in crits])
    expect(ident + " criterion max", [D(c[2]) for c in criteria], [k["max"] for k in crits])
    expect(ident + " criterion points", [D(x) for x in points], [k["points"] for k in crits])
    # the sums, once more, from the hand values
    expect(ident + " total = sum of pillars", D(total), sum(D(x) for x in pillars))
