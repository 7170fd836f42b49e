/* SPDX-License-Identifier: MIT */
/* The history store (engine/history.c, report_history.c): import, replace and
 * supersede; the self-assessment and the appraised version side by side; all or
 * nothing; two imports racing; an import killed at random points; read-only, damaged,
 * foreign and newer databases; the integrity checks; the report's totals and changes,
 * worked out from examples/EXPECTED.md and EXPECTED-2.md. */
#include <json-c/json.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/pdx-history-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *db_file(const char *name)
{
	char *p = unit_path(dir, name);
	char *rm = pdx_aprintf("rm -f '%s' '%s-wal' '%s-shm'", p, p, p);
	assert_int_equal(system(rm), 0);
	free(rm);
	return p;
}

static pdx_history *open_rw(const char *path)
{
	pdx_diags *d = pdx_diags_new();
	pdx_history *h = NULL;
	int rc = pdx_history_open(&h, path, PDX_HISTORY_CREATE, d);
	if (rc)
		unit_dump_diags(path, d);
	assert_int_equal(rc, 0);
	pdx_diags_free(d);
	return h;
}

/* One SQL number from the database, read by SQLite directly (not through pressdx). */
static long long sql_num(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	/* read-write, not created: a connection after a killed writer may have to recover
	 * the write-ahead log, which a read-only one cannot do everywhere */
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static pdx_history_counts import(pdx_history *h, const unit_scored *s, pdx_stage stage,
                                 long long now)
{
	pdx_history_counts c;
	pdx_diags *d = pdx_diags_new();
	int rc = pdx_history_import(h, s->res, s->n, stage, now, &c, d);
	if (rc)
		unit_dump_diags("import", d);
	assert_int_equal(rc, 0);
	pdx_diags_free(d);
	return c;
}

static void expect_counts(pdx_history_counts c, size_t added, size_t replaced, size_t same,
                          size_t skipped)
{
	assert_int_equal(c.added, added);
	assert_int_equal(c.replaced, replaced);
	assert_int_equal(c.unchanged, same);
	assert_int_equal(c.skipped, skipped);
}

static const char *const P2024[] = {EXAMPLES_DIR "/hai-phong-2024.csv", NULL};
static const char *const P2025[] = {EXAMPLES_DIR "/hai-phong-2025-bao.csv", NULL};

/* HP01 2025 with 4.2.6 (1 point) answered "có" with evidence instead of "không". */
static char *hp01_changed(void)
{
	size_t len;
	char *csv = unit_slurp(EXAMPLES_DIR "/hai-phong-2025-bao.csv", &len);
	static const char from[] = ",2025,4.2.6,không,,", to[] = ",2025,4.2.6,có,BB,";
	char *line = strstr(csv, "\nHP01,");
	assert_non_null(line);
	char *row = strstr(line, from);
	assert_non_null(row);
	assert_true(strlen(to) < strlen(from));
	memmove(row + strlen(to), row + strlen(from), strlen(row + strlen(from)) + 1);
	memcpy(row, to, strlen(to));
	return csv;
}

static void test_import_replace_supersede(void **state)
{
	(void)state;
	char *path = db_file("a.sqlite");
	pdx_rubric *r24 = unit_load_rubric("1827-2024.xml"),
	           *r25 = unit_load_rubric("3560-2025.xml");
	unit_scored s24 = unit_score(r24, P2024, NULL, NULL),
	            s25 = unit_score(r25, P2025, NULL, NULL);
	pdx_history *h = open_rw(path);
	expect_counts(import(h, &s24, PDX_STAGE_SELF, 1000), 5, 0, 0, 0);
	expect_counts(import(h, &s25, PDX_STAGE_SELF, 2000), 2, 0, 0, 0);
	/* the identical file again: nothing changes, not even a source row */
	long long sources = sql_num(path, "SELECT count(*) FROM source");
	expect_counts(import(h, &s25, PDX_STAGE_SELF, 3000), 0, 0, 2, 0);
	assert_int_equal(sql_num(path, "SELECT count(*) FROM source"), sources);
	assert_int_equal(sql_num(path, "SELECT count(*) FROM assessment"), 7);
	/* the rubric XML is stored once per edition */
	assert_int_equal(sql_num(path, "SELECT count(*) FROM rubric"), 2);

	/* HP01 2025 corrected (4.2.6): replaced, the first version kept as superseded */
	char *csv = hp01_changed();
	unit_scored fixed = unit_score(r25, NULL, csv, NULL);
	expect_counts(import(h, &fixed, PDX_STAGE_SELF, 4000), 0, 1, 1, 0);
	assert_int_equal(sql_num(path, "SELECT count(*) FROM assessment WHERE agency_id = 'HP01' "
	                               "AND year = 2025"),
	                 2);
	/* 84.32 + 1.00 (4.2.6) = 85.32, imported at 4000; the old 84.32 superseded at 4000 by
	 * it, its own import time (2000) kept */
	assert_int_equal(sql_num(path, "SELECT total FROM assessment WHERE agency_id = 'HP01' AND "
	                               "year = 2025 AND superseded_at IS NULL"),
	                 8532);
	assert_int_equal(sql_num(path, "SELECT imported_at * 10000 + superseded_at FROM assessment "
	                               "WHERE agency_id = 'HP01' AND year = 2025 AND total = 8432"),
	                 2000 * 10000LL + 4000);
	assert_int_equal(sql_num(path, "SELECT count(*) FROM assessment o JOIN assessment n ON "
	                               "n.id = o.superseded_by WHERE n.total = 8532 AND o.total = "
	                               "8432"),
	                 1);

	/* the appraised version sits beside the self-assessment */
	expect_counts(import(h, &s25, PDX_STAGE_APPRAISED, 5000), 2, 0, 0, 0);
	assert_int_equal(
	    sql_num(path, "SELECT count(*) FROM assessment WHERE superseded_at IS NULL"), 9);
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_history_check(h, d), 0);
	assert_int_equal(pdx_diags_count(d), 0);
	pdx_diags_free(d);
	pdx_history_close(h);
	unit_scored_free(&fixed);
	free(csv);
	unit_scored_free(&s24);
	unit_scored_free(&s25);
	pdx_rubric_free(r24);
	pdx_rubric_free(r25);
	free(path);
}

static json_object *member(json_object *o, const char *k)
{
	json_object *v = NULL;
	assert_true(json_object_object_get_ex(o, k, &v));
	return v;
}

/* A JSON number of points, exactly, in hundredths (as its text: "75.1", "80"). */
static long long hundredths_of(const char *t)
{
	long long whole = 0, frac = 0, scale = 100;
	bool neg = *t == '-';
	t += neg;
	while (*t >= '0' && *t <= '9')
		whole = whole * 10 + (*t++ - '0');
	if (*t == '.')
		for (t++; *t >= '0' && *t <= '9' && scale > 1; t++)
			scale /= 10, frac += (*t - '0') * scale;
	return neg ? -(whole * 100 + frac) : whole * 100 + frac;
}

static long long hundredths(json_object *v)
{
	return hundredths_of(json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN));
}

/* The report, HP01 over three years and three editions: totals from
 * examples/EXPECTED.md (2023: 80.00, 2025: 84.32) and EXPECTED-2.md (2024: 75.10); the
 * appraised 2025 preferred to the self-assessment when both are there. */
static void test_report(void **state)
{
	(void)state;
	char *path = db_file("r.sqlite");
	pdx_rubric *r23 = unit_load_rubric("951-2023.xml"),
	           *r24 = unit_load_rubric("1827-2024.xml"),
	           *r25 = unit_load_rubric("3560-2025.xml");
	static const char *const P2023[] = {EXAMPLES_DIR "/hai-phong-2023.csv", NULL};
	unit_scored s23 = unit_score(r23, P2023, NULL, NULL),
	            s24 = unit_score(r24, P2024, NULL, NULL),
	            s25 = unit_score(r25, P2025, NULL, NULL);
	char *csv = hp01_changed();
	unit_scored fixed = unit_score(r25, NULL, csv, NULL);
	pdx_history *h = open_rw(path);
	import(h, &s23, PDX_STAGE_SELF, 1);
	import(h, &s24, PDX_STAGE_SELF, 2);
	import(h, &s25, PDX_STAGE_SELF, 3);
	import(h, &fixed, PDX_STAGE_APPRAISED, 4); /* the council found 4.2.6: 85.32 */
	pdx_history_query q = {"HP01", NULL, NULL, PDX_HISTORY_BY_AGENCY};
	char *out;
	size_t len;
	assert_int_equal(pdx_history_report(&out, &len, h, &q, PDX_FORMAT_JSON, NULL), 0);
	json_object *root = json_tokener_parse(out);
	assert_non_null(root);
	json_object *groups = member(root, "groups");
	assert_int_equal(json_object_array_length(groups), 1);
	json_object *years = member(json_object_array_get_idx(groups, 0), "years");
	assert_int_equal(json_object_array_length(years), 3);
	static const struct {
		int year;
		const char *stage, *rubric, *total, *change;
		int level;
	} want[] = {{2023, "self", "951-2023", "80.00", NULL, 4},
	            {2024, "self", "1827-2024", "75.10", "-4.90", 3},
	            {2025, "appraised", "3560-2025", "85.32", "10.22", 4}};
	for (size_t i = 0; i < 3; i++) {
		json_object *y = json_object_array_get_idx(years, i);
		assert_int_equal(json_object_get_int(member(y, "year")), want[i].year);
		assert_string_equal(json_object_get_string(member(y, "stage")), want[i].stage);
		assert_string_equal(json_object_get_string(member(y, "rubric_id")), want[i].rubric);
		assert_int_equal(hundredths(member(y, "total")), hundredths_of(want[i].total));
		assert_int_equal(json_object_get_int(member(y, "level")), want[i].level);
		json_object *c = member(y, "change");
		if (want[i].change)
			assert_int_equal(hundredths(c), hundredths_of(want[i].change));
		else
			assert_null(c);
	}
	json_object_put(root);
	free(out);

	/* per province: 2023 (80.00 + 80.01 + 70 + 60 + 59.99) / 5 = 70.00; 2024 316.72 / 5
	 * = 63.344 → 63.34; 2025 HP01 appraised 85.32 and HP02 57.50: 142.82 / 2 = 71.41 */
	pdx_history_query qp = {NULL, NULL, NULL, PDX_HISTORY_BY_PROVINCE};
	assert_int_equal(pdx_history_report(&out, &len, h, &qp, PDX_FORMAT_CSV, NULL), 0);
	assert_non_null(strstr(out, "2023,951-2023,5,70.00,,59.99,80.01"));
	/* a cell that starts with '-' is neutralised for Excel, as in every CSV of pressdx */
	assert_non_null(strstr(out, "2024,1827-2024,5,63.34,\"'-6.66\",38.83,85.41"));
	assert_non_null(strstr(out, "2025,3560-2025,2,71.41,8.07,57.50,85.32"));
	free(out);

	/* text: the newest edition (3560) heads the report with its notice; each other
	 * edition the years use has its notice under it, once */
	assert_int_equal(pdx_history_report(&out, &len, h, &q, PDX_FORMAT_TEXT, NULL), 0);
	assert_non_null(strstr(out, "Bộ chỉ số (rubric): 3560-2025"));
	for (size_t i = 0; i < 2; i++) {
		static const char *const other[] = {"\nBộ chỉ số 951-2023: LƯU Ý",
		                                    "\nBộ chỉ số 1827-2024: LƯU Ý"};
		const char *at = strstr(out, other[i]);
		assert_non_null(at);
		assert_null(strstr(at + 1, other[i]));
	}
	assert_null(strstr(out, "Bộ chỉ số 3560-2025: LƯU Ý"));
	free(out);

	/* in English (issue 12, §4): the same report, its headings and notices in English */
	assert_int_equal(pdx_history_report(&out, &len, h, &q,
	                                    PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_EN), NULL),
	                 0);
	assert_non_null(strstr(out, "Rubric: 3560-2025"));
	/* each year's level by its own edition's English name */
	assert_non_null(strstr(out, "  2024  1827-2024  75.10  Fair "));
	assert_non_null(strstr(out, "\nAssessments year over year\n"));
	assert_non_null(strstr(out, "\nRubric 951-2023: NOTE: "));
	assert_null(strstr(out, ".."));
	assert_null(strstr(out, "Bộ chỉ số"));
	assert_null(strstr(out, "LƯU Ý"));
	free(out);
	/* a language the library does not know */
	assert_int_equal(
	    pdx_history_report(&out, &len, h, &q, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, 5), NULL),
	    PDX_EARG);

	/* nothing matches: an error said, no report */
	pdx_history_query none = {"XX99", NULL, NULL, PDX_HISTORY_BY_AGENCY};
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_history_report(&out, &len, h, &none, PDX_FORMAT_TEXT, d),
	                 PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "no assessment"));
	pdx_diags_free(d);
	pdx_history_close(h);
	unit_scored_free(&s23);
	unit_scored_free(&s24);
	unit_scored_free(&s25);
	unit_scored_free(&fixed);
	free(csv);
	pdx_rubric_free(r23);
	pdx_rubric_free(r24);
	pdx_rubric_free(r25);
	free(path);
}

/* All or nothing: one result without a year stores nothing; a read-only database
 * stores nothing and says why; errors are skipped, not stored. */
static void test_all_or_nothing(void **state)
{
	(void)state;
	char *path = db_file("n.sqlite");
	pdx_rubric *r25 = unit_load_rubric("3560-2025.xml");
	unit_scored s25 = unit_score(r25, P2025, NULL, NULL);
	pdx_history *h = open_rw(path);
	/* a yearless assessment at the end of the batch */
	unit_scored yearless =
	    unit_score(r25, NULL, "agency_id,criterion,answer,evidence\nZZ01,1.1.1,có,QĐ\n", NULL);
	pdx_result *both[] = {s25.res[0], s25.res[1], yearless.res[0]};
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_history_import(h, both, 3, PDX_STAGE_SELF, 1, NULL, d), PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "nothing stored"));
	assert_int_equal(sql_num(path, "SELECT count(*) FROM assessment"), 0);
	pdx_diags_free(d);
	pdx_history_close(h);

	/* an empty file opened for reading: nothing imported yet */
	char *empty = db_file("empty.sqlite");
	fclose(fopen(empty, "w"));
	d = pdx_diags_new();
	assert_int_equal(pdx_history_open(&h, empty, PDX_HISTORY_READONLY, d), PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "empty"));
	pdx_diags_free(d);
	free(empty);

	/* read-only: the error is SQLite's, nothing stored */
	h = open_rw(path);
	import(h, &s25, PDX_STAGE_SELF, 1);
	pdx_history_close(h);
	d = pdx_diags_new();
	assert_int_equal(pdx_history_open(&h, path, PDX_HISTORY_READONLY, d), 0);
	assert_int_equal(pdx_history_import(h, s25.res, s25.n, PDX_STAGE_APPRAISED, 2, NULL, d),
	                 PDX_EIO);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "readonly"));
	assert_int_equal(sql_num(path, "SELECT count(*) FROM assessment"), 2);
	pdx_diags_free(d);
	pdx_history_close(h);

	/* hai-phong-2025-loi.csv: HP06 has answer errors: skipped with a warning */
	static const char *const loi[] = {EXAMPLES_DIR "/hai-phong-2025-loi.csv", NULL};
	unit_scored bad = unit_score(r25, loi, NULL, NULL);
	h = open_rw(path);
	d = pdx_diags_new();
	pdx_history_counts c;
	assert_int_equal(pdx_history_import(h, bad.res, bad.n, PDX_STAGE_SELF, 3, &c, d), 0);
	expect_counts(c, 0, 0, 0, 1);
	assert_string_equal(pdx_code_name(pdx_diags_get(d, 0)->code), "PDX-W0650");
	pdx_diags_free(d);
	pdx_history_close(h);
	unit_scored_free(&bad);
	unit_scored_free(&yearless);
	unit_scored_free(&s25);
	pdx_rubric_free(r25);
	free(path);
}

/* Files that are not this store's: text, a damaged database, another application's,
 * a newer schema. Each is refused with a clear error and left as it was. */
static void test_foreign_files(void **state)
{
	(void)state;
	char *path = db_file("f.sqlite");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("agency_id,year,criterion,answer\nA,2025,1.1.1,có\n", f); /* a CSV */
	fclose(f);
	pdx_diags *d = pdx_diags_new();
	pdx_history *h = NULL;
	assert_int_equal(pdx_history_open(&h, path, PDX_HISTORY_CREATE, d), PDX_EINVALID);
	assert_null(h);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "not a database"));
	size_t len;
	char *kept = unit_slurp(path, &len);
	assert_string_equal(kept, "agency_id,year,criterion,answer\nA,2025,1.1.1,có\n");
	free(kept);
	pdx_diags_free(d);

	/* another application's database */
	free(db_file("f.sqlite"));
	sql_exec(path, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
	d = pdx_diags_new();
	assert_int_equal(pdx_history_open(&h, path, PDX_HISTORY_CREATE, d), PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "not a pressdx history"));
	assert_int_equal(sql_num(path, "SELECT count(*) FROM t"), 1);
	pdx_diags_free(d);

	/* a newer schema */
	free(db_file("f.sqlite"));
	pdx_history_close(open_rw(path));
	sql_exec(path, "PRAGMA user_version = 7");
	d = pdx_diags_new();
	assert_int_equal(pdx_history_open(&h, path, 0, d), PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "schema version 7"));
	pdx_diags_free(d);

	/* damaged: a store with data, its pages overwritten in the middle */
	free(db_file("f.sqlite"));
	pdx_rubric *r25 = unit_load_rubric("3560-2025.xml");
	unit_scored s25 = unit_score(r25, P2025, NULL, NULL);
	h = open_rw(path);
	import(h, &s25, PDX_STAGE_SELF, 1);
	pdx_history_close(h);
	sql_exec(path, "PRAGMA wal_checkpoint(TRUNCATE)");
	f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, size / 2, SEEK_SET);
	for (int i = 0; i < 4096; i++)
		fputc(0x5a, f);
	fclose(f);
	d = pdx_diags_new();
	int rc = pdx_history_open(&h, path, PDX_HISTORY_READONLY, d);
	if (rc == 0) { /* the header survived: the check finds the damage */
		assert_int_equal(pdx_history_check(h, d), PDX_EINVALID);
		pdx_history_close(h);
	}
	assert_true(pdx_diags_errors(d) > 0);
	pdx_diags_free(d);
	unit_scored_free(&s25);
	pdx_rubric_free(r25);
	free(path);
}

/* The checks find what SQLite's constraints cannot: a total changed behind pressdx's
 * back no longer adds up. */
static void test_check_finds_tampering(void **state)
{
	(void)state;
	char *path = db_file("c.sqlite");
	pdx_rubric *r25 = unit_load_rubric("3560-2025.xml");
	unit_scored s25 = unit_score(r25, P2025, NULL, NULL);
	pdx_history *h = open_rw(path);
	import(h, &s25, PDX_STAGE_SELF, 1);
	pdx_history_close(h);
	sql_exec(path, "UPDATE assessment SET total = total + 100 WHERE agency_id = 'HP02'");
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_history_open(&h, path, PDX_HISTORY_READONLY, d), 0);
	assert_int_equal(pdx_history_check(h, d), PDX_EINVALID);
	/* 57.50 + 1.00 against the pillars' and the criteria's 57.50 */
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, -1, "HP02 2025 self: 5850 / 5750"));
	assert_int_equal(pdx_diags_errors(d), 2);
	pdx_diags_free(d);
	pdx_history_close(h);
	unit_scored_free(&s25);
	pdx_rubric_free(r25);
	free(path);
}

/* A child imports `s` (as `stage`) into `path`; exits 0 when it did. */
static pid_t import_child(const char *path, const unit_scored *s, pdx_stage stage)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		pdx_history *h = NULL;
		int rc = pdx_history_open(&h, path, PDX_HISTORY_CREATE, NULL);
		if (!rc)
			rc = pdx_history_import(h, s->res, s->n, stage, 1, NULL, NULL);
		pdx_history_close(h);
		_exit(rc ? 1 : 0);
	}
	return pid;
}

/* Two imports at once into one database: both land (one waits for the other). */
static void test_race(void **state)
{
	(void)state;
	char *path = db_file("race.sqlite");
	pdx_rubric *r24 = unit_load_rubric("1827-2024.xml"),
	           *r25 = unit_load_rubric("3560-2025.xml");
	unit_scored s24 = unit_score(r24, P2024, NULL, NULL),
	            s25 = unit_score(r25, P2025, NULL, NULL);
	pdx_history_close(open_rw(path)); /* created first: both children open it */
	for (int round = 0; round < 5; round++) {
		pid_t a =
		    import_child(path, &s24, round % 2 ? PDX_STAGE_APPRAISED : PDX_STAGE_SELF);
		pid_t b =
		    import_child(path, &s25, round % 2 ? PDX_STAGE_APPRAISED : PDX_STAGE_SELF);
		int sa, sb;
		assert_int_equal(waitpid(a, &sa, 0), a);
		assert_int_equal(waitpid(b, &sb, 0), b);
		assert_true(WIFEXITED(sa) && WEXITSTATUS(sa) == 0);
		assert_true(WIFEXITED(sb) && WEXITSTATUS(sb) == 0);
	}
	/* 5 + 2 self, 5 + 2 appraised: every one landed once */
	assert_int_equal(sql_num(path, "SELECT count(*) FROM assessment"), 14);
	unit_scored_free(&s24);
	unit_scored_free(&s25);
	pdx_rubric_free(r24);
	pdx_rubric_free(r25);
	free(path);
}

/* An import killed (SIGKILL) at a random point: the database passes every check and
 * holds either everything from before or everything from after, never a part. */
static void test_killed_import(void **state)
{
	(void)state;
	char *path = db_file("kill.sqlite");
	pdx_rubric *r25 = unit_load_rubric("3560-2025.xml");
	/* 300 agencies: an import long enough to be killed in the middle */
	pdx_buf b = {0};
	pdx_buf_puts(&b, "agency_id,year,criterion,answer,evidence\n");
	for (int i = 0; i < 300; i++)
		for (size_t k = 0; k < pdx_rubric_criterion_count(r25); k++) {
			const pdx_criterion *c = pdx_rubric_criterion(r25, k);
			const char *a = c->type == PDX_TYPE_YESNO    ? "có"
			                : c->type == PDX_TYPE_CHOICE ? c->options[0].key
			                                             : "50";
			pdx_buf_printf(&b, "K%03d,2025,%s,%s,E\n", i, c->id, a);
		}
	char *csv;
	size_t len;
	assert_int_equal(pdx_buf_finish(&b, &csv, &len), 0);
	unit_scored big = unit_score(r25, NULL, csv, NULL);
	assert_int_equal(big.n, 300);
	pdx_history_close(open_rw(path));
	srand((unsigned)time(NULL));
	long long stored = 0;
	for (int round = 0; round < 8; round++) {
		pid_t pid =
		    import_child(path, &big, round % 2 ? PDX_STAGE_APPRAISED : PDX_STAGE_SELF);
		struct timespec wait = {0, (long)(rand() % 150000) * 1000};
		nanosleep(&wait, NULL);
		kill(pid, SIGKILL);
		int st;
		assert_int_equal(waitpid(pid, &st, 0), pid);
		/* opened for writing: the first connection after the kill recovers the log */
		pdx_history *h = NULL;
		pdx_diags *d = pdx_diags_new();
		assert_int_equal(pdx_history_open(&h, path, 0, d), 0);
		assert_int_equal(pdx_history_check(h, d), 0);
		pdx_diags_free(d);
		pdx_history_close(h);
		long long n =
		    sql_num(path, "SELECT count(*) FROM assessment WHERE superseded_at IS NULL");
		/* before: `stored`; after: this stage's 300 added (once per stage) */
		assert_true(n == stored || n == stored + 300 ||
		            (n == stored && WIFEXITED(st))); /* finished before the kill */
		assert_int_equal(n % 300, 0);
		stored = n;
	}
	unit_scored_free(&big);
	free(csv);
	pdx_rubric_free(r25);
	free(path);
}

/* HP03 merged into HP01 (2025-07-01): HP01's history holds HP03's years too, under
 * their own id; a loop is refused and stores nothing. */
static void test_aliases(void **state)
{
	(void)state;
	char *path = db_file("al.sqlite");
	pdx_rubric *r24 = unit_load_rubric("1827-2024.xml"),
	           *r25 = unit_load_rubric("3560-2025.xml");
	unit_scored s24 = unit_score(r24, P2024, NULL, NULL),
	            s25 = unit_score(r25, P2025, NULL, NULL);
	pdx_history *h = open_rw(path);
	import(h, &s24, PDX_STAGE_SELF, 1);
	import(h, &s25, PDX_STAGE_SELF, 2);
	pdx_agency_alias merge[] = {{"HP03", "HP01", "2025-07-01", NULL, 0}};
	assert_int_equal(pdx_history_set_aliases(h, merge, 1, NULL), 0);
	/* asked by its old id, HP01's section: 2024 HP01 75.10 and HP03 85.41 (two
	 * assessments: no change computed), 2025 HP01 84.32 (no change: 2024 had two) */
	pdx_history_query q = {"HP03", NULL, NULL, PDX_HISTORY_BY_AGENCY};
	char *out;
	size_t len;
	assert_int_equal(pdx_history_report(&out, &len, h, &q, PDX_FORMAT_JSON, NULL), 0);
	json_object *root = json_tokener_parse(out);
	json_object *g = json_object_array_get_idx(member(root, "groups"), 0);
	assert_int_equal(json_object_array_length(member(root, "groups")), 1);
	assert_string_equal(json_object_get_string(member(member(g, "group"), "agency_id")),
	                    "HP01");
	json_object *years = member(g, "years");
	static const struct {
		int year;
		const char *filed, *total;
	} want[] = {{2024, "HP01", "75.10"}, {2024, "HP03", "85.41"}, {2025, "HP01", "84.32"}};
	assert_int_equal(json_object_array_length(years), 3);
	for (size_t i = 0; i < 3; i++) {
		json_object *y = json_object_array_get_idx(years, i);
		assert_int_equal(json_object_get_int(member(y, "year")), want[i].year);
		assert_string_equal(json_object_get_string(member(y, "filed_as")), want[i].filed);
		assert_int_equal(hundredths(member(y, "total")), hundredths_of(want[i].total));
		assert_null(member(y, "change"));
	}
	json_object_put(root);
	free(out);
	/* HP01 → HP03 now would make a loop: refused, the merger stays as it was */
	pdx_agency_alias back[] = {{"HP02", "HP04", "2025-07-01", NULL, 0},
	                           {"HP01", "HP03", "2025-08-01", "al.csv", 3}};
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_history_set_aliases(h, back, 2, d), PDX_EINVALID);
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, 3, "makes a loop"));
	assert_int_equal(sql_num(path, "SELECT count(*) FROM agency_alias"), 1);
	pdx_diags_free(d);
	pdx_history_close(h);
	unit_scored_free(&s24);
	unit_scored_free(&s25);
	pdx_rubric_free(r24);
	pdx_rubric_free(r25);
	free(path);
}

/* A version 1 store (before aliases): read as it is, brought to version 2 by the next
 * writer, its assessments kept. */
static void test_migration_from_1(void **state)
{
	(void)state;
	char *path = db_file("v1.sqlite");
	pdx_rubric *r25 = unit_load_rubric("3560-2025.xml");
	unit_scored s25 = unit_score(r25, P2025, NULL, NULL);
	pdx_history *h = open_rw(path);
	import(h, &s25, PDX_STAGE_SELF, 1);
	pdx_history_close(h);
	/* what version 1 was: the same without agency_alias */
	sql_exec(path, "DROP TABLE agency_alias; PRAGMA user_version = 1");
	assert_int_equal(sql_num(path, "PRAGMA user_version"), 1);
	assert_int_equal(pdx_history_open(&h, path, PDX_HISTORY_READONLY, NULL), 0);
	pdx_history_query q = {NULL, NULL, NULL, PDX_HISTORY_BY_AGENCY};
	char *out;
	size_t len;
	assert_int_equal(pdx_history_report(&out, &len, h, &q, PDX_FORMAT_CSV, NULL), 0);
	assert_non_null(strstr(out, "2025,self,3560-2025,84.32"));
	free(out);
	pdx_history_close(h);
	assert_int_equal(sql_num(path, "PRAGMA user_version"), 1); /* reading changed nothing */
	h = open_rw(path);
	pdx_history_close(h);
	assert_int_equal(sql_num(path, "PRAGMA user_version"), 2);
	assert_int_equal(sql_num(path, "SELECT count(*) FROM sqlite_schema WHERE name = "
	                               "'agency_alias'"),
	                 1);
	assert_int_equal(sql_num(path, "SELECT count(*) FROM assessment"), 2);
	unit_scored_free(&s25);
	pdx_rubric_free(r25);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_import_replace_supersede),
	    cmocka_unit_test(test_report),
	    cmocka_unit_test(test_all_or_nothing),
	    cmocka_unit_test(test_foreign_files),
	    cmocka_unit_test(test_check_finds_tampering),
	    cmocka_unit_test(test_race),
	    cmocka_unit_test(test_killed_import),
	    cmocka_unit_test(test_aliases),
	    cmocka_unit_test(test_migration_from_1),
	};
	return cmocka_run_group_tests_name("history store", tests, setup, teardown);
}
