#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`pressdx check -o`: the agency's own sheet sent back annotated.

    checked.py PRESSDX EXAMPLES_DIR RUBRIC_XML WORKBOOK_DIR

The answers are of 2025, so pressdx (no --rubric) scores them with the 2025 edition,
RUBRIC_XML (3560-2025.xml: 43 criteria, 951's 42 and 4.2.6). Its criterion ids are the
ones a "criterion without a row" is counted against.

Three sources: examples/hai-phong-2025-loi.csv (errors on purpose, worked out by hand in
tests/cli/cases/080-validate-csv-errors/notes.md), the same answers as LibreOffice saved
them (tests/workbook/real/hai-phong-2025-loi.xlsx), and a wide-layout CSV made here
from examples/hai-phong-2025-dai-tapchi.csv with one answer out of range, one left blank,
one criterion column dropped and a line break inside a quoted cell (so that records no
longer start on the line of their index). For each, read with openpyxl (Debian's
python3-openpyxl):

 - the first sheet holds every cell of the source, as the reader reads it (sent back
   corrected, it scores without --sheet);
 - the second, the one the workbook opens on, is the problems list, one row per
   diagnostic of `pressdx validate` on the source plus one per answer not given
   (blank cell; criterion without a row);
 - each cell a diagnostic names has the error fill and a comment with the code and the
   Vietnamese message; each blank answer cell the not-answered fill and comment; no
   other cell has a comment or a fill;
 - the annotated workbook, given back to `pressdx validate` as it is, gives the same
   diagnostics (severity, row, column, agency, criterion), and to `pressdx check`
   the same codes at the same places.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import importlib.util

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ERROR_FILL, WARNING_FILL, UNANSWERED_FILL = 'FFFFC7CE', 'FFFFEB9C', 'FFDDEBF7'
FILLS = {'lỗi (error)': ERROR_FILL, 'cảnh báo (warning)': WARNING_FILL,
         'chưa trả lời (not answered)': UNANSWERED_FILL}
PROBLEMS = 'Các vấn đề'


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ref(row, col):
    s = ''
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(ord('A') + r) + s
    return '%s%d' % (s, row)


# file:7:4: lỗi/error [agency] crit: …   or   file[sheet]!D7: lỗi/error …
DIAG = re.compile(r'^(?:.*?:(\d+):(\d+)|.*?\]!([A-Z]+)(\d+)|.*?:(\d+)|[^:]*): '
                  r'(lỗi/error|cảnh báo/warning)(?: \[([^\]]*)\])?(?: ([^ :]+):)? ')


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord('A') + 1
    return n


def diagnostics(pressdx, *args):
    """validate's diagnostics: (severity, place, agency, criterion) in order."""
    p = subprocess.run([pressdx, 'validate', *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    out = []
    for line in p.stderr.decode('utf-8').splitlines():
        m = DIAG.match(line)
        assert m, 'not a diagnostic: %r' % line
        if m.group(1):
            place = ref(int(m.group(1)), int(m.group(2)))
        elif m.group(3):
            place = ref(int(m.group(4)), col_number(m.group(3)))
        elif m.group(5):
            place = 'dòng %s (row %s)' % (m.group(5), m.group(5))
        else:
            place = None
        out.append((m.group(6), place, m.group(7), m.group(8)))
    return p.returncode, out


def check(pressdx, src, out, *opts):
    p = subprocess.run([pressdx, 'check', *opts, src, '-o', out], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode, p.stderr.decode('utf-8')


def rubric_ids(pressdx, path):
    """Criterion ids of the rubric, resolved: 3560 is written as differences (extends=)."""
    whole = subprocess.run([pressdx, 'validate', '--resolved', path], stdout=subprocess.PIPE,
                           check=True).stdout
    ids = []
    for el in ET.fromstring(whole).iter():
        if el.tag.split('}')[-1] == 'criterion' and el.get('id'):
            ids.append(el.get('id'))
    return ids




def problems_of(wb):
    ws = wb.worksheets[1]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == 'Vị trí (place)', rows[0]
    return [tuple(r) for r in rows[1:]]


def verify(name, pressdx, src, grid, expected_cells, answer_cols, rubric, *opts,
           expected_missing=None):
    """grid: {(row, col): text} as the reader reads the source; expected_cells: {ref:
    (code, vi fragment)} worked out by hand; answer_cols: {row: [answer columns]} of
    the rows that give answers (for the blank cells)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'checked.xlsx')
        status, err = check(pressdx, src, out, *opts)
        vstatus, vdiags = diagnostics(pressdx, *opts, src)
        assert status == vstatus, '%s: check exit %d, validate %d' % (name, status, vstatus)
        wb = openpyxl.load_workbook(out)
        # the answers first (sent back corrected, they score without --sheet), the
        # problems second and the sheet the workbook opens on
        assert wb.sheetnames[1] == PROBLEMS, wb.sheetnames
        assert wb.active.title == PROBLEMS, wb.active.title
        assert len(wb.sheetnames) == 2, wb.sheetnames
        probs = problems_of(wb)
        diag_rows = [p for p in probs if p[4]]
        # one row per diagnostic, in validate's order, with its place, agency, criterion
        got = [({'lỗi (error)': 'lỗi/error', 'cảnh báo (warning)': 'cảnh báo/warning'}[p[3]],
                p[0], p[1], p[2]) for p in diag_rows]
        assert got == vdiags, '%s: problems sheet\n%s\nvalidate\n%s' % (name, got, vdiags)
        # the cells worked out by hand
        by_place = {p[0]: p for p in diag_rows}
        for place, (code, vi) in expected_cells.items():
            assert place in by_place, '%s: no problem at %s' % (name, place)
            assert by_place[place][4] == code, (name, place, by_place[place])
            assert vi in by_place[place][5], (name, place, by_place[place])
        assert len(diag_rows) == len(expected_cells), (name, diag_rows)
        # blank answer cells, and criteria with no row
        blanks = {ref(r, c) for r, cols in answer_cols.items() for c in cols
                  if not (grid.get((r, c)) or '').strip()}
        unans = [p for p in probs if not p[4]]
        assert all(p[3] == 'chưa trả lời (not answered)' for p in unans), unans
        assert {p[0] for p in unans if p[0]} == blanks, (name, unans, blanks)
        given = {}
        for r, cols in answer_cols.items():
            agency, crits = answer_cols_agency[name][r]
            given.setdefault(agency, set()).update(crits)
        missing = sorted((a, c) for a, cs in given.items() for c in rubric if c not in cs)
        if expected_missing is not None:
            assert missing == expected_missing, (name, missing, expected_missing)
        assert sorted((p[1], p[2]) for p in unans if not p[0]) == missing, \
            (name, [p for p in unans if not p[0]], missing)
        assert len(probs) == len(vdiags) + len(blanks) + len(missing)

        ws = wb.worksheets[0]
        marked = {}
        for p in probs:
            if p[0] and re.fullmatch(r'[A-Z]+\d+', p[0]):
                marked.setdefault(p[0], []).append(p)
        seen = set()
        for row in ws.iter_rows():
            for c in row:
                key = (c.row, c.column)
                want = grid.get(key)
                if c.value is not None or want:
                    assert c.value == (want or None), '%s %s: %r, source %r' % (
                        name, c.coordinate, c.value, want)
                seen.add(key)
                ps = marked.get(c.coordinate)
                if not ps:
                    assert c.comment is None, (name, c.coordinate, c.comment.text)
                    assert c.fill.fill_type is None, (name, c.coordinate)
                    continue
                worst = min(ps, key=lambda p: list(FILLS).index(p[3]))
                assert c.fill.fill_type == 'solid', (name, c.coordinate)
                assert c.fill.fgColor.rgb == FILLS[worst[3]], (name, c.coordinate,
                                                                c.fill.fgColor.rgb)
                assert c.comment is not None, (name, c.coordinate)
                for p in ps:
                    if p[4]:
                        assert p[4] in c.comment.text and p[5] in c.comment.text, (
                            name, c.coordinate, c.comment.text)
                    else:
                        assert 'chưa trả lời' in c.comment.text, c.comment.text
        assert set(grid) <= seen, (name, set(grid) - seen)
        for place in marked:
            assert ws[place].comment is not None, (name, place)

        # read back: the same diagnostics
        # (no --sheet: the answers are the first sheet)
        bstatus, back = diagnostics(pressdx, out)
        assert bstatus == vstatus, (name, bstatus, vstatus)
        assert back == vdiags, '%s: read back\n%s\nsource\n%s' % (name, back, vdiags)
        again = os.path.join(tmp, 'again.xlsx')
        check(pressdx, out, again)
        probs2 = problems_of(openpyxl.load_workbook(again))
        assert [(p[0], p[1], p[2], p[3], p[4]) for p in probs2] == \
            [(p[0], p[1], p[2], p[3], p[4]) for p in probs], name
        print('ok %s: %d problems (%d diagnostics), %d cells' % (
            name, len(probs), len(vdiags), len(grid)))


answer_cols_agency = {}


def long_csv(name, path):
    """The grid of a long-layout CSV file without line breaks inside cells."""
    rows = list(csv.reader(open(path, encoding='utf-8-sig', newline='')))
    grid = {(r + 1, c + 1): v for r, row in enumerate(rows) for c, v in enumerate(row) if v}
    head = rows[0]
    ia, ic, iv = head.index('agency_id'), head.index('criterion'), head.index('answer')
    cols, agencies = {}, {}
    for r, row in enumerate(rows[1:], start=2):
        if row[ic].strip():
            cols[r] = [iv + 1]
            agencies[r] = (row[ia], [row[ic]])
    answer_cols_agency[name] = agencies
    return grid, cols


def text_of(v):
    """An .xlsx cell as pressdx's reader reads it (numbers: '2,5' for 2.5)."""
    if isinstance(v, bool):
        return 'TRUE' if v else 'FALSE'
    if isinstance(v, (int, float)):
        s = repr(float(v))
        s = s[:-2] if s.endswith('.0') else s
        return s.replace('.', ',')
    return v


def main():
    pressdx, examples, rubric_xml, wbdir = sys.argv[1:5]
    assert os.path.basename(rubric_xml) == '3560-2025.xml', rubric_xml
    rubric = rubric_ids(pressdx, rubric_xml)
    assert len(rubric) == 43 and '4.2.6' in rubric, len(rubric)
    # the six errors of case 080 (columns: H = criterion, I = answer)
    loi = {'H8': ('PDX-E0205', 'mã tiêu chí "1.2.9" không có trong bộ chỉ số'),
           'I15': ('PDX-E0301', 'câu trả lời "cap 3" không hợp lệ'),
           'I21': ('PDX-E0301', 'câu trả lời "Có rồi" không hợp lệ'),
           'I23': ('PDX-E0302', 'câu trả lời "120" không hợp lệ'),
           'I39': ('PDX-E0302', 'câu trả lời "2.5" không hợp lệ'),
           'I45': ('PDX-E0206', 'tiêu chí 4.2.4 có hai câu trả lời khác nhau')}
    src = os.path.join(examples, 'hai-phong-2025-loi.csv')
    grid, cols = long_csv('loi.csv', src)
    # every criterion has a row (4.2.6 was appended to the file with 4.2.3's answer)
    verify('loi.csv', pressdx, src, grid, loi, cols, rubric, expected_missing=[])

    # the same answers in LibreOffice's .xlsx: numbers are number cells there
    xsrc = os.path.join(wbdir, 'hai-phong-2025-loi.xlsx')
    ws = openpyxl.load_workbook(xsrc).worksheets[0]
    xgrid = {(c.row, c.column): text_of(c.value) for row in ws.iter_rows() for c in row
             if c.value is not None and c.value != ''}
    # the CSV's lines 1-45: its line 46 (HP06's 4.2.6) was appended after the workbook
    # was saved
    assert ws.max_row == 45 and max(r for r, _ in grid) == 46, ws.max_row
    answer_cols_agency['loi.xlsx'] = {r: v for r, v in answer_cols_agency['loi.csv'].items()
                                      if r <= ws.max_row}
    xcols = {r: v for r, v in cols.items() if r <= ws.max_row}
    xloi = dict(loi)
    xloi['I39'] = ('PDX-E0302', 'câu trả lời "2,5" không hợp lệ')  # the number 2.5
    # saved before 4.2.6 existed: the workbook has no 4.2.6 row, so under 3560-2025
    # HP06's 4.2.6 is a criterion without a row (not answered)
    verify('loi.xlsx', pressdx, xsrc, xgrid, xloi, xcols, rubric,
           expected_missing=[('HP06', '4.2.6')])

    # wide layout
    wide = load('wide_check', os.path.join(HERE, '..', 'wide', 'check.py'))
    text, _ = wide.widen(os.path.join(examples, 'hai-phong-2025-dai-tapchi.csv'))
    rows = list(csv.reader(io.StringIO(text)))
    head = rows[0]
    ids = {}
    for i, h in enumerate(head):
        m = re.fullmatch(r'(?:.*/)?c?(\d+)[._](\d+)[._](\d+)', h, re.IGNORECASE)
        if m:
            ids[i] = '.'.join(m.groups())
    drop = [i for i, c in ids.items() if c == '5.2.4'][0]
    for row in rows:
        del row[drop:drop + 2]  # 5.2.4 and its evidence: a criterion never answered
    del ids[drop]
    ids = {(i if i < drop else i - 2): c for i, c in ids.items()}
    pos = {c: i for i, c in ids.items()}
    rows[1][pos['3.2.1']] = '120'  # out of 0–100
    rows[2][pos['1.1.1']] = ''     # left blank
    uuid = head.index('_uuid')
    rows[1][uuid] = 'uuid-0\ndòng hai'  # the next record starts a line later
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'wide.csv')
        with open(path, 'w', encoding='utf-8', newline='') as f:
            csv.writer(f, lineterminator='\r\n').writerows(rows)
        # records start on lines 1, 2, 4, 5 (record 2 spans lines 2 and 3)
        starts = [1, 2, 4, 5]
        assert len(rows) == 4
        grid = {(starts[r], c + 1): v for r, row in enumerate(rows) for c, v in enumerate(row)
                if v}
        agency = head.index('agency_id')
        cols, agencies = {}, {}
        for r, row in enumerate(rows[1:], start=1):
            cols[starts[r]] = [i + 1 for i in sorted(ids)]
            agencies[starts[r]] = (row[agency], [ids[i] for i in ids])
        answer_cols_agency['wide.csv'] = agencies
        verify('wide.csv', pressdx, path, grid,
               {ref(2, pos['3.2.1'] + 1): ('PDX-E0302', 'câu trả lời "120" không hợp lệ')},
               cols, rubric)


if __name__ == '__main__':
    main()
