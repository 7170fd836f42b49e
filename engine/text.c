/* SPDX-License-Identifier: MIT */
/* UTF-8 helpers over utf8proc: validation, NFC, trimming of Unicode spaces, folding,
 * comparison keys, and excerpts of user text safe to print in a message.
 *
 * Files come from Excel on Windows and from Mac tools: the same "Hải Phòng" may arrive
 * composed (NFC) or decomposed (NFD), with non-breaking spaces around it. Everything
 * the engine compares goes through pdx_utf8_clean first. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
	char *out = pdx_malloc(end - start + 1);
	if (out) {
		memcpy(out, s + start, end - start);
		out[end - start] = '\0';
	}
	return out;
}

/* utf8proc_map allocates with the C library; what the library hands out is ours
 * (pdx_malloc), so that pdx_free frees everything and the allocation-failure test sees
 * every allocation a caller may fail on. Takes `m`. */
static char *own(utf8proc_uint8_t *m, utf8proc_ssize_t n)
{
	if (n < 0 || !m) {
		free(m); /* utf8proc's */
		return NULL;
	}
	char *p = pdx_malloc((size_t)n + 1);
	if (p) {
		memcpy(p, m, (size_t)n);
		p[n] = '\0';
	}
	free(m); /* utf8proc's */
	return p;
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
	return own(dst, n);
}

/* The trimmed range of s[0..len): ASCII and Unicode white space cut at both ends. */
static void trim_range(const char *s, size_t len, size_t *start, size_t *end)
{
	size_t a = 0, b = len;
	while (a < b) {
		unsigned char c = (unsigned char)s[a];
		if (c < 0x80) {
			if (c != ' ' && (c < 0x09 || c > 0x0d))
				break;
			a++;
			continue;
		}
		utf8proc_int32_t cp;
		size_t n = cp_at(s, b, a, &cp);
		if (cp < 0 || !is_space_cp(cp))
			break;
		a += n;
	}
	while (b > a) {
		unsigned char c = (unsigned char)s[b - 1];
		if (c < 0x80) {
			if (c != ' ' && (c < 0x09 || c > 0x0d))
				break;
			b--;
			continue;
		}
		size_t k = b - 1;
		while (k > a && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		utf8proc_int32_t cp;
		cp_at(s, b, k, &cp);
		if (cp < 0 || !is_space_cp(cp))
			break;
		b = k;
	}
	*start = a;
	*end = b;
}

/* Sixteen bytes at a time where the compiler targets SSE2 (every x86-64), else eight
 * in a 64-bit word: these two scans see every byte of every answer file. */
#if defined(__SSE2__)
size_t pdx_ascii_prefix(const char *s, size_t len)
{
	const __m128i zero = _mm_setzero_si128();
	size_t i = 0;
	for (; i + 16 <= len; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* the high bit of each byte, and the bytes that are zero */
		unsigned m = (unsigned)_mm_movemask_epi8(v) |
		             (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
	while (i < len && (unsigned char)s[i] < 0x80 && s[i])
		i++;
	return i;
}

size_t pdx_find_break(const char *s, size_t len)
{
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	size_t i = 0;
	for (; i + 16 <= len; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}
#else
size_t pdx_ascii_prefix(const char *s, size_t len)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	size_t i = 0;
	/* eight bytes at a time: none with the high bit set, none zero */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if ((w & high) || ((w - ones) & ~w & high))
			break;
	}
	while (i < len && (unsigned char)s[i] < 0x80 && s[i])
		i++;
	return i;
}

size_t pdx_find_break(const char *s, size_t len)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	const uint64_t lf = ones * '\n', cr = ones * '\r';
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t a = w ^ lf, b = w ^ cr;
		if (((a - ones) & ~a & high) || ((b - ones) & ~b & high))
			break;
	}
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}
#endif

static bool is_space_byte(unsigned char c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0d);
}

/* The code points a cell is made of when it was typed on a Vietnamese keyboard in
 * composed form: below U+0300 (Basic Latin to Spacing Modifiers) and U+1E00–U+1EFF
 * (Latin Extended Additional: ạ ả ấ … ỹ). None of them is a combining mark, none
 * changes under NFC, and none is the second character of a canonical composition
 * (checked against the Unicode data: no NFC_QC=No or Maybe among them), so a string
 * of them alone is its own NFC. */
static bool nfc_stable(uint32_t cp)
{
	return cp < 0x300 || (cp >= 0x1e00 && cp <= 0x1eff);
}

bool pdx_utf8_is_clean(const char *s, size_t len)
{
	if (len == 0 || is_space_byte((unsigned char)s[0]) ||
	    is_space_byte((unsigned char)s[len - 1]))
		return false;
	size_t i = 0;
	while (i < len) {
		i += pdx_ascii_prefix(s + i, len - i);
		if (i == len)
			break;
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;
		if (c >= 0xc2 && c <= 0xdf && i + 1 < len) {
			cp = (uint32_t)(c & 0x1f) << 6 | ((unsigned char)s[i + 1] & 0x3f);
			n = 2;
		} else if (c >= 0xe0 && c <= 0xef && i + 2 < len) {
			cp = (uint32_t)(c & 0x0f) << 12 |
			     (uint32_t)((unsigned char)s[i + 1] & 0x3f) << 6 |
			     ((unsigned char)s[i + 2] & 0x3f);
			n = 3;
		} else {
			return false; /* NUL, four-byte or malformed: the careful path decides */
		}
		/* NEL and NBSP are white space that trimming would cut */
		if (!nfc_stable(cp) || ((cp == 0x85 || cp == 0xa0) && (i == 0 || i + n == len)))
			return false;
		i += n;
	}
	return true;
}

int pdx_utf8_clean_into(pdx_buf *out, pdx_buf *scratch, const char *s, size_t len)
{
	size_t a, b;
	trim_range(s, len, &a, &b);
	size_t i = a;
	while (i < b && (unsigned char)s[i] < 0x80)
		i++;
	if (i == b) { /* ASCII: its own NFC */
		pdx_buf_append(out, s + a, b - a);
		pdx_buf_putc(out, '\0');
		return out->failed ? PDX_ENOMEM : 0;
	}
	/* NFC through utf8proc into our own buffers: no allocation per cell once the
	 * scratch buffer has grown to the longest cell */
	const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	for (;;) {
		utf8proc_ssize_t cap = (utf8proc_ssize_t)(scratch->cap / sizeof(utf8proc_int32_t));
		utf8proc_ssize_t n = utf8proc_decompose(
		    (const utf8proc_uint8_t *)s + a, (utf8proc_ssize_t)(b - a),
		    (utf8proc_int32_t *)(void *)scratch->data, cap > 0 ? cap - 1 : 0, opt);
		if (n < 0)
			return PDX_EINVALID;
		if (n < cap) {
			n = utf8proc_reencode((utf8proc_int32_t *)(void *)scratch->data, n, opt);
			if (n < 0)
				return PDX_EINVALID;
			pdx_buf_append(out, scratch->data, (size_t)n);
			pdx_buf_putc(out, '\0');
			return out->failed ? PDX_ENOMEM : 0;
		}
		size_t want = ((size_t)n + 1) * sizeof(utf8proc_int32_t);
		if (want > scratch->cap) {
			pdx_buf_free(scratch);
			void *p = pdx_malloc(want);
			if (!p)
				return PDX_ENOMEM;
			scratch->data = p;
			scratch->cap = want;
		}
	}
}

char *pdx_utf8_fold(const char *s)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &dst,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                      UTF8PROC_CASEFOLD);
	return own(dst, n);
}

int pdx_utf8_equal_fold(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	char *fa = pdx_utf8_fold(a), *fb = pdx_utf8_fold(b);
	int eq = fa && fb ? strcmp(fa, fb) == 0 : PDX_ENOMEM;
	pdx_free(fa);
	pdx_free(fb);
	return eq;
}

void pdx_buf_put_safe(pdx_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p == '\n')
			pdx_buf_puts(b, "\\n");
		else if (*p < 0x20 || *p == 0x7f)
			pdx_buf_printf(b, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			/* C1 controls (U+0080–U+009F): CSI U+009B drives a terminal too */
			pdx_buf_printf(b, "\\u%04x", p[1]);
			p++;
		} else if (*p == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) {
			/* bidirectional overrides U+202A–U+202E reorder what a reader sees */
			pdx_buf_printf(b, "\\u%04x", 0x2000 + (p[2] - 0x80));
			p += 2;
		} else if (*p == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9) {
			pdx_buf_printf(b, "\\u%04x", 0x2040 + (p[2] - 0x80)); /* U+2066–U+2069 */
			p += 2;
		} else
			pdx_buf_putc(b, (char)*p);
	}
}

size_t pdx_safe_width(const char *s)
{
	/* what pdx_buf_put_safe writes, counted without writing it (a width must not
	 * depend on whether memory could be had) */
	size_t w = 0;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p == '\n')
			w += 2;
		else if (*p < 0x20 || *p == 0x7f)
			w += 4;
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			w += 6;
			p++;
		} else if (*p == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) ||
		                          (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9))) {
			w += 6;
			p += 2;
		} else if ((*p & 0xc0) != 0x80)
			w++;
	}
	return w;
}

/* Dashes that people and word processors put where a hyphen is meant ("1–2" for the
 * option "1-2"): U+2010..U+2015, MINUS SIGN, SMALL EM DASH, SMALL HYPHEN-MINUS and
 * FULLWIDTH HYPHEN-MINUS. */
static int is_dash_cp(utf8proc_int32_t cp)
{
	return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xfe58 || cp == 0xfe63 ||
	       cp == 0xff0d;
}

char *pdx_utf8_key(const char *s, unsigned flags)
{
	utf8proc_option_t o =
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
	o |= flags & PDX_KEY_STRIP_MARKS ? UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK
	                                 : UTF8PROC_COMPOSE;
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t len0 = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m, o);
	char *k = own(m, len0);
	if (!k)
		return NULL;
	size_t len = (size_t)len0;
	/* Rewritten in place: every replacement ('-', ' ', 'd') is shorter than or as
	 * long as what it replaces. */
	size_t r = 0, w = 0;
	bool space = false;
	while (r < len) {
		utf8proc_int32_t cp;
		size_t n = cp_at(k, len, r, &cp);
		if (is_space_cp(cp)) {
			space = w > 0; /* leading white space is dropped */
			r += n;
			continue;
		}
		if (space)
			k[w++] = ' ';
		space = false;
		if (is_dash_cp(cp)) {
			k[w++] = '-';
		} else if ((flags & PDX_KEY_STRIP_MARKS) && (cp == 0x111 || cp == 0x110)) {
			k[w++] = 'd'; /* đ has no combining mark to strip: it is its own letter */
		} else {
			memmove(k + w, k + r, n);
			w += n;
		}
		r += n;
	}
	k[w] = '\0';
	return k;
}

size_t pdx_utf8_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Characters that show nothing, or show as a plain space, on a terminal: a user who
 * reads `"80 %"` in a message cannot tell U+00A0 from a space, nor see a U+200B at all.
 * C1 controls, format characters (Cf: U+00AD, U+200B, U+FEFF…), and every separator
 * (Zs, Zl, Zp) except the ASCII space. */
static int is_invisible_cp(utf8proc_int32_t cp)
{
	if (cp >= 0x80 && cp <= 0x9f)
		return 1;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return 1;
	default:
		return 0;
	}
}

char *pdx_excerpt(const char *s)
{
	pdx_buf b = {0};
	size_t chars = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xc0) != 0x80 && ++chars > 60) {
			pdx_buf_puts(&b, "…");
			break;
		}
		if (c < 0x80) {
			if (c == '\n')
				pdx_buf_puts(&b, "\\n");
			else if (c == '\r')
				pdx_buf_puts(&b, "\\r");
			else if (c == '\t')
				pdx_buf_puts(&b, "\\t");
			else if (c < 0x20 || c == 0x7f)
				pdx_buf_printf(&b, "\\x%02x", c);
			else
				pdx_buf_putc(&b, (char)c);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		size_t n = cp_at(s, len, i, &cp);
		if (cp < 0)
			pdx_buf_printf(&b, "\\x%02x", c); /* not UTF-8: the byte, never raw */
		else if (is_invisible_cp(cp))
			pdx_buf_printf(&b, "U+%04X", (unsigned)cp);
		else
			pdx_buf_append(&b, s + i, n);
		i += n;
	}
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}
