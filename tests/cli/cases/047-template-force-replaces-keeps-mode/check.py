# SPDX-License-Identifier: MIT
import os
import re
from checklib import *

# Year 2025 (or later, or no --year) and no --rubric: the edition in force, 3560-2025
# (checklib.CRITERIA_3560: 43 criteria).
with open(os.path.join(env("TMP"), "phieu.csv"), "rb") as f:
    check_template(f.read(), ("HP10", "", "", "", "", "", "2026"))
