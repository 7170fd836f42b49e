#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The wide layout that survey tools export scores exactly as the template's long one.

    check.py PRESSDX EXAMPLES_DIR

Each valid example (a row per answer) is turned into the wide layout (a row per agency
and year, a column per criterion) the way Kobo/ODK, LimeSurvey and the Forms export it:
criterion columns named every way the README allows ("1.1.1", XLSForm "c1_1_1" in any
case, behind a group path "grp_1/"), evidence columns as "evidence_ID" and "ID_evidence",
the tools' own columns (start, end, _uuid, _submission_time) around them, and the
template's note column left out. The evidence of every seventh answer is taken out of
both (so that `--require-evidence` changes points, and the evidence columns must be
read to score alike). Both files are scored with `score --format csv`, with and without
`--require-evidence`: the outputs (total, level, every pillar, the error count of every
agency) must be identical byte for byte, and the wide file must be read as such (as many
agencies as the long)."""
import csv
import io
import os
import subprocess
import sys
import tempfile

EXAMPLES = ['hai-phong-2024.csv', 'hai-phong-2025-bao.csv', 'hai-phong-2025-dai-tapchi.csv',
            'tay-ninh-2025.csv']
IDENTITY = ['agency_id', 'agency_name', 'province', 'owner', 'block', 'media', 'year']


def name_of(crit, k):
    """The k-th criterion's column, named in turn each way a survey tool may name it."""
    xls = 'c' + crit.replace('.', '_')
    return [crit, 'grp_%s/%s' % (crit.split('.')[0], xls), xls.upper(), xls][k % 4]


def evidence_of(crit, k):
    return ['evidence_' + crit, crit + '_evidence',
            'grp_1/evidence_c' + crit.replace('.', '_'),
            'c' + crit.replace('.', '_') + '_evidence'][k % 4]


def thin(path, to):
    """The long file with the evidence of every seventh answer taken out, at `to`."""
    reader = csv.DictReader(open(path, encoding='utf-8-sig', newline=''))
    rows = list(reader)
    for k, r in enumerate(rows):
        if k % 7 == 3:
            r['evidence'] = ''
    with open(to, 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, fieldnames=reader.fieldnames, lineterminator='\r\n')
        w.writeheader()
        w.writerows(rows)


def widen(path):
    rows = list(csv.DictReader(open(path, encoding='utf-8-sig', newline='')))
    crits, agencies, last = [], {}, {}
    for r in rows:
        # a blank identity cell takes the value of the row above (the long layout's rule)
        for f in IDENTITY:
            if (r.get(f) or '').strip():
                last[f] = r[f]
            elif f != 'agency_id':
                r[f] = last.get(f, '')
        key = (r['agency_id'], r['year'])
        a = agencies.setdefault(key, {'id': {f: r[f] for f in IDENTITY}, 'ans': {}})
        if r['criterion'] not in crits:
            crits.append(r['criterion'])
        assert r['criterion'] not in a['ans'], 'a duplicate in %s' % path
        a['ans'][r['criterion']] = (r['answer'], r.get('evidence', ''))
    header = ['start', 'end'] + IDENTITY
    for k, c in enumerate(crits):
        header += [name_of(c, k), evidence_of(c, k)]
    header += ['_uuid', '_submission_time']
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\r\n')
    w.writerow(header)
    for n, a in enumerate(agencies.values()):
        line = ['2025-10-01T08:00', '2025-10-01T09:30'] + [a['id'][f] for f in IDENTITY]
        for c in crits:
            line += list(a['ans'].get(c, ('', '')))
        line += ['uuid-%d' % n, '2025-10-01T09:31']
        w.writerow(line)
    return out.getvalue(), len(agencies)


def score(pressdx, path, *opts):
    p = subprocess.run([pressdx, 'score', '--format', 'csv', *opts, path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode('utf-8')


def main():
    pressdx, examples = sys.argv[1], sys.argv[2]
    failures, evidence_counted = 0, False
    with tempfile.TemporaryDirectory() as tmp:
        for name in EXAMPLES:
            long_path = os.path.join(tmp, 'long-' + name)
            thin(os.path.join(examples, name), long_path)
            text, n = widen(long_path)
            wide_path = os.path.join(tmp, 'wide-' + name)
            open(wide_path, 'w', encoding='utf-8').write(text)
            plain = None
            for opts in ([], ['--require-evidence']):
                rc_l, out_l = score(pressdx, long_path, *opts)
                rc_w, out_w = score(pressdx, wide_path, *opts)
                agencies = len(out_w.strip().split('\n')) - 1
                ok = rc_l == rc_w and out_l == out_w and agencies == n
                print('%s %s %s: %d agencies, exit %d/%d' % ('ok  ' if ok else 'FAIL', name,
                                                            ' '.join(opts), n, rc_l, rc_w))
                if not ok:
                    failures += 1
                    print('  long:\n' + out_l + '  wide:\n' + out_w)
                if plain is None:
                    plain = out_l
                elif out_l != plain:
                    evidence_counted = True
    if not evidence_counted:
        print('FAIL no example scored differently with --require-evidence: the evidence '
              'columns were not put to the test')
        failures += 1
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
