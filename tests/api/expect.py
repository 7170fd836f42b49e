#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""expect.py EXPECTED_STDOUT -- COMMAND ARGS...: runs the command, which must exit 0 and
print exactly EXPECTED_STDOUT (a newline added), else prints both and fails."""
import subprocess
import sys


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    want = argv[1] + "\n"
    p = subprocess.run(argv[3:], capture_output=True)
    got = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0 or got != want:
        print("command: %s\nexit status %d\nexpected:\n%sprinted:\n%sstderr:\n%s" %
              (" ".join(argv[3:]), p.returncode, want, got,
               p.stderr.decode("utf-8", "replace")))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
