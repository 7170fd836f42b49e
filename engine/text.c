/* UTF-8 helpers over utf8proc: validation, NFC, trimming of Unicode spaces, folding.
 *
 * Files come from Excel on Windows and from Mac tools: the same "Hải Phòng" may arrive
 * composed (NFC) or decomposed (NFD), with non-breaking spaces around it. Everything
 * the engine compares goes through pdx_utf8_clean first. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

long pdx_utf8_invalid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0)
			return (long)i;
		if (c < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return (long)i;
		i += (size_t)n;
	}
	return -1;
}

static int is_space_cp(utf8proc_int32_t cp)
{
	if (cp == ' ' || (cp >= 0x09 && cp <= 0x0d))
		return 1;
	/* NBSP, the Zs category (en/em/thin spaces, ideographic space, narrow NBSP),
	 * zero-width space and a stray BOM / zero-width no-break space. */
	if (cp == 0x200b || cp == 0xfeff || cp == 0x85)
		return 1;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Length in bytes of the code point starting at s[i], and its value. */
static size_t cp_at(const char *s, size_t len, size_t i, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n =
	    utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), cp);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return (size_t)n;
}

/* Most cells (ids, numbers, option keys) are ASCII, whose NFC is itself: trim and copy
 * without a trip through utf8proc. */
static char *ascii_clean(const char *s, size_t len)
{
	size_t start = 0, end = len;
	while (start < end && (s[start] == ' ' || (s[start] >= 0x09 && s[start] <= 0x0d)))
		start++;
	while (end > start && (s[end - 1] == ' ' || (s[end - 1] >= 0x09 && s[end - 1] <= 0x0d)))
		end--;
	char *out = malloc(end - start + 1);
	if (out) {
		memcpy(out, s + start, end - start);
		out[end - start] = '\0';
	}
	return out;
}

char *pdx_utf8_clean(const char *s, size_t len)
{
	size_t ascii = 0;
	while (ascii < len && (unsigned char)s[ascii] < 0x80)
		ascii++;
	if (ascii == len)
		return ascii_clean(s, len);
	size_t start = 0, end = len;
	while (start < end) {
		utf8proc_int32_t cp;
		size_t n = cp_at(s, end, start, &cp);
		if (cp < 0 || !is_space_cp(cp))
			break;
		start += n;
	}
	while (end > start) {
		/* step back to the start of the last code point */
		size_t k = end - 1;
		while (k > start && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		utf8proc_int32_t cp;
		cp_at(s, end, k, &cp);
		if (cp < 0 || !is_space_cp(cp))
			break;
		end = k;
	}
	if (start == end)
		return pdx_strdup("");
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n =
	    utf8proc_map((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(end - start), &dst,
	                 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	return (char *)dst;
}

char *pdx_utf8_fold(const char *s)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &dst,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                      UTF8PROC_CASEFOLD);
	if (n < 0)
		return NULL;
	return (char *)dst;
}

int pdx_utf8_equal_fold(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	char *fa = pdx_utf8_fold(a), *fb = pdx_utf8_fold(b);
	int eq = fa && fb && strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return eq;
}

size_t pdx_utf8_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

char *pdx_excerpt(const char *s)
{
	pdx_buf b = {0};
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xc0) != 0x80 && ++chars > 60) {
			pdx_buf_puts(&b, "…");
			break;
		}
		if (*p == '\n')
			pdx_buf_puts(&b, "\\n");
		else if (*p == '\r')
			pdx_buf_puts(&b, "\\r");
		else if (*p == '\t')
			pdx_buf_puts(&b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			pdx_buf_printf(&b, "\\x%02x", *p);
		else
			pdx_buf_putc(&b, (char)*p);
	}
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}
