/* Unit tests of answer parsing per answer type (pdx_value_parse, engine/score.c),
 * using criteria of the provisional 951 rubric:
 *   yesno 1.1.1, choice 2.1.3 (none/foreign/domestic/multi) and 2.2.1 (none/1-2/3+),
 *   percent 1.2.1, number 1.2.2, count 5.1.3. */
#include <string.h>

#include "unit.h"

static int setup(void **state)
{
	*state = unit_load_951();
	return 0;
}

static int teardown(void **state)
{
	pdx_rubric_free(*state);
	return 0;
}

static const pdx_criterion *crit(void **state, const char *id)
{
	const pdx_rubric *r = *state;
	return pdx_rubric_criterion(r, unit_crit(r, id));
}

typedef struct parsed {
	int rc;
	pdx_decimal value;
	long option;
	bool yes;
	const char *evi, *een;
} parsed;

static parsed parse(const pdx_criterion *c, const char *text)
{
	parsed p;
	p.value.nanos = 777;
	p.value.rest = 1;
	p.option = 99;
	p.yes = true;
	p.evi = p.een = NULL;
	p.rc = pdx_value_parse(c, text, &p.value, &p.option, &p.yes, &p.evi, &p.een);
	return p;
}

static void expect_ok(const pdx_criterion *c, const char *text, parsed *out)
{
	parsed p = parse(c, text);
	if (p.rc != 0)
		print_error("%s: \"%s\" was rejected\n", c->id, text);
	assert_int_equal(p.rc, 0);
	if (out)
		*out = p;
}

static void expect_bad(const pdx_criterion *c, const char *text)
{
	parsed p = parse(c, text);
	if (p.rc != PDX_EINVALID)
		print_error("%s: \"%s\" was accepted\n", c->id, text);
	assert_int_equal(p.rc, PDX_EINVALID);
	/* the caller learns what was expected, in both languages */
	assert_non_null(p.evi);
	assert_non_null(p.een);
	assert_true(strlen(p.evi) > 0);
	assert_true(strlen(p.een) > 0);
}

static void test_yesno_yes_words(void **state)
{
	const pdx_criterion *c = crit(state, "1.1.1");
	static const char *const yes[] = {"có",   "co",   "yes",  "y",   "1",   "x",
	                                  "true", "CÓ",   "Có",   "YES", "Yes", "Y",
	                                  "X",    "True", "TRUE", "CO",  "cÓ"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		parsed p;
		expect_ok(c, yes[i], &p);
		if (!p.yes)
			print_error("\"%s\" read as no\n", yes[i]);
		assert_true(p.yes);
		assert_int_equal(p.option, -1);
	}
	/* "có" written decomposed (o + U+0301, as macOS writes it) is still yes */
	parsed p;
	expect_ok(c, "co\xcc\x81", &p);
	assert_true(p.yes);
}

static void test_yesno_no_words(void **state)
{
	const pdx_criterion *c = crit(state, "1.1.1");
	static const char *const no[] = {"không", "khong", "no", "n", "0",     "false", "Không",
	                                 "KHÔNG", "NO",    "No", "N", "False", "KHONG"};
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		parsed p;
		expect_ok(c, no[i], &p);
		if (p.yes)
			print_error("\"%s\" read as yes\n", no[i]);
		assert_false(p.yes);
	}
}

static void test_yesno_rejects(void **state)
{
	const pdx_criterion *c = crit(state, "1.1.1");
	static const char *const bad[] = {"Có rồi",   "2",  "ok", "yess", "có có",
	                                  "không có", "-1", "",   "1.0",  "oui"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_bad(c, bad[i]);
	/* a rejected answer is never read as yes */
	parsed p = parse(c, "Có rồi");
	assert_false(p.yes);
}

static void test_choice(void **state)
{
	const pdx_criterion *c = crit(state, "2.1.3");
	parsed p;
	/* keys none(0) foreign(1) domestic(2) multi(3) */
	expect_ok(c, "domestic", &p);
	assert_int_equal(p.option, 2);
	expect_ok(c, "DOMESTIC", &p);
	assert_int_equal(p.option, 2);
	expect_ok(c, "Multi", &p);
	assert_int_equal(p.option, 3);
	expect_ok(c, "none", &p);
	assert_int_equal(p.option, 0);
	expect_ok(c, "foreign", &p);
	assert_int_equal(p.option, 1);
	expect_bad(c, "dom");
	expect_bad(c, "có nền tảng trong nước"); /* the label is not the key */
	expect_bad(c, "2");
	p = parse(c, "dom");
	assert_int_equal(p.option, -1);

	c = crit(state, "2.2.1");
	expect_bad(c, "cap 3");
	expect_bad(c, "3");
	expect_ok(c, "3+", &p);
	assert_int_equal(p.option, 2);
	expect_ok(c, "1-2", &p);
	assert_int_equal(p.option, 1);
}

static void test_percent(void **state)
{
	const pdx_criterion *c = crit(state, "1.2.1");
	parsed p;
	expect_ok(c, "0", &p);
	assert_int_equal(p.value.nanos, 0);
	expect_ok(c, "100", &p);
	assert_int_equal(p.value.nanos, 100 * PDX_DECIMAL_ONE);
	expect_ok(c, "100%", &p);
	assert_int_equal(p.value.nanos, 100 * PDX_DECIMAL_ONE);
	expect_ok(c, "55,5", &p);
	assert_int_equal(p.value.nanos, 55 * PDX_DECIMAL_ONE + PDX_DECIMAL_ONE / 2);
	expect_ok(c, "12.25 %", &p);
	assert_int_equal(p.value.nanos, 12 * PDX_DECIMAL_ONE + PDX_DECIMAL_ONE / 4);
	expect_ok(c, "100.000", &p); /* trailing zeros: still exactly 100 */
	assert_int_equal(p.value.nanos, 100 * PDX_DECIMAL_ONE);
	expect_bad(c, "100.0000001");    /* above 100 by 1e-7 */
	expect_bad(c, "100.0000000001"); /* above 100 beyond the ninth decimal */
	expect_bad(c, "-1");
	expect_bad(c, "-0.5");
	expect_bad(c, "120");
	expect_bad(c, "abc");
	expect_bad(c, "1e2");
	expect_bad(c, "50,5,5");
	expect_bad(c, "");
}

static void test_number(void **state)
{
	const pdx_criterion *c = crit(state, "1.2.2");
	parsed p;
	expect_ok(c, "-4", &p);
	assert_true(p.value.nanos == -4 * PDX_DECIMAL_ONE);
	expect_ok(c, "+15", &p);
	assert_int_equal(p.value.nanos, 15 * PDX_DECIMAL_ONE);
	expect_ok(c, "20%", &p);
	assert_int_equal(p.value.nanos, 20 * PDX_DECIMAL_ONE);
	expect_ok(c, "-3,5", &p);
	assert_true(p.value.nanos == -(3 * PDX_DECIMAL_ONE + PDX_DECIMAL_ONE / 2));
	expect_ok(c, "250", &p); /* growth has no upper bound */
	assert_int_equal(p.value.nanos, 250 * PDX_DECIMAL_ONE);
	expect_ok(c,
	          "\xe2\x88\x92"
	          "2",
	          &p); /* U+2212 */
	assert_true(p.value.nanos == -2 * PDX_DECIMAL_ONE);
	expect_bad(c, "NaN");
	expect_bad(c, "inf");
	expect_bad(c, "1e3");
	expect_bad(c, "tăng");
}

static void test_count(void **state)
{
	const pdx_criterion *c = crit(state, "5.1.3");
	parsed p;
	expect_ok(c, "4", &p);
	assert_int_equal(p.value.nanos, 4 * PDX_DECIMAL_ONE);
	expect_ok(c, "0", &p);
	assert_int_equal(p.value.nanos, 0);
	expect_ok(c, "12", &p);
	assert_int_equal(p.value.nanos, 12 * PDX_DECIMAL_ONE);
	expect_bad(c, "2.5");
	expect_bad(c, "2,5");
	expect_bad(c, "-1");
	expect_bad(c, "1e2");
	expect_bad(c, "4%");
	expect_bad(c, "bốn");
	expect_bad(c, "");
}

static void test_expected_texts_without_out_pointers(void **state)
{
	/* expected_vi/expected_en may be NULL */
	const pdx_criterion *c = crit(state, "5.1.3");
	pdx_decimal v;
	long opt;
	bool yes;
	assert_int_equal(pdx_value_parse(c, "2.5", &v, &opt, &yes, NULL, NULL), PDX_EINVALID);
	assert_int_equal(pdx_value_parse(c, "3", &v, &opt, &yes, NULL, NULL), 0);
	assert_int_equal(v.nanos, 3 * PDX_DECIMAL_ONE);
}

static void test_expected_texts_differ_by_type(void **state)
{
	/* each type says what it wants; a percent hint mentions 100 */
	parsed a = parse(crit(state, "1.2.1"), "abc");
	parsed b = parse(crit(state, "5.1.3"), "abc");
	parsed y = parse(crit(state, "1.1.1"), "abc");
	assert_non_null(strstr(a.een, "100"));
	assert_string_not_equal(a.een, b.een);
	assert_string_not_equal(a.een, y.een);
	assert_non_null(strstr(y.een, "yes"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_yesno_yes_words),
	    cmocka_unit_test(test_yesno_no_words),
	    cmocka_unit_test(test_yesno_rejects),
	    cmocka_unit_test(test_choice),
	    cmocka_unit_test(test_percent),
	    cmocka_unit_test(test_number),
	    cmocka_unit_test(test_count),
	    cmocka_unit_test(test_expected_texts_without_out_pointers),
	    cmocka_unit_test(test_expected_texts_differ_by_type),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
