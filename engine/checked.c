/* SPDX-License-Identifier: MIT */
/* The annotated copy of an answers file (pressdx check -o): the agency's own sheet
 * again, every cell a diagnostic names marked and commented, every unanswered answer
 * cell marked, and a sheet listing every problem (the one the workbook opens on).
 *
 * The cells are not read a second time by a reader of our own: the readers hand every
 * raw cell to a hook (pdx_cell_hook, internal.h) at the very row and column their
 * diagnostics give — a CSV record at the physical line it starts on, so a record
 * with a line break inside a quoted cell keeps its line, and the lines it spans are
 * empty rows of the copy; a worksheet's cell at its own reference. The copy therefore
 * puts each comment on exactly the cell the diagnostic names, and, read again, gives
 * the same diagnostics: every cell is written as the text the reader saw (numbers
 * too), which the reader takes back as it was. Formatting, formulas and the other
 * sheets of a workbook are not carried over. */
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

/* Excel's limits of a worksheet */
#define MAX_ROW 1048576L
#define MAX_COL 16384L
/* a comment's text is kept under Excel's cell limit */
#define MAX_COMMENT 30000

/* the fills: Excel's own "bad" red and "neutral" amber, and a blue for "not answered" */
#define FILL_ERROR      0xFFC7CE
#define FILL_WARNING    0xFFEB9C
#define FILL_UNANSWERED 0xDDEBF7

typedef struct gcell {
	long row, col;
	size_t off; /* the text at grid.text.data + off, NUL-terminated */
} gcell;

typedef struct grid {
	gcell *c;
	size_t n, cap;
	pdx_buf text;
	char *sheet;
	bool oom;
} grid;

static void grid_cell(void *ctx, long row, long col, const char *text, size_t len)
{
	grid *g = ctx;
	if (!len || g->oom || row < 1 || col < 1)
		return;
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 256;
		gcell *p = pdx_reallocarray(g->c, cap, sizeof *p);
		if (!p) {
			g->oom = true;
			return;
		}
		g->c = p;
		g->cap = cap;
	}
	g->c[g->n++] = (gcell){row, col, g->text.len};
	pdx_buf_append(&g->text, text, len);
	pdx_buf_putc(&g->text, '\0');
	if (g->text.failed)
		g->oom = true;
}

static void grid_sheet(void *ctx, const char *name)
{
	grid *g = ctx;
	pdx_free(g->sheet);
	g->sheet = name ? pdx_strdup(name) : NULL;
	if (name && !g->sheet)
		g->oom = true;
}

static int by_place(const void *a, const void *b)
{
	const gcell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* One problem of the list: a diagnostic, or an answer not given. */
enum { KIND_ERROR = 0, KIND_WARNING = 1, KIND_UNANSWERED = 2 };

typedef struct problem {
	int kind;
	long row, col;         /* 0: none */
	const pdx_diag *diag;  /* NULL for an answer not given */
	const char *agency;    /* for an answer not given (owned by the set) */
	const char *criterion; /* likewise */
} problem;

typedef struct plist {
	problem *p;
	size_t n, cap;
} plist;

static int plist_add(plist *l, problem p)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		problem *q = pdx_reallocarray(l->p, cap, sizeof *q);
		if (!q)
			return PDX_ENOMEM;
		l->p = q;
		l->cap = cap;
	}
	l->p[l->n++] = p;
	return 0;
}

/* Problems with a cell, ordered by cell, then as listed (qsort is not stable: `seq`). */
typedef struct mark {
	long row, col;
	size_t seq;
} mark;

static int by_mark(const void *a, const void *b)
{
	const mark *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* "D7" */
static void cell_ref(char *out, size_t size, long row, long col)
{
	char letters[8];
	size_t k = sizeof letters;
	letters[--k] = '\0';
	for (long c = col; c > 0 && k > 0; c = (c - 1) / 26)
		letters[--k] = (char)('A' + (c - 1) % 26);
	snprintf(out, size, "%s%ld", letters + k, row);
}

static const char *kind_name(int kind)
{
	return kind == KIND_ERROR     ? "lỗi (error)"
	       : kind == KIND_WARNING ? "cảnh báo (warning)"
	                              : "chưa trả lời (not answered)";
}

/* The message of a problem, Vietnamese and English. */
static void messages(const problem *p, const char **vi, const char **en, char **own_vi,
                     char **own_en)
{
	*own_vi = *own_en = NULL;
	if (p->diag) {
		*vi = p->diag->message_vi;
		*en = p->diag->message_en;
	} else if (p->row) {
		*vi = "chưa trả lời";
		*en = "not answered";
	} else {
		*own_vi = pdx_aprintf("tiêu chí %s không có trong tệp: chưa trả lời", p->criterion);
		*own_en =
		    pdx_aprintf("criterion %s is not in the file: not answered", p->criterion);
		*vi = *own_vi ? *own_vi : "chưa trả lời";
		*en = *own_en ? *own_en : "not answered";
	}
}

typedef struct formats {
	lxw_format *head, *fill[3];
} formats;

static void problems_sheet(pdx_xlsx *x, lxw_worksheet *ws, const plist *l, const formats *f)
{
	static const char *const heads[] = {
	    "Vị trí (place)", "Cơ quan (agency)",       "Tiêu chí (criterion)", "Mức độ (severity)",
	    "Mã (code)",      "Thông báo (tiếng Việt)", "Message (English)"};
	static const double widths[] = {12, 12, 12, 22, 12, 70, 70};
	for (lxw_col_t c = 0; c < 7; c++) {
		pdx_xlsx_text(x, ws, 0, c, heads[c], f->head);
		pdx_xlsx_check(x, worksheet_set_column(ws, c, c, widths[c], NULL));
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (size_t i = 0; i < l->n && !x->err; i++) {
		const problem *p = &l->p[i];
		lxw_row_t row = (lxw_row_t)(i + 1);
		char place[64] = "";
		if (p->row && p->col)
			cell_ref(place, sizeof place, p->row, p->col);
		else if (p->row)
			snprintf(place, sizeof place, "dòng %ld (row %ld)", p->row, p->row);
		const char *vi, *en;
		char *own_vi, *own_en;
		messages(p, &vi, &en, &own_vi, &own_en);
		pdx_xlsx_text(x, ws, row, 0, place, NULL);
		pdx_xlsx_text(x, ws, row, 1, p->diag ? p->diag->agency_id : p->agency, NULL);
		pdx_xlsx_text(x, ws, row, 2, p->diag ? p->diag->criterion : p->criterion, NULL);
		pdx_xlsx_text(x, ws, row, 3, kind_name(p->kind), f->fill[p->kind]);
		pdx_xlsx_text(x, ws, row, 4, p->diag ? pdx_code_name(p->diag->code) : NULL, NULL);
		pdx_xlsx_text(x, ws, row, 5, vi, NULL);
		pdx_xlsx_text(x, ws, row, 6, en, NULL);
		pdx_free(own_vi);
		pdx_free(own_en);
	}
}

/* The comment of the cell marked by ms[0..n) (problems of one cell, in list order). */
static char *comment_of(const plist *l, const mark *ms, size_t n)
{
	pdx_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		const problem *p = &l->p[ms[i].seq];
		const char *vi, *en;
		char *own_vi, *own_en;
		messages(p, &vi, &en, &own_vi, &own_en);
		if (b.len > MAX_COMMENT) {
			pdx_buf_puts(&b, "\n…");
			i = n;
		} else {
			if (i)
				pdx_buf_puts(&b, "\n\n");
			if (p->diag)
				pdx_buf_printf(&b, "%s %s: ", pdx_code_name(p->diag->code),
				               p->kind == KIND_ERROR ? "lỗi" : "cảnh báo");
			pdx_buf_printf(&b, "%s\n(%s%s)", vi,
			               !p->diag                ? ""
			               : p->kind == KIND_ERROR ? "error: "
			                                       : "warning: ",
			               en);
		}
		pdx_free(own_vi);
		pdx_free(own_en);
	}
	char *s = NULL;
	size_t len;
	return pdx_buf_finish(&b, &s, &len) ? NULL : s;
}

static const char *grid_text(const grid *g, long row, long col)
{
	size_t lo = 0, hi = g->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const gcell *c = &g->c[mid];
		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->n && g->c[lo].row == row && g->c[lo].col == col)
		return g->text.data + g->c[lo].off;
	return NULL;
}

static void answers_sheet(pdx_xlsx *x, lxw_worksheet *ws, const grid *g, const plist *l,
                          const formats *f)
{
	size_t nm = 0;
	for (size_t i = 0; i < l->n; i++)
		nm += l->p[i].row && l->p[i].col;
	mark *ms = pdx_calloc(nm ? nm : 1, sizeof *ms);
	if (!ms) {
		x->err = PDX_ENOMEM;
		return;
	}
	nm = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->p[i].row && l->p[i].col)
			ms[nm++] = (mark){l->p[i].row, l->p[i].col, i};
	qsort(ms, nm, sizeof *ms, by_mark);
	lxw_comment_options co = {.author = "pressdx", .width = 360, .height = 140};
	size_t m = 0;
	for (size_t i = 0; (i < g->n || m < nm) && !x->err;) {
		/* the next place: a cell of the sheet, or a marked place, whichever is first */
		long row, col;
		if (m < nm && (i >= g->n || ms[m].row < g->c[i].row ||
		               (ms[m].row == g->c[i].row && ms[m].col <= g->c[i].col))) {
			row = ms[m].row;
			col = ms[m].col;
		} else {
			row = g->c[i].row;
			col = g->c[i].col;
		}
		const char *text = grid_text(g, row, col);
		while (i < g->n && g->c[i].row == row && g->c[i].col == col)
			i++;
		size_t first = m;
		int worst = KIND_UNANSWERED + 1;
		while (m < nm && ms[m].row == row && ms[m].col == col) {
			int k = l->p[ms[m].seq].kind;
			if (k < worst)
				worst = k;
			m++;
		}
		if (row > MAX_ROW || col > MAX_COL) {
			x->err = PDX_EINVALID;
			break;
		}
		lxw_row_t r = (lxw_row_t)(row - 1);
		lxw_col_t c = (lxw_col_t)(col - 1);
		lxw_format *fmt = m > first ? f->fill[worst] : NULL;
		pdx_xlsx_text(x, ws, r, c, text, fmt);
		if (m > first && !x->err) {
			char *note = comment_of(l, ms + first, m - first);
			if (!note) {
				x->err = PDX_ENOMEM;
				break;
			}
			pdx_xlsx_check(x, worksheet_write_comment_opt(ws, r, c, note, &co));
			pdx_free(note);
		}
	}
	pdx_free(ms);
}

/* The problems: the diagnostics in `all`, each with its cell when it names one, and the
 * answers not given — a blank answer cell (a criterion row of the long layout, a
 * criterion column of the wide one), or a criterion of the rubric with no row. */
static int collect(plist *l, const pdx_diags *all, const pdx_answers *set,
                   pdx_result *const *results, size_t n_results)
{
	for (size_t i = 0; i < pdx_diags_count(all); i++) {
		const pdx_diag *d = pdx_diags_get(all, i);
		problem p = {d->severity == PDX_SEV_ERROR ? KIND_ERROR : KIND_WARNING,
		             d->line > 0 ? d->line : 0,
		             d->line > 0 && d->column > 0 ? d->column : 0,
		             d,
		             NULL,
		             NULL};
		if (plist_add(l, p))
			return PDX_ENOMEM;
	}
	for (size_t i = 0; i < pdx_answers_count(set); i++) {
		const pdx_assessment *a = pdx_answers_get(set, i);
		size_t cur = 0;
		pdx_answer an;
		while (pdx_assessment_next_answer(a, &cur, &an))
			if (an.criterion && !an.value && an.line > 0 && an.column > 0 &&
			    plist_add(l, (problem){KIND_UNANSWERED, an.line, an.column, NULL,
			                           a->agency_id, an.criterion}))
				return PDX_ENOMEM;
		const pdx_result *res = i < n_results ? results[i] : NULL;
		size_t nc = res ? pdx_rubric_criterion_count(res->rubric) : 0;
		for (size_t k = 0; res && res->criteria && k < nc; k++) {
			const pdx_criterion_result *cr = &res->criteria[k];
			if (cr->status == PDX_CRIT_UNANSWERED && !cr->answer &&
			    plist_add(l, (problem){KIND_UNANSWERED, 0, 0, NULL, a->agency_id,
			                           cr->criterion->id}))
				return PDX_ENOMEM;
		}
	}
	return 0;
}

static int write_book(const grid *g, const plist *l, pdx_write_fn write, void *ctx)
{
	pdx_xlsx x;
	int rc = pdx_xlsx_open(&x, false);
	if (rc)
		return rc;
	formats f = {0};
	f.head = workbook_add_format(x.wb);
	static const lxw_color_t fills[3] = {FILL_ERROR, FILL_WARNING, FILL_UNANSWERED};
	for (int k = 0; k < 3; k++) {
		f.fill[k] = workbook_add_format(x.wb);
		if (f.fill[k]) {
			format_set_pattern(f.fill[k], LXW_PATTERN_SOLID);
			format_set_bg_color(f.fill[k], fills[k]);
		}
	}
	if (f.head)
		format_set_bold(f.head);
	/* The answers first: the agency corrects them and sends the file back, and the
	 * reader takes the first sheet (no --sheet to know of); the problems second, but
	 * the sheet the workbook opens on. */
	char answers[128], problems[128];
	pdx_xlsx_sheet_name(answers, sizeof answers, g->sheet ? g->sheet : "Câu trả lời", NULL, 0);
	char *taken[1] = {answers};
	pdx_xlsx_sheet_name(problems, sizeof problems, "Các vấn đề", taken, 1);
	lxw_worksheet *as = workbook_add_worksheet(x.wb, answers);
	lxw_worksheet *ps = workbook_add_worksheet(x.wb, problems);
	if (!f.head || !f.fill[0] || !f.fill[1] || !f.fill[2] || !ps || !as) {
		pdx_xlsx_discard(&x);
		return PDX_ENOMEM;
	}
	answers_sheet(&x, as, g, l, &f);
	problems_sheet(&x, ps, l, &f);
	worksheet_activate(ps);
	if (x.err) {
		rc = x.err;
		pdx_xlsx_discard(&x);
		return rc;
	}
	return pdx_xlsx_close(&x, write, ctx);
}

int pdx_answers_annotate(const char *path, const pdx_read_options *opts, const pdx_rubric *r,
                         pdx_write_fn write, void *ctx, pdx_diags *diags)
{
	if (!path || !r || !write || !diags)
		return PDX_EARG;
	grid g = {0};
	pdx_cell_hook hook = {grid_cell, grid_sheet, &g};
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *all = pdx_diags_new();
	pdx_result **results = NULL;
	size_t n_results = 0;
	plist l = {0};
	int rc = set && all ? 0 : PDX_ENOMEM;
	int read_rc = 0;
	if (!rc) {
		read_rc = pdx_internal_read_file_hooked(set, path, opts, all, &hook);
		rc = read_rc == PDX_ENOMEM || g.oom ? PDX_ENOMEM : read_rc == PDX_EIO ? PDX_EIO : 0;
	}
	/* scored as validate does, the criteria kept: the answers' own errors are found
	 * by scoring, and the criteria never answered are known from the results */
	size_t n = rc ? 0 : pdx_answers_count(set);
	if (n) {
		results = pdx_calloc(n, sizeof *results);
		pdx_scorer *scorer = NULL;
		rc = results ? pdx_scorer_new(&scorer, r, NULL) : PDX_ENOMEM;
		for (size_t i = 0; i < n && !rc; i++) {
			rc = pdx_scorer_score(scorer, &results[i], pdx_answers_get(set, i));
			if (!rc) {
				n_results++;
				rc = pdx_diags_append(all, results[i]->diags);
			}
		}
		pdx_scorer_free(scorer);
	}
	if (rc != PDX_ENOMEM && all && pdx_diags_append(diags, all))
		rc = PDX_ENOMEM;
	if (!rc) {
		qsort(g.c, g.n, sizeof *g.c, by_place);
		rc = collect(&l, all, set, results, n_results);
	}
	if (!rc) {
		rc = write_book(&g, &l, write, ctx);
		if (rc == PDX_EINVALID &&
		    pdx_diag_addc(diags, PDX_E_OUTPUT, PDX_SEV_ERROR, path, 0, 0, NULL, NULL,
		                  "tệp có nhiều dòng hoặc cột hơn một trang tính chứa được "
		                  "(1.048.576 dòng, 16.384 cột); không ghi được bản có chú thích",
		                  "the file has more rows or columns than a worksheet holds "
		                  "(1,048,576 rows, 16,384 columns); the annotated copy cannot "
		                  "be written"))
			rc = PDX_ENOMEM;
		else if (rc == PDX_EINVALID)
			rc = PDX_EIO;
	}
	if (!rc && read_rc == PDX_EINVALID)
		rc = PDX_EINVALID; /* rejected whole, yet written: its rows as read */
	for (size_t i = 0; i < n_results; i++)
		pdx_result_free(results[i]);
	pdx_free(results);
	pdx_free(l.p);
	pdx_diags_free(all);
	pdx_answers_free(set);
	pdx_free(g.c);
	pdx_buf_free(&g.text);
	pdx_free(g.sheet);
	return rc;
}
