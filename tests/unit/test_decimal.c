/* SPDX-License-Identifier: MIT */
/* Unit tests of exact decimals: the plain decimals of rubric and plan files
 * (pdx_decimal_parse, engine/value.c), comparison and formatting (engine/decimal.c),
 * rounding half away from zero (engine/buf.c), all in integers. Answers, and linear
 * points computed from their digits, are tested in test_value.c. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define NANO PDX_DECIMAL_ONE /* 1e9 billionths */

/* Parses `text`, failing the test unless it is accepted. */
static pdx_decimal ok(const char *text, bool allow_percent)
{
	pdx_decimal d = {12345, 1};
	int rc = pdx_decimal_parse(text, allow_percent, &d);
	if (rc)
		print_error("\"%s\" was rejected\n", text);
	assert_int_equal(rc, 0);
	return d;
}

static void rejected(const char *text, bool allow_percent)
{
	pdx_decimal d = {0, 0};
	int rc = pdx_decimal_parse(text, allow_percent, &d);
	if (rc != PDX_EINVALID)
		print_error("\"%s\" was accepted (nanos %lld)\n", text, (long long)d.nanos);
	assert_int_equal(rc, PDX_EINVALID);
}

static void test_parse_integers_and_signs(void **state)
{
	(void)state;
	pdx_decimal d = ok("12", false);
	assert_int_equal(d.nanos, 12 * NANO); /* 12 → 12 000 000 000 */
	assert_int_equal(d.rest, 0);
	d = ok("+2", false);
	assert_int_equal(d.nanos, 2 * NANO);
	d = ok("-4", false);
	assert_true(d.nanos == -4 * NANO);
	/* U+2212 MINUS SIGN, as Word and some spreadsheets write it */
	d = ok("\xe2\x88\x92"
	       "2",
	       false);
	assert_true(d.nanos == -2 * NANO);
	d = ok("0", false);
	assert_int_equal(d.nanos, 0);
	/* "-0" is zero, not a negative number */
	d = ok("-0", false);
	assert_int_equal(d.nanos, 0);
	assert_int_equal(d.rest, 0);
}

static void test_parse_decimal_comma_and_point(void **state)
{
	(void)state;
	pdx_decimal a = ok("12,5", false), b = ok("12.5", false);
	assert_int_equal(a.nanos, 12 * NANO + NANO / 2); /* 12.5 = 12 500 000 000 */
	assert_int_equal(b.nanos, a.nanos);
	a = ok("-3,5", false);
	assert_true(a.nanos == -(3 * NANO + NANO / 2));
	a = ok("0.000000001", false); /* one billionth, the smallest exact step */
	assert_int_equal(a.nanos, 1);
	assert_int_equal(a.rest, 0);
	a = ok("87,5", false);
	assert_int_equal(a.nanos, 87 * NANO + NANO / 2);
}

static void test_parse_percent_sign(void **state)
{
	(void)state;
	pdx_decimal d = ok("45%", true);
	assert_int_equal(d.nanos, 45 * NANO);
	d = ok("45 %", true); /* French/Vietnamese typography puts a space before % */
	assert_int_equal(d.nanos, 45 * NANO);
	d = ok("12,5%", true);
	assert_int_equal(d.nanos, 12 * NANO + NANO / 2);
	/* without allow_percent the sign is refused */
	rejected("45%", false);
	rejected("45 %", false);
	/* a lone or doubled % is not a number */
	rejected("%", true);
	rejected("45%%", true);
}

static void test_parse_rejects_non_plain_decimals(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "1e3", /* exponent */
	    "NaN",
	    "nan",
	    "inf",                                  /* IEEE specials */
	    "1e309",                                /* would overflow a double */
	    "\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90", /* "１００" full-width digits */
	    "50,5,5",                               /* two decimal separators */
	    "1 000",                                /* grouped thousands */
	    "",
	    ".",
	    "-",
	    "+",
	    "12abc",
	    "abc",
	    "--1",
	    "1-",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		rejected(bad[i], false);
		rejected(bad[i], true);
	}
}

static void test_parse_beyond_nine_decimals(void **state)
{
	(void)state;
	/* 10 decimals: 0.0000000001 lies strictly between 0 and 1 billionth */
	pdx_decimal d = ok("0.0000000001", false);
	pdx_decimal zero = {0, 0}, one_nano = {1, 0};
	assert_int_equal(d.nanos, 0);
	assert_int_equal(d.rest, 1);
	assert_int_equal(pdx_decimal_cmp(d, zero), 1);
	assert_int_equal(pdx_decimal_cmp(d, one_nano), -1);
	/* negative: -0.0000000001 is below zero */
	d = ok("-0.0000000001", false);
	assert_int_equal(d.nanos, 0);
	assert_int_equal(d.rest, -1);
	assert_int_equal(pdx_decimal_cmp(d, zero), -1);
	/* 9.999999999999 stays below a band bound of 10 */
	pdx_decimal ten = {10 * NANO, 0};
	d = ok("9.999999999999", false);
	assert_int_equal(pdx_decimal_cmp(d, ten), -1);
	/* trailing zeros beyond the ninth decimal change nothing */
	d = ok("10.000000000000", false);
	assert_int_equal(d.rest, 0);
	assert_int_equal(pdx_decimal_cmp(d, ten), 0);
	/* 21 decimals is more than the engine computes exactly: refused */
	rejected("0.000000000000000000001", false);
}

static void test_cmp(void **state)
{
	(void)state;
	pdx_decimal a = {5, 0}, b = {6, 0}, c = {5, 1}, e = {-5, -1}, f = {-5, 0};
	assert_int_equal(pdx_decimal_cmp(a, b), -1);
	assert_int_equal(pdx_decimal_cmp(b, a), 1);
	assert_int_equal(pdx_decimal_cmp(a, a), 0);
	assert_int_equal(pdx_decimal_cmp(a, c), -1); /* 5 < 5 + ε */
	assert_int_equal(pdx_decimal_cmp(c, b), -1); /* 5 + ε < 6 */
	assert_int_equal(pdx_decimal_cmp(e, f), -1); /* -5 - ε < -5 */
	assert_int_equal(pdx_decimal_cmp(f, a), -1);
}

static void test_decimal_format(void **state)
{
	(void)state;
	char buf[48];
	pdx_decimal d = {12 * NANO + NANO / 2, 0};
	assert_string_equal(pdx_decimal_format(d, buf, sizeof buf), "12.5");
	d.nanos = -3 * NANO;
	assert_string_equal(pdx_decimal_format(d, buf, sizeof buf), "-3");
	d.nanos = 10 * NANO;
	assert_string_equal(pdx_decimal_format(d, buf, sizeof buf), "10");
	d.nanos = 0;
	assert_string_equal(pdx_decimal_format(d, buf, sizeof buf), "0");
	d.nanos = 1;
	assert_string_equal(pdx_decimal_format(d, buf, sizeof buf), "0.000000001");
	d.nanos = -(NANO / 2);
	assert_string_equal(pdx_decimal_format(d, buf, sizeof buf), "-0.5");
	/* format → parse gives the same value back */
	pdx_decimal back = ok("24.625", false);
	pdx_decimal_format(back, buf, sizeof buf);
	assert_string_equal(buf, "24.625");
}

static void test_points_format(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(pdx_points_format(8106, buf, sizeof buf), "81.06");
	assert_string_equal(pdx_points_format(-5, buf, sizeof buf), "-0.05");
	assert_string_equal(pdx_points_format(5000, buf, sizeof buf), "50.00");
	assert_string_equal(pdx_points_format(0, buf, sizeof buf), "0.00");
	assert_string_equal(pdx_points_format(10000, buf, sizeof buf), "100.00");
	assert_string_equal(pdx_points_format(-150, buf, sizeof buf), "-1.50");
}

static void test_points_format_short(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(pdx_points_format_short(6550, buf, sizeof buf), "65.5");
	assert_string_equal(pdx_points_format_short(5000, buf, sizeof buf), "50");
	assert_string_equal(pdx_points_format_short(8106, buf, sizeof buf), "81.06");
	assert_string_equal(pdx_points_format_short(0, buf, sizeof buf), "0");
	assert_string_equal(pdx_points_format_short(1, buf, sizeof buf), "0.01");
	assert_string_equal(pdx_points_format_short(-50, buf, sizeof buf), "-0.5");
	assert_string_equal(pdx_points_format_short(8432, buf, sizeof buf), "84.32");
}

/* Rubric and plan decimals keep their plain grammar, though read by the answers'
 * lexer: one mark at most, always decimal, no grouping, no trailing mark. */
static void test_parse_plain_grammar(void **state)
{
	(void)state;
	/* "10.000" in a rubric bound is ten: there is no thousands grouping in XML
	 * attributes, so no ambiguity either */
	pdx_decimal d = ok("10.000", false);
	assert_int_equal(d.nanos, 10 * NANO);
	d = ok("1,500", false); /* 1.5 */
	assert_int_equal(d.nanos, NANO + NANO / 2);
	d = ok(".5", false); /* a leading mark: 0.5 */
	assert_int_equal(d.nanos, NANO / 2);
	d = ok("-,25", false);
	assert_true(d.nanos == -(NANO / 4));
	d = ok("45  %", true); /* any number of ASCII spaces before % */
	assert_int_equal(d.nanos, 45 * NANO);
	d = ok("007", false);
	assert_int_equal(d.nanos, 7 * NANO);
	/* 9,000,000,000 is the largest integer part; 20 decimals the most */
	d = ok("9000000000", false);
	assert_true(d.nanos == INT64_C(9000000000) * NANO);
	d = ok("0.00000000000000000001", false); /* 1e-20: 0 billionths and a rest */
	assert_int_equal(d.nanos, 0);
	assert_int_equal(d.rest, 1);
	static const char *const bad[] = {
	    "5.",         /* a trailing mark is an answer's habit, not a rubric's */
	    "100,",       /* idem */
	    "1.000.000",  /* grouping */
	    "1,234.5",    /* both marks */
	    "10 000",     /* grouping by a space */
	    "9000000001", /* integer part above 9,000,000,000 */
	    "5.5.",       /* two marks */
	    ".",          /* no digit */
	    ",",          /* no digit */
	    "5 .5",       /* a space inside */
	    "- 5",        /* a sign stands against its digits */
	    "+-5",        /* two signs */
	    ("\xc2\xa0"
	     "5"), /* NBSP is trimmed from answers, never part of a rubric number */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		rejected(bad[i], false);
		rejected(bad[i], true);
	}
	/* only ASCII spaces before the % of a rubric or plan file */
	rejected("45\xc2\xa0%", true);
	rejected("45\xe2\x80\xaf%", true);
}

static void test_round_div(void **state)
{
	(void)state;
	assert_int_equal(pdx_round_div(5, 10), 1);  /* 0.5 → 1 */
	assert_true(pdx_round_div(-5, 10) == -1);   /* -0.5 → -1 */
	assert_int_equal(pdx_round_div(4, 10), 0);  /* 0.4 → 0 */
	assert_int_equal(pdx_round_div(15, 10), 2); /* 1.5 → 2 */
	assert_true(pdx_round_div(-15, 10) == -2);  /* -1.5 → -2 */
	assert_int_equal(pdx_round_div(25, 10), 3); /* 2.5 → 3, not 2 (to even) */
	assert_int_equal(pdx_round_div(-4, 10), 0); /* -0.4 → 0 */
	assert_int_equal(pdx_round_div(14, 10), 1); /* 1.4 → 1 */
	assert_int_equal(pdx_round_div(0, 7), 0);
	assert_int_equal(pdx_round_div(20, 10), 2); /* exact */
	assert_int_equal(pdx_round_div(1, 3), 0);   /* 0.33 → 0 */
	assert_int_equal(pdx_round_div(2, 3), 1);   /* 0.67 → 1 */
	assert_true(pdx_round_div(-2, 3) == -1);    /* -0.67 → -1 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_integers_and_signs),
	    cmocka_unit_test(test_parse_decimal_comma_and_point),
	    cmocka_unit_test(test_parse_percent_sign),
	    cmocka_unit_test(test_parse_rejects_non_plain_decimals),
	    cmocka_unit_test(test_parse_beyond_nine_decimals),
	    cmocka_unit_test(test_cmp),
	    cmocka_unit_test(test_decimal_format),
	    cmocka_unit_test(test_points_format),
	    cmocka_unit_test(test_points_format_short),
	    cmocka_unit_test(test_parse_plain_grammar),
	    cmocka_unit_test(test_round_div),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
