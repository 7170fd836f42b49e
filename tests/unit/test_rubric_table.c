/* SPDX-License-Identifier: MIT */
/* Unit tests of the rubric table (engine/rubric_table.c): every shipped edition
 * exported, imported and exported again gives the same table and scores the examples
 * the same; a table typed by hand from an annex (tests/data/tables/annex-typed.csv)
 * becomes the rubric its rows say, checked here field by field and by scores worked
 * out by hand; a table with mistakes is refused with file, line and column. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static pdx_rubric *import_load(const char *table, size_t len, const char *name)
{
	pdx_diags *d = pdx_diags_new();
	char *xml = NULL;
	size_t xlen = 0;
	int rc = pdx_rubric_import_table(&xml, &xlen, table, len, name, d);
	if (rc)
		unit_dump_diags(name, d);
	assert_int_equal(rc, 0);
	pdx_rubric *r = NULL;
	rc = pdx_rubric_load_memory(&r, xml, xlen, name, d);
	if (rc) {
		unit_dump_diags(name, d);
		print_error("%s\n", xml);
	}
	assert_int_equal(rc, 0);
	free(xml);
	pdx_diags_free(d);
	return r;
}

static void round_trip(const char *file, const char *example)
{
	pdx_rubric *r = unit_load_rubric(file);
	char *t1, *t2;
	size_t n1, n2;
	assert_int_equal(pdx_rubric_export_table(&t1, &n1, r), 0);
	pdx_rubric *r2 = import_load(t1, n1, file);
	assert_int_equal(pdx_rubric_export_table(&t2, &n2, r2), 0);
	assert_string_equal(t1, t2);
	assert_int_equal(n1, n2);
	/* the same scores, agency by agency */
	const char *paths[] = {example, NULL};
	unit_scored a = unit_score(r, paths, NULL, NULL), b = unit_score(r2, paths, NULL, NULL);
	assert_int_equal(a.n, b.n);
	assert_true(a.n > 0);
	for (size_t i = 0; i < a.n; i++) {
		assert_int_equal(a.res[i]->total, b.res[i]->total);
		assert_int_equal(a.res[i]->level->number, b.res[i]->level->number);
	}
	unit_scored_free(&a);
	unit_scored_free(&b);
	free(t1);
	free(t2);
	pdx_rubric_free(r2);
	pdx_rubric_free(r);
}

static void test_round_trip_951(void **state)
{
	(void)state;
	round_trip("951-2023.xml", EXAMPLES_DIR "/hai-phong-2023.csv");
}

static void test_round_trip_1827(void **state)
{
	(void)state;
	round_trip("1827-2024.xml", EXAMPLES_DIR "/hai-phong-2024.csv");
}

static void test_round_trip_3560(void **state)
{
	(void)state;
	round_trip("3560-2025.xml", EXAMPLES_DIR "/hai-phong-2025-bao.csv");
}

/* What the export says of 951: its strict bound, its published bands, 42 rows. */
static void test_export_951(void **state)
{
	(void)state;
	pdx_rubric *r = unit_load_rubric("951-2023.xml");
	char *t;
	size_t n;
	assert_int_equal(pdx_rubric_export_table(&t, &n, r), 0);
	assert_memory_equal(t, "\xef\xbb\xbfpressdx-rubric-table,1\r\nid,951-2023\r\n", 35);
	assert_non_null(strstr(t, "\r\nlevel,5,Xuất sắc,Excellent,>80,published,"));
	assert_non_null(strstr(t, "\r\nlevel,4,Tốt,Good,70,published,"));
	assert_non_null(strstr(t, "\r\nyears,2023,2023\r\n"));
	/* 1.2.1: bands ≥10 → 3, ≥5 → 2, >0 → 1 (rubrics/951-2023.xml); quoted for its ';' */
	assert_non_null(strstr(t, ",percent,3,\"≥10:3; ≥5:2; >0:1\",,,có,provisional,"));
	size_t rows = 0;
	for (const char *p = strstr(t, "\r\npillar,"); (p = strstr(p + 1, "\r\n")) && p[2];)
		rows++;
	assert_int_equal(rows, 42);
	free(t);
	pdx_rubric_free(r);
}

/* tests/data/tables/annex-typed.csv: columns in another order, pillar cells left empty,
 * rules as a person types them. */
static void test_typed_annex(void **state)
{
	(void)state;
	size_t len;
	char *table = unit_slurp(TEST_DATA_DIR "/tables/annex-typed.csv", &len);
	pdx_rubric *r = import_load(table, len, "annex-typed.csv");
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	assert_string_equal(m->id, "test-annex-2026");
	assert_int_equal(m->total, 1000);
	assert_int_equal(m->year_from, 2026);
	assert_int_equal(m->year_to, 0);
	assert_false(m->provisional);
	assert_true(m->published); /* level 3's bound */
	assert_int_equal(pdx_rubric_level_count(r), 3);
	assert_true(pdx_rubric_level(r, 2)->above);
	assert_int_equal(pdx_rubric_level(r, 2)->min, 800);
	assert_int_equal(pdx_rubric_level(r, 2)->status, PDX_PUBLISHED);
	assert_int_equal(pdx_rubric_pillar_count(r), 2);
	assert_int_equal(pdx_rubric_component_count(r), 3);
	assert_int_equal(pdx_rubric_criterion_count(r), 4);
	/* 1.2.1 left its pillar cell empty: the pillar above, 1 */
	const pdx_criterion *k = pdx_rubric_criterion(r, unit_crit(r, "1.2.1"));
	assert_int_equal(k->pillar, 0);
	assert_int_equal(k->scoring, PDX_SCORING_LINEAR);
	assert_false(k->evidence);
	k = pdx_rubric_criterion(r, unit_crit(r, "1.1.2"));
	assert_int_equal(k->scoring, PDX_SCORING_BANDS);
	assert_int_equal(k->n_bands, 2);
	assert_false(k->bands[1].strict);
	assert_int_equal(k->bands[1].points, 100);
	assert_true(k->evidence); /* "x" */
	k = pdx_rubric_criterion(r, unit_crit(r, "2.1.1"));
	assert_int_equal(k->n_options, 3);
	assert_string_equal(k->options[1].key, "domestic");
	assert_string_equal(k->options[1].label, "nền tảng trong nước");
	assert_int_equal(k->options[1].points, 200);
	/* by hand: 1.1.1 có 2 + 1.1.2 60 % (≥50) 1 + 1.2.1 50 % linear 2 × 0.5 = 1 +
	 * 2.1.1 domestic 2 = 6.00, Khá (from 5); 2 + 80 % 2 + 0 + multi 4 = 8.00, still
	 * Khá ("trên 8"); with 1.2.1 0,5 %: 2 × 0.005 = 0.01 more, 8.01 Tốt */
	unit_scored s = unit_score(r, NULL,
	                           "agency_id,year,criterion,answer,evidence\n"
	                           "A,2026,1.1.1,có,x\nA,2026,1.1.2,60,x\n"
	                           "A,2026,1.2.1,50,\nA,2026,2.1.1,domestic,x\n"
	                           "B,2026,1.1.1,có,x\nB,2026,1.1.2,80,x\n"
	                           "B,2026,1.2.1,0,\nB,2026,2.1.1,multi,x\n"
	                           "C,2026,1.1.1,có,x\nC,2026,1.1.2,80,x\n"
	                           "C,2026,1.2.1,\"0,5%\",\nC,2026,2.1.1,multi,x\n",
	                           NULL);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.res[0]->total, 600);
	assert_int_equal(s.res[0]->level->number, 2);
	assert_int_equal(s.res[1]->total, 800);
	assert_int_equal(s.res[1]->level->number, 2);
	assert_int_equal(s.res[2]->total, 801);
	assert_int_equal(s.res[2]->level->number, 3);
	unit_scored_free(&s);
	pdx_rubric_free(r);
	free(table);
}

static const pdx_diag *import_fails(const char *table)
{
	static pdx_diags *d; /* the last call's, freed by the next (NULL: just that) */
	pdx_diags_free(d);
	d = NULL;
	if (!table)
		return NULL;
	d = pdx_diags_new();
	char *xml = NULL;
	size_t xlen;
	assert_int_equal(pdx_rubric_import_table(&xml, &xlen, table, strlen(table), "t.csv", d),
	                 PDX_EINVALID);
	assert_null(xml);
	assert_true(pdx_diags_count(d) > 0);
	return pdx_diags_get(d, 0);
}

#define HEAD "id,x\ntitle,X\ntotal,3\nlevel,1,Yếu,,0,,\n\n"

/* The same annex saved by Excel in a Vietnamese locale: ';' between cells, CRLF, BOM
 * (annex-typed-semicolon.csv is annex-typed.csv written again so): the same rubric XML,
 * although its rule cells hold ';' too ("có=2; không=0", quoted there). */
static void test_semicolon_table(void **state)
{
	(void)state;
	size_t la, lb;
	char *a = unit_slurp(TEST_DATA_DIR "/tables/annex-typed.csv", &la);
	char *b = unit_slurp(TEST_DATA_DIR "/tables/annex-typed-semicolon.csv", &lb);
	assert_non_null(strstr(b, "\"có=2; không=0\""));
	char *xa = NULL, *xb = NULL;
	size_t na, nb;
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_rubric_import_table(&xa, &na, a, la, "a.csv", d), 0);
	assert_int_equal(pdx_rubric_import_table(&xb, &nb, b, lb, "a.csv", d), 0);
	assert_int_equal(pdx_diags_errors(d), 0);
	assert_int_equal(na, nb);
	assert_memory_equal(xa, xb, na);
	pdx_free(xa);
	pdx_free(xb);
	pdx_diags_free(d);
	free(a);
	free(b);
}

static void test_mistakes(void **state)
{
	(void)state;
	/* a rule no one can read: line 7, column 6 (rule) */
	const pdx_diag *g = import_fails(HEAD "pillar,pillar_max,component,component_max,"
	                                      "criterion,rule,question,type,points\n"
	                                      "1,3,1.1,3,1.1.1,từ 80 trở lên được 3,Q,percent,3\n");
	assert_int_equal(g->line, 7);
	assert_int_equal(g->column, 6);
	assert_non_null(strstr(g->message_en, "not understood"));
	/* a yes/no rule that disagrees with the points column */
	g = import_fails(HEAD "pillar,pillar_max,component,component_max,criterion,question,"
	                      "type,points,rule\n"
	                      "1,3,1.1,3,1.1.1,Q,yesno,3,có=2; không=0\n");
	assert_int_equal(g->line, 7);
	assert_int_equal(g->column, 9);
	/* an unknown column and an unknown head field */
	g = import_fails("id,x\ntitle,X\ntotal,3\ncolour,red\n\npillar,criterion,pillar_max,"
	                 "component,component_max,question,type,points\n");
	assert_int_equal(g->line, 4);
	g = import_fails(HEAD "pillar,criterion,pillar_max,component,component_max,question,"
	                      "type,points,weight\n");
	assert_int_equal(g->line, 6);
	assert_int_equal(g->column, 9);
	/* no criteria table at all */
	g = import_fails("id,x\n");
	assert_non_null(strstr(g->message_en, "no header row"));
	/* a required column missing */
	g = import_fails(HEAD "pillar,criterion,component,component_max,question,type,points\n");
	assert_non_null(strstr(g->message_en, "pillar_max"));
	import_fails(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip_951),  cmocka_unit_test(test_round_trip_1827),
	    cmocka_unit_test(test_round_trip_3560), cmocka_unit_test(test_export_951),
	    cmocka_unit_test(test_typed_annex),     cmocka_unit_test(test_semicolon_table),
	    cmocka_unit_test(test_mistakes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
