/* Fuzz target: the answer-value parser (pdx_value_parse) over every criterion type,
 * and the decimal parser under it (pdx_decimal_parse).
 *
 * Input: the text of one answer cell (up to its first NUL byte). It is parsed as it
 * is, and as the answers reader would hand it over (NFC, trimmed) when it is valid
 * UTF-8, for synthetic criteria of every type and for every criterion of the bundled
 * rubric. Checked beyond memory safety: accepted values lie in their type's range,
 * decimals survive formatting and parsing again, and linear points computed from the
 * written digits agree with the parsed value. */
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

static void check_value(const pdx_criterion *c, const char *text, bool utf8)
{
	pdx_decimal v;
	long opt = 7;
	bool yes = true;
	const char *evi = NULL, *een = NULL;
	int rc = pdx_value_parse(c, text, &v, &opt, &yes, &evi, &een);
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID || rc == PDX_ENOMEM);
	if (rc != 0)
		FUZZ_CHECK(opt == -1 && !yes);
	/* PDX_ENOMEM also stands for text that is not UTF-8 (case folding fails): the
	 * reader never hands such text over, so it only has to be safe */
	FUZZ_CHECK(rc != PDX_ENOMEM || !utf8);
	if (rc == PDX_ENOMEM)
		return;
	FUZZ_CHECK(evi != NULL && een != NULL);
	if (rc != 0)
		return;
	pdx_decimal zero = {0, 0}, hundred = {100 * PDX_DECIMAL_ONE, 0};
	switch (c->type) {
	case PDX_TYPE_YESNO:
		FUZZ_CHECK(opt == -1);
		break;
	case PDX_TYPE_CHOICE:
		FUZZ_CHECK(opt >= 0 && (size_t)opt < c->n_options);
		FUZZ_CHECK(pdx_utf8_equal_fold(text, c->options[opt].key));
		FUZZ_CHECK(!yes);
		break;
	case PDX_TYPE_PERCENT:
		FUZZ_CHECK(pdx_decimal_cmp(v, zero) >= 0 && pdx_decimal_cmp(v, hundred) <= 0);
		if (c->scoring == PDX_SCORING_LINEAR) {
			pdx_points pts = pdx_linear_points(c->max, text);
			FUZZ_CHECK(pts >= 0 && pts <= c->max);
			if (v.rest == 0)
				FUZZ_CHECK(pts == linear_from_value(c->max, v));
		}
		break;
	case PDX_TYPE_NUMBER:
		break;
	case PDX_TYPE_COUNT:
		FUZZ_CHECK(v.nanos >= 0 && v.rest == 0 && v.nanos % PDX_DECIMAL_ONE == 0);
		break;
	case PDX_TYPE_TEXT:
		break;
	}
}

static void check_text(const pdx_rubric *r, const char *text)
{
	bool utf8 = pdx_utf8_invalid(text, strlen(text)) < 0;
	check_decimal(text);
	for (size_t i = 0; i < sizeof synthetic / sizeof *synthetic; i++)
		check_value(&synthetic[i], text, utf8);
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++)
		check_value(pdx_rubric_criterion(r, i), text, utf8);
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
