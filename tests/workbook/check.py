#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A workbook scores exactly as the CSV file it was made from.

    check.py PRESSDX EXAMPLES_DIR

Every example (the one with errors too) is written as an .xlsx and an .ods (make.py),
the way a person's spreadsheet holds it: the year and whole-number answers as number
cells, "12,5" as the number 12.5, "80%" as 0.8 in a percent format, có/không as
booleans, the rest as text (shared strings in the .xlsx); and once more in the wide
layout of the survey tools (tests/wide/check.py's widen). Each workbook is scored with
`score --format csv`, also read from standard input: the output (total, level, every
pillar, the error count of every agency) and the exit status must be those of the CSV
file, byte for byte."""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile

import importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = load('make', os.path.join(HERE, 'make.py'))
widen = load('wide_check', os.path.join(HERE, '..', 'wide', 'check.py')).widen

EXAMPLES = ['hai-phong-2024.csv', 'hai-phong-2025-bao.csv', 'hai-phong-2025-dai-tapchi.csv',
            'hai-phong-2025-loi.csv', 'tay-ninh-2025.csv']


def typed(header, value):
    """A cell as a spreadsheet would hold what the CSV file says."""
    if header == 'year' and re.fullmatch(r'\d{4}', value):
        return int(value)
    if header in ('answer',) or re.fullmatch(r'(grp_\d+/)?[cC]?\d+([._]\d+)+', header):
        if re.fullmatch(r'[1-9]\d{0,5}|0', value):
            return int(value)
        m = re.fullmatch(r'(\d+),(\d+)', value)
        if m:
            return float('%s.%s' % m.groups())
        m = re.fullmatch(r'(\d+)%', value)
        if m:
            return ('pct', int(m.group(1)) / 100)
        if value in ('có', 'không'):
            return ('bool', value == 'có')
    return value


def rows_of(text):
    table = list(csv.reader(io.StringIO(text)))
    header = table[0]
    return [header] + [[typed(header[i] if i < len(header) else '', v)
                        for i, v in enumerate(r)] for r in table[1:]]


def score(pressdx, path, stdin=False):
    if stdin:
        with open(path, 'rb') as f:
            p = subprocess.run([pressdx, 'score', '--format', 'csv', '-'], stdin=f,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    else:
        p = subprocess.run([pressdx, 'score', '--format', 'csv', path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode('utf-8')


def main():
    pressdx, examples = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in EXAMPLES:
            path = os.path.join(examples, name)
            want = score(pressdx, path)
            long_rows = rows_of(open(path, encoding='utf-8-sig').read())
            layouts = [('long', long_rows)]
            if name != 'hai-phong-2025-loi.csv':  # its duplicates have no wide form
                layouts.append(('wide', rows_of(widen(path)[0])))
            for layout, rows in layouts:
                for kind, write in (('xlsx', make.xlsx), ('ods', make.ods)):
                    wb = os.path.join(tmp, '%s-%s.%s' % (name, layout, kind))
                    write(wb, rows)
                    for stdin in (False, True):
                        got = score(pressdx, wb, stdin)
                        ok = got == want
                        print('%s %s %s %s%s: exit %d' % ('ok  ' if ok else 'FAIL', name, layout,
                                                          kind, ' (stdin)' if stdin else '',
                                                          got[0]))
                        if not ok:
                            failures += 1
                            print('  csv (exit %d):\n%s  workbook (exit %d):\n%s' % (
                                want[0], want[1], got[0], got[1]))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
