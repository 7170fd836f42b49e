/* SPDX-License-Identifier: MIT */
/* Unit tests of the report model (engine/doc.c and its writers) and of the first
 * report built on it, the publication list (engine/publication.c,
 * report_publication.c). The HTML page is parsed back with libxml2's HTML parser and
 * checked with XPath against what was worked out by hand from
 * tests/data/rubrics/good-minimal.xml (1.1.1 yes/no 4, 1.1.2 percent × 3/100, 2.1.1
 * none 0 / 1-2 1 / 3+ 3; Yếu from 0, Tốt from 5); hostile names must come back as
 * text, never as markup. */
#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "unit.h"

static pdx_rubric *load_minimal(void)
{
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	int rc = pdx_rubric_load_file(&r, TEST_DATA_DIR "/rubrics/good-minimal.xml", d);
	if (rc)
		unit_dump_diags("good-minimal.xml", d);
	assert_int_equal(rc, 0);
	pdx_diags_free(d);
	return r;
}

/* A1 10 points (4 + 3 + 3) Tốt, with a name, owner and block made to break a page;
 * A2 0 Yếu; A3 4 + 1.5 = 5.5 Tốt in block "Đài" (đ before k: its section first). */
static const char answers[] =
    "agency_id,agency_name,province,owner,block,year,criterion,answer,evidence\n"
    "A1,\"<script>alert(\"\"x\"\")</script> & Co\",Huế,\"Báo \"\"Tin\"\" <b>\",Khối "
    "<i>,2025,1.1.1,có,QĐ 1\n"
    "A1,,,,,,1.1.2,100,\n"
    "A1,,,,,,2.1.1,3+,\n"
    "A2,Báo Ánh,Huế,UBND,Khối <i>,2025,1.1.1,không,\n"
    "A2,,,,,,1.1.2,0,\n"
    "A2,,,,,,2.1.1,none,\n"
    "A3,Đài Đông,Huế,UBND,Đài,2025,1.1.1,có,QĐ 3\n"
    "A3,,,,,,1.1.2,50,\n"
    "A3,,,,,,2.1.1,none,\n";

static char *publication(const pdx_rubric *r, pdx_format fmt, size_t *len)
{
	unit_scored s = unit_score(r, NULL, answers, NULL);
	assert_int_equal(s.n, 3);
	pdx_publication *pub = NULL;
	assert_int_equal(pdx_publication_build(&pub, s.res, s.n), 0);
	char *out = NULL;
	assert_int_equal(pdx_report_publication(&out, len, r, pub, fmt), 0);
	pdx_publication_free(pub);
	unit_scored_free(&s);
	return out;
}

static char *xpath_string(xmlXPathContextPtr ctx, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	assert_non_null(o);
	xmlChar *s = xmlXPathCastToString(o);
	xmlXPathFreeObject(o);
	char *copy = strdup((const char *)s);
	xmlFree(s);
	return copy;
}

static void expect_xpath(xmlXPathContextPtr ctx, const char *expr, const char *want)
{
	char *got = xpath_string(ctx, expr);
	if (strcmp(got, want) != 0)
		print_error("%s: got \"%s\", want \"%s\"\n", expr, got, want);
	assert_string_equal(got, want);
	free(got);
}

static void test_publication_html(void **state)
{
	(void)state;
	pdx_rubric *r = load_minimal();
	size_t len;
	char *html = publication(r, PDX_FORMAT_HTML, &len);
	assert_int_equal(strlen(html), len);
	/* UTF-8 as is, never numeric character references */
	assert_non_null(strstr(html, "Đài Đông"));
	assert_null(strstr(html, "&#"));
	assert_true(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
	/* well formed as XML too: every element closed, every attribute quoted */
	xmlDocPtr x = xmlReadMemory(html, (int)len, "pub.html", NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(x);
	xmlFreeDoc(x);

	htmlDocPtr doc =
	    htmlReadMemory(html, (int)len, "pub.html", "UTF-8",
	                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	assert_non_null(ctx);
	expect_xpath(ctx, "string(/html/@lang)", "vi");
	expect_xpath(ctx, "string(/html/head/meta[1]/@charset)", "utf-8");
	/* self-contained: nothing fetched, nothing run */
	expect_xpath(ctx, "count(//script | //link | //img | //iframe | //@src | //@href)", "0");
	expect_xpath(ctx, "count(//style)", "1");
	expect_xpath(ctx, "contains(//p[@class='notice'], 'TẠM THỜI (provisional)')", "true");
	expect_xpath(ctx, "count(//section)", "2");
	expect_xpath(ctx, "string(//section[1]/h2)", "Khối (block): Đài — 1 cơ quan");
	expect_xpath(ctx, "string(//section[2]/h2)", "Khối (block): Khối <i> — 2 cơ quan");
	expect_xpath(ctx, "count(//section[1]//tbody/tr)", "1");
	expect_xpath(ctx, "count(//section[2]//tbody/tr)", "2");
	/* the columns people read: STT, agency, owner, level, block; no score, no id */
	expect_xpath(ctx, "count(//section[2]//thead/tr/th)", "5");
	expect_xpath(ctx, "string(//section[2]//thead/tr/th[4])", "Đạt mức");
	expect_xpath(ctx, "string(//section[1]//tbody/tr[1]/td[2])", "Đài Đông");
	expect_xpath(ctx, "string(//section[1]//tbody/tr[1]/td[4])", "Tốt");
	/* by level first: A1 (Tốt) before A2 (Yếu) */
	expect_xpath(ctx, "string(//section[2]//tbody/tr[1]/td[1])", "1");
	expect_xpath(ctx, "string(//section[2]//tbody/tr[1]/td[2])",
	             "<script>alert(\"x\")</script> & Co");
	expect_xpath(ctx, "string(//section[2]//tbody/tr[1]/td[3])", "Báo \"Tin\" <b>");
	expect_xpath(ctx, "count(//b | //i)", "0");
	expect_xpath(ctx, "string(//section[2]//tbody/tr[1]/td[4]/@class)", "level level-2");
	expect_xpath(ctx, "string(//section[2]//tbody/tr[2]/td[2])", "Báo Ánh");
	expect_xpath(ctx, "string(//section[2]//tbody/tr[2]/td[4])", "Yếu");
	expect_xpath(ctx, "string(//section[2]//tbody/tr[2]/td[1])", "2");
	expect_xpath(ctx, "count(//td[contains(., '10.00') or contains(., '5.50')])", "0");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	pdx_free(html);
	pdx_rubric_free(r);
}

static void test_publication_json(void **state)
{
	(void)state;
	pdx_rubric *r = load_minimal();
	size_t len;
	char *js = publication(r, PDX_FORMAT_JSON, &len);
	json_object *root = json_tokener_parse(js);
	assert_non_null(root);
	json_object *v, *groups, *g, *ags, *a;
	assert_true(json_object_object_get_ex(root, "report", &v));
	assert_string_equal(json_object_get_string(v), "publication");
	assert_true(json_object_object_get_ex(root, "groups", &groups));
	assert_int_equal(json_object_array_length(groups), 2);
	g = json_object_array_get_idx(groups, 1);
	assert_true(json_object_object_get_ex(g, "group", &v));
	assert_true(json_object_object_get_ex(v, "block", &v));
	assert_string_equal(json_object_get_string(v), "Khối <i>");
	assert_true(json_object_object_get_ex(g, "agencies", &ags));
	assert_int_equal(json_object_array_length(ags), 2);
	a = json_object_array_get_idx(ags, 0);
	assert_true(json_object_object_get_ex(a, "agency_id", &v));
	assert_string_equal(json_object_get_string(v), "A1");
	assert_true(json_object_object_get_ex(a, "level", &v));
	assert_int_equal(json_object_get_int(v), 2);
	assert_true(json_object_object_get_ex(a, "level_name", &v));
	assert_string_equal(json_object_get_string(v), "Tốt");
	/* no score in the list */
	assert_false(json_object_object_get_ex(a, "total", &v));
	assert_true(json_object_object_get_ex(root, "with_errors", &v));
	assert_int_equal(json_object_get_int(v), 0);
	json_object_put(root);
	pdx_free(js);
	pdx_rubric_free(r);
}

/* ---- the model itself ---- */

typedef struct sink {
	pdx_buf all;
	size_t calls, biggest;
} sink;

static int gather(void *ctx, const char *data, size_t len)
{
	sink *s = ctx;
	s->calls++;
	if (len > s->biggest)
		s->biggest = len;
	pdx_buf_append(&s->all, data, len);
	return 0;
}

static const pdx_column cols[] = {
    {"name", "Tên", PDX_CELL_TEXT, PDX_COL_ALL},
    {"points", "Điểm", PDX_CELL_POINTS, PDX_COL_ALL},
    {"share", "Tỷ lệ", PDX_CELL_PERCENT, PDX_COL_PEOPLE},
    {"id", "Mã", PDX_CELL_TEXT, PDX_COL_MACHINE},
};

/* Sections of 100 rows each, 400 sections: the bytes reach the writer in chunks as the
 * document goes, never as one block at the end. */
static void test_doc_streams_every_format(void **state)
{
	(void)state;
	pdx_rubric *r = load_minimal();
	const pdx_format fmts[] = {PDX_FORMAT_TEXT, PDX_FORMAT_CSV, PDX_FORMAT_JSON,
	                           PDX_FORMAT_HTML};
	for (size_t f = 0; f < 4; f++) {
		sink s = {{0}, 0, 0};
		pdx_doc *d = NULL;
		assert_int_equal(pdx_doc_new(&d, fmts[f], gather, &s), 0);
		assert_int_equal(pdx_doc_begin(d, r, "test", "Thử", "test"), 0);
		for (int g = 0; g < 400; g++) {
			char h[32];
			snprintf(h, sizeof h, "Nhóm %d", g);
			pdx_doc_key key = {"group", {PDX_CELL_COUNT, NULL, g}};
			assert_int_equal(pdx_doc_section(d, h, &key, 1), 0);
			assert_int_equal(pdx_doc_table(d, "rows", cols, 4), 0);
			for (int i = 0; i < 100; i++) {
				pdx_cell c[] = {{PDX_CELL_TEXT, "Cơ quan Ánh", 0},
				                {PDX_CELL_POINTS, NULL, 1250},
				                {PDX_CELL_PERCENT, NULL, 8000},
				                {PDX_CELL_TEXT, "=1+1", 0}};
				assert_int_equal(pdx_doc_row(d, c), 0);
			}
		}
		assert_int_equal(pdx_doc_end(d), 0);
		pdx_doc_free(d);
		assert_false(s.all.failed);
		/* many hand-overs, each a part of a section and some more, not the whole */
		if (s.calls < 10 || s.biggest > s.all.len / 10)
			print_error("format %zu: %zu calls, biggest %zu of %zu bytes\n", f, s.calls,
			            s.biggest, s.all.len);
		assert_true(s.calls >= 10);
		assert_true(s.biggest <= s.all.len / 10);
		pdx_buf_putc(&s.all, '\0');
		const char *all = s.all.data;
		if (fmts[f] == PDX_FORMAT_CSV) {
			/* machine columns, the rubric on every row, the formula neutralised */
			assert_true(
			    strncmp(
			        all, "\xef\xbb\xbfname,points,id,rubric,rubric_status\r\n",
			        strlen("\xef\xbb\xbfname,points,id,rubric,rubric_status\r\n")) ==
			    0);
			assert_non_null(strstr(
			    all, "\r\nCơ quan Ánh,12.50,\"'=1+1\",test-minimal,provisional\r\n"));
		} else if (fmts[f] == PDX_FORMAT_TEXT) {
			/* people's columns: the id is not there, the share is */
			assert_non_null(strstr(all, "  Tên           Điểm    Tỷ lệ\n"));
			assert_non_null(strstr(all, "  Cơ quan Ánh  12.50  80.00 %\n"));
			assert_null(strstr(all, "=1+1"));
		} else if (fmts[f] == PDX_FORMAT_JSON) {
			json_object *root = json_tokener_parse(all);
			assert_non_null(root);
			json_object *groups;
			assert_true(json_object_object_get_ex(root, "groups", &groups));
			assert_int_equal(json_object_array_length(groups), 400);
			json_object_put(root);
		} else {
			assert_non_null(strstr(all, "<td class=\"num\">80.00 %</td>"));
		}
		pdx_buf_free(&s.all);
	}
	pdx_rubric_free(r);
}

/* Control characters in a heading or a cell are shown, never written raw: no HTML
 * page may hold them, and a terminal would obey them. */
static void test_doc_controls_shown(void **state)
{
	(void)state;
	pdx_rubric *r = load_minimal();
	const pdx_format fmts[] = {PDX_FORMAT_TEXT, PDX_FORMAT_HTML};
	for (size_t f = 0; f < 2; f++) {
		sink s = {{0}, 0, 0};
		pdx_doc *d = NULL;
		assert_int_equal(pdx_doc_new(&d, fmts[f], gather, &s), 0);
		assert_int_equal(pdx_doc_begin(d, r, "test", "Thử", NULL), 0);
		assert_int_equal(pdx_doc_section(d, "Nhóm \x1b[31m", NULL, 0), 0);
		assert_int_equal(pdx_doc_table(d, "rows", cols, 4), 0);
		pdx_cell c[] = {{PDX_CELL_TEXT,
		                 "A\x01"
		                 "B",
		                 0},
		                {PDX_CELL_POINTS, NULL, 0},
		                {PDX_CELL_PERCENT, NULL, 0},
		                {PDX_CELL_TEXT, "x", 0}};
		assert_int_equal(pdx_doc_row(d, c), 0);
		assert_int_equal(pdx_doc_end(d), 0);
		pdx_doc_free(d);
		pdx_buf_putc(&s.all, '\0');
		assert_null(strchr(s.all.data, '\x1b'));
		assert_null(strchr(s.all.data, '\x01'));
		assert_non_null(strstr(s.all.data, "Nhóm \\x1b[31m"));
		assert_non_null(strstr(s.all.data, "A\\x01B"));
		pdx_buf_free(&s.all);
	}
	pdx_rubric_free(r);
}

/* Calls out of order are refused, and the first failure sticks. */
static void test_doc_order(void **state)
{
	(void)state;
	pdx_rubric *r = load_minimal();
	sink s = {{0}, 0, 0};
	pdx_doc *d = NULL;
	assert_int_equal(pdx_doc_new(&d, PDX_FORMAT_JSON, gather, &s), 0);
	pdx_cell c[4] = {{PDX_CELL_TEXT, "a", 0}};
	assert_int_equal(pdx_doc_row(d, c), PDX_EARG);                        /* before begin */
	assert_int_equal(pdx_doc_begin(d, r, "test", "Thử", NULL), PDX_EARG); /* sticks */
	pdx_doc_free(d);
	assert_int_equal(pdx_doc_new(&d, PDX_FORMAT_JSON, gather, &s), 0);
	assert_int_equal(pdx_doc_begin(d, r, "test", "Thử", NULL), 0);
	assert_int_equal(pdx_doc_row(d, c), PDX_EARG); /* no table */
	pdx_doc_free(d);
	assert_int_equal(pdx_doc_new(&d, PDX_FORMAT_TEXT, gather, &s), 0);
	assert_int_equal(pdx_doc_begin(d, r, "test", "Thử", NULL), 0);
	assert_int_equal(pdx_doc_figure(d, "k", "K", c[0]), PDX_EARG); /* no section */
	pdx_doc_free(d);
	assert_int_equal(pdx_doc_new(NULL, PDX_FORMAT_TEXT, gather, &s), PDX_EARG);
	assert_int_equal(pdx_doc_new(&d, PDX_FORMAT_TEXT, NULL, &s), PDX_EARG);
	pdx_buf_free(&s.all);
	pdx_rubric_free(r);
}

/* score --format html for one agency with 13 unknown criteria: each an error; the page
 * shows ten and says three more (the two-page bound), and the 3 criteria of the rubric
 * as rows. Totals by hand: 1.1.1 có 4 + 1.1.2 40 % → 1.2 + 2.1.1 1-2 → 1 = 6.2, Tốt. */
static void test_score_html_caps_notes(void **state)
{
	(void)state;
	pdx_rubric *r = load_minimal();
	pdx_buf csv = {0};
	pdx_buf_puts(&csv, "agency_id,agency_name,province,owner,block,year,criterion,answer,"
	                   "evidence\n"
	                   "X1,Báo X,Huế,UBND,Báo,2025,1.1.1,có,QĐ\n"
	                   "X1,,,,,,1.1.2,40,\n"
	                   "X1,,,,,,2.1.1,1-2,\n");
	for (int i = 1; i <= 13; i++)
		pdx_buf_printf(&csv, "X1,,,,,,9.9.%d,1,\n", i);
	pdx_buf_putc(&csv, '\0');
	unit_scored s = unit_score(r, NULL, csv.data, NULL);
	assert_int_equal(s.n, 1);
	assert_int_equal(pdx_result_errors(s.res[0]), 13);
	sink out = {{0}, 0, 0};
	pdx_report_writer *w = NULL;
	assert_int_equal(pdx_report_writer_new(&w, PDX_FORMAT_HTML, r, s.set, gather, &out), 0);
	assert_int_equal(pdx_report_writer_add(w, s.res[0]), 0);
	assert_int_equal(pdx_report_writer_finish(w), 0);
	pdx_report_writer_free(w);
	htmlDocPtr doc =
	    htmlReadMemory(out.all.data, (int)out.all.len, "s.html", "UTF-8",
	                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	expect_xpath(ctx, "string(//div[@class='total']/dd)", "6.20");
	expect_xpath(ctx, "string(//div[@class='level']/dd)", "Tốt");
	expect_xpath(ctx, "count(//table[@class='criteria']/tbody/tr)", "3");
	expect_xpath(ctx, "string(//table[@class='criteria']/tbody/tr[2]/td[4])", "1.20");
	expect_xpath(ctx, "count(//p[@class='note note-error'])", "11");
	expect_xpath(ctx,
	             "starts-with(string((//p[@class='note note-error'])[11]), '… và 3 lỗi nữa')",
	             "true");
	expect_xpath(ctx, "count(//*[local-name()='rect'][@class='bar'])", "2");
	/* two pillars make no radar (a polygon needs three axes) */
	expect_xpath(ctx, "count(//*[local-name()='polygon'])", "0");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	pdx_buf_free(&out.all);
	pdx_buf_free(&csv);
	unit_scored_free(&s);
	pdx_rubric_free(r);
}

/* A page whose assessments were scored by two editions: each section is drawn with its
 * own rubric (its levels, pillars and criteria), and the one scored by another edition
 * than the page's says which, with that edition's provisional notice. The page is 951's
 * (42 criteria, five pillars); A2 is scored by good-minimal (0 points: Yếu; two pillars;
 * three criteria; levels 0 and 5 out of 10). */
static void test_score_html_edition_per_assessment(void **state)
{
	(void)state;
	pdx_rubric *small = load_minimal();
	pdx_diags *dg = pdx_diags_new();
	pdx_rubric *big = NULL;
	assert_int_equal(pdx_rubric_load_file(&big, RUBRICS_DIR "/951-2023.xml", dg), 0);
	pdx_diags_free(dg);
	unit_scored s = unit_score(small, NULL, answers, NULL);
	assert_int_equal(s.n, 3);
	sink out = {{0}, 0, 0};
	pdx_doc *d = NULL;
	assert_int_equal(pdx_doc_new(&d, PDX_FORMAT_HTML, gather, &out), 0);
	assert_int_equal(pdx_score_doc_begin(d, big), 0);
	assert_int_equal(pdx_score_doc_agency(d, small, s.res[1]), 0); /* same edition */
	assert_int_equal(pdx_score_doc_agency(d, big, s.res[1]), 0);   /* another */
	assert_int_equal(pdx_doc_end(d), 0);
	pdx_doc_free(d);
	htmlDocPtr doc =
	    htmlReadMemory(out.all.data, (int)out.all.len, "e.html", "UTF-8",
	                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	expect_xpath(ctx, "count(//main/section)", "2");
	for (int i = 1; i <= 2; i++) {
		char q[160];
		snprintf(q, sizeof q, "string(//main/section[%d]//div[@class='level']/dd)", i);
		expect_xpath(ctx, q, "Yếu");
		snprintf(q, sizeof q,
		         "count(//main/section[%d]//*[local-name()='rect'][@class='bar'])", i);
		expect_xpath(ctx, q, "2");
		snprintf(q, sizeof q,
		         "count(//main/section[%d]//table[@class='criteria']/tbody/tr)", i);
		expect_xpath(ctx, q, "3");
	}
	/* the first was given its own rubric as the page's: nothing more said */
	expect_xpath(ctx, "count(//main/section[1]//div[@class='rubric'])", "0");
	expect_xpath(ctx, "string(//main/section[2]//div[@class='rubric']/dd)", "test-minimal");
	expect_xpath(ctx,
	             "count(//main/section[2]//p[contains(., 'chấm theo bộ chỉ số test-minimal') "
	             "and contains(., 'TẠM THỜI')])",
	             "1");
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	pdx_buf_free(&out.all);
	unit_scored_free(&s);
	pdx_rubric_free(big);
	pdx_rubric_free(small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_publication_html),
	    cmocka_unit_test(test_publication_json),
	    cmocka_unit_test(test_score_html_caps_notes),
	    cmocka_unit_test(test_score_html_edition_per_assessment),
	    cmocka_unit_test(test_doc_streams_every_format),
	    cmocka_unit_test(test_doc_controls_shown),
	    cmocka_unit_test(test_doc_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
