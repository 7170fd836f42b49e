/* SPDX-License-Identifier: MIT */
/* Fuzz target: the one parser of answers (engine/value.c) over every criterion type:
 * pdx_value_parse, its messages and notes, points, equality, the answer that earns N
 * points, and the plain decimals of rubric and plan files (pdx_decimal_parse).
 *
 * Input: the text of one answer cell (up to its first NUL byte). It is parsed as it
 * is, and as the answers reader would hand it over (NFC, trimmed) when it is valid
 * UTF-8, for synthetic criteria of every type and for every criterion of the bundled
 * rubric. Checked beyond memory safety: accepted values lie in their type's range, the
 * written digits and the billionths agree, decimals survive formatting and parsing
 * again, linear points computed from the written digits agree with the parsed value,
 * every refusal has a one-line message, and the answer given for N points reads back
 * and earns them. */
#include <string.h>

#include "fuzz.h"

__extension__ typedef unsigned __int128 u128;

static const pdx_option options[] = {
    {.key = "full", .label = "toàn bộ", .points = 300},
    {.key = "3+", .label = "cấp độ 3 trở lên", .points = 200},
    {.key = "Đạt", .label = "đạt", .points = 100},
    {.key = "chưa có", .label = "chưa có", .points = 0},
};

static const pdx_band bands[] = {
    {.bound = {10 * PDX_DECIMAL_ONE, 0}, .strict = false, .points = 300},
    {.bound = {PDX_DECIMAL_ONE / 2, 0}, .strict = true, .points = 200},
    {.bound = {-3 * PDX_DECIMAL_ONE, 0}, .strict = false, .points = 100},
};

#define N_OPTIONS (sizeof options / sizeof *options)
#define N_BANDS   (sizeof bands / sizeof *bands)

static const pdx_criterion synthetic[] = {
    {.id = "yesno", .type = PDX_TYPE_YESNO, .scoring = PDX_SCORING_YESNO, .max = 300},
    {.id = "choice",
     .type = PDX_TYPE_CHOICE,
     .scoring = PDX_SCORING_OPTIONS,
     .max = 300,
     .options = options,
     .n_options = N_OPTIONS},
    {.id = "choice-none", .type = PDX_TYPE_CHOICE, .scoring = PDX_SCORING_OPTIONS, .max = 300},
    {.id = "percent-linear", .type = PDX_TYPE_PERCENT, .scoring = PDX_SCORING_LINEAR, .max = 300},
    {.id = "percent-odd-max",
     .type = PDX_TYPE_PERCENT,
     .scoring = PDX_SCORING_LINEAR,
     .max = INT64_C(899999999999)},
    {.id = "percent-bands",
     .type = PDX_TYPE_PERCENT,
     .scoring = PDX_SCORING_BANDS,
     .max = 300,
     .bands = bands,
     .n_bands = N_BANDS},
    {.id = "number",
     .type = PDX_TYPE_NUMBER,
     .scoring = PDX_SCORING_BANDS,
     .max = 300,
     .bands = bands,
     .n_bands = N_BANDS},
    {.id = "count",
     .type = PDX_TYPE_COUNT,
     .scoring = PDX_SCORING_BANDS,
     .max = 300,
     .bands = bands,
     .n_bands = N_BANDS},
    {.id = "text", .type = PDX_TYPE_TEXT, .scoring = PDX_SCORING_NONE},
};

#define MAX_NANOS (INT64_C(9000000000) * PDX_DECIMAL_ONE + PDX_DECIMAL_ONE - 1)

/* max × v / 100 in hundredths, half away from zero, from the parsed value (rest 0). */
static pdx_points linear_from_value(pdx_points max, pdx_decimal v)
{
	u128 num = (u128)max * (u128)v.nanos, den = (u128)100 * PDX_DECIMAL_ONE;
	u128 q = num / den, r = num % den;
	if (2 * r >= den)
		q++;
	return (pdx_points)q;
}

static void check_decimal(const char *text)
{
	pdx_decimal plain, pct;
	int rc_plain = pdx_decimal_parse(text, false, &plain);
	int rc_pct = pdx_decimal_parse(text, true, &pct);
	FUZZ_CHECK(rc_plain == 0 || rc_plain == PDX_EINVALID);
	FUZZ_CHECK(rc_pct == 0 || rc_pct == PDX_EINVALID);
	/* allowing a '%' never refuses a plain number, nor changes it */
	if (rc_plain == 0)
		FUZZ_CHECK(rc_pct == 0 && pct.nanos == plain.nanos && pct.rest == plain.rest);
	if (rc_pct != 0)
		return;
	pdx_decimal d = pct;
	FUZZ_CHECK(d.rest >= -1 && d.rest <= 1);
	FUZZ_CHECK(d.nanos <= MAX_NANOS && d.nanos >= -MAX_NANOS);
	FUZZ_CHECK(pdx_decimal_cmp(d, d) == 0);

	/* formatted and parsed again: the same billionths (digits past the ninth dropped) */
	char buf[64];
	pdx_decimal e;
	pdx_decimal_format(d, buf, sizeof buf);
	FUZZ_CHECK(pdx_decimal_parse(buf, false, &e) == 0);
	FUZZ_CHECK(e.nanos == d.nanos && e.rest == 0);
	FUZZ_CHECK(pdx_decimal_cmp(e, d) == (d.rest > 0 ? -1 : d.rest < 0 ? 1 : 0));
	FUZZ_CHECK(pdx_decimal_cmp(d, e) == -pdx_decimal_cmp(e, d));

	/* the same for points (hundredths), in both formats */
	pdx_points p = d.nanos / (PDX_DECIMAL_ONE / 100);
	pdx_decimal_format((pdx_decimal){p * (PDX_DECIMAL_ONE / 100), 0}, buf, sizeof buf);
	char pbuf[32];
	pdx_points_format(p, pbuf, sizeof pbuf);
	FUZZ_CHECK(pdx_decimal_parse(pbuf, false, &e) == 0 &&
	           e.nanos == p * (PDX_DECIMAL_ONE / 100));
	pdx_points_format_short(p, pbuf, sizeof pbuf);
	FUZZ_CHECK(strcmp(pbuf, buf) == 0);

	for (size_t i = 0; i < N_BANDS; i++)
		FUZZ_CHECK(pdx_decimal_cmp(d, bands[i].bound) ==
		           -pdx_decimal_cmp(bands[i].bound, d));
}

/* A message quotes the answer as an excerpt: valid UTF-8, one line, no control
 * character. */
static void check_message(const char *m)
{
	FUZZ_CHECK(m != NULL && *m != '\0');
	FUZZ_CHECK(pdx_utf8_invalid(m, strlen(m)) < 0);
	for (const unsigned char *p = (const unsigned char *)m; *p; p++)
		FUZZ_CHECK(*p >= 0x20 && *p != 0x7f);
}

/* digits / 10^scale in billionths and rest, recomputed apart from the parser. */
static void check_digits(const pdx_value *v)
{
	u128 m = (u128)v->digits_hi << 64 | v->digits_lo, p = 1;
	FUZZ_CHECK(v->scale >= 0 && v->scale <= 20);
	FUZZ_CHECK(!v->negative || m != 0);
	for (int i = 0; i < 30; i++)
		p *= 10;
	FUZZ_CHECK(m < p);
	u128 nanos = m, rest = 0;
	if (v->scale <= 9) {
		for (int i = v->scale; i < 9; i++)
			nanos *= 10;
	} else {
		u128 d = 1;
		for (int i = 9; i < v->scale; i++)
			d *= 10;
		nanos = m / d;
		rest = m % d != 0;
	}
	FUZZ_CHECK(nanos <= (u128)MAX_NANOS);
	int64_t n = (int64_t)nanos;
	FUZZ_CHECK(v->number.nanos == (v->negative ? -n : n));
	FUZZ_CHECK(v->number.rest == (v->negative ? -(int)rest : (int)rest));
	pdx_decimal thousand = {1000 * PDX_DECIMAL_ONE, 0};
	if (v->flags & PDX_VALUE_GROUPED) /* grouping means a thousand or more */
		FUZZ_CHECK(pdx_decimal_cmp(v->number, thousand) >= 0 ||
		           pdx_decimal_cmp(v->number, (pdx_decimal){-thousand.nanos, 0}) <= 0);
}

static void check_value(const pdx_criterion *c, const char *text)
{
	pdx_value v;
	pdx_value_problem pb = (pdx_value_problem)99;
	int rc = pdx_value_parse(&v, &pb, c, text);
	/* text that is not UTF-8 is refused, not taken for a failed allocation */
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID);
	FUZZ_CHECK((rc == 0) == (pb == PDX_VALUE_OK));
	FUZZ_CHECK(pb >= PDX_VALUE_OK && pb <= PDX_VALUE_TOO_LARGE);
	char *vi = NULL, *en = NULL;
	if (rc != 0) {
		FUZZ_CHECK(v.option == -1 && !v.yes && !v.has_number);
		FUZZ_CHECK(pdx_value_points(c, &v) == 0);
		FUZZ_CHECK(pdx_value_message(&vi, &en, c, text, pb) == 0);
		check_message(vi);
		check_message(en);
		free(vi);
		free(en);
		return;
	}
	FUZZ_CHECK(pdx_value_equal(&v, &v));
	pdx_points pts = pdx_value_points(c, &v);
	FUZZ_CHECK(pts >= 0 && pts <= c->max);
	FUZZ_CHECK(pdx_value_note(&vi, &en, c, text, v.flags) == 0);
	FUZZ_CHECK((vi != NULL) == ((v.flags & PDX_VALUE_FRACTION_PERCENT) != 0));
	FUZZ_CHECK((en != NULL) == (vi != NULL));
	if (vi) {
		check_message(vi);
		check_message(en);
	}
	free(vi);
	free(en);
	pdx_decimal zero = {0, 0}, one = {PDX_DECIMAL_ONE, 0}, hundred = {100 * PDX_DECIMAL_ONE, 0};
	switch (c->type) {
	case PDX_TYPE_YESNO:
		FUZZ_CHECK(v.option == -1 && !v.has_number && v.flags == 0);
		FUZZ_CHECK(pts == (v.yes ? c->max : 0));
		break;
	case PDX_TYPE_CHOICE:
		FUZZ_CHECK(v.option >= 0 && (size_t)v.option < c->n_options);
		FUZZ_CHECK(!v.yes && !v.has_number && v.flags == 0);
		FUZZ_CHECK(pts == c->options[v.option].points);
		break;
	case PDX_TYPE_PERCENT:
		FUZZ_CHECK(v.has_number);
		check_digits(&v);
		FUZZ_CHECK(pdx_decimal_cmp(v.number, zero) >= 0 &&
		           pdx_decimal_cmp(v.number, hundred) <= 0);
		if (v.flags & PDX_VALUE_FRACTION_PERCENT)
			FUZZ_CHECK(pdx_decimal_cmp(v.number, zero) > 0 &&
			           pdx_decimal_cmp(v.number, one) < 0);
		if (c->scoring == PDX_SCORING_LINEAR && v.number.rest == 0)
			FUZZ_CHECK(pts == linear_from_value(c->max, v.number));
		break;
	case PDX_TYPE_NUMBER:
	case PDX_TYPE_COUNT:
		FUZZ_CHECK(v.has_number);
		check_digits(&v);
		FUZZ_CHECK(!(v.flags & PDX_VALUE_FRACTION_PERCENT));
		if (c->type == PDX_TYPE_COUNT)
			FUZZ_CHECK(v.number.nanos >= 0 && v.number.rest == 0 &&
			           v.number.nanos % PDX_DECIMAL_ONE == 0);
		break;
	case PDX_TYPE_TEXT:
		break;
	}
	if (c->scoring == PDX_SCORING_BANDS) {
		size_t k = pdx_band_reached(c, v.number);
		FUZZ_CHECK(k <= c->n_bands);
		FUZZ_CHECK(pts == (k < c->n_bands ? c->bands[k].points : 0));
	}
	/* a plain decimal that both parsers accept is one number to both */
	pdx_decimal plain;
	if (v.has_number && pdx_decimal_parse(text, true, &plain) == 0)
		FUZZ_CHECK(pdx_decimal_cmp(plain, v.number) == 0);
}

/* The answer given for N points reads back, without a warning, and earns them. N is
 * taken from the input so that the fuzzer explores it. */
static void check_answer_for(const pdx_criterion *c, const char *text)
{
	size_t len = strlen(text);
	pdx_points want = len ? (pdx_points)((unsigned char)text[0] % 8) * 50 - 50 : c->max;
	char buf[320];
	int rc = pdx_value_answer_for(buf, sizeof buf, c, want);
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID);
	if (rc != 0) { /* only when nothing earns that much */
		FUZZ_CHECK(want > c->max || c->scoring == PDX_SCORING_NONE ||
		           (c->scoring == PDX_SCORING_OPTIONS && c->n_options == 0));
		return;
	}
	pdx_value v;
	FUZZ_CHECK(pdx_value_parse(&v, NULL, c, buf) == 0);
	FUZZ_CHECK(!(v.flags & PDX_VALUE_FRACTION_PERCENT));
	FUZZ_CHECK(pdx_value_points(c, &v) >= want);
	FUZZ_CHECK(strchr(buf, '>') == NULL);
}

static void check_text(const pdx_rubric *r, const char *text)
{
	check_decimal(text);
	for (size_t i = 0; i < sizeof synthetic / sizeof *synthetic; i++) {
		check_value(&synthetic[i], text);
		check_answer_for(&synthetic[i], text);
	}
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++) {
		check_value(pdx_rubric_criterion(r, i), text);
		check_answer_for(pdx_rubric_criterion(r, i), text);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const pdx_rubric *r = fuzz_rubric_951();
	char *raw = fuzz_strndup(data, size);
	if (!raw)
		return 0;
	check_text(r, raw);
	size_t len = strlen(raw);
	if (pdx_utf8_invalid(raw, len) < 0) {
		char *clean = pdx_utf8_clean(raw, len);
		FUZZ_CHECK(clean != NULL);
		FUZZ_CHECK(pdx_utf8_invalid(clean, strlen(clean)) < 0);
		check_text(r, clean);
		free(clean);
	}
	free(raw);
	return 0;
}
