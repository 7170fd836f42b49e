/* SPDX-License-Identifier: MIT */
/* Unit tests of the serialisers (engine/report_*.c, engine/template.c): spreadsheet-safe
 * CSV cells, the CSV and JSON reports of the Hải Phòng examples (numbers from
 * examples/EXPECTED.md), the text report, and the questionnaire template read back. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static int setup(void **state)
{
	/* the examples and test data are of 2024 and 2025: scored with the 2025 edition,
	 * whose bands (50/65/80/90) and criteria (951's, with 4.2.3's third point moved to
	 * 4.2.6) keep the totals worked out for them */
	*state = unit_load_rubric("3560-2025.xml");
	return 0;
}

static int teardown(void **state)
{
	pdx_rubric_free(*state);
	return 0;
}

typedef struct scored {
	pdx_answers *set;
	pdx_result **res;
	size_t n;
} scored;

static scored score_file(const pdx_rubric *r, const char *path)
{
	scored s;
	pdx_diags *d = pdx_diags_new();
	s.set = pdx_answers_new(NULL);
	assert_int_equal(pdx_answers_read_file(s.set, path, NULL, d), 0);
	assert_int_equal(pdx_score_all(&s.res, &s.n, r, s.set, NULL), 0);
	pdx_diags_free(d);
	return s;
}

static void scored_free(scored *s)
{
	pdx_results_free(s->res, s->n);
	pdx_answers_free(s->set);
}

/* ---- pdx_csv_cell ---- */

static void check_cell(const char *in, const char *want)
{
	char *c = pdx_csv_cell(in);
	assert_non_null(c);
	if (strcmp(c, want) != 0)
		print_error("cell \"%s\" → [%s], expected [%s]\n", in ? in : "(null)", c, want);
	assert_string_equal(c, want);
	free(c);
}

static void test_csv_cell(void **state)
{
	(void)state;
	/* formula starts get an apostrophe (and quotes, so the cell stays one cell) */
	check_cell("=1+1", "\"'=1+1\"");
	check_cell("+x", "\"'+x\"");
	check_cell("-3", "\"'-3\"");
	check_cell("@a", "\"'@a\"");
	check_cell("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
	check_cell("\tx", "\"'\tx\"");
	/* quoting */
	check_cell("a,b", "\"a,b\"");
	check_cell("a\"b", "\"a\"\"b\"");
	check_cell("a;b", "\"a;b\"");
	check_cell("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"");
	/* nothing to do */
	check_cell(NULL, "");
	check_cell("", "");
	check_cell("abc", "abc");
	check_cell("84.32", "84.32");
	check_cell("Báo Cảng Xanh (mẫu)", "Báo Cảng Xanh (mẫu)");
	check_cell("a=b", "a=b"); /* only a leading = is a formula */
}

/* ---- CSV report ---- */

static void test_report_csv(void **state)
{
	const pdx_rubric *r = *state;
	scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(pdx_report_csv(&out, &len, r, s.res, s.n), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	/* header, then one row per agency; totals and pillars of examples/EXPECTED.md:
	 * HP01 14.60 + 21 + 18.72 + 17 + 13 = 84.32 (4 Tốt),
	 * HP02 10.65 + 15 + 12.85 + 11 + 8 = 57.50 (2 Trung bình) */
	static const char want[] =
	    "agency_id,agency_name,province,owner,block,year,total,level,level_name,"
	    "pillar_1,pillar_2,pillar_3,pillar_4,pillar_5,errors\r\n"
	    "HP01,Báo Cảng Xanh (mẫu),Hải Phòng,Thành ủy Hải Phòng,Báo địa phương,2025,"
	    "84.32,4,Tốt,14.60,21.00,18.72,17.00,13.00,0\r\n"
	    "HP02,Báo điện tử Phố Biển (mẫu),Hải Phòng,UBND thành phố Hải Phòng,"
	    "Báo địa phương,2025,57.50,2,Trung bình,10.65,15.00,12.85,11.00,8.00,0\r\n";
	assert_string_equal(out, want);
	free(out);
	scored_free(&s);
}

static void test_report_csv_errors_column(void **state)
{
	const pdx_rubric *r = *state;
	scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-loi.csv");
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(pdx_report_csv(&out, &len, r, s.res, s.n), 0);
	/* HP06: 54.40 (4.2.4 answered twice differently scores 0: 56.40 − 2), level 2, six
	 * rows reported */
	assert_non_null(strstr(out, ",2025,54.40,2,Trung bình,14.40,14.00,8.00,11.00,7.00,6\r\n"));
	free(out);
	scored_free(&s);
}

static void test_report_csv_neutralises_cells(void **state)
{
	const pdx_rubric *r = *state;
	pdx_answers *set = pdx_answers_new(NULL);
	static const char csv[] = "agency_id,agency_name,criterion,answer\n"
	                          "=cmd,\"@SUM(A1)\",1.1.1,có\n";
	assert_int_equal(pdx_answers_read_memory(set, csv, sizeof csv - 1, "x.csv", NULL, NULL), 0);
	pdx_result **res;
	size_t n;
	assert_int_equal(pdx_score_all(&res, &n, r, set, NULL), 0);
	char *out;
	size_t len;
	assert_int_equal(pdx_report_csv(&out, &len, r, res, n), 0);
	/* the row starts with the neutralised id; the name too; no year: empty cell */
	assert_non_null(strstr(out, "\r\n\"'=cmd\",\"'@SUM(A1)\",,,,,3.00,1,Yếu,"));
	free(out);
	pdx_results_free(res, n);
	pdx_answers_free(set);
}

/* ---- pdx_report_writer: one agency at a time ---- */

typedef struct sink {
	pdx_buf all;
	size_t calls, largest;
	size_t fail_at; /* the call (1-based) that fails with PDX_EIO; 0: none */
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
	sink *k = ctx;
	assert_true(len > 0);
	k->calls++;
	if (len > k->largest)
		k->largest = len;
	if (k->fail_at && k->calls >= k->fail_at)
		return PDX_EIO;
	pdx_buf_append(&k->all, data, len);
	return 0;
}

/* Scores every assessment of `set` one at a time into a writer, freeing each result
 * at once, as `pressdx score` does. Returns the first non-zero code. */
static int stream(pdx_format fmt, const pdx_rubric *r, const pdx_answers *set, bool totals_only,
                  sink *k)
{
	pdx_report_writer *w;
	int rc = pdx_report_writer_new(&w, fmt, r, set, sink_write, k);
	if (rc)
		return rc;
	pdx_score_options so = {.totals_only = totals_only};
	for (size_t i = 0; !rc && i < pdx_answers_count(set); i++) {
		pdx_result *res;
		assert_int_equal(pdx_score_assessment(&res, r, pdx_answers_get(set, i), &so), 0);
		rc = pdx_report_writer_add(w, res);
		pdx_result_free(res);
	}
	if (!rc)
		rc = pdx_report_writer_finish(w);
	pdx_report_writer_free(w);
	pdx_buf_putc(&k->all, '\0');
	return rc;
}

static void test_writer_csv_totals_only(void **state)
{
	const pdx_rubric *r = *state;
	scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	sink k = {0};
	assert_int_equal(stream(PDX_FORMAT_CSV, r, s.set, true, &k), 0);
	/* the table of test_report_csv, from results that keep totals only */
	static const char want[] =
	    "agency_id,agency_name,province,owner,block,year,total,level,level_name,"
	    "pillar_1,pillar_2,pillar_3,pillar_4,pillar_5,errors\r\n"
	    "HP01,Báo Cảng Xanh (mẫu),Hải Phòng,Thành ủy Hải Phòng,Báo địa phương,2025,"
	    "84.32,4,Tốt,14.60,21.00,18.72,17.00,13.00,0\r\n"
	    "HP02,Báo điện tử Phố Biển (mẫu),Hải Phòng,UBND thành phố Hải Phòng,"
	    "Báo địa phương,2025,57.50,2,Trung bình,10.65,15.00,12.85,11.00,8.00,0\r\n";
	assert_string_equal(k.all.data, want);
	assert_int_equal(k.calls, 1); /* small: one chunk, at the end */
	pdx_buf_free(&k.all);
	scored_free(&s);
}

/* 3,000 agencies A0000…A2999, each answering only 1.1.1 "có" with evidence. */
static pdx_answers *many_agencies(void)
{
	pdx_buf csv = {0};
	pdx_buf_puts(&csv, "agency_id,year,criterion,answer,evidence\n");
	for (int i = 0; i < 3000; i++)
		pdx_buf_printf(&csv, "A%04d,2025,1.1.1,có,mc.pdf\n", i);
	pdx_answers *set = pdx_answers_new(NULL);
	assert_non_null(set);
	assert_int_equal(pdx_answers_read_memory(set, csv.data, csv.len, "x.csv", NULL, NULL), 0);
	pdx_buf_free(&csv);
	return set;
}

/* 3,000 agencies, each answering only 1.1.1 "có" (yesno, 3 points, pillar 1): every
 * row is "Annnn,,,,,2025,3.00,1,Yếu,3.00,0.00,0.00,0.00,0.00,0" (level 1 from 0). */
static void test_writer_chunks(void **state)
{
	const pdx_rubric *r = *state;
	pdx_answers *set = many_agencies();
	sink k = {0};
	assert_int_equal(stream(PDX_FORMAT_CSV, r, set, true, &k), 0);
	/* about 60 bytes a row: 180 KB in several chunks, none much over 64 KiB */
	assert_true(k.calls >= 2);
	assert_true(k.largest < 64 * 1024 + 4096);
	const char *p = strstr(k.all.data, "\r\n") + 2;
	for (int i = 0; i < 3000; i++) {
		char row[96];
		snprintf(row, sizeof row,
		         "A%04d,,,,,2025,3.00,1,Yếu,3.00,0.00,0.00,0.00,0.00,0\r\n", i);
		assert_memory_equal(p, row, strlen(row));
		p += strlen(row);
	}
	assert_int_equal(*p, '\0');
	pdx_buf_free(&k.all);
	pdx_answers_free(set);
}

static void test_writer_write_error_sticks(void **state)
{
	const pdx_rubric *r = *state;
	pdx_answers *set = many_agencies();
	/* the first write fails: the writer stops there and says so from then on */
	sink k = {.fail_at = 1};
	assert_int_equal(stream(PDX_FORMAT_CSV, r, set, true, &k), PDX_EIO);
	assert_int_equal(k.calls, 1);
	pdx_report_writer *w;
	sink k2 = {.fail_at = 1};
	assert_int_equal(pdx_report_writer_new(&w, PDX_FORMAT_TEXT, r, set, sink_write, &k2), 0);
	assert_int_equal(k2.calls, 0); /* nothing before the first add or finish */
	assert_int_equal(pdx_report_writer_finish(w), PDX_EIO);
	assert_int_equal(pdx_report_writer_finish(w), PDX_EIO);
	assert_int_equal(k2.calls, 1);
	pdx_report_writer_free(w);
	pdx_buf_free(&k.all);
	pdx_buf_free(&k2.all);
	pdx_answers_free(set);
}

static void test_writer_json(void **state)
{
	const pdx_rubric *r = *state;
	scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	/* the JSON report needs every criterion */
	sink k = {0};
	assert_int_equal(stream(PDX_FORMAT_JSON, r, s.set, true, &k), PDX_EINVALID);
	pdx_buf_free(&k.all);
	sink j = {0};
	assert_int_equal(stream(PDX_FORMAT_JSON, r, s.set, false, &j), 0);
	json_object *root = json_tokener_parse(j.all.data);
	assert_non_null(root);
	json_object *ag, *files, *v;
	assert_true(json_object_object_get_ex(root, "agencies", &ag));
	assert_int_equal(json_object_array_length(ag), 2);
	assert_true(json_object_object_get_ex(json_object_array_get_idx(ag, 0), "total", &v));
	assert_string_equal(json_object_get_string(v), "84.32");
	assert_true(json_object_object_get_ex(json_object_array_get_idx(ag, 1), "total", &v));
	assert_string_equal(json_object_get_string(v), "57.5");
	assert_true(json_object_object_get_ex(root, "files", &files));
	assert_int_equal(json_object_array_length(files), 1);
	json_object_put(root);
	/* the files come from the set, the agencies one by one: the same bytes as the
	 * whole document built from the results */
	char *whole;
	size_t len;
	assert_int_equal(pdx_report_json(&whole, &len, r, s.res, s.n), 0);
	assert_string_equal(j.all.data, whole);
	free(whole);
	pdx_buf_free(&j.all);
	scored_free(&s);
}

static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;
	if (!json_object_object_get_ex(o, key, &v))
		print_error("no key \"%s\"\n", key);
	assert_true(json_object_object_get_ex(o, key, &v));
	return v;
}

/* Several editions in one report: the minimal test rubric (pillars 1 and 2) first,
 * then 3560-2025 (pillars 1-5). M1 answers the minimal rubric's 1.1.1 (yes/no, 4
 * points, pillar 1): 4.00, below Tốt's 5, so 1 Yếu; HP01 2025 is examples/EXPECTED.md's
 * 84.32 4 Tốt. A result of a third edition is refused. */
static void test_writer_editions(void **state)
{
	const pdx_rubric *r25 = *state;
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *mini = NULL, *r23 = unit_load_951();
	assert_int_equal(pdx_rubric_load_file(&mini, TEST_DATA_DIR "/rubrics/good-minimal.xml", d),
	                 0);
	unit_scored m = unit_score(mini, NULL,
	                           "agency_id,year,criterion,answer,evidence\n"
	                           "M1,2023,1.1.1,có,mc.pdf\n",
	                           NULL);
	scored h = score_file(r25, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	const pdx_rubric *ed[] = {mini, r25};
	static const char want_csv[] =
	    "agency_id,agency_name,province,owner,block,year,total,level,level_name,"
	    "pillar_1,pillar_2,pillar_3,pillar_4,pillar_5,errors,rubric_id\r\n"
	    "M1,,,,,2023,4.00,1,Yếu,4.00,0.00,,,,0,test-minimal\r\n"
	    "HP01,Báo Cảng Xanh (mẫu),Hải Phòng,Thành ủy Hải Phòng,Báo địa phương,2025,"
	    "84.32,4,Tốt,14.60,21.00,18.72,17.00,13.00,0,3560-2025\r\n";
	for (int f = 0; f < 3; f++) {
		pdx_format fmt = f == 0   ? PDX_FORMAT_CSV
		                 : f == 1 ? PDX_FORMAT_JSON
		                          : PDX_FORMAT_TEXT;
		pdx_report_writer *w;
		sink k = {0};
		assert_int_equal(
		    pdx_report_writer_new_editions(&w, fmt, ed, 2, NULL, sink_write, &k), 0);
		assert_int_equal(pdx_report_writer_add(w, m.res[0]), 0);
		assert_int_equal(pdx_report_writer_add(w, h.res[0]), 0);
		assert_int_equal(pdx_report_writer_finish(w), 0);
		pdx_report_writer_free(w);
		pdx_buf_putc(&k.all, '\0');
		if (fmt == PDX_FORMAT_CSV) {
			assert_string_equal(k.all.data, want_csv);
		} else if (fmt == PDX_FORMAT_JSON) {
			json_object *root = json_tokener_parse(k.all.data), *v;
			assert_non_null(root);
			assert_false(json_object_object_get_ex(root, "rubric", &v));
			json_object *rubrics = get(root, "rubrics"), *ag = get(root, "agencies");
			assert_int_equal(json_object_array_length(rubrics), 2);
			assert_string_equal(json_object_get_string(
			                        get(json_object_array_get_idx(rubrics, 0), "id")),
			                    "test-minimal");
			assert_string_equal(json_object_get_string(
			                        get(json_object_array_get_idx(rubrics, 1), "id")),
			                    "3560-2025");
			assert_string_equal(json_object_get_string(
			                        get(json_object_array_get_idx(ag, 0), "rubric_id")),
			                    "test-minimal");
			assert_int_equal(json_object_array_length(
			                     get(json_object_array_get_idx(ag, 0), "pillars")),
			                 2);
			assert_string_equal(json_object_get_string(
			                        get(json_object_array_get_idx(ag, 1), "rubric_id")),
			                    "3560-2025");
			json_object_put(root);
		} else {
			/* both editions in the head, each agency naming its own */
			assert_non_null(strstr(k.all.data, "Bộ chỉ số (rubric): test-minimal"));
			assert_non_null(strstr(k.all.data, "Bộ chỉ số (rubric): 3560-2025 — "));
			assert_non_null(strstr(k.all.data, "  Bộ chỉ số (rubric): 3560-2025\n"
			                                   "  Tổng điểm (total): 84.32/100"));
			assert_non_null(strstr(k.all.data,
			                       "  Bộ chỉ số (rubric): test-minimal\n"
			                       "  Tổng điểm (total): 4.00/10 · Mức 1: Yếu"));
		}
		pdx_buf_free(&k.all);
	}
	/* a result of an edition the writer was not given */
	scored o = score_file(r23, EXAMPLES_DIR "/hai-phong-2023.csv");
	pdx_report_writer *w;
	sink k = {0};
	assert_int_equal(
	    pdx_report_writer_new_editions(&w, PDX_FORMAT_CSV, ed, 2, NULL, sink_write, &k), 0);
	assert_int_equal(pdx_report_writer_add(w, o.res[0]), PDX_EINVALID);
	pdx_report_writer_free(w);
	pdx_buf_free(&k.all);
	assert_int_equal(
	    pdx_report_writer_new_editions(&w, PDX_FORMAT_CSV, ed, 0, NULL, sink_write, &k),
	    PDX_EINVALID);
	assert_null(w);
	scored_free(&o);
	scored_free(&h);
	unit_scored_free(&m);
	pdx_rubric_free(mini);
	pdx_rubric_free(r23);
	pdx_diags_free(d);
}

static void test_writer_no_agency(void **state)
{
	const pdx_rubric *r = *state;
	pdx_answers *set = pdx_answers_new(NULL);
	sink t = {0}, j = {0};
	assert_int_equal(stream(PDX_FORMAT_TEXT, r, set, false, &t), 0);
	assert_non_null(strstr(t.all.data, "Không có cơ quan nào trong dữ liệu."));
	assert_int_equal(stream(PDX_FORMAT_JSON, r, set, false, &j), 0);
	json_object *root = json_tokener_parse(j.all.data), *ag;
	assert_non_null(root);
	assert_true(json_object_object_get_ex(root, "agencies", &ag));
	assert_int_equal(json_object_array_length(ag), 0);
	json_object_put(root);
	pdx_buf_free(&t.all);
	pdx_buf_free(&j.all);
	pdx_answers_free(set);
}

/* ---- JSON report ---- */

/* No JSON number (outside strings) has more than two decimals. */
static void check_json_numbers(const char *s)
{
	int in_str = 0;
	for (const char *p = s; *p; p++) {
		if (in_str) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == '"')
				in_str = 0;
			continue;
		}
		if (*p == '"') {
			in_str = 1;
			continue;
		}
		if (*p == '.') {
			size_t k = 0;
			while (p[1 + k] >= '0' && p[1 + k] <= '9')
				k++;
			if (k > 2)
				print_error("number with %zu decimals near: %.20s\n", k, p - 5);
			assert_true(k <= 2);
			assert_true(k >= 1);
		}
		assert_false(*p == 'e' && p > s && p[-1] >= '0' && p[-1] <= '9');
	}
}

/* Doubles from JSON text: equal within a tiny tolerance (the text is exact). */
static int near(double a, double b)
{
	double d = a - b;
	return d < 1e-9 && d > -1e-9;
}

static void test_report_json(void **state)
{
	const pdx_rubric *r = *state;
	scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(pdx_report_json(&out, &len, r, s.res, s.n), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	/* 84.32 is written from its hundredths, not through a double */
	assert_non_null(strstr(out, "84.32"));
	assert_non_null(strstr(out, "57.5"));
	check_json_numbers(out);

	json_object *root = json_tokener_parse(out);
	assert_non_null(root);
	json_object *rub = get(root, "rubric");
	assert_string_equal(json_object_get_string(get(rub, "id")), "3560-2025");
	assert_non_null(strstr(json_object_get_string(get(rub, "title")), "chuyển đổi số"));
	assert_string_equal(json_object_get_string(get(rub, "status")), "provisional");
	assert_string_equal(json_object_get_string(get(rub, "sha256")),
	                    pdx_rubric_meta_get(r)->sha256);

	json_object *ag = get(root, "agencies");
	assert_true(json_object_is_type(ag, json_type_array));
	assert_int_equal(json_object_array_length(ag), 2);
	json_object *a0 = json_object_array_get_idx(ag, 0);
	assert_string_equal(json_object_get_string(get(a0, "agency_id")), "HP01");
	json_object *total = get(a0, "total");
	assert_true(json_object_is_type(total, json_type_double));
	assert_true(near(json_object_get_double(total), 84.32));
	assert_int_equal(json_object_get_int(get(a0, "level")), 4);
	assert_string_equal(json_object_get_string(get(a0, "level_name")), "Tốt");
	assert_int_equal(json_object_get_int(get(a0, "year")), 2025);

	/* pillars "1".."5" with HP01's scores 14.60, 21, 18.72, 17, 13 and maxima */
	json_object *pl = get(a0, "pillars");
	assert_int_equal(json_object_array_length(pl), 5);
	static const char *const ids[] = {"1", "2", "3", "4", "5"};
	static const double score[] = {14.60, 21, 18.72, 17, 13};
	static const double max[] = {18, 24, 20, 23, 15};
	for (size_t i = 0; i < 5; i++) {
		json_object *p = json_object_array_get_idx(pl, i);
		assert_string_equal(json_object_get_string(get(p, "id")), ids[i]);
		assert_true(near(json_object_get_double(get(p, "score")), score[i]));
		assert_true(near(json_object_get_double(get(p, "max")), max[i]));
		assert_int_equal(json_object_array_length(get(p, "components")), 2);
	}
	/* 1.1.3 of HP01 (86,5 → 2.60) inside pillar 1, component 1.1 */
	json_object *c11 =
	    json_object_array_get_idx(get(json_object_array_get_idx(pl, 0), "components"), 0);
	assert_string_equal(json_object_get_string(get(c11, "id")), "1.1");
	assert_true(near(json_object_get_double(get(c11, "score")), 8.60));
	json_object *k3 = json_object_array_get_idx(get(c11, "criteria"), 2);
	assert_string_equal(json_object_get_string(get(k3, "id")), "1.1.3");
	assert_string_equal(json_object_get_string(get(k3, "answer")), "86,5");
	assert_true(near(json_object_get_double(get(k3, "points")), 2.60));
	assert_string_equal(json_object_get_string(get(k3, "status")), "ok");
	assert_int_equal(json_object_array_length(get(a0, "errors")), 0);
	assert_int_equal(json_object_array_length(get(a0, "unanswered")), 0);

	json_object_put(root);
	free(out);
	scored_free(&s);
}

static void test_report_json_unanswered_and_errors(void **state)
{
	const pdx_rubric *r = *state;
	scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv");
	scored e = score_file(r, EXAMPLES_DIR "/hai-phong-2025-loi.csv");
	pdx_result *both[] = {s.res[2], e.res[0]}; /* HP05, HP06 */
	char *out;
	size_t len;
	assert_int_equal(pdx_report_json(&out, &len, r, both, 2), 0);
	check_json_numbers(out);
	json_object *root = json_tokener_parse(out);
	assert_non_null(root);
	json_object *ag = get(root, "agencies");
	json_object *hp05 = json_object_array_get_idx(ag, 0);
	assert_string_equal(json_object_get_string(get(hp05, "agency_id")), "HP05");
	assert_true(near(json_object_get_double(get(hp05, "total")), 37.68));
	json_object *un = get(hp05, "unanswered");
	assert_int_equal(json_object_array_length(un), 2);
	assert_string_equal(json_object_get_string(json_object_array_get_idx(un, 0)), "4.1.2");
	assert_string_equal(json_object_get_string(json_object_array_get_idx(un, 1)), "4.1.3");
	json_object *hp06 = json_object_array_get_idx(ag, 1);
	assert_true(near(json_object_get_double(get(hp06, "total")), 54.40));
	json_object *errs = get(hp06, "errors");
	assert_int_equal(json_object_array_length(errs), 6);
	json_object *e0 = json_object_array_get_idx(errs, 0);
	assert_true(json_object_get_int(get(e0, "line")) > 1);
	assert_non_null(json_object_get_string(get(e0, "message_en")));
	json_object_put(root);
	free(out);
	scored_free(&s);
	scored_free(&e);
}

static void test_report_json_official_rubric(void **state)
{
	(void)state;
	/* good-minimal.xml with every status="provisional" made official */
	char *src = unit_slurp(TEST_DATA_DIR "/rubrics/good-minimal.xml", NULL);
	char *xml = malloc(strlen(src) + 1);
	assert_non_null(xml);
	size_t len = 0;
	for (const char *p = src; *p;) {
		if (strncmp(p, "\"provisional\"", 13) == 0) {
			memcpy(xml + len, "\"official\"", 10);
			len += 10;
			p += 13;
		} else {
			xml[len++] = *p++;
		}
	}
	xml[len] = '\0';
	free(src);
	assert_null(strstr(xml, "provisional"));
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	int rc = pdx_rubric_load_memory(&r, xml, len, "official.xml", d);
	if (rc)
		unit_dump_diags("official.xml", d);
	assert_int_equal(rc, 0);
	assert_false(pdx_rubric_meta_get(r)->provisional);
	assert_null(pdx_report_provisional_notice(r));
	char *out;
	size_t n;
	assert_int_equal(pdx_report_json(&out, &n, r, NULL, 0), 0);
	json_object *root = json_tokener_parse(out);
	assert_non_null(root);
	assert_string_equal(json_object_get_string(get(get(root, "rubric"), "status")), "official");
	assert_int_equal(json_object_array_length(get(root, "agencies")), 0);
	json_object_put(root);
	free(out);
	pdx_rubric_free(r);
	pdx_diags_free(d);
	free(xml);
}

/* ---- text report ---- */

static void test_report_text(void **state)
{
	const pdx_rubric *r = *state;
	scored s = score_file(r, EXAMPLES_DIR "/hai-phong-2025-bao.csv");
	char *out;
	size_t len;
	assert_int_equal(pdx_report_text(&out, &len, r, s.res, s.n), 0);
	assert_int_equal(strlen(out), len);
	assert_non_null(strstr(out, "HP01"));
	assert_non_null(strstr(out, "84.32"));
	assert_non_null(strstr(out, "57.50"));
	assert_non_null(strstr(out, "Tốt"));
	/* the provisional notice comes before any agency */
	const char *notice = pdx_report_provisional_notice(r);
	assert_non_null(notice);
	const char *at = strstr(out, notice);
	assert_non_null(at);
	assert_true(at < strstr(out, "HP01"));
	free(out);
	scored_free(&s);
}

/* ---- template ---- */

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (const char *p = strstr(s, "\r\n"); p; p = strstr(p + 2, "\r\n"))
		n++;
	return n;
}

static void test_template_shape(void **state)
{
	const pdx_rubric *r = *state;
	pdx_template_options o = {0};
	o.agency_id = "T1";
	o.year = 2025;
	char *out;
	size_t len;
	assert_int_equal(pdx_template_csv(&out, &len, r, &o), 0);
	assert_int_equal(strlen(out), len);
	/* a UTF-8 BOM, then the columns the answers reader looks for */
	assert_memory_equal(out, "\xef\xbb\xbf", 3);
	static const char head[] = "agency_id,agency_name,province,owner,block,media,year,"
	                           "criterion,";
	assert_memory_equal(out + 3, head, sizeof head - 1);
	/* header + the 2025 edition's 43 criteria; no cell holds a line break */
	assert_int_equal(count_lines(out), 1 + 43);
	assert_non_null(strstr(out, "\r\nT1,,,,,,2025,4.2.6,"));
	/* each criterion row starts with the prefilled identity */
	assert_non_null(strstr(out, "\r\nT1,,,,,,2025,1.1.1,"));
	assert_non_null(strstr(out, "\r\nT1,,,,,,2025,5.2.4,"));
	free(out);
}

static void test_template_read_back(void **state)
{
	const pdx_rubric *r = *state;
	pdx_template_options o = {0};
	o.agency_id = "T1";
	o.agency_name = "Báo Mẫu";
	o.year = 2025;
	char *out;
	size_t len;
	assert_int_equal(pdx_template_csv(&out, &len, r, &o), 0);
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_answers_read_memory(set, out, len, "template.csv", NULL, d), 0);
	assert_int_equal(pdx_diags_count(d), 0);
	assert_int_equal(pdx_answers_count(set), 1);
	const pdx_assessment *a = pdx_answers_get(set, 0);
	assert_string_equal(a->agency_id, "T1");
	assert_string_equal(a->agency_name, "Báo Mẫu");
	assert_int_equal(a->year, 2025);
	/* one row per criterion, in rubric order, all unanswered */
	assert_int_equal(a->n_answers, 43);
	size_t cursor = 0;
	pdx_answer row;
	for (size_t i = 0; i < 43; i++) {
		assert_true(pdx_assessment_next_answer(a, &cursor, &row));
		assert_string_equal(row.criterion, pdx_rubric_criterion(r, i)->id);
		assert_null(row.value);
		assert_int_equal(row.line, (long)i + 2);
	}
	assert_false(pdx_assessment_next_answer(a, &cursor, &row));
	assert_int_equal(pdx_diags_count(a->diags), 0);
	pdx_result *res;
	assert_int_equal(pdx_score_assessment(&res, r, a, NULL), 0);
	assert_int_equal(res->n_unanswered, 43);
	assert_int_equal(res->total, 0);
	assert_int_equal(res->level->number, 1);
	assert_int_equal(pdx_result_errors(res), 0);
	pdx_result_free(res);
	pdx_answers_free(set);
	pdx_diags_free(d);
	free(out);
}

static void test_template_without_agency(void **state)
{
	const pdx_rubric *r = *state;
	char *out;
	size_t len;
	assert_int_equal(pdx_template_csv(&out, &len, r, NULL), 0);
	assert_non_null(strstr(out, "\r\n,,,,,,,1.1.1,"));
	/* read back unfilled: no agency id, so no assessment */
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	pdx_answers_read_memory(set, out, len, "template.csv", NULL, d);
	assert_int_equal(pdx_answers_count(set), 0);
	pdx_answers_free(set);
	pdx_diags_free(d);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_csv_cell),
	    cmocka_unit_test(test_report_csv),
	    cmocka_unit_test(test_report_csv_errors_column),
	    cmocka_unit_test(test_report_csv_neutralises_cells),
	    cmocka_unit_test(test_report_json),
	    cmocka_unit_test(test_report_json_unanswered_and_errors),
	    cmocka_unit_test(test_report_json_official_rubric),
	    cmocka_unit_test(test_report_text),
	    cmocka_unit_test(test_writer_csv_totals_only),
	    cmocka_unit_test(test_writer_chunks),
	    cmocka_unit_test(test_writer_write_error_sticks),
	    cmocka_unit_test(test_writer_json),
	    cmocka_unit_test(test_writer_no_agency),
	    cmocka_unit_test(test_writer_editions),
	    cmocka_unit_test(test_template_shape),
	    cmocka_unit_test(test_template_read_back),
	    cmocka_unit_test(test_template_without_agency),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
