/* SPDX-License-Identifier: MIT */
/* The one parser of answers: what a person or a spreadsheet wrote in an answer cell,
 * read as an answer of the criterion's type; the points a parsed answer earns (the
 * band rule and linear scoring live here and nowhere else); and the way back, the
 * answer that earns a given number of points.
 *
 * Numbers are read in two steps by one lexer for every caller (answers, band bounds,
 * plan conditions): lex_number takes the shape of the text (sign, digit runs and the
 * marks between them, a '%') and read_number decides what the marks mean. Vietnamese
 * writes 12,5 and 10.000.000 where English writes 12.5 and 10,000,000, and a sheet may
 * hold either, so a mark is read as a Vietnamese user means it when only one reading
 * is possible, and "10.000" in a count, which is 10000 to one reader and 10 to
 * another, is refused with both readings rather than guessed.
 *
 * All arithmetic is in integers: the written digits are kept whole (at most 10 integer
 * and 20 decimal digits, in 128 bits) so that linear points round exactly, and the
 * value is kept in billionths with a sticky rest for comparisons with band bounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

#define MAX_INT_PART    UINT64_C(9000000000) /* keeps billionths within int64 */
#define MAX_INT_DIGITS  10                   /* digits of MAX_INT_PART */
#define MAX_FRAC_DIGITS 20                   /* what linear scoring computes exactly */
/* Digit runs kept by the lexer. A number in range has at most 5 (four groups of
 * 9.000.000.000 and the decimals); more can only be refused. */
#define MAX_RUNS 16

static u128 pow10_u128(int n)
{
	u128 p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ---- the lexer ---------------------------------------------------------------- */

typedef struct lexed {
	bool negative;             /* '-' or U+2212 MINUS SIGN */
	char lead;                 /* '.' or ',' before the first digit (".5"), else 0 */
	char trail;                /* '.' or ',' after the last digit ("5."), else 0 */
	size_t n_runs;             /* digit runs, at least one */
	const char *run[MAX_RUNS]; /* each points into the text */
	size_t len[MAX_RUNS];
	char sep[MAX_RUNS];  /* sep[i] stands between run[i] and run[i + 1]: '.', ',' or ' ' */
	bool percent;        /* a '%' at the end */
	bool spaced_percent; /* white space before the '%' */
	bool wide_space;     /* a space other than ASCII ' ' (NBSP, U+202F, U+2009) */
} lexed;

/* Length of a space that may group digits or stand before '%' (French and Vietnamese
 * typography, and what Excel and Word insert): ' ', U+00A0 NO-BREAK SPACE, U+202F
 * NARROW NO-BREAK SPACE, U+2009 THIN SPACE; 0 for anything else. */
static size_t group_space(const char *p, bool *wide)
{
	const unsigned char *u = (const unsigned char *)p;
	if (u[0] == ' ')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0) {
		*wide = true;
		return 2;
	}
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89)) {
		*wide = true;
		return 3;
	}
	return 0;
}

/* The shape of a number: [sign] [mark] digits ((mark | one space) digits)* [mark]
 * [spaces] ['%'], digits ASCII only (no exponent, no NaN, no full-width digits).
 * Says nothing yet about what the marks mean; false when the text is not of that
 * shape. */
static bool lex_number(lexed *L, const char *p)
{
	memset(L, 0, sizeof *L);
	if (*p == '+' || *p == '-') {
		L->negative = *p++ == '-';
	} else if (strncmp(p, "\xe2\x88\x92", 3) == 0) {
		L->negative = true;
		p += 3;
	}
	if ((*p == '.' || *p == ',') && is_digit(p[1]))
		L->lead = *p++;
	while (is_digit(*p)) {
		if (L->n_runs == MAX_RUNS)
			return false;
		size_t i = L->n_runs++;
		L->run[i] = p;
		while (is_digit(*p))
			p++;
		L->len[i] = (size_t)(p - L->run[i]);
		if (*p == '.' || *p == ',') {
			if (is_digit(p[1])) {
				L->sep[i] = *p++;
				continue;
			}
			L->trail = *p++;
			break;
		}
		bool wide = false;
		size_t n = group_space(p, &wide);
		if (n && is_digit(p[n])) {
			L->sep[i] = ' ';
			L->wide_space |= wide;
			p += n;
			continue;
		}
		break;
	}
	if (L->n_runs == 0)
		return false;
	const char *q = p;
	bool wide = false;
	for (size_t n; (n = group_space(q, &wide)) > 0;)
		q += n;
	if (*q == '%') {
		L->percent = true;
		L->spaced_percent = q != p;
		L->wide_space |= wide;
		p = q + 1;
	}
	return *p == '\0';
}

/* ---- what the marks mean ------------------------------------------------------ */

typedef enum {
	READ_PLAIN,   /* a rubric or plan decimal: one '.' or ',' at most, no grouping */
	READ_PERCENT, /* one mark alone is decimal: grouping would exceed 100 */
	READ_NUMBER,  /* one mark before exactly 3 digits may be grouping: ambiguous */
	READ_COUNT
} read_mode;

/* |value| = digits / 10^scale exactly. */
typedef struct numeral {
	u128 digits;
	int scale;
	bool negative; /* never for zero */
	bool grouped;
} numeral;

/* Whether the single mark of a two-run number can be a thousands separator as well
 * as a decimal mark: "10.000", "1,500", "-999.999" (an integer part of 1–3 digits not
 * starting with 0, exactly 3 digits after). "0.500", "1234.567", "1.5000" cannot. */
static bool two_readings(const lexed *L)
{
	return L->n_runs == 2 && !L->lead && !L->trail && L->sep[0] != ' ' && L->len[1] == 3 &&
	       L->len[0] <= 3 && L->run[0][0] != '0';
}

/* Decides which mark is the decimal mark and which separators group thousands, and
 * reads the digits:
 *  - a trailing mark is the decimal mark, with no decimals ("5.", "1.234,");
 *  - with both '.' and ',' the last one is the decimal mark ("1.234,5", "1,234.5");
 *  - one mark occurring once is the decimal mark, except in a count or a number when
 *    it may be grouping as well (two_readings): then the answer is ambiguous;
 *  - one mark occurring more than once, or spaces, group thousands ("10.000.000",
 *    "10 000"): the first group has 1–3 digits (not starting with 0), every other
 *    exactly 3;
 *  - the decimal mark occurs once, after every grouping separator, and differs from
 *    them; a number groups with one kind of separator.
 * READ_PLAIN allows none of that: one mark at most, before digits. */
static pdx_value_problem read_number(numeral *out, const lexed *L, read_mode mode)
{
	memset(out, 0, sizeof *out);
	size_t nsep = L->n_runs - 1, n_dot = 0, n_comma = 0, n_space = 0;
	for (size_t i = 0; i < nsep; i++) {
		n_dot += L->sep[i] == '.';
		n_comma += L->sep[i] == ',';
		n_space += L->sep[i] == ' ';
	}
	size_t int_runs = L->n_runs; /* runs of the integer part; the rest are decimals */
	char mark = 0;
	if (mode == READ_PLAIN) {
		if (L->trail || n_space || L->wide_space || nsep + (L->lead != 0) > 1)
			return PDX_VALUE_INVALID;
		if (L->lead) {
			int_runs = 0;
			mark = L->lead;
		} else if (nsep == 1) {
			int_runs = 1;
			mark = L->sep[0];
		}
	} else if (L->lead) { /* ".5": nothing else may follow */
		if (nsep || L->trail)
			return PDX_VALUE_INVALID;
		int_runs = 0;
		mark = L->lead;
	} else if (L->trail) {
		mark = L->trail;
	} else if ((n_dot && n_comma) || n_dot + n_comma == 1) {
		/* the last mark, which must be the last separator ("1,5 000" is nothing) */
		if (L->sep[nsep - 1] == ' ')
			return PDX_VALUE_INVALID;
		if (n_dot + n_comma == 1 && mode != READ_PERCENT && two_readings(L))
			return PDX_VALUE_AMBIGUOUS;
		mark = L->sep[nsep - 1];
		int_runs = L->n_runs - 1;
	}
	if (mode != READ_PLAIN) {
		/* the separators inside the integer part group thousands, all alike, unlike
		 * the mark; the mark occurs once */
		char group = int_runs > 1 ? L->sep[0] : 0;
		for (size_t i = 0; i + 1 < int_runs; i++)
			if (L->sep[i] != group || L->sep[i] == mark)
				return PDX_VALUE_INVALID;
		if (!L->lead && int_runs < L->n_runs &&
		    (L->sep[nsep - 1] != mark || int_runs + 1 != L->n_runs))
			return PDX_VALUE_INVALID;
		if (group) {
			if (L->len[0] > 3 || L->run[0][0] == '0')
				return PDX_VALUE_INVALID;
			for (size_t i = 1; i < int_runs; i++)
				if (L->len[i] != 3)
					return PDX_VALUE_INVALID;
			out->grouped = true;
		}
	}
	u128 m = 0;
	int sig = 0;
	/* a percent with a huge integer part is above 100 before it is beyond range */
	pdx_value_problem big = mode == READ_PERCENT ? PDX_VALUE_OUT_OF_RANGE : PDX_VALUE_TOO_LARGE;
	for (size_t r = 0; r < int_runs; r++)
		for (size_t i = 0; i < L->len[r]; i++) {
			int d = L->run[r][i] - '0';
			if (m == 0 && d == 0)
				continue; /* leading zeros ("007") are not digits of the value */
			m = m * 10 + (u128)d;
			if (++sig > MAX_INT_DIGITS)
				return big;
		}
	if (m > MAX_INT_PART)
		return big;
	if (int_runs < L->n_runs) {
		size_t r = L->n_runs - 1;
		if (L->len[r] > MAX_FRAC_DIGITS)
			return PDX_VALUE_TOO_LARGE;
		for (size_t i = 0; i < L->len[r]; i++)
			m = m * 10 + (u128)(L->run[r][i] - '0');
		out->scale = (int)L->len[r];
	}
	out->digits = m;
	out->negative = L->negative && m != 0;
	return PDX_VALUE_OK;
}

/* digits / 10^scale in billionths, with the sticky rest of pdx_decimal. */
static pdx_decimal to_decimal(u128 m, int scale, bool negative)
{
	pdx_decimal d;
	int rest = 0;
	u128 nanos;
	if (scale <= 9) {
		nanos = m * pow10_u128(9 - scale);
	} else {
		u128 p = pow10_u128(scale - 9);
		nanos = m / p;
		rest = m % p != 0;
	}
	d.nanos = negative ? -(int64_t)nanos : (int64_t)nanos;
	d.rest = negative ? -rest : rest;
	return d;
}

int pdx_decimal_parse(const char *text, bool allow_percent, pdx_decimal *out)
{
	lexed L;
	numeral n;
	if (!lex_number(&L, text) || (L.percent && !allow_percent) ||
	    read_number(&n, &L, READ_PLAIN) != PDX_VALUE_OK)
		return PDX_EINVALID;
	*out = to_decimal(n.digits, n.scale, n.negative);
	return 0;
}

/* ---- answers ------------------------------------------------------------------ */

/* The accepted spellings of yes and no, compared through pdx_utf8_key. */
static const char *const yes_words[] = {"có", "co", "yes", "y", "1", "x", "true"};
static const char *const no_words[] = {"không", "khong", "no", "n", "0", "false"};

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

#define N_YES (sizeof yes_words / sizeof *yes_words)
#define N_NO  (sizeof no_words / sizeof *no_words)

static int parse_yesno(pdx_value *out, const char *text)
{
	/* the usual spellings match as written; only the rest ("CÓ", "Yes") needs a key */
	if (in_list(text, yes_words, N_YES)) {
		out->yes = true;
		return 0;
	}
	if (in_list(text, no_words, N_NO))
		return 0;
	char *k = pdx_utf8_key(text, 0);
	if (!k)
		return PDX_ENOMEM;
	int rc = PDX_EINVALID;
	if (in_list(k, yes_words, N_YES)) {
		out->yes = true;
		rc = 0;
	} else if (in_list(k, no_words, N_NO)) {
		rc = 0;
	}
	pdx_free(k);
	return rc;
}

/* Whether `candidate` has the comparison key `k`: 1, 0, or PDX_ENOMEM. */
static int key_is(const char *k, const char *candidate)
{
	if (!candidate || !*candidate)
		return 0;
	char *ck = pdx_utf8_key(candidate, 0);
	if (!ck)
		return PDX_ENOMEM;
	int eq = strcmp(k, ck) == 0;
	pdx_free(ck);
	return eq;
}

/* What the template shows for option i (template.c, allowed_text): "key = label" and
 * "key = label (Nđ)". Whether one of them has the key `k`: 1, 0 or PDX_ENOMEM. */
static int segment_is(const char *k, const pdx_option *o)
{
	char pts[24];
	char *plain = pdx_aprintf("%s = %s", o->key, o->label ? o->label : "");
	char *full = pdx_aprintf("%s = %s (%sđ)", o->key, o->label ? o->label : "",
	                         pdx_points_format_short(o->points, pts, sizeof pts));
	int rc = PDX_ENOMEM;
	if (plain && full) {
		rc = key_is(k, plain);
		if (rc == 0)
			rc = key_is(k, full);
	}
	pdx_free(plain);
	pdx_free(full);
	return rc;
}

/* A choice answer is what the template shows a person: the option key, the label, or
 * the whole "key = label (Nđ)" segment, compared through pdx_utf8_key so that case,
 * an en dash for a hyphen ("1–2") and spacing do not matter. A key wins over a label
 * (an option's label may be another option's key); a label shared by two options
 * names neither. */
static int parse_choice(pdx_value *out, const pdx_criterion *c, const char *text)
{
	for (size_t i = 0; i < c->n_options; i++)
		if (c->options[i].key && strcmp(text, c->options[i].key) == 0) {
			out->option = (long)i;
			return 0;
		}
	char *k = pdx_utf8_key(text, 0);
	if (!k)
		return PDX_ENOMEM;
	int rc = 0;
	long found = -1, label = -1;
	size_t n_label = 0;
	for (size_t i = 0; i < c->n_options && found < 0 && rc >= 0; i++)
		if ((rc = key_is(k, c->options[i].key)) == 1)
			found = (long)i;
	for (size_t i = 0; i < c->n_options && found < 0 && rc >= 0; i++)
		if ((rc = key_is(k, c->options[i].label)) == 1 && n_label++ == 0)
			label = (long)i;
	if (found < 0 && n_label == 1)
		found = label;
	/* a segment names its key, so it is never shared */
	for (size_t i = 0; i < c->n_options && found < 0 && rc >= 0; i++)
		if ((rc = segment_is(k, &c->options[i])) == 1)
			found = (long)i;
	pdx_free(k);
	if (rc < 0)
		return rc;
	out->option = found;
	return found >= 0 ? 0 : PDX_EINVALID;
}

static read_mode mode_of(pdx_answer_type t)
{
	return t == PDX_TYPE_PERCENT ? READ_PERCENT
	       : t == PDX_TYPE_COUNT ? READ_COUNT
	                             : READ_NUMBER;
}

static pdx_value_problem parse_number(pdx_value *out, const pdx_criterion *c, const char *text)
{
	lexed L;
	numeral n;
	if (!lex_number(&L, text) || (L.percent && c->type == PDX_TYPE_COUNT))
		return PDX_VALUE_INVALID; /* a count takes no '%' */
	pdx_value_problem pb = read_number(&n, &L, mode_of(c->type));
	if (pb != PDX_VALUE_OK)
		return pb;
	u128 one = pow10_u128(n.scale);
	if (c->type == PDX_TYPE_PERCENT && (n.negative || n.digits > 100 * one))
		return PDX_VALUE_OUT_OF_RANGE;
	if (c->type == PDX_TYPE_COUNT && (n.negative || n.digits % one != 0))
		return PDX_VALUE_OUT_OF_RANGE; /* "2,0" is 2; "2,5" is no count */
	out->has_number = true;
	out->number = to_decimal(n.digits, n.scale, n.negative);
	out->digits_hi = (uint64_t)(n.digits >> 64);
	out->digits_lo = (uint64_t)n.digits;
	out->scale = n.scale;
	out->negative = n.negative;
	if (n.grouped)
		out->flags |= PDX_VALUE_GROUPED;
	/* "0,35" is what Excel exports for a cell showing 35 %: read as written (a guess
	 * either way would be wrong for someone), but worth a warning */
	if (c->type == PDX_TYPE_PERCENT && !L.percent && n.digits > 0 && n.digits < one)
		out->flags |= PDX_VALUE_FRACTION_PERCENT;
	return PDX_VALUE_OK;
}

int pdx_value_parse(pdx_value *out, pdx_value_problem *problem, const pdx_criterion *crit,
                    const char *text)
{
	memset(out, 0, sizeof *out);
	out->option = -1;
	pdx_value_problem pb = PDX_VALUE_OK;
	int rc = 0;
	switch (crit->type) {
	case PDX_TYPE_YESNO:
	case PDX_TYPE_CHOICE:
		/* the reader hands over UTF-8 only; anything else is no answer, and must not
		 * look like "out of memory" when the key cannot be made */
		if (pdx_utf8_invalid(text, strlen(text)) >= 0)
			rc = PDX_EINVALID;
		else if (crit->type == PDX_TYPE_YESNO)
			rc = parse_yesno(out, text);
		else
			rc = parse_choice(out, crit, text);
		if (rc == PDX_EINVALID)
			pb = PDX_VALUE_INVALID;
		break;
	case PDX_TYPE_PERCENT:
	case PDX_TYPE_NUMBER:
	case PDX_TYPE_COUNT:
		pb = parse_number(out, crit, text);
		rc = pb == PDX_VALUE_OK ? 0 : PDX_EINVALID;
		break;
	case PDX_TYPE_TEXT:
		break;
	}
	if (rc) {
		memset(out, 0, sizeof *out);
		out->option = -1;
	}
	if (problem)
		*problem = pb;
	return rc;
}

/* ---- points ------------------------------------------------------------------- */

size_t pdx_band_reached(const pdx_criterion *crit, pdx_decimal v)
{
	for (size_t i = 0; i < crit->n_bands; i++) {
		int cmp = pdx_decimal_cmp(v, crit->bands[i].bound);
		if (cmp > 0 || (cmp == 0 && !crit->bands[i].strict))
			return i;
	}
	return crit->n_bands;
}

static u128 value_digits(const pdx_value *v)
{
	return (u128)v->digits_hi << 64 | v->digits_lo;
}

/* max × value / 100 in hundredths, rounded half away from zero, from every written
 * digit (a value like 24.62499999999999999999 must not round as 24.625). With
 * den = 100 × 10^scale the exact product max × digits needs up to 137 bits, so max is
 * split into 31 + 32 bits and the division done in two steps. `v` is a percent. */
static pdx_points linear_points(pdx_points max, const pdx_value *v)
{
	u128 m = value_digits(v), den = 100 * pow10_u128(v->scale);
	if (m > den || v->negative)
		return 0; /* not a percent: pdx_value_parse never gives one here */
	u128 amax = max < 0 ? (u128)0 - (u128)(i128)max : (u128)max;
	u128 hi = amax >> 32, lo = amax & 0xffffffffu;
	u128 t = hi * m; /* < 2^105 */
	u128 rest = (t % den << 32) + lo * m;
	u128 q = (t / den << 32) + rest / den, r = rest % den;
	if (2 * r >= den)
		q++;
	return max < 0 ? -(pdx_points)q : (pdx_points)q;
}

pdx_points pdx_value_points(const pdx_criterion *crit, const pdx_value *v)
{
	switch (crit->scoring) {
	case PDX_SCORING_YESNO:
		return v->yes ? crit->max : 0;
	case PDX_SCORING_OPTIONS:
		return v->option >= 0 && (size_t)v->option < crit->n_options
		           ? crit->options[v->option].points
		           : 0;
	case PDX_SCORING_BANDS: {
		if (!v->has_number)
			return 0;
		size_t k = pdx_band_reached(crit, v->number);
		return k < crit->n_bands ? crit->bands[k].points : 0;
	}
	case PDX_SCORING_LINEAR:
		return v->has_number ? linear_points(crit->max, v) : 0;
	case PDX_SCORING_NONE:
		break;
	}
	return 0;
}

bool pdx_value_equal(const pdx_value *a, const pdx_value *b)
{
	if (a->yes != b->yes || a->option != b->option || a->has_number != b->has_number)
		return false;
	if (!a->has_number)
		return true;
	/* "40", "40,0" and "40.00" are one number: compare without trailing zeros */
	u128 ma = value_digits(a), mb = value_digits(b);
	int sa = a->scale, sb = b->scale;
	while (sa > 0 && ma % 10 == 0) {
		ma /= 10;
		sa--;
	}
	while (sb > 0 && mb % 10 == 0) {
		mb /= 10;
		sb--;
	}
	return a->negative == b->negative && ma == mb && sa == sb;
}

/* ---- messages ----------------------------------------------------------------- */

/* Writes sign, digits / 10^scale with `mark` into buf, without trailing decimal
 * zeros; with `pad`, a number whose mark would stand before exactly 3 digits gets a
 * fourth ("1,2340") so that it cannot be read as grouping. */
static void write_digits(char *buf, size_t size, bool negative, u128 m, int scale, char mark,
                         bool pad)
{
	while (scale > 0 && m % 10 == 0) {
		m /= 10;
		scale--;
	}
	u128 one = pow10_u128(scale);
	unsigned long long ip = (unsigned long long)(m / one);
	u128 fp = m % one;
	char frac[32] = "";
	for (int i = scale - 1; i >= 0; i--) {
		frac[i] = (char)('0' + (int)(fp % 10));
		fp /= 10;
	}
	frac[scale] = '\0';
	bool padded = pad && scale == 3 && ip > 0 && ip < 1000;
	if (scale)
		snprintf(buf, size, "%s%llu%c%s%s", negative ? "-" : "", ip, mark, frac,
		         padded ? "0" : "");
	else
		snprintf(buf, size, "%s%llu", negative ? "-" : "", ip);
}

/* Today's wording of a plain invalid answer, kept as it was: users and tests know it. */
static int invalid_message(char **vi, char **en, const pdx_criterion *c, const char *shown)
{
	const char *evi = "", *een = "";
	switch (c->type) {
	case PDX_TYPE_YESNO:
		evi = "có hoặc không (có/co/yes/y/1/x/true, không/khong/no/n/0/false)";
		een = "yes or no (có/co/yes/y/1/x/true, không/khong/no/n/0/false)";
		break;
	case PDX_TYPE_CHOICE: {
		pdx_buf keys = {0};
		for (size_t i = 0; i < c->n_options; i++)
			pdx_buf_printf(&keys, "%s%s", i ? ", " : "", c->options[i].key);
		char *k;
		if (pdx_buf_finish(&keys, &k, NULL))
			return PDX_ENOMEM;
		*vi = pdx_aprintf("câu trả lời \"%s\" không hợp lệ; cần một trong: %s", shown, k);
		*en = pdx_aprintf("invalid answer \"%s\"; expected one of: %s", shown, k);
		pdx_free(k);
		return 0;
	}
	case PDX_TYPE_PERCENT:
		evi = "một số từ 0 đến 100 (ví dụ 45, 12,5 hoặc 80%)";
		een = "a number from 0 to 100 (e.g. 45, 12.5 or 80%)";
		break;
	case PDX_TYPE_NUMBER:
		evi = "một số, có thể âm (ví dụ 15, -3,5 hoặc 20%)";
		een = "a number, possibly negative (e.g. 15, -3.5 or 20%)";
		break;
	case PDX_TYPE_COUNT:
		evi = "một số nguyên không âm (ví dụ 0, 3, 12)";
		een = "a whole number, 0 or more (e.g. 0, 3, 12)";
		break;
	case PDX_TYPE_TEXT:
		evi = "văn bản";
		een = "text";
		break;
	}
	*vi = pdx_aprintf("câu trả lời \"%s\" không hợp lệ; cần %s", shown, evi);
	*en = pdx_aprintf("invalid answer \"%s\"; expected %s", shown, een);
	return 0;
}

/* "10.000": 10000 if the mark groups thousands, 10 if it is a decimal mark. Both
 * readings are worked out from the text, and so is what to write for each. */
static int ambiguous_message(char **vi, char **en, const char *text, const char *shown)
{
	lexed L;
	if (!lex_number(&L, text) || !two_readings(&L))
		return PDX_EINVALID;
	u128 frac = 0, whole = 0;
	for (size_t i = 0; i < L.len[0]; i++)
		whole = whole * 10 + (u128)(L.run[0][i] - '0');
	for (size_t i = 0; i < 3; i++)
		frac = frac * 10 + (u128)(L.run[1][i] - '0');
	u128 m = whole * 1000 + frac;
	bool neg = L.negative && m != 0;
	const char *pct = L.percent ? "%" : "";
	char grouped[48], dec_vi[48], dec_en[48], write_vi[48], write_en[48];
	write_digits(grouped, sizeof grouped, neg, m, 0, ',', false);
	write_digits(dec_vi, sizeof dec_vi, neg, m, 3, ',', false);
	write_digits(dec_en, sizeof dec_en, neg, m, 3, '.', false);
	write_digits(write_vi, sizeof write_vi, neg, m, 3, ',', true);
	write_digits(write_en, sizeof write_en, neg, m, 3, '.', true);
	char c = L.sep[0];
	*vi = pdx_aprintf("câu trả lời \"%s\" có thể hiểu hai cách: %s%s (dấu %c ngăn cách hàng "
	                  "nghìn) hoặc %s%s (dấu %c thập phân); hãy viết %s%s hoặc %s%s",
	                  shown, grouped, pct, c, dec_vi, pct, c, grouped, pct, write_vi, pct);
	*en = pdx_aprintf("answer \"%s\" can be read two ways: %s%s (a thousands separator) or "
	                  "%s%s (a decimal %s); write %s%s or %s%s",
	                  shown, grouped, pct, dec_en, pct, c == '.' ? "point" : "comma", grouped,
	                  pct, write_en, pct);
	return 0;
}

int pdx_value_message(char **vi, char **en, const pdx_criterion *crit, const char *text,
                      pdx_value_problem problem)
{
	*vi = *en = NULL;
	if (problem == PDX_VALUE_OK)
		return 0;
	char *shown = pdx_excerpt(text);
	if (!shown)
		return PDX_ENOMEM;
	int rc = PDX_EINVALID;
	if (problem == PDX_VALUE_AMBIGUOUS)
		rc = ambiguous_message(vi, en, text, shown);
	if (problem == PDX_VALUE_TOO_LARGE) {
		*vi = pdx_aprintf("câu trả lời \"%s\" vượt quá phạm vi pressdx tính chính xác: "
		                  "phần nguyên tối đa 9 000 000 000 và tối đa 20 chữ số thập phân",
		                  shown);
		*en = pdx_aprintf("answer \"%s\" is beyond the range pressdx computes exactly: an "
		                  "integer part of at most 9,000,000,000 and at most 20 decimals",
		                  shown);
		rc = 0;
	}
	/* out of range says what is expected, as an invalid answer does ("120": a number
	 * from 0 to 100); so does a problem that does not fit the text */
	if (rc == PDX_EINVALID)
		rc = invalid_message(vi, en, crit, shown);
	pdx_free(shown);
	if (rc || !*vi || !*en) {
		pdx_free(*vi);
		pdx_free(*en);
		*vi = *en = NULL;
		return PDX_ENOMEM;
	}
	return 0;
}

int pdx_value_note(char **vi, char **en, const pdx_criterion *crit, const char *text,
                   unsigned flags)
{
	*vi = *en = NULL;
	pdx_value v;
	if (!(flags & PDX_VALUE_FRACTION_PERCENT) || crit->type != PDX_TYPE_PERCENT ||
	    pdx_value_parse(&v, NULL, crit, text) != 0)
		return 0;
	u128 m = value_digits(&v);
	char as_vi[48], as_en[48], x100_vi[48], x100_en[48];
	write_digits(as_vi, sizeof as_vi, false, m, v.scale, ',', false);
	write_digits(as_en, sizeof as_en, false, m, v.scale, '.', false);
	/* the percent that was probably meant: value × 100 */
	u128 m100 = v.scale >= 2 ? m : m * pow10_u128(2 - v.scale);
	int s100 = v.scale >= 2 ? v.scale - 2 : 0;
	write_digits(x100_vi, sizeof x100_vi, false, m100, s100, ',', false);
	write_digits(x100_en, sizeof x100_en, false, m100, s100, '.', false);
	char *shown = pdx_excerpt(text);
	if (!shown)
		return PDX_ENOMEM;
	*vi = pdx_aprintf("câu trả lời \"%s\" được đọc là %s %%; nếu ý là %s %%, hãy viết %s",
	                  shown, as_vi, x100_vi, x100_vi);
	*en = pdx_aprintf("answer \"%s\" was read as %s %%; if %s %% was meant, write %s", shown,
	                  as_en, x100_en, x100_en);
	pdx_free(shown);
	if (!*vi || !*en) {
		pdx_free(*vi);
		pdx_free(*en);
		*vi = *en = NULL;
		return PDX_ENOMEM;
	}
	return 0;
}

/* ---- the way back: the answer that earns N points ----------------------------- */

/* Whether `answer` reads back as an answer of c that earns at least `min`, without a
 * warning: the promise of pdx_value_answer_for, checked on every answer it gives.
 * 1, 0 or PDX_ENOMEM. */
static int earns(const pdx_criterion *c, const char *answer, pdx_points min)
{
	pdx_value v;
	int rc = pdx_value_parse(&v, NULL, c, answer);
	if (rc == PDX_ENOMEM)
		return rc;
	return rc == 0 && !(v.flags & PDX_VALUE_FRACTION_PERCENT) && pdx_value_points(c, &v) >= min;
}

/* Values in trillionths (1e-12, finer than any bound) between lo and hi, each bound
 * open or closed. */
typedef struct span {
	i128 lo, hi;
	bool lo_open, hi_open;
} span;

#define TRILLION ((i128)1000000000000)

static void raise_lo(span *s, i128 b, bool open)
{
	if (b > s->lo || (b == s->lo && open)) {
		s->lo = b;
		s->lo_open = open;
	}
}

static void lower_hi(span *s, i128 b, bool open)
{
	if (b < s->hi || (b == s->hi && open)) {
		s->hi = b;
		s->hi_open = open;
	}
}

static bool in_span(const span *s, i128 v)
{
	return (v > s->lo || (v == s->lo && !s->lo_open)) &&
	       (v < s->hi || (v == s->hi && !s->hi_open));
}

/* The values that reach band r (n_bands: no band) and no band before it, within what
 * the answer type allows. */
static span band_span(const pdx_criterion *c, size_t r)
{
	i128 max = (i128)MAX_INT_PART * TRILLION;
	span s = {-max, max, false, false};
	if (c->type == PDX_TYPE_PERCENT)
		s.hi = 100 * TRILLION;
	if (c->type != PDX_TYPE_NUMBER)
		s.lo = 0;
	if (r < c->n_bands)
		raise_lo(&s, (i128)c->bands[r].bound.nanos * 1000, c->bands[r].strict);
	/* not reaching a ">= b" band is v < b; not reaching a "> b" band is v <= b */
	for (size_t j = 0; j < r && j < c->n_bands; j++)
		lower_hi(&s, (i128)c->bands[j].bound.nanos * 1000, !c->bands[j].strict);
	return s;
}

/* The simplest value of s: 0 if it is there, else the one nearest 0 with the fewest
 * decimals (at most max_d): *x / 10^*d. */
static bool simplest(const span *s, int max_d, i128 *x, int *d)
{
	if (in_span(s, 0)) {
		*x = 0;
		*d = 0;
		return true;
	}
	for (int k = 0; k <= max_d; k++) {
		i128 unit = (i128)pow10_u128(12 - k), n;
		if (s->lo >= 0) { /* all positive: the first multiple of unit above lo */
			n = s->lo / unit;
			if (n * unit <= s->lo)
				n += n * unit < s->lo || s->lo_open;
		} else { /* all negative: the first multiple of unit below hi */
			n = s->hi / unit;
			if (n * unit >= s->hi)
				n -= n * unit > s->hi || s->hi_open;
		}
		if (in_span(s, n * unit)) {
			*x = n;
			*d = k;
			return true;
		}
	}
	return false;
}

/* x / 10^d as a person types it for c: a decimal comma, never a mark before exactly
 * three digits in a count or number ("1,1250"), and a '%' after a percent below 1
 * ("0,5%") so that it is not taken for a spreadsheet fraction. */
static void write_answer(char *buf, size_t size, const pdx_criterion *c, i128 x, int d)
{
	u128 m = x < 0 ? (u128)-x : (u128)x;
	bool pct = c->type == PDX_TYPE_PERCENT;
	write_digits(buf, size, x < 0, m, d, ',', !pct);
	if (pct && m > 0 && m < pow10_u128(d)) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%%");
	}
}

/* Bands: the region whose points are the fewest that reach `points`, and in it the
 * simplest value. Every candidate is read back before it counts. */
static int band_answer(char *ans, size_t size, const pdx_criterion *c, pdx_points points)
{
	bool found = false;
	pdx_points best_pts = 0;
	int best_d = 0;
	u128 best_m = 0;
	int max_d = c->type == PDX_TYPE_COUNT ? 0 : 12;
	for (size_t r = 0; r <= c->n_bands; r++) {
		pdx_points pts = r < c->n_bands ? c->bands[r].points : 0;
		if (pts < points)
			continue;
		span s = band_span(c, r);
		i128 x;
		int d;
		if (!simplest(&s, max_d, &x, &d))
			continue;
		u128 m = x < 0 ? (u128)-x : (u128)x;
		if (found && (pts > best_pts ||
		              (pts == best_pts && (d > best_d || (d == best_d && m >= best_m)))))
			continue;
		char cand[64];
		write_answer(cand, sizeof cand, c, x, d);
		int ok = earns(c, cand, points);
		if (ok < 0)
			return ok;
		if (!ok)
			continue;
		found = true;
		best_pts = pts;
		best_d = d;
		best_m = m;
		snprintf(ans, size, "%s", cand);
	}
	return found ? 0 : PDX_EINVALID;
}

int pdx_value_answer_for(char *buf, size_t size, const pdx_criterion *crit, pdx_points points)
{
	char ans[320] = "";
	int rc = PDX_EINVALID;
	if (size)
		buf[0] = '\0';
	switch (crit->scoring) {
	case PDX_SCORING_YESNO: {
		/* "không" earns 0, "có" the max: the one with fewer points that is enough */
		const char *pick = points <= 0 ? "không" : NULL;
		if (crit->max >= points && (!pick || crit->max < 0))
			pick = "có";
		if (pick)
			snprintf(ans, sizeof ans, "%s", pick);
		break;
	}
	case PDX_SCORING_OPTIONS: {
		long best = -1;
		for (size_t i = 0; i < crit->n_options; i++)
			if (crit->options[i].points >= points &&
			    (best < 0 || crit->options[i].points < crit->options[best].points))
				best = (long)i;
		if (best >= 0 &&
		    (size_t)snprintf(ans, sizeof ans, "%s", crit->options[best].key) >= sizeof ans)
			return PDX_EARG;
		break;
	}
	case PDX_SCORING_BANDS:
		rc = band_answer(ans, sizeof ans, crit, points);
		if (rc)
			return rc;
		break;
	case PDX_SCORING_LINEAR:
		/* the smallest whole percent: 3 × 34 / 100 = 1.02 for 1 point of 3 */
		for (unsigned n = 0; n <= 100 && !*ans; n++) {
			pdx_value v = {.has_number = true, .digits_lo = n};
			if (linear_points(crit->max, &v) >= points)
				snprintf(ans, sizeof ans, "%u", n);
		}
		break;
	case PDX_SCORING_NONE:
		break;
	}
	if (!*ans)
		return PDX_EINVALID;
	rc = earns(crit, ans, points);
	if (rc < 0)
		return rc;
	if (!rc)
		return PDX_EINVALID;
	if (strlen(ans) >= size)
		return PDX_EARG;
	memcpy(buf, ans, strlen(ans) + 1);
	return 0;
}
