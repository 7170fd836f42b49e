/* SPDX-License-Identifier: MIT */
/* Private: the report model (doc.c) — an analysis says once what a report holds, and a
 * writer per format renders it.
 *
 * A document is a stream of calls, in this order:
 *
 *   pdx_doc_new (format, where bytes go) → begin (rubric, title)
 *     { section (heading for people, group keys for machines)
 *         { table (name, columns) { row }* | figure | bars | band | note }*
 *       [section_end] }*
 *     { fact | note }* → end → free
 *
 * A note while a section is open belongs to the section; after section_end (or
 * before the first section), to the document.
 *
 * Nothing is kept after the section it belongs to: a writer holds at most one section
 * (text needs a table's column widths before its first line), so memory is bounded by
 * a group or an assessment, never by the batch. Cells are typed (text, points,
 * percent, level, count, year): each writer formats them its own way — a JSON number,
 * a CSV cell, a padded text column, an HTML cell and bar.
 *
 * Writers: text (terminal and printer), CSV (Excel: one table per document, UTF-8 BOM,
 * CRLF, formula-looking cells neutralised), JSON (machines; a section is {"group":
 * {keys}, <table name>: [rows as objects], <figure keys>}), HTML (a self-contained page,
 * doc_html.c), XLSX (a workbook, a sheet per table, doc_xlsx.c). Every call returns 0 or a PDX_
 * error; after the first error every call returns it and nothing more is written. */
#ifndef PDX_DOC_H
#define PDX_DOC_H

#include "internal.h"

typedef enum {
	PDX_CELL_TEXT = 0, /* text: user text is escaped by every writer */
	PDX_CELL_POINTS,   /* n: hundredths of a point (pdx_points) */
	PDX_CELL_PERCENT,  /* n: hundredths of a percent */
	PDX_CELL_LEVEL,    /* n: the level's number; text: its name */
	PDX_CELL_COUNT,    /* n */
	PDX_CELL_YEAR      /* n; 0: unknown (empty) */
} pdx_cell_type;

typedef struct pdx_cell {
	pdx_cell_type type;
	const char *text; /* NULL: empty */
	long long n;
} pdx_cell;

/* Who a column is for: every writer, or only the machine ones (CSV, JSON: an id
 * people do not read), or only the people ones (text, HTML). */
enum { PDX_COL_ALL = 0, PDX_COL_MACHINE = 1, PDX_COL_PEOPLE = 2 };

typedef struct pdx_column {
	const char *key;   /* CSV header and JSON member: ASCII, stable */
	const char *label; /* text and HTML header: Vietnamese */
	pdx_cell_type type;
	unsigned only; /* PDX_COL_* */
} pdx_column;

/* A group key of a section, for machines: JSON "group": {key: value}. */
typedef struct pdx_doc_key {
	const char *key;
	pdx_cell value;
} pdx_doc_key;

/* One bar of a chart: value out of max (both hundredths), and where the bar should
 * reach (a plan's target; -1: none). */
typedef struct pdx_bar {
	const char *label;
	long long value, max;
	long long target;
} pdx_bar;

/* One bar of a stacked chart: a count per category (categories are given once). */
typedef struct pdx_stack_row {
	const char *label;
	const long long *counts;
} pdx_stack_row;

typedef enum { PDX_NOTE_INFO = 0, PDX_NOTE_WARNING, PDX_NOTE_ERROR } pdx_note_kind;

typedef struct pdx_doc pdx_doc;

/* fmt: PDX_FORMAT_TEXT, _CSV, _JSON, _HTML or _XLSX, with its language
 * (PDX_FORMAT_LANG): PDX_EARG for an unknown one. Bytes go to `write` in chunks. */
int pdx_doc_new(pdx_doc **out, pdx_format fmt, pdx_write_fn write, void *ctx);
/* The language the document is written in, for the builders' labels: the format's,
 * except JSON, which is always PDX_LANG_BOTH (it carries both texts of every note, and
 * its keys never change). A title or note given in both languages is shown in that
 * language alone (pdx_doc_begin, pdx_doc_note); the rest the builder chooses. */
pdx_lang pdx_doc_lang(const pdx_doc *d);
/* The document's head: the rubric (id, title, decision, its provisional notice) and
 * the title in Vietnamese and English. `kind` names the document for machines (JSON
 * "report": "publication"). */
int pdx_doc_begin(pdx_doc *d, const pdx_rubric *r, const char *kind, const char *title_vi,
                  const char *title_en);
/* pdx_doc_begin with the title from the catalogue: `en` (a msgid) in English, its
 * Vietnamese otherwise, followed in the both form by `gloss`, the English the both
 * form has always shown (NULL: none). pdx_doc_note_tr is the same for a note. */
int pdx_doc_begin_tr(pdx_doc *d, const pdx_rubric *r, const char *kind, const char *en,
                     const char *gloss);
int pdx_doc_note_tr(pdx_doc *d, pdx_note_kind kind, const char *en, const char *gloss);
/* A note from a catalogue format: its Vietnamese, and in English `en_fmt` alone, or in
 * the both form followed by `gloss_fmt` (NULL: none), the English the both form has
 * always shown; both formats take the same arguments. */
int pdx_doc_notef(pdx_doc *d, pdx_note_kind kind, const char *gloss_fmt, const char *en_fmt, ...)
    PDX_PRINTF(4, 5);
/* A group: the heading people read, and the keys machines read (may be empty). */
int pdx_doc_section(pdx_doc *d, const char *heading, const pdx_doc_key *keys, size_t n_keys);
/* Closes the open section (a later note or fact is the document's). */
int pdx_doc_section_end(pdx_doc *d);
/* A table of the current section; `cols` must live until the next table or section. */
int pdx_doc_table(pdx_doc *d, const char *name, const pdx_column *cols, size_t n_cols);
/* One row: a cell per column of the table (cells the writer does not show are still
 * given). The texts are copied when the writer needs them later. */
int pdx_doc_row(pdx_doc *d, const pdx_cell *cells);
/* A key figure of the open section, shown to everyone (text, HTML, JSON member). */
int pdx_doc_figure(pdx_doc *d, const char *key, const char *label, pdx_cell value);
/* A fact of the whole document for machines (a JSON member; what people read of it is
 * a note): closes the open section. */
int pdx_doc_fact(pdx_doc *d, const char *key, pdx_cell value);
/* A horizontal bar chart (bars are drawn in HTML; text shows the numbers). */
int pdx_doc_bars(pdx_doc *d, const char *title, const pdx_bar *bars, size_t n);
/* A radar chart of the same kind of values (each out of its max, drawn as a share):
 * HTML only (the bars or a table carry the numbers for the other formats). */
int pdx_doc_radar(pdx_doc *d, const char *title, const pdx_bar *bars, size_t n);
/* A stacked bar chart: per row, how many fall in each category (e.g. agencies per
 * level, categories from the lowest level up). Text shows the counts. */
int pdx_doc_stacked(pdx_doc *d, const char *title, const char *const *categories, size_t n_cat,
                    const pdx_stack_row *rows, size_t n_rows);
/* Where `value` stands on the scale 0..max of the rubric's levels (`levels`, `n`, by
 * lower bound): drawn in HTML, a line in text, nothing for machines (the level is a
 * cell or a figure). */
int pdx_doc_band(pdx_doc *d, const char *title, const pdx_level *levels, size_t n, long long value,
                 long long max);
/* A sentence for people (an error, a warning, what was left out), Vietnamese then
 * English; of the open section, else of the document. */
int pdx_doc_note(pdx_doc *d, pdx_note_kind kind, const char *vi, const char *en);
/* Closes the document and hands on what is left. */
int pdx_doc_end(pdx_doc *d);
void pdx_doc_free(pdx_doc *d);

/* A whole document in one string (the reports' whole-output functions): `build` makes
 * it from `what` in format `fmt`. On an error nothing is handed back. */
typedef int (*pdx_doc_build_fn)(pdx_doc *d, const pdx_rubric *r, const void *what);
int pdx_doc_collect(char **out, size_t *len, pdx_format fmt, const pdx_rubric *r,
                    pdx_doc_build_fn build, const void *what);

/* The writers (doc_text.c, doc_csv.c, doc_json.c, doc_html.c) behind the calls above:
 * each gets the events with a buffer to append to; doc.c flushes it. Every callback but
 * begin, table, row and free may be NULL: the writer shows nothing of that event. */
typedef struct pdx_doc_sink {
	void (*begin)(void *self, pdx_buf *b, const pdx_rubric *r, const char *kind,
	              const char *title_vi, const char *title_en);
	void (*section)(void *self, pdx_buf *b, const char *heading, const pdx_doc_key *keys,
	                size_t n_keys);
	void (*section_end)(void *self, pdx_buf *b);
	void (*table)(void *self, pdx_buf *b, const char *name, const pdx_column *cols, size_t n);
	void (*row)(void *self, pdx_buf *b, const pdx_cell *cells);
	void (*table_end)(void *self, pdx_buf *b);
	void (*figure)(void *self, pdx_buf *b, bool in_section, const char *key, const char *label,
	               pdx_cell value);
	void (*bars)(void *self, pdx_buf *b, const char *title, const pdx_bar *bars, size_t n);
	void (*band)(void *self, pdx_buf *b, const char *title, const pdx_level *levels, size_t n,
	             long long value, long long max);
	void (*radar)(void *self, pdx_buf *b, const char *title, const pdx_bar *bars, size_t n);
	void (*stacked)(void *self, pdx_buf *b, const char *title, const char *const *categories,
	                size_t n_cat, const pdx_stack_row *rows, size_t n_rows);
	void (*note)(void *self, pdx_buf *b, bool in_section, pdx_note_kind kind, const char *vi,
	             const char *en);
	void (*end)(void *self, pdx_buf *b);
	/* After end and once the buffer is handed on: the writer's own bytes, written
	 * straight to where the document goes (the workbook's temporary file); may be NULL */
	int (*spill)(void *self, pdx_write_fn write, void *ctx);
	/* 0, or the PDX_ error that stopped the writer (one that writes elsewhere than
	 * the buffer: the workbook's temporary file); may be NULL */
	int (*status)(void *self);
	void (*free)(void *self);
} pdx_doc_sink;

/* Each returns a new writer state (NULL: out of memory) and sets *sink; `lang` is the
 * language of the writer's own texts (the rubric's line, chart labels, sheet names). */
void *pdx_doc_text_new(const pdx_doc_sink **sink, pdx_lang lang);
void *pdx_doc_csv_new(const pdx_doc_sink **sink);
void *pdx_doc_json_new(const pdx_doc_sink **sink);
void *pdx_doc_html_new(const pdx_doc_sink **sink, pdx_lang lang);
void *pdx_doc_xlsx_new(const pdx_doc_sink **sink, pdx_lang lang);

/* Whether `fmt` is written only through the report model (HTML, XLSX), never by the
 * analyses' own text, CSV and JSON writers. */
static inline bool pdx_doc_only(pdx_format fmt)
{
	fmt = pdx_format_plain(fmt);
	return fmt == PDX_FORMAT_HTML || fmt == PDX_FORMAT_XLSX;
}

/* The score report on the model (report_score_doc.c): the head, then one section per
 * assessment (needs its criteria for the per-criterion table: not totals_only). Each
 * assessment is shown with the edition it was scored by (res->rubric; its id is a key
 * of the section); one scored by another edition than the document's (`doc_rubric`)
 * also names it, with its provisional notice where it has one. */
int pdx_score_doc_begin(pdx_doc *d, const pdx_rubric *r);
int pdx_score_doc_agency(pdx_doc *d, const pdx_rubric *doc_rubric, const pdx_result *res);
/* The ranking as a dashboard on the model (report_rank_doc.c). */
int pdx_rank_doc(pdx_doc *d, const pdx_rubric *r, const pdx_ranking *rk);
/* Roadmaps and comparisons on the model (report_gap_diff_doc.c); the roadmap part of
 * one gap, shared with the score page (report_score_doc.c). */
int pdx_gap_doc(pdx_doc *d, const pdx_rubric *r, pdx_gap *const *gaps, size_t n);
int pdx_diff_doc(pdx_doc *d, const pdx_rubric *r, const pdx_diff *df);
int pdx_gap_doc_roadmap(pdx_doc *d, const pdx_gap *g);
/* A plan's targets on the model (report_targets_doc.c). */
int pdx_targets_doc(pdx_doc *d, const pdx_rubric *r, const pdx_targets *t);
/* The summary as a dashboard on the model (report_summary_doc.c). */
int pdx_summary_doc(pdx_doc *d, const pdx_rubric *r, const pdx_summary *s);
/* The text report's head of a summary: the rubric's, or with several editions every
 * one's and which year each scored (report_summary.c). */
void pdx_summary_editions_text(pdx_buf *b, const pdx_rubric *r, const pdx_summary *s,
                               pdx_lang lang);

/* Columns whose labels are English msgids, put in `lang` (pdx_label with no both form:
 * the Vietnamese) into out[0..n), which is returned. */
const pdx_column *pdx_columns_in(pdx_column *out, const pdx_column *cols, size_t n, pdx_lang lang);

/* A cell as people read it ("12.50", "80.00 %", "Tốt", "2025", ""), in buf. */
const char *pdx_cell_format(const pdx_cell *c, char *buf, size_t size);
/* Whether a writer for people (`people`) or machines shows column `c`. */
bool pdx_column_shown(const pdx_column *c, bool people);

#endif
