/* SPDX-License-Identifier: MIT */
/* Rosters (engine/roster.c): read as Excel writes them; mistakes at file:line:column;
 * who has not submitted, per year. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static pdx_roster *load(const char *text, pdx_diags *d, int want)
{
	pdx_roster *ro = NULL;
	int rc = pdx_roster_load_memory(&ro, text, strlen(text), "ds.csv", d);
	if (rc != want)
		unit_dump_diags("roster", d);
	assert_int_equal(rc, want);
	return ro;
}

static void test_read(void **state)
{
	(void)state;
	/* Excel in a Vietnamese locale: BOM, ';', CRLF; a column of its own (stt) ignored,
	 * the header's columns in another order, a blank line, spaces around an id */
	pdx_diags *d = pdx_diags_new();
	pdx_roster *ro = load("\xef\xbb\xbfstt;block;agency_id;agency_name\r\n"
	                      "1;Báo;HP01;Báo Cảng Xanh\r\n"
	                      "\r\n"
	                      "2;Tạp chí; HP07 ;\r\n",
	                      d, 0);
	assert_int_equal(pdx_diags_count(d), 0);
	assert_int_equal(pdx_roster_count(ro), 2);
	const pdx_roster_entry *e = pdx_roster_entry_at(ro, 1);
	assert_string_equal(e->agency_id, "HP07");
	assert_null(e->agency_name);
	assert_null(e->province);
	assert_string_equal(e->block, "Tạp chí");
	assert_int_equal(e->line, 4);
	assert_string_equal(pdx_roster_entry_at(ro, 0)->agency_name, "Báo Cảng Xanh");
	assert_null(pdx_roster_entry_at(ro, 2));
	pdx_roster_free(ro);
	pdx_diags_free(d);
}

static void test_mistakes(void **state)
{
	(void)state;
	pdx_diags *d = pdx_diags_new();
	assert_null(load("id,name\nHP01,X\n", d, PDX_EINVALID));
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, 1, "needs an agency_id column"));
	pdx_diags_free(d);

	/* an empty id (line 3, column 2) and one id twice, however written (line 4) */
	d = pdx_diags_new();
	assert_null(load("name,agency_id\nA,HP01\nB,\nC,hp01\n", d, PDX_EINVALID));
	const pdx_diag *g = unit_find_diag(d, PDX_SEV_ERROR, 3, "agency id is missing");
	assert_non_null(g);
	assert_int_equal(g->column, 2);
	g = unit_find_diag(d, PDX_SEV_ERROR, 4, "\"hp01\" is already on line 2");
	assert_non_null(g);
	assert_int_equal(g->column, 2);
	assert_string_equal(pdx_code_name(g->code), "PDX-E0602");
	pdx_diags_free(d);

	d = pdx_diags_new();
	assert_null(load("agency_id\nH\xc3\n", d, PDX_EINVALID)); /* not UTF-8 */
	assert_non_null(unit_find_diag(d, PDX_SEV_ERROR, 1, "not UTF-8"));
	pdx_diags_free(d);
}

/* HP01, HP02, HP07 expected; assessments: HP01 and hp02 in 2024, HP01 in 2025. Missing:
 * HP07 in 2024; HP02 and HP07 in 2025 — in that order (year, then roster order). */
static void test_check(void **state)
{
	(void)state;
	pdx_diags *d = pdx_diags_new();
	pdx_roster *ro = load("agency_id,agency_name\nHP01,A\nHP02,B\nHP07,C\n", d, 0);
	const char *ids[] = {"HP01", "hp02", "HP01"};
	int years[] = {2024, 2024, 2025};
	size_t missing = 9;
	assert_int_equal(pdx_roster_check(ro, ids, years, 3, 0, &missing, d), 0);
	assert_int_equal(missing, 3);
	assert_int_equal(pdx_diags_count(d), 3);
	static const struct {
		const char *agency;
		long line;
		const char *en;
	} want[] = {{"HP07", 4, "HP07 is on the roster but has not submitted for 2024"},
	            {"HP02", 3, "HP02 is on the roster but has not submitted for 2025"},
	            {"HP07", 4, "HP07 is on the roster but has not submitted for 2025"}};
	for (size_t i = 0; i < 3; i++) {
		const pdx_diag *g = pdx_diags_get(d, i);
		assert_int_equal(g->severity, PDX_SEV_WARNING);
		assert_string_equal(pdx_code_name(g->code), "PDX-W0257");
		assert_string_equal(g->agency_id, want[i].agency);
		assert_string_equal(g->file, "ds.csv");
		assert_int_equal(g->line, want[i].line);
		assert_string_equal(g->message_en, want[i].en);
	}
	pdx_diags_free(d);
	/* one year only */
	d = pdx_diags_new();
	assert_int_equal(pdx_roster_check(ro, ids, years, 3, 2024, &missing, d), 0);
	assert_int_equal(missing, 1);
	pdx_diags_free(d);
	pdx_roster_free(ro);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read),
	    cmocka_unit_test(test_mistakes),
	    cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
