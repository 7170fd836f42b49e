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
import io
import json
import os
import re
import sys
from decimal import Decimal

__all__ = ["D", "fail", "expect", "load_json", "agency", "criteria_of", "check_points_text",
           "sha256_of", "read_csv", "env", "CRITERIA_951", "TEMPLATE_HEADER", "check_template"]

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


def check_template(data, prefill=("", "", "", "", "", "", "")):
    """The questionnaire of the 951 rubric: BOM, CRLF, the header, one row per
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
    expect("criterion rows", [c[0] for c in CRITERIA_951], [r[7] for r in crit])
    for r in rows[1:]:
        expect("cells in the row of " + r[7], 15, len(r))
        expect("agency columns of " + r[7], list(prefill), r[:7])
        expect("answer/evidence/note of " + r[7], ["", "", ""], r[12:15])
        if not r[8]:
            fail("no question text for " + r[7])
        if not r[10]:
            fail("no allowed answers for " + r[7])
    for (cid, typ, mx), r in zip(CRITERIA_951, crit):
        expect("answer_type of " + cid, typ, r[9])
        expect("max_points of " + cid, D(mx), D(r[11]))
        if cid in QUESTIONS_951:
            expect("question of " + cid, QUESTIONS_951[cid], r[8])
    for r in other:
        if not r[7].startswith("ctx.") or r[11] != "":
            fail("unexpected row (neither a criterion nor a context question): %r" % r)
    return rows
