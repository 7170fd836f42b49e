# SPDX-License-Identifier: MIT
import hashlib, os, sqlite3, sys
from checklib import *

db = sqlite3.connect(os.path.join(env("TMP"), "h.sqlite"))
q = lambda sql: db.execute(sql).fetchall()
# the schema: version 2, pressdx's application id ('PDX1'), WAL, STRICT tables
expect("user_version", [(2,)], q("PRAGMA user_version"))
expect("application_id", [(0x50445831,)], q("PRAGMA application_id"))
expect("journal_mode", [("wal",)], q("PRAGMA journal_mode"))
for t in ("rubric", "source", "assessment", "pillar_points", "answer", "agency_alias"):
    sql = q("SELECT sql FROM sqlite_schema WHERE name = '%s'" % t)[0][0]
    if not sql.rstrip().endswith("STRICT"):
        fail(t + " is not STRICT")
expect("foreign keys intact", [], q("PRAGMA foreign_key_check"))
# each year with its edition; totals in hundredths from examples/EXPECTED-2.md (2024)
# and EXPECTED.md (2025)
expect("assessments", [
    ("HP01", 2024, "1827-2024", 7510, 3), ("HP01", 2025, "3560-2025", 8432, 4),
    ("HP02", 2024, "1827-2024", 5085, 2), ("HP02", 2025, "3560-2025", 5750, 2),
    ("HP03", 2024, "1827-2024", 8541, 4), ("HP04", 2024, "1827-2024", 6653, 3),
    ("HP05", 2024, "1827-2024", 3883, 1)],
    q("SELECT a.agency_id, a.year, r.rubric_id, a.total, a.level FROM assessment a JOIN rubric r "
      "ON r.id = a.rubric WHERE a.stage = 'self' AND a.superseded_at IS NULL ORDER BY 1, 2"))
# HP01 2024's pillars (EXPECTED-2.md): 14.10 19.00 16.00 15.00 11.00
expect("HP01 2024 pillars", [("1", 1410), ("2", 1900), ("3", 1600), ("4", 1500), ("5", 1100)],
       q("SELECT p.pillar, p.points FROM pillar_points p JOIN assessment a ON a.id = p.assessment "
         "WHERE a.agency_id = 'HP01' AND a.year = 2024 ORDER BY 1"))
# every criterion of each edition (43) has its row, answered or not
expect("answer rows", [(7 * 43,)], q("SELECT count(*) FROM answer"))
# the source files: name and SHA-256 of their bytes
for name in ("hai-phong-2024.csv", "hai-phong-2025-bao.csv"):
    path = os.path.join(env("EXAMPLES"), name)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    expect(name + " source", [(digest,)], q("SELECT sha256 FROM source WHERE name = '%s'" % path))
# the editions stored whole (resolved: no extends=), once each
expect("rubrics", [("1827-2024",), ("3560-2025",)], q("SELECT rubric_id FROM rubric ORDER BY 1"))
if any("extends=" in x for (x,) in q("SELECT xml FROM rubric")):
    fail("a stored rubric is not resolved")
