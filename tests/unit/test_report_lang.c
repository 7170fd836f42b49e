/* SPDX-License-Identifier: MIT */
/* Unit tests of the reports' language (issue 12, §4): a format carries it
 * (PDX_FORMAT_LANG), every report is written in Vietnamese, English, or both as it has
 * always been. The Hải Phòng examples of 2025 (examples/EXPECTED.md: HP01 84.32 points,
 * level 4) scored with the 2025 edition, whose pillars and levels have English names
 * (inherited from 951-2023.xml: "Strategy", level 4 "Good"). The headings asserted
 * here are the catalogue's (po/vi.po), written out by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "unit.h"

static int setup(void **state)
{
	*state = unit_load_rubric("3560-2025.xml");
	return 0;
}

static int teardown(void **state)
{
	pdx_rubric_free(*state);
	return 0;
}

/* One file of answers scored (unit_score, which fails the test on a rejected file). */
static unit_scored score_file(const pdx_rubric *r, const char *path)
{
	const char *const paths[] = {path, NULL};
	return unit_score(r, paths, NULL, NULL);
}

/* A whole score report through the writer, in `fmt`. */
static char *writer_report(const pdx_rubric *r, const unit_scored *s, pdx_format fmt)
{
	pdx_buf b = {0};
	pdx_report_writer *w = NULL;
	assert_int_equal(pdx_report_writer_new(&w, fmt, r, s->set, pdx_buf_collect, &b), 0);
	for (size_t i = 0; i < s->n; i++)
		assert_int_equal(pdx_report_writer_add(w, s->res[i]), 0);
	assert_int_equal(pdx_report_writer_finish(w), 0);
	pdx_report_writer_free(w);
	char *out;
	size_t len;
	assert_int_equal(pdx_buf_finish(&b, &out, &len), 0);
	return out;
}

static void contains(const char *text, const char *want)
{
	if (!strstr(text, want))
		print_error("missing [%s] in:\n%s\n", want, text);
	assert_non_null(strstr(text, want));
}

static void lacks(const char *text, const char *unwanted)
{
	const char *at = strstr(text, unwanted);
	if (at)
		print_error("unexpected [%s] at: %.80s\n", unwanted, at);
	assert_null(at);
}

/* Blanks out every occurrence of `data` (a text of the user's files or of the rubric
 * that has no English: it is written as it is in every language). */
static void strip(char *text, const char *data)
{
	size_t n = strlen(data);
	for (char *p = strstr(text, data); n && p; p = strstr(p + n, data))
		memset(p, ' ', n);
}

/* No Vietnamese letter (nor any other non-ASCII letter) is left: only ASCII and the
 * report's own signs (— · → … and the bars' blocks). */
static void no_vietnamese(const char *text)
{
	static const char *const signs[] = {"—", "·", "→", "…", "█", "░"};
	for (const char *p = text; *p;) {
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		size_t k = 0, n = sizeof signs / sizeof *signs;
		while (k < n && strncmp(p, signs[k], strlen(signs[k])) != 0)
			k++;
		if (k == n) {
			print_error("non-English text at: %.60s\n", p);
			fail();
		}
		p += strlen(signs[k]);
	}
}

static int longer_first(const void *a, const void *b)
{
	size_t la = strlen(*(const char *const *)a), lb = strlen(*(const char *const *)b);
	return la < lb ? 1 : la > lb ? -1 : 0;
}

/* The data of the file that is in Vietnamese and stays so in English; the longest
 * first ("UBND thành phố Hải Phòng" before "Hải Phòng"). */
static void strip_data(char *text, const pdx_rubric *r, const unit_scored *s)
{
	const char **data = calloc(4 * s->n + 1, sizeof *data);
	assert_non_null(data);
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const pdx_assessment *a = s->res[i]->assessment;
		const char *fields[] = {a->agency_name, a->owner, a->block, a->province};
		for (size_t f = 0; f < 4; f++)
			if (fields[f])
				data[n++] = fields[f];
	}
	data[n++] = pdx_rubric_meta_get(r)->decision; /* "3560/QĐ-BVHTTDL" */
	qsort(data, n, sizeof *data, longer_first);
	for (size_t i = 0; i < n; i++)
		strip(text, data[i]);
	free(data);
}

static void test_text_en(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	char *out = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_EN));
	contains(out, "Rubric: 3560-2025 — ");
	contains(out, "NOTE: this rubric has provisional content");
	lacks(out, "LƯU Ý");
	contains(out, "Province: Hải Phòng · Governing body: Thành ủy Hải Phòng · ");
	contains(out, "Year: 2025");
	contains(out, "  Total: 84.32/100 · Level 4: Good\n");
	contains(out, "  1 Strategy");
	lacks(out, "Tổng điểm");
	strip_data(out, r, &s);
	no_vietnamese(out);
	free(out);
	unit_scored_free(&s);
}

static void test_text_vi(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	char *out = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_VI));
	contains(out, "Bộ chỉ số: 3560-2025 — ");
	contains(out, "LƯU Ý: bộ chỉ số này có nội dung TẠM THỜI, không phải");
	lacks(out, "(provisional)");
	lacks(out, "NOTE:");
	contains(out, "Tỉnh/TP: Hải Phòng · Cơ quan chủ quản: Thành ủy Hải Phòng · ");
	contains(out, "Năm: 2025");
	contains(out, "  Tổng điểm: 84.32/100 · Mức 4: Tốt\n");
	contains(out, "  1 Chiến lược");
	/* no English gloss of a label */
	lacks(out, "(total)");
	lacks(out, "(rubric)");
	free(out);
	unit_scored_free(&s);
}

/* Both, the plain format, is what the reports have always written. */
static void test_text_both_unchanged(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	char *both = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_BOTH));
	char *plain = writer_report(r, &s, PDX_FORMAT_TEXT);
	assert_string_equal(both, plain);
	contains(both, "Bộ chỉ số (rubric): 3560-2025 — ");
	contains(both, "  Tổng điểm (total): 84.32/100 · Mức 4: Tốt\n");
	contains(both, " / NOTE: this rubric");
	free(both);
	free(plain);
	unit_scored_free(&s);
}

/* Errors embedded in the report come in its language (pdx_diag_format_lang). */
static void test_text_errors_in_language(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-loi.csv");
	char *en = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_EN));
	char *vi = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_VI));
	contains(en, "  Errors (");
	contains(en, ": error ");
	lacks(en, "lỗi/error");
	contains(vi, "  Lỗi (");
	lacks(vi, "lỗi/error");
	lacks(vi, "(errors,");
	free(en);
	free(vi);
	unit_scored_free(&s);
}

static void test_html_languages(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	char *en = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_HTML, PDX_LANG_EN));
	contains(en, "<html lang=\"en\">");
	contains(en, "Press digital transformation maturity: results per agency");
	contains(en, "<dt>Total</dt>");
	contains(en, "Points per pillar");
	contains(en, "<th scope=\"col\">Criterion</th>");
	lacks(en, "KẾT QUẢ");
	lacks(en, "Tổng điểm");
	lacks(en, "LƯU Ý");
	char *vi = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_HTML, PDX_LANG_VI));
	contains(vi, "<html lang=\"vi\">");
	contains(vi, "<h1>KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ TRƯỞNG THÀNH CHUYỂN ĐỔI SỐ BÁO CHÍ</h1>");
	contains(vi, "<dt>Tổng điểm</dt>");
	contains(vi, "Điểm theo trụ cột");
	lacks(vi, "(total)");
	lacks(vi, "points per pillar");
	lacks(vi, "NOTE:");
	char *both = writer_report(r, &s, PDX_FORMAT_LANG(PDX_FORMAT_HTML, PDX_LANG_BOTH));
	char *plain = writer_report(r, &s, PDX_FORMAT_HTML);
	assert_string_equal(both, plain);
	contains(both, "<dt>Tổng điểm (total)</dt>");
	free(en);
	free(vi);
	free(both);
	free(plain);
	unit_scored_free(&s);
}

/* One member of a workbook (a zip archive in memory), NUL-terminated, malloc'd. */
static char *workbook_part(const char *xlsx, size_t len, const char *name)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(xlsx, len, 0, &ze);
	assert_non_null(src);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(z);
	zip_stat_t st;
	assert_int_equal(zip_stat(z, name, 0, &st), 0);
	char *out = calloc(1, (size_t)st.size + 1);
	assert_non_null(out);
	zip_file_t *f = zip_fopen(z, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, out, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	zip_close(z);
	zip_error_fini(&ze);
	return out;
}

/* The workbook's sheet names and headers: its language's (the rubric's line, the
 * notice, figure labels), keys for scripts in brackets in every language. */
static void test_xlsx_languages(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-loi.csv");
	const pdx_lang langs[] = {PDX_LANG_EN, PDX_LANG_VI};
	for (size_t l = 0; l < 2; l++) {
		pdx_buf b = {0};
		pdx_report_writer *w = NULL;
		assert_int_equal(pdx_report_writer_new(&w,
		                                       PDX_FORMAT_LANG(PDX_FORMAT_XLSX, langs[l]),
		                                       r, s.set, pdx_buf_collect, &b),
		                 0);
		for (size_t i = 0; i < s.n; i++)
			assert_int_equal(pdx_report_writer_add(w, s.res[i]), 0);
		assert_int_equal(pdx_report_writer_finish(w), 0);
		pdx_report_writer_free(w);
		char *book = workbook_part(b.data, b.len, "xl/workbook.xml");
		char *results = workbook_part(b.data, b.len, "xl/worksheets/sheet2.xml");
		char *notes = workbook_part(b.data, b.len, "xl/worksheets/sheet4.xml");
		if (langs[l] == PDX_LANG_EN) {
			contains(book, "<sheet name=\"Information\"");
			contains(book, "<sheet name=\"Results\"");
			contains(book, "<sheet name=\"Criteria\"");
			contains(book, "<sheet name=\"Notes\"");
			contains(results, "Rubric: 3560-2025 — ");
			contains(results, "NOTE: this rubric");
			contains(results, "Agency code (agency_id)");
			contains(results, ">Total<");
			contains(results, ">P1 Strategy<");
			lacks(results, "LƯU Ý");
			contains(notes, ">Kind<");
			contains(notes, ">Message<");
			contains(notes, ">error<");
			lacks(notes, "Nội dung");
		} else {
			contains(book, "<sheet name=\"Thông tin\"");
			contains(book, "<sheet name=\"Kết quả\"");
			contains(book, "<sheet name=\"Tiêu chí\"");
			contains(book, "<sheet name=\"Ghi chú\"");
			contains(results, "Bộ chỉ số: 3560-2025 — ");
			contains(results, "Mã cơ quan (agency_id)");
			contains(results, ">Tổng điểm<");
			contains(results, ">TC1 Chiến lược<");
			lacks(results, "NOTE:");
			contains(notes, ">Loại<");
			contains(notes, ">Nội dung<");
			contains(notes, ">lỗi<");
			/* one language, one message column */
			lacks(notes, ">Message<");
		}
		free(book);
		free(results);
		free(notes);
		pdx_buf_free(&b);
	}
	unit_scored_free(&s);
}

/* JSON keys and CSV column names never change; JSON is the same in every language. */
static void test_machine_formats_unchanged(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-loi.csv");
	const pdx_format plain[] = {PDX_FORMAT_JSON, PDX_FORMAT_CSV};
	for (size_t f = 0; f < 2; f++) {
		char *base = writer_report(r, &s, plain[f]);
		for (pdx_lang l = PDX_LANG_VI; l <= PDX_LANG_EN; l++) {
			char *other = writer_report(r, &s, PDX_FORMAT_LANG(plain[f], l));
			assert_string_equal(base, other);
			free(other);
		}
		free(base);
	}
	unit_scored_free(&s);
}

static void test_rank_text_languages(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_BLOCK), 0);
	char *en, *vi, *both, *plain;
	size_t len;
	assert_int_equal(
	    pdx_report_rank(&en, &len, r, rk, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_EN)), 0);
	assert_int_equal(
	    pdx_report_rank(&vi, &len, r, rk, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_VI)), 0);
	assert_int_equal(
	    pdx_report_rank(&both, &len, r, rk, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_BOTH)),
	    0);
	assert_int_equal(pdx_report_rank(&plain, &len, r, rk, PDX_FORMAT_TEXT), 0);
	contains(en, "Ranking within each block\n");
	contains(en, "Block: Báo địa phương — ");
	contains(en, "  Rank  Code");
	/* a heading wider than its numbers widens the column: names 26 wide (HP02's), then
	 * "Total points" (12), the total right-aligned under it, the level after */
	contains(en,
	         "  Rank  Code  Name" /* 22 + 2 */ "                        Total points  Level");
	contains(
	    en,
	    "     1  HP01  Báo Cảng Xanh (mẫu)" /* 7 + 2 + 7 */ "                84.32  4 Good");
	contains(en, "P1…P5: pillar scores: P1 Strategy");
	contains(vi, "Xếp hạng theo khối\n");
	contains(vi, "Khối: Báo địa phương — ");
	contains(vi, "  Hạng  Mã");
	contains(vi, "TC1…TC5: điểm trụ cột: TC1 Chiến lược");
	assert_string_equal(both, plain);
	contains(both, "Xếp hạng theo khối (ranking within block)");
	strip_data(en, r, &s);
	no_vietnamese(en);
	free(en);
	free(vi);
	free(both);
	free(plain);
	pdx_ranking_free(rk);
	unit_scored_free(&s);
}

/* English counts agree with their number ("1 agency", "2 agencies"); Vietnamese has one
 * form. The magazines and broadcaster file holds one agency per block (HP03 Đài PT-TH,
 * HP04 Tạp chí, HP05 Tạp chí khoa học). */
static void test_rank_counts_in_english(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv");
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_BLOCK), 0);
	char *en, *vi;
	size_t len;
	assert_int_equal(
	    pdx_report_rank(&en, &len, r, rk, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_EN)), 0);
	assert_int_equal(
	    pdx_report_rank(&vi, &len, r, rk, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, PDX_LANG_VI)), 0);
	contains(en, "Block: Đài PT-TH — 1 agency\n");
	assert_null(strstr(en, "1 agencies"));
	contains(vi, "Khối: Đài PT-TH — 1 cơ quan\n");
	free(en);
	free(vi);
	pdx_ranking_free(rk);
	unit_scored_free(&s);
}

/* A language the library does not know is a bad argument, as a bad format is. */
static void test_bad_language(void **state)
{
	const pdx_rubric *r = *state;
	unit_scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	pdx_buf b = {0};
	pdx_report_writer *w = NULL;
	assert_int_equal(pdx_report_writer_new(&w, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, 3), r, s.set,
	                                       pdx_buf_collect, &b),
	                 PDX_EARG);
	assert_null(w);
	assert_int_equal(pdx_report_writer_new(&w, (pdx_format)9, r, s.set, pdx_buf_collect, &b),
	                 PDX_EARG);
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_NONE), 0);
	char *out = NULL;
	size_t len;
	assert_int_equal(pdx_report_rank(&out, &len, r, rk, PDX_FORMAT_LANG(PDX_FORMAT_HTML, 7)),
	                 PDX_EARG);
	assert_null(out);
	assert_int_equal(pdx_report_rank(&out, &len, r, rk, PDX_FORMAT_LANG(PDX_FORMAT_TEXT, 3)),
	                 PDX_EARG);
	pdx_ranking_free(rk);
	pdx_buf_free(&b);
	unit_scored_free(&s);
}

/* The catalogue compiled into the library: a label and its Vietnamese. */
static void test_catalogue(void **state)
{
	(void)state;
	assert_string_equal(pdx_tr("Total"), "Tổng điểm");
	assert_string_equal(pdx_label(PDX_LANG_EN, "Total", "Tổng điểm (total)"), "Total");
	assert_string_equal(pdx_label(PDX_LANG_VI, "Total", "Tổng điểm (total)"), "Tổng điểm");
	assert_string_equal(pdx_label(PDX_LANG_BOTH, "Total", "Tổng điểm (total)"),
	                    "Tổng điểm (total)");
	assert_string_equal(pdx_label(PDX_LANG_BOTH, "Code", NULL), "Mã");
	/* a format with a line break, as the catalogue's C table spells it */
	assert_string_equal(pdx_tr("  Target %d: %s%%\n"), "  Mục tiêu %d: %s%%\n");
	/* a text the catalogue does not have is given back as it is */
	assert_string_equal(pdx_tr("no such message"), "no such message");
	pdx_format f = PDX_FORMAT_LANG(PDX_FORMAT_XLSX, PDX_LANG_EN);
	assert_int_equal(pdx_format_plain(f), PDX_FORMAT_XLSX);
	assert_int_equal(pdx_format_lang_of(f), PDX_LANG_EN);
	assert_int_equal(pdx_format_lang_of(PDX_FORMAT_CSV), PDX_LANG_BOTH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalogue),
	    cmocka_unit_test(test_text_en),
	    cmocka_unit_test(test_text_vi),
	    cmocka_unit_test(test_text_both_unchanged),
	    cmocka_unit_test(test_text_errors_in_language),
	    cmocka_unit_test(test_html_languages),
	    cmocka_unit_test(test_xlsx_languages),
	    cmocka_unit_test(test_machine_formats_unchanged),
	    cmocka_unit_test(test_rank_text_languages),
	    cmocka_unit_test(test_rank_counts_in_english),
	    cmocka_unit_test(test_bad_language),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
