# SPDX-License-Identifier: MIT
import sys
from checklib import *

raw, doc = load_json(sys.argv[1])
check_points_text(raw)
WANT = {
    "HP01": ("75.1", 3, "84.32", 4, "9.22", [
        ("1.1.3", "70", "86,5", "2.1", "2.6"), ("2.2.1", "1-2", "3+", "2", "4"),
        ("3.1.1", "partial", "full", "2", "4"), ("3.2.1", "75", "93", "3", "3.72"),
        ("4.1.2", "21,8", "24,3", "3", "3"), ("4.2.4", "không", "có", "0", "2"),
        ("5.1.2", "không", "có", "0", "2")]),
    "HP02": ("50.85", 2, "57.5", 2, "6.65", [
        ("1.2.2", "-3", "5", "0", "1"), ("2.2.3", "không", "có", "0", "2"),
        ("3.2.1", "30", "46,25", "1.2", "1.85"), ("4.1.5", "12", "15", "0", "1"),
        ("5.1.1", "không", "có", "0", "2")]),
    "HP03": ("85.41", 4, "92.62", 5, "7.21", [
        ("1.1.3", "85", "92", "2.55", "2.76"), ("1.2.2", "14", "22", "2", "3"),
        ("4.1.5", "19", "21", "1", "2"), ("4.2.3", "không", "có", "0", "2"),
        ("4.2.6", "không", "có", "0", "1"), ("5.1.4", "không", "có", "0", "2")]),
    "HP04": ("66.53", 3, "72.03", 3, "5.5", [
        ("2.1.4", "không", "có", "0", "2"), ("3.2.1", "60", "72,5", "2.4", "2.9"),
        ("4.1.3", "45", "52", "2", "3"), ("5.1.2", "không", "có", "0", "2")]),
    "HP05": ("38.83", 1, "37.68", 1, "-1.15", [
        ("1.1.3", "50", "45", "1.5", "1.35"), ("1.2.2", "6", "-4", "1", "0"),
        ("2.1.6", "có", "không", "2", "0"), ("4.2.4", "không", "có", "0", "2")]),
}
expect("agencies", sorted(WANT), sorted(a["agency_id"] for a in doc["agencies"]))
for a in doc["agencies"]:
    b, bl, af, al, delta, changes = WANT[a["agency_id"]]
    i = a["agency_id"]
    expect(i + " before", (D(b), D(bl)), (a["before"]["total"], a["before"]["level"]))
    expect(i + " after", (D(af), D(al)), (a["after"]["total"], a["after"]["level"]))
    expect(i + " delta", D(delta), a["delta"])
    expect(i + " changes", [(c, x, y, D(p), D(q)) for c, x, y, p, q in changes],
           [(c["criterion"], c["before_answer"], c["after_answer"], c["before_points"],
             c["after_points"]) for c in a["changes"]])
expect("changes in all", 26, sum(len(a["changes"]) for a in doc["agencies"]))
expect("only before/after", ([], []), (doc["only_before"], doc["only_after"]))
# each side names the edition of its year: 2024 → 1827-2024, 2025 → 3560-2025
for a in doc["agencies"]:
    expect(a["agency_id"] + " editions", ("1827-2024", "3560-2025"),
           (a["before"]["rubric_id"], a["after"]["rubric_id"]))
