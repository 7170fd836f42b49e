/* SPDX-License-Identifier: MIT */
/* The report model as JSON for scripts, streamed a section at a time:
 *
 *   {"report": KIND, "rubric": {…}, "groups": [
 *      {"group": {KEYS}, TABLE: [{COLUMN KEY: value, …}, …], FIGURE KEY: value, …}, …],
 *    DOCUMENT FIGURE KEY: value, …, "notes": [{"kind", "message", "message_en"}]}
 *
 * Points and percents are numbers with at most two decimals, counts integers, a year
 * an integer or null, a level two members (KEY: number, KEY_name: name). The pieces are
 * json-c objects printed as they would be nested in the whole (pdx_json_put_nested). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

typedef struct json_doc {
	json_object *section;   /* the open section */
	json_object *rows;      /* its open table */
	const pdx_column *cols; /* of that table */
	size_t n_cols;
	json_object *figures; /* the document's */
	json_object *notes;
	size_t n_sections;
	int failed;
} json_doc;

static json_object *value_of(const pdx_cell *c)
{
	switch (c->type) {
	case PDX_CELL_POINTS:
	case PDX_CELL_PERCENT:
		return pdx_json_points((pdx_points)c->n);
	case PDX_CELL_COUNT:
	case PDX_CELL_LEVEL:
		return json_object_new_int64(c->n);
	case PDX_CELL_YEAR:
		return c->n ? json_object_new_int64(c->n) : NULL;
	case PDX_CELL_TEXT:
	default:
		return c->text ? json_object_new_string(c->text) : NULL;
	}
}

/* Adds key: value (and key_name for a level) to `o`. */
static void put_cell(json_doc *j, json_object *o, const char *key, const pdx_cell *c)
{
	json_object *v = value_of(c);
	bool null_ok = c->type == PDX_CELL_YEAR || (c->type == PDX_CELL_TEXT && !c->text);
	if (!v && !null_ok)
		j->failed = 1;
	pdx_jput(o, key, v, &j->failed);
	if (c->type == PDX_CELL_LEVEL) {
		char name_key[128];
		snprintf(name_key, sizeof name_key, "%s_name", key);
		pdx_jstr(o, name_key, c->text, &j->failed);
	}
}

static void j_begin(void *self, pdx_buf *b, const pdx_rubric *r, const char *kind,
                    const char *title_vi, const char *title_en)
{
	json_doc *j = self;
	(void)title_vi;
	(void)title_en;
	json_object *k = json_object_new_string(kind), *rub = pdx_json_rubric(r, &j->failed);
	if (!k || !rub)
		j->failed = 1;
	else {
		pdx_buf_puts(b, "{\n  \"report\": ");
		pdx_json_put_nested(b, k, 1);
		pdx_buf_puts(b, ",\n  \"rubric\": ");
		pdx_json_put_nested(b, rub, 1);
		pdx_buf_puts(b, ",\n  \"groups\": [");
	}
	json_object_put(k);
	json_object_put(rub);
	if (j->failed)
		b->failed = 1;
}

static void j_section(void *self, pdx_buf *b, const char *heading, const pdx_doc_key *keys,
                      size_t n_keys)
{
	json_doc *j = self;
	(void)heading;
	j->section = json_object_new_object();
	json_object *g = json_object_new_object();
	for (size_t i = 0; i < n_keys; i++)
		put_cell(j, g, keys[i].key, &keys[i].value);
	pdx_jput(j->section, "group", g, &j->failed);
	if (!j->section)
		j->failed = 1;
	if (j->failed)
		b->failed = 1;
}

static void j_section_end(void *self, pdx_buf *b)
{
	json_doc *j = self;
	if (j->section && !j->failed) {
		pdx_buf_puts(b, j->n_sections++ ? ",\n    " : "\n    ");
		pdx_json_put_nested(b, j->section, 2);
	}
	json_object_put(j->section);
	j->section = NULL;
	if (j->failed)
		b->failed = 1;
}

static void j_table(void *self, pdx_buf *b, const char *name, const pdx_column *cols, size_t n)
{
	json_doc *j = self;
	j->cols = cols;
	j->n_cols = n;
	j->rows = json_object_new_array();
	/* the section keeps the array; rows are added to it */
	if (!j->rows || !j->section || json_object_object_add(j->section, name, j->rows) != 0) {
		json_object_put(j->rows);
		j->rows = NULL;
		j->failed = 1;
		b->failed = 1;
	}
}

static void j_row(void *self, pdx_buf *b, const pdx_cell *cells)
{
	json_doc *j = self;
	if (!j->rows)
		return;
	json_object *o = json_object_new_object();
	for (size_t i = 0; o && i < j->n_cols; i++)
		if (pdx_column_shown(&j->cols[i], false))
			put_cell(j, o, j->cols[i].key, &cells[i]);
	pdx_jpush(j->rows, o, &j->failed);
	if (j->failed)
		b->failed = 1;
}

static void j_table_end(void *self, pdx_buf *b)
{
	json_doc *j = self;
	(void)b;
	j->rows = NULL;
}

static void j_figure(void *self, pdx_buf *b, bool in_section, const char *key, const char *label,
                     pdx_cell value)
{
	json_doc *j = self;
	(void)label;
	if (in_section && j->section) {
		put_cell(j, j->section, key, &value);
	} else {
		if (!j->figures)
			j->figures = json_object_new_object();
		if (!j->figures)
			j->failed = 1;
		else
			put_cell(j, j->figures, key, &value);
	}
	if (j->failed)
		b->failed = 1;
}

static void j_note(void *self, pdx_buf *b, bool in_section, pdx_note_kind kind, const char *vi,
                   const char *en)
{
	json_doc *j = self;
	json_object *list = NULL;
	if (in_section && j->section) {
		/* the section's own "notes" array, made with its first note */
		if (!json_object_object_get_ex(j->section, "notes", &list)) {
			list = json_object_new_array();
			pdx_jput(j->section, "notes", list, &j->failed);
			if (j->failed)
				list = NULL; /* freed by pdx_jput */
		}
	} else {
		if (!j->notes)
			j->notes = json_object_new_array();
		list = j->notes;
	}
	json_object *o = json_object_new_object();
	pdx_jstr(o, "kind",
	         kind == PDX_NOTE_ERROR     ? "error"
	         : kind == PDX_NOTE_WARNING ? "warning"
	                                    : "info",
	         &j->failed);
	pdx_jstr(o, "message", vi, &j->failed);
	pdx_jstr(o, "message_en", en, &j->failed);
	pdx_jpush(list, o, &j->failed);
	if (j->failed)
		b->failed = 1;
}

static void j_end(void *self, pdx_buf *b)
{
	json_doc *j = self;
	if (j->failed) {
		b->failed = 1;
		return;
	}
	pdx_buf_puts(b, "\n  ]");
	if (!j->figures)
		j->figures = json_object_new_object(); /* none: the loop below is empty */
	if (!j->figures) {
		b->failed = 1;
		return;
	}
	json_object_object_foreach(j->figures, key, val)
	{
		json_object *k = json_object_new_string(key);
		if (!k) {
			b->failed = 1;
			return;
		}
		pdx_buf_puts(b, ",\n  ");
		pdx_json_put_nested(b, k, 1);
		json_object_put(k);
		pdx_buf_puts(b, ": ");
		if (val)
			pdx_json_put_nested(b, val, 1);
		else
			pdx_buf_puts(b, "null");
	}
	pdx_buf_puts(b, ",\n  \"notes\": ");
	if (j->notes)
		pdx_json_put_nested(b, j->notes, 1);
	else
		pdx_buf_puts(b, "[]");
	pdx_buf_puts(b, "\n}\n");
}

static void j_free(void *self)
{
	json_doc *j = self;
	if (!j)
		return;
	json_object_put(j->section);
	json_object_put(j->figures);
	json_object_put(j->notes);
	pdx_free(j);
}

static const pdx_doc_sink json_sink = {
    .begin = j_begin,
    .section = j_section,
    .section_end = j_section_end,
    .table = j_table,
    .row = j_row,
    .table_end = j_table_end,
    .figure = j_figure,
    .note = j_note,
    .end = j_end,
    .free = j_free,
};

void *pdx_doc_json_new(const pdx_doc_sink **sink)
{
	*sink = &json_sink;
	return pdx_calloc(1, sizeof(json_doc));
}
