/* Serialisers of the publication list (publication.c): text for a printer, CSV for
 * Excel (UTF-8 BOM), JSON for scripts. The columns are the ministry's: STT, cơ quan báo
 * chí, cơ quan chủ quản, đạt mức, thuộc khối; no scores. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *name_of(const pdx_assessment *a)
{
	return a->agency_name ? a->agency_name : a->agency_id;
}

static const char *level_name(const pdx_result *res)
{
	return res->level ? res->level->name : "";
}

static int pub_json(char **out, size_t *len, const pdx_rubric *r, const pdx_publication *pub)
{
	int f = 0;
	json_object *root = json_object_new_object();
	pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	json_object *groups = json_object_new_array();
	for (size_t g = 0; g < pub->n_groups; g++) {
		const pdx_publication_group *G = &pub->groups[g];
		json_object *go = json_object_new_object(), *key = json_object_new_object();
		pdx_jstr(key, "block", G->block, &f);
		if (pub->by_year)
			pdx_jput(key, "year", pdx_jyear(G->year), &f);
		pdx_jput(go, "group", key, &f);
		json_object *ags = json_object_new_array();
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i];
			const pdx_assessment *a = res->assessment;
			json_object *o = json_object_new_object();
			pdx_jput(o, "stt", json_object_new_int64((int64_t)i + 1), &f);
			pdx_jstr(o, "agency_id", a->agency_id, &f);
			pdx_jstr(o, "agency_name", a->agency_name, &f);
			pdx_jstr(o, "owner", a->owner, &f);
			pdx_jput(o, "level",
			         json_object_new_int(res->level ? res->level->number : 0), &f);
			pdx_jstr(o, "level_name", res->level ? res->level->name : NULL, &f);
			pdx_jstr(o, "block", a->block, &f);
			pdx_jput(o, "year", pdx_jyear(a->year), &f);
			pdx_jpush(ags, o, &f);
		}
		pdx_jput(go, "agencies", ags, &f);
		pdx_jpush(groups, go, &f);
	}
	pdx_jput(root, "groups", groups, &f);
	json_object *left = json_object_new_object();
	pdx_jput(left, "with_errors", json_object_new_int64((int64_t)pub->with_errors), &f);
	pdx_jput(left, "unfilled", json_object_new_int64((int64_t)pub->unfilled), &f);
	pdx_jput(root, "left_out", left, &f);
	return pdx_json_finish(root, f, out, len);
}

static int pub_csv(char **out, size_t *len, const pdx_rubric *r, const pdx_publication *pub)
{
	pdx_buf b = {0};
	/* the status on every row, so that no copied part of the list loses it */
	const char *status = pdx_rubric_meta_get(r)->provisional ? "provisional" : "official";
	pdx_buf_puts(&b, "\xef\xbb\xbf");
	static const char *const head[] = {"stt",    "agency_name",  "owner",     "level_name",
	                                   "block",  "year",         "agency_id", "level",
	                                   "rubric", "rubric_status"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		pdx_csv_put(&b, head[i], i + 1 == sizeof head / sizeof *head);
	for (size_t g = 0; g < pub->n_groups; g++) {
		const pdx_publication_group *G = &pub->groups[g];
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i];
			const pdx_assessment *a = res->assessment;
			pdx_csv_num(&b, (long long)i + 1, 0);
			pdx_csv_put(&b, name_of(a), 0);
			pdx_csv_put(&b, a->owner, 0);
			pdx_csv_put(&b, level_name(res), 0);
			pdx_csv_put(&b, a->block, 0);
			pdx_csv_year(&b, a->year);
			pdx_csv_put(&b, a->agency_id, 0);
			pdx_csv_num(&b, res->level ? res->level->number : 0, 0);
			pdx_csv_put(&b, pdx_rubric_meta_get(r)->id, 0);
			pdx_csv_put(&b, status, 1);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

static int pub_text(char **out, size_t *len, const pdx_rubric *r, const pdx_publication *pub)
{
	pdx_buf b = {0};
	pdx_text_header(&b, r);
	pdx_buf_puts(&b, "\nDANH SÁCH CƠ QUAN BÁO CHÍ THEO MỨC ĐỘ TRƯỞNG THÀNH CHUYỂN ĐỔI SỐ\n"
	                 "(publication list: by block, by level, then by name)\n");
	for (size_t g = 0; g < pub->n_groups; g++) {
		const pdx_publication_group *G = &pub->groups[g];
		size_t wname = pdx_utf8_width("Cơ quan báo chí"),
		       wowner = pdx_utf8_width("Cơ quan chủ quản"),
		       wlev = pdx_utf8_width("Đạt mức");
		for (size_t i = 0; i < G->n; i++) {
			const pdx_assessment *a = G->items[i]->assessment;
			size_t w = pdx_safe_width(name_of(a));
			wname = w > wname ? w : wname;
			w = a->owner ? pdx_safe_width(a->owner) : 0;
			wowner = w > wowner ? w : wowner;
			w = pdx_safe_width(level_name(G->items[i]));
			wlev = w > wlev ? w : wlev;
		}
		pdx_buf_puts(&b, "\nKhối (block): ");
		pdx_buf_put_safe(&b, pdx_or_unknown(G->block));
		if (pub->by_year && G->year)
			pdx_buf_printf(&b, " · Năm %d", G->year);
		else if (pub->by_year)
			pdx_buf_puts(&b, " · Năm không rõ (year unknown)");
		pdx_buf_printf(&b, " — %zu cơ quan\n", G->n);
		pdx_buf_puts(&b, "   STT  ");
		pdx_text_padr(&b, "Cơ quan báo chí", wname);
		pdx_buf_puts(&b, "  ");
		pdx_text_padr(&b, "Cơ quan chủ quản", wowner);
		pdx_buf_puts(&b, "  ");
		pdx_text_padr(&b, "Đạt mức", wlev);
		pdx_buf_puts(&b, "  Thuộc khối\n");
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i];
			const pdx_assessment *a = res->assessment;
			pdx_buf_printf(&b, "  %4zu  ", i + 1);
			pdx_text_padr(&b, name_of(a), wname);
			pdx_buf_puts(&b, "  ");
			pdx_text_padr(&b, a->owner ? a->owner : "", wowner);
			pdx_buf_puts(&b, "  ");
			pdx_text_padr(&b, level_name(res), wlev);
			pdx_buf_puts(&b, "  ");
			pdx_buf_put_safe(&b, a->block ? a->block : "");
			pdx_buf_putc(&b, '\n');
		}
	}
	if (pub->n_groups == 0)
		pdx_buf_puts(&b,
		             "\nKhông có cơ quan nào được chấm mà không có lỗi (no agency scored "
		             "without errors).\n");
	if (pub->with_errors)
		pdx_buf_printf(
		    &b,
		    "\nKhông đưa vào danh sách %zu cơ quan có lỗi trong câu trả lời; xem "
		    "\"pressdx validate\" (%zu agencies with errors left out).\n",
		    pub->with_errors, pub->with_errors);
	if (pub->unfilled)
		pdx_buf_printf(&b,
		               "\nKhông đưa vào danh sách %zu phiếu chưa điền (%zu unfilled "
		               "questionnaires left out).\n",
		               pub->unfilled, pub->unfilled);
	return pdx_buf_finish(&b, out, len);
}

int pdx_report_publication(char **out, size_t *len, const pdx_rubric *r, const pdx_publication *pub,
                           pdx_format fmt)
{
	if (!out || !len || !r || !pub)
		return PDX_EARG;
	return fmt == PDX_FORMAT_JSON  ? pub_json(out, len, r, pub)
	       : fmt == PDX_FORMAT_CSV ? pub_csv(out, len, r, pub)
	                               : pub_text(out, len, r, pub);
}
