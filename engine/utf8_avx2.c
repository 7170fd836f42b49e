/* SPDX-License-Identifier: MIT */
/* UTF-8 validation 32 bytes at a time with AVX2, for the decoder's hot path.
 *
 * Every byte of every answer file is checked once; in a Vietnamese file a multi-byte
 * letter comes every few bytes, so a byte-at-a-time check branches all the time (8 %
 * of a 50,000-agency run). This is the "lookup" algorithm of Keiser and Lemire,
 * "Validating UTF-8 in less than one instruction per byte" (Software: Practice and
 * Experience, 2021), as simdjson and simdutf ship it: three 16-entry tables, indexed
 * by the nibbles of each byte and of the byte before it, flag every two-byte pattern
 * that cannot occur in UTF-8; a sequence's third and fourth bytes are checked against
 * the lead two and three bytes back. NUL is refused as well (the decoder's rule).
 *
 * The function only finds a prefix that is certainly good; the caller's byte-at-a-
 * time loop goes on from there, finds the exact place of an error and handles the last
 * few bytes. Chosen at run time: the library is built for plain x86-64. */
#include "internal.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define TARGET __attribute__((target("avx2")))

/* The error classes, one bit each (a pair of bytes is bad when its three table entries
 * share a bit). */
enum {
	TOO_SHORT = 1 << 0,  /* 11______ 0_______ or 11______ 11______ */
	TOO_LONG = 1 << 1,   /* 0_______ 10______ */
	OVERLONG_3 = 1 << 2, /* 11100000 100_____ */
	TOO_LARGE = 1 << 3,  /* 11110100 1001____ and above */
	SURROGATE = 1 << 4,  /* 11101101 101_____ */
	OVERLONG_2 = 1 << 5, /* 1100000_ 10______ */
	TOO_LARGE_1000 = 1 << 6,
	OVERLONG_4 = 1 << 6, /* 11110000 1000____ */
	TWO_CONTS = 1 << 7,  /* 10______ 10______: right only as a 3rd or 4th byte */
	CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
};

#define TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)                                      \
	_mm256_setr_epi8((char)(a), (char)(b), (char)(c), (char)(d), (char)(e), (char)(f),         \
	                 (char)(g), (char)(h), (char)(i), (char)(j), (char)(k), (char)(l),         \
	                 (char)(m), (char)(n), (char)(o), (char)(p), (char)(a), (char)(b),         \
	                 (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h),         \
	                 (char)(i), (char)(j), (char)(k), (char)(l), (char)(m), (char)(n),         \
	                 (char)(o), (char)(p))

/* The bytes of `in` shifted by k (1, 2, 3) positions, the first k taken from the end
 * of `prev`. */
#define PREV(in, prev, k)                                                                          \
	_mm256_alignr_epi8((in), _mm256_permute2x128_si256((prev), (in), 0x21), 16 - (k))

TARGET static __m256i high_nibble(__m256i v)
{
	return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0f));
}

/* The bytes of `in` (with the three before it, the end of `prev`) that break UTF-8:
 * non-zero where one does. */
TARGET static __m256i errors(__m256i in, __m256i prev)
{
	const __m256i byte_1_high =
	    TABLE(TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
	          TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
	          TOO_SHORT | OVERLONG_3 | SURROGATE,
	          TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
	const __m256i byte_1_low = TABLE(
	    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
	    CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
	    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000);
	const __m256i byte_2_high = TABLE(
	    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, TOO_SHORT, TOO_SHORT,
	    TOO_SHORT, TOO_SHORT);
	__m256i prev1 = PREV(in, prev, 1);
	__m256i special = _mm256_and_si256(
	    _mm256_and_si256(
	        _mm256_shuffle_epi8(byte_1_high, high_nibble(prev1)),
	        _mm256_shuffle_epi8(byte_1_low, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0f)))),
	    _mm256_shuffle_epi8(byte_2_high, high_nibble(in)));
	/* a byte two after a 3- or 4-byte lead, or three after a 4-byte lead, must be a
	 * continuation: exactly where TWO_CONTS is set */
	__m256i third = _mm256_subs_epu8(PREV(in, prev, 2), _mm256_set1_epi8((char)(0xe0 - 0x80)));
	__m256i fourth = _mm256_subs_epu8(PREV(in, prev, 3), _mm256_set1_epi8((char)(0xf0 - 0x80)));
	__m256i must =
	    _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
	__m256i bad = _mm256_xor_si256(must, special);
	return _mm256_or_si256(bad, _mm256_cmpeq_epi8(in, _mm256_setzero_si256()));
}

TARGET static size_t blocks(const unsigned char *u, size_t n)
{
	__m256i prev = _mm256_setzero_si256();
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		__m256i in = _mm256_loadu_si256((const __m256i *)(const void *)(u + i));
		__m256i e = errors(in, prev);
		if (!_mm256_testz_si256(e, e))
			break;
		prev = in;
	}
	return i;
}

size_t pdx_utf8_fast_prefix(const char *s, size_t len)
{
	/* a read of what libgcc found at start-up: cheap, and no state of ours to share
	 * between threads */
	if (len < 32 || !__builtin_cpu_supports("avx2"))
		return 0;
	const unsigned char *u = (const unsigned char *)s;
	size_t end = blocks(u, len);
	if (end == 0)
		return 0;
	/* Bytes before `end` passed, but a sequence's error may show only at the byte after
	 * it, which is at or past `end` when the sequence is the last one. So the last
	 * character (at most three continuation bytes back) is left to the caller: every
	 * error in what remains shows at a byte before `end`, and was seen. */
	size_t p = end - 1;
	for (int k = 0; k < 3 && p > 0 && (u[p] & 0xc0) == 0x80; k++)
		p--;
	return p;
}
#else
size_t pdx_utf8_fast_prefix(const char *s, size_t len)
{
	(void)s;
	(void)len;
	return 0;
}
#endif
