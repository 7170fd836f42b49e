#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Workbooks written by LibreOffice itself score as the CSV files they were made from.

    libreoffice.py PRESSDX EXAMPLES_DIR [REAL_DIR]

Every example is converted by LibreOffice (`soffice --headless --convert-to xlsx` and
`ods`, Debian's libreoffice-calc-nogui) the way a department opens a CSV file and saves
it as a workbook: UTF-8, comma-separated, numbers recognised (the year, whole-number
answers become number cells), "special numbers" not (so that "3+" stays the text it
is). Each workbook is scored with `score --format csv`: the output and exit status must
be those of the CSV file, byte for byte.

REAL_DIR (tests/workbook/real/) holds such workbooks made once by LibreOffice 7.4 and
committed: they are checked the same way whether LibreOffice is installed or not (and
seed the workbook fuzz target). Without LibreOffice the conversions are skipped, said
on the output, and the exit status is 77 (meson's "skipped") when nothing else was
checked; CI installs LibreOffice (.ci/run)."""
import os
import shutil
import subprocess
import sys
import tempfile

EXAMPLES = ['hai-phong-2024.csv', 'hai-phong-2025-bao.csv', 'hai-phong-2025-dai-tapchi.csv',
            'hai-phong-2025-loi.csv', 'tay-ninh-2025.csv']
# separator 44 (,), text delimiter 34 ("), UTF-8 (76), from line 1, default column
# formats, en-US (1033), quoted fields not forced to text, special numbers not detected
CSV_FILTER = 'CSV:44,34,76,1,,1033,false,false'


def score(pressdx, path):
    p = subprocess.run([pressdx, 'score', '--format', 'csv', path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode('utf-8')


def convert(csvs, kind, outdir, home):
    env = dict(os.environ, HOME=home)  # a profile of its own, removed with `home`
    env.pop('MALLOC_PERTURB_', None)    # meson's, for pressdx; not LibreOffice's business
    p = subprocess.run(['soffice', '--headless', '--infilter=' + CSV_FILTER, '--convert-to',
                        kind, '--outdir', outdir] + csvs, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=600)
    if p.returncode != 0:
        print(p.stdout.decode('utf-8', 'replace'))
    return p.returncode == 0


def compare(pressdx, csv_path, workbook, label):
    want, got = score(pressdx, csv_path), score(pressdx, workbook)
    ok = want == got
    print('%s %s: exit %d' % ('ok  ' if ok else 'FAIL', label, got[0]))
    if not ok:
        print('  csv (exit %d):\n%s  workbook (exit %d):\n%s' % (want[0], want[1], got[0],
                                                                got[1]))
    return ok


def main():
    pressdx, examples = sys.argv[1], sys.argv[2]
    real = sys.argv[3] if len(sys.argv) > 3 else None
    failures = checked = 0
    if real and os.path.isdir(real):
        for name in sorted(os.listdir(real)):
            stem, ext = os.path.splitext(name)
            if ext not in ('.xlsx', '.ods'):
                continue
            checked += 1
            failures += not compare(pressdx, os.path.join(examples, stem + '.csv'),
                                    os.path.join(real, name), 'committed %s' % name)
    if not shutil.which('soffice'):
        print('SKIPPED: LibreOffice is not installed (apt-get install -y '
              'libreoffice-calc-nogui): no new conversion checked')
        return 1 if failures else (0 if checked else 77)
    with tempfile.TemporaryDirectory() as tmp:
        csvs = [os.path.join(examples, n) for n in EXAMPLES]
        for kind in ('xlsx', 'ods'):
            out = os.path.join(tmp, kind)
            os.makedirs(out)
            if not convert(csvs, kind, out, tmp):
                print('FAIL soffice could not convert the examples to %s' % kind)
                failures += 1
                continue
            for n in EXAMPLES:
                wb = os.path.join(out, os.path.splitext(n)[0] + '.' + kind)
                checked += 1
                failures += not compare(pressdx, os.path.join(examples, n), wb,
                                        'LibreOffice %s of %s' % (kind, n))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
