/* SPDX-License-Identifier: MIT */
/* JSON report, built with json-c. Points are written from their exact hundredths as
 * the number's literal text ("81.06"), never through a double. */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Adds key → value to obj; records a failure instead of leaking on OOM. */
static void put(json_object *obj, const char *key, json_object *val, int *failed)
{
	if (!obj || !val || json_object_object_add(obj, key, val) != 0) {
		json_object_put(val);
		*failed = 1;
	}
}

static void push(json_object *arr, json_object *val, int *failed)
{
	if (!arr || !val || json_object_array_add(arr, val) != 0) {
		json_object_put(val);
		*failed = 1;
	}
}

json_object *pdx_json_points(pdx_points p)
{
	char buf[32];
	pdx_points_format_short(p, buf, sizeof buf);
	return json_object_new_double_s((double)p / 100.0, buf);
}

static json_object *str_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

/* json-c treats a NULL value as JSON null, so optional strings need no special case;
 * only a failed allocation of a non-NULL string must be told apart. */
static void put_opt(json_object *obj, const char *key, const char *s, int *failed)
{
	json_object *v = str_or_null(s);
	if (s && !v) {
		*failed = 1;
		return;
	}
	if (json_object_object_add(obj, key, v) != 0) {
		json_object_put(v);
		*failed = 1;
	}
}

json_object *pdx_json_rubric(const pdx_rubric *r, int *failed)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	json_object *o = json_object_new_object();
	if (!o) {
		*failed = 1;
		return NULL;
	}
	put_opt(o, "id", m->id, failed);
	put_opt(o, "title", m->title, failed);
	/* the weakest status of any element: provisional, else published, else official */
	put_opt(o, "status",
	        m->provisional ? "provisional"
	        : m->published ? "published"
	                       : "official",
	        failed);
	put_opt(o, "sha256", m->sha256, failed);
	put_opt(o, "decision", m->decision, failed);
	const char *notice = pdx_report_provisional_notice(r);
	put_opt(o, "notice", notice, failed);
	return o;
}

static const char *status_name(pdx_crit_status s)
{
	switch (s) {
	case PDX_CRIT_OK:
		return "ok";
	case PDX_CRIT_UNANSWERED:
		return "unanswered";
	case PDX_CRIT_ERROR:
		return "error";
	case PDX_CRIT_NO_EVIDENCE:
		return "no_evidence";
	}
	return "?";
}

static json_object *agency_json(const pdx_rubric *r, const pdx_result *res, int *failed)
{
	const pdx_assessment *a = res->assessment;
	json_object *o = json_object_new_object();
	if (!o) {
		*failed = 1;
		return NULL;
	}
	put_opt(o, "agency_id", a->agency_id, failed);
	put_opt(o, "agency_name", a->agency_name, failed);
	put_opt(o, "province", a->province, failed);
	put_opt(o, "owner", a->owner, failed);
	put_opt(o, "block", a->block, failed);
	put_opt(o, "media", a->media, failed);
	json_object_object_add(o, "year", a->year ? json_object_new_int(a->year) : NULL);
	put_opt(o, "rubric_id", pdx_rubric_meta_get(r)->id, failed);
	put(o, "total", pdx_json_points(res->total), failed);
	put(o, "level", json_object_new_int(res->level ? res->level->number : 0), failed);
	put_opt(o, "level_name", res->level ? res->level->name : NULL, failed);

	json_object *pillars = json_object_new_array();
	for (size_t i = 0; i < pdx_rubric_pillar_count(r); i++) {
		const pdx_pillar *p = pdx_rubric_pillar(r, i);
		json_object *po = json_object_new_object();
		put_opt(po, "id", p->id, failed);
		put_opt(po, "name", p->name, failed);
		put(po, "score", pdx_json_points(res->pillars[i]), failed);
		put(po, "max", pdx_json_points(p->max), failed);
		json_object *comps = json_object_new_array();
		for (size_t c = p->first_component; c < p->first_component + p->n_components; c++) {
			const pdx_component *C = pdx_rubric_component(r, c);
			json_object *co = json_object_new_object();
			put_opt(co, "id", C->id, failed);
			put_opt(co, "name", C->name, failed);
			put(co, "score", pdx_json_points(res->components[c]), failed);
			put(co, "max", pdx_json_points(C->max), failed);
			json_object *crits = json_object_new_array();
			for (size_t k = C->first_criterion; k < C->first_criterion + C->n_criteria;
			     k++) {
				const pdx_criterion_result *cr = &res->criteria[k];
				json_object *ko = json_object_new_object();
				put_opt(ko, "id", cr->criterion->id, failed);
				put_opt(ko, "answer", cr->answer ? cr->answer->value : NULL,
				        failed);
				put(ko, "points", pdx_json_points(cr->points), failed);
				put(ko, "max", pdx_json_points(cr->criterion->max), failed);
				put_opt(ko, "status", status_name(cr->status), failed);
				push(crits, ko, failed);
			}
			put(co, "criteria", crits, failed);
			push(comps, co, failed);
		}
		put(po, "components", comps, failed);
		push(pillars, po, failed);
	}
	put(o, "pillars", pillars, failed);

	json_object *errors = json_object_new_array(), *warnings = json_object_new_array();
	for (size_t i = 0; i < pdx_diags_count(res->diags); i++) {
		const pdx_diag *g = pdx_diags_get(res->diags, i);
		json_object *e = json_object_new_object();
		put_opt(e, "code", pdx_code_name(g->code), failed);
		put_opt(e, "file", g->file, failed);
		json_object_object_add(e, "line", g->line ? json_object_new_int64(g->line) : NULL);
		put_opt(e, "criterion", g->criterion, failed);
		put_opt(e, "message", g->message_vi, failed);
		put_opt(e, "message_en", g->message_en, failed);
		push(g->severity == PDX_SEV_ERROR ? errors : warnings, e, failed);
	}
	put(o, "errors", errors, failed);
	put(o, "warnings", warnings, failed);

	json_object *un = json_object_new_array();
	for (size_t k = 0; k < pdx_rubric_criterion_count(r); k++)
		if (res->criteria[k].status == PDX_CRIT_UNANSWERED)
			push(un, json_object_new_string(res->criteria[k].criterion->id), failed);
	put(o, "unanswered", un, failed);

	json_object *ctx = json_object_new_object();
	for (size_t q = 0; q < res->n_context; q++)
		if (res->context[q])
			put_opt(ctx, pdx_rubric_question(r, q)->id, res->context[q]->value, failed);
	put(o, "context", ctx, failed);
	return o;
}

int pdx_json_finish(json_object *root, int failed, char **out, size_t *len)
{
	*out = NULL;
	if (failed || !root) {
		json_object_put(root);
		return PDX_ENOMEM;
	}
	size_t n = 0;
	const char *s = json_object_to_json_string_length(
	    root,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	pdx_buf b = {0};
	if (s) {
		pdx_buf_append(&b, s, n);
		pdx_buf_putc(&b, '\n');
	} else {
		b.failed = 1;
	}
	json_object_put(root);
	return pdx_buf_finish(&b, out, len);
}

/* json-c writes a value nested `depth` levels deep as it writes a top-level one, with
 * two more spaces after every line break per level (strings never hold a raw line
 * break: json-c escapes it), so a value serialised alone and indented here is
 * byte for byte what the whole document would hold. */
void pdx_json_put_nested(pdx_buf *b, json_object *o, int depth)
{
	size_t n = 0;
	const char *s = json_object_to_json_string_length(
	    o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE,
	    &n);
	if (!s) {
		b->failed = 1;
		return;
	}
	for (const char *p = s, *end = s + n, *q; p < end; p = q + 1) {
		q = memchr(p, '\n', (size_t)(end - p));
		if (!q) {
			pdx_buf_append(b, p, (size_t)(end - p));
			break;
		}
		pdx_buf_append(b, p, (size_t)(q - p) + 1);
		for (int i = 0; i < depth; i++)
			pdx_buf_append(b, "  ", 2);
	}
}

/* The document up to the agencies' array: {"rubric": …, "rubrics": […], "files": […],
 * "agencies": [ — "rubric" only when one edition scored them all (a program written
 * for one edition reads it as before), "rubrics" always, each agency naming its own. */
void pdx_json_report_head(pdx_buf *b, const pdx_rubric *const *editions, size_t n_editions,
                          const pdx_files *fl)
{
	int failed = 0;
	json_object *root = json_object_new_object();
	if (!root) {
		b->failed = 1;
		return;
	}
	if (n_editions == 1)
		put(root, "rubric", pdx_json_rubric(editions[0], &failed), &failed);
	json_object *rubrics = json_object_new_array();
	for (size_t e = 0; e < n_editions; e++)
		push(rubrics, pdx_json_rubric(editions[e], &failed), &failed);
	put(root, "rubrics", rubrics, &failed);
	/* the files read, and the encoding each was read with (decided per file) */
	json_object *files = json_object_new_array();
	for (size_t i = 0; i < fl->n; i++) {
		json_object *fo = json_object_new_object();
		put_opt(fo, "file", fl->f[i].file, &failed);
		put_opt(fo, "encoding", fl->f[i].encoding, &failed);
		push(files, fo, &failed);
	}
	put(root, "files", files, &failed);
	put(root, "agencies", json_object_new_array(), &failed);
	size_t n = 0;
	const char *s = failed
	                    ? NULL
	                    : json_object_to_json_string_length(root,
	                                                        JSON_C_TO_STRING_PRETTY |
	                                                            JSON_C_TO_STRING_SPACED |
	                                                            JSON_C_TO_STRING_NOSLASHESCAPE,
	                                                        &n);
	/* an empty array is "[\n  ]" one level down: what follows its "[" is the tail */
	if (!s || n < sizeof PDX_JSON_REPORT_TAIL - 1 ||
	    memcmp(s + n - (sizeof PDX_JSON_REPORT_TAIL - 1), PDX_JSON_REPORT_TAIL,
	           sizeof PDX_JSON_REPORT_TAIL - 1) != 0)
		b->failed = 1;
	else
		pdx_buf_append(b, s, n - (sizeof PDX_JSON_REPORT_TAIL - 1));
	json_object_put(root);
}

void pdx_json_report_agency(pdx_buf *b, const pdx_rubric *r, const pdx_result *res, bool first)
{
	int failed = 0;
	json_object *o = agency_json(r, res, &failed);
	if (failed || !o)
		b->failed = 1;
	else {
		pdx_buf_puts(b, first ? "\n    " : ",\n    ");
		pdx_json_put_nested(b, o, 2);
	}
	json_object_put(o);
}
