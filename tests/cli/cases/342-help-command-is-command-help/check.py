# SPDX-License-Identifier: MIT
import subprocess, sys
from checklib import *

# "pressdx help CMD" prints exactly what "pressdx CMD --help" prints, for every command
with open(sys.argv[1], encoding="utf-8") as f:
    expect("help score = score --help",
           subprocess.run([env("PRESSDX"), "score", "--help"], stdout=subprocess.PIPE,
                          check=True).stdout.decode("utf-8"), f.read())
for cmd in ("template", "validate", "check", "rank", "summary", "gap", "diff", "targets",
            "rubrics", "db", "history"):
    a = subprocess.run([env("PRESSDX"), "help", cmd], stdout=subprocess.PIPE)
    b = subprocess.run([env("PRESSDX"), cmd, "--help"], stdout=subprocess.PIPE)
    expect("help %s exit status" % cmd, 0, a.returncode)
    expect("help %s = %s --help" % (cmd, cmd), b.stdout.decode("utf-8"), a.stdout.decode("utf-8"))
    # and in each language: one text, whatever way it is asked for
    for lang in ("vi", "en"):
        a = subprocess.run([env("PRESSDX"), "--lang", lang, "help", cmd], stdout=subprocess.PIPE)
        b = subprocess.run([env("PRESSDX"), cmd, "--help", "--lang", lang],
                           stdout=subprocess.PIPE)
        expect("help %s = %s --help, --lang %s" % (cmd, cmd, lang), b.stdout.decode("utf-8"),
               a.stdout.decode("utf-8"))
# an unknown command: usage error, nothing on stdout
p = subprocess.run([env("PRESSDX"), "help", "scor"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
expect("help scor exit status", 2, p.returncode)
expect("help scor stdout", b"", p.stdout)
expect("help scor names it", True, 'không có lệnh "scor"' in p.stderr.decode("utf-8"))
