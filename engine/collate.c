/* SPDX-License-Identifier: MIT */
/* Vietnamese alphabetical order, without a locale.
 *
 * The ministry's lists are in the order of the Vietnamese alphabet — a ă â b c d đ e ê
 * g h i k l m n o ô ơ p q r s t u ư v x y — where ă, â, đ, ê, ô, ơ, ư are letters of
 * their own, not a with a mark. Byte order puts "Đài" after "Tạp chí" (Đ is U+0110),
 * and a vi_VN locale may be missing or differ between systems, so the order is ours.
 *
 * Three levels, as dictionaries sort (Hoàng Phê, Từ điển tiếng Việt; Unicode CLDR's
 * Vietnamese tailoring): first the letters of the whole text, ignoring tones and case;
 * then, between texts with the same letters, the tones from the first letter on, in
 * the order ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ); then lower case before
 * upper. The letters f, j, w, z of foreign names take their Latin places. A space sorts
 * before everything, so names compare word by word ("Báo Hà Nam" before "Báo Hàm…");
 * punctuation before digits, digits before letters, characters outside the alphabet
 * after z by code point. Texts equal on all three levels compare byte by byte, so the
 * order is total. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

enum { MARK_NONE, MARK_BREVE, MARK_CIRCUMFLEX, MARK_HORN, MARK_STROKE };

/* The alphabet as (base letter, letter mark) pairs, in order. */
static const struct {
	char base;
	unsigned char mark;
} alphabet[] = {
    {'a', MARK_NONE},       {'a', MARK_BREVE}, {'a', MARK_CIRCUMFLEX}, {'b', MARK_NONE},
    {'c', MARK_NONE},       {'d', MARK_NONE},  {'d', MARK_STROKE},     {'e', MARK_NONE},
    {'e', MARK_CIRCUMFLEX}, {'f', MARK_NONE},  {'g', MARK_NONE},       {'h', MARK_NONE},
    {'i', MARK_NONE},       {'j', MARK_NONE},  {'k', MARK_NONE},       {'l', MARK_NONE},
    {'m', MARK_NONE},       {'n', MARK_NONE},  {'o', MARK_NONE},       {'o', MARK_CIRCUMFLEX},
    {'o', MARK_HORN},       {'p', MARK_NONE},  {'q', MARK_NONE},       {'r', MARK_NONE},
    {'s', MARK_NONE},       {'t', MARK_NONE},  {'u', MARK_NONE},       {'u', MARK_HORN},
    {'v', MARK_NONE},       {'w', MARK_NONE},  {'x', MARK_NONE},       {'y', MARK_NONE},
    {'z', MARK_NONE}};

/* Primary weights: never 0 (0 separates the levels of a key), at most 24 bits. */
#define W_SPACE  0x000001u
#define W_PUNCT  0x000010u /* + the ASCII code */
#define W_DIGIT  0x000100u /* + the digit */
#define W_LETTER 0x000200u /* + the place in the alphabet */
#define W_OTHER  0x001000u /* + the code point (at most 0x10FFFF) */

static uint32_t letter_weight(utf8proc_int32_t base, unsigned mark)
{
	for (size_t i = 0; i < sizeof alphabet / sizeof *alphabet; i++)
		if (alphabet[i].base == base && alphabet[i].mark == mark)
			return W_LETTER + (uint32_t)i;
	/* a mark the alphabet does not put on this letter: the letter itself */
	return mark == MARK_NONE ? 0 : letter_weight(base, MARK_NONE);
}

/* The tone a combining mark writes (1 huyền … 5 nặng), 0 when it writes none. */
static int tone_of(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x0300:
		return 1; /* huyền, grave */
	case 0x0309:
		return 2; /* hỏi, hook above */
	case 0x0303:
		return 3; /* ngã, tilde */
	case 0x0301:
		return 4; /* sắc, acute */
	case 0x0323:
		return 5; /* nặng, dot below */
	default:
		return 0;
	}
}

static unsigned letter_mark_of(utf8proc_int32_t cp)
{
	return cp == 0x0306   ? MARK_BREVE
	       : cp == 0x0302 ? MARK_CIRCUMFLEX
	       : cp == 0x031b ? MARK_HORN
	                      : MARK_NONE;
}

/* One character of the text: a base code point and the marks after it. */
typedef struct {
	uint32_t weight;
	unsigned char tone, upper;
	bool letter;
} unit;

static int put3(pdx_buf *b, uint32_t w)
{
	char t[3] = {(char)(w >> 16), (char)(w >> 8), (char)w};
	pdx_buf_append(b, t, 3);
	return b->failed;
}

int pdx_collate_key(const char *s, char **key, size_t *len)
{
	*key = NULL;
	*len = 0;
	pdx_buf prim = {0}, tones = {0}, cases = {0};
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)(s ? s : "");
	utf8proc_ssize_t n = (utf8proc_ssize_t)strlen((const char *)u), i = 0;
	unit cur = {0, 0, 0, false};
	bool have = false;
	while (i <= n) {
		utf8proc_int32_t cp = 0, parts[8];
		utf8proc_ssize_t k = 0, np = 0;
		if (i < n) {
			k = utf8proc_iterate(u + i, n - i, &cp);
			if (k <= 0) {
				cp = 0xfffd; /* not UTF-8: one replacement per byte */
				k = 1;
			}
			np = utf8proc_decompose_char(cp, parts, 8, UTF8PROC_DECOMPOSE, NULL);
			if (np < 1 || np > 8) {
				parts[0] = cp;
				np = 1;
			}
		}
		for (utf8proc_ssize_t p = 0; p < (i < n ? np : 1); p++) {
			utf8proc_int32_t c = i < n ? parts[p] : -1;
			unsigned mark = c >= 0 ? letter_mark_of(c) : MARK_NONE;
			int tone = c >= 0 ? tone_of(c) : 0;
			if (have && cur.letter && (mark || tone)) {
				/* a mark on the letter before it */
				if (mark) {
					uint32_t w = letter_weight(
					    (utf8proc_int32_t)alphabet[cur.weight - W_LETTER].base,
					    mark);
					if (w)
						cur.weight = w;
				}
				if (tone)
					cur.tone = (unsigned char)tone;
				continue;
			}
			if (c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_MN && have)
				continue; /* another mark: left to the byte order */
			if (have) {
				put3(&prim, cur.weight);
				if (cur.letter) {
					pdx_buf_putc(&tones, (char)(cur.tone + 1));
					pdx_buf_putc(&cases, (char)(cur.upper + 1));
				}
			}
			if (c < 0)
				break;
			utf8proc_int32_t lower = utf8proc_tolower(c);
			cur = (unit){0, 0, lower != c, false};
			have = true;
			if (lower == 0x0111) /* đ */
				cur.weight = letter_weight('d', MARK_STROKE);
			else if (lower < 0x80 && lower >= 'a' && lower <= 'z')
				cur.weight = letter_weight(lower, MARK_NONE);
			if (cur.weight) {
				cur.letter = true;
			} else if (c == ' ' || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS ||
			           c == '\t') {
				cur.weight = W_SPACE;
			} else if (c >= '0' && c <= '9') {
				cur.weight = W_DIGIT + (uint32_t)(c - '0');
			} else if (c < 0x80) {
				cur.weight = W_PUNCT + (uint32_t)c;
			} else {
				cur.weight = W_OTHER + (uint32_t)lower;
			}
		}
		if (i == n)
			break;
		i += k;
	}
	put3(&prim, 0);
	pdx_buf_putc(&tones, 0);
	pdx_buf_append(&prim, tones.data ? tones.data : "", tones.len);
	pdx_buf_append(&prim, cases.data ? cases.data : "", cases.len);
	int failed = prim.failed || tones.failed || cases.failed;
	pdx_buf_free(&tones);
	pdx_buf_free(&cases);
	if (failed) {
		pdx_buf_free(&prim);
		return PDX_ENOMEM;
	}
	*len = prim.len;
	*key = prim.data;
	if (!*key) {
		*key = pdx_malloc(1);
		if (!*key)
			return PDX_ENOMEM;
	}
	return 0;
}

int pdx_collate_keys_cmp(const char *ka, size_t la, const char *kb, size_t lb)
{
	int c = memcmp(ka, kb, la < lb ? la : lb);
	return c ? c : (la > lb) - (la < lb);
}

int pdx_collate(const char *a, const char *b)
{
	char *ka = NULL, *kb = NULL;
	size_t la, lb;
	int c;
	if (pdx_collate_key(a, &ka, &la) || pdx_collate_key(b, &kb, &lb))
		c = 0; /* out of memory: byte order below */
	else
		c = pdx_collate_keys_cmp(ka, la, kb, lb);
	pdx_free(ka);
	pdx_free(kb);
	return c ? c : strcmp(a ? a : "", b ? b : "");
}
