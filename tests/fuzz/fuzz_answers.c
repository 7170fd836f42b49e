/* SPDX-License-Identifier: MIT */
/* Fuzz target: the answers CSV reader (pdx_answers_read_memory), with the bundled
 * rubric rubrics/951-2023.xml fixed.
 *
 * Input: one control byte, then the CSV bytes. The control byte picks the read
 * options and how the bytes are fed:
 *
 *   bits 0-1  encoding: 0 none (UTF-8, or UTF-16 with a BOM), 1 "cp1258", 2 "tcvn3",
 *             3 "utf-8" (or, with bit 7, the unsupported "latin1")
 *   bits 2-3  delimiter: 0 detect, 1 ',', 2 ';', 3 tab
 *   bit 4     default year 2025 (else 0: unknown)
 *   bit 5     split: the next byte b cuts the rest into two files at len*b/256, read
 *             one after the other into the same set
 *   bit 6     read the (whole) CSV a second time into the same set: every row repeats
 *   bit 7     see bits 0-1
 *
 * So a plain CSV file prefixed with a 0x00 byte is read the way `pressdx score` reads
 * it by default. Checked beyond memory safety: a rejected file (non-zero return)
 * reports an error and leaves the set exactly as it was, every answer is found again
 * through pdx_assessment_answer, and a file read with --encoding cp1258 or tcvn3 holds
 * what the same file converted to UTF-8 by iconv beforehand holds. */
#include <iconv.h>
#include <string.h>

#include "fuzz.h"

typedef struct snapshot {
	size_t n;
	size_t *answers;
	size_t *diags;
} snapshot;

static void take(snapshot *s, const pdx_answers *set)
{
	s->n = pdx_answers_count(set);
	s->answers = calloc(s->n + 1, sizeof(size_t));
	s->diags = calloc(s->n + 1, sizeof(size_t));
	FUZZ_CHECK(s->answers && s->diags);
	for (size_t i = 0; i < s->n; i++) {
		const pdx_assessment *a = pdx_answers_get(set, i);
		s->answers[i] = a->n_answers;
		s->diags[i] = pdx_diags_count(a->diags);
	}
}

static void same(const snapshot *s, const pdx_answers *set)
{
	FUZZ_CHECK(pdx_answers_count(set) == s->n);
	for (size_t i = 0; i < s->n; i++) {
		const pdx_assessment *a = pdx_answers_get(set, i);
		FUZZ_CHECK(a->n_answers == s->answers[i]);
		FUZZ_CHECK(pdx_diags_count(a->diags) == s->diags[i]);
	}
}

static void drop(snapshot *s)
{
	free(s->answers);
	free(s->diags);
}

static void read_one(pdx_answers *set, const char *data, size_t len, const char *name,
                     const pdx_read_options *opts, pdx_diags *diags)
{
	snapshot before;
	take(&before, set);
	size_t errors_before = pdx_diags_errors(diags);
	/* the reader must not read past `len`: hand it an exact-size copy */
	char *copy = malloc(len ? len : 1);
	FUZZ_CHECK(copy != NULL);
	if (len)
		memcpy(copy, data, len);
	int rc = pdx_answers_read_memory(set, copy, len, name, opts, diags);
	free(copy);
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID || rc == PDX_ENOMEM);
	if (rc) {
		/* "the file contributes nothing", and the reason is in the diagnostics */
		same(&before, set);
		FUZZ_CHECK(rc != PDX_EINVALID || pdx_diags_errors(diags) > errors_before);
	}
	drop(&before);
}

static void walk(const pdx_rubric *r, const pdx_answers *set)
{
	(void)r; /* the set is not tied to a rubric: ids are checked when scoring */
	for (size_t i = 0; i < pdx_answers_count(set); i++) {
		const pdx_assessment *a = pdx_answers_get(set, i);
		FUZZ_CHECK(a->agency_id && a->agency_id[0] && a->file && a->line > 0);
		FUZZ_CHECK(a->year == 0 || (a->year >= 1900 && a->year <= 2999));
		for (size_t j = 0; j < i; j++) {
			const pdx_assessment *b = pdx_answers_get(set, j);
			FUZZ_CHECK(b->year != a->year || strcmp(b->agency_id, a->agency_id) != 0);
		}
		size_t cursor = 0, rows = 0;
		pdx_answer x;
		while (pdx_assessment_next_answer(a, &cursor, &x)) {
			FUZZ_CHECK(x.criterion && x.criterion[0] && x.file && x.line > 0 &&
			           x.column > 0 && x.criterion_column > 0);
			FUZZ_CHECK(x.value == NULL || x.value[0] != '\0');
			FUZZ_CHECK(x.evidence == NULL || x.evidence[0] != '\0');
			rows++;
		}
		FUZZ_CHECK(rows == a->n_answers);
		fuzz_walk_diags(a->diags);
	}
	FUZZ_CHECK(pdx_answers_get(set, pdx_answers_count(set)) == NULL);
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The bytes converted to UTF-8 by iconv itself, flushing the converter's state at the
 * end (cp1258 and TCVN3 hold back a letter that a combining mark may follow); NULL
 * when they are not valid in that encoding. */
static char *iconv_utf8(const char *charset, const char *in, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	FUZZ_CHECK(cd != (iconv_t)-1);
	size_t cap = len * 4 + 16;
	char *out = malloc(cap), *ip = (char *)in, *op = out;
	size_t il = len, ol = cap;
	FUZZ_CHECK(out != NULL);
	int ok = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 &&
	         iconv(cd, NULL, NULL, &op, &ol) != (size_t)-1;
	iconv_close(cd);
	if (!ok) {
		free(out);
		return NULL;
	}
	*out_len = (size_t)(op - out);
	return out;
}

/* A file read with --encoding cp1258 or tcvn3 holds what the same file converted to
 * UTF-8 beforehand holds (regressions/answers/legacy-*). */
static void check_legacy(const pdx_rubric *r, const char *data, size_t len,
                         const pdx_read_options *opts)
{
	(void)r;
	const unsigned char *u = (const unsigned char *)data;
	/* byte-order marks take precedence over the option; NUL bytes are refused in
	 * different ways on the two paths */
	/* a file that is UTF-8 (or has a BOM) is read as such whatever --encoding says */
	if (memchr(data, 0, len) || (len >= 2 && (u[0] == 0xff || u[0] == 0xfe)) ||
	    (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) || pdx_utf8_invalid(data, len) < 0 ||
	    (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0))
		return;
	const char *charset = strcmp(opts->encoding, "cp1258") == 0 ? "CP1258" : "TCVN5712-1";
	size_t ulen;
	char *utf8 = iconv_utf8(charset, data, len, &ulen);
	if (!utf8)
		return;
	pdx_read_options plain = *opts;
	plain.encoding = NULL;
	pdx_answers *a = pdx_answers_new(NULL), *b = pdx_answers_new(NULL);
	FUZZ_CHECK(a && b);
	int rc_a = pdx_answers_read_memory(a, data, len, "x.csv", opts, NULL);
	int rc_b = pdx_answers_read_memory(b, utf8, ulen, "x.csv", &plain, NULL);
	free(utf8);
	int same = rc_a == rc_b && pdx_answers_count(a) == pdx_answers_count(b);
	for (size_t i = 0; same && i < pdx_answers_count(a); i++) {
		const pdx_assessment *x = pdx_answers_get(a, i), *y = pdx_answers_get(b, i);
		same = strcmp(x->agency_id, y->agency_id) == 0 && x->year == y->year &&
		       same_text(x->agency_name, y->agency_name) &&
		       same_text(x->province, y->province) && same_text(x->owner, y->owner) &&
		       same_text(x->block, y->block) && same_text(x->media, y->media) &&
		       x->n_answers == y->n_answers;
		size_t cx = 0, cy = 0;
		pdx_answer v, w;
		while (same && pdx_assessment_next_answer(x, &cx, &v)) {
			same = pdx_assessment_next_answer(y, &cy, &w) &&
			       strcmp(v.criterion, w.criterion) == 0 &&
			       same_text(v.value, w.value) && same_text(v.evidence, w.evidence);
		}
	}
	pdx_answers_free(a);
	pdx_answers_free(b);
	FUZZ_CHECK_NAMED("legacy-encoding", same);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const pdx_rubric *r = fuzz_rubric_951();
	uint8_t ctl = data[0];
	data++, size--;
	static const char *const encodings[] = {NULL, "cp1258", "tcvn3", "utf-8"};
	static const char delimiters[] = {0, ',', ';', '\t'};
	pdx_read_options opts = {0};
	opts.encoding = (ctl & 0x83) == 0x83 ? "latin1" : encodings[ctl & 3];
	opts.delimiter = delimiters[(ctl >> 2) & 3];
	opts.default_year = ctl & 0x10 ? 2025 : 0;
	size_t cut = size;
	if (ctl & 0x20) {
		if (size < 1)
			return 0;
		uint8_t b = data[0];
		data++, size--;
		cut = size * b / 256;
	}

	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	if (!set || !d) {
		pdx_answers_free(set);
		pdx_diags_free(d);
		return 0;
	}
	const char *text = (const char *)data;
	read_one(set, text, cut, "a.csv", &opts, d);
	if (cut < size)
		read_one(set, text + cut, size - cut, "b.csv", &opts, d);
	if (ctl & 0x40)
		read_one(set, text, size, "c.csv", &opts, d);
	walk(r, set);
	fuzz_walk_diags(d);
	if (opts.encoding && (ctl & 3) != 3)
		check_legacy(r, text, size, &opts);
	pdx_answers_free(set);
	pdx_diags_free(d);
	return 0;
}
