/* SPDX-License-Identifier: MIT */
/* Workbooks as answers: .xlsx (Office Open XML) and .ods (OpenDocument), read straight
 * from the ZIP file with libzip and libxml2's xmlTextReader, one part at a time and one
 * row at a time, into the CSV reader's rules (pdx_rows_*: header, long or wide layout,
 * the answer set). No maintained C reader of these formats is packaged in Debian 12
 * (freexl reads only .xls; xlsxio and OpenXLSX are not packaged): this is the small
 * part of both formats a questionnaire needs — shared and inline strings, numbers,
 * booleans, the saved values of formulas, percent and date formats, ODS's repeated rows
 * and columns.
 *
 * Cells are read as a person sees them: a number rounded to 15 significant digits (what
 * Excel shows: 0.29999999999999999 is 0.3) and written with a decimal comma (12.5 is
 * "12,5", which the one number parser reads as twelve and a half); a cell formatted as a
 * percent holding 0.8 is "80%"; a text cell "001" stays "001"; a formula without a saved
 * value, and a date in the year column, are errors of their row (csv_reader.c).
 *
 * Workbooks come from many agencies: a file is refused whole, before any of it is read,
 * when it has too many parts, a part that inflates beyond a limit or a ratio (zip
 * bombs; also checked while inflating, whatever the directory claims), a path with
 * "..", or an encrypted part; any part with a DTD or an entity reference is refused (no
 * network, no external entity is ever loaded). */
#include <errno.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "internal.h"
#include "xml.h"

/* The limits of a workbook, each documented in the README. */
#define MAX_ENTRIES      10000
#define MAX_PART         ((zip_uint64_t)256 << 20) /* inflated bytes of one part */
#define MAX_TOTAL        ((zip_uint64_t)1 << 30)   /* of all parts */
#define MAX_RATIO        200                       /* inflated ÷ compressed, parts over 1 MiB */
#define MAX_STRINGS      2000000                   /* shared strings */
#define MAX_ROWS         1048576                   /* Excel's own limits */
#define MAX_COLS         16384
#define MAX_REPEATED     10000   /* rows made by ODS's repeat of a row that holds something */
#define MAX_REPEATED_ALL 100000L /* and by all such repeats of a sheet */
#define MAX_CELL_TEXT    ((size_t)16 << 20)

enum { KIND_NUMBER = 0, KIND_PERCENT, KIND_DATE };

typedef struct wb {
	zip_t *z;
	const char *file; /* as messages name it */
	pdx_diags *diags;
	pdx_rows *rows; /* once the sheet is being read */
	bool failed;
	bool oom;
	/* shared strings: texts one after another, NUL-terminated */
	pdx_buf strings;
	size_t *offs;
	size_t n_strings, cap_strings;
	/* the number format kind of each cell style (xlsx cellXfs) */
	unsigned char *xf_kind;
	size_t n_xf;
	/* the current row */
	pdx_buf text; /* its cells' texts */
	size_t *off;  /* per column: offset in text, or SIZE_MAX when empty */
	size_t *len;  /* per column */
	unsigned char *flags;
	size_t n_cols, cap_cols;
	/* the current cell */
	pdx_buf cell;
} wb;

/* ---- errors ---- */

/* A problem of the workbook as a whole, before or while its sheet is read. */
static void fail(wb *w, long row, long col, char *vi, char *en)
{
	if (!vi || !en) {
		w->oom = true;
		pdx_free(vi);
		pdx_free(en);
		return;
	}
	if (w->rows) {
		pdx_rows_fail(w->rows, PDX_E_WORKBOOK, row, col, vi, en);
	} else {
		if (pdx_diag_addc(w->diags, PDX_E_WORKBOOK, PDX_SEV_ERROR, w->file, row, col, NULL,
		                  NULL, vi, en))
			w->oom = true;
		pdx_free(vi);
		pdx_free(en);
	}
	w->failed = true;
}

static void damaged(wb *w, const char *part, const char *why_vi, const char *why_en)
{
	fail(w, 0, 0,
	     pdx_aprintf("bảng tính hỏng hoặc không đúng định dạng (%s: %s); hãy mở và lưu lại "
	                 "bằng Excel hoặc LibreOffice",
	                 part, why_vi),
	     pdx_aprintf("damaged or malformed workbook (%s: %s); open and save it again in "
	                 "Excel or LibreOffice",
	                 part, why_en));
}

/* ---- the ZIP file ---- */

static bool unsafe_name(const char *name)
{
	if (name[0] == '/' || strchr(name, '\\'))
		return true;
	for (const char *p = name; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == name || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return true;
	return false;
}

/* Every part checked before any is read: count, names, encryption, sizes. */
static void check_zip(wb *w)
{
	zip_int64_t n = zip_get_num_entries(w->z, 0);
	if (n < 0 || n > MAX_ENTRIES) {
		fail(w, 0, 0,
		     pdx_aprintf("bảng tính có quá nhiều phần (%lld; giới hạn %d)", (long long)n,
		                 MAX_ENTRIES),
		     pdx_aprintf("the workbook has too many parts (%lld; the limit is %d)",
		                 (long long)n, MAX_ENTRIES));
		return;
	}
	zip_uint64_t total = 0;
	for (zip_int64_t i = 0; i < n && !w->failed; i++) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(w->z, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME)) {
			damaged(w, "ZIP", "mục lục không đọc được", "unreadable directory");
			return;
		}
		char *name = pdx_excerpt(st.name);
		if (!name) {
			w->oom = true;
			return;
		}
		if (unsafe_name(st.name))
			fail(w, 0, 0,
			     pdx_aprintf(
			         "bảng tính chứa đường dẫn không an toàn \"%s\"; tệp bị từ chối",
			         name),
			     pdx_aprintf("the workbook holds an unsafe path \"%s\"; file refused",
			                 name));
		else if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		         st.encryption_method != ZIP_EM_NONE)
			fail(w, 0, 0,
			     pdx_aprintf(
			         "bảng tính được mã hóa (phần \"%s\"); hãy lưu lại không đặt mật "
			         "khẩu",
			         name),
			     pdx_aprintf(
			         "the workbook is encrypted (part \"%s\"); save it again without "
			         "a password",
			         name));
		else if ((st.valid & ZIP_STAT_SIZE) &&
		         (st.size > MAX_PART || (total += st.size) > MAX_TOTAL ||
		          ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > ((zip_uint64_t)1 << 20) &&
		           st.size / (st.comp_size ? st.comp_size : 1) > MAX_RATIO)))
			fail(w, 0, 0,
			     pdx_aprintf(
			         "phần \"%s\" của bảng tính giải nén ra quá lớn (%llu byte; giới "
			         "hạn %llu MiB một phần, %llu MiB cả tệp, tỷ lệ nén %d); tệp bị "
			         "từ chối",
			         name, (unsigned long long)st.size,
			         (unsigned long long)(MAX_PART >> 20),
			         (unsigned long long)(MAX_TOTAL >> 20), MAX_RATIO),
			     pdx_aprintf(
			         "part \"%s\" of the workbook inflates too far (%llu bytes; the "
			         "limits are %llu MiB a part, %llu MiB in all, a ratio of %d); "
			         "file refused",
			         name, (unsigned long long)st.size,
			         (unsigned long long)(MAX_PART >> 20),
			         (unsigned long long)(MAX_TOTAL >> 20), MAX_RATIO));
		pdx_free(name);
	}
}

/* A part read through xmlTextReader: inflated bytes counted against the limit, whatever
 * the directory said. */
typedef struct part {
	zip_file_t *f;
	zip_uint64_t got;
	bool over, bad;
} part;

static int part_read(void *ctx, char *buf, int len)
{
	part *p = ctx;
	zip_int64_t k = zip_fread(p->f, buf, (zip_uint64_t)len);
	if (k < 0) {
		p->bad = true;
		return -1;
	}
	p->got += (zip_uint64_t)k;
	if (p->got > MAX_PART) {
		p->over = true;
		return -1;
	}
	return (int)k;
}

/* Silences libxml2's own printing: problems are ours to report. */
static void quiet(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
	(void)msg;
	(void)sev;
	(void)loc;
	*(bool *)arg = true;
}

typedef struct xml_part {
	part p;
	xmlTextReaderPtr r;
	const char *name;
	bool xml_error;
	bool oom; /* libxml2 ran out of memory answering a question (attr) */
} xml_part;

/* Opens part `name`; false (and nothing open) when it is not there. */
static bool open_part(wb *w, xml_part *x, const char *name)
{
	memset(x, 0, sizeof *x);
	x->name = name;
	zip_int64_t i = zip_name_locate(w->z, name, 0);
	if (i < 0)
		return false;
	x->p.f = zip_fopen_index(w->z, (zip_uint64_t)i, 0);
	if (!x->p.f) {
		damaged(w, name, "không mở được", "cannot be opened");
		return false;
	}
	x->r = xmlReaderForIO(part_read, NULL, &x->p, name, NULL,
	                      XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!x->r) {
		zip_fclose(x->p.f);
		x->p.f = NULL;
		w->oom = true;
		return false;
	}
	xmlTextReaderSetErrorHandler(x->r, quiet, &x->xml_error);
	return true;
}

static void close_part(wb *w, xml_part *x)
{
	if (x->oom)
		w->oom = true;
	if (x->r)
		xmlFreeTextReader(x->r);
	if (x->p.f)
		zip_fclose(x->p.f);
	x->r = NULL;
	x->p.f = NULL;
}

/* The next node: 1, 0 at the end, -1 on an error (reported). A DTD or an entity
 * reference is an error: nothing a workbook needs. */
static int next_node(wb *w, xml_part *x)
{
	if (x->oom) {
		w->oom = true;
		return -1;
	}
	int k = xmlTextReaderRead(x->r);
	if (k == 1) {
		int t = xmlTextReaderNodeType(x->r);
		if (t == XML_READER_TYPE_DOCUMENT_TYPE || t == XML_READER_TYPE_ENTITY_REFERENCE ||
		    t == XML_READER_TYPE_ENTITY) {
			fail(w, 0, 0,
			     pdx_aprintf(
			         "phần \"%s\" của bảng tính có khai báo DOCTYPE hay thực thể "
			         "(entity): không được phép; tệp bị từ chối",
			         x->name),
			     pdx_aprintf(
			         "part \"%s\" of the workbook has a DOCTYPE or an entity: not "
			         "allowed; file refused",
			         x->name));
			return -1;
		}
		return 1;
	}
	if (k == 0)
		return 0;
	if (x->p.over)
		fail(w, 0, 0,
		     pdx_aprintf(
		         "phần \"%s\" của bảng tính giải nén ra quá %llu MiB; tệp bị từ chối",
		         x->name, (unsigned long long)(MAX_PART >> 20)),
		     pdx_aprintf(
		         "part \"%s\" of the workbook inflates beyond %llu MiB; file refused",
		         x->name, (unsigned long long)(MAX_PART >> 20)));
	else
		damaged(w, x->name, x->p.bad ? "giải nén lỗi" : "XML không hợp lệ",
		        x->p.bad ? "cannot be inflated" : "not well-formed XML");
	return -1;
}

static bool is(xml_part *x, int type, const char *local)
{
	if (xmlTextReaderNodeType(x->r) != type)
		return false;
	const xmlChar *name = xmlTextReaderConstLocalName(x->r);
	return name && strcmp((const char *)name, local) == 0;
}

static bool start_of(xml_part *x, const char *local)
{
	return is(x, XML_READER_TYPE_ELEMENT, local);
}

static bool end_of(xml_part *x, const char *local)
{
	return is(x, XML_READER_TYPE_END_ELEMENT, local);
}

/* An attribute by local name, whatever its namespace (OOXML's transitional and strict
 * forms differ only there); NULL when absent. Owned by the caller (xmlFree). libxml2
 * out of memory is never taken for an absent attribute: it sets x->oom. */
static xmlChar *attr(xml_part *x, const char *local)
{
	xmlChar *v = NULL;
	int k = xmlTextReaderMoveToFirstAttribute(x->r);
	if (k < 0)
		x->oom = true;
	if (k != 1)
		return NULL;
	do {
		const xmlChar *name = xmlTextReaderConstLocalName(x->r);
		if (!name) {
			x->oom = true;
			break;
		}
		if (strcmp((const char *)name, local) == 0) {
			v = xmlTextReaderValue(x->r);
			if (!v)
				x->oom = true;
			break;
		}
	} while ((k = xmlTextReaderMoveToNextAttribute(x->r)) == 1);
	if (k < 0)
		x->oom = true;
	xmlTextReaderMoveToElement(x->r);
	return v;
}

static bool is_text(xml_part *x)
{
	int t = xmlTextReaderNodeType(x->r);
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

static void add_text(wb *w, pdx_buf *b, xml_part *x)
{
	const char *v = (const char *)xmlTextReaderConstValue(x->r);
	if (!v)
		return;
	if (b->len + strlen(v) > MAX_CELL_TEXT) {
		fail(w, 0, 0, pdx_aprintf("một ô của bảng tính dài quá 16 MiB%s", ""),
		     pdx_aprintf("a cell of the workbook is over 16 MiB%s", ""));
		return;
	}
	pdx_buf_puts(b, v);
	if (b->failed)
		w->oom = true;
}

/* ---- a cell as a person sees it ---- */

/* A number as Excel shows it: 15 significant digits, the decimal comma of Vietnamese
 * writing (which the number parser reads for what it is); `percent`: times 100, "%". */
static void put_number(pdx_buf *b, const char *v, bool percent)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x)) {
		pdx_buf_puts(b, v); /* not a number after all: as written */
		return;
	}
	if (percent)
		x *= 100;
	char t[64];
	snprintf(t, sizeof t, "%.15g", x);
	if (strcmp(t, "-0") == 0)
		strcpy(t, "0");
	for (char *p = t; *p; p++)
		if (*p == '.')
			*p = ',';
	pdx_buf_puts(b, t);
	if (percent)
		pdx_buf_putc(b, '%');
}

/* ---- the row being read ---- */

static bool row_reserve(wb *w, size_t cols)
{
	if (cols <= w->cap_cols)
		return true;
	size_t cap = w->cap_cols ? w->cap_cols : 64;
	while (cap < cols)
		cap *= 2;
	size_t *off = pdx_reallocarray(w->off, cap, sizeof *off);
	if (off)
		w->off = off;
	size_t *len = pdx_reallocarray(w->len, cap, sizeof *len);
	if (len)
		w->len = len;
	unsigned char *fl = pdx_reallocarray(w->flags, cap, 1);
	if (fl)
		w->flags = fl;
	if (!off || !len || !fl) {
		w->oom = true;
		return false;
	}
	w->cap_cols = cap;
	return true;
}

static void row_clear(wb *w)
{
	w->text.len = 0;
	w->n_cols = 0;
}

/* Cell `col` (1-based) of the row: the current cell text. */
static void row_set(wb *w, size_t col, unsigned char flag)
{
	if (col > MAX_COLS || !row_reserve(w, col))
		return;
	for (size_t i = w->n_cols; i < col; i++) {
		w->off[i] = SIZE_MAX;
		w->len[i] = 0;
		w->flags[i] = 0;
	}
	if (col > w->n_cols)
		w->n_cols = col;
	w->off[col - 1] = w->text.len;
	w->len[col - 1] = w->cell.len;
	w->flags[col - 1] = flag;
	pdx_buf_append(&w->text, w->cell.data ? w->cell.data : "", w->cell.len);
	pdx_buf_putc(&w->text, '\0');
	if (w->text.failed)
		w->oom = true;
}

static void row_emit(wb *w, long line)
{
	if (!w->n_cols || w->failed || w->oom)
		return;
	const char **cells = pdx_calloc(w->n_cols, sizeof *cells);
	if (!cells) {
		w->oom = true;
		return;
	}
	for (size_t i = 0; i < w->n_cols; i++)
		cells[i] = w->off[i] == SIZE_MAX ? NULL : w->text.data + w->off[i];
	if (pdx_rows_add(w->rows, line, cells, w->len, w->n_cols, w->flags))
		w->oom = true;
	pdx_free(cells);
	if (!pdx_rows_ok(w->rows))
		w->failed = true;
}

/* ---- .xlsx ---- */

static void read_shared_strings(wb *w, const char *name)
{
	xml_part x;
	if (!open_part(w, &x, name))
		return; /* a workbook of numbers only has none */
	bool in_si = false, in_t = false;
	int skip = 0; /* inside <rPh> (phonetic guide) text is not the cell's */
	while (!w->failed && !w->oom && next_node(w, &x) == 1) {
		bool empty = xmlTextReaderIsEmptyElement(x.r) == 1;
		if (start_of(&x, "si")) {
			in_si = true;
			w->cell.len = 0;
			if (!empty)
				continue;
		} else if (in_si && start_of(&x, "rPh") && !empty) {
			skip++;
			continue;
		} else if (in_si && end_of(&x, "rPh")) {
			skip--;
			continue;
		} else if (in_si && start_of(&x, "t") && !empty) {
			in_t = true;
			continue;
		} else if (end_of(&x, "t")) {
			in_t = false;
			continue;
		} else if (in_si && in_t && !skip && is_text(&x)) {
			add_text(w, &w->cell, &x);
			continue;
		} else if (!end_of(&x, "si")) {
			continue;
		}
		/* the end of a string (or an empty <si/>) */
		in_si = false;
		if (w->n_strings == MAX_STRINGS) {
			fail(w, 0, 0,
			     pdx_aprintf("bảng tính có quá %d chuỗi dùng chung; tệp bị từ chối",
			                 MAX_STRINGS),
			     pdx_aprintf("the workbook has over %d shared strings; file refused",
			                 MAX_STRINGS));
			break;
		}
		if (w->n_strings == w->cap_strings) {
			size_t cap = w->cap_strings ? w->cap_strings * 2 : 256;
			size_t *p = pdx_reallocarray(w->offs, cap, sizeof *p);
			if (!p) {
				w->oom = true;
				break;
			}
			w->offs = p;
			w->cap_strings = cap;
		}
		w->offs[w->n_strings++] = w->strings.len;
		pdx_buf_append(&w->strings, w->cell.data ? w->cell.data : "", w->cell.len);
		pdx_buf_putc(&w->strings, '\0');
		if (w->strings.failed)
			w->oom = true;
	}
	close_part(w, &x);
}

/* Whether an Excel number format shows a percent or a date: its code read outside
 * quoted text, escaped characters and [brackets]. */
static int code_kind(const char *code)
{
	bool date = false;
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if (*p == '%') {
			return KIND_PERCENT;
		} else if (strchr("yYdDhHsSmM", *p)) {
			date = true;
		}
	}
	return date ? KIND_DATE : KIND_NUMBER;
}

static int builtin_kind(long id)
{
	if (id == 9 || id == 10)
		return KIND_PERCENT;
	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	    (id >= 50 && id <= 58))
		return KIND_DATE;
	return KIND_NUMBER;
}

typedef struct numfmt {
	long id;
	int kind;
} numfmt;

static void read_styles(wb *w, const char *name)
{
	xml_part x;
	if (!open_part(w, &x, name))
		return;
	numfmt *fmts = NULL;
	size_t n_fmts = 0;
	bool in_xfs = false;
	while (!w->failed && !w->oom && next_node(w, &x) == 1) {
		if (start_of(&x, "numFmt")) {
			xmlChar *id = attr(&x, "numFmtId"), *code = attr(&x, "formatCode");
			if (id && code && n_fmts < 4096) {
				numfmt *p = pdx_reallocarray(fmts, n_fmts + 1, sizeof *p);
				if (p) {
					fmts = p;
					fmts[n_fmts++] =
					    (numfmt){strtol((const char *)id, NULL, 10),
					             code_kind((const char *)code)};
				} else {
					w->oom = true;
				}
			}
			xmlFree(id);
			xmlFree(code);
		} else if (start_of(&x, "cellXfs")) {
			in_xfs = xmlTextReaderIsEmptyElement(x.r) != 1;
		} else if (end_of(&x, "cellXfs")) {
			in_xfs = false;
		} else if (in_xfs && start_of(&x, "xf")) {
			if (w->n_xf >= 65536)
				continue;
			unsigned char *p = pdx_reallocarray(w->xf_kind, w->n_xf + 1, 1);
			if (!p) {
				w->oom = true;
				break;
			}
			w->xf_kind = p;
			xmlChar *id = attr(&x, "numFmtId");
			long n = id ? strtol((const char *)id, NULL, 10) : 0;
			xmlFree(id);
			int kind = builtin_kind(n);
			for (size_t i = 0; i < n_fmts; i++)
				if (fmts[i].id == n)
					kind = fmts[i].kind;
			w->xf_kind[w->n_xf++] = (unsigned char)kind;
		}
	}
	pdx_free(fmts);
	close_part(w, &x);
}

/* A cell reference's column ("D7" → 4); 0 when there is none. */
static size_t ref_col(const char *r)
{
	size_t col = 0;
	for (; *r >= 'A' && *r <= 'Z'; r++) {
		col = col * 26 + (size_t)(*r - 'A' + 1);
		if (col > MAX_COLS)
			return MAX_COLS + 1;
	}
	return col;
}

static void read_xlsx_sheet(wb *w, const char *name)
{
	xml_part x;
	if (!open_part(w, &x, name)) {
		if (!w->failed && !w->oom)
			damaged(w, name, "không có", "missing");
		return;
	}
	long line = 0;
	size_t col = 0;
	char type[16] = "";
	unsigned char kind = KIND_NUMBER;
	bool in_v = false, in_is_t = false, in_is = false, has_v = false, has_f = false;
	pdx_buf v = {0};
	while (!w->failed && !w->oom && next_node(w, &x) == 1) {
		bool empty = xmlTextReaderIsEmptyElement(x.r) == 1;
		if (start_of(&x, "row")) {
			xmlChar *r = attr(&x, "r");
			long n = r ? strtol((const char *)r, NULL, 10) : line + 1;
			xmlFree(r);
			if (n <= line || n > MAX_ROWS) {
				damaged(w, name, "số dòng không hợp lệ", "invalid row number");
				break;
			}
			line = n;
			col = 0;
			row_clear(w);
			if (empty)
				continue;
		} else if (end_of(&x, "row")) {
			row_emit(w, line);
		} else if (start_of(&x, "c")) {
			xmlChar *r = attr(&x, "r"), *t = attr(&x, "t"), *s = attr(&x, "s");
			col = r ? ref_col((const char *)r) : col + 1;
			snprintf(type, sizeof type, "%s", t ? (const char *)t : "n");
			long si = s ? strtol((const char *)s, NULL, 10) : 0;
			kind = si >= 0 && (size_t)si < w->n_xf ? w->xf_kind[si] : KIND_NUMBER;
			xmlFree(r);
			xmlFree(t);
			xmlFree(s);
			if (!col || col > MAX_COLS) {
				damaged(w, name, "ô có địa chỉ không hợp lệ",
				        "invalid cell reference");
				break;
			}
			v.len = 0;
			w->cell.len = 0;
			has_v = has_f = in_is = false;
			if (empty)
				continue;
		} else if (start_of(&x, "v")) {
			in_v = !empty;
			has_v = true;
		} else if (end_of(&x, "v")) {
			in_v = false;
		} else if (start_of(&x, "f")) {
			has_f = true;
		} else if (start_of(&x, "is")) {
			in_is = !empty;
		} else if (end_of(&x, "is")) {
			in_is = false;
		} else if (in_is && start_of(&x, "t")) {
			in_is_t = !empty;
		} else if (end_of(&x, "t")) {
			in_is_t = false;
		} else if (is_text(&x) && (in_v || in_is_t)) {
			add_text(w, in_v ? &v : &w->cell, &x);
		} else if (end_of(&x, "c")) {
			pdx_buf_putc(&v, '\0');
			v.len--;
			if (v.failed) {
				w->oom = true;
				break;
			}
			const char *vs = v.data ? v.data : "";
			unsigned char flag = PDX_ROWS_PLAIN;
			if (strcmp(type, "inlineStr") == 0) {
				/* the text is in the cell already */
			} else if (strcmp(type, "s") == 0) {
				char *end;
				unsigned long i = strtoul(vs, &end, 10);
				if (end == vs || *end || i >= w->n_strings) {
					damaged(w, name, "chuỗi dùng chung không có",
					        "missing shared string");
					break;
				}
				pdx_buf_puts(&w->cell, w->strings.data + w->offs[i]);
			} else if (strcmp(type, "b") == 0) {
				pdx_buf_puts(&w->cell, strcmp(vs, "1") == 0 ? "TRUE" : "FALSE");
			} else if (strcmp(type, "str") == 0 || strcmp(type, "e") == 0) {
				pdx_buf_append(&w->cell, vs, v.len);
			} else if (strcmp(type, "d") == 0) {
				pdx_buf_append(&w->cell, vs, v.len);
				flag = PDX_ROWS_DATE;
			} else if (!has_v || !v.len) {
				if (has_f)
					flag = PDX_ROWS_NO_VALUE;
			} else {
				put_number(&w->cell, vs, kind == KIND_PERCENT);
				if (kind == KIND_DATE)
					flag = PDX_ROWS_DATE;
			}
			if (has_f && strcmp(type, "s") != 0 && strcmp(type, "inlineStr") != 0 &&
			    !has_v)
				flag = PDX_ROWS_NO_VALUE;
			if (w->cell.failed) {
				w->oom = true;
				break;
			}
			if (w->cell.len || flag)
				row_set(w, col, flag);
		}
	}
	pdx_buf_free(&v);
	close_part(w, &x);
}

/* A part the workbook's relationships name: the one of id `rid`, or (rid NULL) the
 * first whose type ends in `type` ("/styles", "/sharedStrings"); its path in the ZIP
 * file (targets are relative to xl/, or absolute). NULL when there is none, or it is
 * unsafe (reported). */
static char *xlsx_target(wb *w, const char *rid, const char *type)
{
	xml_part x;
	if (!open_part(w, &x, "xl/_rels/workbook.xml.rels"))
		return NULL;
	char *path = NULL;
	while (!w->failed && !w->oom && !path && next_node(w, &x) == 1) {
		if (!start_of(&x, "Relationship"))
			continue;
		xmlChar *id = attr(&x, "Id"), *target = attr(&x, "Target"), *t = attr(&x, "Type");
		size_t tl = t ? strlen((const char *)t) : 0, want = type ? strlen(type) : 0;
		bool match =
		    rid ? id && strcmp((const char *)id, rid) == 0
		        : t && tl >= want && strcmp((const char *)t + tl - want, type) == 0;
		if (match && target) {
			const char *g = (const char *)target;
			path = g[0] == '/' ? pdx_strdup(g + 1) : pdx_aprintf("xl/%s", g);
			if (!path)
				w->oom = true;
		}
		xmlFree(id);
		xmlFree(target);
		xmlFree(t);
	}
	close_part(w, &x);
	if (path && unsafe_name(path)) {
		damaged(w, "xl/_rels/workbook.xml.rels", "đường dẫn không an toàn", "unsafe path");
		pdx_free(path);
		path = NULL;
	}
	return path;
}

/* The workbook's sheets (name and relationship id), the chosen one's part path. */
static char *xlsx_sheet_path(wb *w, const char *want, char **found_names, char **chosen)
{
	xml_part x;
	if (!open_part(w, &x, "xl/workbook.xml")) {
		if (!w->failed && !w->oom)
			damaged(w, "xl/workbook.xml", "không có", "missing");
		return NULL;
	}
	char *rid = NULL;
	pdx_buf names = {0};
	while (!w->failed && !w->oom && next_node(w, &x) == 1) {
		if (end_of(&x, "sheets"))
			break;
		if (!start_of(&x, "sheet"))
			continue;
		xmlChar *name = attr(&x, "name"), *id = attr(&x, "id");
		if (name && id) {
			if (names.len)
				pdx_buf_puts(&names, ", ");
			pdx_buf_puts(&names, (const char *)name);
			if (!rid && (!want || strcmp(want, (const char *)name) == 0)) {
				rid = pdx_strdup((const char *)id);
				*chosen = pdx_strdup((const char *)name);
				if (!rid || !*chosen)
					w->oom = true;
			}
		}
		xmlFree(name);
		xmlFree(id);
	}
	close_part(w, &x);
	pdx_buf_putc(&names, '\0');
	*found_names = names.failed ? NULL : names.data;
	if (names.failed)
		pdx_buf_free(&names);
	if (!rid)
		return NULL;
	/* where that sheet is */
	char *path = xlsx_target(w, rid, NULL);
	pdx_free(rid);
	if (!path && !w->failed && !w->oom)
		damaged(w, "xl/_rels/workbook.xml.rels", "không có trang tính đã chọn",
		        "the chosen sheet is not there");
	return path;
}

/* ---- .ods ---- */

/* One table:table-cell of content.xml: its text (text:p, joined by line breaks; text:s,
 * text:tab, text:line-break) or value, into w->cell; the flag; how often it repeats. */
static void read_ods(wb *w, const char *want)
{
	xml_part x;
	if (!open_part(w, &x, "content.xml")) {
		if (!w->failed && !w->oom)
			damaged(w, "content.xml", "không có", "missing");
		return;
	}
	bool in_table = false, in_cell = false, found = false;
	int depth_p = 0, n_p = 0, in_note = 0;
	long line = 0, row_repeat = 1, made = 0;
	size_t col = 0, cell_repeat = 1;
	unsigned char flag = 0;
	bool valued = false;
	while (!w->failed && !w->oom && next_node(w, &x) == 1) {
		bool empty = xmlTextReaderIsEmptyElement(x.r) == 1;
		if (!in_table) {
			if (start_of(&x, "table") && !found) {
				xmlChar *name = attr(&x, "name");
				if (!want || (name && strcmp(want, (const char *)name) == 0)) {
					found = true;
					in_table = !empty;
				}
				xmlFree(name);
			}
			continue;
		}
		if (end_of(&x, "table"))
			break;
		if (start_of(&x, "table-row")) {
			xmlChar *r = attr(&x, "number-rows-repeated");
			row_repeat = r ? strtol((const char *)r, NULL, 10) : 1;
			xmlFree(r);
			if (row_repeat < 1)
				row_repeat = 1;
			row_clear(w);
			col = 0;
			if (empty) {
				line += row_repeat;
				continue;
			}
		} else if (end_of(&x, "table-row")) {
			if (!w->n_cols) {
				line += row_repeat; /* empty rows, however many */
			} else {
				if (row_repeat > 1)
					made += row_repeat;
				if (row_repeat > MAX_REPEATED || made > MAX_REPEATED_ALL) {
					fail(w, line + 1, 0,
					     pdx_aprintf(
					         "trang tính lặp lại dòng có dữ liệu quá nhiều lần "
					         "(%ld lần một dòng, %ld lần cả trang; giới hạn "
					         "%d và %ld); tệp bị từ chối",
					         row_repeat, made, MAX_REPEATED, MAX_REPEATED_ALL),
					     pdx_aprintf(
					         "the sheet repeats rows that hold data too many "
					         "times (%ld for a row, %ld in all; the limits are "
					         "%d and %ld); file refused",
					         row_repeat, made, MAX_REPEATED, MAX_REPEATED_ALL));
					break;
				}
				for (long i = 0; i < row_repeat && !w->failed && !w->oom; i++)
					row_emit(w, ++line);
			}
			if (line > MAX_ROWS)
				line = MAX_ROWS; /* beyond it only empty rows were counted */
		} else if (start_of(&x, "table-cell") || start_of(&x, "covered-table-cell")) {
			xmlChar *r = attr(&x, "number-columns-repeated");
			xmlChar *type = attr(&x, "value-type"), *value = attr(&x, "value");
			xmlChar *b = attr(&x, "boolean-value"), *d = attr(&x, "date-value");
			xmlChar *f = attr(&x, "formula");
			cell_repeat = r ? (size_t)strtol((const char *)r, NULL, 10) : 1;
			if (cell_repeat < 1)
				cell_repeat = 1;
			w->cell.len = 0;
			flag = 0;
			valued = false;
			const char *t = type ? (const char *)type : "";
			if ((!strcmp(t, "float") || !strcmp(t, "currency") ||
			     !strcmp(t, "percentage")) &&
			    value) {
				put_number(&w->cell, (const char *)value, !strcmp(t, "percentage"));
				valued = true;
			} else if (!strcmp(t, "boolean") && b) {
				pdx_buf_puts(&w->cell,
				             !strcmp((const char *)b, "true") ? "TRUE" : "FALSE");
				valued = true;
			} else if ((!strcmp(t, "date") || !strcmp(t, "time")) && (d || value)) {
				pdx_buf_puts(&w->cell, d ? (const char *)d : (const char *)value);
				flag = PDX_ROWS_DATE;
				valued = true;
			} else if (f && !type) {
				flag = PDX_ROWS_NO_VALUE;
			}
			xmlFree(r);
			xmlFree(type);
			xmlFree(value);
			xmlFree(b);
			xmlFree(d);
			xmlFree(f);
			n_p = 0;
			in_cell = !empty;
			if (empty)
				goto cell_end;
		} else if (in_cell && start_of(&x, "annotation")) {
			in_note += !empty;
		} else if (in_cell && end_of(&x, "annotation")) {
			in_note--;
		} else if (in_note) {
			/* a comment on the cell (its own paragraphs): not the cell's value */
		} else if (in_cell && start_of(&x, "p")) {
			if (!valued && n_p++)
				pdx_buf_putc(&w->cell, '\n');
			depth_p += !empty;
		} else if (in_cell && end_of(&x, "p")) {
			depth_p--;
		} else if (in_cell && depth_p && !valued && start_of(&x, "s")) {
			xmlChar *c = attr(&x, "c");
			long n = c ? strtol((const char *)c, NULL, 10) : 1;
			xmlFree(c);
			for (long i = 0; i < n && i < 1024; i++)
				pdx_buf_putc(&w->cell, ' ');
		} else if (in_cell && depth_p && !valued && start_of(&x, "tab")) {
			pdx_buf_putc(&w->cell, '\t');
		} else if (in_cell && depth_p && !valued && start_of(&x, "line-break")) {
			pdx_buf_putc(&w->cell, '\n');
		} else if (in_cell && depth_p && !valued && is_text(&x)) {
			add_text(w, &w->cell, &x);
		} else if (end_of(&x, "table-cell") || end_of(&x, "covered-table-cell")) {
			goto cell_end;
		}
		continue;
	cell_end:
		in_cell = false;
		depth_p = in_note = 0;
		if (w->cell.failed) {
			w->oom = true;
			break;
		}
		if (w->cell.len || flag) {
			/* a value repeated across columns: only as far as a sheet reaches */
			for (size_t i = 0; i < cell_repeat && col < MAX_COLS; i++)
				row_set(w, ++col, flag);
		} else {
			col = col + cell_repeat > MAX_COLS ? MAX_COLS : col + cell_repeat;
		}
	}
	close_part(w, &x);
}

/* The name of the table a sheet of content.xml is read from: `want`, else the first;
 * NULL when there is no such table (the names seen in *found_names). */
static char *ods_sheet_name(wb *w, const char *want, char **found_names)
{
	xml_part x;
	if (!open_part(w, &x, "content.xml")) {
		if (!w->failed && !w->oom)
			damaged(w, "content.xml", "không có", "missing");
		return NULL;
	}
	pdx_buf names = {0};
	char *chosen = NULL;
	while (!w->failed && !w->oom && !chosen && next_node(w, &x) == 1) {
		if (!start_of(&x, "table"))
			continue;
		xmlChar *name = attr(&x, "name");
		const char *n = name ? (const char *)name : "";
		if (names.len)
			pdx_buf_puts(&names, ", ");
		pdx_buf_puts(&names, n);
		if (!want || strcmp(want, n) == 0) {
			chosen = pdx_strdup(n);
			if (!chosen)
				w->oom = true;
		}
		xmlFree(name);
		/* a table is skipped whole, not read node by node */
		if (!chosen && xmlTextReaderIsEmptyElement(x.r) != 1 && xmlTextReaderNext(x.r) < 0)
			break;
	}
	close_part(w, &x);
	pdx_buf_putc(&names, '\0');
	*found_names = names.failed ? NULL : names.data;
	if (names.failed)
		pdx_buf_free(&names);
	return chosen;
}

/* ---- the whole ---- */

static bool has_part(wb *w, const char *name)
{
	return zip_name_locate(w->z, name, 0) >= 0;
}

/* The "mimetype" part of an OpenDocument file says which. */
static bool is_ods(wb *w)
{
	zip_int64_t i = zip_name_locate(w->z, "mimetype", 0);
	if (i < 0)
		return false;
	zip_file_t *f = zip_fopen_index(w->z, (zip_uint64_t)i, 0);
	if (!f)
		return false;
	char buf[128] = {0};
	zip_int64_t k = zip_fread(f, buf, sizeof buf - 1);
	zip_fclose(f);
	static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
	return k == (zip_int64_t)(sizeof ods - 1) && memcmp(buf, ods, sizeof ods - 1) == 0;
}

static void no_sheet(wb *w, const char *want, const char *names)
{
	char *vi = pdx_aprintf("bảng tính không có trang tính \"%s\" (các trang: %s)", want,
	                       names ? names : "");
	char *en = pdx_aprintf("the workbook has no sheet \"%s\" (its sheets: %s)", want,
	                       names ? names : "");
	if (!vi || !en ||
	    pdx_diag_addc(w->diags, PDX_E_NO_SHEET, PDX_SEV_ERROR, w->file, 0, 0, NULL, NULL, vi,
	                  en))
		w->oom = true;
	pdx_free(vi);
	pdx_free(en);
	w->failed = true;
}

int pdx_internal_read_workbook(pdx_answers *set, const char *path, const char *name,
                               const char *sheet, const pdx_read_options *opts, pdx_diags *diags)
{
	return pdx_internal_read_workbook_hooked(set, path, name, sheet, opts, diags, NULL);
}

static int read_workbook(pdx_answers *set, const char *path, const char *name, const char *sheet,
                         const pdx_read_options *opts, pdx_diags *diags, const pdx_cell_hook *hook)
{
	wb w;
	memset(&w, 0, sizeof w);
	w.file = name;
	w.diags = diags;
	int err = 0;
	w.z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!w.z) {
		if (err == ZIP_ER_MEMORY)
			return PDX_ENOMEM;
		damaged(&w, "ZIP", "không mở được tệp nén", "not a readable ZIP file");
		return w.oom ? PDX_ENOMEM : PDX_EINVALID;
	}
	check_zip(&w);
	bool ods = !w.failed && is_ods(&w);
	if (!w.failed && !ods && !has_part(&w, "xl/workbook.xml"))
		fail(&w, 0, 0,
		     pdx_aprintf(
		         "tệp ZIP này không phải bảng tính .xlsx hay .ods; hãy lưu câu trả lời "
		         "dạng .xlsx, .ods hoặc CSV UTF-8%s",
		         ""),
		     pdx_aprintf("this ZIP file is neither an .xlsx nor an .ods workbook; save the "
		                 "answers as .xlsx, .ods or CSV UTF-8%s",
		                 ""));
	char *names = NULL, *sheet_path = NULL, *sheet_name = NULL;
	if (!w.failed && !w.oom && !ods) {
		/* found through the relationships (their usual names otherwise) */
		char *styles = xlsx_target(&w, NULL, "/styles");
		char *strings =
		    !w.failed && !w.oom ? xlsx_target(&w, NULL, "/sharedStrings") : NULL;
		if (!w.failed && !w.oom)
			read_styles(&w, styles ? styles : "xl/styles.xml");
		if (!w.failed && !w.oom)
			read_shared_strings(&w, strings ? strings : "xl/sharedStrings.xml");
		pdx_free(styles);
		pdx_free(strings);
		if (!w.failed && !w.oom)
			sheet_path = xlsx_sheet_path(&w, sheet, &names, &sheet_name);
	} else if (!w.failed && !w.oom) {
		sheet_name = ods_sheet_name(&w, sheet, &names);
	}
	if (!w.failed && !w.oom && (!sheet_name || (!ods && !sheet_path)))
		no_sheet(&w, sheet ? sheet : "", names);
	int rc = 0;
	if (!w.failed && !w.oom) {
		/* diagnostics name the sheet: file[Sheet]!D7 */
		rc = pdx_rows_begin(&w.rows, set, name, sheet_name, opts, diags);
		if (rc)
			w.oom = rc == PDX_ENOMEM;
		else if (hook)
			pdx_rows_set_hook(w.rows, hook);
	}
	if (w.rows) {
		if (ods)
			read_ods(&w, sheet_name);
		else
			read_xlsx_sheet(&w, sheet_path);
		if (!w.failed && !w.oom && !pdx_rows_has_header(w.rows)) {
			/* a cover or instructions sheet first: say where the answers may be */
			pdx_rows_fail(
			    w.rows, PDX_E_EMPTY_FILE, 0, 0,
			    pdx_aprintf("trang tính \"%s\" không có dòng tiêu đề (agency_id, "
			                "criterion, answer, ...); các trang của bảng tính: %s; "
			                "chọn trang có câu trả lời bằng --sheet TÊN",
			                sheet_name, names ? names : ""),
			    pdx_aprintf("sheet \"%s\" has no header row (agency_id, criterion, "
			                "answer, ...); the workbook's sheets: %s; choose the one "
			                "with the answers with --sheet NAME",
			                sheet_name, names ? names : ""));
			w.failed = true;
		}
		rc = pdx_rows_end(w.rows, w.oom ? PDX_ENOMEM : w.failed ? PDX_EINVALID : 0);
	} else if (!rc) {
		rc = w.oom ? PDX_ENOMEM : PDX_EINVALID;
	}
	zip_discard(w.z);
	pdx_free(names);
	pdx_free(sheet_path);
	pdx_free(sheet_name);
	pdx_buf_free(&w.strings);
	pdx_free(w.offs);
	pdx_free(w.xf_kind);
	pdx_buf_free(&w.text);
	pdx_free(w.off);
	pdx_free(w.len);
	pdx_free(w.flags);
	pdx_buf_free(&w.cell);
	return rc;
}

/* xmlTextReader reports an encoding a part declares but does not keep to ("input
 * conversion failed") on libxml2's generic channel, past the reader's own error handler:
 * silenced for the whole read, so the library never prints (the part is refused all the
 * same, as not well-formed). */
int pdx_internal_read_workbook_hooked(pdx_answers *set, const char *path, const char *name,
                                      const char *sheet, const pdx_read_options *opts,
                                      pdx_diags *diags, const pdx_cell_hook *hook)
{
	pdx_xml_channel ch = pdx_xml_silence();
	int rc = read_workbook(set, path, name, sheet, opts, diags, hook);
	pdx_xml_restore(ch);
	return rc;
}
