/* SPDX-License-Identifier: MIT */
/* A rubric as a table: what a person types from the decision's annex (one row per
 * criterion, under a block of the edition's own fields), turned into rubric XML that
 * the loader then checks like any rubric; and any loaded rubric written back as that
 * table. Export then import gives the same rubric, field for field: the table is the
 * rubric's canonical form (tests/unit/test_rubric_table.c). */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

#define TABLE_MAGIC "pressdx-rubric-table"

/* The criteria table's columns, in the order export writes them. */
enum {
	C_PILLAR,
	C_PILLAR_NAME,
	C_PILLAR_NAME_EN,
	C_PILLAR_MAX,
	C_PILLAR_STATUS,
	C_PILLAR_NAME_STATUS,
	C_PILLAR_SOURCE,
	C_COMPONENT,
	C_COMPONENT_NAME,
	C_COMPONENT_NAME_EN,
	C_COMPONENT_MAX,
	C_COMPONENT_STATUS,
	C_COMPONENT_NAME_STATUS,
	C_COMPONENT_SOURCE,
	C_CRITERION,
	C_QUESTION,
	C_QUESTION_EN,
	C_TYPE,
	C_POINTS,
	C_RULE,
	C_OPTIONS,
	C_OPTIONS_EN,
	C_EVIDENCE,
	C_STATUS,
	C_SOURCE,
	C_COUNT
};

static const char *const columns[C_COUNT] = {"pillar",
                                             "pillar_name",
                                             "pillar_name_en",
                                             "pillar_max",
                                             "pillar_status",
                                             "pillar_name_status",
                                             "pillar_source",
                                             "component",
                                             "component_name",
                                             "component_name_en",
                                             "component_max",
                                             "component_status",
                                             "component_name_status",
                                             "component_source",
                                             "criterion",
                                             "question",
                                             "question_en",
                                             "type",
                                             "points",
                                             "rule",
                                             "options",
                                             "options_en",
                                             "evidence",
                                             "status",
                                             "source"};

static const char *status_name(pdx_status s)
{
	return s == PDX_OFFICIAL ? "official" : s == PDX_PUBLISHED ? "published" : "provisional";
}

static const char *type_name(pdx_answer_type t)
{
	switch (t) {
	case PDX_TYPE_YESNO:
		return "yesno";
	case PDX_TYPE_CHOICE:
		return "choice";
	case PDX_TYPE_PERCENT:
		return "percent";
	case PDX_TYPE_NUMBER:
		return "number";
	case PDX_TYPE_COUNT:
		return "count";
	case PDX_TYPE_TEXT:
		break;
	}
	return "text";
}

/* ---- export ---- */

static void cell(pdx_buf *b, const char *s, bool last)
{
	if (s && s[0] == '\'' && s[1] && strchr("=+-@", s[1])) {
		/* import drops one apostrophe before = + - @ (a neutralised cell's): a text
		 * that starts with one keeps it with a second */
		char *t = pdx_aprintf("'%s", s);
		if (!t)
			b->failed = 1;
		pdx_csv_put(b, t ? t : "", last);
		pdx_free(t);
		return;
	}
	pdx_csv_put(b, s ? s : "", last);
}

static void points_cell(pdx_buf *b, pdx_points p, bool last)
{
	char t[32];
	cell(b, pdx_points_format_short(p, t, sizeof t), last);
}

/* key=text; key=text, from each option's label (en: its English label). */
static char *option_list(const pdx_option *o, size_t n, bool en)
{
	pdx_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		const char *label = en ? o[i].label_en : o[i].label;
		pdx_buf_printf(&b, "%s%s=%s", i ? "; " : "", o[i].key, label ? label : "");
	}
	char *s;
	return pdx_buf_finish(&b, &s, NULL) ? NULL : s;
}

/* The scoring rule as typed: "có=3; không=0", "linear 0..100", "≥10:3; >0:1", or the
 * options' points "none=0; multi=3". */
static char *rule_of(const pdx_criterion *k)
{
	pdx_buf b = {0};
	char t[48], u[48];
	switch (k->scoring) {
	case PDX_SCORING_YESNO:
		pdx_buf_printf(&b, "có=%s; không=0", pdx_points_format_short(k->max, t, sizeof t));
		break;
	case PDX_SCORING_LINEAR:
		pdx_buf_puts(&b, "linear 0..100");
		break;
	case PDX_SCORING_BANDS:
		for (size_t i = 0; i < k->n_bands; i++)
			pdx_buf_printf(&b, "%s%s%s:%s", i ? "; " : "",
			               k->bands[i].strict ? ">" : "≥",
			               pdx_decimal_format(k->bands[i].bound, t, sizeof t),
			               pdx_points_format_short(k->bands[i].points, u, sizeof u));
		break;
	case PDX_SCORING_OPTIONS:
		for (size_t i = 0; i < k->n_options; i++)
			pdx_buf_printf(&b, "%s%s=%s", i ? "; " : "", k->options[i].key,
			               pdx_points_format_short(k->options[i].points, t, sizeof t));
		break;
	case PDX_SCORING_NONE:
		break;
	}
	char *s;
	return pdx_buf_finish(&b, &s, NULL) ? NULL : s;
}

/* Option texts the table cannot hold: the list separators inside a key or label. */
static bool options_fit(const pdx_option *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strpbrk(o[i].key, ";=\n") || (o[i].label && strpbrk(o[i].label, ";\n")) ||
		    (o[i].label_en && strpbrk(o[i].label_en, ";\n")))
			return false;
	return true;
}

int pdx_rubric_export_table(char **out, size_t *len, const pdx_rubric *r)
{
	*out = NULL;
	if (!r)
		return PDX_EINVALID;
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	pdx_buf b = {0};
	pdx_buf_puts(&b, "\xef\xbb\xbf"); /* UTF-8 for Excel */
	cell(&b, TABLE_MAGIC, false);
	cell(&b, "1", true);
	const struct {
		const char *key, *value;
	} fields[] = {{"id", m->id},
	              {"title", m->title},
	              {"title_en", m->title_en},
	              {"decision", m->decision},
	              {"issuer", m->issuer},
	              {"date", m->date},
	              {"source", m->source},
	              {"status", status_name(m->status)}};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].value) {
			cell(&b, fields[i].key, false);
			cell(&b, fields[i].value, true);
		}
	cell(&b, "total", false);
	points_cell(&b, m->total, true);
	if (m->year_from) {
		char y[16], z[16];
		snprintf(y, sizeof y, "%d", m->year_from);
		snprintf(z, sizeof z, "%d", m->year_to);
		cell(&b, "years", false);
		cell(&b, y, false);
		cell(&b, m->year_to ? z : "", true);
	}
	for (size_t i = 0; i < pdx_rubric_level_count(r); i++) {
		const pdx_level *v = pdx_rubric_level(r, i);
		char n[16], bound[40];
		snprintf(n, sizeof n, "%d", v->number);
		cell(&b, "level", false);
		cell(&b, n, false);
		cell(&b, v->name, false);
		cell(&b, v->name_en, false);
		cell(&b, pdx_level_bound(v, true, bound, sizeof bound), false);
		cell(&b, status_name(v->status), false);
		cell(&b, v->source, true);
	}
	int rc = 0;
	for (size_t i = 0; i < pdx_rubric_question_count(r); i++) {
		const pdx_question *q = pdx_rubric_question(r, i);
		char *o = option_list(q->options, q->n_options, false);
		char *oe = option_list(q->options, q->n_options, true);
		if (!options_fit(q->options, q->n_options))
			rc = PDX_EINVALID;
		cell(&b, "question", false);
		cell(&b, q->id, false);
		cell(&b, q->name, false);
		cell(&b, q->name_en, false);
		cell(&b, type_name(q->type), false);
		cell(&b, status_name(q->status), false);
		cell(&b, o, false);
		cell(&b, oe, false);
		cell(&b, q->source, true);
		if (!o || !oe)
			b.failed = 1;
		pdx_free(o);
		pdx_free(oe);
	}
	pdx_buf_puts(&b, "\r\n");
	for (size_t c = 0; c < C_COUNT; c++)
		cell(&b, columns[c], c + 1 == C_COUNT);
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++) {
		const pdx_criterion *k = pdx_rubric_criterion(r, i);
		const pdx_pillar *p = pdx_rubric_pillar(r, k->pillar);
		const pdx_component *c = pdx_rubric_component(r, k->component);
		char *rule = rule_of(k);
		bool opts = k->scoring == PDX_SCORING_OPTIONS;
		char *o = opts ? option_list(k->options, k->n_options, false) : NULL;
		char *oe = opts ? option_list(k->options, k->n_options, true) : NULL;
		if (!rule || (opts && (!o || !oe)))
			b.failed = 1;
		if (opts && !options_fit(k->options, k->n_options))
			rc = PDX_EINVALID;
		cell(&b, p->id, false);
		cell(&b, p->name, false);
		cell(&b, p->name_en, false);
		points_cell(&b, p->max, false);
		cell(&b, status_name(p->status), false);
		cell(&b, status_name(p->name_status), false);
		cell(&b, p->source, false);
		cell(&b, c->id, false);
		cell(&b, c->name, false);
		cell(&b, c->name_en, false);
		points_cell(&b, c->max, false);
		cell(&b, status_name(c->status), false);
		cell(&b, status_name(c->name_status), false);
		cell(&b, c->source, false);
		cell(&b, k->id, false);
		cell(&b, k->name, false);
		cell(&b, k->name_en, false);
		cell(&b, type_name(k->type), false);
		points_cell(&b, k->max, false);
		cell(&b, rule, false);
		cell(&b, o, false);
		cell(&b, oe, false);
		cell(&b, k->evidence ? "có" : "không", false);
		cell(&b, status_name(k->status), false);
		cell(&b, k->source, true);
		pdx_free(rule);
		pdx_free(o);
		pdx_free(oe);
	}
	if (rc || b.failed) {
		pdx_buf_free(&b);
		return rc ? rc : PDX_ENOMEM;
	}
	return pdx_buf_finish(&b, out, len);
}

/* ---- import ---- */

typedef struct row {
	char **cells;
	size_t n, cap;
	long line;
} row;

typedef struct table {
	row *rows;
	size_t n, cap;
	row cur;
	long line; /* the line being fed to libcsv */
	bool oom;
} table;

static void on_cell(void *data, size_t len, void *ctx)
{
	table *t = ctx;
	if (t->oom)
		return;
	if (t->cur.n == 0)
		t->cur.line = t->line;
	if (t->cur.n == t->cur.cap) {
		size_t cap = t->cur.cap ? t->cur.cap * 2 : 32;
		char **g = pdx_reallocarray(t->cur.cells, cap, sizeof *g);
		if (!g) {
			t->oom = true;
			return;
		}
		t->cur.cells = g;
		t->cur.cap = cap;
	}
	char *s = pdx_malloc(len + 1);
	if (!s) {
		t->oom = true;
		return;
	}
	memcpy(s, data ? data : "", len);
	s[len] = '\0';
	t->cur.cells[t->cur.n++] = s;
}

static void on_row(int c, void *ctx)
{
	(void)c;
	table *t = ctx;
	if (t->oom)
		return;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 128;
		row *g = pdx_reallocarray(t->rows, cap, sizeof *g);
		if (!g) {
			t->oom = true;
			return;
		}
		t->rows = g;
		t->cap = cap;
	}
	t->rows[t->n++] = t->cur;
	t->cur = (row){0};
}

static void row_free(row *r)
{
	for (size_t i = 0; i < r->n; i++)
		pdx_free(r->cells[i]);
	pdx_free(r->cells);
}

static void table_free(table *t)
{
	for (size_t i = 0; i < t->n; i++)
		row_free(&t->rows[i]);
	pdx_free(t->rows);
	row_free(&t->cur);
}

/* A cell trimmed of spaces; "" when the row is shorter. */
static const char *at(const row *r, size_t i)
{
	if (i >= r->n)
		return "";
	char *s = r->cells[i];
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	/* the apostrophe a CSV writer (ours included) puts before = + - @ so that a
	 * spreadsheet does not run the cell as a formula */
	if (s[0] == '\'' && s[1] && strchr("=+-@", s[1]))
		s++;
	return s;
}

static bool blank_row(const row *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (*at(r, i))
			return false;
	return true;
}

typedef struct importer {
	const char *file;
	pdx_diags *diags;
	pdx_buf x; /* the XML */
	int errors;
	bool oom;
	size_t col_of[C_COUNT]; /* where each column stands in the typed table */
} importer;

/* The 1-based column of the typed table where column `c` stands (0: absent). */
static long src_col(const importer *I, size_t c)
{
	return I->col_of[c] == SIZE_MAX ? 0 : (long)I->col_of[c] + 1;
}

static void err(importer *I, long line, long col, const char *id, char *vi, char *en)
{
	I->errors++;
	if (!vi || !en ||
	    pdx_diag_addc(I->diags, PDX_E_RUBRIC, PDX_SEV_ERROR, I->file, line, col, id, NULL, vi,
	                  en))
		I->oom = true;
	pdx_free(vi);
	pdx_free(en);
}

/* Text escaped for XML content and attribute values. */
static void xesc(pdx_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			pdx_buf_puts(b, "&amp;");
			break;
		case '<':
			pdx_buf_puts(b, "&lt;");
			break;
		case '>':
			pdx_buf_puts(b, "&gt;");
			break;
		case '"':
			pdx_buf_puts(b, "&quot;");
			break;
		default:
			pdx_buf_putc(b, *s);
		}
	}
}

static void xelem(pdx_buf *b, const char *indent, const char *tag, const char *text)
{
	if (!text || !*text)
		return;
	pdx_buf_printf(b, "%s<%s>", indent, tag);
	xesc(b, text);
	pdx_buf_printf(b, "</%s>\n", tag);
}

/* A status cell: empty gives `dflt`. */
static const char *status_cell(importer *I, const row *r, size_t col, long shown_col,
                               const char *dflt)
{
	const char *s = at(r, col);
	if (!*s)
		return dflt;
	if (strcasecmp(s, "official") == 0 || strcasecmp(s, "chính thức") == 0)
		return "official";
	if (strcasecmp(s, "published") == 0 || strcasecmp(s, "công bố") == 0)
		return "published";
	if (strcasecmp(s, "provisional") == 0 || strcasecmp(s, "tạm thời") == 0)
		return "provisional";
	err(I, r->line, shown_col, NULL,
	    pdx_aprintf("tình trạng \"%s\" không hợp lệ; cần official, published hoặc provisional",
	                s),
	    pdx_aprintf("invalid status \"%s\"; expected official, published or provisional", s));
	return dflt;
}

/* A decimal cell written as XML wants it ("2,5" → "2.5"); NULL (reported) when not one. */
static const char *number_cell(importer *I, const row *r, long col, const char *s, char *buf,
                               size_t size, bool percent, const char *what)
{
	pdx_decimal d;
	if (pdx_decimal_parse(s, percent, &d) == 0)
		return pdx_decimal_format(d, buf, size);
	err(I, r->line, col, NULL, pdx_aprintf("%s: \"%s\" không phải là số", what, s),
	    pdx_aprintf("%s: \"%s\" is not a number", what, s));
	return NULL;
}

/* The list items of a rule or option cell: separated by ';' or line breaks. Calls fn on
 * each trimmed, non-empty item; stops when it returns false. */
static void each_item(char *s, bool (*fn)(char *item, void *ctx), void *ctx)
{
	for (char *save = NULL, *it = strtok_r(s, ";\n", &save); it;
	     it = strtok_r(NULL, ";\n", &save)) {
		while (*it == ' ' || *it == '\t' || *it == '\r')
			it++;
		size_t n = strlen(it);
		while (n && (it[n - 1] == ' ' || it[n - 1] == '\t' || it[n - 1] == '\r'))
			it[--n] = '\0';
		if (*it && !fn(it, ctx))
			return;
	}
}

typedef struct opt {
	char *key, *points, *label, *label_en;
} opt;

typedef struct rule_ctx {
	importer *I;
	const row *r;
	long col;
	opt *opts;
	size_t n_opts;
	pdx_buf bands;
	bool bad;
	int mode; /* 0 rule (key=points or bands), 1 labels, 2 English labels */
} rule_ctx;

static opt *find_opt(rule_ctx *c, const char *key)
{
	for (size_t i = 0; i < c->n_opts; i++)
		if (strcmp(c->opts[i].key, key) == 0)
			return &c->opts[i];
	return NULL;
}

static bool rule_item(char *it, void *ctx)
{
	rule_ctx *c = ctx;
	importer *I = c->I;
	char *eq = strchr(it, '=');
	bool band = strncmp(it, "≥", strlen("≥")) == 0 || it[0] == '>';
	if (c->mode == 0 && (band || !eq)) {
		/* a band: ≥10:3, >=10:3, >0:1, with an optional % */
		const char *op = NULL;
		char *p = it;
		if (strncmp(p, "≥", strlen("≥")) == 0)
			op = "ge", p += strlen("≥");
		else if (strncmp(p, ">=", 2) == 0)
			op = "ge", p += 2;
		else if (*p == '>')
			op = "gt", p += 1;
		char *colon = strrchr(p, ':');
		if (!op || !colon) {
			err(I, c->r->line, c->col, NULL,
			    pdx_aprintf("quy tắc \"%s\" không hiểu được; ví dụ: có=3; không=0 — "
			                "≥80%%:3; ≥50%%:2; >0:1 — linear 0..100 — none=0; multi=3",
			                it),
			    pdx_aprintf("rule \"%s\" not understood; e.g. có=3; không=0 — "
			                "≥80%%:3; ≥50%%:2; >0:1 — linear 0..100 — none=0; multi=3",
			                it));
			c->bad = true;
			return false;
		}
		*colon = '\0';
		while (*p == ' ')
			p++;
		char b1[48], b2[48];
		const char *bound = number_cell(I, c->r, c->col, p, b1, sizeof b1, true, "bound");
		const char *pts = number_cell(I, c->r, c->col, colon + 1 + strspn(colon + 1, " "),
		                              b2, sizeof b2, false, "points");
		if (!bound || !pts) {
			c->bad = true;
			return false;
		}
		pdx_buf_printf(&c->bands, "          <band %s=\"%s\" points=\"%s\"/>\n", op, bound,
		               pts);
		return true;
	}
	if (!eq) {
		err(I, c->r->line, c->col, NULL,
		    pdx_aprintf("\"%s\": cần mã=nhãn (ví dụ none=chưa có)", it),
		    pdx_aprintf("\"%s\": expected key=label (e.g. none=not yet)", it));
		c->bad = true;
		return false;
	}
	*eq = '\0';
	char *key = it, *val = eq + 1;
	size_t kn = strlen(key);
	while (kn && key[kn - 1] == ' ')
		key[--kn] = '\0';
	while (*val == ' ')
		val++;
	opt *o = find_opt(c, key);
	if (c->mode == 0) {
		if (o) {
			err(I, c->r->line, c->col, key, pdx_aprintf("mã \"%s\" ghi hai lần", key),
			    pdx_aprintf("key \"%s\" given twice", key));
			c->bad = true;
			return false;
		}
		opt *g = pdx_reallocarray(c->opts, c->n_opts + 1, sizeof *g);
		if (!g) {
			I->oom = true;
			return false;
		}
		c->opts = g;
		o = &c->opts[c->n_opts++];
		*o = (opt){key, val, NULL, NULL};
		return true;
	}
	if (!o) {
		err(I, c->r->line, c->col, key,
		    pdx_aprintf("nhãn cho mã \"%s\" nhưng cột rule không có mã này", key),
		    pdx_aprintf("a label for key \"%s\", which the rule column does not give",
		                key));
		c->bad = true;
		return false;
	}
	if (c->mode == 1)
		o->label = val;
	else
		o->label_en = val;
	return true;
}

/* One criterion's scoring, as XML inside <criterion>. */
static void criterion_rule(importer *I, const row *r, const char *type, const char *points,
                           const char *id)
{
	char *rule = pdx_strdup(at(r, C_RULE));
	char *labels = pdx_strdup(at(r, C_OPTIONS));
	char *labels_en = pdx_strdup(at(r, C_OPTIONS_EN));
	rule_ctx c = {I, r, src_col(I, C_RULE), NULL, 0, {0}, false, 0};
	if (!rule || !labels || !labels_en) {
		I->oom = true;
	} else if (strcmp(type, "yesno") == 0) {
		/* "có=3; không=0" or nothing: yes earns the points */
		if (*rule) {
			each_item(rule, rule_item, &c);
			opt *yes = c.n_opts ? &c.opts[0] : NULL;
			char b[48];
			const char *p = yes ? number_cell(I, r, src_col(I, C_RULE), yes->points, b,
			                                  sizeof b, false, "points")
			                    : NULL;
			if (!c.bad && (c.n_opts > 2 || !p || strcmp(p, points) != 0))
				err(I, r->line, src_col(I, C_RULE), id,
				    pdx_aprintf("tiêu chí có/không: quy tắc phải là có=%s; không=0 "
				                "(điểm của \"có\" là cột points)",
				                points),
				    pdx_aprintf(
				        "a yes/no criterion's rule is có=%s; không=0 (yes earns "
				        "the points column)",
				        points));
		}
	} else if (strncasecmp(rule, "linear", 6) == 0) {
		pdx_buf_puts(&I->x, "        <linear/>\n");
	} else if (*rule) {
		each_item(rule, rule_item, &c);
		if (!c.bad && c.n_opts) {
			c.mode = 1;
			c.col = src_col(I, C_OPTIONS);
			each_item(labels, rule_item, &c);
			c.mode = 2;
			c.col = src_col(I, C_OPTIONS_EN);
			each_item(labels_en, rule_item, &c);
		}
		if (!c.bad && c.n_opts && c.bands.len)
			err(I, r->line, src_col(I, C_RULE), id,
			    pdx_aprintf("quy tắc trộn ngưỡng và mã lựa chọn"),
			    pdx_aprintf("the rule mixes bands and option keys"));
		if (!c.bad && c.bands.len && !c.bands.failed) {
			pdx_buf_puts(&I->x, "        <bands>\n");
			pdx_buf_append(&I->x, c.bands.data, c.bands.len);
			pdx_buf_puts(&I->x, "        </bands>\n");
		}
		for (size_t i = 0; !c.bad && i < c.n_opts; i++) {
			char b[48];
			const opt *o = &c.opts[i];
			const char *p = number_cell(I, r, src_col(I, C_RULE), o->points, b,
			                            sizeof b, false, "points");
			if (!p)
				break;
			pdx_buf_puts(&I->x, "        <option key=\"");
			xesc(&I->x, o->key);
			pdx_buf_printf(&I->x, "\" points=\"%s\"", p);
			if (o->label_en && *o->label_en) {
				pdx_buf_puts(&I->x, " en=\"");
				xesc(&I->x, o->label_en);
				pdx_buf_putc(&I->x, '"');
			}
			pdx_buf_putc(&I->x, '>');
			xesc(&I->x, o->label && *o->label ? o->label : o->key);
			pdx_buf_puts(&I->x, "</option>\n");
		}
	}
	if (c.bands.failed)
		I->oom = true; /* a band lost for want of memory is not a missing rule */
	pdx_buf_free(&c.bands);
	pdx_free(c.opts);
	pdx_free(rule);
	pdx_free(labels);
	pdx_free(labels_en);
}

/* "có", "yes", "x", "true", "1" → true; empty or anything else of "không" → false. */
static bool yes_cell(const char *s)
{
	return strcasecmp(s, "có") == 0 || strcasecmp(s, "co") == 0 || strcasecmp(s, "yes") == 0 ||
	       strcasecmp(s, "x") == 0 || strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0;
}

/* The header block: field rows before the criteria table. */
static void header_block(importer *I, const row *rows, size_t n, const char **rubric_status)
{
	pdx_buf *x = &I->x;
	const char *fields[] = {"id",   "title",  "title_en", "decision", "issuer",
	                        "date", "source", "status",   "total",    "years"};
	const char *val[10] = {0};
	const row *at_row[10] = {0};
	long years_line = 0;
	const row *years = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *k = at(&rows[i], 0);
		if (strcmp(k, TABLE_MAGIC) == 0 || strcmp(k, "level") == 0 ||
		    strcmp(k, "question") == 0 || blank_row(&rows[i]))
			continue;
		size_t f = 0;
		while (f < 10 && strcmp(fields[f], k) != 0)
			f++;
		if (f == 10) {
			err(I, rows[i].line, 1, NULL,
			    pdx_aprintf(
			        "trường \"%s\" không có; cần id, title, title_en, decision, "
			        "issuer, date, source, status, total, years, level, question "
			        "hoặc dòng tiêu đề của bảng (pillar,…)",
			        k),
			    pdx_aprintf(
			        "unknown field \"%s\"; expected id, title, title_en, decision, "
			        "issuer, date, source, status, total, years, level, question, or "
			        "the table's header row (pillar,…)",
			        k));
			continue;
		}
		val[f] = at(&rows[i], 1);
		at_row[f] = &rows[i];
		if (f == 9) {
			years = &rows[i];
			years_line = rows[i].line;
		}
	}
	for (size_t f = 0; f < 9; f++)
		if ((f == 0 || f == 1 || f == 8) && (!val[f] || !*val[f]))
			err(I, 0, 0, NULL, pdx_aprintf("thiếu trường %s ở đầu bảng", fields[f]),
			    pdx_aprintf("the table's head lacks the field %s", fields[f]));
	*rubric_status = val[7] && *val[7] ? val[7] : "provisional";
	char tb[48];
	const char *total =
	    val[8] && *val[8] ? number_cell(I, at_row[8], 2, val[8], tb, sizeof tb, false, "total")
	                      : NULL;
	pdx_buf_puts(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                "<!-- Made by pressdx rubrics import from a table; edit the table and "
	                "import it again, or edit this file. -->\n");
	pdx_buf_puts(x, "<rubric format=\"1\" id=\"");
	xesc(x, val[0] ? val[0] : "");
	pdx_buf_printf(x, "\" total=\"%s\" status=\"%s\">\n", total ? total : "0", *rubric_status);
	xelem(x, "  ", "title", val[1]);
	xelem(x, "  ", "title-en", val[2]);
	xelem(x, "  ", "decision", val[3]);
	xelem(x, "  ", "issuer", val[4]);
	xelem(x, "  ", "date", val[5]);
	xelem(x, "  ", "source", val[6]);
	if (years) {
		const char *from = at(years, 1), *to = at(years, 2);
		if (!*from)
			err(I, years_line, 2, NULL, pdx_aprintf("years: thiếu năm đầu"),
			    pdx_aprintf("years: the first year is missing"));
		pdx_buf_puts(x, "  <years from=\"");
		xesc(x, from);
		if (*to) {
			pdx_buf_puts(x, "\" to=\"");
			xesc(x, to);
		}
		pdx_buf_puts(x, "\"/>\n");
	}
	pdx_buf_puts(x, "  <levels>\n");
	for (size_t i = 0; i < n; i++) {
		const row *r = &rows[i];
		if (strcmp(at(r, 0), "level") != 0)
			continue;
		const char *bound = at(r, 4);
		bool above = *bound == '>';
		char bb[48];
		const char *b = number_cell(I, r, 5, above ? bound + 1 : bound, bb, sizeof bb,
		                            false, "level bound");
		pdx_buf_puts(x, "    <level number=\"");
		xesc(x, at(r, 1));
		pdx_buf_printf(x, "\" %s=\"%s\" status=\"%s\">\n", above ? "above" : "min",
		               b ? b : "0", status_cell(I, r, 5, 6, *rubric_status));
		xelem(x, "      ", "name", at(r, 2));
		xelem(x, "      ", "name-en", at(r, 3));
		xelem(x, "      ", "source", at(r, 6));
		pdx_buf_puts(x, "    </level>\n");
	}
	pdx_buf_puts(x, "  </levels>\n");
}

static void questions(importer *I, const row *rows, size_t n, const char *rubric_status)
{
	pdx_buf *x = &I->x;
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const row *r = &rows[i];
		if (strcmp(at(r, 0), "question") != 0)
			continue;
		if (!any)
			pdx_buf_puts(x, "  <context>\n");
		any = true;
		pdx_buf_puts(x, "    <question id=\"");
		xesc(x, at(r, 1));
		pdx_buf_puts(x, "\" type=\"");
		xesc(x, at(r, 4));
		pdx_buf_printf(x, "\" status=\"%s\">\n", status_cell(I, r, 5, 6, rubric_status));
		xelem(x, "      ", "name", at(r, 2));
		xelem(x, "      ", "name-en", at(r, 3));
		xelem(x, "      ", "source", at(r, 8));
		char *labels = pdx_strdup(at(r, 6)), *labels_en = pdx_strdup(at(r, 7));
		if (!labels || !labels_en) {
			I->oom = true;
		} else {
			/* the labels give the keys: points are never read for a question */
			rule_ctx c = {I, r, 7, NULL, 0, {0}, false, 0};
			{
				/* read as key=points, then the "points" are the labels */
				each_item(labels, rule_item, &c);
				for (size_t k = 0; k < c.n_opts; k++)
					c.opts[k].label = c.opts[k].points, c.opts[k].points = "0";
				c.mode = 2;
				c.col = 8;
				each_item(labels_en, rule_item, &c);
				for (size_t k = 0; !c.bad && k < c.n_opts; k++) {
					pdx_buf_puts(x, "      <option key=\"");
					xesc(x, c.opts[k].key);
					pdx_buf_putc(x, '"');
					if (c.opts[k].label_en && *c.opts[k].label_en) {
						pdx_buf_puts(x, " en=\"");
						xesc(x, c.opts[k].label_en);
						pdx_buf_putc(x, '"');
					}
					pdx_buf_putc(x, '>');
					xesc(x, c.opts[k].label);
					pdx_buf_puts(x, "</option>\n");
				}
			}
			pdx_free(c.opts);
			pdx_buf_free(&c.bands);
		}
		pdx_free(labels);
		pdx_free(labels_en);
		pdx_buf_puts(x, "    </question>\n");
	}
	if (any)
		pdx_buf_puts(x, "  </context>\n");
}

/* A pillar or component cell left empty continues the one above; given, it must agree
 * with what its first row said. */
static const char *carried(importer *I, const row *r, size_t col, const char **keep,
                           bool same_group)
{
	const char *s = at(r, col);
	if (!*s)
		return same_group ? *keep : s;
	if (same_group && *keep && **keep && strcmp(*keep, s) != 0)
		err(I, r->line, src_col(I, col), NULL,
		    pdx_aprintf("cột %s: \"%s\" khác với dòng đầu của nhóm (\"%s\")", columns[col],
		                s, *keep),
		    pdx_aprintf("column %s: \"%s\" differs from the group's first row (\"%s\")",
		                columns[col], s, *keep));
	if (!same_group || !*keep || !**keep)
		*keep = s;
	return *keep;
}

static void criteria(importer *I, const row *rows, size_t n, size_t head, const char *rubric_status)
{
	pdx_buf *x = &I->x;
	/* columns by name, in any order */
	size_t *col_of = I->col_of;
	for (size_t c = 0; c < C_COUNT; c++)
		col_of[c] = SIZE_MAX;
	const row *h = &rows[head];
	for (size_t i = 0; i < h->n; i++) {
		const char *name = at(h, i);
		size_t c = 0;
		while (c < C_COUNT && strcasecmp(columns[c], name) != 0)
			c++;
		if (c < C_COUNT)
			col_of[c] = i;
		else if (*name)
			err(I, h->line, (long)i + 1, NULL, pdx_aprintf("cột \"%s\" không có", name),
			    pdx_aprintf("unknown column \"%s\"", name));
	}
	static const int required[] = {C_PILLAR,    C_PILLAR_MAX, C_COMPONENT, C_COMPONENT_MAX,
	                               C_CRITERION, C_QUESTION,   C_TYPE,      C_POINTS};
	for (size_t i = 0; i < sizeof required / sizeof *required; i++)
		if (col_of[required[i]] == SIZE_MAX)
			err(I, h->line, 0, NULL, pdx_aprintf("thiếu cột %s", columns[required[i]]),
			    pdx_aprintf("the column %s is missing", columns[required[i]]));
	if (I->errors)
		return;
	const char *pillar = NULL, *comp = NULL;
	const char *keep[C_COUNT] = {0};
	for (size_t i = head + 1; i < n; i++) {
		const row *src = &rows[i];
		if (blank_row(src))
			continue;
		/* the row with its cells in the export's column order */
		row r = {0};
		char *cells[C_COUNT];
		for (size_t c = 0; c < C_COUNT; c++)
			cells[c] = col_of[c] == SIZE_MAX || col_of[c] >= src->n
			               ? (char *)""
			               : src->cells[col_of[c]];
		r.cells = cells;
		r.n = C_COUNT;
		r.line = src->line;
		const char *pid = at(&r, C_PILLAR);
		if (!*pid)
			pid = pillar ? pillar : "";
		bool new_pillar = !pillar || strcmp(pid, pillar) != 0;
		if (!*pid) {
			err(I, r.line, (long)col_of[C_PILLAR] + 1, NULL,
			    pdx_aprintf("thiếu mã trụ cột"),
			    pdx_aprintf("the pillar id is missing"));
			continue;
		}
		const char *cid = at(&r, C_COMPONENT);
		if (!*cid && !new_pillar)
			cid = comp ? comp : "";
		bool new_comp = new_pillar || !comp || strcmp(cid, comp) != 0;
		if (new_comp && comp)
			pdx_buf_puts(x, "    </component>\n");
		if (new_pillar && pillar)
			pdx_buf_puts(x, "  </pillar>\n");
		for (size_t c = C_PILLAR_NAME; c <= C_PILLAR_SOURCE; c++)
			carried(I, &r, c, &keep[c], !new_pillar);
		for (size_t c = C_COMPONENT_NAME; c <= C_COMPONENT_SOURCE; c++)
			carried(I, &r, c, &keep[c], !new_comp);
		if (new_pillar) {
			pillar = pid;
			char b[48];
			const char *max = number_cell(I, &r, (long)col_of[C_PILLAR_MAX] + 1,
			                              keep[C_PILLAR_MAX] ? keep[C_PILLAR_MAX] : "",
			                              b, sizeof b, false, "pillar_max");
			const char *st = status_cell(I, &r, C_PILLAR_STATUS,
			                             src_col(I, C_PILLAR_STATUS), rubric_status);
			pdx_buf_puts(x, "  <pillar id=\"");
			xesc(x, pid);
			pdx_buf_printf(x, "\" status=\"%s\" max=\"%s\">\n", st, max ? max : "0");
			pdx_buf_printf(x, "    <name status=\"%s\">",
			               status_cell(I, &r, C_PILLAR_NAME_STATUS,
			                           src_col(I, C_PILLAR_NAME_STATUS), st));
			xesc(x, keep[C_PILLAR_NAME] && *keep[C_PILLAR_NAME] ? keep[C_PILLAR_NAME]
			                                                    : pid);
			pdx_buf_puts(x, "</name>\n");
			xelem(x, "    ", "name-en", keep[C_PILLAR_NAME_EN]);
			xelem(x, "    ", "source", keep[C_PILLAR_SOURCE]);
		}
		if (new_comp) {
			comp = cid;
			if (!*cid)
				err(I, r.line, (long)col_of[C_COMPONENT] + 1, NULL,
				    pdx_aprintf("thiếu mã chỉ số thành phần"),
				    pdx_aprintf("the component id is missing"));
			char b[48];
			const char *max =
			    number_cell(I, &r, (long)col_of[C_COMPONENT_MAX] + 1,
			                keep[C_COMPONENT_MAX] ? keep[C_COMPONENT_MAX] : "", b,
			                sizeof b, false, "component_max");
			const char *pst = status_cell(I, &r, C_PILLAR_STATUS,
			                              src_col(I, C_PILLAR_STATUS), rubric_status);
			const char *st = status_cell(I, &r, C_COMPONENT_STATUS,
			                             src_col(I, C_COMPONENT_STATUS), pst);
			pdx_buf_puts(x, "    <component id=\"");
			xesc(x, cid);
			pdx_buf_printf(x, "\" status=\"%s\" max=\"%s\">\n", st, max ? max : "0");
			pdx_buf_printf(x, "      <name status=\"%s\">",
			               status_cell(I, &r, C_COMPONENT_NAME_STATUS,
			                           src_col(I, C_COMPONENT_NAME_STATUS), st));
			xesc(x, keep[C_COMPONENT_NAME] && *keep[C_COMPONENT_NAME]
			            ? keep[C_COMPONENT_NAME]
			            : cid);
			pdx_buf_puts(x, "</name>\n");
			xelem(x, "      ", "name-en", keep[C_COMPONENT_NAME_EN]);
			xelem(x, "      ", "source", keep[C_COMPONENT_SOURCE]);
		}
		const char *kid = at(&r, C_CRITERION), *type = at(&r, C_TYPE);
		char b[48];
		const char *pts = number_cell(I, &r, (long)col_of[C_POINTS] + 1, at(&r, C_POINTS),
		                              b, sizeof b, false, "points");
		const char *cst =
		    status_cell(I, &r, C_COMPONENT_STATUS, src_col(I, C_COMPONENT_STATUS),
		                status_cell(I, &r, C_PILLAR_STATUS, src_col(I, C_PILLAR_STATUS),
		                            rubric_status));
		pdx_buf_puts(x, "      <criterion id=\"");
		xesc(x, kid);
		pdx_buf_printf(x, "\" status=\"%s\" type=\"",
		               status_cell(I, &r, C_STATUS, src_col(I, C_STATUS), cst));
		xesc(x, type);
		pdx_buf_printf(x, "\" max=\"%s\" evidence=\"%s\">\n", pts ? pts : "0",
		               yes_cell(at(&r, C_EVIDENCE)) ? "true" : "false");
		xelem(x, "        ", "name", at(&r, C_QUESTION));
		xelem(x, "        ", "name-en", at(&r, C_QUESTION_EN));
		xelem(x, "        ", "source", at(&r, C_SOURCE));
		if (pts)
			criterion_rule(I, &r, type, pts, kid);
		pdx_buf_puts(x, "      </criterion>\n");
	}
	if (comp)
		pdx_buf_puts(x, "    </component>\n");
	if (pillar)
		pdx_buf_puts(x, "  </pillar>\n");
	else
		err(I, h->line, 0, NULL, pdx_aprintf("bảng không có tiêu chí nào"),
		    pdx_aprintf("the table has no criterion"));
}

int pdx_rubric_import_table(char **xml, size_t *xml_len, const char *data, size_t len,
                            const char *name, pdx_diags *diags)
{
	*xml = NULL;
	if (!data)
		return PDX_EINVALID;
	importer I = {.file = name ? name : "<table>", .diags = diags};
	for (size_t c = 0; c < C_COUNT; c++)
		I.col_of[c] = SIZE_MAX;
	table t = {0};
	struct csv_parser p;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return PDX_ENOMEM;
	/* a BOM from Excel */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3, len -= 3;
	csv_set_delim(&p, (unsigned char)pdx_csv_guess_delimiter(data, len));
	/* line by line, so that each row knows the line it starts on */
	t.line = 1;
	for (size_t i = 0; i < len && !t.oom;) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t j = nl ? (size_t)(nl - data) + 1 : len;
		if (csv_parse(&p, data + i, j - i, on_cell, on_row, &t) != j - i)
			err(&I, t.line, 0, NULL, pdx_aprintf("CSV không đọc được"),
			    pdx_aprintf("unreadable CSV"));
		i = j;
		t.line++;
	}
	csv_fini(&p, on_cell, on_row, &t);
	csv_free(&p);
	/* the criteria table's header: the first row naming both pillar and criterion
	 * columns, wherever they stand */
	size_t head = SIZE_MAX;
	for (size_t i = 0; i < t.n && head == SIZE_MAX; i++) {
		bool has_p = false, has_k = false;
		for (size_t c = 0; c < t.rows[i].n; c++) {
			has_p |= strcasecmp(at(&t.rows[i], c), "pillar") == 0;
			has_k |= strcasecmp(at(&t.rows[i], c), "criterion") == 0;
		}
		if (has_p && has_k)
			head = i;
	}
	int rc = 0;
	if (t.oom) {
		rc = PDX_ENOMEM;
	} else if (head == SIZE_MAX) {
		err(&I, 0, 0, NULL,
		    pdx_aprintf("không có dòng tiêu đề của bảng tiêu chí (có cột pillar và "
		                "criterion)"),
		    pdx_aprintf("no header row of the criteria table (with columns pillar and "
		                "criterion)"));
	} else {
		const char *st;
		header_block(&I, t.rows, head, &st);
		criteria(&I, t.rows, t.n, head, st);
		questions(&I, t.rows, head, st);
		pdx_buf_puts(&I.x, "</rubric>\n");
	}
	table_free(&t);
	if (!rc && (I.oom || I.x.failed))
		rc = PDX_ENOMEM;
	if (!rc && I.errors)
		rc = PDX_EINVALID;
	if (rc) {
		pdx_buf_free(&I.x);
		return rc;
	}
	return pdx_buf_finish(&I.x, xml, xml_len);
}
