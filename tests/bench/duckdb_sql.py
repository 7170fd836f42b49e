#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The pressdx scoring expressed in SQL, for DuckDB (the benchmark's comparison).

    duckdb_sql.py RUBRIC.xml ANSWERS.csv OUT.csv > score.sql

The rubric becomes tables (criterion → pillar, type, max, linear; bands as
non-overlapping intervals: a band applies when its bound is reached and the previous,
higher band's is not; options; levels); the answers file is read with read_csv, every
answer is scored and rounded to 0.01 (ROUND on DECIMAL: half away from zero), and the
per-assessment totals, levels and pillar sums are written with COPY to OUT.csv. Exact
decimal arithmetic throughout (DECIMAL, never DOUBLE)."""
import sys
import xml.etree.ElementTree as ET


def q(s):
    return "NULL" if s is None else "'" + str(s).replace("'", "''") + "'"


def sql(rubric, answers, out):
    root = ET.parse(rubric).getroot()
    crit, bands, opts = [], [], []
    pillars = [p.get("id") for p in root.findall("pillar")]
    for p in root.findall("pillar"):
        for c in p.iter("criterion"):
            cid = c.get("id")
            crit.append("(%s,%s,%s,%s,%s)" % (q(cid), q(p.get("id")), q(c.get("type")),
                                              c.get("max"),
                                              "true" if c.find("linear") is not None else "false"))
            prev = (None, None)
            for b in c.iter("band"):
                op = "ge" if b.get("ge") is not None else "gt"
                bound = b.get(op)
                bands.append("(%s,%s,%s,%s,%s,%s)" % (q(cid), q(op), bound, q(prev[0]),
                                                      prev[1] or "NULL", b.get("points")))
                prev = (op, bound)
            for o in c.findall("option"):
                opts.append("(%s,%s,%s)" % (q(cid), q(o.get("key").lower()),
                                            o.get("points") or "0"))
    # a level starts at min (reached at it) or above `above` (a strict bound: 951's
    # "trên 80")
    levels = ["(%s,%s,%s)" % (l.get("number"), l.get("min") or l.get("above"),
                              "true" if l.get("above") is not None else "false")
              for l in root.find("levels").findall("level")]
    d = "DECIMAL(18,4)"
    reached = "(b.op = 'ge' AND v.num >= b.bound OR b.op = 'gt' AND v.num > b.bound)"
    above = ("(b.pop = 'ge' AND v.num >= b.pbound OR b.pop = 'gt' AND v.num > b.pbound)")
    pillar_cols = ",\n    ".join("SUM(pts) FILTER (WHERE pillar = %s) AS pillar_%s" % (q(p), p)
                                 for p in pillars)
    stmts = [
        "SET threads = 2",
        "CREATE TABLE crit (id VARCHAR, pillar VARCHAR, typ VARCHAR, mx %s, linear BOOLEAN)" % d,
        "INSERT INTO crit VALUES " + ",".join(crit),
        "CREATE TABLE band (id VARCHAR, op VARCHAR, bound %s, pop VARCHAR, pbound %s, pts %s)"
        % (d, d, d),
        "INSERT INTO band VALUES " + ",".join(bands) if bands else "SELECT 1",
        "CREATE TABLE opt (id VARCHAR, k VARCHAR, pts %s)" % d,
        "INSERT INTO opt VALUES " + ",".join(opts) if opts else "SELECT 1",
        "CREATE TABLE lvl (num INTEGER, mn %s, strict BOOLEAN)" % d,
        "INSERT INTO lvl VALUES " + ",".join(levels),
        """COPY (
WITH a AS (
  SELECT agency_id, year, trim(criterion) AS id, trim(answer) AS ans
  FROM read_csv(%s, header = true, all_varchar = true, delim = ',', quote = '"',
                escape = '"')
  WHERE trim(coalesce(answer, '')) <> ''
),
v AS (
  SELECT a.agency_id, a.year, a.id, c.pillar, c.typ, c.mx, c.linear, a.ans,
    CASE WHEN c.typ IN ('percent', 'number', 'count')
         THEN CAST(replace(rtrim(replace(a.ans, '%%', '')), ',', '.') AS %s) END AS num
  FROM a JOIN crit c USING (id)
),
p AS (
  SELECT v.agency_id, v.year, v.pillar,
    ROUND(CASE
      WHEN v.typ = 'yesno' THEN
        CASE WHEN lower(v.ans) IN ('có', 'co', 'yes', 'y', '1', 'x', 'true') THEN v.mx
             ELSE 0 END
      WHEN v.typ = 'choice' THEN o.pts
      WHEN v.linear THEN v.mx * v.num * 0.01
      ELSE coalesce(b.pts, 0)
    END, 2) AS pts
  FROM v
  LEFT JOIN opt o ON v.typ = 'choice' AND o.id = v.id AND o.k = lower(v.ans)
  LEFT JOIN band b ON v.num IS NOT NULL AND b.id = v.id AND %s
                      AND NOT coalesce(%s, false)
),
t AS (
  SELECT agency_id, year, SUM(pts) AS total,
    %s
  FROM p GROUP BY agency_id, year
)
SELECT agency_id, year, printf('%%.2f', total) AS total,
  (SELECT max(num) FROM lvl WHERE (NOT lvl.strict AND lvl.mn <= t.total)
                               OR (lvl.strict AND lvl.mn < t.total)) AS level,
  %s
FROM t ORDER BY agency_id, year
) TO %s (FORMAT csv, HEADER)""" % (q(answers), d, reached, above, pillar_cols,
                                      ", ".join("printf('%%.2f', pillar_%s) AS pillar_%s" % (p, p)
                                                for p in pillars), q(out)),
    ]
    return ";\n".join(stmts) + ";\n"


RUNNER = r"""// Runs a .sql file in DuckDB (npm @duckdb/node-api), one statement at a time.
const fs = require('fs');
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await instance.connect();
  const stmts = fs.readFileSync(process.argv[2], 'utf8').split(';\n').filter(s => s.trim());
  for (const s of stmts) await con.run(s);
})().catch(e => { console.error(e); process.exit(1); });
"""


def main():
    sys.stdout.write(sql(sys.argv[1], sys.argv[2], sys.argv[3]))


if __name__ == "__main__":
    main()
