# SPDX-License-Identifier: MIT
import sys
from checklib import *

with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().splitlines()
# the source tree's 951-2023.xml comes later in the search order: not listed
expect("lines for 951-2023", 1, sum(1 for l in lines if l.startswith("951-2023 ")))
