#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""`pressdx template --format xlsx` and `--format xlsform` against the rubric.

    template.py PRESSDX EXAMPLES_DIR RUBRICS_DIR DATA_RUBRICS_DIR

Expected values come from the rubric XML (read here with ElementTree), never from the
program's output: the answer sheet's header and rows are the CSV template's; the rubric's
texts are locked and the answer, evidence, note and identity cells are not, under sheet
protection without a password; every yes/no and choice criterion has a list validation
whose items are the rubric's options, and every item, given as the answer, scores that
option's points; percent, number and count criteria have numeric validations with the
rubric's ranges; the header row is frozen. Then the answer sheet is filled with the
answers of one example agency (as a person would: drop-down texts, numbers as number
cells) and must score as the example CSV (total, level, every criterion's points);
again after LibreOffice converts it, when soffice is installed (else "SKIPPED"). The
XLSForm must have the sheets and columns of the spec, a question c<id> per criterion,
every select_one list in choices, and a Kobo-like export (one row, a column per
question name, some with a group path, plus _uuid, _id, …) built from the same agency's
answers with the choice names must score as the example CSV.

Needs Debian's python3-openpyxl. Exit 0 when every check passes."""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal

import openpyxl

FAILURES = []


def check(cond, what):
    if cond:
        return True
    FAILURES.append(what)
    print('FAIL ' + what)
    return False


def run(pressdx, *args, stdin=None):
    p = subprocess.run([pressdx] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=stdin)
    return p.returncode, p.stdout, p.stderr.decode('utf-8', 'replace')


# ---- the rubric, as its XML says ----------------------------------------------------

def short(points):
    """pdx_points_format_short: 3, 1.5, 0.25."""
    d = Decimal(points).quantize(Decimal('0.01'))
    s = format(d, 'f').rstrip('0').rstrip('.')
    return s if s else '0'


PRESSDX = None  # set by main: rubrics are read resolved (an edition may extend another)


def load_rubric(path):
    whole = subprocess.run([PRESSDX, 'validate', '--resolved', path], stdout=subprocess.PIPE,
                           check=True).stdout
    root = ET.fromstring(whole)
    crits, questions = [], []
    for c in root.iter('criterion'):
        crits.append({
            'id': c.get('id'), 'type': c.get('type'), 'max': c.get('max'),
            'name': c.findtext('name').strip(),
            'options': [(o.get('key'), o.text.strip(), o.get('points')) for o in c.iter('option')],
        })
    for q in root.iter('question'):
        questions.append({
            'id': q.get('id'), 'type': q.get('type'), 'name': q.findtext('name').strip(),
            'options': [(o.get('key'), o.text.strip(), None) for o in q.iter('option')],
        })
    provisional = any(e.get('status') == 'provisional' for e in root.iter())
    return {'id': root.get('id'), 'title': root.findtext('title'),
            'decision': root.findtext('decision'), 'criteria': crits,
            'questions': questions, 'provisional': provisional}


def items_of(c, scored=True):
    """What the drop-down of a choice must offer: "key = label (Nđ)", or the keys alone
    when those do not fit Excel's inline list (255 bytes of UTF-8 with the commas, a bound
    under its 255 characters; no item with a comma or a quote)."""
    if c['type'] == 'yesno':
        return ['có', 'không']
    if scored:
        full = ['%s = %s (%sđ)' % (k, label, short(p)) for k, label, p in c['options']]
    else:
        full = ['%s = %s' % (k, label) for k, label, _ in c['options']]
    fits = len(','.join(full).encode('utf-8')) <= 255 and not any(',' in i or '"' in i for i in full)
    return full if fits else [k for k, _, _ in c['options']]


# ---- the workbook ----------------------------------------------------------------------

def validation_at(ws, ref):
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            if ref in rng:
                return dv
    return None


def list_items(wb, dv):
    f = dv.formula1 or ''
    if f.startswith('"'):
        return f.strip('"').split(',')
    m = re.fullmatch(r"'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)", f.lstrip('='))
    if not m:
        return None
    ws = wb[m.group(1)]
    col = m.group(2)
    return [ws['%s%d' % (col, r)].value for r in range(int(m.group(3)), int(m.group(5)) + 1)]


def check_xlsx(pressdx, rubric, rubric_arg, tmp, label):
    path = os.path.join(tmp, 'phieu-%s.xlsx' % label)
    rc, _, err = run(pressdx, 'template', '--rubric', rubric_arg, '-f', 'xlsx', '-o', path)
    if not check(rc == 0, '%s: template -f xlsx exit %d: %s' % (label, rc, err)):
        return None
    rc, out, _ = run(pressdx, 'template', '--rubric', rubric_arg)
    table = list(csv.reader(io.StringIO(out.decode('utf-8-sig'))))
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames[0] == 'Phiếu', '%s: the answer sheet is first (%s)' % (label, wb.sheetnames))
    check('Hướng dẫn' in wb.sheetnames[1:], '%s: a cover sheet' % label)
    for name in wb.sheetnames[2:]:
        check(wb[name].sheet_state == 'hidden', '%s: sheet %s hidden' % (label, name))
    ws = wb['Phiếu']
    header = [c.value for c in ws[1]]
    check(header == table[0], '%s: header %s, CSV %s' % (label, header, table[0]))
    col = {h: i + 1 for i, h in enumerate(header)}
    check(ws.protection.sheet, '%s: answer sheet protected' % label)
    check(not ws.protection.password, '%s: no password' % label)
    check(ws.freeze_panes == 'A2', '%s: header row frozen (%s)' % (label, ws.freeze_panes))
    rows = [(c, True) for c in rubric['criteria']] + [(q, False) for q in rubric['questions']]
    check(ws.max_row == len(rows) + 1 == len(table),
          '%s: %d rows, rubric %d' % (label, ws.max_row - 1, len(rows)))
    locked_cols = ['criterion', 'question', 'answer_type', 'allowed_answers', 'max_points']
    open_cols = ['answer', 'evidence', 'note', 'agency_id', 'agency_name', 'province',
                 'owner', 'block', 'media', 'year']
    for i, (c, scored) in enumerate(rows):
        r = i + 2
        cell = lambda h: ws.cell(row=r, column=col[h])
        check(cell('criterion').value == c['id'], '%s row %d: criterion %s' % (label, r, c['id']))
        check(cell('question').value == c['name'], '%s %s: question text' % (label, c['id']))
        check(cell('answer_type').value == c['type'], '%s %s: answer type' % (label, c['id']))
        check(cell('allowed_answers').value == table[i + 1][col['allowed_answers'] - 1],
              '%s %s: allowed answers as in the CSV' % (label, c['id']))
        if scored:
            check(Decimal(str(cell('max_points').value)) == Decimal(c['max']),
                  '%s %s: max points %s' % (label, c['id'], cell('max_points').value))
        for h in locked_cols:
            check(cell(h).protection.locked, '%s %s: %s locked' % (label, c['id'], h))
        for h in open_cols:
            check(not cell(h).protection.locked, '%s %s: %s unlocked' % (label, c['id'], h))
        dv = validation_at(ws, cell('answer').coordinate)
        t = c['type']
        if t in ('yesno', 'choice'):
            if check(dv is not None and dv.type == 'list', '%s %s: list validation' % (label, c['id'])):
                check(list_items(wb, dv) == items_of(c, scored),
                      '%s %s: items %s, rubric %s' % (label, c['id'], list_items(wb, dv),
                                                       items_of(c, scored)))
        elif t == 'percent':
            check(dv is not None and dv.type == 'decimal' and dv.operator in (None, 'between') and
                  float(dv.formula1) == 0 and float(dv.formula2) == 100 and
                  '100' in (dv.prompt or ''),
                  '%s %s: percent validation 0..100' % (label, c['id']))
        elif t == 'count':
            check(dv is not None and dv.type == 'whole' and
                  dv.operator == 'greaterThanOrEqual' and float(dv.formula1) == 0 and
                  dv.prompt, '%s %s: count validation >= 0' % (label, c['id']))
        elif t == 'number':
            check(dv is not None and dv.type == 'decimal' and dv.operator in (None, 'between') and
                  float(dv.formula1) < -1e9 and float(dv.formula2) > 1e9 and dv.prompt,
                  '%s %s: number validation, negative allowed' % (label, c['id']))
        else:
            check(dv is None, '%s %s: no validation on text' % (label, c['id']))
    cover = wb['Hướng dẫn']
    text = '\n'.join(str(v) for row in cover.iter_rows(values_only=True) for v in row if v)
    check(rubric['id'] in text and rubric['title'] in text, '%s: cover names the rubric' % label)
    if rubric['decision']:
        check(rubric['decision'] in text, '%s: cover names the decision' % label)
    check(('TẠM THỜI' in text) == rubric['provisional'],
          '%s: provisional notice iff provisional content' % label)
    check('agency_id' in text and 'CÁCH ĐIỀN' in text and 'HOW TO FILL' in text,
          '%s: cover has identity cells and bilingual instructions' % label)
    check(cover.protection.sheet, '%s: cover protected' % label)
    return path


def score_json(pressdx, path):
    rc, out, err = run(pressdx, 'score', '--format', 'json', path)
    try:
        d = json.loads(out.decode('utf-8'))
    except ValueError:
        return rc, None, err
    result = []
    for a in d['agencies']:
        crits = {}
        for p in a['pillars']:
            for comp in p['components']:
                for c in comp['criteria']:
                    crits[c['id']] = (c['points'], c['status'])
        ident = tuple(a.get(k) for k in ('agency_id', 'agency_name', 'province', 'owner',
                                         'block', 'media', 'year'))
        result.append((ident, a['total'], a['level'], crits, sorted(a['unanswered'])))
    return rc, result, err


def same_score(pressdx, want_path, got_path, what):
    want, got = score_json(pressdx, want_path), score_json(pressdx, got_path)
    ok = want[0] == got[0] and want[1] is not None and want[1] == got[1]
    print('%s %s' % ('ok  ' if ok else 'FAIL', what))
    if not ok:
        FAILURES.append(what)
        print('  csv: exit %d %s\n%s\n  got: exit %d %s\n%s' % (want[0], want[1], want[2],
                                                             got[0], got[1], got[2]))
    return ok


# ---- one example agency ----------------------------------------------------------------

IDENTITY = ['agency_id', 'agency_name', 'province', 'owner', 'block', 'media', 'year']


def example_agency(examples, tmp):
    path = os.path.join(examples, 'hai-phong-2025-bao.csv')
    with open(path, encoding='utf-8-sig', newline='') as f:
        table = list(csv.reader(f))
    head, rows = table[0], [r for r in table[1:] if r and r[0] == 'HP01']
    one = os.path.join(tmp, 'HP01.csv')
    with open(one, 'w', encoding='utf-8', newline='') as f:
        csv.writer(f).writerows([head] + rows)
    return one, [dict(zip(head, r)) for r in rows]


YES = {'có', 'co', 'yes', 'y', '1', 'x', 'true'}


def option_of(c, answer):
    for k, label, p in c['options']:
        if answer == k or answer.lower() == label.lower():
            return k, label, p
    raise ValueError('%s: no option %r' % (c['id'], answer))


def as_cell(c, answer):
    """The answer as a person fills the workbook: from the drop-down, or a number."""
    if c['type'] == 'yesno':
        return 'có' if answer.lower() in YES else 'không'
    if c['type'] == 'choice':
        k, label, p = option_of(c, answer)
        return '%s = %s (%sđ)' % (k, label, short(p))
    m = re.fullmatch(r'-?\d+(,\d+)?', answer)
    if m:
        v = float(answer.replace(',', '.'))
        return int(v) if v == int(v) and ',' not in answer else v
    return answer


def fill(template, out, rubric, answers, identity_everywhere=True):
    wb = openpyxl.load_workbook(template)
    ws = wb['Phiếu']
    col = {c.value: c.column for c in ws[1]}
    by_id = {a['criterion']: a for a in answers}
    first = answers[0]
    cover = wb['Hướng dẫn']
    labels = {h: None for h in IDENTITY}
    for row in cover.iter_rows():
        for h in IDENTITY:
            if row[0].value and '(%s' % h in row[0].value:
                labels[h] = row[1]
    for h in IDENTITY:
        v = first[h]
        labels[h].value = int(v) if h == 'year' else v
    crit = {c['id']: c for c in rubric['criteria']}
    for r in range(2, ws.max_row + 1):
        cid = ws.cell(row=r, column=col['criterion']).value
        if identity_everywhere:
            for h in IDENTITY:
                v = first[h]
                ws.cell(row=r, column=col[h]).value = int(v) if h == 'year' else v
        a = by_id.get(cid)
        if a is None:
            continue
        if a['answer']:
            ws.cell(row=r, column=col['answer']).value = as_cell(crit[cid], a['answer'])
        if a.get('evidence'):
            ws.cell(row=r, column=col['evidence']).value = a['evidence']
        if a.get('note'):
            ws.cell(row=r, column=col['note']).value = a['note']
    wb.save(out)


def soffice_convert(src, outdir, home):
    env = dict(os.environ, HOME=home)
    env.pop('MALLOC_PERTURB_', None)
    p = subprocess.run(['soffice', '--headless', '--convert-to', 'xlsx', '--outdir', outdir, src],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    out = os.path.join(outdir, os.path.basename(src))
    if p.returncode != 0 or not os.path.exists(out):
        print(p.stdout.decode('utf-8', 'replace'))
        return None
    return out


def check_dropdowns_score(pressdx, rubric, tmp):
    """Every drop-down item, given as the answer, scores its option's points."""
    rows, want = [], {}
    width = max(len(items_of(c)) for c in rubric['criteria'] if c['type'] in ('yesno', 'choice'))
    for j in range(width):
        agency = 'T%d' % j
        for c in rubric['criteria']:
            if c['type'] not in ('yesno', 'choice'):
                continue
            items = items_of(c)
            if j >= len(items):
                continue
            rows.append([agency, '2025', c['id'], items[j], 'minh chứng'])
            pts = (Decimal(c['max']) if j == 0 else Decimal(0)) if c['type'] == 'yesno' \
                else Decimal(c['options'][j][2])
            want[(agency, c['id'])] = pts
    path = os.path.join(tmp, 'dropdowns.csv')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        csv.writer(f).writerows([['agency_id', 'year', 'criterion', 'answer', 'evidence']] + rows)
    rc, result, err = score_json(pressdx, path)
    got = {}
    for ident, _, _, crits, _ in result or []:
        for cid, (pts, status) in crits.items():
            if (ident[0], cid) in want:
                got[(ident[0], cid)] = Decimal(str(pts))
    check(got == want and not err.strip(),
          'every drop-down item scores its option (%d answers; stderr %r)' % (len(want), err[:300]))


# ---- XLSForm -------------------------------------------------------------------------

def check_xlsform(pressdx, rubric, rubric_arg, tmp, label):
    path = os.path.join(tmp, 'form-%s.xlsx' % label)
    rc, _, err = run(pressdx, 'template', '--rubric', rubric_arg, '-f', 'xlsform',
                     '--agency-id', 'HP01', '--year', '2025', '-o', path)
    if not check(rc == 0, '%s: template -f xlsform exit %d: %s' % (label, rc, err)):
        return None
    wb = openpyxl.load_workbook(path)
    for s in ('survey', 'choices', 'settings'):
        check(s in wb.sheetnames, '%s: XLSForm sheet %s' % (label, s))
    sv = wb['survey']
    shead = [c.value for c in sv[1]]
    for h in ('type', 'name', 'label', 'hint', 'required', 'constraint', 'constraint_message'):
        check(h in shead, '%s: survey column %s' % (label, h))
    survey = [dict(zip(shead, r)) for r in sv.iter_rows(min_row=2, values_only=True)]
    ch = wb['choices']
    chead = [c.value for c in ch[1]]
    check(chead[:3] == ['list_name', 'name', 'label'], '%s: choices columns %s' % (label, chead))
    choices = {}
    for r in ch.iter_rows(min_row=2, values_only=True):
        choices.setdefault(r[0], []).append((r[1], r[2]))
    st = wb['settings']
    settings = dict(zip([c.value for c in st[1]], [c.value for c in st[2]]))
    check(settings.get('form_title') == rubric['title'] and settings.get('form_id') and
          settings.get('version'), '%s: settings %s' % (label, settings))
    names = [q['name'] for q in survey if q['name']]
    check(len(names) == len(set(names)), '%s: unique names' % label)
    for n in names:
        check(re.fullmatch(r'[A-Za-z_][A-Za-z0-9_.-]*', n), '%s: valid name %r' % (label, n))
    depth = 0
    for q in survey:
        depth += q['type'] == 'begin_group'
        depth -= q['type'] == 'end_group'
        check(depth >= 0, '%s: groups nest' % label)
    check(depth == 0, '%s: every group ends' % label)
    check(names[names.index('agency_id'):names.index('agency_id') + 7] == IDENTITY,
          '%s: identity questions %s' % (label, IDENTITY))
    byname = {q['name']: q for q in survey if q['name']}
    check(byname['agency_id'].get('default') == 'HP01' and
          str(byname['year'].get('default')) == '2025', '%s: identity defaults' % label)
    for q in survey:
        t = (q['type'] or '').split()
        if t and t[0] == 'select_one':
            check(len(t) == 2 and t[1] in choices, '%s: list %s in choices' % (label, t))
    for c in rubric['criteria']:
        n = 'c' + c['id'].replace('.', '_')
        q = byname.get(n)
        if not check(q is not None, '%s: question %s for %s' % (label, n, c['id'])):
            continue
        check(byname.get(n + '_evidence', {}).get('type') == 'text',
              '%s: evidence question %s_evidence' % (label, n))
        t = c['type']
        if t == 'yesno':
            ok = q['type'] == 'select_one yesno' and \
                {k for k, _ in choices.get('yesno', [])} == {'co', 'khong'}
        elif t == 'choice':
            lst = q['type'].split()[1] if q['type'].startswith('select_one ') else None
            ok = lst in choices and choices[lst] == [(k, lab) for k, lab, _ in c['options']]
        elif t == 'percent':
            ok = q['type'] == 'decimal' and q['constraint'] == '. >= 0 and . <= 100'
        elif t == 'count':
            ok = q['type'] == 'integer' and q['constraint'] == '. >= 0'
        else:
            ok = q['type'] == 'decimal'
        check(ok, '%s: %s (%s) is %s %s' % (label, n, t, q['type'], q.get('constraint')))
    # the group each question is in, as Kobo writes it in the export's headers
    path_of, stack = {}, []
    for q in survey:
        if q['type'] == 'begin_group':
            stack.append(q['name'])
        elif q['type'] == 'end_group':
            stack.pop()
        elif q['name']:
            path_of[q['name']] = '/'.join(stack + [q['name']])
    return survey, choices, path_of


def kobo_export(rubric, answers, survey, path_of, out):
    """One respondent as Kobo exports it: names (choice names), group paths on every
    other pillar, the tool's own columns around."""
    crit = {c['id']: c for c in rubric['criteria']}
    by_name = {}
    first = answers[0]
    for h in IDENTITY:
        by_name[h] = first[h]
    for a in answers:
        c = crit[a['criterion']]
        n = 'c' + c['id'].replace('.', '_')
        v = a['answer']
        if c['type'] == 'yesno' and v:
            v = 'co' if v.lower() in YES else 'khong'
        elif c['type'] == 'choice' and v:
            v = option_of(c, v)[0]
        by_name[n] = v
        by_name[n + '_evidence'] = a.get('evidence', '')
    header, row = ['start', 'end'], ['2025-10-01T08:00:00.000+07:00', '2025-10-01T09:00:00.000+07:00']
    for q in survey:
        if not q['name'] or q['type'] in ('begin_group', 'end_group', 'note'):
            continue
        n = q['name']
        full = path_of[n]
        # group paths on the criteria of odd pillars, as Kobo's "group names" option does
        pillar = n[1:].split('_')[0] if re.fullmatch(r'c\d+(_\d+)+(_evidence)?', n) else ''
        header.append(full if pillar and int(pillar) % 2 else n)
        row.append(by_name.get(n, ''))
    header += ['_id', '_uuid', '_submission_time', '_index']
    row += ['12345', '0b7c5d9e-1111-2222-3333-444455556666', '2025-10-01T02:00:00', '1']
    with open(out, 'w', encoding='utf-8', newline='') as f:
        csv.writer(f).writerows([header, row])
    return header


def check_terminal(pressdx):
    """A workbook is not written onto a terminal: exit 2, advice to use -o, no bytes."""
    import pty
    for fmt in ('xlsx', 'xlsform'):
        master, slave = pty.openpty()
        p = subprocess.run([pressdx, 'template', '-f', fmt], stdout=slave,
                           stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        os.close(slave)
        written = b''
        try:
            import select
            while select.select([master], [], [], 0.2)[0]:
                chunk = os.read(master, 4096)
                if not chunk:
                    break
                written += chunk
        except OSError:
            pass
        os.close(master)
        err = p.stderr.decode('utf-8')
        check(p.returncode == 2 and '-o' in err and not written,
              'template -f %s onto a terminal refused (exit %d, %r, %d bytes)'
              % (fmt, p.returncode, err, len(written)))


def main():
    pressdx, examples, rubrics, data_rubrics = sys.argv[1:5]
    global PRESSDX
    PRESSDX = pressdx
    check_terminal(pressdx)
    with tempfile.TemporaryDirectory() as tmp:
        # the example answers are of 2025: the edition in force for 2025 is 3560-2025
        # (43 criteria, 4.2.3 max 2, 4.2.6 after 4.2.5), the one `score` picks for them
        main_rubric = load_rubric(os.path.join(rubrics, '3560-2025.xml'))
        ids = [c['id'] for c in main_rubric['criteria']]
        check(len(ids) == 43 and ids[ids.index('4.2.5') + 1] == '4.2.6' and
              {c['id']: c['max'] for c in main_rubric['criteria']}['4.2.3'] == '2',
              '3560-2025.xml: 43 criteria, 4.2.6 after 4.2.5, 4.2.3 max 2 (%d)' % len(ids))
        old_rubric = load_rubric(os.path.join(rubrics, '951-2023.xml'))
        ctx_path = os.path.join(data_rubrics, 'good-context.xml')
        ctx_rubric = load_rubric(ctx_path)
        template = check_xlsx(pressdx, main_rubric, '3560-2025', tmp, '3560-2025')
        check_xlsx(pressdx, old_rubric, '951-2023', tmp, '951-2023')
        check_xlsx(pressdx, ctx_rubric, ctx_path, tmp, 'good-context')
        check_dropdowns_score(pressdx, main_rubric, tmp)

        # prefilled identity: every row of the answer sheet holds it, as in the CSV
        pre = os.path.join(tmp, 'pre.xlsx')
        opts = ['--agency-id', 'HP09', '--name', 'Báo "Thử" = 1', '--province', 'Hải Phòng',
                '--owner', '-UBND', '--block', 'Báo', '--media', 'in|dien-tu', '--year', '2025']
        rc, _, err = run(pressdx, 'template', '-f', 'xlsx', '-o', pre, *opts)
        check(rc == 0, 'prefilled template: %s' % err)
        ws = openpyxl.load_workbook(pre, data_only=True)['Phiếu']
        want = ['HP09', 'Báo "Thử" = 1', 'Hải Phòng', '-UBND', 'Báo', 'in|dien-tu', '2025']
        bad = [r for r in range(2, ws.max_row + 1)
               if [str(ws.cell(row=r, column=i + 1).value) for i in range(7)] != want]
        check(not bad, 'prefilled identity on every row (rows %s differ)' % bad[:5])
        # without --rubric, the edition of --year 2025: 3560-2025's rows
        n = len(main_rubric['criteria']) + len(main_rubric['questions'])
        check(ws.max_row == n + 1 and
              [ws.cell(row=r, column=8).value for r in range(2, ws.max_row + 1)] ==
              [c['id'] for c in main_rubric['criteria'] + main_rubric['questions']],
              'prefilled template of --year 2025 has the rows of 3560-2025 (%d rows)'
              % (ws.max_row - 1))
        rc, out, _ = run(pressdx, 'template', *opts)
        pre_csv = os.path.join(tmp, 'pre.csv')
        with open(pre_csv, 'wb') as f:
            f.write(out)
        same_score(pressdx, pre_csv, pre, 'prefilled, unfilled xlsx scores as the CSV template')

        one, answers = example_agency(examples, tmp)
        if template:
            filled = os.path.join(tmp, 'filled.xlsx')
            fill(template, filled, main_rubric, answers)
            same_score(pressdx, one, filled, 'filled xlsx (HP01) scores as the example CSV')
            if shutil.which('soffice'):
                home = tempfile.mkdtemp(dir=tmp)
                outdir = tempfile.mkdtemp(dir=tmp)
                conv = soffice_convert(filled, outdir, home)
                if check(conv is not None, 'soffice converts the filled workbook'):
                    same_score(pressdx, one, conv,
                               'filled xlsx saved by LibreOffice scores as the example CSV')
                # identity typed once, on the cover: the answer sheet's formulas follow
                cover_only = os.path.join(tmp, 'cover-only.xlsx')
                fill(template, cover_only, main_rubric, answers, identity_everywhere=False)
                outdir2 = tempfile.mkdtemp(dir=tmp)
                conv = soffice_convert(cover_only, outdir2, home)
                if check(conv is not None, 'soffice converts the cover-only workbook'):
                    same_score(pressdx, one, conv,
                               'identity on the cover only, calculated by LibreOffice, '
                               'scores as the example CSV')
            else:
                print('SKIPPED LibreOffice conversion of the filled template: soffice is not '
                      'installed (apt-get install -y libreoffice-calc-nogui)')

        form = check_xlsform(pressdx, main_rubric, '3560-2025', tmp, '3560-2025')
        check_xlsform(pressdx, ctx_rubric, ctx_path, tmp, 'good-context')
        if form:
            survey, choices, path_of = form
            export = os.path.join(tmp, 'kobo-export.csv')
            header = kobo_export(main_rubric, answers, survey, path_of, export)
            check(any('/' in h for h in header) and any(re.fullmatch(r'c\d+(_\d+)+', h)
                                                         for h in header),
                  'the export mixes group paths and bare names')
            same_score(pressdx, one, export, 'Kobo-like export of the XLSForm scores as the '
                       'example CSV')
    if FAILURES:
        print('%d check(s) failed' % len(FAILURES))
        return 1
    print('all template checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
