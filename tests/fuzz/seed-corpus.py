#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""(Re)builds the seed corpora of the fuzz targets in tests/fuzz/corpus/<target>/.

Seeds come from the files the project already has: the bundled rubric and plans,
examples/*.csv, tests/data (rubrics, plans, scoring CSVs), the inputs of the CLI cases
(tests/cli/cases/*/) and the bad-input corpus (tests/bad-input/). Every seed is named
seed-<where it comes from>; files with other names in corpus/ (inputs that fuzzing
found and that were merged in with -merge=1, see README.md) are left alone, while stale
seed-* files are removed.

    tests/fuzz/seed-corpus.py          # rewrite the seeds
    tests/fuzz/seed-corpus.py --check  # exit 1 when the seeds are not up to date

Seeds per target:
  rubric   every rubric XML (root element <rubric>, or an XML file that is no plan:
           the crosswalks too, which the rubric target also loads as crosswalks)
  plan     every plan XML (root element <plan>)
  answers  every CSV, behind a control byte (see fuzz_answers.c): 0x00 (defaults) for
           all, the encoding a file needs (cp1258, tcvn3) or its delimiter when the
           name says so, and for small files the split and read-twice variants
  score    every CSV as it is
  value    every distinct answer cell of those CSVs, and hand-picked edge cases
  table    the rubric tables typed by hand (tests/data/tables) and of the CLI cases
"""
import csv
import hashlib
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
CORPUS = os.path.join(HERE, 'corpus')
TARGETS = ['rubric', 'plan', 'answers', 'value', 'score', 'workbook', 'table']

MAX_SEED = 64 * 1024  # larger files are left out: libFuzzer would truncate them anyway

# Answer texts worth starting from beyond those in the files: the spellings the value
# parser accepts and the forms it must refuse (tests/cli/cases/113 has more).
VALUES = [
    'có', 'Có', 'CÓ', 'co', 'yes', 'Y', 'x', 'true', '1', 'không', 'KHÔNG', 'khong', 'no',
    'n', '0', 'false', 'co\u0301', 'kho\u0302ng',  # NFD
    '45', '12,5', '12.5', '80%', '80 %', '100', '100.0', '100,00', '0', '-0', '−0', '−2',
    '-3,5', '+7', '.5', '5.', '1e3', '0x10', '1,000', '1 000', '100.0000000001',
    '99.999999999999999999', '0.00000000001', '9000000000', '9000000001',
    '-9000000000.999999999', '12345678901234567890', '50%%', '%', '', ' ', '\u00a045\u00a0',
    'full', 'partial', 'none', '3+', '1-2', 'multi', 'domestic', 'foreign', 'FULL', 'Đạt',
    "'=1+1", "'-5", '=SUM(A1)', '@x', 'ǅ', 'ﬀ', 'İ', 'ß', '\ufeff1', '1\u200b',
    # Vietnamese number notation: grouping, both marks, ambiguous, trailing marks, spaces
    '10.000', '1.500', '1,234', '-999.999', '10.000.000', '10 000', '10\u00a0000',
    '10\u202f000', '1.234,5', '1,234.5', '1 234 567,89', '0,35', '0.500', '12.500',
    '1.5000', '1234.567', '100,', '1.234,', '1.2.3', '80\u202f%', '80\u2009%', '80\u00a0%',
    # choices as the template shows them
    'cấp độ 1–2', '1–2', '1-2 = cấp độ 1–2 (2đ)', 'toàn phần',
]


def rel(path):
    return os.path.relpath(path, ROOT)


def files_under(*patterns):
    """Files below ROOT whose relative path matches one of the regexes, sorted."""
    out = []
    for base, dirs, names in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.') and
                         not d.startswith('build') and rel(os.path.join(base, d)) != 'tests/fuzz')
        for n in names:
            p = os.path.join(base, n)
            r = rel(p)
            if any(re.fullmatch(pat, r) for pat in patterns) and os.path.getsize(p) <= MAX_SEED:
                out.append(p)
    return sorted(out)


def seed_name(path, suffix=''):
    r = rel(path)
    for prefix in ('tests/cli/cases/', 'tests/data/', 'tests/'):
        if r.startswith(prefix):
            r = r[len(prefix):]
            break
    return 'seed-' + re.sub(r'[^A-Za-z0-9.+-]+', '-', r) + suffix


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def xml_kind(data):
    m = re.search(rb'<(rubric|plan)[\s>]', data)
    return m.group(1).decode() if m else None


def answer_cells(data):
    """The answer column of a CSV, as far as Python can read it."""
    for enc in ('utf-8-sig', 'utf-16', 'cp1258'):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    lines = text.splitlines()
    if lines and lines[0].startswith('sep='):
        lines = lines[1:]
    sample = lines[0] if lines else ''
    delim = max(',;\t', key=sample.count)
    try:
        rows = list(csv.reader(io.StringIO('\n'.join(lines)), delimiter=delim))
    except csv.Error:
        return []
    if not rows:
        return []
    head = [h.strip().lower() for h in rows[0]]
    if 'answer' not in head:
        return []
    k = head.index('answer')
    return [r[k] for r in rows[1:] if len(r) > k]


def example_workbooks():
    """hai-phong-2025-bao.csv as .xlsx and .ods, long and wide (tests/workbook/)."""
    import importlib.util
    import tempfile

    def load(name, path):
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    wb = load('workbook_check', os.path.join(ROOT, 'tests', 'workbook', 'check.py'))
    src = os.path.join(ROOT, 'examples', 'hai-phong-2025-bao.csv')
    layouts = [('long', wb.rows_of(open(src, encoding='utf-8-sig').read())),
               ('wide', wb.rows_of(wb.widen(src)[0]))]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for layout, rows in layouts:
            for kind, write in (('xlsx', wb.make.xlsx), ('ods', wb.make.ods)):
                p = os.path.join(tmp, 'x.' + kind)
                write(p, rows)
                out['seed-example-hai-phong-2025-bao-%s.%s' % (layout, kind)] = read(p)
    return out


def build():
    seeds = {t: {} for t in TARGETS}

    xmls = files_under(r'rubrics/[^/]+\.xml', r'rubrics/plans/[^/]+\.xml',
                       r'rubrics/crosswalk/[^/]+\.xml',
                       r'tests/data/.*\.xml', r'tests/cli/cases/.*\.xml',
                       r'tests/bad-input/.*\.xml')
    for p in xmls:
        data = read(p)
        kind = xml_kind(data)
        if kind in ('rubric', None):
            seeds['rubric'][seed_name(p)] = data
        if kind in ('plan', None):
            seeds['plan'][seed_name(p)] = data

    # rubric tables: those typed by hand and those of the CLI cases
    for p in files_under(r'tests/data/tables/.*\.csv', r'tests/cli/cases/33[0-9][^/]*/.*\.csv'):
        seeds['table'][seed_name(p)] = read(p)

    csvs = files_under(r'examples/[^/]+\.csv', r'tests/data/.*\.(csv|tsv)',
                       r'tests/cli/cases/.*\.(csv|tsv|txt)', r'tests/cli/cases/[^/]+/stdin',
                       r'tests/bad-input/.*\.(csv|tsv|txt)')
    values = set(VALUES)
    for p in csvs:
        data = read(p)
        name = seed_name(p)
        seeds['score'][name] = data
        low = rel(p).lower()
        ctl = 0x00
        if 'cp1258' in low:
            ctl = 0x01
        elif 'tcvn' in low:
            ctl = 0x02
        elif low.endswith('.tsv'):
            ctl = 0x0c
        seeds['answers'][name] = bytes([ctl]) + data
        if ctl:  # and read as UTF-8 with detection, as when --encoding is forgotten
            seeds['answers'][name + '.plain'] = b'\x00' + data
        if len(data) <= 4096:
            seeds['answers'][name + '.split'] = bytes([0x20 | ctl, 0x80]) + data
            seeds['answers'][name + '.twice'] = bytes([0x50 | ctl]) + data
        values.update(answer_cells(data))

    # inputs no project file has: a row past the reader's 4096-column limit, a file
    # that ends without a line break (the last letter of a cp1258/TCVN3 file was lost)
    wide = b'agency_id,criterion,answer\r\nA1,1.1.1,c\xc3\xb3' + b',' * 4100 + b'\r\n'
    no_eol = b'agency_id,criterion,answer,note\nA1,1.1.1,x,ghi chu'
    for name, data in (('seed-synthetic-4100-columns.csv', wide),
                       ('seed-synthetic-no-final-newline.csv', no_eol)):
        seeds['score'][name] = data
        seeds['answers'][name] = b'\x00' + data
    seeds['answers']['seed-synthetic-no-final-newline.csv.cp1258'] = b'\x01' + no_eol
    seeds['answers']['seed-synthetic-no-final-newline.csv.tcvn3'] = b'\x02' + no_eol

    # workbooks: those of the CLI cases (tests/workbook/make.py writes them), those pressdx
    # writes itself (tests/workbook/written/), those
    # LibreOffice wrote (tests/workbook/real/), and the example as .xlsx and .ods (long
    # and wide layouts) the way make.py writes them
    for p in files_under(r'tests/cli/cases/.*\.(xlsx|ods|zip)', r'tests/workbook/real/.*',
                           r'tests/workbook/written/.*\.xlsx'):
        seeds['workbook'][seed_name(p)] = read(p)
    seeds['workbook'].update(example_workbooks())

    for v in sorted(values):
        b = v.encode('utf-8')
        seeds['value']['seed-' + hashlib.sha1(b).hexdigest()[:12]] = b
    return seeds


def main():
    check = '--check' in sys.argv[1:]
    seeds = build()
    stale = []
    for t in TARGETS:
        d = os.path.join(CORPUS, t)
        os.makedirs(d, exist_ok=True)
        have = {n for n in os.listdir(d) if n.startswith('seed-')}
        for n in sorted(have - set(seeds[t])):
            stale.append(os.path.join(d, n))
            if not check:
                os.remove(os.path.join(d, n))
        for n, data in sorted(seeds[t].items()):
            p = os.path.join(d, n)
            if os.path.exists(p) and read(p) == data:
                continue
            stale.append(p)
            if not check:
                with open(p, 'wb') as f:
                    f.write(data)
    total = sum(os.path.getsize(os.path.join(CORPUS, t, n))
                for t in TARGETS for n in os.listdir(os.path.join(CORPUS, t)))
    counts = ', '.join('%s %d' % (t, len(os.listdir(os.path.join(CORPUS, t)))) for t in TARGETS)
    if check:
        for p in stale:
            print('out of date: ' + rel(p))
        print('corpus: %s files; %d bytes' % (counts, total))
        return 1 if stale else 0
    print('corpus: %s files; %d bytes (%d written or removed)' % (counts, total, len(stale)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
