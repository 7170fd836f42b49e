# SPDX-License-Identifier: MIT
import sys
from checklib import *


raw, doc = load_json(sys.argv[1])
expect("plan id", "tay-ninh", doc["plan"]["id"])
expect("year", D(2025), doc["year"])
check_indicators(doc, [
    ("platforms", 2025, "66.6", 3, 2, "66.67", True, True, ["TN03"]),
    ("ai-platform", 2025, "66.6", 3, 1, "33.33", False, True, ["TN01", "TN03"]),
    ("digital-trends", 2025, "66.6", 3, 3, 100, True, True, []),
    ("revenue-growth", 2025, "33.3", 3, 1, "33.33", True, True, ["TN01", "TN03"]),
    ("staff-trained", 2025, 100, 3, 1, "33.33", False, True, ["TN02", "TN03"]),
    ("security-level3", 2025, "33.3", 3, 1, "33.33", True, True, ["TN02", "TN03"]),
])
