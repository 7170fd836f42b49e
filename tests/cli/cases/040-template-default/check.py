# SPDX-License-Identifier: MIT
import sys
import re
from checklib import *

# Year 2025 (or later, or no --year) and no --rubric: the edition in force, 3560-2025
# (checklib.CRITERIA_3560: 43 criteria).
with open(sys.argv[1], "rb") as f:
    check_template(f.read())
