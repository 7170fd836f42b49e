/* SPDX-License-Identifier: MIT */
/* Unit tests of the answers CSV reader (engine/answers.c) against the provisional 951
 * rubric: every quirk the issue lists (encodings, line endings, delimiters, quoting,
 * Unicode normalisation, trimming, header mapping, years) and every rejection, with
 * the line (and column) the diagnostics must name. Line numbers count physical lines
 * from 1; the header is line 1 unless a "sep=" line comes first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* "Báo Hải Phòng" in NFC UTF-8: á U+00E1, ả U+1EA3, ò U+00F2 */
#define HP_NFC "B\xc3\xa1o H\xe1\xba\xa3i Ph\xc3\xb2ng"
/* the same decomposed (NFD): a + U+0301, a + U+0309, o + U+0300 */
#define HP_NFD "Ba\xcc\x81o Ha\xcc\x89i Pho\xcc\x80ng"

static int setup(void **state)
{
	*state = unit_load_951();
	return 0;
}

static int teardown(void **state)
{
	pdx_rubric_free(*state);
	return 0;
}

typedef struct run {
	pdx_answers *set;
	pdx_diags *diags;
	int rc;
} run;

static run read_opts(void **state, const char *data, size_t len, const char *name,
                     const pdx_read_options *o)
{
	(void)state; /* the set is not tied to a rubric */
	run x;
	x.set = pdx_answers_new(NULL);
	x.diags = pdx_diags_new();
	assert_non_null(x.set);
	assert_non_null(x.diags);
	x.rc = pdx_answers_read_memory(x.set, data, len, name, o, x.diags);
	return x;
}

/* A string literal, read as file "t.csv" with default options. */
#define READ(state, lit)      read_opts(state, lit, sizeof(lit) - 1, "t.csv", NULL)
#define READ_O(state, lit, o) read_opts(state, lit, sizeof(lit) - 1, "t.csv", o)

/* Reads more into an existing set as file `name`. */
static int read_more(run *x, const char *data, size_t len, const char *name,
                     const pdx_read_options *o)
{
	return pdx_answers_read_memory(x->set, data, len, name, o, x->diags);
}

static void done(run *x)
{
	pdx_answers_free(x->set);
	pdx_diags_free(x->diags);
}

/* The read succeeded without any error anywhere. */
static void clean(const run *x)
{
	size_t e = unit_count_errors(x->diags, x->set);
	if (x->rc != 0 || e != 0) {
		print_error("rc %d, %zu errors\n", x->rc, e);
		unit_dump_all(x->diags, x->set);
	}
	assert_int_equal(x->rc, 0);
	assert_int_equal(e, 0);
}

static const pdx_assessment *only(const run *x)
{
	assert_int_equal(pdx_answers_count(x->set), 1);
	return pdx_answers_get(x->set, 0);
}

/* The answer to criterion `id` of assessment a (fails when none); the copy lives until
 * the next call. */
static const pdx_answer *ans(void **state, const pdx_assessment *a, const char *id)
{
	static pdx_answer found;
	(void)state;
	bool ok = unit_answer(a, id, &found);
	if (!ok)
		print_error("no answer to %s\n", id);
	assert_true(ok);
	return &found;
}

/* Whether assessment a has a row for criterion `id`. */
static bool has_row(const pdx_assessment *a, const char *id)
{
	pdx_answer x;
	return unit_answer(a, id, &x);
}

/* ---- encodings ---- */

static void test_utf8_with_bom(void **state)
{
	run x = READ(state, "\xef\xbb\xbf"
	                    "agency_id,agency_name,criterion,answer\n"
	                    "HP01," HP_NFC ",1.1.1,có\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	/* the BOM is not part of the first header name, so agency_id was found */
	assert_string_equal(a->agency_id, "HP01");
	assert_string_equal(a->agency_name, HP_NFC);
	const pdx_answer *p = ans(state, a, "1.1.1");
	assert_string_equal(p->value, "có");
	assert_int_equal(p->line, 2);
	assert_int_equal(p->column, 4);
	assert_string_equal(p->file, "t.csv");
	done(&x);
}

static void test_utf8_without_bom(void **state)
{
	run x = READ(state, "agency_id,agency_name,criterion,answer\n"
	                    "HP01," HP_NFC ",1.1.1,không\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_id, "HP01");
	assert_string_equal(a->agency_name, HP_NFC);
	assert_string_equal(ans(state, a, "1.1.1")->value, "không");
	assert_string_equal(a->file, "t.csv");
	assert_int_equal(a->line, 2);
	done(&x);
}

/* UTF-16 with a BOM, as Excel's "Unicode Text" writes it (tab-delimited, CRLF).
 * The bytes are built here from UTF-8 (BMP only) by hand. */
static char *utf16(const char *s, int big_endian, size_t *len)
{
	size_t n = strlen(s);
	char *out = malloc(2 * n + 2);
	assert_non_null(out);
	size_t k = 0;
	unsigned bom = 0xfeff;
	out[k++] = (char)(big_endian ? bom >> 8 : bom & 0xff);
	out[k++] = (char)(big_endian ? bom & 0xff : bom >> 8);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		unsigned cp;
		if (*p < 0x80) {
			cp = *p++;
		} else if ((*p & 0xe0) == 0xc0) {
			cp = (unsigned)(*p & 0x1f) << 6 | (p[1] & 0x3f);
			p += 2;
		} else {
			assert_int_equal(*p & 0xf0, 0xe0);
			cp = (unsigned)(*p & 0x0f) << 12 | (unsigned)(p[1] & 0x3f) << 6 |
			     (p[2] & 0x3f);
			p += 3;
		}
		out[k++] = (char)(big_endian ? cp >> 8 : cp & 0xff);
		out[k++] = (char)(big_endian ? cp & 0xff : cp >> 8);
	}
	*len = k;
	return out;
}

static void check_utf16(void **state, int big_endian)
{
	size_t len;
	char *data = utf16("agency_id\tagency_name\tcriterion\tanswer\tevidence\r\n"
	                   "HP01\t" HP_NFC "\t1.1.1\tcó\tghi chú, có dấu phẩy\r\n"
	                   "HP01\t" HP_NFC "\t1.2.1\t12,5\t\r\n",
	                   big_endian, &len);
	run x = read_opts(state, data, len, "u16.txt", NULL);
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_name, HP_NFC);
	const pdx_answer *p = ans(state, a, "1.1.1");
	assert_string_equal(p->value, "có");
	assert_string_equal(p->evidence, "ghi chú, có dấu phẩy"); /* a comma is data here */
	assert_int_equal(p->line, 2);
	p = ans(state, a, "1.2.1");
	assert_string_equal(p->value, "12,5");
	assert_int_equal(p->line, 3);
	assert_null(p->evidence);
	done(&x);
	free(data);
}

static void test_utf16le_bom_tab(void **state)
{
	check_utf16(state, 0);
}

static void test_utf16be_bom_tab(void **state)
{
	check_utf16(state, 1);
}

static void test_cp1258(void **state)
{
	/* "Báo Hải Phòng" in windows-1258: á = E1; ả = a + D2 (combining hook above);
	 * ò = o + CC (combining grave), as iconv -t CP1258 writes it; "có" = 63 F3. */
	static const char data[] = "agency_id,agency_name,criterion,answer\r\n"
	                           "HP01,B\xe1o Ha\xd2i Pho\xcc"
	                           "ng,1.1.1,c\xf3\r\n";
	pdx_read_options o = {"cp1258", 0, 0, NULL};
	run x = READ_O(state, data, &o);
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_name, HP_NFC); /* converted and NFC */
	assert_string_equal(ans(state, a, "1.1.1")->value, "có");
	done(&x);
}

static void test_tcvn3(void **state)
{
	/* TCVN3 (ABC): á = B8, ả = B6, ò = DF; "có" = 63 E3 */
	static const char data[] = "agency_id,agency_name,criterion,answer\n"
	                           "HP01,B\xb8o H\xb6i Ph\xdfng,1.1.1,c\xe3\n";
	pdx_read_options o = {"tcvn3", 0, 0, NULL};
	run x = READ_O(state, data, &o);
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_name, HP_NFC);
	assert_string_equal(ans(state, a, "1.1.1")->value, "có");
	done(&x);
}

static void test_cp1258_undefined_byte(void **state)
{
	/* 0x81 has no character in windows-1258: line 3, after "A1,1.1.2," (9 chars) */
	static const char data[] = "agency_id,criterion,answer\nA1,1.1.1,c\xf3\nA1,1.1.2,\x81\n";
	pdx_read_options o = {"cp1258", 0, 0, NULL};
	run x = READ_O(state, data, &o);
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 3, "cp1258");
	assert_non_null(g);
	assert_int_equal(g->column, 10);
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_broken_utf16(void **state)
{
	/* a BOM, "a", then a lone high surrogate D800 and "b" */
	static const char data[] = "\xff\xfe"
	                           "a\0"
	                           "\x00\xd8"
	                           "b\0";
	run x = READ(state, data);
	assert_int_equal(x.rc, PDX_EINVALID);
	assert_non_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, -1, "UTF-16"));
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_utf8_bom_wins_over_legacy_encoding(void **state)
{
	/* a file saved as "CSV UTF-8" read with --encoding cp1258 by habit: the BOM says
	 * it is UTF-8, so "có" must not turn into mojibake */
	pdx_read_options o = {"cp1258", 0, 0, NULL};
	run x = READ_O(state,
	               "\xef\xbb\xbf"
	               "agency_id,agency_name,criterion,answer\nHP01," HP_NFC ",1.1.1,có\n",
	               &o);
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_name, HP_NFC);
	assert_string_equal(ans(state, a, "1.1.1")->value, "có");
	done(&x);
}

static void test_unsupported_encoding(void **state)
{
	pdx_read_options o = {"latin-9", 0, 0, NULL};
	run x = READ_O(state, "agency_id,criterion,answer\nA1,1.1.1,có\n", &o);
	assert_int_equal(x.rc, PDX_EINVALID);
	assert_non_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, -1, "encoding"));
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

/* ---- line endings ---- */

static void check_endings(void **state, const char *eol)
{
	/* line 1 header, 2 a good row, 3 an unknown criterion, 4 another good row */
	char buf[256];
	snprintf(buf, sizeof buf,
	         "agency_id,criterion,answer%sA1,1.1.1,có%sA1,9.9.9,có%sA1,1.1.2,không%s", eol, eol,
	         eol, eol);
	run x = read_opts(state, buf, strlen(buf), "e.csv", NULL);
	assert_int_equal(x.rc, 0);
	const pdx_assessment *a = only(&x);
	assert_int_equal(ans(state, a, "1.1.1")->line, 2);
	assert_int_equal(ans(state, a, "1.1.2")->line, 4);
	assert_string_equal(ans(state, a, "1.1.2")->value, "không"); /* no CR left over */
	assert_int_equal(ans(state, a, "9.9.9")->line, 3);
	assert_int_equal(ans(state, a, "9.9.9")->criterion_column, 2);
	/* scoring finds the unknown id at its place */
	pdx_result *res;
	assert_int_equal(pdx_score_assessment(&res, *state, a, NULL), 0);
	const pdx_diag *g = unit_find_diag(res->diags, PDX_SEV_ERROR, 3, "unknown criterion");
	assert_non_null(g);
	assert_int_equal(g->column, 2);
	assert_int_equal(pdx_result_errors(res), 1);
	assert_int_equal(unit_count_errors(x.diags, x.set), 0);
	pdx_result_free(res);
	done(&x);
}

static void test_lf(void **state)
{
	check_endings(state, "\n");
}

static void test_crlf(void **state)
{
	check_endings(state, "\r\n");
}

static void test_cr_only(void **state)
{
	check_endings(state, "\r");
}

static void test_last_line_without_newline(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\nA1,1.1.1,có\nA1,1.1.2,không");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->n_answers, 2);
	assert_int_equal(ans(state, a, "1.1.2")->line, 3);
	done(&x);
}

/* ---- delimiters ---- */

static void test_delimiter_semicolon(void **state)
{
	/* decimal commas need no quotes when the delimiter is ';' */
	run x = READ(state, "agency_id;criterion;answer;evidence\nA1;1.2.1;12,5;a,b\n");
	clean(&x);
	const pdx_answer *p = ans(state, only(&x), "1.2.1");
	assert_string_equal(p->value, "12,5");
	assert_string_equal(p->evidence, "a,b");
	assert_int_equal(p->column, 3);
	done(&x);
}

static void test_delimiter_tab(void **state)
{
	run x = READ(state, "agency_id\tcriterion\tanswer\tevidence\nA1\t1.2.1\t12,5\tx; y, z\n");
	clean(&x);
	const pdx_answer *p = ans(state, only(&x), "1.2.1");
	assert_string_equal(p->value, "12,5");
	assert_string_equal(p->evidence, "x; y, z");
	done(&x);
}

static void test_delimiter_comma(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,evidence\nA1,1.2.1,\"12,5\",x; y\n");
	clean(&x);
	const pdx_answer *p = ans(state, only(&x), "1.2.1");
	assert_string_equal(p->value, "12,5");
	assert_string_equal(p->evidence, "x; y");
	done(&x);
}

static void test_delimiter_detection_ignores_quoted(void **state)
{
	/* 3 ';' outside quotes, 4 ',' inside quotes: the delimiter is ';' */
	run x = READ(state, "agency_id;criterion;answer;\"a,b,c,d,e\"\nA1;1.1.1;có;z\n");
	clean(&x);
	assert_string_equal(ans(state, only(&x), "1.1.1")->value, "có");
	done(&x);
}

static void test_delimiter_override(void **state)
{
	/* the header has 4 ',' and 3 ';': detection would pick ','; the option wins */
	static const char data[] = "agency_id;criterion;answer;n,o,t,e,s\nA1;1.1.1;có;a,b\n";
	pdx_read_options o = {NULL, ';', 0, NULL};
	run x = READ_O(state, data, &o);
	clean(&x);
	assert_string_equal(ans(state, only(&x), "1.1.1")->value, "có");
	done(&x);
	/* without the override the header has no agency_id column */
	x = READ(state, "agency_id;criterion;answer;n,o,t,e,s\nA1;1.1.1;có;a,b\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	done(&x);
}

static void test_sep_line(void **state)
{
	/* line 1 "sep=;", line 2 header, lines 3 and 4 answers */
	run x = READ(state, "sep=;\nagency_id;criterion;answer\nA1;1.2.1;12,5\nA1;7.7.7;có\n");
	assert_int_equal(x.rc, 0);
	const pdx_assessment *a = only(&x);
	const pdx_answer *p = ans(state, a, "1.2.1");
	assert_string_equal(p->value, "12,5");
	assert_int_equal(p->line, 3);
	assert_int_equal(ans(state, a, "7.7.7")->line, 4);
	done(&x);

	/* with CRLF and a BOM before it */
	x = READ(state, "\xef\xbb\xbfsep=;\r\nagency_id;criterion;answer\r\nA1;1.1.1;có\r\n");
	clean(&x);
	assert_int_equal(ans(state, only(&x), "1.1.1")->line, 3);
	done(&x);
}

static void test_sep_line_header_is_line_2(void **state)
{
	run x = READ(state, "sep=;\nagency_id;criterion\nA1;1.1.1\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	assert_non_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 2, "answer"));
	done(&x);
}

/* ---- quoting ---- */

static void test_quoted_fields(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,evidence\n"
	                    "A1,1.1.1,\"có\",\"QĐ 12, ngày \"\"10/3\"\"\"\n");
	clean(&x);
	const pdx_answer *p = ans(state, only(&x), "1.1.1");
	assert_string_equal(p->value, "có");
	assert_string_equal(p->evidence, "QĐ 12, ngày \"10/3\"");
	done(&x);
}

static void test_multiline_field(void **state)
{
	/* the evidence of line 2 spans lines 2-4; the next row starts on physical line 5,
	 * the one after on line 6 */
	run x = READ(state, "agency_id,criterion,answer,evidence\n"
	                    "A1,1.1.1,có,\"dòng một\ndòng hai\r\ndòng ba\"\n"
	                    "A1,1.1.2,không,\n"
	                    "A1,1.1.9,có,\n");
	assert_int_equal(x.rc, 0);
	const pdx_assessment *a = only(&x);
	const pdx_answer *p = ans(state, a, "1.1.1");
	assert_int_equal(p->line, 2);
	assert_non_null(strstr(p->evidence, "dòng một"));
	assert_non_null(strstr(p->evidence, "dòng ba"));
	assert_non_null(strchr(p->evidence, '\n'));
	assert_int_equal(ans(state, a, "1.1.2")->line, 5);
	assert_int_equal(ans(state, a, "1.1.9")->line, 6);
	done(&x);
}

/* ---- Unicode ---- */

static void test_nfd_normalised_to_nfc(void **state)
{
	run x = READ(state, "agency_id,agency_name,province,criterion,answer\n"
	                    "A1," HP_NFD ",Ha\xcc\x89i Pho\xcc\x80ng,1.1.1,co\xcc\x81\n"
	                    "A1," HP_NFC ",H\xe1\xba\xa3i Ph\xc3\xb2ng,1.1.2,kho\xcc\x82ng\n");
	/* the NFD and NFC names are the same name: no conflict */
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_memory_equal(a->agency_name, HP_NFC, sizeof HP_NFC);
	assert_string_equal(a->province, "H\xe1\xba\xa3i Ph\xc3\xb2ng");
	assert_string_equal(ans(state, a, "1.1.1")->value, "c\xc3\xb3");    /* có */
	assert_string_equal(ans(state, a, "1.1.2")->value, "kh\xc3\xb4ng"); /* không */
	done(&x);
}

static void test_nfd_agency_id_is_the_same_agency(void **state)
{
	/* "Hà1" composed and decomposed */
	run x = READ(state, "agency_id,criterion,answer\nH\xc3\xa0"
	                    "1,1.1.1,có\nHa\xcc\x80"
	                    "1,1.1.2,có\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_id, "H\xc3\xa0"
	                                  "1");
	assert_int_equal(a->n_answers, 2);
	done(&x);
}

/* ---- blank lines, empty rows, white space ---- */

static void test_trailing_blank_lines_and_empty_rows(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\n"
	                    "A1,1.1.1,có\n"
	                    ",,\n"
	                    " , ,\xc2\xa0\n"
	                    "A1,1.1.2,có\n"
	                    "\n"
	                    ",,\n"
	                    ",,,,\r\n"
	                    "\r\n"
	                    "\n\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->n_answers, 2);
	assert_int_equal(ans(state, a, "1.1.2")->line, 5);
	done(&x);
}

static void test_spaces_and_nbsp_trimmed(void **state)
{
	run x = READ(state, " agency_id ,\xc2\xa0"
	                    "criterion, answer\xc2\xa0,agency_name\n"
	                    "  A1 ,\xc2\xa0"
	                    "1.1.1\xc2\xa0, có \xc2\xa0,\xc2\xa0 Báo X\xc2\xa0\n"
	                    "A1,\t1.2.1 ,  12,Báo X\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_id, "A1");
	assert_string_equal(a->agency_name, "Báo X");
	const pdx_answer *p = ans(state, a, "1.1.1");
	assert_string_equal(p->criterion, "1.1.1");
	assert_string_equal(p->value, "có");
	assert_string_equal(ans(state, a, "1.2.1")->value, "12");
	done(&x);
}

static void test_ids_are_strings(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\n001,1.1.1,có\n1,1.1.1,không\n"
	                    "01,1.1.1,có\n");
	clean(&x);
	/* "001", "1" and "01" are three agencies, kept as written */
	assert_int_equal(pdx_answers_count(x.set), 3);
	assert_string_equal(pdx_answers_get(x.set, 0)->agency_id, "001");
	assert_string_equal(pdx_answers_get(x.set, 1)->agency_id, "1");
	assert_string_equal(pdx_answers_get(x.set, 2)->agency_id, "01");
	done(&x);
}

/* ---- header mapping ---- */

static void test_header_case_order_extra_columns(void **state)
{
	run x = READ(state, "Note,ANSWER,Extra Column,CRITERION,Agency_ID,Year,Evidence,STT\n"
	                    "ghi chú,có,rác,1.1.1,A1,2025,QĐ 1,1\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_id, "A1");
	assert_int_equal(a->year, 2025);
	assert_null(a->agency_name); /* no such column */
	const pdx_answer *p = ans(state, a, "1.1.1");
	assert_string_equal(p->value, "có");
	assert_string_equal(p->evidence, "QĐ 1");
	assert_int_equal(p->column, 2);
	done(&x);
}

static void test_all_identity_columns(void **state)
{
	run x = READ(state, "agency_id,agency_name,province,owner,block,media,year,criterion,"
	                    "answer,evidence,note\n"
	                    "HP01,Báo Cảng Xanh,Hải Phòng,Thành ủy Hải Phòng,Báo địa phương,"
	                    "in|dien-tu,2025,1.1.1,có,,\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_name, "Báo Cảng Xanh");
	assert_string_equal(a->province, "Hải Phòng");
	assert_string_equal(a->owner, "Thành ủy Hải Phòng");
	assert_string_equal(a->block, "Báo địa phương");
	assert_string_equal(a->media, "in|dien-tu");
	assert_int_equal(a->year, 2025);
	const pdx_answer *p = ans(state, a, "1.1.1");
	assert_null(p->evidence); /* empty cells are NULL */
	assert_string_equal(p->criterion, "1.1.1");
	assert_int_equal(p->criterion_column, 8);
	assert_int_equal(p->column, 9);
	done(&x);
}

static void test_empty_answer_is_unanswered(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\nA1,1.1.1,\nA1,1.1.2, \n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->n_answers, 2);
	assert_null(ans(state, a, "1.1.1")->value);
	assert_null(ans(state, a, "1.1.2")->value);
	assert_false(has_row(a, "1.1.3"));
	done(&x);
}

/* pressdx neutralises a cell starting with "=" as "'=" when it writes a template; the
 * reader undoes it on every row, also where a repeated cell is taken from the
 * reader's cache of the previous row (a regression: the cache kept the apostrophe, so
 * the second row's name differed from the first's). */
static void test_neutralised_cells_read_back(void **state)
{
	run x = READ(state, "agency_id,agency_name,criterion,answer\n"
	                    "A1,'=HYPERLINK(1),1.1.1,có\n"
	                    "A1,'=HYPERLINK(1),1.1.2,có\n"
	                    "A1,'plain,1.1.3,50\n");
	assert_int_equal(x.rc, 0);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_name, "=HYPERLINK(1)");
	/* only the first row's name sets it; the third, "'plain", is not neutralised
	 * text and differs: one error, at line 4 */
	assert_int_equal(pdx_diags_errors(a->diags), 1);
	assert_non_null(unit_find_diag(a->diags, PDX_SEV_ERROR, 4, "differs"));
	done(&x);
}

/* A context question (good-context.xml asks ctx.staff) is a row like any other in the
 * set; scoring against the rubric puts it apart from the criteria. */
static void test_context_question(void **state)
{
	(void)state;
	pdx_rubric *r = NULL;
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_rubric_load_file(&r, TEST_DATA_DIR "/rubrics/good-context.xml", d), 0);
	pdx_answers *set = pdx_answers_new(NULL);
	static const char csv[] = "agency_id,criterion,answer\nA1,ctx.staff,120\nA1,1.1.1,có\n";
	assert_int_equal(pdx_answers_read_memory(set, csv, sizeof csv - 1, "t.csv", NULL, d), 0);
	assert_int_equal(pdx_diags_count(d), 0);
	assert_int_equal(pdx_answers_count(set), 1);
	const pdx_assessment *a = pdx_answers_get(set, 0);
	assert_int_equal(a->n_answers, 2);
	pdx_answer q;
	assert_true(unit_answer(a, "ctx.staff", &q));
	assert_string_equal(q.value, "120");
	assert_int_equal(q.line, 2);
	pdx_result *res;
	assert_int_equal(pdx_score_assessment(&res, r, a, NULL), 0);
	long qi = pdx_rubric_find_question(r, "ctx.staff");
	assert_true(qi >= 0);
	assert_int_equal(res->n_context, pdx_rubric_question_count(r));
	assert_non_null(res->context[qi]);
	assert_string_equal(res->context[qi]->value, "120");
	assert_int_equal(pdx_result_errors(res), 0);
	pdx_result_free(res);
	pdx_answers_free(set);
	pdx_diags_free(d);
	pdx_rubric_free(r);
}

static void test_year_default(void **state)
{
	pdx_read_options o = {NULL, 0, 2024, NULL};
	run x =
	    READ_O(state, "agency_id,year,criterion,answer\nA1,,1.1.1,có\nA1,2024,1.1.2,có\n", &o);
	clean(&x);
	/* the empty year takes 2024, so both rows are the same assessment */
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->year, 2024);
	assert_int_equal(a->n_answers, 2);
	done(&x);
}

static void test_two_years_two_assessments(void **state)
{
	run x = READ(state, "agency_id,year,criterion,answer\nA1,2024,1.1.1,có\n"
	                    "A1,2025,1.1.1,không\n");
	clean(&x);
	assert_int_equal(pdx_answers_count(x.set), 2);
	const pdx_assessment *a = pdx_answers_get(x.set, 0), *b = pdx_answers_get(x.set, 1);
	assert_string_equal(a->agency_id, "A1");
	assert_string_equal(b->agency_id, "A1");
	assert_int_equal(a->year, 2024);
	assert_int_equal(b->year, 2025);
	/* the same criterion in two years is no duplicate */
	assert_string_equal(ans(state, a, "1.1.1")->value, "có");
	assert_string_equal(ans(state, b, "1.1.1")->value, "không");
	assert_null(pdx_answers_get(x.set, 2));
	done(&x);
}

static void test_no_year_no_default(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\nA1,1.1.1,có\n");
	clean(&x);
	assert_int_equal(only(&x)->year, 0);
	done(&x);
	/* no year column, a default: the default */
	pdx_read_options o = {NULL, 0, 2025, NULL};
	x = READ_O(state, "agency_id,criterion,answer\nA1,1.1.1,có\n", &o);
	clean(&x);
	assert_int_equal(only(&x)->year, 2025);
	done(&x);
}

static void test_invalid_year(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,year\nA1,1.1.1,có,2025\n"
	                    "A1,1.1.2,có,20024\nA1,1.1.3,50,2025\n");
	/* the row is reported (line 3, column 4) with the real range, and skipped; the
	 * rest is read */
	assert_int_equal(x.rc, 0);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 3, "outside 1900–2999");
	assert_non_null(g);
	assert_int_equal(g->column, 4);
	assert_non_null(strstr(g->message_en, "20024"));
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->year, 2025);
	assert_int_equal(a->n_answers, 2);
	assert_false(has_row(a, "1.1.2"));
	done(&x);
}

/* A year that is no number says what a year looks like; one that is a number says the
 * range (not "four digits" for 1000). */
static void test_year_messages(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,year\nA1,1.1.1,có,2025\n"
	                    "A1,1.1.2,có,2025.0\nA1,1.1.3,50,1000\n");
	assert_int_equal(x.rc, 0);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 3, "invalid year");
	assert_non_null(g);
	assert_non_null(strstr(g->message_en, "\"2025.0\", expected four digits"));
	assert_int_equal(g->code, PDX_E_YEAR);
	g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 4, "outside");
	assert_non_null(g);
	assert_non_null(strstr(g->message_en, "year \"1000\" is outside 1900–2999"));
	assert_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 4, "four digits"));
	assert_int_equal(only(&x)->n_answers, 1);
	done(&x);
}

/* ---- several files ---- */

static void test_rows_of_one_assessment_in_two_files(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\nA1,1.1.1,có\n");
	clean(&x);
	static const char f2[] = "agency_id,criterion,answer\nA1,1.1.2,không\nA2,1.1.1,có\n";
	assert_int_equal(read_more(&x, f2, sizeof f2 - 1, "f2.csv", NULL), 0);
	assert_int_equal(pdx_answers_count(x.set), 2);
	const pdx_assessment *a = pdx_answers_get(x.set, 0);
	assert_int_equal(a->n_answers, 2);
	assert_string_equal(a->file, "t.csv");
	const pdx_answer *p = ans(state, a, "1.1.2");
	assert_string_equal(p->file, "f2.csv");
	assert_int_equal(p->line, 2);
	assert_string_equal(pdx_answers_get(x.set, 1)->file, "f2.csv");
	done(&x);
}

/* ---- rejections of a whole file ---- */

static void test_invalid_utf8(void **state)
{
	/* "có" in windows-1258 (63 F3) read without --encoding: F3 is the 11th
	 * character of line 2 ("A1,1.1.1,c" is 10 characters) */
	run x = READ(state, "agency_id,criterion,answer\nA1,1.1.1,c\xf3\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 2, "not UTF-8");
	assert_non_null(g);
	assert_int_equal(g->column, 11);
	assert_string_equal(g->file, "t.csv");
	assert_non_null(strstr(g->message_en, "CSV UTF-8"));
	assert_non_null(strstr(g->message_en, "--encoding cp1258"));
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_nul_byte(void **state)
{
	/* a NUL as the 7th character of line 2 */
	static const char data[] = "agency_id,criterion,answer\nA1,1.1\0"
	                           "1,có\n";
	run x = READ(state, data);
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 2, "NUL");
	assert_non_null(g);
	assert_int_equal(g->column, 7);
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_malformed_quote(void **state)
{
	/* a character after the closing quote of a quoted cell, line 3 */
	run x =
	    READ(state, "agency_id,criterion,answer,evidence\nA1,1.1.1,có,\nA1,1.1.2,có,\"a\"b\n"
	                "A1,1.1.3,50,\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 3, "malformed quote");
	assert_non_null(g);
	assert_string_equal(g->file, "t.csv");
	/* A1,1.1.2,có,"a"b: the stray b is the 16th character */
	assert_int_equal(g->column, 16);
	/* the whole file is refused, including its good line 2 */
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_quote_inside_unquoted_cell(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,evidence\nA1,1.1.1,có,nói \"có\"\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 2, "malformed quote");
	assert_non_null(g);
	/* A1,1.1.1,có,nói "có": the quote is the 17th character */
	assert_int_equal(g->column, 17);
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_unterminated_quote(void **state)
{
	/* the quote opened on line 3 runs to the end of the file */
	run x = READ(state, "agency_id,criterion,answer,evidence\nA1,1.1.1,có,\n"
	                    "A1,1.1.2,có,\"never closed\nA1,1.1.3,50,\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 3, "never closed");
	assert_non_null(g);
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void check_missing_column(void **state, const char *header, const char *column)
{
	char buf[256], phrase[64];
	snprintf(buf, sizeof buf, "%s\nA1,1.1.1\n", header);
	run x = read_opts(state, buf, strlen(buf), "m.csv", NULL);
	assert_int_equal(x.rc, PDX_EINVALID);
	snprintf(phrase, sizeof phrase, "missing required column \"%s\"", column);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 1, phrase);
	assert_non_null(g);
	assert_string_equal(g->file, "m.csv");
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_missing_required_columns(void **state)
{
	check_missing_column(state, "criterion,answer", "agency_id");
	check_missing_column(state, "agency_id,answer", "criterion");
	check_missing_column(state, "agency_id,criterion", "answer");
	/* "agency" is not "agency_id" */
	check_missing_column(state, "agency,criterion,answer", "agency_id");
}

static void test_duplicate_header(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,Answer\nA1,1.1.1,có,không\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 1, "twice");
	assert_non_null(g);
	assert_int_equal(g->column, 4);
	assert_non_null(strstr(g->message_en, "answer"));
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
}

static void test_too_many_columns(void **state)
{
	/* a header of 3 + 4100 columns: more than the 4096 the reader accepts */
	size_t cap = 64 + 4100 * 2, n = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	n += (size_t)snprintf(buf, cap, "agency_id,criterion,answer");
	for (int i = 0; i < 4100; i++)
		n += (size_t)snprintf(buf + n, cap - n, ",x");
	n += (size_t)snprintf(buf + n, cap - n, "\nA1,1.1.1,có\n");
	run x = read_opts(state, buf, n, "wide.csv", NULL);
	assert_int_equal(x.rc, PDX_EINVALID);
	assert_non_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 1, "more than"));
	assert_int_equal(pdx_answers_count(x.set), 0);
	done(&x);
	free(buf);
}

static void test_empty_file(void **state)
{
	run x = READ(state, "");
	assert_int_equal(x.rc, PDX_EINVALID);
	assert_non_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, -1, "empty file"));
	done(&x);
	/* a BOM and blank lines are still empty */
	x = READ(state, "\xef\xbb\xbf\r\n\r\n");
	assert_int_equal(x.rc, PDX_EINVALID);
	assert_non_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, -1, "empty file"));
	done(&x);
}

static void test_header_only(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\r\n");
	assert_int_equal(x.rc, 0);
	assert_int_equal(pdx_answers_count(x.set), 0);
	assert_int_equal(pdx_diags_count(x.diags), 0);
	done(&x);
}

static void test_rejected_file_adds_nothing(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\nA1,1.1.1,có\n");
	clean(&x);
	/* the second file adds a row to A1 and a new agency A2 before its malformed
	 * quote on line 4: none of it may remain */
	static const char bad[] = "agency_id,criterion,answer\nA1,1.1.2,có\nA2,1.1.1,có\n"
	                          "A2,1.1.2,\"x\"y\n";
	assert_int_equal(read_more(&x, bad, sizeof bad - 1, "bad.csv", NULL), PDX_EINVALID);
	assert_non_null(unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 4, "malformed quote"));
	assert_int_equal(pdx_answers_count(x.set), 1);
	const pdx_assessment *a = pdx_answers_get(x.set, 0);
	assert_int_equal(a->n_answers, 1);
	assert_false(has_row(a, "1.1.2"));
	/* reading the corrected file afterwards gives no duplicate errors */
	static const char good[] = "agency_id,criterion,answer\nA1,1.1.2,có\nA2,1.1.1,có\n";
	assert_int_equal(read_more(&x, good, sizeof good - 1, "good.csv", NULL), 0);
	assert_int_equal(pdx_answers_count(x.set), 2);
	assert_int_equal(pdx_answers_get(x.set, 0)->n_answers, 2);
	assert_int_equal(pdx_diags_errors(pdx_answers_get(x.set, 0)->diags), 0);
	assert_int_equal(pdx_diags_errors(pdx_answers_get(x.set, 1)->diags), 0);
	done(&x);
}

/* A rejected file must not leave its identity fields behind either: the agency name
 * it gave A1 is not A1's name, and a later file naming A1 differently is no conflict. */
static void test_rejected_file_leaves_identity_untouched(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\nA1,1.1.1,có\n");
	clean(&x);
	static const char bad[] = "agency_id,agency_name,criterion,answer\nA1,Báo X,1.1.2,có\n"
	                          "A1,Báo X,1.1.3,\"5\"0\n";
	assert_int_equal(read_more(&x, bad, sizeof bad - 1, "bad.csv", NULL), PDX_EINVALID);
	const pdx_assessment *a = only(&x);
	assert_null(a->agency_name);
	static const char good[] = "agency_id,agency_name,criterion,answer\nA1,Báo Y,1.1.2,có\n";
	assert_int_equal(read_more(&x, good, sizeof good - 1, "good.csv", NULL), 0);
	assert_int_equal(pdx_diags_errors(a->diags), 0);
	assert_string_equal(a->agency_name, "Báo Y");
	done(&x);
}

/* ---- rejections of single rows ---- */

/* Criterion ids are resolved against the edition an assessment is scored with, so an
 * unknown id is found when scoring, at the row's criterion cell. */
static void test_unknown_criterion(void **state)
{
	run x = READ(state, "agency_id,answer,criterion\nA1,có,1.9.9\nA1,có,1.1.1.\n"
	                    "A1,có,1.1.2\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->n_answers, 3);
	pdx_result *res;
	assert_int_equal(pdx_score_assessment(&res, *state, a, NULL), 0);
	const pdx_diag *g = unit_find_diag(res->diags, PDX_SEV_ERROR, 2, "unknown criterion");
	assert_non_null(g);
	assert_int_equal(g->column, 3);
	assert_int_equal(g->code, PDX_E_UNKNOWN_CRITERION);
	assert_non_null(strstr(g->message_en, "1.9.9"));
	/* a trailing dot typed by hand: the real id is suggested */
	g = unit_find_diag(res->diags, PDX_SEV_ERROR, 3, "unknown criterion");
	assert_non_null(g);
	assert_non_null(strstr(g->message_en, "\"1.1.1\""));
	assert_int_equal(pdx_result_errors(res), 2);
	/* those rows are no answers: 1.1.1 is unanswered, 1.1.2 (3 points) counts */
	assert_int_equal(res->criteria[unit_crit(*state, "1.1.1")].status, PDX_CRIT_UNANSWERED);
	assert_int_equal(res->total, 300);
	pdx_result_free(res);
	done(&x);
}

static void check_identity_conflict(void **state, const char *column)
{
	/* line 2 gives "X", line 3 gives "Y" in the same year: error on line 3, col 2 */
	char buf[256];
	snprintf(buf, sizeof buf,
	         "agency_id,%s,criterion,answer,year\nA1,X,1.1.1,có,2025\nA1,Y,1.1.2,có,2025\n",
	         column);
	run x = read_opts(state, buf, strlen(buf), "c.csv", NULL);
	assert_int_equal(x.rc, 0);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 3, "differs");
	assert_non_null(g);
	assert_non_null(strstr(g->message_en, column));
	assert_int_equal(g->column, 2);
	assert_int_equal(unit_count_errors(x.diags, x.set), 1);
	done(&x);
}

static void test_identity_conflicts(void **state)
{
	check_identity_conflict(state, "agency_name");
	check_identity_conflict(state, "province");
	check_identity_conflict(state, "owner");
	check_identity_conflict(state, "block");
}

static void test_identity_conflict_across_files(void **state)
{
	run x = READ(state, "agency_id,agency_name,criterion,answer\nA1,Báo X,1.1.1,có\n");
	clean(&x);
	static const char f2[] = "agency_id,agency_name,criterion,answer\nA1,Báo Y,1.1.2,có\n";
	assert_int_equal(read_more(&x, f2, sizeof f2 - 1, "f2.csv", NULL), 0);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 2, "differs");
	assert_non_null(g);
	assert_string_equal(g->file, "f2.csv");
	assert_string_equal(only(&x)->agency_name, "Báo X"); /* the first name stays */
	done(&x);
}

static void test_identity_may_change_between_years(void **state)
{
	/* a renamed agency: another year, another name, no conflict */
	run x = READ(state, "agency_id,agency_name,year,criterion,answer\n"
	                    "A1,Báo X,2024,1.1.1,có\nA1,Báo Y,2025,1.1.1,có\n");
	clean(&x);
	assert_int_equal(pdx_answers_count(x.set), 2);
	assert_string_equal(pdx_answers_get(x.set, 0)->agency_name, "Báo X");
	assert_string_equal(pdx_answers_get(x.set, 1)->agency_name, "Báo Y");
	done(&x);
}

static void test_row_without_agency_id(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\n,1.1.1,có\nA1,1.1.2,có\n");
	assert_int_equal(x.rc, 0);
	const pdx_diag *g = unit_find_any(x.diags, x.set, PDX_SEV_ERROR, 2, "agency_id");
	assert_non_null(g);
	assert_int_equal(g->column, 1);
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->n_answers, 1);
	done(&x);
}

/* ---- the rules of the answer set (issue "trust in real use") ---- */

/* A sheet with the year only on its first row is one assessment: blank year cells take
 * the year of the agency's nearest earlier row in the same file. */
static void test_year_inherited_within_agency(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,year\nA1,1.1.1,có,2025\nA1,1.1.2,có,\n"
	                    "B1,1.1.1,có,2024\nA1,1.1.3,50,\nB1,1.1.2,có,\n");
	clean(&x);
	assert_int_equal(pdx_answers_count(x.set), 2);
	const pdx_assessment *a = pdx_answers_get(x.set, 0), *b = pdx_answers_get(x.set, 1);
	assert_string_equal(a->agency_id, "A1");
	assert_int_equal(a->year, 2025);
	assert_int_equal(a->n_answers, 3); /* lines 2, 3 and 5: B1's 2024 between them */
	assert_string_equal(b->agency_id, "B1");
	assert_int_equal(b->year, 2024);
	assert_int_equal(b->n_answers, 2);
	done(&x);
}

/* The inherited year wins over --year; --year fills only rows with nothing to inherit;
 * inheritance does not cross files. */
static void test_year_inheritance_order(void **state)
{
	pdx_read_options o = {NULL, 0, 2023, NULL};
	run x = READ_O(state,
	               "agency_id,criterion,answer,year\nA1,1.1.1,có,2025\nA1,1.1.2,có,\n"
	               "C1,1.1.1,có,\n",
	               &o);
	clean(&x);
	static const char f2[] = "agency_id,criterion,answer,year\nA1,1.1.3,50,\n";
	assert_int_equal(read_more(&x, f2, sizeof f2 - 1, "f2.csv", &o), 0);
	/* A1 2025 (lines 2–3), C1 2023 (--year), A1 2023 (f2.csv: nothing to inherit) */
	assert_int_equal(pdx_answers_count(x.set), 3);
	assert_int_equal(pdx_answers_get(x.set, 0)->year, 2025);
	assert_int_equal(pdx_answers_get(x.set, 0)->n_answers, 2);
	assert_int_equal(pdx_answers_get(x.set, 1)->year, 2023);
	assert_string_equal(pdx_answers_get(x.set, 2)->agency_id, "A1");
	assert_int_equal(pdx_answers_get(x.set, 2)->year, 2023);
	done(&x);
}

/* Rows that start without a year while a later row of the agency gives one: the first
 * rows stay where the rule puts them, and a warning says so, once. */
static void test_year_given_late_warns(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,year\nA1,1.1.1,có,\nA1,1.1.2,có,\n"
	                    "A1,1.1.3,50,2025\nA1,2.1.1,có,2025\n");
	clean(&x);
	assert_int_equal(pdx_answers_count(x.set), 2);
	const pdx_assessment *a = pdx_answers_get(x.set, 0);
	assert_int_equal(a->year, 0);
	assert_int_equal(a->n_answers, 2);
	const pdx_diag *g = unit_find_diag(a->diags, PDX_SEV_WARNING, 2, "gives 2025");
	assert_non_null(g);
	assert_int_equal(g->code, PDX_W_YEAR_LATE);
	assert_non_null(strstr(g->message_en, "line 4"));
	assert_int_equal(pdx_diags_count(a->diags), 1);
	assert_int_equal(pdx_answers_get(x.set, 1)->year, 2025);
	assert_int_equal(pdx_answers_get(x.set, 1)->n_answers, 2);
	done(&x);
}

/* Signature lines under a form have an agency cell and nothing to score: skipped, one
 * warning per file, no assessment made of them. */
static void test_signature_rows_skipped(void **state)
{
	run x = READ(state, "agency_id,criterion,answer,year\nA1,1.1.1,có,2025\n"
	                    "Người lập biểu,,,\n\"Tổng biên tập (ký, đóng dấu)\",,,\n"
	                    "Nguyễn Văn A,,,2025\n");
	clean(&x);
	assert_int_equal(pdx_answers_count(x.set), 1);
	assert_int_equal(pdx_diags_count(x.diags), 1);
	const pdx_diag *g = pdx_diags_get(x.diags, 0);
	assert_int_equal(g->severity, PDX_SEV_WARNING);
	assert_int_equal(g->code, PDX_W_SIGNATURE_ROWS);
	assert_int_equal(g->line, 3);
	assert_non_null(strstr(g->message_en, "3 rows"));
	assert_non_null(strstr(g->message_en, "Người lập biểu"));
	done(&x);
}

/* C1, c1 and the full-width Ｃ1 are one agency shown as first written, with a warning
 * per other spelling. */
static void test_agency_id_case_and_width(void **state)
{
	run x = READ(state, "agency_id,criterion,answer\nC1,1.1.1,có\nc1,1.1.2,có\n"
	                    "\xef\xbc\xa3"
	                    "1,1.1.3,50\nc1,2.1.1,có\n");
	clean(&x);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_id, "C1");
	assert_int_equal(a->n_answers, 4);
	assert_int_equal(pdx_diags_count(a->diags), 2); /* "c1" once, "Ｃ1" once */
	const pdx_diag *g = unit_find_diag(a->diags, PDX_SEV_WARNING, 3, "taken as \"C1\"");
	assert_non_null(g);
	assert_int_equal(g->code, PDX_W_AGENCY_SPELLING);
	assert_non_null(unit_find_diag(a->diags, PDX_SEV_WARNING, 4, "taken as \"C1\""));
	done(&x);
}

/* One clash of names is one message, not one per row. */
static void test_identity_conflict_reported_once(void **state)
{
	run x = READ(state, "agency_id,agency_name,criterion,answer\nA1,Báo X,1.1.1,có\n"
	                    "A1,Báo Y,1.1.2,có\nA1,Báo Y,1.1.3,50\nA1,Báo Z,2.1.1,có\n");
	assert_int_equal(x.rc, 0);
	const pdx_assessment *a = only(&x);
	assert_string_equal(a->agency_name, "Báo X");
	assert_int_equal(pdx_diags_errors(a->diags), 1);
	assert_non_null(unit_find_diag(a->diags, PDX_SEV_ERROR, 3, "differs"));
	done(&x);
}

/* --supersede: the second file replaces whole the assessments it gives (A1 2025), keeps
 * the others (B1), and says so. Without it the rows of both files add up. */
static void test_supersede(void **state)
{
	static const char f1[] = "agency_id,agency_name,criterion,answer,year\n"
	                         "A1,Báo Cũ,1.1.1,có,2025\nA1,Báo Cũ,1.1.2,có,2025\n"
	                         "B1,Báo B,1.1.1,có,2025\n";
	static const char f2[] = "agency_id,agency_name,criterion,answer,year\n"
	                         "A1,Báo Mới,1.1.1,không,2025\n";
	for (int sup = 0; sup < 2; sup++) {
		pdx_answers_options o = {sup};
		run x;
		x.set = pdx_answers_new(&o);
		x.diags = pdx_diags_new();
		x.rc = pdx_answers_read_memory(x.set, f1, sizeof f1 - 1, "v1.csv", NULL, x.diags);
		assert_int_equal(x.rc, 0);
		assert_int_equal(read_more(&x, f2, sizeof f2 - 1, "v2.csv", NULL), 0);
		assert_int_equal(pdx_answers_count(x.set), 2);
		const pdx_assessment *a = pdx_answers_get(x.set, 0);
		assert_string_equal(a->agency_id, "A1"); /* keeps its place */
		if (sup) {
			assert_int_equal(a->n_answers, 1);
			assert_string_equal(a->agency_name, "Báo Mới");
			assert_string_equal(ans(state, a, "1.1.1")->value, "không");
			assert_string_equal(ans(state, a, "1.1.1")->file, "v2.csv");
			const pdx_diag *g = unit_find_diag(x.diags, PDX_SEV_WARNING, 2, "replace");
			assert_non_null(g);
			assert_int_equal(g->code, PDX_W_SUPERSEDED);
			assert_string_equal(g->file, "v2.csv");
			assert_non_null(strstr(g->message_en, "v1.csv"));
			assert_int_equal(pdx_diags_errors(a->diags), 0);
		} else {
			assert_int_equal(a->n_answers, 3);
			assert_string_equal(a->agency_name, "Báo Cũ");
			/* the other name is a clash of identity within the assessment */
			assert_int_equal(pdx_diags_errors(a->diags), 1);
		}
		assert_string_equal(pdx_answers_get(x.set, 1)->agency_id, "B1");
		assert_int_equal(pdx_answers_get(x.set, 1)->n_answers, 1);
		done(&x);
	}
}

/* A superseding file that is then rejected changes nothing. */
static void test_supersede_rejected_file(void **state)
{
	(void)state;
	pdx_answers_options o = {true};
	run x;
	x.set = pdx_answers_new(&o);
	x.diags = pdx_diags_new();
	static const char f1[] = "agency_id,criterion,answer\nA1,1.1.1,có\nA1,1.1.2,có\n";
	static const char bad[] = "agency_id,criterion,answer\nA1,1.1.1,không\nA1,1.1.2,\"x\"y\n";
	assert_int_equal(read_more(&x, f1, sizeof f1 - 1, "v1.csv", NULL), 0);
	assert_int_equal(read_more(&x, bad, sizeof bad - 1, "v2.csv", NULL), PDX_EINVALID);
	const pdx_assessment *a = only(&x);
	assert_int_equal(a->n_answers, 2);
	assert_string_equal(ans(state, a, "1.1.1")->value, "có");
	assert_null(unit_find_diag(x.diags, PDX_SEV_WARNING, -1, "replace"));
	done(&x);
}

/* Encodings are decided per file: with --encoding cp1258, a UTF-8 file is still UTF-8
 * and a CP1258 one is converted; each source says what it was read as. */
static void test_encoding_per_file(void **state)
{
	pdx_read_options o = {"cp1258", 0, 0, NULL};
	/* "Báo" in CP1258: B 0xE1 o; in UTF-8: B 0xC3 0xA1 o */
	static const char cp[] = "agency_id,agency_name,criterion,answer\nA1,B\xe1o,1.1.1,c\xf3\n";
	static const char u8[] = "agency_id,agency_name,criterion,answer\nA2,B\xc3\xa1o,1.1.1,có\n";
	run x = read_opts(state, cp, sizeof cp - 1, "cp.csv", &o);
	assert_int_equal(read_more(&x, u8, sizeof u8 - 1, "u8.csv", &o), 0);
	clean(&x);
	assert_int_equal(pdx_answers_count(x.set), 2);
	assert_string_equal(pdx_answers_get(x.set, 0)->agency_name, "Báo");
	assert_string_equal(pdx_answers_get(x.set, 1)->agency_name, "Báo");
	assert_int_equal(pdx_answers_source_count(x.set), 2);
	assert_string_equal(pdx_answers_source(x.set, 0)->encoding, "cp1258");
	assert_string_equal(pdx_answers_source(x.set, 1)->encoding, "utf-8");
	assert_string_equal(ans(state, pdx_answers_get(x.set, 0), "1.1.1")->encoding, "cp1258");
	done(&x);
}

/* A file whose first MiB is UTF-8 but which is not UTF-8 further on is rejected whole,
 * with the place and a hint to name the encoding. */
static void test_utf8_invalid_after_first_mib(void **state)
{
	const char *head = "agency_id,agency_name,criterion,answer\n";
	const char *row = "A1,Báo Hải Phòng,1.1.1,có\n"; /* 27 bytes, 24 characters */
	size_t rows = (1u << 20) / strlen(row) + 10;
	size_t cap = strlen(head) + rows * strlen(row) + 64;
	char *data = malloc(cap);
	assert_non_null(data);
	size_t n = (size_t)sprintf(data, "%s", head);
	for (size_t i = 0; i < rows; i++)
		n += (size_t)sprintf(data + n, "%s", row);
	n += (size_t)sprintf(data + n, "A2,B\xe1o,1.1.1,c\xf3\n"); /* CP1258 bytes */
	run x = read_opts(state, data, n, "late.csv", NULL);
	free(data);
	assert_int_equal(x.rc, PDX_EINVALID);
	assert_int_equal(pdx_answers_count(x.set), 0); /* nothing of it stays */
	const pdx_diag *g = unit_find_diag(x.diags, PDX_SEV_ERROR, (long)rows + 2, "0xE1");
	assert_non_null(g);
	assert_int_equal(g->code, PDX_E_NOT_UTF8);
	assert_int_equal(g->column, 5);
	assert_non_null(strstr(g->message_en, "--encoding"));
	assert_non_null(strstr(g->message_en, "start of the file is UTF-8"));
	done(&x);
}

/* What is not a CSV is named: workbooks by their magic bytes, UTF-32, UTF-16 without a
 * byte-order mark. */
static void check_refused(void **state, const char *data, size_t len, pdx_code code,
                          const char *phrase)
{
	run x = read_opts(state, data, len, "x.csv", NULL);
	assert_int_equal(x.rc, PDX_EINVALID);
	const pdx_diag *g = unit_find_diag(x.diags, PDX_SEV_ERROR, -1, phrase);
	if (!g)
		unit_dump_diags("refused", x.diags);
	assert_non_null(g);
	assert_int_equal(g->code, code);
	assert_int_equal(pdx_diags_count(x.diags), 1);
	done(&x);
}

static void test_not_csv_named(void **state)
{
	static const char xlsx[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00\x21\x00\x62\xee"
	                           "\x9d\x68\x5e\x01\x00\x00\x90\x04\x00\x00\x13\x00\x08\x02"
	                           "[Content_Types].xml";
	check_refused(state, xlsx, sizeof xlsx - 1, PDX_E_SPREADSHEET, "Excel workbook (.xlsx)");
	char ods[120];
	memset(ods, 0, sizeof ods);
	memcpy(ods, "PK\x03\x04", 4);
	memcpy(ods + 30, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet", 54);
	check_refused(state, ods, sizeof ods, PDX_E_SPREADSHEET, "LibreOffice spreadsheet (.ods)");
	static const char xls[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00";
	check_refused(state, xls, sizeof xls - 1, PDX_E_SPREADSHEET, "(.xls)");
	static const char u32[] = "\xff\xfe\x00\x00"
	                          "a\0\0\0";
	check_refused(state, u32, sizeof u32 - 1, PDX_E_UNSUPPORTED_ENCODING, "UTF-32");
	static const char u16[] = "a\0g\0e\0n\0c\0y\0_\0i\0d\0,\0c\0r\0i\0t\0";
	check_refused(state, u16, sizeof u16 - 1, PDX_E_UNSUPPORTED_ENCODING,
	              "UTF-16 LE without a byte-order mark");
}

static void test_read_file(void **state)
{
	(void)state;
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_answers_read_file(set, TEST_DATA_DIR "/scoring/rounding.csv", NULL, d),
	                 0);
	assert_int_equal(pdx_answers_count(set), 1);
	const pdx_assessment *a = pdx_answers_get(set, 0);
	assert_string_equal(a->agency_id, "R1");
	assert_int_equal(a->n_answers, 5);
	assert_non_null(strstr(a->file, "rounding.csv"));
	/* a missing file is an I/O error that names the file */
	assert_int_equal(pdx_answers_read_file(set, TEST_DATA_DIR "/scoring/nope.csv", NULL, d),
	                 PDX_EIO);
	assert_int_equal(pdx_diags_errors(d), 1);
	assert_non_null(strstr(pdx_diags_get(d, 0)->file, "nope.csv"));
	assert_int_equal(pdx_answers_count(set), 1);
	pdx_answers_free(set);
	pdx_answers_free(NULL);
	pdx_diags_free(d);
}

static void test_many_agencies(void **state)
{
	/* 300 agencies × 2 rows: the lookup table grows and keeps them apart */
	size_t cap = 300 * 2 * 32 + 64, n = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	n += (size_t)snprintf(buf, cap, "agency_id,criterion,answer\n");
	for (int i = 0; i < 300; i++) {
		n += (size_t)snprintf(buf + n, cap - n, "AG%03d,1.1.1,có\n", i);
		n += (size_t)snprintf(buf + n, cap - n, "AG%03d,1.1.2,không\n", i);
	}
	run x = read_opts(state, buf, n, "many.csv", NULL);
	clean(&x);
	assert_int_equal(pdx_answers_count(x.set), 300);
	for (size_t i = 0; i < 300; i++) {
		char id[16];
		snprintf(id, sizeof id, "AG%03zu", i);
		const pdx_assessment *a = pdx_answers_get(x.set, i);
		assert_string_equal(a->agency_id, id);
		assert_int_equal(a->n_answers, 2);
		assert_int_equal(a->line, (long)(2 + 2 * i));
	}
	done(&x);
	free(buf);
}

/* pdx_answers_add: answers from a program, no file. good-minimal.xml by hand: 1.1.1
 * yes/no worth 4, "có" = 4.00; 1.1.2 percent worth 3 on a linear scale, 50 % = 1.50;
 * 2.1.1 choice, "cấp độ 1–2" = 1.00 (given here decomposed, as some web forms send it:
 * the call puts it in NFC, or the option would not be recognised). Total 6.50, level 2
 * (from 5). The year comes from the source's default, 2025. */
static void test_add_api(void **state)
{
	(void)state;
	pdx_rubric *r = NULL;
	assert_int_equal(pdx_rubric_load_file(&r, TEST_DATA_DIR "/rubrics/good-minimal.xml", NULL),
	                 0);
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	assert_non_null(set);
	assert_int_equal(pdx_answers_begin(set, "web-form", NULL, "utf-8", 2025), 0);
	assert_int_equal(pdx_answers_add(set, " HP01 ", 0, "1.1.1", "có", "https://e.vn/kh", d), 0);
	assert_int_equal(pdx_answers_add(set, "HP01", 0, "1.1.2", "50", NULL, d), 0);
	/* c a U+0302 U+0301 p, đ o U+0323 U+0302: "cấp độ" in NFD */
	assert_int_equal(
	    pdx_answers_add(set, "HP01", 0, "2.1.1",
	                    "ca\xcc\x82\xcc\x81p \xc4\x91o\xcc\xa3\xcc\x82 1\xe2\x80\x93"
	                    "2",
	                    NULL, d),
	    0);
	/* refused arguments add nothing */
	assert_int_equal(pdx_answers_add(set, NULL, 0, "1.1.1", "có", NULL, d), PDX_EARG);
	assert_int_equal(pdx_answers_add(set, "HP01", 0, NULL, "có", NULL, d), PDX_EARG);
	assert_int_equal(pdx_answers_add(set, "HP01", 10000, "1.1.1", "có", NULL, d), PDX_EARG);
	assert_int_equal(pdx_answers_add(set, "HP01", -1, "1.1.1", "có", NULL, d), PDX_EARG);
	assert_int_equal(pdx_answers_add(set, "HP\xff", 0, "1.1.1", "có", NULL, d), PDX_EARG);
	/* the fourth call that was accepted: line 4 in its diagnostics */
	assert_int_equal(pdx_answers_add(set, "HP02", 2024, "1.1.2", "nhiều", NULL, d), 0);
	assert_int_equal(pdx_answers_commit(set, d), 0);
	assert_int_equal(pdx_answers_count(set), 2);

	const pdx_assessment *a = pdx_answers_get(set, 0);
	assert_string_equal(a->agency_id, "HP01");
	assert_int_equal(a->year, 2025);
	pdx_answer ans;
	assert_true(unit_answer(a, "1.1.1", &ans));
	assert_string_equal(ans.evidence, "https://e.vn/kh");
	assert_string_equal(ans.file, "web-form");
	assert_int_equal(ans.line, 1);

	pdx_result **res = NULL;
	size_t n = 0;
	assert_int_equal(pdx_score_all(&res, &n, r, set, NULL), 0);
	assert_int_equal(n, 2);
	assert_int_equal(res[0]->total, 650);
	assert_int_equal(res[0]->level->number, 2);
	assert_int_equal(pdx_result_errors(res[0]), 0);
	/* HP02's answer is not a percentage: an error at the call's "line" */
	assert_int_equal(res[1]->assessment->year, 2024);
	assert_int_equal(res[1]->total, 0);
	const pdx_diag *g = unit_find_diag(res[1]->diags, PDX_SEV_ERROR, 4, NULL);
	assert_non_null(g);
	assert_string_equal(g->file, "web-form");
	assert_string_equal(g->criterion, "1.1.2");
	pdx_results_free(res, n);
	pdx_diags_free(d);
	pdx_answers_free(set);
	pdx_rubric_free(r);
}

/* pdx_answers_add with no source begun: a source of its own ("<api>") that the next
 * file's reading ends. good-minimal by hand: 1.1.1 "có" 4.00 + 2.1.1 "cấp độ 3 trở lên"
 * 3.00 = 7.00, level 2; then a CSV file adds HP02 beside it. */
static void test_add_api_implicit_source(void **state)
{
	(void)state;
	pdx_rubric *r = NULL;
	assert_int_equal(pdx_rubric_load_file(&r, TEST_DATA_DIR "/rubrics/good-minimal.xml", NULL),
	                 0);
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_answers_add(set, "HP01", 2025, "1.1.1", "có", "kh.pdf", d), 0);
	assert_int_equal(pdx_answers_add(set, "HP01", 2025, "2.1.1", "cấp độ 3 trở lên", NULL, d),
	                 0);
	pdx_result **res = NULL;
	size_t n = 0;
	assert_int_equal(pdx_score_all(&res, &n, r, set, NULL), 0);
	assert_int_equal(n, 1);
	assert_int_equal(res[0]->total, 700);
	assert_int_equal(res[0]->level->number, 2);
	pdx_results_free(res, n);

	const char csv[] = "agency_id,year,criterion,answer\nHP02,2025,1.1.1,không\n";
	assert_int_equal(pdx_answers_read_memory(set, csv, sizeof csv - 1, "b.csv", NULL, d), 0);
	assert_int_equal(pdx_answers_count(set), 2);
	assert_int_equal(pdx_answers_source_count(set), 2);
	assert_string_equal(pdx_answers_source(set, 0)->file, "<api>");
	assert_int_equal(pdx_answers_source(set, 0)->rows, 2);
	assert_string_equal(pdx_answers_source(set, 1)->file, "b.csv");
	assert_int_equal(pdx_diags_errors(d), 0);
	pdx_diags_free(d);
	pdx_answers_free(set);
	pdx_rubric_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_with_bom),
	    cmocka_unit_test(test_utf8_without_bom),
	    cmocka_unit_test(test_utf16le_bom_tab),
	    cmocka_unit_test(test_utf16be_bom_tab),
	    cmocka_unit_test(test_cp1258),
	    cmocka_unit_test(test_tcvn3),
	    cmocka_unit_test(test_cp1258_undefined_byte),
	    cmocka_unit_test(test_broken_utf16),
	    cmocka_unit_test(test_utf8_bom_wins_over_legacy_encoding),
	    cmocka_unit_test(test_unsupported_encoding),
	    cmocka_unit_test(test_lf),
	    cmocka_unit_test(test_crlf),
	    cmocka_unit_test(test_cr_only),
	    cmocka_unit_test(test_last_line_without_newline),
	    cmocka_unit_test(test_delimiter_semicolon),
	    cmocka_unit_test(test_delimiter_tab),
	    cmocka_unit_test(test_delimiter_comma),
	    cmocka_unit_test(test_delimiter_detection_ignores_quoted),
	    cmocka_unit_test(test_delimiter_override),
	    cmocka_unit_test(test_sep_line),
	    cmocka_unit_test(test_sep_line_header_is_line_2),
	    cmocka_unit_test(test_quoted_fields),
	    cmocka_unit_test(test_multiline_field),
	    cmocka_unit_test(test_nfd_normalised_to_nfc),
	    cmocka_unit_test(test_nfd_agency_id_is_the_same_agency),
	    cmocka_unit_test(test_trailing_blank_lines_and_empty_rows),
	    cmocka_unit_test(test_spaces_and_nbsp_trimmed),
	    cmocka_unit_test(test_ids_are_strings),
	    cmocka_unit_test(test_header_case_order_extra_columns),
	    cmocka_unit_test(test_all_identity_columns),
	    cmocka_unit_test(test_empty_answer_is_unanswered),
	    cmocka_unit_test(test_context_question),
	    cmocka_unit_test(test_neutralised_cells_read_back),
	    cmocka_unit_test(test_year_default),
	    cmocka_unit_test(test_two_years_two_assessments),
	    cmocka_unit_test(test_no_year_no_default),
	    cmocka_unit_test(test_invalid_year),
	    cmocka_unit_test(test_year_messages),
	    cmocka_unit_test(test_rows_of_one_assessment_in_two_files),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_nul_byte),
	    cmocka_unit_test(test_malformed_quote),
	    cmocka_unit_test(test_quote_inside_unquoted_cell),
	    cmocka_unit_test(test_unterminated_quote),
	    cmocka_unit_test(test_missing_required_columns),
	    cmocka_unit_test(test_duplicate_header),
	    cmocka_unit_test(test_too_many_columns),
	    cmocka_unit_test(test_empty_file),
	    cmocka_unit_test(test_header_only),
	    cmocka_unit_test(test_rejected_file_adds_nothing),
	    cmocka_unit_test(test_rejected_file_leaves_identity_untouched),
	    cmocka_unit_test(test_unknown_criterion),
	    cmocka_unit_test(test_identity_conflicts),
	    cmocka_unit_test(test_identity_conflict_across_files),
	    cmocka_unit_test(test_identity_may_change_between_years),
	    cmocka_unit_test(test_row_without_agency_id),
	    cmocka_unit_test(test_year_inherited_within_agency),
	    cmocka_unit_test(test_year_inheritance_order),
	    cmocka_unit_test(test_year_given_late_warns),
	    cmocka_unit_test(test_signature_rows_skipped),
	    cmocka_unit_test(test_agency_id_case_and_width),
	    cmocka_unit_test(test_identity_conflict_reported_once),
	    cmocka_unit_test(test_supersede),
	    cmocka_unit_test(test_supersede_rejected_file),
	    cmocka_unit_test(test_encoding_per_file),
	    cmocka_unit_test(test_utf8_invalid_after_first_mib),
	    cmocka_unit_test(test_not_csv_named),
	    cmocka_unit_test(test_read_file),
	    cmocka_unit_test(test_many_agencies),
	    cmocka_unit_test(test_add_api),
	    cmocka_unit_test(test_add_api_implicit_source),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
