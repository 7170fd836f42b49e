/* Answers CSV reader: bytes from Excel, LibreOffice or a text editor → assessments.
 *
 * libcsv tokenizes; everything around it is ours: encodings (BOM, UTF-16, legacy
 * Vietnamese code pages), the `sep=` line, delimiter detection, physical line numbers
 * (libcsv reports none), NFC and Unicode-space trimming, header mapping, and the
 * grouping of rows into assessments (agency × year). */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_ANSWERS_BYTES ((size_t)256 << 20)
#define MAX_FIELDS        4096

enum col {
	C_AGENCY,
	C_CRITERION,
	C_ANSWER,
	C_NAME,
	C_PROVINCE,
	C_OWNER,
	C_BLOCK,
	C_MEDIA,
	C_YEAR,
	C_EVIDENCE,
	C_NOTE,
	C_COUNT
};

static const char *const col_names[C_COUNT] = {"agency_id", "criterion", "answer", "agency_name",
                                               "province",  "owner",     "block",  "media",
                                               "year",      "evidence",  "note"};

/* An assessment with the bookkeeping that the public struct does not show. */
typedef struct assess {
	pdx_assessment pub;
	pdx_answer *answers;
	size_t cap;
	long *by_item; /* criterion/question index → answer index, or -1 */
	pdx_diags *diags;
	/* where each identity field was first given, for conflict messages */
	long meta_line[C_COUNT];
	const char *meta_file[C_COUNT];
} assess;

struct pdx_answers {
	const pdx_rubric *rubric;
	pdx_arena *arena;
	assess **items;
	size_t n, cap;
	/* open-addressing hash of (agency_id, year) → index + 1 */
	size_t *slots;
	size_t n_slots;
};

pdx_answers *pdx_answers_new(const pdx_rubric *rubric)
{
	pdx_answers *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->rubric = rubric;
	s->arena = pdx_arena_new();
	if (!s->arena) {
		free(s);
		return NULL;
	}
	return s;
}

void pdx_answers_free(pdx_answers *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i]->answers);
		free(s->items[i]->by_item);
		pdx_diags_free(s->items[i]->diags);
		free(s->items[i]);
	}
	free(s->items);
	free(s->slots);
	pdx_arena_free(s->arena);
	free(s);
}

size_t pdx_answers_count(const pdx_answers *s)
{
	return s->n;
}

const pdx_assessment *pdx_answers_get(const pdx_answers *s, size_t i)
{
	return i < s->n ? &s->items[i]->pub : NULL;
}

const pdx_answer *pdx_assessment_answer(const pdx_assessment *a, long criterion_index)
{
	const assess *x = (const assess *)a;
	if (criterion_index < 0 || !x->by_item)
		return NULL;
	long k = x->by_item[criterion_index];
	return k >= 0 ? &x->answers[k] : NULL;
}

static size_t hash_key(const char *id, int year)
{
	size_t h = 1469598103934665603u;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return (h ^ (size_t)year) * 1099511628211u;
}

static int rehash(pdx_answers *s)
{
	size_t n = s->n_slots ? s->n_slots * 2 : 64;
	size_t *slots = calloc(n, sizeof(*slots));
	if (!slots)
		return PDX_ENOMEM;
	for (size_t i = 0; i < s->n; i++) {
		size_t h = hash_key(s->items[i]->pub.agency_id, s->items[i]->pub.year) & (n - 1);
		while (slots[h])
			h = (h + 1) & (n - 1);
		slots[h] = i + 1;
	}
	free(s->slots);
	s->slots = slots;
	s->n_slots = n;
	return 0;
}

static assess *find_assess(const pdx_answers *s, const char *id, int year)
{
	if (!s->n_slots)
		return NULL;
	size_t h = hash_key(id, year) & (s->n_slots - 1);
	while (s->slots[h]) {
		assess *a = s->items[s->slots[h] - 1];
		if (a->pub.year == year && strcmp(a->pub.agency_id, id) == 0)
			return a;
		h = (h + 1) & (s->n_slots - 1);
	}
	return NULL;
}

static assess *add_assess(pdx_answers *s, const char *id, int year, const char *file, long line)
{
	if ((s->n + 1) * 2 > s->n_slots && rehash(s))
		return NULL;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		assess **p = realloc(s->items, cap * sizeof(*p));
		if (!p)
			return NULL;
		s->items = p;
		s->cap = cap;
	}
	assess *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	size_t n_items =
	    pdx_rubric_criterion_count(s->rubric) + pdx_rubric_question_count(s->rubric);
	a->by_item = malloc((n_items + 1) * sizeof(long));
	a->diags = pdx_diags_new();
	a->pub.agency_id = pdx_arena_strdup(s->arena, id);
	if (!a->by_item || !a->diags || !a->pub.agency_id) {
		free(a->by_item);
		pdx_diags_free(a->diags);
		free(a);
		return NULL;
	}
	for (size_t i = 0; i < n_items; i++)
		a->by_item[i] = -1;
	a->pub.year = year;
	a->pub.file = file;
	a->pub.line = line;
	a->pub.diags = a->diags;
	s->items[s->n++] = a;
	size_t h = hash_key(id, year) & (s->n_slots - 1);
	while (s->slots[h])
		h = (h + 1) & (s->n_slots - 1);
	s->slots[h] = s->n;
	return a;
}

/* ---- reading one file ---- */

typedef struct field {
	char *text;  /* cleaned copy (NFC, trimmed), malloc'd; "" for columns not read */
	int invalid; /* not valid UTF-8 (only possible after a bad conversion) */
	int blank;   /* nothing but ASCII white space */
} field;

static int is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && (s[i] < 0x09 || s[i] > 0x0d))
			return 0;
	return 1;
}

typedef struct reader {
	pdx_answers *set;
	const pdx_read_options *opts;
	pdx_diags *diags; /* file-level problems */
	const char *file; /* arena copy */
	field *fields;
	size_t n_fields, cap_fields;
	long row_line; /* physical line where the current row started */
	int header_done;
	int col[C_COUNT]; /* field index of each known column, or -1 */
	size_t n_header;  /* cells in the header row */
	char delim;
	bool wanted[MAX_FIELDS]; /* field index → one of the known columns */
	/* the previous row's cell per known column, raw and cleaned: agency name,
	 * province, owner… repeat on every row of an agency, and NFC is the costly part */
	struct {
		char *raw, *clean;
		size_t len;
	} cache[C_COUNT];
	int fatal; /* file rejected */
	int oom;
	int too_many_fields;
} reader;

static void file_error(reader *R, long line, long col, const char *vi, const char *en)
{
	if (pdx_diag_addf(R->diags, PDX_SEV_ERROR, R->file, line, col, NULL, NULL, vi, en))
		R->oom = 1;
}

#define RERR(diags, R, line, col, crit, agency, vi_fmt, en_fmt, ...)                               \
	do {                                                                                       \
		char *vi_ = pdx_aprintf(vi_fmt, __VA_ARGS__);                                      \
		char *en_ = pdx_aprintf(en_fmt, __VA_ARGS__);                                      \
		if (!vi_ || !en_ ||                                                                \
		    pdx_diag_addf((diags), PDX_SEV_ERROR, (R)->file, (line), (col), (crit),        \
		                  (agency), vi_, en_))                                             \
			(R)->oom = 1;                                                              \
		free(vi_);                                                                         \
		free(en_);                                                                         \
	} while (0)

static void on_field(void *cell_data, size_t len, void *data)
{
	reader *R = data;
	/* libcsv passes NULL only with CSV_EMPTY_IS_NULL, which we do not set; be sure */
	const char *s = cell_data ? (const char *)cell_data : "";
	if (!cell_data)
		len = 0;
	if (R->n_fields >= MAX_FIELDS) {
		R->too_many_fields = 1;
		return;
	}
	if (R->n_fields == R->cap_fields) {
		size_t cap = R->cap_fields ? R->cap_fields * 2 : 16;
		field *p = realloc(R->fields, cap * sizeof(*p));
		if (!p) {
			R->oom = 1;
			return;
		}
		R->fields = p;
		R->cap_fields = cap;
	}
	field *f = &R->fields[R->n_fields++];
	f->blank = is_blank(s, len);
	if (R->header_done && !R->wanted[R->n_fields - 1]) {
		/* a column we do not read (question text, notes of the template…): not
		 * worth normalising */
		f->invalid = 0;
		f->text = pdx_strdup("");
		if (!f->text)
			R->oom = 1;
		return;
	}
	int c = -1;
	for (int k = 0; R->header_done && k < C_COUNT && c < 0; k++)
		if (R->col[k] == (int)R->n_fields - 1)
			c = k;
	if (c >= 0 && R->cache[c].raw && R->cache[c].len == len &&
	    memcmp(R->cache[c].raw, s, len) == 0) {
		f->invalid = 0;
		f->text = pdx_strdup(R->cache[c].clean);
		if (!f->text)
			R->oom = 1;
		return;
	}
	f->invalid = pdx_utf8_invalid(s, len) >= 0;
	f->text = f->invalid ? pdx_strdup("") : pdx_utf8_clean(s, len);
	if (!f->text) {
		R->oom = 1;
		return;
	}
	/* Undo our own spreadsheet neutralisation ('=…, '+…, '-…, '@…; see pdx_csv_cell)
	 * so that a template prefilled by pressdx reads back as it was given. */
	if (f->text[0] == '\'' && f->text[1] && strchr("=+-@", f->text[1]))
		memmove(f->text, f->text + 1, strlen(f->text));
	if (c >= 0 && !f->invalid) {
		free(R->cache[c].raw);
		free(R->cache[c].clean);
		R->cache[c].raw = malloc(len + 1);
		R->cache[c].clean = pdx_strdup(f->text);
		R->cache[c].len = len;
		if (R->cache[c].raw)
			memcpy(R->cache[c].raw, s, len);
		if (!R->cache[c].raw || !R->cache[c].clean) {
			free(R->cache[c].raw);
			free(R->cache[c].clean);
			R->cache[c].raw = R->cache[c].clean = NULL;
		}
	}
}

static void clear_fields(reader *R)
{
	for (size_t i = 0; i < R->n_fields; i++)
		free(R->fields[i].text);
	R->n_fields = 0;
}

static const char *cell(const reader *R, enum col c)
{
	int k = R->col[c];
	if (k < 0 || (size_t)k >= R->n_fields || !R->fields[k].text[0])
		return NULL;
	return R->fields[k].text;
}

static void read_header(reader *R)
{
	for (int c = 0; c < C_COUNT; c++)
		R->col[c] = -1;
	for (size_t i = 0; i < R->n_fields; i++) {
		char *folded = pdx_utf8_fold(R->fields[i].text);
		if (!folded) {
			R->oom = 1;
			return;
		}
		for (int c = 0; c < C_COUNT; c++) {
			if (strcmp(folded, col_names[c]) != 0)
				continue;
			if (R->col[c] >= 0) {
				RERR(R->diags, R, R->row_line, (long)i + 1, NULL, NULL,
				     "cột \"%s\" xuất hiện hai lần trong dòng tiêu đề (cột %d và "
				     "%zu)",
				     "column \"%s\" appears twice in the header (columns %d and "
				     "%zu)",
				     col_names[c], R->col[c] + 1, i + 1);
				R->fatal = 1;
			}
			R->col[c] = (int)i;
		}
		free(folded);
	}
	for (int c = 0; c < C_COUNT; c++)
		if (R->col[c] >= 0)
			R->wanted[R->col[c]] = true;
	const enum col required[] = {C_AGENCY, C_CRITERION, C_ANSWER};
	for (size_t k = 0; k < sizeof required / sizeof *required; k++) {
		if (R->col[required[k]] >= 0)
			continue;
		RERR(R->diags, R, R->row_line, 0L, NULL, NULL,
		     "thiếu cột bắt buộc \"%s\"; dòng tiêu đề phải có agency_id, criterion, answer "
		     "(hãy dùng tệp mẫu của lệnh \"pressdx template\")",
		     "missing required column \"%s\"; the header must name agency_id, criterion, "
		     "answer "
		     "(start from \"pressdx template\")",
		     col_names[required[k]]);
		R->fatal = 1;
	}
	R->header_done = 1;
	R->n_header = R->n_fields;
}

/* A year is four digits; anything else ("20024", "2025.0") is refused so that a typo
 * never becomes a separate assessment silently. */
static int parse_year(const char *s, int *year)
{
	if (strlen(s) != 4)
		return -1;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	*year = atoi(s);
	return *year >= 1900 && *year <= 2999 ? 0 : -1;
}

/* Identity fields of an agency must agree between rows of the same year. */
static void check_meta(reader *R, assess *a, enum col c, const char **slot)
{
	const char *v = cell(R, c);
	if (!v)
		return;
	if (!*slot) {
		*slot = pdx_arena_strdup(R->set->arena, v);
		a->meta_line[c] = R->row_line;
		a->meta_file[c] = R->file;
		if (!*slot)
			R->oom = 1;
		return;
	}
	if (c == C_MEDIA || strcmp(*slot, v) == 0)
		return;
	char *now = pdx_excerpt(v), *was = pdx_excerpt(*slot);
	if (!now || !was)
		R->oom = 1;
	else
		RERR(a->diags, R, R->row_line, (long)R->col[c] + 1, NULL, a->pub.agency_id,
		     "%s \"%s\" khác với \"%s\" ở dòng %ld của %s; mọi dòng của một cơ quan trong "
		     "cùng năm phải giống nhau; giữ \"%s\"",
		     "%s \"%s\" differs from \"%s\" on line %ld of %s; all rows of one agency and "
		     "year must agree; \"%s\" is kept",
		     col_names[c], now, was, a->meta_line[c], a->meta_file[c], was);
	free(now);
	free(was);
}

static void unknown_criterion(reader *R, assess *a, const char *id)
{
	/* The usual slips: "1.1.1." or "1.1.1 " typed by hand; suggest the real id. */
	char *stripped = pdx_strdup(id);
	const pdx_rubric *rb = R->set->rubric;
	const char *hint = NULL;
	if (stripped) {
		size_t n = strlen(stripped);
		while (n && (stripped[n - 1] == '.' || stripped[n - 1] == ' '))
			stripped[--n] = '\0';
		long k = pdx_rubric_find_criterion(rb, stripped);
		if (k >= 0)
			hint = pdx_rubric_criterion(rb, (size_t)k)->id;
	}
	char *shown = pdx_excerpt(id);
	if (!shown)
		R->oom = 1;
	else if (hint)
		RERR(a->diags, R, R->row_line, (long)R->col[C_CRITERION] + 1, shown,
		     a->pub.agency_id,
		     "mã tiêu chí \"%s\" không có trong bộ chỉ số; có phải là \"%s\"?",
		     "unknown criterion id \"%s\"; did you mean \"%s\"?", shown, hint);
	else
		RERR(a->diags, R, R->row_line, (long)R->col[C_CRITERION] + 1, shown,
		     a->pub.agency_id, "mã tiêu chí \"%s\" không có trong bộ chỉ số %s",
		     "unknown criterion id \"%s\" (not in rubric %s)", shown,
		     pdx_rubric_meta_get(rb)->id);
	free(shown);
	free(stripped);
}

static int add_answer(reader *R, assess *a, long crit, long question, const char *id)
{
	if (a->pub.n_answers == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;
		pdx_answer *p = realloc(a->answers, cap * sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		a->answers = p;
		a->cap = cap;
		a->pub.answers = p;
	}
	pdx_arena *ar = R->set->arena;
	pdx_answer *x = &a->answers[a->pub.n_answers];
	memset(x, 0, sizeof(*x));
	x->criterion = pdx_arena_strdup(ar, id);
	x->criterion_index = crit;
	x->question_index = question;
	x->value = cell(R, C_ANSWER) ? pdx_arena_strdup(ar, cell(R, C_ANSWER)) : NULL;
	x->evidence = cell(R, C_EVIDENCE) ? pdx_arena_strdup(ar, cell(R, C_EVIDENCE)) : NULL;
	x->note = cell(R, C_NOTE) ? pdx_arena_strdup(ar, cell(R, C_NOTE)) : NULL;
	x->file = R->file;
	x->line = R->row_line;
	x->column = R->col[C_ANSWER] + 1;
	if (!x->criterion || (cell(R, C_ANSWER) && !x->value))
		return PDX_ENOMEM;
	size_t slot = crit >= 0 ? (size_t)crit
	                        : pdx_rubric_criterion_count(R->set->rubric) + (size_t)question;
	a->by_item[slot] = (long)a->pub.n_answers++;
	return 0;
}

/* Adds an error at the current row; takes the two messages (NULL: out of memory). */
static void row_error(reader *R, pdx_diags *to, long col, const char *crit, const char *agency,
                      char *vi, char *en)
{
	if (!vi || !en ||
	    pdx_diag_addf(to, PDX_SEV_ERROR, R->file, R->row_line, col, crit, agency, vi, en))
		R->oom = 1;
	free(vi);
	free(en);
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
 * on would put values in the wrong columns, so the row is reported and skipped. */
static int row_shape_ok(reader *R)
{
	size_t need = 0;
	for (int c = 0; c < C_COUNT; c++)
		if ((c == C_AGENCY || c == C_CRITERION || c == C_ANSWER) &&
		    (size_t)R->col[c] + 1 > need)
			need = (size_t)R->col[c] + 1;
	size_t extra = R->n_header;
	while (extra < R->n_fields && R->fields[extra].blank)
		extra++;
	if (extra < R->n_fields) {
		/* the agency and criterion are readable: the error belongs to them */
		const char *agency = cell(R, C_AGENCY), *crit = cell(R, C_CRITERION);
		int year = R->opts ? R->opts->default_year : 0;
		const char *ys = cell(R, C_YEAR);
		if (ys && parse_year(ys, &year) != 0)
			year = R->opts ? R->opts->default_year : 0;
		assess *a = agency ? find_assess(R->set, agency, year) : NULL;
		if (agency && !a && !(a = add_assess(R->set, agency, year, R->file, R->row_line))) {
			R->oom = 1;
			return 0;
		}
		char *vi =
		    pdx_aprintf("dòng có %zu ô nhưng dòng tiêu đề chỉ có %zu; ô có %s phải đặt "
		                "trong ngoặc kép; dòng bị bỏ qua",
		                R->n_fields, R->n_header, delim_name(R->delim, 0));
		char *en = pdx_aprintf("row has %zu cells but the header has only %zu; a cell "
		                       "containing %s must be quoted; row skipped",
		                       R->n_fields, R->n_header, delim_name(R->delim, 1));
		row_error(R, a ? a->diags : R->diags, (long)extra + 1, crit, agency, vi, en);
		return 0;
	}
	if (R->n_fields < need) {
		/* a row holding another delimiter than the header's: name it */
		char other = 0;
		for (size_t i = 0; i < R->n_fields && !other; i++)
			for (const char *d = ",;\t"; *d && !other; d++)
				if (*d != R->delim && strchr(R->fields[i].text, *d))
					other = *d;
		char o[4] = {other, 0}, h[4] = {R->delim, 0};
		const char *os = other == '\t' ? "tab" : o, *hs = R->delim == '\t' ? "tab" : h;
		char *vi, *en;
		if (other) {
			vi = pdx_aprintf(
			    "dòng chỉ có %zu ô nhưng dòng tiêu đề có %zu ô; có vẻ dòng này "
			    "dùng dấu phân cách \"%s\" thay vì \"%s\"; dòng bị bỏ qua",
			    R->n_fields, R->n_header, os, hs);
			en = pdx_aprintf(
			    "row has %zu cell%s but the header has %zu; it seems to use "
			    "\"%s\" as the delimiter instead of \"%s\"; row skipped",
			    R->n_fields, R->n_fields == 1 ? "" : "s", R->n_header, os, hs);
		} else {
			vi = pdx_aprintf(
			    "dòng chỉ có %zu ô nhưng dòng tiêu đề có %zu ô; dòng bị bỏ qua",
			    R->n_fields, R->n_header);
			en = pdx_aprintf("row has %zu cell%s but the header has %zu; row skipped",
			                 R->n_fields, R->n_fields == 1 ? "" : "s", R->n_header);
		}
		row_error(R, R->diags, 0, NULL, NULL, vi, en);
		return 0;
	}
	return 1;
}

static void read_row(reader *R)
{
	int any = 0;
	for (size_t i = 0; i < R->n_fields; i++) {
		if (R->fields[i].invalid) {
			file_error(R, R->row_line, (long)i + 1,
			           "ô chứa byte không phải UTF-8 sau khi chuyển mã",
			           "cell holds bytes that are not UTF-8 after conversion");
			return;
		}
		any |= R->fields[i].text[0] != '\0';
	}
	if (!any) /* a row of empty cells, as spreadsheets write below the data */
		return;
	if (!R->header_done) {
		read_header(R);
		return;
	}
	if (!row_shape_ok(R))
		return;
	const char *agency = cell(R, C_AGENCY);
	if (!agency) {
		file_error(R, R->row_line, R->col[C_AGENCY] + 1,
		           "dòng không có agency_id (mã cơ quan); dòng bị bỏ qua",
		           "row without an agency_id; row skipped");
		return;
	}
	int year = R->opts ? R->opts->default_year : 0;
	const char *ys = cell(R, C_YEAR);
	if (ys && parse_year(ys, &year) != 0) {
		/* The row cannot join an assessment, but the agency is known: its error is
		 * reported with the agency's other rows when there are any. */
		pdx_diags *to = R->diags;
		for (size_t i = 0; i < R->set->n; i++)
			if (strcmp(R->set->items[i]->pub.agency_id, agency) == 0) {
				to = R->set->items[i]->diags;
				break;
			}
		char *yx = pdx_excerpt(ys);
		if (!yx)
			R->oom = 1;
		else
			RERR(to, R, R->row_line, (long)R->col[C_YEAR] + 1, NULL, agency,
			     "năm \"%s\" không hợp lệ, cần 4 chữ số (ví dụ 2025); dòng bị bỏ qua",
			     "invalid year \"%s\", expected four digits (e.g. 2025); row skipped",
			     yx);
		free(yx);
		return;
	}
	assess *a = find_assess(R->set, agency, year);
	if (!a) {
		a = add_assess(R->set, agency, year, R->file, R->row_line);
		if (!a) {
			R->oom = 1;
			return;
		}
	}
	check_meta(R, a, C_NAME, &a->pub.agency_name);
	check_meta(R, a, C_PROVINCE, &a->pub.province);
	check_meta(R, a, C_OWNER, &a->pub.owner);
	check_meta(R, a, C_BLOCK, &a->pub.block);
	check_meta(R, a, C_MEDIA, &a->pub.media);

	const char *id = cell(R, C_CRITERION);
	if (!id) {
		RERR(a->diags, R, R->row_line, (long)R->col[C_CRITERION] + 1, NULL, agency,
		     "dòng không có mã tiêu chí (cột criterion)%s", "row without a criterion id%s",
		     "");
		return;
	}
	const pdx_rubric *rb = R->set->rubric;
	long crit = pdx_rubric_find_criterion(rb, id), q = -1;
	if (crit < 0)
		q = pdx_rubric_find_question(rb, id);
	if (crit < 0 && q < 0) {
		unknown_criterion(R, a, id);
		return;
	}
	size_t slot = crit >= 0 ? (size_t)crit : pdx_rubric_criterion_count(rb) + (size_t)q;
	if (a->by_item[slot] >= 0) {
		const pdx_answer *first = &a->answers[a->by_item[slot]];
		RERR(a->diags, R, R->row_line, (long)R->col[C_CRITERION] + 1, id, agency,
		     "tiêu chí %s đã được trả lời cho năm này ở %s dòng %ld; chỉ câu trả lời đầu "
		     "tiên "
		     "được tính",
		     "criterion %s already answered for this year at %s line %ld; only the first "
		     "answer counts",
		     id, first->file, first->line);
		return;
	}
	if (add_answer(R, a, crit, q, id))
		R->oom = 1;
}

static void on_row(int c, void *data)
{
	reader *R = data;
	(void)c;
	if (R->too_many_fields) {
		RERR(R->diags, R, R->row_line, (long)MAX_FIELDS + 1, NULL, NULL,
		     "dòng có hơn %d cột", "row has more than %d columns", MAX_FIELDS);
		R->fatal = 1;
	}
	if (!R->fatal && !R->oom)
		read_row(R);
	clear_fields(R);
	R->too_many_fields = 0;
}

/* Column (in characters, 1-based) of byte `off` within the line starting at `line`. */
static long char_col(const char *line, size_t off)
{
	long col = 1;
	for (size_t i = 0; i < off; i++)
		if (((unsigned char)line[i] & 0xc0) != 0x80)
			col++;
	return col;
}

static void locate(const char *data, size_t off, long *line, long *col)
{
	long ln = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++) {
		if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= off || data[i + 1] != '\n'))) {
			ln++;
			start = i + 1;
		}
	}
	*line = ln;
	*col = char_col(data + start, off - start);
}

/* Converts `in` from `from` to UTF-8 with iconv. On an invalid sequence reports the
 * byte offset through *bad and returns PDX_EINVALID. */
static int convert(const char *from, const char *in, size_t len, char **out, size_t *out_len,
                   size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) /* NOLINT(performance-no-int-to-ptr): iconv's own error value */
		return PDX_EARG;
	size_t cap = len * 4 + 16;
	char *buf = malloc(cap);
	if (!buf) {
		iconv_close(cd);
		return PDX_ENOMEM;
	}
	char *ip = (char *)in, *op = buf;
	size_t il = len, ol = cap - 1;
	int rc = 0;
	while (il > 0) {
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno == E2BIG) { /* cannot happen with 4× room; be safe */
				rc = PDX_ENOMEM;
			} else {
				*bad = (size_t)(ip - in);
				rc = PDX_EINVALID;
			}
			break;
		}
	}
	/* CP1258 and TCVN are stateful in glibc: a base letter waits for a combining
	 * mark that may follow, so the last letter only comes out on this flush. */
	if (!rc && iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		rc = PDX_ENOMEM;
	iconv_close(cd);
	if (rc) {
		free(buf);
		return rc;
	}
	*op = '\0';
	*out = buf;
	*out_len = (size_t)(op - buf);
	return 0;
}

static char detect_delimiter(const char *s, size_t len)
{
	size_t counts[3] = {0, 0, 0};
	const char delims[3] = {',', ';', '\t'};
	int quoted = 0;
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

static int space_only(unsigned char c)
{
	return c == ' ';
}

static int space_or_tab(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/* Feeds libcsv one physical line at a time so that each row knows where it starts:
 * a row starts on the first line fed while libcsv is between rows. */
static void tokenize(reader *R, const char *s, size_t len, long first_line, char delim)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		R->oom = 1;
		return;
	}
	csv_set_delim(&p, (unsigned char)delim);
	/* libcsv grows a cell's buffer by this much at a time; its default (128 bytes)
	 * makes a 10 MB cell cost 80,000 reallocations */
	csv_set_blk_size(&p, (size_t)1 << 20);
	csv_set_space_func(&p, delim == '\t' ? space_only : space_or_tab);
	long line = first_line;
	size_t i = 0;
	while (i < len && !R->fatal && !R->oom) {
		size_t j = i;
		while (j < len && s[j] != '\n' && s[j] != '\r')
			j++;
		if (j < len)
			j += (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') ? 2 : 1;
		if (p.pstate == 0) /* ROW_NOT_BEGUN */
			R->row_line = line;
		size_t done = csv_parse(&p, s + i, j - i, on_field, on_row, R);
		if (done != j - i) {
			if (csv_error(&p) == CSV_EPARSE) {
				RERR(R->diags, R, line, char_col(s + i, done), NULL, NULL,
				     "dấu ngoặc kép sai chỗ: một ô có dấu \" phải được bao cả ô "
				     "trong "
				     "ngoặc kép và nhân đôi dấu \" bên trong (%s)",
				     "malformed quote: a cell containing \" must be quoted as a "
				     "whole, "
				     "with inner quotes doubled (%s)",
				     "\"a \"\"b\"\" c\"");
			} else {
				R->oom = 1;
			}
			R->fatal = 1;
			break;
		}
		line++;
		i = j;
	}
	if (!R->fatal && !R->oom && csv_fini(&p, on_field, on_row, R) != 0) {
		RERR(R->diags, R, R->row_line, 0L, NULL, NULL,
		     "dấu ngoặc kép mở ở dòng %ld không được đóng đến hết tệp",
		     "quote opened on line %ld is never closed before the end of the file",
		     R->row_line);
		R->fatal = 1;
	}
	csv_free(&p);
	clear_fields(R);
}

static const char *legacy_charset(const char *enc)
{
	if (!enc)
		return NULL;
	if (strcmp(enc, "cp1258") == 0 || strcmp(enc, "windows-1258") == 0)
		return "CP1258";
	if (strcmp(enc, "tcvn3") == 0 || strcmp(enc, "tcvn") == 0)
		return "TCVN5712-1";
	if (strcmp(enc, "utf-8") == 0 || strcmp(enc, "utf8") == 0)
		return "UTF-8";
	return "";
}

/* Undoes what a file's encoding did: returns the text as UTF-8 in *text (either `data`
 * itself or a converted copy in *owned). */
static int decode(reader *R, const char *data, size_t len, const char **text, size_t *tlen,
                  char **owned)
{
	*owned = NULL;
	const unsigned char *u = (const unsigned char *)data;
	const char *cs = legacy_charset(R->opts ? R->opts->encoding : NULL);
	if (cs && !*cs) {
		RERR(R->diags, R, 0L, 0L, NULL, NULL,
		     "bảng mã \"%s\" không được hỗ trợ; dùng cp1258 hoặc tcvn3",
		     "unsupported encoding \"%s\"; use cp1258 or tcvn3", R->opts->encoding);
		return PDX_EINVALID;
	}
	size_t bad = 0;
	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
		/* Excel's "Unicode Text": UTF-16 with a BOM, tab-delimited. */
		int rc = convert("UTF-16", data, len, owned, tlen, &bad);
		if (rc == PDX_EINVALID) {
			/* the place in UTF-16 code units: lines end at U+000A */
			bool be = u[0] == 0xfe;
			long line = 1;
			size_t start = 2;
			for (size_t i = 2; i + 1 < bad; i += 2) {
				unsigned unit = be ? (unsigned)(u[i] << 8 | u[i + 1])
				                   : (unsigned)(u[i + 1] << 8 | u[i]);
				if (unit == '\n') {
					line++;
					start = i + 2;
				}
			}
			RERR(R->diags, R, line, (long)((bad - start) / 2 + 1), NULL, NULL,
			     "tệp UTF-16 bị hỏng ở byte %zu", "broken UTF-16 file at byte %zu",
			     bad);
			return rc;
		}
		if (rc)
			return rc;
		*text = *owned;
		if (*tlen >= 3 && memcmp(*text, "\xef\xbb\xbf", 3) == 0)
			*text += 3, *tlen -= 3;
		return 0;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
		cs = NULL; /* a UTF-8 BOM says what the file is */
	}
	if (cs && strcmp(cs, "UTF-8") != 0) {
		int rc = convert(cs, data, len, owned, tlen, &bad);
		if (rc == PDX_EINVALID) {
			long line, col;
			locate(data, bad, &line, &col);
			RERR(R->diags, R, line, col, NULL, NULL,
			     "byte 0x%02X không thuộc bảng mã %s", "byte 0x%02X is not valid %s",
			     (unsigned char)data[bad], R->opts->encoding);
			return rc;
		}
		if (rc)
			return rc;
		*text = *owned;
		return 0;
	}
	long off = pdx_utf8_invalid(data, len);
	if (off >= 0) {
		long line, col;
		locate(data, (size_t)off, &line, &col);
		if (data[off] == '\0')
			RERR(R->diags, R, line, col, NULL, NULL,
			     "tệp chứa byte NUL: không phải tệp văn bản CSV%s",
			     "the file contains a NUL byte: not a CSV text file%s", "");
		else
			RERR(
			    R->diags, R, line, col, NULL, NULL,
			    "byte 0x%02X không phải UTF-8; hãy lưu tệp dạng \"CSV UTF-8\" trong "
			    "Excel, "
			    "hoặc chỉ rõ bảng mã cũ bằng --encoding cp1258 (hoặc tcvn3)",
			    "byte 0x%02X is not UTF-8; save the file as \"CSV UTF-8\" in Excel, or "
			    "name a legacy encoding with --encoding cp1258 (or tcvn3)",
			    (unsigned char)data[off]);
		return PDX_EINVALID;
	}
	*text = data;
	*tlen = len;
	return 0;
}

int pdx_answers_read_memory(pdx_answers *set, const char *data, size_t len, const char *name,
                            const pdx_read_options *opts, pdx_diags *diags)
{
	if (!set || (!data && len))
		return PDX_EARG;
	reader R;
	memset(&R, 0, sizeof R);
	R.set = set;
	R.opts = opts;
	R.diags = diags;
	R.file = pdx_arena_strdup(set->arena, name ? name : "<answers>");
	if (!R.file)
		return PDX_ENOMEM;

	const char *text;
	size_t tlen;
	char *owned;
	int rc = decode(&R, data ? data : "", len, &text, &tlen, &owned);
	if (rc)
		return rc;

	/* Excel honours a first line "sep=;" naming the delimiter; so do we. */
	long first_line = 1;
	char delim = opts && opts->delimiter ? opts->delimiter : 0;
	if (tlen >= 4 && strncmp(text, "sep=", 4) == 0 &&
	    (tlen == 4 || text[4] == '\r' || text[4] == '\n' || text[4] == '"')) {
		file_error(
		    &R, 1, 5,
		    "dòng \"sep=\" không nêu dấu phân cách; hãy viết sep=, hoặc sep=; hoặc xóa "
		    "dòng này",
		    "the \"sep=\" line names no delimiter; write sep=, or sep=; or remove the "
		    "line");
		free(owned);
		return PDX_EINVALID;
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
		first_line = 2;
	}
	if (!delim)
		delim = detect_delimiter(text, tlen);
	R.delim = delim;

	/* A file is accepted or rejected as a whole: rows are added to the set as they
	 * are read (so duplicates and conflicts across files are caught), and undone if
	 * the file turns out malformed further down. */
	pdx_diags *local = pdx_diags_new();
	if (!local) {
		free(owned);
		return PDX_ENOMEM;
	}
	R.diags = local;
	size_t n_before = set->n;
	size_t *answers_before = malloc((n_before + 1) * sizeof(size_t));
	size_t *diags_before = malloc((n_before + 1) * sizeof(size_t));
	assess *meta_before = malloc((n_before + 1) * sizeof(assess));
	if (!answers_before || !diags_before || !meta_before) {
		free(answers_before);
		free(diags_before);
		free(meta_before);
		pdx_diags_free(local);
		free(owned);
		return PDX_ENOMEM;
	}
	for (size_t i = 0; i < n_before; i++) {
		answers_before[i] = set->items[i]->pub.n_answers;
		diags_before[i] = pdx_diags_count(set->items[i]->diags);
		meta_before[i] = *set->items[i]; /* identity fields a rejected file may set */
	}

	tokenize(&R, text, tlen, first_line, delim);
	if (!R.header_done && !R.fatal && !R.oom) {
		file_error(&R, first_line, 0,
		           "tệp trống: không có dòng tiêu đề (agency_id, criterion, answer, ...)",
		           "empty file: no header row (agency_id, criterion, answer, ...)");
		R.fatal = 1;
	}
	rc = R.oom ? PDX_ENOMEM : R.fatal ? PDX_EINVALID : 0;
	if (rc) {
		/* Roll back: a rejected file contributes nothing. */
		for (size_t i = set->n; i > n_before; i--) {
			assess *a = set->items[i - 1];
			free(a->answers);
			free(a->by_item);
			pdx_diags_free(a->diags);
			free(a);
		}
		set->n = n_before;
		if (set->n_slots) {
			free(set->slots);
			set->slots = NULL;
			set->n_slots = 0;
			if (rehash(set))
				rc = PDX_ENOMEM;
		}
		for (size_t i = 0; i < n_before; i++) {
			assess *a = set->items[i];
			size_t nb = answers_before[i];
			for (size_t k = nb; k < a->pub.n_answers; k++) {
				const pdx_answer *x = &a->answers[k];
				size_t slot = x->criterion_index >= 0
				                  ? (size_t)x->criterion_index
				                  : pdx_rubric_criterion_count(set->rubric) +
				                        (size_t)x->question_index;
				a->by_item[slot] = -1;
			}
			a->pub.n_answers = nb;
			a->pub.agency_name = meta_before[i].pub.agency_name;
			a->pub.province = meta_before[i].pub.province;
			a->pub.owner = meta_before[i].pub.owner;
			a->pub.block = meta_before[i].pub.block;
			a->pub.media = meta_before[i].pub.media;
			memcpy(a->meta_line, meta_before[i].meta_line, sizeof a->meta_line);
			memcpy(a->meta_file, meta_before[i].meta_file, sizeof a->meta_file);
			/* diagnostics about rows of the rejected file are dropped with them */
			pdx_diags *kept = pdx_diags_new();
			if (kept) {
				for (size_t k = 0; k < diags_before[i]; k++)
					pdx_diags_add(kept, pdx_diags_get(a->diags, k));
				pdx_diags_free(a->diags);
				a->diags = kept;
				a->pub.diags = kept;
			}
		}
		/* only the file-level errors explain a rejection */
		for (size_t k = 0; k < pdx_diags_count(local); k++) {
			const pdx_diag *g = pdx_diags_get(local, k);
			if (g->severity == PDX_SEV_ERROR && !g->agency_id)
				pdx_diags_add(diags, g);
		}
		if (!pdx_diags_errors(diags) && rc == PDX_EINVALID)
			pdx_diags_append(diags, local);
	} else {
		pdx_diags_append(diags, local);
	}
	free(answers_before);
	free(diags_before);
	free(meta_before);
	free(R.fields);
	for (int c = 0; c < C_COUNT; c++) {
		free(R.cache[c].raw);
		free(R.cache[c].clean);
	}
	pdx_diags_free(local);
	free(owned);
	return rc;
}

int pdx_answers_read_file(pdx_answers *set, const char *path, const pdx_read_options *opts,
                          pdx_diags *diags)
{
	char *data;
	size_t len;
	int rc = pdx_read_all(&data, &len, path, MAX_ANSWERS_BYTES);
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (rc == PDX_EINVALID) {
		pdx_diag_addf(diags, PDX_SEV_ERROR, name, 0, 0, NULL, NULL,
		              "tệp quá lớn (tối đa 256 MiB)", "file too large (at most 256 MiB)");
		return rc;
	}
	if (rc) {
		char *en = pdx_aprintf("cannot read the file: %s", strerror(errno));
		pdx_diag_addf(diags, PDX_SEV_ERROR, name, 0, 0, NULL, NULL, "không đọc được tệp",
		              en ? en : "cannot read the file");
		free(en);
		return rc;
	}
	rc = pdx_answers_read_memory(set, data, len, name, opts, diags);
	free(data);
	return rc;
}
