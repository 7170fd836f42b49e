/* SPDX-License-Identifier: MIT */
/* Unit tests of the one parser of answers (engine/value.c) and of the text helpers it
 * stands on (pdx_utf8_key, pdx_excerpt in engine/text.c), with criteria of the
 * provisional 951 rubric:
 *   yesno 1.1.1 (max 3); choice 2.1.3 (none 0 / foreign 1 / domestic 2 / multi 3),
 *   2.2.1 (none 0 / 1-2 2 / 3+ 4), 3.1.1 (none 0 / partial 2 / full 4);
 *   percent 1.2.1 (bands ≥10 → 3, ≥5 → 2, >0 → 1), 1.1.3 (linear, max 3),
 *   3.2.1 (linear, max 4); number 1.2.2 (≥20 → 3, ≥10 → 2, >0 → 1);
 *   count 5.1.3 (≥4 → 2, ≥2 → 1).
 * Every expected value is worked out by hand from the rules of the README ("Tệp câu
 * trả lời"); the arithmetic is in the comment where it is not obvious. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define NANO PDX_DECIMAL_ONE

__extension__ typedef unsigned __int128 u128;

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

/* Parses, failing the test on PDX_ENOMEM; *pb is the problem. */
static pdx_value parse(const pdx_criterion *c, const char *text, pdx_value_problem *pb)
{
	pdx_value v;
	memset(&v, 0x5a, sizeof v); /* garbage: the parser must fill every field */
	*pb = (pdx_value_problem)99;
	int rc = pdx_value_parse(&v, pb, c, text);
	assert_int_not_equal(rc, PDX_ENOMEM);
	assert_int_equal(rc, *pb == PDX_VALUE_OK ? 0 : PDX_EINVALID);
	if (rc) { /* a refused answer is nothing: never yes, no option, no number */
		assert_false(v.yes);
		assert_int_equal(v.option, -1);
		assert_false(v.has_number);
	}
	return v;
}

static pdx_value ok(const pdx_criterion *c, const char *text)
{
	pdx_value_problem pb;
	pdx_value v = parse(c, text, &pb);
	if (pb != PDX_VALUE_OK)
		print_error("%s: \"%s\" refused (problem %d)\n", c->id, text, (int)pb);
	assert_int_equal(pb, PDX_VALUE_OK);
	return v;
}

static const char *const problem_names[] = {"ok", "invalid", "out of range", "ambiguous",
                                            "too large"};

/* ---- numbers ------------------------------------------------------------------ */

typedef struct num_case {
	const char *crit; /* a criterion of the 951 rubric */
	const char *text;
	pdx_value_problem problem;
	int64_t nanos; /* the value in billionths, when the answer is read */
	int rest;      /* past the ninth decimal: -1, 0 or +1 */
	unsigned flags;
} num_case;

#define PCT  "1.2.1" /* percent, bands */
#define NUM  "1.2.2" /* number, bands */
#define CNT  "5.1.3" /* count, bands */
#define OK   PDX_VALUE_OK
#define INV  PDX_VALUE_INVALID
#define OOR  PDX_VALUE_OUT_OF_RANGE
#define AMB  PDX_VALUE_AMBIGUOUS
#define BIG  PDX_VALUE_TOO_LARGE
#define FRA  PDX_VALUE_FRACTION_PERCENT
#define GRP  PDX_VALUE_GROUPED
#define N(x) ((int64_t)(x)*NANO)

static const num_case numbers[] = {
    /* percent: plain values, '%' with any of the spaces typography puts before it */
    {PCT, "0", OK, 0, 0, 0},
    {PCT, "100", OK, N(100), 0, 0},
    {PCT, "100%", OK, N(100), 0, 0},
    {PCT, "55,5", OK, N(55) + NANO / 2, 0, 0},
    {PCT, "12.25 %", OK, N(12) + NANO / 4, 0, 0},
    {PCT, "80 %", OK, N(80), 0, 0},
    {PCT, "80\xc2\xa0%", OK, N(80), 0, 0},     /* U+00A0 NO-BREAK SPACE */
    {PCT, "80\xe2\x80\xaf%", OK, N(80), 0, 0}, /* U+202F NARROW NO-BREAK SPACE */
    {PCT, "80\xe2\x80\x89%", OK, N(80), 0, 0}, /* U+2009 THIN SPACE */
    {PCT, "80  %", OK, N(80), 0, 0},
    {PCT, "100.000", OK, N(100), 0, 0}, /* trailing zeros: exactly 100 */
    /* in a percent one mark is always decimal: grouping would exceed 100 */
    {PCT, "12.500", OK, N(12) + NANO / 2, 0, 0},
    {PCT, "12,500", OK, N(12) + NANO / 2, 0, 0},
    {PCT, "1,234", OK, N(1) + 234000000, 0, 0},
    /* a trailing mark: a decimal mark with no decimals */
    {PCT, "5.", OK, N(5), 0, 0},
    {PCT, "100,", OK, N(100), 0, 0},
    {PCT, "5. %", OK, N(5), 0, 0},
    /* strictly between 0 and 1 without '%': read as written, flagged */
    {PCT, "0,35", OK, 350000000, 0, FRA},
    {PCT, "0.500", OK, NANO / 2, 0, FRA},
    {PCT, ",5", OK, NANO / 2, 0, FRA},
    {PCT, "0,35%", OK, 350000000, 0, 0},
    {PCT, "0,35 %", OK, 350000000, 0, 0},
    {PCT, "1", OK, N(1), 0, 0},
    {PCT, "0,0", OK, 0, 0, 0},
    {PCT, "-0", OK, 0, 0, 0},
    /* grouping in a percent is at least 1000: out of range */
    {PCT, "1.000.000", OOR, 0, 0, 0},
    {PCT, "10 000", OOR, 0, 0, 0},
    {PCT, "1.234,5", OOR, 0, 0, 0},
    {PCT, "120", OOR, 0, 0, 0},
    {PCT, "100.0000001", OOR, 0, 0, 0},    /* above 100 by 1e-7 */
    {PCT, "100.0000000001", OOR, 0, 0, 0}, /* above 100 past the ninth decimal */
    {PCT, "-1", OOR, 0, 0, 0},
    {PCT, "-0.5", OOR, 0, 0, 0},
    {PCT, "99999999999999", OOR, 0, 0, 0},           /* above 100 before beyond range */
    {PCT, "12.000000000000000000001", BIG, 0, 0, 0}, /* 21 decimals */
    {PCT, "abc", INV, 0, 0, 0},
    {PCT, "1e2", INV, 0, 0, 0},
    {PCT, "50,5,5", INV, 0, 0, 0}, /* ',' twice groups, and "5" is no group of three */
    {PCT, "1.2.3", INV, 0, 0, 0},
    {PCT, "", INV, 0, 0, 0},
    {PCT, "%", INV, 0, 0, 0},
    {PCT, "45%%", INV, 0, 0, 0},
    {PCT, "NaN", INV, 0, 0, 0},
    {PCT, "inf", INV, 0, 0, 0},
    {PCT, "\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90", INV, 0, 0, 0}, /* "１００" full width */
    {PCT, "5 .5", INV, 0, 0, 0},

    /* number: one mark before exactly three digits after 1-3 digits not starting with
     * 0 can be read two ways */
    {NUM, "10.000", AMB, 0, 0, 0},
    {NUM, "1.500", AMB, 0, 0, 0},
    {NUM, "1,234", AMB, 0, 0, 0},
    {NUM, "-10.000", AMB, 0, 0, 0},
    {NUM, "999.999", AMB, 0, 0, 0},
    {NUM, "10.000%", AMB, 0, 0, 0},
    /* ... and only that */
    {NUM, "0.500", OK, NANO / 2, 0, 0},               /* a leading 0: decimal */
    {NUM, "0,125", OK, NANO / 8, 0, 0},               /* 0.125 */
    {NUM, "01.500", OK, N(1) + NANO / 2, 0, 0},       /* a leading 0 again: 1.5 */
    {NUM, "1234.567", OK, N(1234) + 567000000, 0, 0}, /* four digits before: decimal */
    {NUM, "1.5000", OK, N(1) + NANO / 2, 0, 0},       /* four digits after: 1.5 */
    {NUM, "1,25", OK, N(1) + NANO / 4, 0, 0},         /* two after: 1.25 */
    {NUM, "12,5", OK, N(12) + NANO / 2, 0, 0},
    {NUM, "10.000.000", OK, N(10000000), 0, GRP}, /* a mark twice groups */
    {NUM, "10,000,000", OK, N(10000000), 0, GRP},
    {NUM, "10 000", OK, N(10000), 0, GRP},
    {NUM,
     "10\xc2\xa0"
     "000",
     OK, N(10000), 0, GRP}, /* NBSP */
    {NUM,
     "10\xe2\x80\xaf"
     "000",
     OK, N(10000), 0, GRP}, /* U+202F */
    {NUM,
     "10\xe2\x80\x89"
     "000",
     OK, N(10000), 0, GRP},                           /* U+2009 */
    {NUM, "1.234,5", OK, N(1234) + NANO / 2, 0, GRP}, /* the last mark is decimal */
    {NUM, "1,234.5", OK, N(1234) + NANO / 2, 0, GRP},
    {NUM, "1.234.567,89", OK, N(1234567) + 890000000, 0, GRP},
    {NUM, "1 234 567,89", OK, N(1234567) + 890000000, 0, GRP},
    {NUM, "10 000,5", OK, N(10000) + NANO / 2, 0, GRP},
    {NUM, "1.234,", OK, N(1234), 0, GRP}, /* trailing ',' decimal, '.' groups */
    {NUM, "5.", OK, N(5), 0, 0},
    {NUM, "-5,", OK, -N(5), 0, 0},
    {NUM, "-4", OK, -N(4), 0, 0},
    {NUM, "+15", OK, N(15), 0, 0},
    {NUM,
     "\xe2\x88\x92"
     "2",
     OK, -N(2), 0, 0}, /* U+2212 MINUS SIGN */
    {NUM, "-3,5", OK, -(N(3) + NANO / 2), 0, 0},
    {NUM, "20%", OK, N(20), 0, 0},
    {NUM, "80\xe2\x80\xaf%", OK, N(80), 0, 0},
    {NUM, "250", OK, N(250), 0, 0}, /* growth has no upper bound */
    {NUM, "-0", OK, 0, 0, 0},
    {NUM, "1000.000", OK, N(1000), 0, 0},
    /* 9,000,000,000 is the largest integer part; 20 decimals the most */
    {NUM, "9000000000", OK, N(9000000000), 0, 0},
    {NUM, "9.000.000.000", OK, N(9000000000), 0, GRP},
    {NUM, "-9000000000,999999999", OK, -(N(9000000000) + 999999999), 0, 0},
    {NUM, "0.00000000000000000001", OK, 0, 1, 0},   /* 1e-20: 0 billionths, a rest */
    {NUM, "-0.00000000000000000001", OK, 0, -1, 0}, /* below zero */
    {NUM, "9.9999999999", OK, N(9) + 999999999, 1, 0},
    {NUM, "9000000001", BIG, 0, 0, 0},
    {NUM, "9.000.000.001", BIG, 0, 0, 0},
    {NUM, "10000000000", BIG, 0, 0, 0},
    {NUM, "0.000000000000000000001", BIG, 0, 0, 0}, /* 21 decimals */
    /* malformed */
    {NUM, "1.2.3", INV, 0, 0, 0},          /* '.' twice groups: "2" is no group of three */
    {NUM, "1.234,5,6", INV, 0, 0, 0},      /* the decimal mark twice */
    {NUM, "1,2.3", INV, 0, 0, 0},          /* ',' groups "2" */
    {NUM, "1.234.", INV, 0, 0, 0},         /* the trailing '.' is decimal: '.' cannot group */
    {NUM, "0.000.000", INV, 0, 0, 0},      /* a grouped number does not start with 0 */
    {NUM, "1234.567.890", INV, 0, 0, 0},   /* a first group of four */
    {NUM, "1.000 000", INV, 0, 0, 0},      /* a space after the decimal mark */
    {NUM, "10 000.000.000", INV, 0, 0, 0}, /* two kinds of grouping */
    {NUM, "10  000", INV, 0, 0, 0},        /* two spaces */
    {NUM, "- 5", INV, 0, 0, 0},
    {NUM, "--1", INV, 0, 0, 0},
    {NUM, "1-", INV, 0, 0, 0},
    {NUM, ".5.", INV, 0, 0, 0},
    {NUM, "1e3", INV, 0, 0, 0},
    {NUM, "NaN", INV, 0, 0, 0},
    {NUM, "inf", INV, 0, 0, 0},
    {NUM, "tăng", INV, 0, 0, 0},

    /* count: whole and not negative; "2,0" is 2 */
    {CNT, "4", OK, N(4), 0, 0},
    {CNT, "0", OK, 0, 0, 0},
    {CNT, "12", OK, N(12), 0, 0},
    {CNT, "2,0", OK, N(2), 0, 0},
    {CNT, "2.00", OK, N(2), 0, 0},
    {CNT, "5.", OK, N(5), 0, 0},
    {CNT, "-0", OK, 0, 0, 0},
    {CNT, "10.000.000", OK, N(10000000), 0, GRP},
    {CNT, "10 000", OK, N(10000), 0, GRP},
    {CNT, "1.234,0", OK, N(1234), 0, GRP},
    {CNT, "1.500", AMB, 0, 0, 0}, /* 1500, or 1.5 (which no count is): still asked */
    {CNT, "10.000", AMB, 0, 0, 0},
    {CNT, "1,234", AMB, 0, 0, 0},
    {CNT, "1.5000", OOR, 0, 0, 0}, /* 1.5: fractional */
    {CNT, "2.5", OOR, 0, 0, 0},
    {CNT, "2,5", OOR, 0, 0, 0},
    {CNT, "0,500", OOR, 0, 0, 0}, /* 0.5 */
    {CNT, "-1", OOR, 0, 0, 0},
    {CNT, "4%", INV, 0, 0, 0}, /* a count takes no % */
    {CNT, "4 %", INV, 0, 0, 0},
    {CNT, "1e2", INV, 0, 0, 0},
    {CNT, "bốn", INV, 0, 0, 0},
    {CNT, "", INV, 0, 0, 0},
    {CNT, "10000000000", BIG, 0, 0, 0},
};

static void test_numbers(void **state)
{
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		const num_case *t = &numbers[i];
		const pdx_criterion *c = crit(state, t->crit);
		pdx_value_problem pb;
		pdx_value v = parse(c, t->text, &pb);
		bool same = pb == t->problem;
		if (same && pb == OK)
			same = v.has_number && v.number.nanos == t->nanos &&
			       v.number.rest == t->rest && v.flags == t->flags && v.option == -1 &&
			       !v.yes;
		if (!same)
			print_error(
			    "%s \"%s\": got %s (%lld, rest %d, flags %u), want %s (%lld, rest "
			    "%d, flags %u)\n",
			    t->crit, t->text, problem_names[pb], (long long)v.number.nanos,
			    v.number.rest, v.flags, problem_names[t->problem], (long long)t->nanos,
			    t->rest, t->flags);
		assert_true(same);
	}
}

/* The written digits are kept whole: |value| = digits / 10^scale. */
static void test_written_digits(void **state)
{
	const pdx_criterion *num = crit(state, NUM), *pct = crit(state, PCT);
	pdx_value v = ok(num, "-1.234,50");
	assert_int_equal(v.digits_hi, 0);
	assert_int_equal(v.digits_lo, 123450); /* 1234.50 = 123450 / 10^2 */
	assert_int_equal(v.scale, 2);
	assert_true(v.negative);
	v = ok(num, "-0,0");
	assert_false(v.negative); /* zero has no sign */
	assert_int_equal(v.digits_lo, 0);
	v = ok(pct, "007,5");
	assert_int_equal(v.digits_lo, 75); /* leading zeros are not digits of the value */
	assert_int_equal(v.scale, 1);
	/* 30 digits: 9000000000.99999999999999999999 = 9 × 10^29 + (10^20 - 1), over
	 * 10^20 */
	v = ok(num, "9000000000.99999999999999999999");
	assert_int_equal(v.scale, 20);
	u128 m = (u128)v.digits_hi << 64 | v.digits_lo;
	u128 want = (u128)9000000000 * 10000000000 * 10000000000 + (u128)9999999999 * 10000000000 +
	            9999999999;
	assert_true(m == want);
	assert_true(v.number.nanos == N(9000000000) + 999999999);
	assert_int_equal(v.number.rest, 1);
}

/* ---- yes / no ----------------------------------------------------------------- */

static void test_yesno(void **state)
{
	const pdx_criterion *c = crit(state, "1.1.1");
	static const char *const yes[] = {
	    "có",
	    "co",
	    "yes",
	    "y",
	    "1",
	    "x",
	    "true",
	    "CÓ",
	    "Có",
	    "YES",
	    "Y",
	    "X",
	    "CO",
	    "True",
	    "TRUE",
	    "cÓ",
	    "co\xcc\x81", /* có decomposed (o + U+0301), as macOS writes it */
	    "C\xc3\x93",  /* CÓ */
	    "\xef\xbd\x99\xef\xbd\x85\xef\xbd\x93", /* "ｙｅｓ" full width: NFKC */
	};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		pdx_value v = ok(c, yes[i]);
		if (!v.yes)
			print_error("\"%s\" read as no\n", yes[i]);
		assert_true(v.yes);
		assert_int_equal(v.option, -1);
		assert_false(v.has_number);
	}
	static const char *const no[] = {"không", "khong",        "no", "n",  "0", "false",
	                                 "Không", "KHÔNG",        "NO", "No", "N", "False",
	                                 "KHONG", "kho\xcc\x82ng"}; /* NFD: ô = o + U+0302 */
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		pdx_value v = ok(c, no[i]);
		if (v.yes)
			print_error("\"%s\" read as yes\n", no[i]);
		assert_false(v.yes);
	}
	static const char *const bad[] = {
	    "Có rồi", "2",   "ok",       "yess", "có có",        "-1", "",
	    "1.0",    "oui", "không có", "\xff", "c\xc3\xb3\xff"}; /* not UTF-8: invalid, no OOM */
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		pdx_value_problem pb;
		parse(c, bad[i], &pb);
		if (pb != INV)
			print_error("\"%s\" was not refused\n", bad[i]);
		assert_int_equal(pb, INV);
	}
}

/* ---- choices ------------------------------------------------------------------ */

typedef struct choice_case {
	const char *crit, *text;
	long option; /* -1: refused */
} choice_case;

static const choice_case choices[] = {
    /* keys, in any case */
    {"2.1.3", "domestic", 2},
    {"2.1.3", "DOMESTIC", 2},
    {"2.1.3", "Multi", 3},
    {"2.1.3", "none", 0},
    {"2.1.3", "foreign", 1},
    {"2.2.1", "3+", 2},
    {"2.2.1", "1-2", 1},
    /* a dash is a dash: en dash, minus sign, full-width hyphen */
    {"2.2.1",
     "1\xe2\x80\x93"
     "2",
     1},
    {"2.2.1",
     "1\xe2\x88\x92"
     "2",
     1},
    {"2.2.1",
     "1\xef\xbc\x8d"
     "2",
     1},
    /* labels, as the template shows them (label of 2.2.1's 1-2: "cấp độ 1–2") */
    {"2.1.3", "có nền tảng trong nước", 2},
    {"2.1.3", "Có nền tảng trong nước", 2},
    {"2.1.3", "chưa", 0},
    {"2.2.1", "cấp độ 1–2", 1},
    {"2.2.1", "Cấp độ 1-2", 1},
    {"2.2.1", "CẤP ĐỘ 3 TRỞ LÊN", 2},
    {"3.1.1", "toàn phần", 2},
    {"3.1.1", "một  phần", 1}, /* spacing does not matter */
    /* the whole "key = label (Nđ)" segment, with or without the points */
    {"2.2.1", "1-2 = cấp độ 1–2 (2đ)", 1},
    {"2.2.1", "1-2 = cấp độ 1–2", 1},
    {"2.2.1", "1–2 = Cấp độ 1-2", 1},
    {"2.1.3", "multi = từ 2 nền tảng trở lên, có nền tảng trong nước (3đ)", 3},
    {"3.1.1", "none = chưa (0đ)", 0},
    /* not answers */
    {"2.1.3", "dom", -1},
    {"2.1.3", "2", -1},
    {"2.1.3", "domestic = chưa", -1}, /* a key with another option's label */
    {"2.1.3", "domestic (2đ)", -1},
    {"2.2.1", "cap 3", -1},
    {"2.2.1", "3", -1},
    {"2.2.1", "cấp độ 1 2", -1},
    {"2.2.1", "1-2 = cấp độ 1–2 (4đ)", -1}, /* the wrong points are no segment */
    {"2.2.1", "", -1},
};

static void test_choices(void **state)
{
	for (size_t i = 0; i < sizeof choices / sizeof *choices; i++) {
		const choice_case *t = &choices[i];
		const pdx_criterion *c = crit(state, t->crit);
		pdx_value_problem pb;
		pdx_value v = parse(c, t->text, &pb);
		if (v.option != t->option)
			print_error("%s \"%s\": option %ld, want %ld\n", t->crit, t->text, v.option,
			            t->option);
		assert_int_equal(v.option, t->option);
		assert_int_equal(pb, t->option >= 0 ? OK : INV);
		assert_false(v.yes);
		assert_false(v.has_number);
	}
	/* "cấp độ 1-2" decomposed, as macOS writes it (NFD: a + U+0302 + U+0301, o + U+0323 +
	 * U+0302) */
	pdx_value v = ok(crit(state, "2.2.1"), "ca\xcc\x82\xcc\x81p \xc4\x91o\xcc\xa3\xcc\x82 1-2");
	assert_int_equal(v.option, 1);
}

/* A key wins over a label; a label two options share names neither. */
static void test_choice_key_wins(void **state)
{
	(void)state;
	static const pdx_option opts[] = {
	    {.key = "a", .label = "b", .points = 100},
	    {.key = "b", .label = "same", .points = 200},
	    {.key = "c", .label = "same", .points = 300},
	};
	pdx_criterion c = {.id = "t",
	                   .type = PDX_TYPE_CHOICE,
	                   .scoring = PDX_SCORING_OPTIONS,
	                   .max = 300,
	                   .options = opts,
	                   .n_options = 3};
	assert_int_equal(ok(&c, "b").option, 1); /* key b, not option a's label b */
	assert_int_equal(ok(&c, "B").option, 1); /* through the key too */
	assert_int_equal(ok(&c, "a = b").option, 0);
	assert_int_equal(ok(&c, "c = same (3đ)").option, 2);
	pdx_value_problem pb;
	parse(&c, "same", &pb); /* option 1 or option 2? */
	assert_int_equal(pb, INV);
}

/* "A template filled with any of its own displayed answers must score": every
 * segment of every choice criterion's allowed_answers cell of the template, the key
 * and the label in it, read back as the option it shows. */
static char *csv_field(const char **p)
{
	pdx_buf b = {0};
	const char *s = *p;
	if (*s == '"') {
		for (s++; *s; s++) {
			if (*s == '"' && s[1] == '"')
				pdx_buf_putc(&b, *s++);
			else if (*s == '"')
				break;
			else
				pdx_buf_putc(&b, *s);
		}
		if (*s == '"')
			s++;
	} else {
		while (*s && *s != ',' && *s != '\r' && *s != '\n')
			pdx_buf_putc(&b, *s++);
	}
	pdx_buf_putc(&b, '\0');
	if (*s == ',')
		s++;
	*p = s;
	char *out = NULL;
	assert_int_equal(pdx_buf_finish(&b, &out, NULL), 0);
	return out;
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	assert_non_null(d);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static void test_template_answers_score(void **state)
{
	const pdx_rubric *r = *state;
	char *csv;
	size_t len;
	assert_int_equal(pdx_template_csv(&csv, &len, r, NULL), 0);
	const char *p = csv + 3;   /* BOM */
	p = strstr(p, "\r\n") + 2; /* header */
	size_t segments = 0, criteria = 0;
	while (*p) {
		char *f[15];
		for (int i = 0; i < 15; i++)
			f[i] = csv_field(&p);
		while (*p == '\r' || *p == '\n')
			p++;
		long k = pdx_rubric_find_criterion(r, f[7]);
		if (k >= 0 && strcmp(f[9], "choice") == 0) {
			const pdx_criterion *c = pdx_rubric_criterion(r, (size_t)k);
			criteria++;
			long opt = 0;
			char *save = NULL;
			/* "key = label (Nđ); key = label (Nđ); …" */
			for (char *seg = strtok_r(f[10], ";", &save); seg;
			     seg = strtok_r(NULL, ";", &save), opt++) {
				while (*seg == ' ')
					seg++;
				char *eq = strstr(seg, " = "), *paren = strrchr(seg, '(');
				assert_non_null(eq);
				assert_non_null(paren);
				char *key = dupn(seg, (size_t)(eq - seg));
				char *label = dupn(eq + 3, (size_t)(paren - 1 - (eq + 3)));
				char *plain = dupn(seg, (size_t)(paren - 1 - seg));
				const char *forms[] = {seg, plain, key, label};
				for (size_t i = 0; i < 4; i++) {
					pdx_value v = ok(c, forms[i]);
					if (v.option != opt)
						print_error("%s \"%s\": option %ld, want %ld\n",
						            c->id, forms[i], v.option, opt);
					assert_int_equal(v.option, opt);
					/* and it earns what the template says it earns */
					assert_int_equal(pdx_value_points(c, &v),
					                 c->options[opt].points);
				}
				free(key);
				free(label);
				free(plain);
				segments++;
			}
			assert_int_equal(opt, (long)c->n_options);
		}
		for (int i = 0; i < 15; i++)
			free(f[i]);
	}
	free(csv);
	assert_int_equal(criteria, 3);  /* 2.1.3, 2.2.1, 3.1.1 */
	assert_int_equal(segments, 10); /* 4 + 3 + 3 options */
}

/* ---- points ------------------------------------------------------------------- */

static pdx_points points_of(const pdx_criterion *c, const char *text)
{
	pdx_value v = ok(c, text);
	return pdx_value_points(c, &v);
}

typedef struct points_case {
	const char *crit, *text;
	pdx_points points; /* hundredths */
} points_case;

static const points_case points[] = {
    /* linear, max × value / 100 rounded half away from zero, from every written digit */
    {"1.1.3", "55", 165},    /* 3 × 55 / 100 = 1.65 */
    {"1.1.3", "37.5", 113},  /* 1.125, a tie → 1.13 (half to even: 1.12) */
    {"3.2.1", "12.625", 51}, /* 4 × 12.625 / 100 = 0.505 → 0.51 */
    {"3.2.1", "24.625", 99}, /* 0.985 → 0.99 (a double gives 0.98) */
    {"1.1.3", "0,5%", 2},    /* 0.015 → 0.02 */
    {"3.2.1", "0.125%", 1},  /* 0.005 → 0.01 */
    {"1.1.3", "33.3", 100},  /* 0.999 → 1.00 */
    {"1.1.3", "100", 300},   /**/
    {"1.1.3", "0", 0},       /**/
    {"3.2.1", "33,3", 133},  /* 1.332 → 1.33 */
    {"1.1.3", "86,5", 260},  /* 2.595 → 2.60 */
    {"1.1.3", "55%", 165},   /**/
    {"1.1.3", "+55", 165},   /**/
    {"1.1.3", "-0", 0},      /**/
    {"1.1.3", "12.500", 38}, /* 12.5 in a percent: 0.375 → 0.38 */
    {"1.1.3", "80\xe2\x80\xaf%", 240},
    {"1.1.3", "5.", 15},       /* 0.15 */
    {"1.1.3", "100,000", 300}, /* 100.000 = 100 */
    /* 4 × 24.62499999999999999999 / 100 = 0.98499999…  → 0.98;
     * 4 × 24.6250000000000000001 / 100 = 0.98500000…04 → 0.99 */
    {"3.2.1", "24.62499999999999999999", 98},
    {"3.2.1", "24.6250000000000000001", 99},
    /* bands */
    {"1.2.1", "10", 300},             /* ≥ 10 */
    {"1.2.1", "9,999999999999", 200}, /* below 10 by less than a billionth: ≥ 5 */
    {"1.2.1", "5", 200},
    {"1.2.1", "0.0000000001%", 100}, /* > 0 past the ninth decimal */
    {"1.2.1", "0", 0},               /* not > 0 */
    {"1.2.2", "-4", 0},
    {"1.2.2", "10.000.000", 300}, /* ten million: ≥ 20 */
    {"5.1.3", "4", 200},
    {"5.1.3", "2,0", 100},
    {"5.1.3", "1", 0},
    /* yes/no and choices */
    {"1.1.1", "Có", 300},
    {"1.1.1", "không", 0},
    {"2.2.1", "3+", 400},
    {"2.2.1", "cấp độ 1–2", 200},
    {"2.1.3", "foreign", 100},
};

static void test_points(void **state)
{
	for (size_t i = 0; i < sizeof points / sizeof *points; i++) {
		const points_case *t = &points[i];
		pdx_points p = points_of(crit(state, t->crit), t->text);
		if (p != t->points)
			print_error("%s \"%s\": %lld points, want %lld\n", t->crit, t->text,
			            (long long)p, (long long)t->points);
		assert_int_equal(p, t->points);
	}
}

/* Linear points stay exact for maxima far beyond a rubric's: max × digits needs up to
 * 137 bits. */
static void test_linear_points_large(void **state)
{
	(void)state;
	pdx_criterion c = {
	    .id = "big", .type = PDX_TYPE_PERCENT, .scoring = PDX_SCORING_LINEAR, .max = INT64_MAX};
	/* INT64_MAX = 9223372036854775807 */
	assert_true(points_of(&c, "100") == INT64_MAX);
	/* 9223372036854775807 × 50 / 100 = 4611686018427387903.5 → …904 */
	assert_true(points_of(&c, "50") == INT64_C(4611686018427387904));
	/* 9223372036854775807 / 200 = 46116860184273879.035 (200 × 46116860184273879 =
	 * 9223372036854775800, remainder 7) → …879 */
	assert_true(points_of(&c, "0,5%") == INT64_C(46116860184273879));
	/* max × (1 - 10^-22) = max - 0.00092… → max */
	assert_true(points_of(&c, "99.99999999999999999999") == INT64_MAX);
	/* max × 10^-22 = 0.00092… → 0 */
	assert_true(points_of(&c, "0.00000000000000000001%") == 0);
	/* 899999999999 × 33.33333333333333333333 / 100 = 899999999999 × (10^22 - 1) /
	 * (3 × 10^22) = 299999999999.666… - 0.00000000003 → 300000000000 */
	c.max = INT64_C(899999999999);
	assert_true(points_of(&c, "33.33333333333333333333") == INT64_C(300000000000));
}

/* The band rule: v > bound for "gt", v >= bound for "ge"; the first band reached. */
static void test_band_reached(void **state)
{
	const pdx_criterion *c = crit(state, "1.2.1"); /* ≥10, ≥5, >0 */
	struct {
		pdx_decimal v;
		size_t band;
	} t[] = {
	    {{N(10), 0}, 0},     {{N(10) - 1, 0}, 1}, /* 9.999999999 */
	    {{N(10) - 1, 1}, 1},                      /* between 9.999999999 and 10 */
	    {{N(5), 0}, 1},      {{N(5) - 1, 0}, 2},  {{1, 0}, 2},
	    {{0, 1}, 2}, /* just above 0: > 0 */
	    {{0, 0}, 3}, /* 0 is not > 0: no band */
	    {{0, -1}, 3},        {{-N(4), 0}, 3},     {{N(250), 0}, 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		size_t b = pdx_band_reached(c, t[i].v);
		if (b != t[i].band)
			print_error("%lld (rest %d): band %zu, want %zu\n", (long long)t[i].v.nanos,
			            t[i].v.rest, b, t[i].band);
		assert_int_equal(b, t[i].band);
	}
	/* at an equal bound "> 5" comes before ">= 5" */
	static const pdx_band bands[] = {
	    {.bound = {N(5), 0}, .strict = true, .points = 300},
	    {.bound = {N(5), 0}, .strict = false, .points = 200},
	};
	pdx_criterion e = {.id = "e",
	                   .type = PDX_TYPE_NUMBER,
	                   .scoring = PDX_SCORING_BANDS,
	                   .max = 300,
	                   .bands = bands,
	                   .n_bands = 2};
	assert_int_equal(pdx_band_reached(&e, (pdx_decimal){N(5), 0}), 1);
	assert_int_equal(pdx_band_reached(&e, (pdx_decimal){N(5), 1}), 0);
	assert_int_equal(pdx_band_reached(&e, (pdx_decimal){N(5) - 1, 0}), 2);
}

/* ---- equality ----------------------------------------------------------------- */

static void test_equal(void **state)
{
	struct {
		const char *crit, *a, *b;
		bool equal;
	} t[] = {
	    {"1.1.1", "có", "Có", true},
	    {"1.1.1", "có", "1", true},
	    {"1.1.1", "co\xcc\x81", "yes", true},
	    {"1.1.1", "không", "0", true},
	    {"1.1.1", "có", "không", false},
	    {"2.2.1", "1-2", "cấp độ 1–2", true},
	    {"2.2.1", "1–2", "1-2 = cấp độ 1–2 (2đ)", true},
	    {"2.2.1", "3+", "1-2", false},
	    {"1.2.1", "55.44", "55,44", true},
	    {"1.2.1", "40", "40%", true},
	    {"1.2.1", "40", "40 %", true},
	    {"1.2.1", "40", "40,0", true},
	    {"1.2.1", "40.00", "40,", true},
	    {"1.2.1", "40", "40.01", false},
	    {"1.2.1", "0,35", "0.35%", true}, /* the flag is a note, not the value */
	    {"1.2.2", "10 000", "10000", true},
	    {"1.2.2", "1.234,5", "1,234.5", true},
	    {"1.2.2", "1.234,5", "1234,50", true},
	    {"1.2.2", "-0", "0", true},
	    {"1.2.2", "-5", "5", false},
	    {"1.2.2", "0.0000000001", "0.00000000010", true},
	    {"1.2.2", "0.0000000001", "0", false},            /* differs past 9 decimals */
	    {"1.2.2", "0.0000000001", "0.0000000002", false}, /* same billionths, same rest */
	    {"5.1.3", "2", "2,0", true},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		const pdx_criterion *c = crit(state, t[i].crit);
		pdx_value a = ok(c, t[i].a), b = ok(c, t[i].b);
		bool eq = pdx_value_equal(&a, &b);
		if (eq != t[i].equal || pdx_value_equal(&b, &a) != eq)
			print_error("%s \"%s\" vs \"%s\": %s\n", t[i].crit, t[i].a, t[i].b,
			            eq ? "equal" : "different");
		assert_true(eq == t[i].equal);
		assert_true(pdx_value_equal(&b, &a) == eq);
	}
}

/* ---- messages ----------------------------------------------------------------- */

static void expect_message(const pdx_criterion *c, const char *text, const char *want_vi,
                           const char *want_en)
{
	pdx_value_problem pb;
	parse(c, text, &pb);
	assert_int_not_equal(pb, OK);
	char *vi = NULL, *en = NULL;
	assert_int_equal(pdx_value_message(&vi, &en, c, text, pb), 0);
	assert_string_equal(vi, want_vi);
	assert_string_equal(en, want_en);
	free(vi);
	free(en);
}

static void test_messages(void **state)
{
	/* plainly invalid and out of range: today's wording, byte for byte */
	expect_message(crit(state, PCT), "120",
	               "câu trả lời \"120\" không hợp lệ; cần một số từ 0 đến 100 (ví dụ 45, "
	               "12,5 hoặc 80%)",
	               "invalid answer \"120\"; expected a number from 0 to 100 (e.g. 45, 12.5 "
	               "or 80%)");
	expect_message(crit(state, CNT), "2.5",
	               "câu trả lời \"2.5\" không hợp lệ; cần một số nguyên không âm (ví dụ 0, 3, "
	               "12)",
	               "invalid answer \"2.5\"; expected a whole number, 0 or more (e.g. 0, 3, "
	               "12)");
	expect_message(crit(state, NUM), "inf",
	               "câu trả lời \"inf\" không hợp lệ; cần một số, có thể âm (ví dụ 15, -3,5 "
	               "hoặc 20%)",
	               "invalid answer \"inf\"; expected a number, possibly negative (e.g. 15, "
	               "-3.5 or 20%)");
	expect_message(crit(state, "1.1.1"), "Có rồi",
	               "câu trả lời \"Có rồi\" không hợp lệ; cần có hoặc không "
	               "(có/co/yes/y/1/x/true, không/khong/no/n/0/false)",
	               "invalid answer \"Có rồi\"; expected yes or no (có/co/yes/y/1/x/true, "
	               "không/khong/no/n/0/false)");
	expect_message(crit(state, "2.2.1"), "cap 3",
	               "câu trả lời \"cap 3\" không hợp lệ; cần một trong: none, 1-2, 3+",
	               "invalid answer \"cap 3\"; expected one of: none, 1-2, 3+");
	/* an invisible character is named, never shown as itself */
	expect_message(crit(state, CNT), "80\xc2\xa0%",
	               "câu trả lời \"80U+00A0%\" không hợp lệ; cần một số nguyên không âm (ví "
	               "dụ 0, 3, 12)",
	               "invalid answer \"80U+00A0%\"; expected a whole number, 0 or more (e.g. "
	               "0, 3, 12)");
	/* two readings, both worked out from the text, and what to write for each */
	expect_message(crit(state, NUM), "10.000",
	               "câu trả lời \"10.000\" có thể hiểu hai cách: 10000 (dấu . ngăn cách hàng "
	               "nghìn) hoặc 10 (dấu . thập phân); hãy viết 10000 hoặc 10",
	               "answer \"10.000\" can be read two ways: 10000 (a thousands separator) or "
	               "10 (a decimal point); write 10000 or 10");
	expect_message(crit(state, CNT), "1.500",
	               "câu trả lời \"1.500\" có thể hiểu hai cách: 1500 (dấu . ngăn cách hàng "
	               "nghìn) hoặc 1,5 (dấu . thập phân); hãy viết 1500 hoặc 1,5",
	               "answer \"1.500\" can be read two ways: 1500 (a thousands separator) or "
	               "1.5 (a decimal point); write 1500 or 1.5");
	/* 1.234 as a decimal has three decimals: written 1,2340 it is no longer grouping */
	expect_message(crit(state, CNT), "1,234",
	               "câu trả lời \"1,234\" có thể hiểu hai cách: 1234 (dấu , ngăn cách hàng "
	               "nghìn) hoặc 1,234 (dấu , thập phân); hãy viết 1234 hoặc 1,2340",
	               "answer \"1,234\" can be read two ways: 1234 (a thousands separator) or "
	               "1.234 (a decimal comma); write 1234 or 1.2340");
	expect_message(crit(state, NUM), "-2.000%",
	               "câu trả lời \"-2.000%\" có thể hiểu hai cách: -2000% (dấu . ngăn cách "
	               "hàng nghìn) hoặc -2% (dấu . thập phân); hãy viết -2000% hoặc -2%",
	               "answer \"-2.000%\" can be read two ways: -2000% (a thousands separator) "
	               "or -2% (a decimal point); write -2000% or -2%");
	/* beyond range says the range, not "invalid" */
	pdx_value_problem pb;
	const pdx_criterion *num = crit(state, NUM);
	parse(num, "12345678901", &pb);
	assert_int_equal(pb, BIG);
	char *vi, *en;
	assert_int_equal(pdx_value_message(&vi, &en, num, "12345678901", pb), 0);
	assert_non_null(strstr(vi, "9 000 000 000"));
	assert_non_null(strstr(vi, "20 chữ số thập phân"));
	assert_null(strstr(vi, "không hợp lệ"));
	assert_non_null(strstr(en, "9,000,000,000"));
	assert_non_null(strstr(en, "20 decimals"));
	assert_null(strstr(en, "invalid"));
	free(vi);
	free(en);
	/* PDX_VALUE_OK has no message */
	assert_int_equal(pdx_value_message(&vi, &en, num, "5", PDX_VALUE_OK), 0);
	assert_null(vi);
	assert_null(en);
}

static void test_notes(void **state)
{
	const pdx_criterion *c = crit(state, PCT);
	char *vi, *en;
	pdx_value v = ok(c, "0,35");
	assert_int_equal(pdx_value_note(&vi, &en, c, "0,35", v.flags), 0);
	assert_string_equal(vi,
	                    "câu trả lời \"0,35\" được đọc là 0,35 %; nếu ý là 35 %, hãy viết 35");
	assert_string_equal(en, "answer \"0,35\" was read as 0.35 %; if 35 % was meant, write 35");
	free(vi);
	free(en);
	/* 0.355 × 100 = 35.5 */
	v = ok(c, "0.355");
	assert_int_equal(pdx_value_note(&vi, &en, c, "0.355", v.flags), 0);
	assert_string_equal(
	    vi, "câu trả lời \"0.355\" được đọc là 0,355 %; nếu ý là 35,5 %, hãy viết 35,5");
	assert_string_equal(
	    en, "answer \"0.355\" was read as 0.355 %; if 35.5 % was meant, write 35.5");
	free(vi);
	free(en);
	/* nothing to tell: no '%' missing, or no flag */
	v = ok(c, "35");
	assert_int_equal(pdx_value_note(&vi, &en, c, "35", v.flags), 0);
	assert_null(vi);
	assert_null(en);
	v = ok(crit(state, NUM), "10 000");
	assert_int_equal(v.flags, GRP);
	assert_int_equal(pdx_value_note(&vi, &en, crit(state, NUM), "10 000", v.flags), 0);
	assert_null(vi);
	assert_null(en);
}

/* ---- the answer that earns N points ------------------------------------------- */

typedef struct answer_case {
	const char *crit;
	pdx_points points;
	const char *answer; /* NULL: no answer earns that many */
} answer_case;

static const answer_case answers[] = {
    /* yes/no: the fewest points that are enough */
    {"1.1.1", 300, "có"},
    {"1.1.1", 1, "có"},
    {"1.1.1", 0, "không"},
    {"1.1.1", -5, "không"},
    {"1.1.1", 301, NULL},
    /* choices: the option just high enough */
    {"2.1.3", 0, "none"},
    {"2.1.3", 1, "foreign"},
    {"2.1.3", 100, "foreign"},
    {"2.1.3", 101, "domestic"},
    {"2.1.3", 300, "multi"},
    {"2.1.3", 301, NULL},
    {"2.2.1", 100, "1-2"},
    {"2.2.1", 200, "1-2"},
    {"2.2.1", 300, "3+"},
    {"3.1.1", 400, "full"},
    /* linear: the smallest whole percent. 1.1.3, max 3: 3 × 34 / 100 = 1.02 ≥ 1
     * (33 gives 0.99); 3 × 1 / 100 = 0.03 ≥ 0.01 */
    {"1.1.3", 300, "100"},
    {"1.1.3", 100, "34"},
    {"1.1.3", 1, "1"},
    {"1.1.3", 0, "0"},
    {"1.1.3", 301, NULL},
    /* 3.2.1, max 4: 4 × 50 / 100 = 2; 4 × 25 / 100 = 1.00 < 1.01, 4 × 26 / 100 = 1.04 */
    {"3.2.1", 200, "50"},
    {"3.2.1", 101, "26"},
    /* percent bands: the bound of a "≥" band; for "> 0" the simplest value above 0 */
    {"1.2.1", 300, "10"},
    {"1.2.1", 200, "5"},
    {"1.2.1", 100, "1"},
    {"1.2.1", 50, "1"},
    {"1.2.1", 0, "0"},
    {"1.2.1", 301, NULL},
    {"1.2.3", 200, "15"},
    {"1.2.3", 100, "1"},
    {"2.1.5", 200, "80"}, /* ≥80 → 2, ≥40 → 1 */
    {"2.1.5", 100, "40"},
    {"4.1.3", 100, "10"}, /* ≥50, ≥30, ≥10 */
    {"4.2.5", 100, "1"},  /* ≥10 → 2, ≥1 → 1 */
    /* number bands */
    {"1.2.2", 300, "20"},
    {"1.2.2", 200, "10"},
    {"1.2.2", 100, "1"},
    {"1.2.2", 0, "0"},
    {"4.1.5", 100, "15"}, /* ≥20 → 2, ≥15 → 1 */
    /* count bands */
    {"5.1.3", 200, "4"},
    {"5.1.3", 100, "2"},
    {"5.1.3", 0, "0"},
    {"5.1.3", 201, NULL},
};

static void test_answer_for(void **state)
{
	for (size_t i = 0; i < sizeof answers / sizeof *answers; i++) {
		const answer_case *t = &answers[i];
		const pdx_criterion *c = crit(state, t->crit);
		char buf[64];
		int rc = pdx_value_answer_for(buf, sizeof buf, c, t->points);
		if (t->answer ? rc != 0 || strcmp(buf, t->answer) != 0 : rc != PDX_EINVALID)
			print_error("%s for %lld: rc %d \"%s\", want \"%s\"\n", t->crit,
			            (long long)t->points, rc, rc ? "" : buf,
			            t->answer ? t->answer : "(none)");
		assert_int_equal(rc, t->answer ? 0 : PDX_EINVALID);
		if (t->answer)
			assert_string_equal(buf, t->answer);
	}
	/* a buffer too small is said so, and holds "" */
	char small[3] = "xx";
	assert_int_equal(pdx_value_answer_for(small, sizeof small, crit(state, "2.1.3"), 300),
	                 PDX_EARG);
	assert_string_equal(small, "");
}

/* For every criterion of the rubric and every number of points some answer earns, the
 * answer given is typed as a person types it and earns at least that. */
static void test_answer_for_every_criterion(void **state)
{
	const pdx_rubric *r = *state;
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++) {
		const pdx_criterion *c = pdx_rubric_criterion(r, i);
		pdx_points want[16];
		size_t n = 0;
		want[n++] = 0;
		want[n++] = c->max;
		for (size_t k = 0; k < c->n_bands && n < 16; k++)
			want[n++] = c->bands[k].points;
		for (size_t k = 0; k < c->n_options && n < 16; k++)
			want[n++] = c->options[k].points;
		for (size_t k = 0; k < n; k++) {
			char buf[64];
			assert_int_equal(pdx_value_answer_for(buf, sizeof buf, c, want[k]), 0);
			assert_null(strchr(buf, '>'));
			assert_null(strchr(buf, '%'));
			pdx_value v = ok(c, buf);
			assert_int_equal(v.flags, 0);
			assert_true(pdx_value_points(c, &v) >= want[k]);
		}
		char buf[64];
		assert_int_equal(pdx_value_answer_for(buf, sizeof buf, c, c->max + 1),
		                 PDX_EINVALID);
	}
}

/* Bounds that are not whole numbers: the answer is the simplest value of the band,
 * written so that it is read back as meant. */
static void test_answer_for_fractional_bounds(void **state)
{
	(void)state;
	char buf[64];
	/* a percent: ≥ 0.5 → 2, > 0 → 1. The band (0, 0.5) holds no integer: 0.1, with a
	 * '%' so that it is not taken for a spreadsheet fraction */
	static const pdx_band pb[] = {
	    {.bound = {NANO / 2, 0}, .strict = false, .points = 200},
	    {.bound = {0, 0}, .strict = true, .points = 100},
	};
	pdx_criterion p = {.id = "p",
	                   .type = PDX_TYPE_PERCENT,
	                   .scoring = PDX_SCORING_BANDS,
	                   .max = 200,
	                   .bands = pb,
	                   .n_bands = 2};
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &p, 100), 0);
	assert_string_equal(buf, "0,1%");
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &p, 200), 0);
	assert_string_equal(buf, "1"); /* [0.5, 100]: 1 is simpler than 0,5 */
	/* a number: ≥ 1.125 → 3, > 1 → 1. 1,125 would be ambiguous: 1,1250; the band
	 * (1, 1.125) first holds 1.1 */
	static const pdx_band nb[] = {
	    {.bound = {NANO + NANO / 8, 0}, .strict = false, .points = 300},
	    {.bound = {NANO, 0}, .strict = true, .points = 100},
	};
	pdx_criterion q = {.id = "q",
	                   .type = PDX_TYPE_NUMBER,
	                   .scoring = PDX_SCORING_BANDS,
	                   .max = 300,
	                   .bands = nb,
	                   .n_bands = 2};
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &q, 300), 0);
	assert_string_equal(buf, "2"); /* [1.125, ∞): 2 is an integer */
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &q, 100), 0);
	assert_string_equal(buf, "1,1");
	/* only [1.125, 1.126) earns 3: no value with fewer than 3 decimals lies there
	 * (1.13 is past 1.126), and 1,125 would be ambiguous: 1,1250 */
	static const pdx_band nb2[] = {
	    {.bound = {NANO + 126000000, 0}, .strict = false, .points = 100},
	    {.bound = {NANO + 125000000, 0}, .strict = false, .points = 300},
	};
	q.bands = nb2;
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &q, 300), 0);
	assert_string_equal(buf, "1,1250");
	/* a count: > 3 → 1: 4 */
	static const pdx_band cb[] = {{.bound = {3 * NANO, 0}, .strict = true, .points = 100}};
	pdx_criterion k = {.id = "k",
	                   .type = PDX_TYPE_COUNT,
	                   .scoring = PDX_SCORING_BANDS,
	                   .max = 100,
	                   .bands = cb,
	                   .n_bands = 1};
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &k, 100), 0);
	assert_string_equal(buf, "4");
	/* a number below every band: ≥ -3 → 1, else 0. 0 points is earned below -3, and
	 * -4 is the nearest integer to 0 there */
	static const pdx_band neg[] = {{.bound = {-3 * NANO, 0}, .strict = false, .points = 100}};
	pdx_criterion m = {.id = "m",
	                   .type = PDX_TYPE_NUMBER,
	                   .scoring = PDX_SCORING_BANDS,
	                   .max = 100,
	                   .bands = neg,
	                   .n_bands = 1};
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &m, 0), 0);
	assert_string_equal(buf, "-4");
	assert_int_equal(pdx_value_answer_for(buf, sizeof buf, &m, 100), 0);
	assert_string_equal(buf, "0");
}

/* ---- text helpers the parser stands on ---------------------------------------- */

static void expect_key(const char *s, unsigned flags, const char *want)
{
	char *k = pdx_utf8_key(s, flags);
	if (!want) {
		assert_null(k);
		return;
	}
	assert_non_null(k);
	if (strcmp(k, want) != 0)
		print_error("key of \"%s\": \"%s\", want \"%s\"\n", s, k, want);
	assert_string_equal(k, want);
	free(k);
}

static void test_utf8_key(void **state)
{
	(void)state;
	expect_key("  Cấp  độ 1\xe2\x80\x93"
	           "2 ",
	           0, "cấp độ 1-2");
	expect_key("\xef\xbc\xa3"
	           "1",
	           0, "c1"); /* "Ｃ1": NFKC */
	expect_key("a\xc2\xa0\xe2\x80\x8b"
	           "b",
	           0, "a b");                       /* NBSP + U+200B: one space */
	expect_key("\xef\xbb\xbfx\t\ny", 0, "x y"); /* BOM, tab, line break */
	expect_key("x\xe2\x88\x92y\xef\xb9\xa3z\xef\xbc\x8dw\xe2\x80\x95v", 0, "x-y-z-w-v");
	expect_key("co\xcc\x81", 0, "có"); /* NFD → NFC */
	expect_key("HẢI PHÒNG", 0, "hải phòng");
	expect_key("Hải Phòng", PDX_KEY_STRIP_MARKS, "hai phong");
	expect_key("Hai  Phong", PDX_KEY_STRIP_MARKS, "hai phong");
	expect_key("Đà Nẵng", PDX_KEY_STRIP_MARKS, "da nang");
	expect_key("", 0, "");
	expect_key(" \xc2\xa0 ", 0, "");
	expect_key("\xff", 0, NULL); /* not UTF-8 */
}

static void expect_excerpt(const char *s, const char *want)
{
	char *e = pdx_excerpt(s);
	assert_non_null(e);
	if (strcmp(e, want) != 0)
		print_error("excerpt \"%s\", want \"%s\"\n", e, want);
	assert_string_equal(e, want);
	free(e);
}

static void test_excerpt(void **state)
{
	(void)state;
	expect_excerpt("80\xc2\xa0%", "80U+00A0%");
	expect_excerpt("80\xe2\x80\xaf%", "80U+202F%");
	expect_excerpt("a\xe2\x80\x8b"
	               "b",
	               "aU+200Bb"); /* ZERO WIDTH SPACE */
	expect_excerpt("\xef\xbb\xbf"
	               "1",
	               "U+FEFF1"); /* a BOM inside a cell */
	expect_excerpt("co\xc2\xad"
	               "ng",
	               "coU+00ADng");                 /* SOFT HYPHEN */
	expect_excerpt("x\xe2\x80\xa8y", "xU+2028y"); /* LINE SEPARATOR */
	expect_excerpt("x\xe2\x80\xa9y", "xU+2029y"); /* PARAGRAPH SEPARATOR */
	expect_excerpt("x\xc2\x85y", "xU+0085y");     /* NEXT LINE */
	expect_excerpt("x\xe2\x80\x8ey", "xU+200Ey"); /* LEFT-TO-RIGHT MARK */
	expect_excerpt("x\xe3\x80\x80y", "xU+3000y"); /* IDEOGRAPHIC SPACE */
	/* control characters keep their escapes; visible text and ' ' stay as they are */
	expect_excerpt("có\nrồi", "có\\nrồi");
	expect_excerpt("\x1b[31mcó", "\\x1b[31mcó");
	expect_excerpt("a\tb\rc\x7f", "a\\tb\\rc\\x7f");
	expect_excerpt("Hải Phòng 1–2", "Hải Phòng 1–2");
	expect_excerpt("\xff"
	               "a",
	               "\\xffa"); /* not UTF-8: the byte */
	/* 60 characters, then "…"; a named character counts as one */
	char long_text[200] = "";
	for (int i = 0; i < 59; i++)
		strcat(long_text, "a");
	strcat(long_text, "\xc2\xa0"
	                  "bc");
	char want[200] = "";
	for (int i = 0; i < 59; i++)
		strcat(want, "a");
	strcat(want, "U+00A0…");
	expect_excerpt(long_text, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_written_digits),
	    cmocka_unit_test(test_yesno),
	    cmocka_unit_test(test_choices),
	    cmocka_unit_test(test_choice_key_wins),
	    cmocka_unit_test(test_template_answers_score),
	    cmocka_unit_test(test_points),
	    cmocka_unit_test(test_linear_points_large),
	    cmocka_unit_test(test_band_reached),
	    cmocka_unit_test(test_equal),
	    cmocka_unit_test(test_messages),
	    cmocka_unit_test(test_notes),
	    cmocka_unit_test(test_answer_for),
	    cmocka_unit_test(test_answer_for_every_criterion),
	    cmocka_unit_test(test_answer_for_fractional_bounds),
	    cmocka_unit_test(test_utf8_key),
	    cmocka_unit_test(test_excerpt),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
