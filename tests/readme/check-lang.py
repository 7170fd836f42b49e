#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-lang.py PRESSDX SOURCE_ROOT: a user who chose a language sees only that
language (issue 12, §4).

Every command a department uses runs on the bundled examples with --lang en and with
--lang vi, into a terminal (stdout and stderr) and into an HTML report. Then:

- in English output no Vietnamese word is left: no letter only Vietnamese writes
  (ă â đ ê ô ơ ư, a tone mark) once the data is taken out;
- in Vietnamese output no English sentence is left: none of the words English cannot
  write a sentence without ("the", "of", "is", "not", …) nor pressdx's own English
  terms ("level", "total", "warning", …), once the data is taken out.

Data is what the user typed or the rubric carries as it is, written back as given:
every cell of the answer files, the plan's and the rubric's titles and decisions
and the names a plan gives in its own words (its `match` and `name-en`), identifiers
(3560/QĐ-BVHTTDL), file names, option names and their values (`block|province`), URLs,
and whatever a message quotes ("…": an answer, a sheet's name). It is taken out by exact
text, so a sentence around it is still seen.
"""
import csv
import glob
import html
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

VIETNAMESE = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")
# Words no English sentence does without, and none of them a Vietnamese word (or a
# word pressdx writes as a symbol, such as a format name).
ENGLISH = {"the", "of", "is", "are", "was", "not", "and", "or", "with", "from", "to",
           "this", "that", "has", "have", "must", "expected", "found", "missing",
           "level", "points", "total", "warning", "error", "answer", "answers", "file",
           "line", "agency", "agencies", "criterion", "criteria", "pillar", "year",
           "usage", "options", "default", "each", "every", "which", "when"}
WORD = re.compile(r"\w+")
# Symbols shared by both languages: options, paths and file names, URLs, ids, codes.
SYMBOL = re.compile(r"--?[a-z][a-z0-9-]*|https?://\S+|\w+(?:\|\w+)+|"
                    r'"[^"]*"|“[^”]*”|[\w./@-]*/[\w./@-]*|'
                    r"[\w-]+\.(?:csv|xlsx|ods|xml|html|json|md|db|txt)\b|PDX-[EW]\d+|"
                    r"\d+/Q[ĐD]-[\wĐ-]+|\b[A-Z]{2,}\d*\b")


def data_of(root, files):
    """The texts the reports write back as given: every cell of the answer files, the
    rubrics' and plans' titles, decisions and issuers."""
    data, columns = set(), set()
    for path in files:
        if path.endswith(".csv"):
            with open(path, encoding="utf-8-sig", newline="") as f:
                rows = csv.reader(f)
                # the header: column names, symbols of both languages ("cột year")
                columns.update(c.strip() for c in next(rows, []))
                for row in rows:
                    data.update(c.strip() for c in row if c.strip())
    for path in glob.glob(os.path.join(root, "rubrics", "*.xml")) + \
            glob.glob(os.path.join(root, "rubrics", "plans", "*.xml")):
        for el in ET.parse(path).iter():
            tag = el.tag.split("}")[-1]
            if tag in ("title", "decision", "issuer", "source", "document", "match",
                       "name-en") and el.text:
                data.add(el.text.strip())
    # the longest first, so a name is taken out whole before a shorter cell inside it
    return sorted((d for d in data if len(d) > 1), key=len, reverse=True), columns


def page_text(page):
    """An HTML page as the reader sees it: no style sheet, no markup."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", "\n", page))


def strip(text, data, columns):
    for d in data:
        text = text.replace(d, " ")
    text = SYMBOL.sub(" ", text)
    return " ".join(w for w in re.split(r"(\W+)", text) if w not in columns)


def runs(pressdx, root, tmp):
    """(name, argv, file written or None) of every run to check."""
    ex = os.path.join(root, "examples")
    plan = os.path.join(root, "rubrics", "plans", "hai-phong.xml")
    bao = os.path.join(ex, "hai-phong-2025-bao.csv")
    dai = os.path.join(ex, "hai-phong-2025-dai-tapchi.csv")
    loi = os.path.join(ex, "hai-phong-2025-loi.csv")
    y24 = os.path.join(ex, "hai-phong-2024.csv")
    out = []
    for cmd in ("score", "template", "validate", "check", "rank", "summary", "gap",
                "diff", "targets", "rubrics", "db", "history"):
        out.append(("%s --help" % cmd, [cmd, "--help"], None))
    out += [
        ("score", ["score", bao, dai, loi], None),
        ("score --format html", ["score", "--format", "html", "-o",
                                 os.path.join(tmp, "score.html"), bao, loi],
         os.path.join(tmp, "score.html")),
        ("validate", ["validate", loi], None),
        ("check", ["check", bao], None),
        ("rank", ["rank", bao, dai], None),
        ("summary", ["summary", bao, dai], None),
        ("gap", ["gap", bao], None),
        ("diff", ["diff", y24, bao], None),
        ("targets", ["targets", "--plan", plan, bao, dai], None),
        ("rubrics", ["rubrics"], None),
        ("db import", ["db", "import", os.path.join(ex, "hai-phong-2023.csv"), y24, bao,
                       loi], None),
        ("history", ["history", "--agency", "HP01"], None),
        ("history --by province", ["history", "--by", "province"], None),
        ("db check", ["db", "check"], None),
        ("usage error", ["score", "--format", "pdf", bao], None),
        ("no such command", ["scroe"], None),
        ("missing file", ["score", os.path.join(tmp, "khong-co.csv")], None),
    ]
    return out


def main(argv):
    pressdx, root = argv[1], argv[2]
    ex = sorted(glob.glob(os.path.join(root, "examples", "*.csv")))
    data, columns = data_of(root, ex)
    problems = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PRESSDX_DB=os.path.join(tmp, "history.db"))
        for name, args, written in runs(pressdx, root, tmp):
            for lang in ("en", "vi"):
                p = subprocess.run([pressdx, "--lang", lang] + args, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                texts = [("stdout", p.stdout.decode("utf-8", "replace")),
                         ("stderr", p.stderr.decode("utf-8", "replace"))]
                if written and os.path.exists(written):
                    texts.append((os.path.basename(written),
                                  page_text(open(written, encoding="utf-8").read())))
                    os.unlink(written)
                for where, text in texts:
                    for n, line in enumerate(text.splitlines(), 1):
                        rest = strip(line, data, columns)
                        checked += 1
                        if lang == "en":
                            bad = VIETNAMESE.findall(rest)
                        else:
                            bad = [w for w in WORD.findall(rest) if w.lower() in ENGLISH]
                        if bad:
                            problems.append("--lang %s %s, %s line %d: %s\n    %s" %
                                            (lang, name, where, n, " ".join(bad[:6]),
                                             line.strip()[:200]))
    for p in problems[:200]:
        print(p)
    print("%d lines checked, %d in the wrong language" % (checked, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
