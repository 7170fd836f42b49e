/* SPDX-License-Identifier: MIT */
/* The questionnaire as an .xlsx workbook a person fills in Excel or LibreOffice.
 *
 * The .xlsx answer sheet is the CSV template (template.c) cell for cell: its header and
 * its cells are read back from pdx_template_csv, so the two layouts cannot drift apart
 * and a filled workbook scores exactly as a filled CSV file. It is the FIRST sheet,
 * which is the one the workbook reader takes without --sheet; the cover sheet with the
 * instructions comes second (and is the one the workbook opens on).
 * (The XLSForm is template_xlsform.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template_xlsx.h"

#define SHEET_ANSWERS "Phiếu"
#define SHEET_COVER   "Hướng dẫn"
#define SHEET_LISTS   "Lựa chọn"

/* Excel: an inline list validation ("a,b,c") holds at most 255 characters; data
 * validation titles 32, messages 255. */
#define MAX_INLINE_LIST 255

/* ---- shared pieces ------------------------------------------------------------------- */

/* "A", …, "Z", "AA", … for column index c (0-based). */
static void col_name(char *out, size_t c)
{
	char tmp[8];
	size_t k = 0;
	for (c++; c && k < sizeof tmp; c = (c - 1) / 26)
		tmp[k++] = (char)('A' + (c - 1) % 26);
	for (size_t i = 0; i < k; i++)
		out[i] = tmp[k - 1 - i];
	out[k] = '\0';
}

/* The items a drop-down offers for a choice: what the template shows a person and the
 * scorer reads back as that option (value.c, parse_choice): "key = label (Nđ)" for a
 * criterion, "key = label" for a context question. NULL-terminated, malloc'd. */
static char **option_items(const pdx_option *o, size_t n, bool points)
{
	char **items = pdx_calloc(n + 1, sizeof *items);
	if (!items)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char pts[24];
		items[i] =
		    points ? pdx_aprintf("%s = %s (%sđ)", o[i].key, o[i].label ? o[i].label : "",
		                         pdx_points_format_short(o[i].points, pts, sizeof pts))
		           : pdx_aprintf("%s = %s", o[i].key, o[i].label ? o[i].label : "");
		if (!items[i]) {
			for (size_t k = 0; k < i; k++)
				pdx_free(items[k]);
			pdx_free(items);
			return NULL;
		}
	}
	return items;
}

/* The option keys alone, for a drop-down whose full items do not fit. NULL-terminated,
 * malloc'd. */
static char **option_keys(const pdx_option *o, size_t n)
{
	char **items = pdx_calloc(n + 1, sizeof *items);
	if (!items)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!(items[i] = pdx_strdup(o[i].key ? o[i].key : ""))) {
			for (size_t k = 0; k < i; k++)
				pdx_free(items[k]);
			pdx_free(items);
			return NULL;
		}
	return items;
}

static void items_free(char **items)
{
	for (size_t i = 0; items && items[i]; i++)
		pdx_free(items[i]);
	pdx_free(items);
}

/* Whether Excel can hold the list inline: 255 characters at most with the commas
 * (bytes counted: never more than characters), and no item with a comma or a quote,
 * which the inline form cannot escape. */
static bool inline_ok(char *const *items)
{
	size_t total = 0;
	for (size_t i = 0; items[i]; i++) {
		if (strpbrk(items[i], ",\""))
			return false;
		total += strlen(items[i]) + (i ? 1 : 0);
	}
	return total <= MAX_INLINE_LIST;
}

static const char *const yesno_items[] = {"có", "không", NULL};

/* ---- .xlsx: the workbook a person fills ------------------------------------------- */

typedef struct book {
	pdx_xlsx x;
	const pdx_rubric *r;
	const pdx_template_options *o;
	lxw_worksheet *answers, *cover, *lists;
	lxw_format *head, *ro, *ro_num, *input, *follow, *free_text;
	lxw_format *title, *subtitle, *label, *value, *notice, *section, *step;
	size_t n_lists; /* columns used in the lists sheet */
	/* the cover rows of the identity cells, in pdx_field order (agency_id … year) */
	lxw_row_t id_row[PDX_FIELD_YEAR + 1];
} book;

static lxw_format *fmt(book *b, unsigned bits, lxw_color_t bg)
{
	lxw_format *f = workbook_add_format(b->x.wb);
	if (!f) {
		b->x.err = PDX_ENOMEM;
		return NULL;
	}
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (bits & 1)
		format_set_text_wrap(f);
	if (bits & 2)
		format_set_bold(f);
	if (bits & 4)
		format_set_unlocked(f);
	if (bits & 8)
		format_set_border(f, LXW_BORDER_THIN);
	if (bits & 16)
		format_set_italic(f);
	if (bg)
		format_set_bg_color(f, bg);
	return f;
}

enum { WRAP = 1, BOLD = 2, OPEN = 4, BORDER = 8, ITALIC = 16 };

#define FILL_HEAD   0xD9E2F3 /* pale blue */
#define FILL_RO     0xF2F2F2 /* grey: read-only */
#define FILL_INPUT  0xFFF2CC /* yellow: to fill */
#define FILL_FOLLOW 0xFFF9E6 /* paler: follows the cover, may be typed over */

static void make_formats(book *b)
{
	b->head = fmt(b, WRAP | BOLD | BORDER, FILL_HEAD);
	b->ro = fmt(b, WRAP | BORDER, FILL_RO);
	b->ro_num = fmt(b, BORDER, FILL_RO);
	b->input = fmt(b, WRAP | OPEN | BORDER, FILL_INPUT);
	b->follow = fmt(b, OPEN | BORDER, FILL_FOLLOW);
	b->free_text = fmt(b, WRAP | OPEN | BORDER, 0);
	b->title = fmt(b, WRAP | BOLD, 0);
	b->subtitle = fmt(b, WRAP | ITALIC, 0);
	b->label = fmt(b, WRAP | BOLD, 0);
	b->value = fmt(b, WRAP, 0);
	b->notice = fmt(b, WRAP | BOLD, 0xFCE4D6);
	b->section = fmt(b, BOLD, FILL_HEAD);
	b->step = fmt(b, WRAP, 0);
	if (b->title)
		format_set_font_size(b->title, 14);
	if (b->notice)
		format_set_font_color(b->notice, 0x9C0006);
}

/* The cover: what the questionnaire is, the identity cells, how to fill and send. */
static void write_cover(book *b)
{
	pdx_xlsx *x = &b->x;
	lxw_worksheet *ws = b->cover;
	const pdx_rubric_meta *m = pdx_rubric_meta_get(b->r);
	pdx_xlsx_check(x, worksheet_set_column(ws, 0, 0, 34, NULL));
	pdx_xlsx_check(x, worksheet_set_column(ws, 1, 1, 90, NULL));
	lxw_row_t row = 0;
	pdx_xlsx_text(x, ws, row, 0, "PHIẾU TỰ ĐÁNH GIÁ MỨC ĐỘ TRƯỞNG THÀNH CHUYỂN ĐỔI SỐ BÁO CHÍ",
	              b->title);
	pdx_xlsx_text(x, ws, row++, 1, m->title, b->title);
	pdx_xlsx_text(x, ws, row, 0, "Press digital transformation self-assessment", b->subtitle);
	pdx_xlsx_text(x, ws, row++, 1, m->title_en, b->subtitle);
	row++;
	pdx_xlsx_text(x, ws, row, 0, "Bộ chỉ số (rubric)", b->label);
	pdx_xlsx_text(x, ws, row++, 1, m->id, b->value);
	if (m->decision || m->issuer) {
		char *d =
		    pdx_aprintf("%s%s%s", m->decision ? m->decision : "",
		                m->decision && m->issuer ? " — " : "", m->issuer ? m->issuer : "");
		if (!d)
			x->err = PDX_ENOMEM;
		pdx_xlsx_text(x, ws, row, 0, "Quyết định (decision)", b->label);
		pdx_xlsx_text(x, ws, row++, 1, d, b->value);
		pdx_free(d);
	}
	char *ed = pdx_aprintf("%s%s%s; SHA-256 %.16s…", m->id, m->date ? ", ngày (date) " : "",
	                       m->date ? m->date : "", m->sha256);
	if (!ed)
		x->err = PDX_ENOMEM;
	pdx_xlsx_text(x, ws, row, 0, "Phiên bản (edition)", b->label);
	pdx_xlsx_text(x, ws, row++, 1, ed, b->value);
	pdx_free(ed);
	const char *notice = pdx_report_provisional_notice(b->r);
	if (notice) {
		pdx_xlsx_text(x, ws, row, 0, "Lưu ý (notice)", b->notice);
		pdx_xlsx_text(x, ws, row, 1, notice, b->notice);
		pdx_xlsx_check(x, worksheet_set_row(ws, row++, 32, NULL));
	}
	row++;
	pdx_xlsx_text(x, ws, row, 0, "THÔNG TIN CƠ QUAN (agency)", b->section);
	pdx_xlsx_text(x, ws, row++, 1,
	              "điền vào các ô màu vàng; trang \"" SHEET_ANSWERS "\" tự lấy theo (fill "
	              "the yellow cells; the answer sheet takes them)",
	              b->section);
	static const char *const labels[] = {
	    "Mã cơ quan (agency_id)",    "Tên cơ quan (agency_name)",
	    "Tỉnh/thành phố (province)", "Cơ quan chủ quản (owner)",
	    "Khối xếp hạng (block)",     "Loại hình, ngăn bằng | (media, e.g. in|dien-tu)",
	    "Năm đánh giá (year)"};
	for (int f = PDX_FIELD_AGENCY; f <= PDX_FIELD_YEAR; f++) {
		b->id_row[f] = row;
		pdx_xlsx_text(x, ws, row, 0, labels[f], b->label);
		if (f == PDX_FIELD_YEAR && b->o && b->o->year) {
			if (!x->err)
				pdx_xlsx_check(
				    x, worksheet_write_number(ws, row, 1, b->o->year, b->input));
		} else {
			const char *v = pdx_tpl_opt_text(b->o, (pdx_field)f);
			if (v && *v)
				pdx_xlsx_text(x, ws, row, 1, v, b->input);
			else if (!x->err)
				pdx_xlsx_check(x, worksheet_write_blank(ws, row, 1, b->input));
		}
		row++;
	}
	static const char *const how[] = {
	    "CÁCH ĐIỀN",
	    "1. Điền thông tin cơ quan vào các ô màu vàng ở trên (mã cơ quan do đơn vị tổng hợp "
	    "cấp). Mọi dòng của trang \"" SHEET_ANSWERS "\" tự lấy các thông tin này.",
	    "2. Mở trang \"" SHEET_ANSWERS "\": mỗi dòng là một tiêu chí. Đọc cột question và "
	    "allowed_answers (câu trả lời hợp lệ, kèm điểm), rồi điền cột answer (ô màu vàng): "
	    "tiêu chí có/không và tiêu chí lựa chọn — chọn trong danh sách thả xuống; tiêu chí "
	    "tỷ lệ, số, số lượng — nhập một số (ví dụ 45 hoặc 12,5; tỷ lệ từ 0 đến 100), khi "
	    "chọn ô sẽ hiện hướng dẫn.",
	    "3. Ghi minh chứng ở cột evidence (số và ngày văn bản, đường dẫn…); tiêu chí có điểm "
	    "cần có minh chứng. Cột note để ghi chú, không được chấm.",
	    "4. Các cột khác bị khóa để không sửa nhầm (khóa không có mật khẩu). Không thêm, xóa "
	    "hay đổi thứ tự cột, không đổi tên trang \"" SHEET_ANSWERS "\" và giữ nó là trang "
	    "đầu tiên.",
	    "GỬI PHIẾU",
	    "5. Lưu tệp dạng .xlsx (Excel hoặc LibreOffice) và gửi cho đơn vị tổng hợp theo hướng "
	    "dẫn của đơn vị đó. Đơn vị tổng hợp chấm thẳng tệp này: pressdx score phieu.xlsx",
	    "HOW TO FILL AND SEND",
	    "1. Fill the agency's identity in the yellow cells above (the agency id is given by "
	    "the collecting office); every row of the \"" SHEET_ANSWERS "\" sheet takes it.",
	    "2. On the \"" SHEET_ANSWERS "\" sheet each row is one criterion: read the question "
	    "and allowed_answers columns (valid answers and their points), then fill the answer "
	    "column (yellow): yes/no and choice criteria from the drop-down list; percent, "
	    "number and count criteria as a number (e.g. 45 or 12.5; a percent from 0 to 100); "
	    "selecting the cell shows how.",
	    "3. Put the evidence (document number and date, link…) in the evidence column; "
	    "points claimed need evidence. The note column is for remarks and is not scored.",
	    "4. The other columns are locked against mistakes (no password). Do not add, delete "
	    "or reorder columns; keep the \"" SHEET_ANSWERS "\" sheet first and its name as is.",
	    "5. Save as .xlsx (Excel or LibreOffice) and send it to the collecting office as it "
	    "asks; it scores the file as is: pressdx score phieu.xlsx"};
	row++;
	for (size_t i = 0; i < sizeof how / sizeof *how; i++) {
		bool head = how[i][0] != '1' && how[i][0] != '2' && how[i][0] != '3' &&
		            how[i][0] != '4' && how[i][0] != '5';
		if (head && i)
			row++;
		if (head) {
			pdx_xlsx_text(x, ws, row, 0, how[i], b->section);
			if (!x->err)
				pdx_xlsx_check(x, worksheet_write_blank(ws, row, 1, b->section));
		} else {
			/* the step spans both columns: merged, so that it wraps across them */
			if (!x->err)
				pdx_xlsx_check(
				    x, worksheet_merge_range(ws, row, 0, row, 1, "", b->step));
			pdx_xlsx_text(x, ws, row, 0, how[i], b->step);
			size_t lines = pdx_utf8_width(how[i]) / 110 + 1;
			pdx_xlsx_check(x, worksheet_set_row(ws, row, 15.0 * (double)lines, NULL));
		}
		row++;
	}
	lxw_protection p = {0};
	worksheet_protect(ws, NULL, &p);
	worksheet_activate(ws);
}

/* A column of the lists sheet holding `items`; into `ref` the range as a formula. */
static void list_range(book *b, const char *id, char *const *items, char *ref, size_t size)
{
	char c[8];
	size_t n = 0;
	col_name(c, b->n_lists);
	pdx_xlsx_text(&b->x, b->lists, 0, (lxw_col_t)b->n_lists, id, b->head);
	for (; items[n]; n++)
		pdx_xlsx_text(&b->x, b->lists, (lxw_row_t)(n + 1), (lxw_col_t)b->n_lists, items[n],
		              NULL);
	snprintf(ref, size, "='%s'!$%s$2:$%s$%zu", SHEET_LISTS, c, c, n + 1);
	b->n_lists++;
}

/* The answer cell's validation for its row: the drop-down of a yes/no or choice, the
 * range of a number. Excel shows the input message when the cell is selected. */
static void validate(book *b, lxw_row_t row, lxw_col_t col, const pdx_tpl_row_kind *k)
{
	pdx_xlsx *x = &b->x;
	lxw_data_validation v = {0};
	char **items = NULL;
	char ref[128];
	char pts[24], msg[256];
	v.show_input = LXW_VALIDATION_ON;
	v.show_error = LXW_VALIDATION_ON;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	switch (k->type) {
	case PDX_TYPE_YESNO:
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = (char **)yesno_items;
		v.input_title = "Có / không (yes / no)";
		if (k->scored)
			snprintf(msg, sizeof msg,
			         "Chọn trong danh sách: có (được %sđ) hoặc không.\nChoose from the "
			         "list: có (yes, %s points) or không (no).",
			         pdx_points_format_short(k->max, pts, sizeof pts), pts);
		else
			snprintf(msg, sizeof msg,
			         "Chọn trong danh sách: có hoặc không (không tính điểm).\nChoose "
			         "from the list: có (yes) or không (no); not scored.");
		v.input_message = msg;
		v.error_title = "Chọn có hoặc không";
		v.error_message = "Hãy chọn trong danh sách: có hoặc không.\nPlease choose from "
		                  "the list: có (yes) or không (no).";
		break;
	case PDX_TYPE_CHOICE:
		items = option_items(k->options, k->n_options, k->scored);
		if (!items) {
			x->err = PDX_ENOMEM;
			return;
		}
		if (!inline_ok(items)) {
			/* too long for Excel's inline list, or a label with a comma: the keys,
			 * which the scorer reads as well (the labels are in allowed_answers) */
			char **keys = option_keys(k->options, k->n_options);
			if (!keys) {
				items_free(items);
				x->err = PDX_ENOMEM;
				return;
			}
			items_free(items);
			items = keys;
		}
		if (inline_ok(items)) {
			v.validate = LXW_VALIDATION_TYPE_LIST;
			v.value_list = items;
		} else {
			/* the last resort, for keys that do not fit either: a range of the hidden
			 * sheet. (libxlsxwriter 1.1.4 does not free the formula's copy of a
			 * LIST_FORMULA validation: a small leak per such criterion, which is why
			 * the inline forms come first.) */
			list_range(b, k->id, items, ref, sizeof ref);
			v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
			v.value_formula = ref;
		}
		v.input_title = "Chọn một (choose one)";
		v.input_message = k->scored ? "Chọn một lựa chọn trong danh sách; điểm ghi trong "
		                              "ngoặc.\nChoose one option from the list; its "
		                              "points are in brackets."
		                            : "Chọn một lựa chọn trong danh sách (không tính "
		                              "điểm).\nChoose one option from the list (not "
		                              "scored).";
		v.error_title = "Chọn trong danh sách";
		v.error_message = "Hãy chọn một lựa chọn trong danh sách.\nPlease choose one "
		                  "option from the list.";
		break;
	case PDX_TYPE_PERCENT:
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = 0;
		v.maximum_number = 100;
		v.input_title = "Tỷ lệ % (percent)";
		v.input_message = "Nhập một số từ 0 đến 100, ví dụ 45 hoặc 12,5.\nEnter a number "
		                  "from 0 to 100, e.g. 45 or 12.5.";
		v.error_title = "Số từ 0 đến 100";
		v.error_message = "Tỷ lệ là một số từ 0 đến 100.\nA percent is a number from 0 to "
		                  "100.";
		break;
	case PDX_TYPE_NUMBER:
		/* any number, negative too (a growth rate): Excel's range, 15 digits */
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = -1e15;
		v.maximum_number = 1e15;
		v.input_title = "Số (number)";
		v.input_message = "Nhập một số, có thể âm, ví dụ 15 hoặc -3,5.\nEnter a number; "
		                  "it may be negative, e.g. 15 or -3.5.";
		v.error_title = "Nhập một số";
		v.error_message = "Hãy nhập một số, ví dụ 15 hoặc -3,5.\nPlease enter a number, "
		                  "e.g. 15 or -3.5.";
		break;
	case PDX_TYPE_COUNT:
		v.validate = LXW_VALIDATION_TYPE_INTEGER;
		v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		v.value_number = 0;
		v.input_title = "Số lượng (count)";
		v.input_message = "Nhập một số nguyên từ 0 trở lên, ví dụ 3.\nEnter a whole "
		                  "number, 0 or more, e.g. 3.";
		v.error_title = "Số nguyên từ 0";
		v.error_message = "Số lượng là một số nguyên từ 0 trở lên.\nA count is a whole "
		                  "number, 0 or more.";
		break;
	case PDX_TYPE_TEXT:
		return;
	}
	if (!x->err)
		pdx_xlsx_check(x, worksheet_data_validation_cell(b->answers, row, col, &v));
	items_free(items);
}

/* Excel does not grow a row for wrapped text written by a program: a height from the
 * longest wrapped cell, at about 1.1 characters per width unit. */
static double row_height(const pdx_tpl_table *t, size_t row, const double *width)
{
	size_t lines = 1;
	for (size_t c = 0; c < t->n_cols; c++) {
		if (width[c] < 20)
			continue;
		size_t per = (size_t)(width[c] * 1.1);
		size_t n = pdx_utf8_width(pdx_tpl_table_at(t, row, c)) / per + 1;
		if (n > lines)
			lines = n;
	}
	return 15.0 * (double)lines + 3;
}

static int identity_field(const char *name)
{
	for (int f = PDX_FIELD_AGENCY; f <= PDX_FIELD_YEAR; f++)
		if (strcmp(name, pdx_field_name((pdx_field)f)) == 0)
			return f;
	return -1;
}

static double width_of(const char *name)
{
	static const struct {
		const char *name;
		double width;
	} w[] = {{"agency_id", 11}, {"agency_name", 22}, {"province", 13},  {"owner", 18},
	         {"block", 14},     {"media", 11},       {"year", 7},       {"criterion", 9},
	         {"question", 55},  {"answer_type", 10}, {"max_points", 8}, {"allowed_answers", 42},
	         {"answer", 26},    {"evidence", 40},    {"note", 28}};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (strcmp(w[i].name, name) == 0)
			return w[i].width;
	return 14;
}

static void write_answers(book *b, const pdx_tpl_table *t)
{
	pdx_xlsx *x = &b->x;
	lxw_worksheet *ws = b->answers;
	long c_answer = pdx_tpl_table_col(t, pdx_field_name(PDX_FIELD_ANSWER));
	long c_crit = pdx_tpl_table_col(t, pdx_field_name(PDX_FIELD_CRITERION));
	long c_max = pdx_tpl_table_col(t, "max_points");
	double *width = pdx_calloc(t->n_cols, sizeof *width);
	int *idf = pdx_calloc(t->n_cols, sizeof *idf);
	if (!width || !idf || c_answer < 0 || c_crit < 0) {
		x->err = width && idf ? PDX_EARG : PDX_ENOMEM;
		goto out;
	}
	for (size_t c = 0; c < t->n_cols; c++) {
		const char *name = pdx_tpl_table_at(t, 0, c);
		width[c] = width_of(name);
		idf[c] = identity_field(name);
		pdx_xlsx_text(x, ws, 0, (lxw_col_t)c, name, b->head);
		lxw_col_t cc = (lxw_col_t)c;
		if (!x->err)
			pdx_xlsx_check(x, worksheet_set_column(ws, cc, cc, width[c], NULL));
	}
	size_t n_rows = pdx_rubric_criterion_count(b->r) + pdx_rubric_question_count(b->r);
	char year[16] = "";
	if (b->o && b->o->year)
		snprintf(year, sizeof year, "%d", b->o->year);
	for (size_t i = 1; i < t->n_rows && !x->err; i++) {
		lxw_row_t row = (lxw_row_t)i;
		for (size_t c = 0; c < t->n_cols && !x->err; c++) {
			const char *s = pdx_tpl_table_at(t, i, c);
			lxw_col_t cc = (lxw_col_t)c;
			if (idf[c] >= 0) {
				/* the cover's cell on the first row, the row above on the others:
				 * typed over on one row, the rows below follow. "&\"\"" makes it
				 * text, and an empty cell "" (not 0). The cached value is the
				 * prefilled one, for a reader that does not calculate. */
				char f[160], cn[8];
				col_name(cn, c);
				if (i == 1)
					snprintf(f, sizeof f, "='%s'!$B$%u&\"\"", SHEET_COVER,
					         (unsigned)b->id_row[idf[c]] + 1);
				else
					snprintf(f, sizeof f, "=%s%zu&\"\"", cn, i);
				const char *cached =
				    idf[c] == PDX_FIELD_YEAR
				        ? year
				        : pdx_tpl_opt_text(b->o, (pdx_field)idf[c]);
				pdx_xlsx_check(
				    x, worksheet_write_formula_str(ws, row, cc, f, b->follow,
				                                   cached ? cached : ""));
			} else if ((long)c == c_answer) {
				pdx_xlsx_check(x, worksheet_write_blank(ws, row, cc, b->input));
			} else if ((long)c == c_max && *s) {
				char *end;
				double d = strtod(s, &end);
				if (*end)
					pdx_xlsx_text(x, ws, row, cc, s, b->ro);
				else
					pdx_xlsx_check(
					    x, worksheet_write_number(ws, row, cc, d, b->ro_num));
			} else if (strcmp(pdx_tpl_table_at(t, 0, c), "evidence") == 0 ||
			           strcmp(pdx_tpl_table_at(t, 0, c), "note") == 0) {
				pdx_xlsx_check(x, worksheet_write_blank(ws, row, cc, b->free_text));
			} else {
				/* the rubric's own texts: read-only */
				if (*s)
					pdx_xlsx_text(x, ws, row, cc, s, b->ro);
				else
					pdx_xlsx_check(x,
					               worksheet_write_blank(ws, row, cc, b->ro));
			}
		}
		if (i - 1 < n_rows) {
			pdx_tpl_row_kind k = pdx_tpl_kind_of(b->r, i - 1);
			/* the template's rows are the rubric's, in order; check, never assume */
			if (strcmp(k.id, pdx_tpl_table_at(t, i, (size_t)c_crit)) != 0) {
				x->err = PDX_EARG;
				break;
			}
			validate(b, row, (lxw_col_t)c_answer, &k);
		}
		pdx_xlsx_check(x, worksheet_set_row(ws, row, row_height(t, i, width), NULL));
	}
	worksheet_freeze_panes(ws, 1, 0);
	pdx_xlsx_check(x, worksheet_set_row(ws, 0, 30, NULL));
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	pdx_xlsx_check(x, worksheet_repeat_rows(ws, 0, 0));
	/* locked cells stay selectable (to read and copy); columns and rows may be widened */
	lxw_protection p = {0};
	p.format_columns = 1;
	p.format_rows = 1;
	worksheet_protect(ws, NULL, &p);
out:
	pdx_free(width);
	pdx_free(idf);
}

static bool needs_lists(const pdx_rubric *r, size_t n_rows)
{
	for (size_t i = 0; i < n_rows; i++) {
		pdx_tpl_row_kind k = pdx_tpl_kind_of(r, i);
		if (k.type != PDX_TYPE_CHOICE)
			continue;
		char **items = option_items(k.options, k.n_options, k.scored);
		char **keys = option_keys(k.options, k.n_options);
		/* out of memory: found again later */
		bool ok = !items || !keys || inline_ok(items) || inline_ok(keys);
		items_free(items);
		items_free(keys);
		if (!ok)
			return true;
	}
	return false;
}

int pdx_template_xlsx(const pdx_rubric *r, const pdx_template_options *opts, pdx_write_fn write,
                      void *ctx)
{
	if (!r || !write)
		return PDX_EARG;
	pdx_tpl_table t;
	int rc = pdx_tpl_table_read(&t, r, opts);
	if (rc)
		return rc;
	book b = {.r = r, .o = opts};
	rc = pdx_xlsx_open(&b.x, false);
	if (rc) {
		pdx_tpl_table_free(&t);
		return rc;
	}
	size_t n_rows = pdx_rubric_criterion_count(r) + pdx_rubric_question_count(r);
	/* the order of the sheets: answers first (what the reader takes), then the cover */
	b.answers = workbook_add_worksheet(b.x.wb, SHEET_ANSWERS);
	b.cover = workbook_add_worksheet(b.x.wb, SHEET_COVER);
	if (needs_lists(r, n_rows))
		b.lists = workbook_add_worksheet(b.x.wb, SHEET_LISTS);
	if (!b.answers || !b.cover || (needs_lists(r, n_rows) && !b.lists))
		b.x.err = PDX_ENOMEM;
	if (!b.x.err)
		make_formats(&b);
	if (!b.x.err)
		write_cover(&b);
	if (!b.x.err)
		write_answers(&b, &t);
	if (b.lists && !b.x.err) {
		lxw_protection p = {0};
		worksheet_protect(b.lists, NULL, &p);
		worksheet_hide(b.lists);
	}
	pdx_tpl_table_free(&t);
	if (b.x.err) {
		rc = b.x.err;
		pdx_xlsx_discard(&b.x);
		return rc;
	}
	return pdx_xlsx_close(&b.x, write, ctx);
}
