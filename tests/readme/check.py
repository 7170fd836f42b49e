#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every command output shown in README.md is checked against the real program.

    check.py PRESSDX README.md

A fenced block whose lines start with "$ " is a terminal session: each "$ CMD" line is
run (with bash, `build/cli/pressdx` standing for PRESSDX) in a scratch folder that sees
the repository's examples/, rubrics/ and tests/, with stderr then stdout as a terminal
shows them (the program writes its report at the end), and the lines below it must be
what it printed:

  - a line "..." (any indentation) stands for any number of lines;
  - a line ending in " (...)" stands for a line that starts with what comes before;
  - "$ echo $?" is followed by the exit status of the command before.

Paths print relative to the repository. An HTML comment `<!-- check: setup CMD -->` just
before a block runs CMD in the scratch folder first; `<!-- check: skip REASON -->`
skips the block. Exits 1 with a diff-like report of each block that differs."""
import os
import re
import subprocess
import sys
import tempfile


def blocks(text):
    """(line number, setup commands, skip, lines) of each terminal block."""
    lines = text.split('\n')
    out, i, pending = [], 0, []
    while i < len(lines):
        m = re.match(r'<!-- check: (setup|skip) ?(.*?) -->', lines[i])
        if m:
            pending.append((m.group(1), m.group(2)))
            i += 1
            continue
        if lines[i].startswith('```'):
            j = i + 1
            while j < len(lines) and not lines[j].startswith('```'):
                j += 1
            body = lines[i + 1:j]
            first = next((l for l in body if l.strip()), '')
            if first.startswith('$ '):
                out.append((i + 2, [c for k, c in pending if k == 'setup'],
                            any(k == 'skip' for k, _ in pending), body))
            pending = []
            i = j + 1
            continue
        if lines[i].strip():
            pending = []
        i += 1
    return out


def matches(expected, actual):
    """Whether the expected lines (with "..." and " (...)") match the actual ones."""
    if not expected:
        return not actual
    e = expected[0]
    if e.strip() == '...':
        return any(matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    if not actual:
        return False
    a = actual[0]
    if e.endswith(' (...)'):
        ok = a.startswith(e[:-len(' (...)')] + ' (')
    else:
        ok = a.rstrip() == e.rstrip()
    return ok and matches(expected[1:], actual[1:])


def main():
    pressdx, readme = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    root = os.path.dirname(readme)
    text = open(readme, encoding='utf-8').read()
    failures = checked = 0
    for start, setup, skip, body in blocks(text):
        if skip:
            continue
        with tempfile.TemporaryDirectory() as work:
            for d in ('examples', 'rubrics', 'tests'):
                os.symlink(os.path.join(root, d), os.path.join(work, d))
            env = {k: v for k, v in os.environ.items() if not k.startswith('PRESSDX_')}
            for c in setup:
                subprocess.run(['bash', '-c', c], cwd=work, env=env, check=True)
            status = None
            i = 0
            while i < len(body):
                line = body[i]
                if not line.startswith('$ '):
                    i += 1
                    continue
                cmd = line[2:]
                j = i + 1
                while j < len(body) and not body[j].startswith('$ '):
                    j += 1
                expected = body[i + 1:j]
                while expected and not expected[-1].strip():
                    expected.pop()
                if cmd.strip() == 'echo $?':
                    actual = [str(status)]
                else:
                    run = cmd.replace('build/cli/pressdx', pressdx)
                    p = subprocess.run(['bash', '-o', 'pipefail', '-c', run + ' 2>&1'],
                                       cwd=work, env=env, stdout=subprocess.PIPE)
                    status = p.returncode
                    out = p.stdout.decode('utf-8', 'replace')
                    out = out.replace(os.path.realpath(work) + '/', '').replace(work + '/', '')
                    out = out.replace(root + '/', '').replace('\ufeff', '')
                    actual = out.split('\n')
                    while actual and not actual[-1].strip():
                        actual.pop()
                checked += 1
                if not matches(expected, actual):
                    failures += 1
                    print('README.md:%d: "$ %s" printed:' % (start + i, cmd))
                    for a in actual[:60]:
                        print('    | ' + a)
                    print('  where the README shows:')
                    for e in expected:
                        print('    > ' + e)
                i = j
    print('%d commands of README.md checked, %d differ' % (checked, failures))
    # every image the README shows is in the repository
    images = re.findall(r'!\[[^\]]*\]\(([^)\s]+)\)', text)
    missing = [m for m in images
               if not os.path.isfile(os.path.join(os.path.dirname(os.path.abspath(readme)), m))]
    for m in missing:
        print('README.md shows an image that is not there: %s' % m)
    print('%d images of README.md checked, %d missing' % (len(images), len(missing)))
    return 1 if failures or missing else 0


if __name__ == '__main__':
    sys.exit(main())
