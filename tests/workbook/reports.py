#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every report as an .xlsx workbook, read back with openpyxl (Debian python3-openpyxl).

    reports.py PRESSDX EXAMPLES_DIR

What a department opens in Excel: the figures as numbers (not text) with two decimals,
each agency's total, level and pillar points where examples/EXPECTED.md and
EXPECTED-2.md worked them out by hand, the level cell on its level's colour, the rubric
and its provisional notice above a frozen header with an autofilter on every sheet, a
chart of the level distribution in the rank and summary workbooks; written to standard
output through a pipe as well as to -o, and refused on a terminal."""
import os
import pty
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
except ImportError:
    sys.exit('python3-openpyxl is needed: apt-get install -y python3-openpyxl')

PRESSDX, EXAMPLES = sys.argv[1], sys.argv[2]
failures = []


def check(what, ok, detail=''):
    if not ok:
        failures.append('%s %s' % (what, detail))


def ex(name):
    return os.path.join(EXAMPLES, name)


def run(args, expect_rc, out):
    p = subprocess.run([PRESSDX] + args + ['--format', 'xlsx', '-o', out],
                       capture_output=True, text=True)
    check('%s: exit status' % args[0], p.returncode == expect_rc,
          '%d, expected %d: %s' % (p.returncode, expect_rc, p.stderr[-400:]))
    return openpyxl.load_workbook(out)


def rows(ws):
    """The data rows under the header (row 3), as {header: value}."""
    head = [c.value for c in ws[3]]
    return [dict(zip(head, r)) for r in ws.iter_rows(min_row=4, values_only=True)]


# the level colours of the HTML pages (doc_html.c), level 1 (Yếu) to 5 (Xuất sắc)
FILL = {1: 'FFD8D3', 2: 'FFF1C2', 3: 'D8EBFF', 4: 'D2F4DC', 5: 'A7E3B8'}
LEVEL = {'Yếu': 1, 'Trung bình': 2, 'Khá': 3, 'Tốt': 4, 'Xuất sắc': 5}


# The edition in force for the answers' year (no --rubric): 2025 → 3560-2025, 2024 →
# 1827-2024; its id and decision in A1, and the notice naming its provisional parts in A2
EDITION = {
    '3560-2025': ('3560/QĐ-BVHTTDL',
                  'Tạm thời: ngưỡng mức, trụ cột, chỉ số thành phần, tiêu chí.'),
    '1827-2024': ('1827/QĐ-BTTTT', 'Tạm thời: ngưỡng mức, chỉ số thành phần, tiêu chí.'),
}


def every_sheet(name, wb, rubric='3560-2025'):
    """The rubric and the provisional notice on every sheet; a frozen header with a
    filter on every sheet of data."""
    decision, provisional = EDITION[rubric]
    for ws in wb.worksheets:
        a1 = str(ws['A1'].value)
        check('%s[%s]: rubric in A1' % (name, ws.title),
              a1.startswith('Bộ chỉ số (rubric): %s — ' % rubric) and
              a1.endswith('(%s)' % decision), ws['A1'].value)
        check('%s[%s]: provisional notice in A2' % (name, ws.title),
              'TẠM THỜI' in str(ws['A2'].value) and 'provisional' in str(ws['A2'].value) and
              provisional in str(ws['A2'].value), ws['A2'].value)
        if ws.title == 'Thông tin':
            continue
        check('%s[%s]: header frozen' % (name, ws.title), ws.freeze_panes == 'A4',
              ws.freeze_panes)
        last = ws.max_row
        want = 'A3:%s%d' % (openpyxl.utils.get_column_letter(ws.max_column), last)
        check('%s[%s]: autofilter' % (name, ws.title), ws.auto_filter.ref == want,
              '%s, expected %s' % (ws.auto_filter.ref, want))


def number(what, cell, value, fmt='0.00'):
    check(what + ': a number', isinstance(cell.value, (int, float)) and
          not isinstance(cell.value, bool), repr(cell.value))
    if isinstance(cell.value, (int, float)):
        check(what, abs(cell.value - value) < 1e-9, '%r, expected %r' % (cell.value, value))
    check(what + ': format', cell.number_format == fmt, cell.number_format)


def level_cell(what, cell, name):
    check(what, cell.value == name, '%r, expected %r' % (cell.value, name))
    rgb = (cell.fill.fgColor.rgb or '')[-6:]
    check(what + ': colour', rgb == FILL[LEVEL[name]], rgb)


def column(ws, header_prefix):
    for c in ws[3]:
        if c.value and str(c.value).startswith(header_prefix):
            return c.column
    failures.append('%s: no column %s' % (ws.title, header_prefix))
    return None


def charts(path):
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith('xl/charts/chart')], z


# examples/EXPECTED.md: pillars, total, level per agency (hand-worked)
EXPECTED = {
    'HP01': ([14.60, 21.00, 18.72, 17.00, 13.00], 84.32, 'Tốt'),
    'HP02': ([10.65, 15.00, 12.85, 11.00, 8.00], 57.50, 'Trung bình'),
    'HP03': ([16.76, 24.00, 19.86, 19.00, 13.00], 92.62, 'Xuất sắc'),
    'HP04': ([12.13, 18.00, 15.90, 16.00, 10.00], 72.03, 'Khá'),
    'HP05': ([5.35, 14.00, 7.33, 6.00, 5.00], 37.68, 'Yếu'),
    'HP06': ([14.40, 14.00, 8.00, 11.00, 7.00], 54.40, 'Trung bình'),
}

with tempfile.TemporaryDirectory() as tmp:
    # ---- score: one row per agency in "Kết quả", one per criterion in "Tiêu chí" ----
    out = os.path.join(tmp, 'score.xlsx')
    wb = run(['score', ex('hai-phong-2025-bao.csv'), ex('hai-phong-2025-dai-tapchi.csv'),
              ex('hai-phong-2025-loi.csv')], 1, out)
    check('score: sheets', wb.sheetnames[:3] == ['Thông tin', 'Kết quả', 'Tiêu chí'],
          wb.sheetnames)
    every_sheet('score', wb)
    ws = wb['Kết quả']
    got = {}
    for r in range(4, ws.max_row + 1):
        got[ws.cell(r, 1).value] = r
    check('score: one row per agency', sorted(got) == sorted(EXPECTED), sorted(got))
    total_col = column(ws, 'Tổng điểm')
    level_col = column(ws, 'Mức')
    tc1 = column(ws, 'TC1 ')
    for agency, (pillars, total, level) in EXPECTED.items():
        r = got.get(agency)
        if not r or not total_col:
            continue
        number('score %s total' % agency, ws.cell(r, total_col), total)
        level_cell('score %s level' % agency, ws.cell(r, level_col), level)
        for p, v in enumerate(pillars):
            number('score %s TC%d' % (agency, p + 1), ws.cell(r, tc1 + p), v)
    crit = rows(wb['Tiêu chí'])
    hp01 = {r['Mã (id)']: r for r in crit if r['Mã cơ quan (agency_id)'] == 'HP01'}
    # 3560-2025 has 43 criteria: 951's 42 and 4.2.6; 4.2.3 is worth 2 (was 3), 4.2.6 1
    check('score: 43 criteria of HP01', len(hp01) == 43, len(hp01))
    for cid, mx in (('4.2.3', 2), ('4.2.6', 1)):
        check('score: HP01 %s max %d, "không" → 0' % (cid, mx), cid in hp01 and
              hp01[cid]['Tối đa (max)'] == mx and hp01[cid]['Điểm (points)'] == 0 and
              hp01[cid]['Trả lời (answer)'] == 'không', hp01.get(cid))
    # EXPECTED.md, HP01: 1.1.3 = 86,5 → 3 × 86.5 / 100 = 2.595 → 2.60; 1.2.1 = 6 → 2
    if '1.1.3' in hp01:
        check('score: HP01 1.1.3 points', hp01['1.1.3']['Điểm (points)'] == 2.60,
              hp01['1.1.3'])
        check('score: HP01 1.1.3 answer as written', hp01['1.1.3']['Trả lời (answer)'] == '86,5',
              hp01['1.1.3'])
        check('score: HP01 1.1.3 max', hp01['1.1.3']['Tối đa (max)'] == 3, hp01['1.1.3'])
    # HP06's errors are in "Ghi chú", the unknown criterion 1.2.9 among them
    notes = rows(wb['Ghi chú'])
    check('score: HP06 error 1.2.9 noted', any(
        r['Mã cơ quan (agency_id)'] == 'HP06' and r['Loại (kind)'] == 'lỗi (error)' and
        '1.2.9' in (r['Nội dung'] or '') for r in notes), notes[:3])

    # ---- the same workbook through a pipe: same sheets and totals ----
    with open(os.path.join(tmp, 'piped.xlsx'), 'wb') as f:
        p = subprocess.run([PRESSDX, 'score', ex('hai-phong-2025-bao.csv'), '--format', 'xlsx'],
                           stdout=f, stderr=subprocess.DEVNULL)
    check('score to a pipe: exit status', p.returncode == 0, p.returncode)
    wp = openpyxl.load_workbook(os.path.join(tmp, 'piped.xlsx'))
    wsp = wp['Kết quả']
    check('score to a pipe: HP01 and HP02',
          [(wsp.cell(r, 1).value, wsp.cell(r, total_col).value) for r in (4, 5)] ==
          [('HP01', 84.32), ('HP02', 57.5)],
          [(wsp.cell(r, 1).value, wsp.cell(r, total_col).value) for r in (4, 5)])

    # ---- --split: a workbook per agency, named by agency and year ----
    split = os.path.join(tmp, 'split')
    os.mkdir(split)
    p = subprocess.run([PRESSDX, 'score', '--split', split, '--format', 'xlsx',
                        ex('hai-phong-2025-bao.csv')], capture_output=True, text=True)
    check('score --split: exit status', p.returncode == 0, p.stderr[-300:])
    check('score --split: files', sorted(os.listdir(split)) == ['HP01-2025.xlsx', 'HP02-2025.xlsx'],
          os.listdir(split))
    for agency, total in (('HP01', 84.32), ('HP02', 57.50)):
        f = os.path.join(split, '%s-2025.xlsx' % agency)
        if os.path.exists(f):
            ws = openpyxl.load_workbook(f)['Kết quả']
            check('score --split %s: one agency' % agency, ws.max_row == 4, ws.max_row)
            number('score --split %s total' % agency, ws.cell(4, total_col), total)

    # ---- a terminal gets no binary, and no file appears ----
    master, slave = pty.openpty()
    p = subprocess.run([PRESSDX, 'score', ex('hai-phong-2025-bao.csv'), '--format', 'xlsx'],
                       stdout=slave, stderr=subprocess.PIPE, text=True)
    os.close(slave)
    os.close(master)
    check('score to a terminal: refused', p.returncode == 2 and '-o' in p.stderr,
          '%d %s' % (p.returncode, p.stderr))

    # ---- rank: the agencies by block, the level distribution charted ----
    out = os.path.join(tmp, 'rank.xlsx')
    wb = run(['rank', ex('hai-phong-2025-bao.csv'), ex('hai-phong-2025-dai-tapchi.csv')], 0, out)
    every_sheet('rank', wb)
    agencies = rows(wb['Cơ quan'])
    ranked = [(r['Khối (block)'], r['Hạng (rank)'], r['Mã (agency_id)'], r['Tổng (total)'])
              for r in agencies]
    # EXPECTED.md: blocks Báo địa phương (HP01 84.32, HP02 57.50), Đài PT-TH (HP03),
    # Tạp chí (HP04), Tạp chí khoa học (HP05): rank 1 in each block but HP02's 2
    check('rank: blocks and ranks', sorted(ranked) == sorted([
        ('Báo địa phương', 1, 'HP01', 84.32), ('Báo địa phương', 2, 'HP02', 57.5),
        ('Đài PT-TH', 1, 'HP03', 92.62), ('Tạp chí', 1, 'HP04', 72.03),
        ('Tạp chí khoa học', 1, 'HP05', 37.68)]), ranked)
    dist = rows(wb['Phân bố mức'])
    first = {r['Khối (block)']: [r[k] for k in LEVEL] for r in dist}
    check('rank: levels per block', first.get('Báo địa phương') == [0, 1, 0, 1, 0], first)
    names, z = charts(out)
    check('rank: one chart', len(names) == 1, names)
    if names:
        with zipfile.ZipFile(out) as z:
            xml = z.read(names[0]).decode()
        check('rank: a series per level', xml.count('<c:ser>') == 5, xml.count('<c:ser>'))
        check('rank: stacked bars', '<c:barDir val="bar"/>' in xml and
              '<c:grouping val="stacked"/>' in xml)

    # ---- summary by province: counts per level, charted ----
    out = os.path.join(tmp, 'summary.xlsx')
    wb = run(['summary', '--by', 'province', ex('hai-phong-2025-bao.csv'),
              ex('hai-phong-2025-dai-tapchi.csv')], 0, out)
    every_sheet('summary', wb)
    dist = rows(wb['Phân bố mức'])
    hp = [r for r in dist if r['Nhóm (group)'] == 'Hải Phòng']
    check('summary: Hải Phòng one agency per level',
          len(hp) == 1 and [hp[0][k] for k in LEVEL] == [1, 1, 1, 1, 1], dist)
    groups = rows(wb['Nhóm'])
    hpg = [r for r in groups if r['Nhóm (group)'] == 'Hải Phòng']
    # mean of 84.32, 57.50, 92.62, 72.03, 37.68 = 344.15 / 5 = 68.83; median 72.03
    check('summary: Hải Phòng count, mean, median', len(hpg) == 1 and
          (hpg[0]['Số cơ quan (count)'], hpg[0]['Trung bình (mean)'],
           hpg[0]['Trung vị (median)']) == (5, 68.83, 72.03), hpg)
    names, _ = charts(out)
    check('summary: one chart', len(names) == 1, names)

    # ---- gap: points needed (EXPECTED-2.md: HP01 5.68 to Xuất sắc, HP02 7.50 to Khá) ----
    out = os.path.join(tmp, 'gap.xlsx')
    wb = run(['gap', ex('hai-phong-2025-bao.csv')], 0, out)
    every_sheet('gap', wb)
    res = {r['Mã cơ quan (agency_id)']: r for r in rows(wb['Kết quả'])}
    check('gap: needed', (res.get('HP01', {}).get('Còn thiếu (points needed)'),
                          res.get('HP02', {}).get('Còn thiếu (points needed)')) == (5.68, 7.5),
          res)

    # ---- diff: 2024 → 2025 (EXPECTED-2.md: HP01 75.10 Khá → 84.32 Tốt) ----
    # each side is scored with its year's edition; the report names the first side's
    out = os.path.join(tmp, 'diff.xlsx')
    wb = run(['diff', ex('hai-phong-2024.csv'), ex('hai-phong-2025-bao.csv')], 1, out)
    every_sheet('diff', wb, '1827-2024')
    ws = wb['Kết quả']
    res = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
    if 'HP01' in res:
        r = res['HP01']
        number('diff HP01 before', ws.cell(r, 2), 75.10)
        number('diff HP01 after', ws.cell(r, 3), 84.32)
        level_cell('diff HP01 level before', ws.cell(r, 4), 'Khá')
        level_cell('diff HP01 level after', ws.cell(r, 5), 'Tốt')
    else:
        failures.append('diff: no HP01 row')

    # ---- targets: achieved shares as percents (plan hai-phong, examples of 2025) ----
    out = os.path.join(tmp, 'targets.xlsx')
    wb = run(['targets', '--plan', 'hai-phong', ex('hai-phong-2025-bao.csv'),
              ex('hai-phong-2025-dai-tapchi.csv')], 0, out)
    every_sheet('targets', wb)
    ws = wb['Chỉ tiêu']
    ind = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1)}
    pct = column(ws, 'Tỷ lệ')
    # EXPECTED-2.md, Hải Phòng 2025 without HP06: "platforms" reached by 3 of 5 =
    # 60.00 %, target 70 %: not met
    tgt = column(ws, 'Mục tiêu')
    if 'platforms' in ind and pct and tgt:
        number('targets platforms share', ws.cell(ind['platforms'], pct), 0.6, '0.00%')
        number('targets platforms target', ws.cell(ind['platforms'], tgt), 0.7, '0.00%')
    else:
        failures.append('targets: no row "platforms"')

for f in failures:
    print('FAIL', f)
print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
