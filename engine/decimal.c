/* SPDX-License-Identifier: MIT */
/* Exact decimals: answers and band bounds in billionths, points in hundredths; their
 * comparison and their text. Reading them from text is the one parser's job (value.c):
 * digit by digit into integers, never through strtod, so that a value like
 * 9.999999999999 stays below a band bound of 10 and 10 stays on it. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

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

/* Copies t into buf as snprintf would: cut to size - 1 bytes, always terminated. */
static char *copy_out(const char *t, size_t n, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (n >= size)
		n = size - 1;
	memcpy(buf, t, n);
	buf[n] = '\0';
	return buf;
}

char *pdx_points_format(pdx_points p, char *buf, size_t size)
{
	/* written by hand, not with snprintf: a report of 100,000 agencies formats
	 * millions of these */
	char t[32];
	char *e = t + sizeof t, *q = e;
	uint64_t m = p < 0 ? (uint64_t)0 - (uint64_t)p : (uint64_t)p;
	uint64_t ip = m / 100, fp = m % 100;
	*--q = (char)('0' + fp % 10);
	*--q = (char)('0' + fp / 10);
	*--q = '.';
	do {
		*--q = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (p < 0)
		*--q = '-';
	return copy_out(q, (size_t)(e - q), buf, size);
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
