/* SPDX-License-Identifier: MIT */
/* Unit tests of text helpers: the UTF-8 prefix found 32 bytes at a time
 * (engine/utf8_avx2.c), checked against a byte-at-a-time validator written here from
 * RFC 3629's table, on valid Vietnamese text and on every kind of bad sequence placed
 * at every offset around the 32-byte block boundaries; and Vietnamese alphabetical
 * order (engine/collate.c) on pairs worked out from the alphabet and tone order. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* RFC 3629, section 4: the well-formed byte sequences. The length of the longest
 * prefix of s[0..n) made of whole characters, none of them NUL. */
static size_t ref_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned lo = 0x80, hi = 0xbf;
		if (c == 0)
			return i;
		if (c < 0x80)
			len = 1;
		else if (c >= 0xc2 && c <= 0xdf)
			len = 2;
		else if (c == 0xe0)
			len = 3, lo = 0xa0;
		else if (c == 0xed)
			len = 3, hi = 0x9f;
		else if (c >= 0xe1 && c <= 0xef)
			len = 3;
		else if (c == 0xf0)
			len = 4, lo = 0x90;
		else if (c == 0xf4)
			len = 4, hi = 0x8f;
		else if (c >= 0xf1 && c <= 0xf3)
			len = 4;
		else
			return i;
		if (i + len > n)
			return i;
		if (len > 1 && (s[i + 1] < lo || s[i + 1] > hi))
			return i;
		for (size_t k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return i;
		i += len;
	}
	return i;
}

static bool has_avx2(void)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	return __builtin_cpu_supports("avx2");
#else
	return false;
#endif
}

/* The fast prefix of s[0..n) must be good (whole, valid characters: never past the
 * first error) and, where the CPU has AVX2, reach the last 32-byte block. */
static void check(const unsigned char *s, size_t n, const char *what, size_t at)
{
	size_t good = ref_prefix(s, n);
	size_t fast = pdx_utf8_fast_prefix((const char *)s, n);
	if (fast > good || ref_prefix(s, fast) != fast)
		print_error("%s at %zu (n %zu): fast prefix %zu, valid prefix %zu\n", what, at, n,
		            fast, good);
	assert_true(fast <= good);
	assert_int_equal(ref_prefix(s, fast), fast);
	/* progress: all but the last block and the character before it (at most 36 bytes
	 * short of the first error or the end) */
	if (has_avx2() && good >= 64 && fast + 36 < (good / 32) * 32) {
		print_error("%s at %zu: fast prefix %zu stops short of %zu\n", what, at, fast,
		            good);
		fail();
	}
}

/* Vietnamese text cycling through 1-, 2-, 3- (and one 4-) byte characters. */
static const char *const pieces[] = {"B",
                                     "á",
                                     "o ",
                                     "C",
                                     "ả",
                                     "ng M",
                                     "ớ",
                                     "i,",
                                     "Nghệ An,",
                                     "đ",
                                     "ị",
                                     "a phương,",
                                     "\t",
                                     "\"",
                                     "Ư",
                                     "ờ",
                                     "n",
                                     "g",
                                     "1.1.1",
                                     "quý III",
                                     "©",
                                     "€",
                                     "\xf0\x9f\x93\x84",
                                     "ỹ",
                                     "Đ",
                                     "ồ",
                                     "\r\n",
                                     "12,5",
                                     "có",
                                     "~",
                                     "ự",
                                     "ữ"};

static size_t fill_valid(unsigned char *buf, size_t cap, unsigned seed)
{
	size_t n = 0, np = sizeof pieces / sizeof *pieces;
	for (unsigned k = seed;; k = k * 1103515245u + 12345u) {
		const char *p = pieces[(k >> 16) % np];
		size_t len = strlen(p);
		if (n + len > cap)
			return n;
		memcpy(buf + n, p, len);
		n += len;
	}
}

static void test_valid_text_passes(void **state)
{
	(void)state;
	unsigned char buf[600];
	for (unsigned seed = 1; seed <= 200; seed++) {
		size_t n = fill_valid(buf, sizeof buf - (seed % 7), seed);
		assert_int_equal(ref_prefix(buf, n), n);
		for (size_t cut = n; cut + 40 > n && cut > 0; cut--)
			check(buf, cut, "valid text", cut);
	}
	/* plain ASCII, and no call reads past the length given */
	unsigned char *ascii = malloc(100);
	assert_non_null(ascii);
	memset(ascii, 'a', 100);
	check(ascii, 100, "ascii", 0);
	if (has_avx2())
		assert_true(pdx_utf8_fast_prefix((const char *)ascii, 100) >= 60);
	assert_int_equal(pdx_utf8_fast_prefix((const char *)ascii, 31), 0);
	free(ascii);
}

/* Every malformed sequence, and NUL, written over valid text at each offset from 24
 * to 104 (across the block boundaries at 32, 64 and 96). */
static void test_every_error_at_every_offset(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		const char *what;
	} bad[] = {
	    {"\x80", "lone continuation"},
	    {"\xbf\xbf", "two continuations"},
	    {"\xc0\x80", "overlong 2-byte (C0)"},
	    {"\xc1\xbf", "overlong 2-byte (C1)"},
	    {"\xe0\x80\x80", "overlong 3-byte"},
	    {"\xe0\x9f\xbf", "overlong 3-byte (9F)"},
	    {"\xed\xa0\x80", "surrogate"},
	    {"\xed\xbf\xbf", "surrogate (last)"},
	    {"\xf0\x80\x80\x80", "overlong 4-byte"},
	    {"\xf0\x8f\xbf\xbf", "overlong 4-byte (8F)"},
	    {"\xf4\x90\x80\x80", "above U+10FFFF"},
	    {"\xf5\x80\x80\x80", "F5 lead"},
	    {"\xf8\x88\x80\x80\x80", "5-byte form"},
	    {"\xfe", "FE"},
	    {"\xff", "FF"},
	    {"\xc3", "2-byte lead, then ASCII"},
	    {"\xc3\xc3", "2-byte lead, then a lead"},
	    {"\xe1\xbb", "3-byte cut after 2"},
	    {"\xe1", "3-byte cut after 1"},
	    {"\xf0\x9f\x93", "4-byte cut after 3"},
	    {"\xe1\xbb\x87\x87", "continuation after a whole 3-byte"},
	    {"\xc3\xa1\xa1", "continuation after a whole 2-byte"},
	    {"\x00", "NUL"},
	};
	unsigned char base[200], buf[200];
	for (size_t k = 0; k < sizeof base; k++)
		base[k] = (unsigned char)('a' + k % 26);
	for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
		size_t len = strlen(bad[b].bytes);
		if (len == 0)
			len = 1; /* the NUL */
		for (size_t at = 24; at <= 104; at++) {
			memcpy(buf, base, sizeof buf);
			memcpy(buf + at, bad[b].bytes, len);
			assert_true(ref_prefix(buf, sizeof buf) <= at + 3);
			check(buf, sizeof buf, bad[b].what, at);
			/* the same after a Vietnamese letter, so the bad bytes follow a lead */
			if (at >= 3) {
				memcpy(buf + at - 3, "\xe1\xbb\x87", 3);
				check(buf, sizeof buf, bad[b].what, at);
			}
		}
	}
}

/* Random bytes and random single-byte damage to valid text: the fast prefix never
 * passes the first error (a differential test against ref_prefix). */
static void test_random_damage(void **state)
{
	(void)state;
	unsigned char buf[300];
	unsigned x = 12345;
	for (int round = 0; round < 20000; round++) {
		size_t n = fill_valid(buf, sizeof buf, (unsigned)round + 7);
		int hits = 1 + round % 3;
		for (int h = 0; h < hits; h++) {
			x = x * 1103515245u + 12345u;
			size_t at = (x >> 8) % n;
			x = x * 1103515245u + 12345u;
			buf[at] = (unsigned char)(x >> 16);
		}
		check(buf, n, "random damage", (size_t)round);
	}
}

/* a sorts strictly before b, both ways round */
static void before(const char *a, const char *b)
{
	int x = pdx_collate(a, b), y = pdx_collate(b, a);
	if (!(x < 0 && y > 0))
		print_error("expected \"%s\" before \"%s\" (got %d, %d)\n", a ? a : "(null)",
		            b ? b : "(null)", x, y);
	assert_true(x < 0);
	assert_true(y > 0);
}

static void test_collate_alphabet(void **state)
{
	(void)state;
	/* a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, in order */
	static const char *const letters[] = {"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g",
	                                      "h", "i", "k", "l", "m", "n", "o", "ô", "ơ", "p",
	                                      "q", "r", "s", "t", "u", "ư", "v", "x", "y"};
	size_t n = sizeof letters / sizeof *letters;
	for (size_t i = 0; i + 1 < n; i++)
		for (size_t j = i + 1; j < n; j++)
			before(letters[i], letters[j]);
	/* f, j, w, z of foreign names in their Latin places */
	before("ê", "f");
	before("f", "g");
	before("i", "j");
	before("j", "k");
	before("v", "w");
	before("w", "x");
	before("y", "z");
	/* bytes would say otherwise: Đ is U+0110, Ê U+00CA, Á U+00C1 */
	before("Đài", "Tạp chí");
	before("Đà Nẵng", "Êa Súp");
	before("Ánh", "Bắc");
	before("Dương", "Đà Nẵng"); /* d before đ, whatever follows */
	before("Ăn", "Ân");
	before("Ơn", "Pa");
	before("Ửng", "Vân");
}

static void test_collate_tones_case_words(void **state)
{
	(void)state;
	/* ngang, huyền, hỏi, ngã, sắc, nặng */
	static const char *const tones[] = {"ma", "mà", "mả", "mã", "má", "mạ"};
	for (size_t i = 0; i + 1 < 6; i++)
		for (size_t j = i + 1; j < 6; j++)
			before(tones[i], tones[j]);
	/* letters first over the whole text, then tones from the first letter */
	before("mạ", "mac");
	before("án", "ăn");
	before("ác", "ạc");
	before("ạc", "acb");
	/* the first letter whose tone differs decides: o ngang (hoá) before o huyền (hòa),
	 * whatever the tone of the a after it */
	before("hoá", "hòa");
	/* tone before case, case last: lower before upper */
	before("báo", "Báo");
	before("Báo", "bạo");
	before("BAO", "bào");
	/* word by word: a space before any letter; digits before letters */
	before("Báo Hà Nam", "Báo Hàm Yên");
	before("Báo Hà", "Báo Hà Nam");
	before("Báo 24h", "Báo An Giang");
	before("Báo An Giang", "Báo Ánh Dương");
	before("", "a");
	before(NULL, "a");
}

static void test_collate_equal_only_when_same(void **state)
{
	(void)state;
	/* NFC and NFD spellings have the same key; the order is still total (bytes last) */
	const char *nfc = "H\xe1\xba\xa3i Ph\xc3\xb2ng", *nfd = "Ha\xcc\x89i Pho\xcc\x80ng";
	char *ka, *kb;
	size_t la, lb;
	assert_int_equal(pdx_collate_key(nfc, &ka, &la), 0);
	assert_int_equal(pdx_collate_key(nfd, &kb, &lb), 0);
	assert_int_equal(pdx_collate_keys_cmp(ka, la, kb, lb), 0);
	pdx_free(ka);
	pdx_free(kb);
	assert_true(pdx_collate(nfc, nfd) != 0);
	assert_int_equal(pdx_collate("Hải Phòng", "Hải Phòng"), 0);
	assert_int_equal(pdx_collate(NULL, ""), 0);
	/* not UTF-8: still ordered, never equal to another text */
	assert_true(pdx_collate("a\xff", "a\xfe") != 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_text_passes),
	    cmocka_unit_test(test_every_error_at_every_offset),
	    cmocka_unit_test(test_random_damage),
	    cmocka_unit_test(test_collate_alphabet),
	    cmocka_unit_test(test_collate_tones_case_words),
	    cmocka_unit_test(test_collate_equal_only_when_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
