import sys
from checklib import *

with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().splitlines()
# PRESSDX_RUBRIC_DIR is the source rubrics/ folder, which holds one rubric; an id found
# in several folders is listed once.
expect("rubric lines", 1, sum(1 for l in lines if l.startswith("951-2023 ")))
