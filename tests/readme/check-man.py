#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-man.py PRESSDX MAN_DIR: every option a command's --help lists is documented in
its manual page: the English help (--lang en) in MAN_DIR/pressdx-CMD.1.scd, the
Vietnamese help (--lang vi) in MAN_DIR/vi/pressdx-CMD.1.scd, and every command has both pages; so a new option
cannot reach --help without reaching the manual."""
import os
import re
import subprocess
import sys

COMMANDS = ["score", "template", "validate", "check", "rank", "summary", "gap", "diff",
            "targets", "rubrics", "db", "history"]
OPTION = re.compile(r"(?:^|[\[\] ,|(])(--[a-z][a-z-]*)")


def main(argv):
    pressdx, man_dir = argv[1], argv[2]
    problems = []
    for cmd in COMMANDS:
        # the English help against the English page, the Vietnamese against the
        # Vietnamese one: each text names its options itself
        for lang, lang_dir in (("en", man_dir), ("vi", os.path.join(man_dir, "vi"))):
            help_text = subprocess.run([pressdx, "--lang", lang, cmd, "--help"],
                                       stdout=subprocess.PIPE,
                                       check=True).stdout.decode("utf-8")
            options = sorted(set(OPTION.findall(help_text)))
            page = os.path.join(lang_dir, "pressdx-%s.1.scd" % cmd)
            if not os.path.exists(page):
                problems.append("%s: missing" % page)
                continue
            text = open(page, encoding="utf-8").read()
            for opt in options:
                if not re.search(re.escape(opt) + r"(?![a-z-])", text):
                    problems.append("%s: %s of \"pressdx --lang %s %s --help\" is not "
                                    "documented" % (page, opt, lang, cmd))
    for p in problems:
        print(p)
    if not problems:
        print("%d commands: every --help option in both manual pages" % len(COMMANDS))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
