/* SPDX-License-Identifier: MIT */
/* The CSV reader: a file's text → rows of the answer set, streaming.
 *
 * libcsv tokenizes; around it: the bytes are decoded per file (decode.c), Excel's
 * "sep=" line is honoured, the delimiter is detected from the header, every row knows
 * the physical line it starts on (libcsv reports none, so it is fed one line at a time),
 * the header maps columns by name, and only the cells of known columns are kept: each
 * is interned in the answer set straight from libcsv's buffer when it is clean already
 * (pdx_utf8_is_clean: no white space at the ends, nothing NFC would change — nearly
 * every cell), else cleaned (trimmed, NFC) first. A cell is never copied per row, and a
 * value that repeats (ids, names, answer words) costs a hash lookup. Rows then go to
 * the answer set through the same rules as pdx_answers_add_row, as ids.
 *
 * Two layouts, told apart by the header: the template's long one (a row per answer:
 * agency_id, criterion, answer, evidence…) and the wide one that survey tools export
 * (Kobo/ODK, LimeSurvey, Google and Microsoft Forms: a row per respondent, a column per
 * criterion). A wide row becomes one row of the long layout per criterion column, each
 * with the identity cells of the respondent and the place of its own cell, so every rule
 * of the set applies the same way to both.
 *
 * A file is read whole or not at all: a file-level problem (encoding, quote, header)
 * rolls back everything the file added. */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"

/* The limits of a file, each documented in the README. Memory is bounded by them, not
 * by the size of the file: a row is read one cell at a time and its unread cells are
 * never copied, so a file of any length streams through. */
#define MAX_CELL_BYTES ((size_t)16 << 20)
#define MAX_FIELDS     4096
#define READ_CHUNK     65536
#define HEADER_WAIT    ((size_t)1 << 20)

#define RECENT 1024 /* a power of two */

/* An interned cell as the reader last saw it: the string stays where it is (the set's
 * arena), so comparing a new cell with it needs no call into the set. */
typedef struct seen {
	const char *str;
	uint32_t len, id;
} seen;

typedef struct field {
	size_t off;      /* header cells: cleaned text at reader.text.data + off */
	uint32_t id;     /* kept cells of the rows after the header: interned, 0 when empty */
	const char *str; /* and that interned string (NULL when empty) */
	bool kept;
	bool blank;           /* nothing but white space */
	unsigned char delims; /* 1: has ',', 2: ';', 4: tab (rows of another delimiter) */
} field;

/* A criterion column of the wide layout: its cell is the answer, `ev` the column of its
 * evidence (-1: none), `crit` the criterion id as the long layout writes it. */
typedef struct wide_col {
	int col, ev;
	uint32_t crit_id;
	const char *crit;
} wide_col;

/* field_at values beyond the pdx_field ones: the cells of the wide layout */
enum { WIDE_ANSWER = PDX_FIELD_COUNT, WIDE_EVIDENCE };

typedef struct reader {
	pdx_answers *set;
	const pdx_read_options *opts;
	pdx_diags *diags; /* this file's own problems */
	const char *file;
	const char *sheet; /* a worksheet's name (pdx_rows_begin); NULL for a CSV file */
	struct csv_parser p;
	bool p_init;
	char delim;
	bool started;    /* delimiter decided and the parser running */
	long first_line; /* of the header: 2 after a "sep=" line */
	pdx_buf pending; /* text held until the header line is complete */
	/* physical place */
	long line, col_chars;
	bool last_cr, at_line_start;
	long row_line;
	/* the current row */
	field *fields;
	size_t n_fields, cap_fields;
	pdx_buf text, scratch, cleaned;
	bool too_many;
	/* the header */
	bool header_done;
	int col[PDX_FIELD_COUNT];         /* field index of each column, or -1 */
	signed char field_at[MAX_FIELDS]; /* field index → pdx_field, WIDE_*, or -1 */
	wide_col *wide;                   /* the wide layout's criterion columns */
	size_t n_wide;
	seen above[PDX_FIELD_COUNT]; /* each kept column's previous cell */
	/* each kept column's recent cells by a cheap key of their text (see recent_key):
	 * the criterion, answer and evidence cells change on every row but take few
	 * values */
	seen (*recent)[RECENT]; /* [PDX_FIELD_COUNT]; NULL until the first row (or
	                           when it could not be had: it only saves time) */
	size_t n_header;
	/* The raw cells of a CSV file, for an annotated copy (pdx_cell_hook; NULL: none,
	 * and then the only cost is this test per cell). With a hook, a bad header does
	 * not stop the reading (header_bad instead of fatal): the rows are not added, but
	 * their cells still reach the hook, so the copy shows the whole file. */
	const pdx_cell_hook *hook;
	bool no_recent;
	bool fatal, oom;
	bool keep_reading; /* a hook is set: on this reader or on its pdx_rows */
	bool header_bad;
	/* a worksheet's row whose cell cannot be taken as given (pdx_rows_add): the row's
	 * problem, as a CSV row that does not line up with the header */
	pdx_diag cell_problem;
	char *cell_vi, *cell_en;
} reader;

static void ferr(reader *R, pdx_code code, long line, long col, char *vi, char *en)
{
	pdx_diag d = {PDX_SEV_ERROR, code, R->file, R->sheet, line, col, NULL, NULL, vi, en};
	if (!vi || !en || pdx_diags_add(R->diags, &d))
		R->oom = true;
	pdx_free(vi);
	pdx_free(en);
}

static bool is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && (s[i] < 0x09 || s[i] > 0x0d))
			return false;
	return true;
}

static const char *text_of(const reader *R, size_t i)
{
	if (R->header_done) /* a row after the header: its kept cells are interned */
		return R->fields[i].id ? R->fields[i].str : "";
	return R->text.data + R->fields[i].off;
}

/* The cleaned cell of a known column, or NULL when the row has no such cell. */
static const char *cell(const reader *R, pdx_field f)
{
	int k = R->col[f];
	if (k < 0 || (size_t)k >= R->n_fields)
		return NULL;
	return text_of(R, (size_t)k);
}

/* Our own spreadsheet neutralisation ('=…, '+…, '-…, '@…; see pdx_csv_cell) is undone,
 * so that a template prefilled by pressdx reads back as it was given. */
static bool neutralised(const char *t, size_t len)
{
	return len > 1 && t[0] == '\'' && t[1] && strchr("=+-@", t[1]);
}

/* A header cell: cleaned into the row's text. */
static void keep_text(reader *R, field *f, const char *s, size_t len)
{
	f->off = R->text.len;
	if (pdx_utf8_clean_into(&R->text, &R->scratch, s, len)) {
		R->oom = true; /* the decoder let only valid UTF-8 through */
		return;
	}
	char *t = R->text.data + f->off;
	size_t n = strlen(t);
	if (neutralised(t, n)) {
		memmove(t, t + 1, n);
		R->text.len--;
	}
}

/* A kept cell of a row after the header: interned, cleaned first only when needed. */
/* A cheap key of a cell: its first and last eight bytes and its length, so that
 * "mc/1.1.1.pdf" and "mc/1.1.2.pdf", "có" and "không" get different keys. */
static size_t recent_key(const char *s, size_t len)
{
	uint64_t head = 0, tail = 0;
	if (len >= 8) {
		memcpy(&head, s, 8);
		memcpy(&tail, s + len - 8, 8);
	} else {
		for (size_t i = 0; i < len; i++)
			head = head << 8 | (unsigned char)s[i];
	}
	uint64_t h = (head * 0x9e3779b97f4a7c15u) ^ (tail * 0xc2b2ae3d27d4eb4fu) ^ len;
	h *= 0xff51afd7ed558ccdu;
	return (size_t)(h >> 54) & (RECENT - 1);
}

/* Interns a cell: straight from libcsv's buffer when it is clean already, else
 * trimmed and normalised first; an apostrophe that neutralised a formula is taken off.
 * Returns 0 or PDX_ENOMEM. */
static int intern_cell(reader *R, field *f, const char *s, size_t len, uint32_t hint)
{
	if (!pdx_utf8_is_clean(s, len)) {
		R->cleaned.len = 0;
		int rc = pdx_utf8_clean_into(&R->cleaned, &R->scratch, s, len);
		if (rc)
			return rc;
		s = R->cleaned.data;
		len = strlen(s);
	}
	if (neutralised(s, len)) {
		s++;
		len--;
	}
	return pdx_internal_intern(R->set, s, len, hint, &f->id);
}

/* Whether s[0..len) is the cell `c` holds. Cells are short: compared eight bytes at a
 * time in line, not through a call. */
static inline bool is_seen(const seen *c, const char *s, size_t len)
{
	if (!c->id || c->len != len)
		return false;
	uint64_t x, y;
	if (len >= 8) {
		size_t i = 0;
		for (; i + 8 < len; i += 8) {
			memcpy(&x, s + i, 8);
			memcpy(&y, c->str + i, 8);
			if (x != y)
				return false;
		}
		/* the last eight bytes, overlapping what was compared */
		memcpy(&x, s + len - 8, 8);
		memcpy(&y, c->str + len - 8, 8);
		return x == y;
	}
	if (len >= 4) {
		uint32_t a, b, e, f;
		memcpy(&a, s, 4);
		memcpy(&b, c->str, 4);
		memcpy(&e, s + len - 4, 4);
		memcpy(&f, c->str + len - 4, 4);
		return a == b && e == f;
	}
	for (size_t i = 0; i < len; i++)
		if (s[i] != c->str[i])
			return false;
	return true;
}

static void keep_id(reader *R, field *f, const char *s, size_t len, int column)
{
	seen *above = &R->above[column];
	/* The cell above, or a recent cell of this column, byte for byte: an interned
	 * string is already clean (trimmed, NFC), so the cell is too and cleans to itself
	 * — unless it reads as neutralised, which cleaning would change. */
	bool plain = len > 0 && !neutralised(s, len);
	if (plain && is_seen(above, s, len)) {
		f->id = above->id;
		f->str = above->str;
		return;
	}
	seen *recent = R->recent && len ? &R->recent[column][recent_key(s, len)] : NULL;
	if (plain && recent && is_seen(recent, s, len)) {
		*above = *recent;
	} else if (intern_cell(R, f, s, len, above->id)) {
		R->oom = true; /* the decoder let only valid UTF-8 through */
		return;
	} else if (!f->id) {
		f->str = NULL;
		return;
	} else {
		above->id = f->id;
		above->str = pdx_internal_string(R->set, f->id);
		above->len = (uint32_t)strlen(above->str);
		if (recent)
			*recent = *above;
	}
	f->id = above->id;
	f->str = above->str;
}

static void on_field(void *data_, size_t len, void *ctx)
{
	reader *R = ctx;
	/* libcsv passes NULL only with CSV_EMPTY_IS_NULL, which we do not set; be sure */
	const char *s = data_ ? (const char *)data_ : "";
	if (!data_)
		len = 0;
	if (R->n_fields >= MAX_FIELDS) {
		R->too_many = true;
		return;
	}
	if (R->n_fields == R->cap_fields) {
		size_t cap = R->cap_fields ? R->cap_fields * 2 : 32;
		field *p = pdx_reallocarray(R->fields, cap, sizeof(*p));
		if (!p) {
			R->oom = true;
			return;
		}
		R->fields = p;
		R->cap_fields = cap;
	}
	size_t idx = R->n_fields++;
	field *f = &R->fields[idx];
	if (R->hook)
		R->hook->cell(R->hook->ctx, R->row_line, (long)idx + 1, s, len);
	f->kept = !R->header_done || R->field_at[idx] >= 0;
	f->off = 0;
	f->id = 0;
	f->delims = 0;
	if (!f->kept) {
		/* a column nothing reads (the template's question text, notes…): neither copied
		 * nor normalised; only what the row-shape check may ask is noted */
		f->blank = is_blank(s, len);
		f->delims = (memchr(s, ',', len) ? 1 : 0) | (memchr(s, ';', len) ? 2 : 0) |
		            (memchr(s, '\t', len) ? 4 : 0);
		return;
	}
	if (R->header_done) {
		if (!R->recent && !R->no_recent) {
			R->recent = pdx_calloc(PDX_FIELD_COUNT, sizeof(*R->recent));
			R->no_recent = !R->recent;
		}
		int kind = (unsigned char)R->field_at[idx]; /* kept: not -1 */
		/* the wide layout's cells share the answer and evidence columns' caches */
		keep_id(R, f, s, len,
		        kind == WIDE_ANSWER     ? PDX_FIELD_ANSWER
		        : kind == WIDE_EVIDENCE ? PDX_FIELD_EVIDENCE
		                                : kind);
		f->blank = f->id == 0;
	} else {
		f->blank = is_blank(s, len);
		keep_text(R, f, s, len);
	}
}

/* A header that cannot be read: the file is rejected. With a cell hook the cells are
 * still read (to the hook), but no row is added and the end is as if fatal. */
static void header_fail(reader *R)
{
	if (R->keep_reading)
		R->header_bad = true;
	else
		R->fatal = true;
}

/* The criterion id a wide header cell names — "1.1.1", or XLSForm's "c1_1_1", either
 * after a group path ("grp_1/c1_1_1") — written as the long layout writes it ("1.1.1");
 * false when the cell names none. `h` is folded (lower case). */
static bool wide_id(const char *h, char *out, size_t size)
{
	const char *slash = strrchr(h, '/');
	if (slash)
		h = slash + 1;
	bool xls = h[0] == 'c';
	char sep = xls ? '_' : '.';
	size_t k = 0;
	int seps = 0;
	bool digit = false;
	for (const char *p = xls ? h + 1 : h; *p; p++) {
		if (k + 2 > size)
			return false;
		if (*p >= '0' && *p <= '9') {
			out[k++] = *p;
			digit = true;
		} else if (*p == sep && digit) {
			out[k++] = '.';
			digit = false;
			seps++;
		} else {
			return false;
		}
	}
	out[k] = '\0';
	return digit && seps > 0;
}

/* The criterion whose evidence a wide header cell holds: "evidence_1.1.1",
 * "1.1.1_evidence" (or with "c1_1_1", after a group path). */
static bool wide_evidence(const char *h, char *out, size_t size)
{
	const char *slash = strrchr(h, '/');
	if (slash)
		h = slash + 1;
	static const char pre[] = "evidence_", post[] = "_evidence";
	size_t n = strlen(h), lp = sizeof pre - 1, ls = sizeof post - 1;
	char id[128];
	if (n > lp && strncmp(h, pre, lp) == 0 && n - lp < sizeof id)
		memcpy(id, h + lp, n - lp + 1);
	else if (n > ls && strcmp(h + n - ls, post) == 0 && n - ls < sizeof id) {
		memcpy(id, h, n - ls);
		id[n - ls] = '\0';
	} else
		return false;
	return wide_id(id, out, size);
}

/* A header without criterion and answer columns: the wide layout when other columns
 * name criteria. Columns that name nothing we read (the survey tools' _uuid, start,
 * _submission_time…) are left alone, as in the long layout. */
static void wide_header(reader *R)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < R->n_fields && i < MAX_FIELDS; i++) {
			if (R->field_at[i] >= 0)
				continue;
			char *h = pdx_utf8_fold(text_of(R, i));
			if (!h) {
				R->oom = true;
				return;
			}
			char id[64];
			bool named =
			    pass == 0 ? wide_id(h, id, sizeof id) : wide_evidence(h, id, sizeof id);
			pdx_free(h);
			if (!named)
				continue;
			wide_col *w = NULL;
			for (size_t k = 0; k < R->n_wide && !w; k++)
				if (strcmp(R->wide[k].crit, id) == 0)
					w = &R->wide[k];
			if (pass == 0 && !w) {
				wide_col *p = pdx_reallocarray(R->wide, R->n_wide + 1, sizeof(*p));
				uint32_t cid = 0;
				if (!p || pdx_internal_intern(R->set, id, strlen(id), 0, &cid)) {
					if (p)
						R->wide = p;
					R->oom = true;
					return;
				}
				R->wide = p;
				R->wide[R->n_wide++] =
				    (wide_col){(int)i, -1, cid, pdx_internal_string(R->set, cid)};
				R->field_at[i] = WIDE_ANSWER;
			} else if (pass == 1 && w && w->ev < 0) {
				w->ev = (int)i;
				R->field_at[i] = WIDE_EVIDENCE;
			} else if (pass == 1 && !w) {
				ferr(
				    R, PDX_E_HEADER_MISSING, R->row_line, (long)i + 1,
				    pdx_aprintf(
				        "cột minh chứng \"%s\" không có cột câu trả lời của tiêu "
				        "chí %s",
				        text_of(R, i), id),
				    pdx_aprintf(
				        "evidence column \"%s\" has no answer column for criterion "
				        "%s",
				        text_of(R, i), id));
				header_fail(R);
			} else {
				int first = pass == 0 ? w->col : w->ev;
				ferr(
				    R, PDX_E_HEADER_DUPLICATE, R->row_line, (long)i + 1,
				    pdx_aprintf(
				        "%s của tiêu chí %s xuất hiện hai lần trong dòng tiêu đề "
				        "(cột %d và %zu)",
				        pass == 0 ? "cột câu trả lời" : "cột minh chứng", id,
				        first + 1, i + 1),
				    pdx_aprintf(
				        "the %s column of criterion %s appears twice in the header "
				        "(columns %d and %zu)",
				        pass == 0 ? "answer" : "evidence", id, first + 1, i + 1));
				header_fail(R);
			}
		}
	}
}

static void read_header(reader *R)
{
	for (int c = 0; c < PDX_FIELD_COUNT; c++)
		R->col[c] = -1;
	for (size_t i = 0; i < R->n_fields; i++) {
		char *folded = pdx_utf8_fold(text_of(R, i));
		if (!folded) {
			R->oom = true;
			return;
		}
		for (int c = 0; c < PDX_FIELD_COUNT; c++) {
			if (strcmp(folded, pdx_field_name((pdx_field)c)) != 0)
				continue;
			if (R->col[c] >= 0) {
				ferr(R, PDX_E_HEADER_DUPLICATE, R->row_line, (long)i + 1,
				     pdx_aprintf(
				         "cột \"%s\" xuất hiện hai lần trong dòng tiêu đề (cột "
				         "%d và %zu)",
				         pdx_field_name((pdx_field)c), R->col[c] + 1, i + 1),
				     pdx_aprintf(
				         "column \"%s\" appears twice in the header (columns %d "
				         "and %zu)",
				         pdx_field_name((pdx_field)c), R->col[c] + 1, i + 1));
				header_fail(R);
			}
			R->col[c] = (int)i;
		}
		pdx_free(folded);
	}
	memset(R->field_at, -1, sizeof R->field_at);
	for (int c = 0; c < PDX_FIELD_COUNT; c++)
		if (R->col[c] >= 0)
			R->field_at[R->col[c]] = (signed char)c;
	if (R->col[PDX_FIELD_CRITERION] < 0 && R->col[PDX_FIELD_ANSWER] < 0)
		wide_header(R);
	if (R->oom)
		return;
	const pdx_field required[] = {PDX_FIELD_AGENCY, PDX_FIELD_CRITERION, PDX_FIELD_ANSWER};
	for (size_t k = 0; k < sizeof required / sizeof *required; k++) {
		if (R->col[required[k]] >= 0 || (R->n_wide && required[k] != PDX_FIELD_AGENCY))
			continue;
		const char *name = pdx_field_name(required[k]);
		ferr(R, PDX_E_HEADER_MISSING, R->row_line, 0,
		     pdx_aprintf(
		         "thiếu cột bắt buộc \"%s\"; dòng tiêu đề phải có agency_id, criterion, "
		         "answer (hãy dùng tệp mẫu của lệnh \"pressdx template\")",
		         name),
		     pdx_aprintf("missing required column \"%s\"; the header must name agency_id, "
		                 "criterion, answer (start from \"pressdx template\")",
		                 name));
		header_fail(R);
	}
	R->header_done = true;
	R->n_header = R->n_fields;
}

static const char *delim_name(char d, int en)
{
	if (d == ',')
		return en ? "a comma (e.g. the decimal 50,5)"
		          : "dấu phẩy (ví dụ số thập phân 50,5)";
	if (d == ';')
		return en ? "a semicolon" : "dấu chấm phẩy";
	return en ? "a tab" : "dấu tab";
}

/* A row must have the header's cells: more (not blank) means a delimiter inside an
 * unquoted value ("50,5" in a comma file); too few to reach the required columns
 * usually means rows pasted from a file with another delimiter. Either way reading
 * on would put values in the wrong columns, so the row is reported and skipped.
 * Returns false when the row is not to be read; *problem is then set when the error
 * belongs to the row's agency. */
static bool row_shape_ok(reader *R, pdx_diag *problem, char **vi, char **en)
{
	size_t need = 0;
	const pdx_field req[] = {PDX_FIELD_AGENCY, PDX_FIELD_CRITERION, PDX_FIELD_ANSWER};
	for (size_t k = 0; k < 3; k++)
		if ((size_t)R->col[req[k]] + 1 > need)
			need = (size_t)R->col[req[k]] + 1;
	size_t extra = R->n_header;
	while (extra < R->n_fields && R->fields[extra].blank)
		extra++;
	if (extra < R->n_fields) {
		*vi = pdx_aprintf("dòng có %zu ô nhưng dòng tiêu đề chỉ có %zu; ô có %s phải đặt "
		                  "trong ngoặc kép; dòng bị bỏ qua",
		                  R->n_fields, R->n_header, delim_name(R->delim, 0));
		*en =
		    pdx_aprintf("row has %zu cells but the header has only %zu; a cell containing "
		                "%s must be quoted; row skipped",
		                R->n_fields, R->n_header, delim_name(R->delim, 1));
		if (!*vi || !*en) {
			R->oom = true;
			return false;
		}
		const char *crit = cell(R, PDX_FIELD_CRITERION);
		*problem = (pdx_diag){PDX_SEV_ERROR,
		                      PDX_E_ROW_CELLS,
		                      R->file,
		                      R->sheet,
		                      R->row_line,
		                      (long)extra + 1,
		                      crit && *crit ? crit : NULL,
		                      NULL,
		                      *vi,
		                      *en};
		return false;
	}
	if (R->n_fields >= need)
		return true;
	/* a row holding another delimiter than the header's: name it */
	char other = 0;
	for (size_t i = 0; i < R->n_fields && !other; i++) {
		const field *f = &R->fields[i];
		for (const char *d = ",;\t"; *d && !other; d++) {
			bool has = f->kept ? strchr(text_of(R, i), *d) != NULL
			                   : (f->delims & (*d == ','   ? 1
			                                   : *d == ';' ? 2
			                                               : 4)) != 0;
			if (*d != R->delim && has)
				other = *d;
		}
	}
	char o[4] = {other, 0}, h[4] = {R->delim, 0};
	const char *os = other == '\t' ? "tab" : o, *hs = R->delim == '\t' ? "tab" : h;
	if (other)
		ferr(
		    R, PDX_E_ROW_CELLS, R->row_line, 0,
		    pdx_aprintf(
		        "dòng chỉ có %zu ô nhưng dòng tiêu đề có %zu ô; có vẻ dòng này dùng "
		        "dấu phân cách \"%s\" thay vì \"%s\"; dòng bị bỏ qua",
		        R->n_fields, R->n_header, os, hs),
		    pdx_aprintf("row has %zu cell%s but the header has %zu; it seems to use \"%s\" "
		                "as the delimiter instead of \"%s\"; row skipped",
		                R->n_fields, R->n_fields == 1 ? "" : "s", R->n_header, os, hs));
	else
		ferr(R, PDX_E_ROW_CELLS, R->row_line, 0,
		     pdx_aprintf("dòng chỉ có %zu ô nhưng dòng tiêu đề có %zu ô; dòng bị bỏ qua",
		                 R->n_fields, R->n_header),
		     pdx_aprintf("row has %zu cell%s but the header has %zu; row skipped",
		                 R->n_fields, R->n_fields == 1 ? "" : "s", R->n_header));
	return false;
}

/* One row to the answer set; false when the file cannot go on. */
static bool add(reader *R, const pdx_row *row, const uint32_t *ids)
{
	int rc = pdx_internal_add_row(R->set, row, ids, R->diags);
	if (rc == PDX_EINVALID) {
		ferr(R, PDX_E_SET_FULL, R->row_line, 0,
		     pdx_aprintf("quá giới hạn của một lần chạy (%u lượt đánh giá, khoảng 4 tỷ "
		                 "dòng câu trả lời); cả tệp bị bỏ qua",
		                 PDX_MAX_ASSESSMENTS),
		     pdx_aprintf("over the limits of one run (%u assessments, about 4 billion "
		                 "answer rows); the whole file is skipped",
		                 PDX_MAX_ASSESSMENTS));
		R->fatal = true;
	} else if (rc) {
		R->oom = true;
	}
	return !rc;
}

/* A row of the wide layout as rows of the long one, a criterion column each, in the
 * header's order; `row` holds the identity cells. False when the row is not a
 * respondent's (nothing but an agency_id cell: a signature line under the data, which
 * the set recognises as one row without criterion). */
static bool wide_rows(reader *R, pdx_row *row, uint32_t *ids)
{
	bool any = false;
	for (int c = PDX_FIELD_NAME; c < PDX_FIELD_COUNT && !any; c++)
		any = c != PDX_FIELD_CRITERION && c != PDX_FIELD_ANSWER &&
		      c != PDX_FIELD_EVIDENCE && ids[c];
	for (size_t k = 0; k < R->n_wide && !any; k++) {
		const wide_col *w = &R->wide[k];
		any = ((size_t)w->col < R->n_fields && R->fields[w->col].id) ||
		      (w->ev >= 0 && (size_t)w->ev < R->n_fields && R->fields[w->ev].id);
	}
	if (!any)
		return false;
	for (size_t k = 0; k < R->n_wide; k++) {
		const wide_col *w = &R->wide[k];
		const field *a = (size_t)w->col < R->n_fields ? &R->fields[w->col] : NULL;
		const field *e =
		    w->ev >= 0 && (size_t)w->ev < R->n_fields ? &R->fields[w->ev] : NULL;
		ids[PDX_FIELD_CRITERION] = w->crit_id;
		row->cell[PDX_FIELD_CRITERION] = w->crit;
		row->column[PDX_FIELD_CRITERION] = w->col + 1;
		ids[PDX_FIELD_ANSWER] = a ? a->id : 0;
		row->cell[PDX_FIELD_ANSWER] = a && a->id ? a->str : NULL;
		row->column[PDX_FIELD_ANSWER] = w->col + 1;
		ids[PDX_FIELD_EVIDENCE] = e ? e->id : 0;
		row->cell[PDX_FIELD_EVIDENCE] = e && e->id ? e->str : NULL;
		row->column[PDX_FIELD_EVIDENCE] = w->ev + 1;
		if (!add(R, row, ids))
			break;
	}
	return true;
}

static void read_row(reader *R)
{
	bool any = false;
	for (size_t i = 0; i < R->n_fields && !any; i++)
		any = R->fields[i].kept && text_of(R, i)[0] != '\0';
	/* (after the header, text_of is "" exactly when the interned id is 0) */
	if (!any) /* a row of empty cells, as spreadsheets write below the data */
		return;
	if (!R->header_done) {
		read_header(R);
		return;
	}
	pdx_row row;
	memset(&row, 0, sizeof row);
	pdx_diag problem;
	char *vi = NULL, *en = NULL;
	bool ok = row_shape_ok(R, &problem, &vi, &en);
	if (!ok && !vi) {
		return;
	}
	if (ok && R->cell_vi) {
		ok = false;
		problem = R->cell_problem;
		vi = R->cell_vi;
		en = R->cell_en;
		R->cell_vi = R->cell_en = NULL;
	}
	uint32_t ids[PDX_FIELD_COUNT];
	for (int c = 0; c < PDX_FIELD_COUNT; c++) {
		int k = R->col[c];
		bool has = k >= 0 && (size_t)k < R->n_fields;
		ids[c] = has ? R->fields[k].id : 0;
		row.cell[c] = has && ids[c] ? R->fields[k].str : NULL;
		row.column[c] = k >= 0 ? k + 1 : 0;
	}
	row.line = R->row_line;
	row.problem = ok ? NULL : &problem;
	if (!R->n_wide || !ok || !wide_rows(R, &row, ids))
		add(R, &row, ids);
	pdx_free(vi);
	pdx_free(en);
}

static void on_row(int c, void *ctx)
{
	reader *R = ctx;
	(void)c;
	if (R->too_many) {
		ferr(R, PDX_E_TOO_MANY_COLUMNS, R->row_line, (long)MAX_FIELDS + 1,
		     pdx_aprintf("dòng có hơn %d cột", MAX_FIELDS),
		     pdx_aprintf("row has more than %d columns", MAX_FIELDS));
		R->fatal = true;
	}
	if (!R->fatal && !R->oom && !R->header_bad)
		read_row(R);
	R->n_fields = 0;
	R->text.len = 0;
	R->too_many = false;
}

/* Column (in characters, 1-based) of byte `off` of s. */
static long char_col(const char *s, size_t off)
{
	long col = 1;
	for (size_t i = 0; i < off; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/* Feeds libcsv one physical line at a time so that each row knows where it starts: a
 * row starts on the first line fed while libcsv is between rows. */
static void parse_text(reader *R, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !R->fatal && !R->oom) {
		size_t j = i + pdx_find_break(s + i, n - i);
		bool ends = j < n;
		if (ends)
			j += (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
		/* the LF of a CRLF whose CR ended the previous text: the line is counted */
		bool lf_of_crlf = R->last_cr && i == 0 && s[0] == '\n';
		if (R->at_line_start && R->p.pstate == 0 && !lf_of_crlf) /* ROW_NOT_BEGUN */
			R->row_line = R->line;
		size_t done = csv_parse(&R->p, s + i, j - i, on_field, on_row, R);
		if (done == j - i && R->p.entry_pos > MAX_CELL_BYTES) {
			/* libcsv holds the cell being read: it may not grow without end */
			ferr(R, PDX_E_CELL_TOO_LARGE, R->row_line, (long)R->n_fields + 1,
			     pdx_aprintf("ô thứ %zu của dòng dài hơn %zu MiB; cả tệp bị bỏ qua",
			                 R->n_fields + 1, MAX_CELL_BYTES >> 20),
			     pdx_aprintf(
			         "cell %zu of the row is longer than %zu MiB; the whole file "
			         "is skipped",
			         R->n_fields + 1, MAX_CELL_BYTES >> 20));
			R->fatal = true;
			break;
		}
		if (done != j - i) {
			if (csv_error(&R->p) == CSV_EPARSE) {
				ferr(
				    R, PDX_E_QUOTE, R->line, R->col_chars + char_col(s + i, done),
				    pdx_aprintf(
				        "dấu ngoặc kép sai chỗ: một ô có dấu \" phải được bao cả ô "
				        "trong ngoặc kép và nhân đôi dấu \" bên trong (%s)",
				        "\"a \"\"b\"\" c\""),
				    pdx_aprintf(
				        "malformed quote: a cell containing \" must be quoted as a "
				        "whole, with inner quotes doubled (%s)",
				        "\"a \"\"b\"\" c\""));
			} else {
				R->oom = true;
			}
			R->fatal = true;
			break;
		}
		if (ends) {
			if (!lf_of_crlf)
				R->line++;
			R->col_chars = 0;
			R->at_line_start = true;
			R->last_cr = s[j - 1] == '\r';
		} else {
			R->col_chars += char_col(s + i, j - i) - 1;
			R->at_line_start = false;
			R->last_cr = false;
		}
		i = j;
	}
}

static char detect_delimiter(const char *s, size_t len)
{
	size_t counts[3] = {0, 0, 0};
	const char delims[3] = {',', ';', '\t'};
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted)
			for (int k = 0; k < 3; k++)
				counts[k] += c == delims[k];
	}
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (counts[k] > counts[best])
			best = k;
	return delims[best];
}

/* Whether the text holds a whole first line (a line break outside quotes). */
static bool first_line_complete(const char *s, size_t len)
{
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			return true;
	}
	return false;
}

static int space_only(unsigned char c)
{
	return c == ' ';
}

/* The delimiter is decided (Excel's "sep=" line, the option, or the header's most
 * frequent candidate) and the parser started on the text held so far. */
static void start(reader *R)
{
	const char *text = R->pending.data ? R->pending.data : "";
	size_t tlen = R->pending.len;
	char delim = R->opts && R->opts->delimiter ? R->opts->delimiter : 0;
	R->line = 1;
	if (tlen >= 4 && strncmp(text, "sep=", 4) == 0 &&
	    (tlen == 4 || text[4] == '\r' || text[4] == '\n' || text[4] == '"')) {
		ferr(R, PDX_E_SEP_LINE, 1, 5,
		     pdx_aprintf(
		         "dòng \"sep=\" không nêu dấu phân cách; hãy viết sep=, hoặc sep=; hoặc "
		         "xóa dòng này%s",
		         ""),
		     pdx_aprintf(
		         "the \"sep=\" line names no delimiter; write sep=, or sep=; or remove "
		         "the line%s",
		         ""));
		R->fatal = true;
		return;
	}
	if (tlen >= 5 && strncmp(text, "sep=", 4) == 0 &&
	    (tlen == 5 || text[5] == '\r' || text[5] == '\n')) {
		if (!delim)
			delim = text[4];
		size_t k = 5;
		if (k < tlen && text[k] == '\r')
			k++;
		if (k < tlen && text[k] == '\n')
			k++;
		text += k;
		tlen -= k;
		R->line = 2;
	}
	R->first_line = R->line;
	if (!delim)
		delim = detect_delimiter(text, tlen);
	R->delim = delim;
	if (csv_init(&R->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		R->oom = true;
		return;
	}
	R->p_init = true;
	csv_set_realloc_func(&R->p, pdx_realloc);
	csv_set_free_func(&R->p, pdx_free);
	csv_set_delim(&R->p, (unsigned char)delim);
	/* libcsv grows a cell's buffer by this much at a time; its default (128 bytes)
	 * makes a 10 MB cell cost 80,000 reallocations */
	csv_set_blk_size(&R->p, (size_t)1 << 16);
	if (delim == '\t')
		csv_set_space_func(&R->p, space_only); /* a tab is a delimiter, not a space */
	R->at_line_start = true;
	R->row_line = R->line;
	R->started = true;
	parse_text(R, text, tlen);
	pdx_buf_free(&R->pending);
}

static void feed_text(reader *R, const char *s, size_t n, bool final)
{
	if (R->fatal || R->oom)
		return;
	if (!R->started) {
		pdx_buf_append(&R->pending, s, n);
		if (R->pending.failed) {
			R->oom = true;
			return;
		}
		if (!final && R->pending.len < HEADER_WAIT &&
		    !first_line_complete(R->pending.data, R->pending.len))
			return;
		start(R);
	} else {
		parse_text(R, s, n);
	}
	if (!final || R->fatal || R->oom || !R->started)
		return;
	if (csv_fini(&R->p, on_field, on_row, R) != 0) {
		ferr(R, PDX_E_UNCLOSED_QUOTE, R->row_line, 0,
		     pdx_aprintf("dấu ngoặc kép mở ở dòng %ld không được đóng đến hết tệp",
		                 R->row_line),
		     pdx_aprintf(
		         "quote opened on line %ld is never closed before the end of the file",
		         R->row_line));
		R->fatal = true;
	}
	if (!R->header_done && !R->fatal && !R->oom) {
		ferr(R, PDX_E_EMPTY_FILE, R->first_line, 0,
		     pdx_aprintf("tệp trống: không có dòng tiêu đề (agency_id, criterion, answer, "
		                 "...)%s",
		                 ""),
		     pdx_aprintf("empty file: no header row (agency_id, criterion, answer, ...)%s",
		                 ""));
		R->fatal = true;
	}
}

/* Ends a source: committed when `rc` is 0, else rolled back with its file-level errors
 * in `diags`; the reader's memory is freed (not R itself). Returns the source's result. */
static int finish(reader *R, pdx_diags *diags, int rc)
{
	pdx_answers *set = R->set;
	if (rc) {
		pdx_answers_rollback(set);
		/* only the file-level errors explain a rejection */
		size_t before = pdx_diags_errors(diags);
		for (size_t k = 0; k < pdx_diags_count(R->diags); k++) {
			const pdx_diag *g = pdx_diags_get(R->diags, k);
			if (g->severity == PDX_SEV_ERROR && !g->agency_id &&
			    pdx_diags_add(diags, g))
				rc = PDX_ENOMEM;
		}
		if (pdx_diags_errors(diags) == before && rc == PDX_EINVALID)
			pdx_diags_append(diags, R->diags);
	} else {
		rc = pdx_answers_commit(set, R->diags);
		if (pdx_diags_append(diags, R->diags))
			rc = PDX_ENOMEM;
	}
	if (R->p_init)
		csv_free(&R->p);
	pdx_free(R->fields);
	pdx_free(R->wide);
	pdx_free(R->recent);
	pdx_buf_free(&R->text);
	pdx_buf_free(&R->scratch);
	pdx_buf_free(&R->cleaned);
	pdx_buf_free(&R->pending);
	pdx_diags_free(R->diags);
	pdx_free(R->cell_vi);
	pdx_free(R->cell_en);
	return rc;
}

/* Reads one source from `next`, a function handing out byte chunks. */
typedef int (*chunk_fn)(void *ctx, const char **data, size_t *len, bool *final);

static int read_source(pdx_answers *set, const char *name, const pdx_read_options *opts,
                       pdx_diags *diags, chunk_fn next, void *ctx, const pdx_cell_hook *hook)
{
	reader R;
	memset(&R, 0, sizeof R);
	R.hook = hook;
	R.keep_reading = hook != NULL;
	R.set = set;
	R.opts = opts;
	R.file = name;
	R.diags = pdx_diags_new();
	pdx_decoder *dec = NULL;
	if (!R.diags)
		return PDX_ENOMEM;
	int rc = pdx_decoder_new(&dec, opts ? opts->encoding : NULL);
	if (rc == PDX_EARG) {
		/* only a named encoding can be refused */
		char *e = pdx_excerpt(opts && opts->encoding ? opts->encoding : "");
		rc = e ? pdx_diag_addc(diags, PDX_E_UNSUPPORTED_ENCODING, PDX_SEV_ERROR, name, 0, 0,
		                       NULL, NULL,
		                       "bảng mã không được hỗ trợ; dùng cp1258 hoặc tcvn3",
		                       "unsupported encoding; use cp1258 or tcvn3")
		       : PDX_ENOMEM;
		pdx_free(e);
		pdx_diags_free(R.diags);
		return rc ? rc : PDX_EINVALID;
	}
	if (!rc)
		rc = pdx_answers_begin(set, name, NULL, NULL, opts ? opts->default_year : 0);
	if (rc) {
		pdx_decoder_free(dec);
		pdx_diags_free(R.diags);
		return rc;
	}
	pdx_buf text = {0};
	bool final = false;
	int io = 0;
	while (!final && !R.fatal && !R.oom) {
		const char *data;
		size_t len;
		io = next(ctx, &data, &len, &final);
		if (io)
			break;
		text.len = 0;
		const char *view;
		size_t view_len;
		int d = pdx_decoder_feed_view(dec, data, len, final, &text, &view, &view_len);
		/* the text decoded before a decoding error is read first: its errors are
		 * dropped with the file, but the place of the bad byte is the decoder's */
		if (d == PDX_ENOMEM) {
			R.oom = true;
			break;
		}
		if (d == 0 && (text.len || !view_len))
			feed_text(&R, text.data ? text.data : "", text.len, final && !view_len);
		if (d == 0 && view_len)
			feed_text(&R, view, view_len, final);
		if (d == PDX_EINVALID) {
			const pdx_decode_error *e = pdx_decoder_error(dec);
			if (pdx_diag_addc(R.diags, e->code, PDX_SEV_ERROR, name, e->line, e->column,
			                  NULL, NULL, e->vi, e->en))
				R.oom = true;
			R.fatal = true;
		}
	}
	pdx_internal_source_encoding(set, pdx_decoder_encoding(dec));
	pdx_buf_free(&text);
	pdx_decoder_free(dec);
	if (io && !R.oom)
		R.fatal = true; /* the chunk function reported it in diags */
	if (R.header_bad)
		R.fatal = true;
	rc = io == PDX_ENOMEM || R.oom ? PDX_ENOMEM : io ? io : R.fatal ? PDX_EINVALID : 0;
	return finish(&R, diags, rc);
}

typedef struct mem_src {
	const char *data;
	size_t len;
} mem_src;

static int mem_next(void *ctx, const char **data, size_t *len, bool *final)
{
	mem_src *m = ctx;
	*data = m->data;
	*len = m->len;
	*final = true;
	return 0;
}

int pdx_answers_read_memory(pdx_answers *set, const char *data, size_t len, const char *name,
                            const pdx_read_options *opts, pdx_diags *diags)
{
	if (!set || (!data && len))
		return PDX_EARG;
	mem_src m = {data ? data : "", len};
	return read_source(set, name ? name : "<answers>", opts, diags, mem_next, &m, NULL);
}

typedef struct fd_src {
	int fd;
	const char *name;
	pdx_diags *diags;
	char *buf;
	size_t peeked; /* bytes of buf read ahead (standard input's first), handed out first */
} fd_src;

static int read_error(pdx_diags *diags, const char *name, int err)
{
	char *en = pdx_aprintf("cannot read the file: %s", strerror(err));
	int rc = pdx_diag_addc(diags, PDX_E_FILE_READ, PDX_SEV_ERROR, name, 0, 0, NULL, NULL,
	                       "không đọc được tệp", en ? en : "cannot read the file");
	pdx_free(en);
	return rc ? rc : PDX_EIO;
}

static int fd_next(void *ctx, const char **data, size_t *len, bool *final)
{
	fd_src *f = ctx;
	ssize_t k;
	if (f->peeked) {
		*data = f->buf;
		*len = f->peeked;
		*final = false;
		f->peeked = 0;
		return 0;
	}
	do
		k = read(f->fd, f->buf, READ_CHUNK);
	while (k < 0 && errno == EINTR);
	if (k < 0)
		return read_error(f->diags, f->name, errno);
	*data = f->buf;
	*len = (size_t)k;
	*final = k == 0;
	return 0;
}

/* Standard input that starts as a ZIP file is a workbook: a ZIP file's directory is at
 * its end, so it is spooled to a temporary file (removed at once) and read from there.
 * Returns 1 when it was (its result in diags and the set), 0 when it is not a workbook
 * (its first bytes kept in f for the CSV reader), or an error. */
static int stdin_workbook(pdx_answers *set, fd_src *f, const pdx_read_options *opts,
                          pdx_diags *diags, const pdx_cell_hook *hook)
{
	ssize_t k;
	size_t got = 0;
	while (got < 4) {
		do
			k = read(f->fd, f->buf + got, READ_CHUNK - got);
		while (k < 0 && errno == EINTR);
		if (k < 0)
			return read_error(diags, f->name, errno);
		if (k == 0)
			break;
		got += (size_t)k;
	}
	f->peeked = got;
	if (got < 4 || memcmp(f->buf, "PK\x03\x04", 4) != 0)
		return 0;
	const char *dir = getenv("TMPDIR");
	char *tmp = pdx_aprintf("%s/pressdx-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
	if (!tmp)
		return PDX_ENOMEM;
	int out = mkstemp(tmp);
	if (out < 0) {
		int e = errno;
		pdx_free(tmp);
		return read_error(diags, f->name, e);
	}
	int rc = 0;
	unsigned long long total = 0;
	for (;;) {
		size_t off = 0;
		while (off < got) {
			ssize_t w = write(out, f->buf + off, got - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				rc = read_error(diags, f->name, errno);
				break;
			}
			off += (size_t)w;
		}
		total += got;
		if (rc)
			break;
		if (total > ((unsigned long long)1 << 30)) {
			rc = pdx_diag_addc(diags, PDX_E_WORKBOOK, PDX_SEV_ERROR, f->name, 0, 0,
			                   NULL, NULL, "bảng tính từ đầu vào chuẩn lớn quá 1 GiB",
			                   "the workbook on standard input is over 1 GiB");
			rc = rc ? rc : PDX_EINVALID;
			break;
		}
		do
			k = read(f->fd, f->buf, READ_CHUNK);
		while (k < 0 && errno == EINTR);
		if (k < 0) {
			rc = read_error(diags, f->name, errno);
			break;
		}
		if (k == 0)
			break;
		got = (size_t)k;
	}
	close(out);
	if (!rc)
		rc = pdx_internal_read_workbook_hooked(set, tmp, f->name, opts ? opts->sheet : NULL,
		                                       opts, diags, hook);
	unlink(tmp);
	pdx_free(tmp);
	f->peeked = 0;
	return rc ? rc : 1;
}

int pdx_answers_read_file(pdx_answers *set, const char *path, const pdx_read_options *opts,
                          pdx_diags *diags)
{
	return pdx_internal_read_file_hooked(set, path, opts, diags, NULL);
}

int pdx_internal_read_file_hooked(pdx_answers *set, const char *path, const pdx_read_options *opts,
                                  pdx_diags *diags, const pdx_cell_hook *hook)
{
	if (!set || !path)
		return PDX_EARG;
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return read_error(diags, name, errno);
	struct stat st;
	int rc = 0;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		rc = read_error(diags, name, EISDIR);
	/* a workbook is recognised by its content (a ZIP file), whatever its name */
	char head[4];
	if (!rc && !is_stdin && S_ISREG(st.st_mode) && pread(fd, head, 4, 0) == 4 &&
	    memcmp(head, "PK\x03\x04", 4) == 0) {
		close(fd);
		return pdx_internal_read_workbook_hooked(set, path, name, opts ? opts->sheet : NULL,
		                                         opts, diags, hook);
	}
	if (!rc) {
		fd_src f = {fd, name, diags, pdx_malloc(READ_CHUNK), 0};
		if (f.buf && is_stdin)
			rc = stdin_workbook(set, &f, opts, diags, hook);
		if (rc == 1)
			rc = 0;
		else if (!rc)
			rc = f.buf ? read_source(set, name, opts, diags, fd_next, &f, hook)
			           : PDX_ENOMEM;
		pdx_free(f.buf);
	}
	if (!is_stdin)
		close(fd);
	return rc;
}

/* ---- rows already split into cells: a worksheet (workbook.c) ---- */

struct pdx_rows {
	reader R;
	pdx_diags *out;
	bool failed;               /* the front end's own failure (pdx_rows_fail) */
	const pdx_cell_hook *hook; /* every cell of the sheet, beyond the header's too */
};

void pdx_rows_set_hook(pdx_rows *w, const pdx_cell_hook *hook)
{
	w->hook = hook;
	w->R.keep_reading = hook != NULL;
	if (hook && hook->sheet)
		hook->sheet(hook->ctx, w->R.sheet);
}

int pdx_rows_begin(pdx_rows **out, pdx_answers *set, const char *file, const char *sheet,
                   const pdx_read_options *opts, pdx_diags *diags)
{
	*out = NULL;
	pdx_rows *w = pdx_calloc(1, sizeof *w);
	if (!w)
		return PDX_ENOMEM;
	w->R.set = set;
	w->R.opts = opts;
	w->R.file = file;
	w->R.sheet = sheet;
	w->R.diags = pdx_diags_new();
	w->out = diags;
	int rc = w->R.diags
	             ? pdx_answers_begin(set, file, sheet, NULL, opts ? opts->default_year : 0)
	             : PDX_ENOMEM;
	if (rc) {
		pdx_diags_free(w->R.diags);
		pdx_free(w);
		return rc;
	}
	w->R.started = true;
	w->R.first_line = 1;
	*out = w;
	return 0;
}

bool pdx_rows_has_header(const pdx_rows *w)
{
	return w->R.header_done;
}

bool pdx_rows_ok(const pdx_rows *w)
{
	return !w->failed && !w->R.fatal && !w->R.oom;
}

/* A cell of a kept column that cannot be taken as given makes its row's problem. */
static void cell_problem(reader *R, const unsigned char *flags, size_t n)
{
	for (size_t i = 0; i < n && i < MAX_FIELDS && !R->cell_vi; i++) {
		if (!flags[i] || R->field_at[i] < 0)
			continue;
		bool year = R->field_at[i] == PDX_FIELD_YEAR;
		if (flags[i] == PDX_ROWS_DATE && !year)
			continue; /* a date where an answer is: read as its number, judged there */
		if (flags[i] == PDX_ROWS_DATE) {
			R->cell_vi =
			    pdx_aprintf("ô năm là một ngày tháng; hãy ghi năm là một số, ví dụ "
			                "2025; dòng bị bỏ qua");
			R->cell_en = pdx_aprintf("the year cell holds a date; write the year as a "
			                         "number, e.g. 2025; row skipped");
		} else {
			R->cell_vi =
			    pdx_aprintf("ô có công thức chưa được tính (không có giá trị lưu "
			                "sẵn): hãy mở và lưu tệp bằng Excel hoặc LibreOffice "
			                "trước; dòng bị bỏ qua");
			R->cell_en =
			    pdx_aprintf("the cell holds a formula with no saved value: open "
			                "and save the file in Excel or LibreOffice first; row "
			                "skipped");
		}
		if (!R->cell_vi || !R->cell_en) {
			R->oom = true;
			return;
		}
		const char *crit = cell(R, PDX_FIELD_CRITERION);
		R->cell_problem =
		    (pdx_diag){PDX_SEV_ERROR,
		               flags[i] == PDX_ROWS_DATE ? PDX_E_YEAR : PDX_E_CELL_VALUE,
		               R->file,
		               R->sheet,
		               R->row_line,
		               (long)i + 1,
		               crit && *crit ? crit : NULL,
		               NULL,
		               R->cell_vi,
		               R->cell_en};
	}
}

int pdx_rows_add(pdx_rows *w, long line, const char *const *cells, const size_t *lens, size_t n,
                 const unsigned char *flags)
{
	reader *R = &w->R;
	if (!pdx_rows_ok(w))
		return R->oom ? PDX_ENOMEM : PDX_EINVALID;
	/* after the header, a row has the header's cells: the empty ones a sheet leaves
	 * out are put back, and what lies right of the header (a note beside the table)
	 * is not read */
	if (w->hook)
		for (size_t i = 0; i < n; i++)
			if (cells[i])
				w->hook->cell(w->hook->ctx, line, (long)i + 1, cells[i], lens[i]);
	size_t width = R->header_done ? R->n_header : n;
	for (size_t i = 0; i < width && !R->oom; i++) {
		const char *s = i < n && cells[i] ? cells[i] : "";
		on_field((void *)s, i < n && cells[i] ? lens[i] : 0, R);
	}
	R->row_line = line;
	if (R->header_done && flags)
		cell_problem(R, flags, n < width ? n : width);
	on_row(0, R);
	pdx_free(R->cell_vi);
	pdx_free(R->cell_en);
	R->cell_vi = R->cell_en = NULL;
	return R->oom ? PDX_ENOMEM : 0;
}

void pdx_rows_fail(pdx_rows *w, pdx_code code, long line, long col, char *vi, char *en)
{
	ferr(&w->R, code, line, col, vi, en);
	w->failed = true;
}

int pdx_rows_end(pdx_rows *w, int rc)
{
	if (!w)
		return rc;
	reader *R = &w->R;
	if (R->header_bad)
		R->fatal = true;
	if (!rc && !R->header_done && !R->fatal && !R->oom && !w->failed) {
		ferr(R, PDX_E_EMPTY_FILE, 0, 0,
		     pdx_aprintf("trang tính trống: không có dòng tiêu đề (agency_id, criterion, "
		                 "answer, ...)%s",
		                 ""),
		     pdx_aprintf("empty sheet: no header row (agency_id, criterion, answer, ...)%s",
		                 ""));
		R->fatal = true;
	}
	if (!rc)
		rc = R->oom ? PDX_ENOMEM : R->fatal || w->failed ? PDX_EINVALID : 0;
	else if (rc != PDX_ENOMEM && !R->oom)
		rc = PDX_EINVALID;
	else
		rc = PDX_ENOMEM;
	rc = finish(R, w->out, rc);
	pdx_free(w);
	return rc;
}
