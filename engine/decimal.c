/* Exact decimals: answers and band bounds in billionths, points in hundredths.
 *
 * Answers arrive as text written by people and spreadsheets ("12,5", "45%", "−3").
 * They are parsed digit by digit into integers, never through strtod, so that a
 * value like 9.999999999999 stays below a band bound of 10 and 10 stays on it. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define MAX_INT_PART    INT64_C(9000000000) /* keeps nanos within int64 */
#define MAX_FRAC_DIGITS 20                  /* what linear scoring computes exactly */

__extension__ typedef unsigned __int128 u128;

int pdx_decimal_parse(const char *text, bool allow_percent, pdx_decimal *out)
{
	const char *p = text;
	int neg = 0;
	if (*p == '+' || *p == '-') {
		neg = *p == '-';
		p++;
	} else if (strncmp(p, "\xe2\x88\x92", 3) == 0) { /* U+2212 MINUS SIGN */
		neg = 1;
		p += 3;
	}
	int64_t ip = 0;
	int int_digits = 0, frac_digits = 0;
	while (*p >= '0' && *p <= '9') {
		ip = ip * 10 + (*p - '0');
		if (ip > MAX_INT_PART)
			return PDX_EINVALID;
		int_digits++;
		p++;
	}
	int64_t frac = 0;
	int rest = 0;
	if (*p == '.' || *p == ',') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (frac_digits >= MAX_FRAC_DIGITS)
				return PDX_EINVALID;
			if (frac_digits < 9)
				frac = frac * 10 + (*p - '0');
			else if (*p != '0')
				rest = 1;
			frac_digits++;
			p++;
		}
		if (frac_digits == 0)
			return PDX_EINVALID;
	}
	if (int_digits == 0 && frac_digits == 0)
		return PDX_EINVALID;
	for (int k = frac_digits; k < 9; k++)
		frac *= 10;
	if (allow_percent) {
		const char *q = p;
		while (*q == ' ')
			q++;
		if (*q == '%')
			p = q + 1;
	}
	if (*p != '\0')
		return PDX_EINVALID;
	int64_t nanos = ip * PDX_DECIMAL_ONE + frac;
	out->nanos = neg ? -nanos : nanos;
	out->rest = neg ? -rest : rest;
	return 0;
}

int pdx_decimal_cmp(pdx_decimal a, pdx_decimal b)
{
	if (a.nanos != b.nanos)
		return a.nanos < b.nanos ? -1 : 1;
	if (a.rest != b.rest)
		return a.rest < b.rest ? -1 : 1;
	return 0;
}

char *pdx_decimal_format(pdx_decimal d, char *buf, size_t size)
{
	int64_t v = d.nanos;
	const char *sign = v < 0 ? "-" : "";
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t ip = m / (uint64_t)PDX_DECIMAL_ONE, fp = m % (uint64_t)PDX_DECIMAL_ONE;
	if (fp == 0) {
		snprintf(buf, size, "%s%llu", sign, (unsigned long long)ip);
		return buf;
	}
	char frac[16];
	snprintf(frac, sizeof frac, "%09llu", (unsigned long long)fp);
	size_t n = strlen(frac);
	while (n > 0 && frac[n - 1] == '0')
		frac[--n] = '\0';
	snprintf(buf, size, "%s%llu.%s", sign, (unsigned long long)ip, frac);
	return buf;
}

char *pdx_points_format(pdx_points p, char *buf, size_t size)
{
	const char *sign = p < 0 ? "-" : "";
	uint64_t m = p < 0 ? (uint64_t)0 - (uint64_t)p : (uint64_t)p;
	snprintf(buf, size, "%s%llu.%02llu", sign, (unsigned long long)(m / 100),
	         (unsigned long long)(m % 100));
	return buf;
}

char *pdx_points_format_short(pdx_points p, char *buf, size_t size)
{
	const char *sign = p < 0 ? "-" : "";
	uint64_t m = p < 0 ? (uint64_t)0 - (uint64_t)p : (uint64_t)p;
	uint64_t ip = m / 100, fp = m % 100;
	if (fp == 0)
		snprintf(buf, size, "%s%llu", sign, (unsigned long long)ip);
	else if (fp % 10 == 0)
		snprintf(buf, size, "%s%llu.%llu", sign, (unsigned long long)ip,
		         (unsigned long long)(fp / 10));
	else
		snprintf(buf, size, "%s%llu.%02llu", sign, (unsigned long long)ip,
		         (unsigned long long)fp);
	return buf;
}

/* max × value / 100 in hundredths, rounded half away from zero, computed from the
 * written digits (up to 20 decimals) so that no truncation can move a result across
 * a rounding tie. `text` must already be accepted by pdx_decimal_parse as a value
 * in 0..100; returns -1 otherwise. */
pdx_points pdx_linear_points(pdx_points max, const char *text)
{
	const char *p = text;
	if (*p == '+')
		p++;
	if (*p == '-' || strncmp(p, "\xe2\x88\x92", 3) == 0)
		return 0; /* only -0 gets here */
	u128 m = 0;
	int scale = 0, in_frac = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			m = m * 10 + (u128)(*p - '0');
			scale += in_frac;
		} else if (*p == '.' || *p == ',') {
			in_frac = 1;
		} else {
			break;
		}
	}
	if (m > 0 && max < 0)
		return -1;
	u128 den = 100;
	for (int i = 0; i < scale; i++)
		den *= 10;
	u128 num = (u128)max * m;
	u128 q = num / den, r = num % den;
	if (2 * r >= den)
		q++;
	return (pdx_points)q;
}
