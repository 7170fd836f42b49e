# SPDX-License-Identifier: MIT
import os, re, sys
from checklib import *

with open(os.path.join(env("ROOT"), "meson.build"), encoding="utf-8") as f:
    version = re.search(r"version\s*:\s*'([^']+)'", f.read()).group(1)
with open(sys.argv[1], encoding="utf-8") as f:
    expect("--version output", "pressdx %s\n" % version, f.read())
