# SPDX-License-Identifier: MIT
import sys
from checklib import *


raw, doc = load_json(sys.argv[1])
expect("year", D(2030), doc["year"])
check_indicators(doc, [
    ("platforms", 2030, 100, 3, 2, "66.67", False, True, ["P3"]),
    ("ai-platform", None, None, 3, 2, "66.67", None, True, ["P3"]),
    ("security-level3", None, None, 2, 1, 50, None, True, ["P2"]),
    ("revenue-growth", 2030, 50, 3, 1, "33.33", False, True, ["P1", "P3"]),
    ("staff-trained", None, None, 3, 2, "66.67", None, True, ["P3"]),
    ("digital-trends", 2030, 100, 3, 2, "66.67", False, True, ["P2"]),
    ("essential-articles", None, None, 3, 1, "33.33", None, True, ["P2", "P3"]),
    ("self-financing", 2030, 50, 3, None, None, None, False, []),
    ("remote-reach", None, None, 3, None, None, None, False, []),
])
