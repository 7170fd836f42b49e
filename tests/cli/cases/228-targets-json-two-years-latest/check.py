# SPDX-License-Identifier: MIT
import sys
from checklib import *


raw, doc = load_json(sys.argv[1])
expect("year", D(2025), doc["year"])
check_indicators(doc, [
    ("platforms", 2025, "66.6", 3, 2, "66.67", True, True, ["P3"]),
    ("ai-platform", 2025, "66.67", 3, 2, "66.67", False, True, ["P3"]),
    ("security-level3", 2025, 100, 2, 1, 50, False, True, ["P2"]),
    ("revenue-growth", 2025, 50, 3, 2, "66.67", True, True, ["P3"]),
    ("staff-trained", 2025, 100, 3, 2, "66.67", False, True, ["P3"]),
    ("digital-trends", 2030, 100, 3, 2, "66.67", False, True, ["P2"]),
    ("essential-articles", None, None, 3, 1, "33.33", None, True, ["P2", "P3"]),
    ("self-financing", 2030, 50, 3, None, None, None, False, []),
    ("remote-reach", 2025, 30, 3, None, None, None, False, []),
])
