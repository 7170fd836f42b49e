/* SPDX-License-Identifier: MIT */
/* The questionnaire as an XLSForm (https://xlsform.org) for the survey tools (Kobo,
 * ODK). It names its questions as the wide-layout reader (csv_reader.c, wide_id) reads
 * them: the identity columns by their long-layout names (pdx_field_name), a criterion
 * "1.1.1" as c1_1_1 (XLSForm names begin with a letter) and its evidence as
 * c1_1_1_evidence; the choices' names are the option keys (yes/no: co, khong), which the
 * scorer accepts as written (value.c), since Kobo exports names by default. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template_xlsx.h"

/* An XLSForm name: `prefix` and the id, with every character other than a letter, a
 * digit, '_' or '-' written as '_': "c" and "1.1.1" give c1_1_1 (what the wide reader
 * takes), "q_" and "ctx.staff" q_ctx_staff. The prefix begins with a letter, as a name
 * must. */
static void form_name(char *out, size_t size, const char *prefix, const char *id)
{
	size_t k = 0;
	for (const char *p = prefix; *p && k + 1 < size; p++)
		out[k++] = *p;
	for (const char *p = id; *p && k + 1 < size; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		          (c >= '0' && c <= '9') || c == '_' || c == '-';
		out[k++] = ok ? c : '_';
	}
	out[k] = '\0';
}

enum { S_TYPE, S_NAME, S_LABEL, S_HINT, S_REQUIRED, S_CONSTRAINT, S_CMSG, S_DEFAULT, S_N };

typedef struct form {
	pdx_xlsx x;
	lxw_worksheet *survey, *choices, *settings;
	lxw_row_t srow, crow;
	lxw_format *head;
} form;

static void survey_row(form *f, const char *const cell[S_N])
{
	f->srow++;
	for (int c = 0; c < S_N; c++)
		pdx_xlsx_text(&f->x, f->survey, f->srow, (lxw_col_t)c, cell[c], NULL);
}

static void choice_row(form *f, const char *list, const char *name, const char *label)
{
	f->crow++;
	pdx_xlsx_text(&f->x, f->choices, f->crow, 0, list, NULL);
	pdx_xlsx_text(&f->x, f->choices, f->crow, 1, name, NULL);
	pdx_xlsx_text(&f->x, f->choices, f->crow, 2, label, NULL);
}

/* One question (a criterion's or a context question's) and, for a choice, its list. */
static void form_question(form *f, const pdx_tpl_row_kind *k, const char *name, const char *label,
                          const char *hint)
{
	char type[160];
	const char *constraint = NULL, *cmsg = NULL;
	switch (k->type) {
	case PDX_TYPE_YESNO:
		snprintf(type, sizeof type, "select_one yesno");
		break;
	case PDX_TYPE_CHOICE:
		snprintf(type, sizeof type, "select_one %s_options", name);
		break;
	case PDX_TYPE_PERCENT:
		snprintf(type, sizeof type, "decimal");
		constraint = ". >= 0 and . <= 100";
		cmsg = "Tỷ lệ là một số từ 0 đến 100 (a percent is a number from 0 to 100)";
		break;
	case PDX_TYPE_NUMBER:
		snprintf(type, sizeof type, "decimal");
		break;
	case PDX_TYPE_COUNT:
		snprintf(type, sizeof type, "integer");
		constraint = ". >= 0";
		cmsg = "Số lượng là một số nguyên từ 0 trở lên (a count is a whole number, 0 or "
		       "more)";
		break;
	case PDX_TYPE_TEXT:
		snprintf(type, sizeof type, "text");
		break;
	}
	const char *cell[S_N] = {type,       name, label, hint, k->scored ? "yes" : "no",
	                         constraint, cmsg, NULL};
	survey_row(f, cell);
	if (k->type == PDX_TYPE_CHOICE) {
		char list[160];
		snprintf(list, sizeof list, "%s_options", name);
		for (size_t i = 0; i < k->n_options; i++)
			choice_row(f, list, k->options[i].key, k->options[i].label);
	}
}

static void form_criteria(form *f, const pdx_rubric *r, const pdx_tpl_table *t)
{
	long c_allowed = pdx_tpl_table_col(t, "allowed_answers");
	size_t nk = pdx_rubric_criterion_count(r);
	for (size_t p = 0; p < pdx_rubric_pillar_count(r) && !f->x.err; p++) {
		const pdx_pillar *pl = pdx_rubric_pillar(r, p);
		char gname[160], pts[24];
		form_name(gname, sizeof gname, "p", pl->id);
		char *glabel = pdx_aprintf("Trụ cột %s: %s (tối đa %sđ)", pl->id, pl->name,
		                           pdx_points_format_short(pl->max, pts, sizeof pts));
		if (!glabel) {
			f->x.err = PDX_ENOMEM;
			return;
		}
		const char *begin[S_N] = {"begin_group", gname, glabel, pl->name_en};
		survey_row(f, begin);
		pdx_free(glabel);
		for (size_t i = pl->first_criterion;
		     i < pl->first_criterion + pl->n_criteria && i < nk && !f->x.err; i++) {
			const pdx_criterion *c = pdx_rubric_criterion(r, i);
			pdx_tpl_row_kind k = pdx_tpl_kind_of(r, i);
			char name[160], ev[180];
			form_name(name, sizeof name, "c", c->id);
			snprintf(ev, sizeof ev, "%s_evidence", name);
			char *label = pdx_aprintf("%s. %s", c->id, c->name);
			/* the template's allowed answers (with the points), then the English */
			const char *allowed =
			    c_allowed >= 0 ? pdx_tpl_table_at(t, i + 1, (size_t)c_allowed) : "";
			char *hint = pdx_aprintf("%s%s%s", allowed, c->name_en ? " — " : "",
			                         c->name_en ? c->name_en : "");
			char *evl = pdx_aprintf("Minh chứng cho tiêu chí %s (evidence)", c->id);
			if (!label || !hint || !evl)
				f->x.err = PDX_ENOMEM;
			else {
				form_question(f, &k, name, label, hint);
				const char *e[S_N] = {
				    "text", ev, evl,
				    c->evidence
				        ? "Số và ngày văn bản, đường dẫn… — cần có để được "
				          "tính điểm (document number and date, link…; "
				          "expected for the points)"
				        : "Số và ngày văn bản, đường dẫn… (document number and "
				          "date, link…)",
				    "no"};
				survey_row(f, e);
			}
			pdx_free(label);
			pdx_free(hint);
			pdx_free(evl);
		}
		const char *end[S_N] = {"end_group"};
		survey_row(f, end);
	}
}

static void form_context(form *f, const pdx_rubric *r)
{
	size_t nq = pdx_rubric_question_count(r), nk = pdx_rubric_criterion_count(r);
	if (!nq)
		return;
	const char *begin[S_N] = {"begin_group", "context",
	                          "Thông tin bối cảnh, không tính điểm (context, not scored)"};
	survey_row(f, begin);
	for (size_t i = 0; i < nq && !f->x.err; i++) {
		const pdx_question *q = pdx_rubric_question(r, i);
		pdx_tpl_row_kind k = pdx_tpl_kind_of(r, nk + i);
		char name[160];
		form_name(name, sizeof name, "q_", q->id);
		char *hint = pdx_aprintf("không tính điểm (not scored)%s%s",
		                         q->name_en ? " — " : "", q->name_en ? q->name_en : "");
		if (!hint)
			f->x.err = PDX_ENOMEM;
		else
			form_question(f, &k, name, q->name, hint);
		pdx_free(hint);
	}
	const char *end[S_N] = {"end_group"};
	survey_row(f, end);
}

int pdx_template_xlsform(const pdx_rubric *r, const pdx_template_options *opts, pdx_write_fn write,
                         void *ctx)
{
	if (!r || !write)
		return PDX_EARG;
	pdx_tpl_table t;
	int rc = pdx_tpl_table_read(&t, r, opts);
	if (rc)
		return rc;
	form f = {0};
	rc = pdx_xlsx_open(&f.x, false);
	if (rc) {
		pdx_tpl_table_free(&t);
		return rc;
	}
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	f.survey = workbook_add_worksheet(f.x.wb, "survey");
	f.choices = workbook_add_worksheet(f.x.wb, "choices");
	f.settings = workbook_add_worksheet(f.x.wb, "settings");
	if (!f.survey || !f.choices || !f.settings || !(f.head = workbook_add_format(f.x.wb)))
		f.x.err = PDX_ENOMEM;
	else
		format_set_bold(f.head);
	static const char *const shead[S_N] = {
	    "type",   "name", "label", "hint", "required", "constraint", "constraint_message",
	    "default"};
	for (int c = 0; c < S_N; c++)
		pdx_xlsx_text(&f.x, f.survey, 0, (lxw_col_t)c, shead[c], f.head);
	static const char *const chead[] = {"list_name", "name", "label"};
	for (int c = 0; c < 3; c++)
		pdx_xlsx_text(&f.x, f.choices, 0, (lxw_col_t)c, chead[c], f.head);
	if (!f.x.err) {
		pdx_xlsx_check(&f.x, worksheet_set_column(f.survey, 0, 1, 24, NULL));
		pdx_xlsx_check(&f.x, worksheet_set_column(f.survey, 2, 3, 60, NULL));
		pdx_xlsx_check(&f.x, worksheet_set_column(f.survey, 4, 7, 16, NULL));
		pdx_xlsx_check(&f.x, worksheet_set_column(f.choices, 0, 2, 30, NULL));
		worksheet_freeze_panes(f.survey, 1, 0);
	}

	/* a note first: what the form is, and the provisional notice */
	const char *notice = pdx_report_provisional_notice(r);
	char *intro =
	    pdx_aprintf("%s%s%s%s%s", m->title, m->decision ? " — " : "",
	                m->decision ? m->decision : "", notice ? "\n\n" : "", notice ? notice : "");
	if (!intro)
		f.x.err = PDX_ENOMEM;
	const char *note[S_N] = {"note", "intro", intro, m->title_en};
	survey_row(&f, note);
	pdx_free(intro);

	/* the identity: the long layout's names, which the wide reader takes as they are */
	static const char *const id_label[] = {
	    "Mã cơ quan",    "Tên cơ quan", "Tỉnh/thành phố", "Cơ quan chủ quản",
	    "Khối xếp hạng", "Loại hình",   "Năm đánh giá"};
	static const char *const id_hint[] = {
	    "agency id: do đơn vị tổng hợp cấp (given by the collecting office)",
	    "agency name",
	    "province",
	    "governing body (owner)",
	    "publication block",
	    "ngăn cách bằng |, ví dụ in|dien-tu (media types, separated by |)",
	    "assessment year"};
	char year[16] = "";
	if (opts && opts->year)
		snprintf(year, sizeof year, "%d", opts->year);
	for (int i = PDX_FIELD_AGENCY; i <= PDX_FIELD_YEAR; i++) {
		bool is_year = i == PDX_FIELD_YEAR;
		const char *def = is_year ? year : pdx_tpl_opt_text(opts, (pdx_field)i);
		const char *cell[S_N] = {
		    is_year ? "integer" : "text",
		    pdx_field_name((pdx_field)i),
		    id_label[i],
		    id_hint[i],
		    i == PDX_FIELD_AGENCY || i == PDX_FIELD_NAME || is_year ? "yes" : "no",
		    is_year ? ". >= 1900 and . <= 2999" : NULL,
		    is_year ? "Năm từ 1900 đến 2999 (a year from 1900 to 2999)" : NULL,
		    def && *def ? def : NULL};
		survey_row(&f, cell);
	}
	form_criteria(&f, r, &t);
	form_context(&f, r);
	choice_row(&f, "yesno", "co", "Có");
	choice_row(&f, "yesno", "khong", "Không");

	/* settings: the form's title, id and version (the rubric's file, so that a new
	 * edition is a new version) */
	char form_id[160], version[80];
	form_name(form_id, sizeof form_id, "pressdx_", m->id);
	snprintf(version, sizeof version, "%.40s-%.12s", m->id, m->sha256);
	static const char *const sethead[] = {"form_title", "form_id", "version"};
	const char *setval[] = {m->title, form_id, version};
	for (int c = 0; c < 3; c++) {
		pdx_xlsx_text(&f.x, f.settings, 0, (lxw_col_t)c, sethead[c], f.head);
		pdx_xlsx_text(&f.x, f.settings, 1, (lxw_col_t)c, setval[c], NULL);
	}
	pdx_tpl_table_free(&t);
	if (f.x.err) {
		rc = f.x.err;
		pdx_xlsx_discard(&f.x);
		return rc;
	}
	return pdx_xlsx_close(&f.x, write, ctx);
}
