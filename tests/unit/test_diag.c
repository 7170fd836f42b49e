/* SPDX-License-Identifier: MIT */
/* Unit tests of the diagnostics list (engine/diag.c): add, append, counts, copies
 * and the one-line terminal format "file:line:col: severity [agency] criterion: vi (en)". */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static void test_new_is_empty_and_null_safe(void **state)
{
	(void)state;
	pdx_diags *d = pdx_diags_new();
	assert_non_null(d);
	assert_int_equal(pdx_diags_count(d), 0);
	assert_int_equal(pdx_diags_errors(d), 0);
	assert_null(pdx_diags_get(d, 0));
	/* NULL lists count as empty, and freeing NULL is a no-op */
	assert_int_equal(pdx_diags_count(NULL), 0);
	assert_int_equal(pdx_diags_errors(NULL), 0);
	assert_null(pdx_diags_get(NULL, 0));
	pdx_diags_free(NULL);
	pdx_diags_free(d);
}

static void test_add_counts_errors_and_warnings(void **state)
{
	(void)state;
	pdx_diags *d = pdx_diags_new();
	pdx_diag e = {PDX_SEV_ERROR, PDX_CODE_NONE, "a.csv", NULL,   3, 2,
	              "1.1.1",       "HP01",        "lỗi",   "error"};
	pdx_diag w = {PDX_SEV_WARNING, PDX_CODE_NONE, "a.csv", NULL, 4, 0, NULL, NULL,
	              "cảnh báo",      "warning"};
	assert_int_equal(pdx_diags_add(d, &e), 0);
	assert_int_equal(pdx_diags_add(d, &w), 0);
	assert_int_equal(pdx_diags_add(d, &e), 0);
	/* 3 diagnostics, of which 2 errors */
	assert_int_equal(pdx_diags_count(d), 3);
	assert_int_equal(pdx_diags_errors(d), 2);
	const pdx_diag *g = pdx_diags_get(d, 1);
	assert_non_null(g);
	assert_int_equal(g->severity, PDX_SEV_WARNING);
	assert_int_equal(g->line, 4);
	assert_null(g->criterion);
	assert_null(g->agency_id);
	assert_string_equal(g->message_en, "warning");
	assert_null(pdx_diags_get(d, 3));
	pdx_diags_free(d);
}

static void test_add_copies_strings(void **state)
{
	(void)state;
	char file[] = "x.csv", crit[] = "2.1.3", agency[] = "A1", vi[] = "thông báo",
	     en[] = "message";
	pdx_diag src = {PDX_SEV_ERROR, PDX_CODE_NONE, file, NULL, 7, 9, crit, agency, vi, en};
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_diags_add(d, &src), 0);
	/* overwrite the caller's buffers: the list must hold its own copies */
	memset(file, 'z', sizeof file - 1);
	memset(crit, 'z', sizeof crit - 1);
	memset(agency, 'z', sizeof agency - 1);
	memset(en, 'z', sizeof en - 1);
	const pdx_diag *g = pdx_diags_get(d, 0);
	assert_ptr_not_equal(g->file, file);
	assert_string_equal(g->file, "x.csv");
	assert_string_equal(g->criterion, "2.1.3");
	assert_string_equal(g->agency_id, "A1");
	assert_string_equal(g->message_vi, "thông báo");
	assert_string_equal(g->message_en, "message");
	assert_int_equal(g->line, 7);
	assert_int_equal(g->column, 9);
	pdx_diags_free(d);
}

static void test_add_null_messages_become_empty(void **state)
{
	(void)state;
	pdx_diag src = {PDX_SEV_WARNING, PDX_CODE_NONE, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL};
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_diags_add(d, &src), 0);
	const pdx_diag *g = pdx_diags_get(d, 0);
	assert_non_null(g->message_vi);
	assert_non_null(g->message_en);
	assert_string_equal(g->message_vi, "");
	assert_string_equal(g->message_en, "");
	assert_null(g->file);
	pdx_diags_free(d);
}

static void test_append(void **state)
{
	(void)state;
	pdx_diags *a = pdx_diags_new(), *b = pdx_diags_new();
	pdx_diag e = {PDX_SEV_ERROR, PDX_CODE_NONE, "a.csv", NULL, 1, 0, NULL, NULL, "một", "one"};
	pdx_diag w = {PDX_SEV_WARNING, PDX_CODE_NONE, "b.csv", NULL, 2, 0, NULL, NULL,
	              "hai",           "two"};
	pdx_diag e3 = {PDX_SEV_ERROR, PDX_CODE_NONE, "b.csv", NULL,   3, 0,
	               NULL,          NULL,          "ba",    "three"};
	assert_int_equal(pdx_diags_add(a, &e), 0);
	assert_int_equal(pdx_diags_add(b, &w), 0);
	assert_int_equal(pdx_diags_add(b, &e3), 0);
	assert_int_equal(pdx_diags_append(a, b), 0);
	/* a: 1 + 2 = 3 diagnostics, errors 1 + 1 = 2, in order one, two, three */
	assert_int_equal(pdx_diags_count(a), 3);
	assert_int_equal(pdx_diags_errors(a), 2);
	assert_string_equal(pdx_diags_get(a, 0)->message_en, "one");
	assert_string_equal(pdx_diags_get(a, 1)->message_en, "two");
	assert_string_equal(pdx_diags_get(a, 2)->message_en, "three");
	/* b is unchanged, and the copies outlive it */
	assert_int_equal(pdx_diags_count(b), 2);
	pdx_diags_free(b);
	assert_string_equal(pdx_diags_get(a, 2)->file, "b.csv");
	/* appending NULL or an empty list adds nothing */
	assert_int_equal(pdx_diags_append(a, NULL), 0);
	pdx_diags *empty = pdx_diags_new();
	assert_int_equal(pdx_diags_append(a, empty), 0);
	assert_int_equal(pdx_diags_count(a), 3);
	pdx_diags_free(empty);
	pdx_diags_free(a);
}

static void test_many_adds_grow(void **state)
{
	(void)state;
	pdx_diags *d = pdx_diags_new();
	for (int i = 0; i < 1000; i++) {
		pdx_diag g = {i % 2 ? PDX_SEV_WARNING : PDX_SEV_ERROR,
		              PDX_CODE_NONE,
		              "f",
		              NULL,
		              i + 1,
		              0,
		              NULL,
		              NULL,
		              "v",
		              "e"};
		assert_int_equal(pdx_diags_add(d, &g), 0);
	}
	/* 1000 added, every even i (500 of them) an error */
	assert_int_equal(pdx_diags_count(d), 1000);
	assert_int_equal(pdx_diags_errors(d), 500);
	assert_int_equal(pdx_diags_get(d, 999)->line, 1000);
	pdx_diags_free(d);
}

static void test_format_full(void **state)
{
	(void)state;
	pdx_diag g = {PDX_SEV_ERROR,
	              PDX_CODE_NONE,
	              "answers.csv",
	              NULL,
	              12,
	              9,
	              "2.2.1",
	              "HP06",
	              "câu trả lời không hợp lệ",
	              "invalid answer"};
	char *s = pdx_diag_format(&g);
	assert_non_null(s);
	assert_non_null(strstr(s, "answers.csv:12:9:"));
	assert_non_null(strstr(s, "error"));
	assert_non_null(strstr(s, "HP06"));
	assert_non_null(strstr(s, "2.2.1"));
	assert_non_null(strstr(s, "câu trả lời không hợp lệ"));
	assert_non_null(strstr(s, "invalid answer"));
	/* the place comes first */
	assert_int_equal(strncmp(s, "answers.csv:12:9:", strlen("answers.csv:12:9:")), 0);
	assert_null(strchr(s, '\n'));
	free(s);
}

static void test_format_partial_places(void **state)
{
	(void)state;
	/* line without column: "file:line:" and no third number */
	pdx_diag g = {PDX_SEV_WARNING, PDX_CODE_NONE, "r.xml", NULL, 5, 0, NULL, NULL, "vi", "en"};
	char *s = pdx_diag_format(&g);
	assert_non_null(s);
	assert_int_equal(strncmp(s, "r.xml:5: ", 9), 0);
	assert_non_null(strstr(s, "warning"));
	assert_null(strstr(s, "error"));
	free(s);
	/* no line: just "file:" */
	pdx_diag h = {PDX_SEV_ERROR, PDX_CODE_NONE, "r.xml", NULL, 0, 0, NULL, NULL, "vi", "en"};
	s = pdx_diag_format(&h);
	assert_non_null(s);
	assert_int_equal(strncmp(s, "r.xml: ", 7), 0);
	free(s);
	/* no file: starts with the severity */
	pdx_diag k = {PDX_SEV_ERROR, PDX_CODE_NONE, NULL, NULL, 3, 4, NULL, NULL, "vi", "en"};
	s = pdx_diag_format(&k);
	assert_non_null(s);
	assert_null(strstr(s, ":3:4"));
	assert_non_null(strstr(s, "error"));
	free(s);
}

static void test_format_round_trip_through_list(void **state)
{
	(void)state;
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_diag_addf(d, PDX_SEV_ERROR, "f.csv", 2, 3, "1.1.1", NULL, "vi", "en"),
	                 0);
	char *s = pdx_diag_format(pdx_diags_get(d, 0));
	assert_non_null(s);
	assert_non_null(strstr(s, "f.csv:2:3:"));
	assert_non_null(strstr(s, "1.1.1"));
	free(s);
	pdx_diags_free(d);
}

/* Codes are written PDX-E (00–49 of a hundred) or PDX-W (50–99) and four digits. */
static void test_code_names(void **state)
{
	(void)state;
	assert_string_equal(pdx_code_name(PDX_E_FILE_READ), "PDX-E0101");
	assert_string_equal(pdx_code_name(PDX_W_SIGNATURE_ROWS), "PDX-W0151");
	assert_string_equal(pdx_code_name(PDX_E_ANSWER_CONFLICT), "PDX-E0206");
	assert_string_equal(pdx_code_name(PDX_W_PERCENT_FRACTION), "PDX-W0350");
	assert_string_equal(pdx_code_name(PDX_E_RUBRIC), "PDX-E0410");
	assert_string_equal(pdx_code_name(PDX_W_PLAN_OTHER_RUBRIC), "PDX-W0450");
	assert_string_equal(pdx_code_name(PDX_E_OUTPUT), "PDX-E0501");
	assert_string_equal(pdx_code_name(PDX_CODE_NONE), "PDX-E0000");
	assert_string_equal(pdx_code_name((pdx_code)999), "PDX-E0000");
}

/* Rubric problems carry the code of the stage that found them. */
static void check_rubric_code(const char *file, pdx_code want)
{
	char *path = unit_path(TEST_DATA_DIR "/rubrics", file);
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	int rc = pdx_rubric_load_file(&r, path, d);
	assert_int_equal(rc, want == PDX_E_FILE_READ ? PDX_EIO : PDX_EINVALID);
	assert_true(pdx_diags_count(d) >= 1);
	if (pdx_diags_get(d, 0)->code != want)
		print_error("%s: code %s, expected %s\n", file,
		            pdx_code_name(pdx_diags_get(d, 0)->code), pdx_code_name(want));
	assert_int_equal(pdx_diags_get(d, 0)->code, want);
	pdx_diags_free(d);
	free(path);
}

static void test_rubric_codes(void **state)
{
	(void)state;
	check_rubric_code("bad-criteria-sum.xml", PDX_E_RUBRIC);
	check_rubric_code("bad-xxe.xml", PDX_E_XML_DOCTYPE);
	check_rubric_code("bad-schema-missing-name.xml", PDX_E_XML_SCHEMA);
	check_rubric_code("bad-unreachable-max.xml", PDX_E_RUBRIC);
	check_rubric_code("bad-max-1e400.xml", PDX_E_XML_SCHEMA); /* not a decimal of the schema */
	check_rubric_code("no-such-file.xml", PDX_E_FILE_READ);
}

/* One language at a time: the place and agency as before, the severity and message
 * in the language asked for; a message missing in it falls back to the other. */
static void test_format_lang(void **state)
{
	(void)state;
	pdx_diag g = {
	    PDX_SEV_ERROR, PDX_E_ANSWER_INVALID,       "a.csv",         NULL, 7, 9, "2.2.1",
	    "HP06",        "câu trả lời không hợp lệ", "invalid answer"};
	char *vi = pdx_diag_format_lang(&g, PDX_LANG_VI),
	     *en = pdx_diag_format_lang(&g, PDX_LANG_EN);
	char *both = pdx_diag_format_lang(&g, PDX_LANG_BOTH), *dflt = pdx_diag_format(&g);
	assert_string_equal(vi, "a.csv:7:9: lỗi [HP06] 2.2.1: câu trả lời không hợp lệ");
	assert_string_equal(en, "a.csv:7:9: error [HP06] 2.2.1: invalid answer");
	assert_string_equal(
	    both, "a.csv:7:9: lỗi/error [HP06] 2.2.1: câu trả lời không hợp lệ (invalid answer)");
	assert_string_equal(dflt, both);
	pdx_free(vi);
	pdx_free(en);
	pdx_free(both);
	pdx_free(dflt);
	pdx_diag w = {
	    PDX_SEV_WARNING, PDX_W_UNFILLED, NULL, NULL, 0, 0, NULL, NULL, "phiếu trống", ""};
	en = pdx_diag_format_lang(&w, PDX_LANG_EN);
	assert_string_equal(en, "cảnh báo: phiếu trống");
	pdx_free(en);
	assert_null(pdx_diag_format_lang(NULL, PDX_LANG_VI));
}

static void test_lang_parse(void **state)
{
	(void)state;
	pdx_lang l = PDX_LANG_BOTH;
	assert_int_equal(pdx_lang_parse("vi", &l), 0);
	assert_int_equal(l, PDX_LANG_VI);
	assert_int_equal(pdx_lang_parse("en_US.UTF-8", &l), 0);
	assert_int_equal(l, PDX_LANG_EN);
	assert_int_equal(pdx_lang_parse("vi:en", &l), 0);
	assert_int_equal(l, PDX_LANG_VI);
	assert_int_equal(pdx_lang_parse("both", &l), 0);
	assert_int_equal(l, PDX_LANG_BOTH);
	l = PDX_LANG_EN;
	assert_int_equal(pdx_lang_parse("C", &l), PDX_EINVALID);
	assert_int_equal(pdx_lang_parse("POSIX", &l), PDX_EINVALID);
	assert_int_equal(pdx_lang_parse("fr_FR", &l), PDX_EINVALID);
	assert_int_equal(pdx_lang_parse("video", &l), PDX_EINVALID);
	assert_int_equal(pdx_lang_parse("", &l), PDX_EINVALID);
	assert_int_equal(l, PDX_LANG_EN); /* left alone */
	assert_int_equal(pdx_lang_parse(NULL, &l), PDX_EARG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_new_is_empty_and_null_safe),
	    cmocka_unit_test(test_add_counts_errors_and_warnings),
	    cmocka_unit_test(test_add_copies_strings),
	    cmocka_unit_test(test_add_null_messages_become_empty),
	    cmocka_unit_test(test_append),
	    cmocka_unit_test(test_many_adds_grow),
	    cmocka_unit_test(test_format_full),
	    cmocka_unit_test(test_format_partial_places),
	    cmocka_unit_test(test_format_round_trip_through_list),
	    cmocka_unit_test(test_code_names),
	    cmocka_unit_test(test_rubric_codes),
	    cmocka_unit_test(test_format_lang),
	    cmocka_unit_test(test_lang_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
