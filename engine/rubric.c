/* SPDX-License-Identifier: MIT */
/* Rubric model and its XML loader.
 *
 * A rubric file is untrusted data (edited by people, passed between offices), so the
 * loader is strict in three steps: (1) XML without any DOCTYPE — no entities, no
 * external subsets, no network; (2) the embedded RELAX NG schema; (3) the semantic
 * rules of a weighted index that a grammar cannot state (sums, reachability, levels).
 * Each problem is reported with the file and line of the element concerned. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "rubric_derive.h"
#include "xml.h"

extern const char pdx_rubric_rng[];
extern const size_t pdx_rubric_rng_len;

struct pdx_rubric {
	pdx_arena *arena;
	pdx_rubric_meta meta;
	pdx_level *levels;
	size_t n_levels;
	pdx_pillar *pillars;
	size_t n_pillars;
	pdx_component *components;
	size_t n_components;
	pdx_criterion *criteria;
	size_t n_criteria;
	pdx_question *questions;
	size_t n_questions;
	/* criterion and question ids, hashed: every answer row is looked up once per
	 * scoring, so a 60-criterion edition must not cost 60 comparisons a row. A slot
	 * holds index + 1, criteria first, then questions; 0 is free. */
	uint32_t *id_slots;
	size_t n_id_slots;
	/* The rubric as a whole XML file: the file itself, or a derived one resolved. An
	 * edition derived from this one starts from it. */
	const char *resolved;
	size_t resolved_len;
	/* meta.notice in one language each (a report in Vietnamese or English only) */
	const char *notice_vi, *notice_en;
};

static int build_notice(pdx_rubric *r);

static uint32_t id_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *id_at(const pdx_rubric *r, uint32_t k)
{
	return k <= r->n_criteria ? r->criteria[k - 1].id : r->questions[k - 1 - r->n_criteria].id;
}

/* Builds the id table once the rubric is loaded (ids are unique by then). */
static int index_ids(pdx_rubric *r)
{
	size_t n = 16, count = r->n_criteria + r->n_questions;
	while (n < count * 2 + 2)
		n *= 2;
	r->id_slots = pdx_arena_alloc(r->arena, n * sizeof(uint32_t));
	if (!r->id_slots)
		return PDX_ENOMEM;
	memset(r->id_slots, 0, n * sizeof(uint32_t));
	r->n_id_slots = n;
	for (uint32_t k = 1; k <= count; k++) {
		size_t h = id_hash(id_at(r, k)) & (n - 1);
		while (r->id_slots[h])
			h = (h + 1) & (n - 1);
		r->id_slots[h] = k;
	}
	return 0;
}

/* 1 + the index among criteria then questions, or 0. */
static uint32_t find_id(const pdx_rubric *r, const char *id)
{
	if (!r || !id || !r->n_id_slots)
		return 0;
	size_t mask = r->n_id_slots - 1;
	for (size_t h = id_hash(id) & mask; r->id_slots[h]; h = (h + 1) & mask)
		if (strcmp(id_at(r, r->id_slots[h]), id) == 0)
			return r->id_slots[h];
	return 0;
}

/* Loader state: the document being read and where problems go. */
typedef struct loader {
	pdx_xml_ctx x;
	pdx_rubric *r;
} loader;

#define ERRF(L, line, id, vi_fmt, en_fmt, ...)                                                     \
	PDX_XERR(&(L)->x, line, id, vi_fmt, en_fmt, __VA_ARGS__)

static void err(loader *L, long line, const char *id, const char *vi, const char *en)
{
	pdx_xml_error(&L->x, line, id, vi, en);
}

static const char *node_text(loader *L, const xmlNode *n)
{
	return pdx_xml_text(&L->x, L->r->arena, n);
}

static const char *attr(loader *L, const xmlNode *n, const char *name)
{
	return pdx_xml_attr(&L->x, L->r->arena, n, name);
}

static const char *child_text(loader *L, const xmlNode *n, const char *name)
{
	return node_text(L, pdx_xml_first(n, name));
}

static pdx_status status_of(loader *L, const xmlNode *n, pdx_status inherited)
{
	const char *s = attr(L, n, "status");
	if (!s)
		return inherited;
	pdx_status st = strcmp(s, "provisional") == 0 ? PDX_PROVISIONAL
	                : strcmp(s, "published") == 0 ? PDX_PUBLISHED
	                                              : PDX_OFFICIAL;
	if (st == PDX_PROVISIONAL)
		L->r->meta.provisional = true;
	if (st == PDX_PUBLISHED)
		L->r->meta.published = true;
	return st;
}

/* Points: a plain decimal with at most two decimals, 0 or more. */
static pdx_points points_attr(loader *L, const xmlNode *n, const char *name, const char *id)
{
	const char *s = attr(L, n, name);
	pdx_decimal d;
	if (!s)
		return 0;
	if (pdx_decimal_parse(s, false, &d) != 0 || d.rest != 0) {
		ERRF(L, pdx_xml_line(n), id, "%s=\"%s\" không phải số hợp lệ",
		     "%s=\"%s\" is not a valid number", name, s);
		return 0;
	}
	if (d.nanos % (PDX_DECIMAL_ONE / 100) != 0) {
		ERRF(L, pdx_xml_line(n), id,
		     "%s=\"%s\": điểm chỉ được có tối đa 2 chữ số thập phân",
		     "%s=\"%s\": points have at most 2 decimals", name, s);
		return 0;
	}
	if (d.nanos < 0) {
		ERRF(L, pdx_xml_line(n), id, "%s=\"%s\": điểm không được âm",
		     "%s=\"%s\": points cannot be negative", name, s);
		return 0;
	}
	return d.nanos / (PDX_DECIMAL_ONE / 100);
}

static void names_of(loader *L, const xmlNode *n, const char **name, const char **name_en,
                     pdx_status *name_status, pdx_status element_status)
{
	const xmlNode *nm = pdx_xml_first(n, "name");
	*name = node_text(L, nm);
	*name_en = child_text(L, n, "name-en");
	if (name_status)
		*name_status = nm ? status_of(L, nm, element_status) : element_status;
}

static int parse_type(const char *s, pdx_answer_type *t)
{
	static const char *names[] = {"yesno", "choice", "percent", "number", "count", "text"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (s && strcmp(s, names[i]) == 0) {
			*t = (pdx_answer_type)i;
			return 0;
		}
	return -1;
}

const char *pdx_answer_type_name(pdx_answer_type t)
{
	static const char *names[] = {"yesno", "choice", "percent", "number", "count", "text"};
	return (unsigned)t < sizeof names / sizeof *names ? names[t] : "?";
}

const char *pdx_status_name(pdx_status s)
{
	return s == PDX_PROVISIONAL ? "provisional" : s == PDX_PUBLISHED ? "published" : "official";
}

/* Options of a choice criterion or question; with_points requires a points value. */
static void load_options(loader *L, const xmlNode *n, const char *id, const pdx_option **out,
                         size_t *n_out, bool with_points)
{
	size_t k = pdx_xml_count(n, "option");
	*out = NULL;
	*n_out = 0;
	if (!k)
		return;
	pdx_option *opts = pdx_arena_alloc(L->r->arena, k * sizeof(*opts));
	if (!opts) {
		L->x.oom = 1;
		return;
	}
	size_t i = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (!pdx_xml_is(c, "option"))
			continue;
		pdx_option *o = &opts[i];
		o->key = attr(L, c, "key");
		o->label = node_text(L, c);
		o->label_en = attr(L, c, "en");
		o->line = pdx_xml_line(c);
		o->points = points_attr(L, c, "points", id);
		if (with_points && !pdx_xml_has(c, "points"))
			ERRF(L, o->line, id, "lựa chọn \"%s\" thiếu thuộc tính points",
			     "option \"%s\" has no points attribute", o->key ? o->key : "");
		for (size_t j = 0; j < i; j++) {
			int same =
			    o->key && opts[j].key ? pdx_utf8_equal_fold(o->key, opts[j].key) : 0;
			if (same < 0)
				L->x.oom = 1;
			if (same == 1)
				ERRF(L, o->line, id, "khóa lựa chọn \"%s\" bị trùng (dòng %ld)",
				     "duplicate option key \"%s\" (line %ld)", o->key,
				     opts[j].line);
		}
		i++;
	}
	*out = opts;
	*n_out = k;
}

static void load_bands(loader *L, const xmlNode *bands, pdx_criterion *c)
{
	size_t k = pdx_xml_count(bands, "band");
	pdx_band *b = pdx_arena_alloc(L->r->arena, (k ? k : 1) * sizeof(*b));
	if (!b) {
		L->x.oom = 1;
		return;
	}
	size_t i = 0;
	for (const xmlNode *n = bands->children; n; n = n->next) {
		if (!pdx_xml_is(n, "band"))
			continue;
		pdx_band *x = &b[i];
		x->line = pdx_xml_line(n);
		x->strict = pdx_xml_has(n, "gt");
		const char *s = attr(L, n, x->strict ? "gt" : "ge");
		if (!s || pdx_decimal_parse(s, false, &x->bound) != 0 || x->bound.rest != 0) {
			ERRF(L, x->line, c->id,
			     "ngưỡng \"%s\" không phải số hợp lệ (tối đa 9 chữ số thập phân)",
			     "bound \"%s\" is not a valid number (at most 9 decimals)", s ? s : "");
			x->bound.nanos = 0;
			x->bound.rest = 0;
		}
		x->points = points_attr(L, n, "points", c->id);
		/* First matching band wins, so each band must be reachable: bounds go from
		 * the highest down, and at an equal bound "> b" must precede ">= b". */
		if (i > 0) {
			const pdx_band *p = &b[i - 1];
			int cmp = pdx_decimal_cmp(x->bound, p->bound);
			if (cmp > 0 || (cmp == 0 && !(p->strict && !x->strict))) {
				char b1[48], b2[48];
				pdx_decimal_format(x->bound, b1, sizeof b1);
				pdx_decimal_format(p->bound, b2, sizeof b2);
				ERRF(L, x->line, c->id,
				     "các ngưỡng sai thứ tự: %s sau %s; ngưỡng phải giảm dần từ "
				     "cao xuống thấp",
				     "bands out of order: bound %s after %s; bands go from the "
				     "highest bound down",
				     b1, b2);
			}
		}
		i++;
	}
	c->bands = b;
	c->n_bands = k;
}

/* The scoring child (or its absence) must fit the criterion's answer type. */
static void load_scoring(loader *L, const xmlNode *n, pdx_criterion *c)
{
	const xmlNode *lin = pdx_xml_first(n, "linear"), *bands = pdx_xml_first(n, "bands");
	size_t n_opt = pdx_xml_count(n, "option");
	const char *tn = pdx_answer_type_name(c->type);
	switch (c->type) {
	case PDX_TYPE_YESNO:
		c->scoring = PDX_SCORING_YESNO;
		if (lin || bands || n_opt)
			ERRF(L, c->line, c->id,
			     "tiêu chí %s (có/không) không nhận cách tính điểm nào (được trọn điểm "
			     "khi \"có\")",
			     "a %s criterion takes no scoring element (full points on yes)", tn);
		break;
	case PDX_TYPE_CHOICE:
		c->scoring = PDX_SCORING_OPTIONS;
		if (!n_opt)
			ERRF(L, c->line, c->id,
			     "tiêu chí lựa chọn (%s) phải có ít nhất một <option>",
			     "a %s criterion needs at least one <option>", tn);
		load_options(L, n, c->id, &c->options, &c->n_options, true);
		break;
	case PDX_TYPE_PERCENT:
	case PDX_TYPE_NUMBER:
	case PDX_TYPE_COUNT:
		if (n_opt)
			ERRF(L, c->line, c->id, "tiêu chí kiểu %s không nhận <option>",
			     "a %s criterion takes no <option>", tn);
		if (lin) {
			c->scoring = PDX_SCORING_LINEAR;
			if (c->type != PDX_TYPE_PERCENT)
				ERRF(L, pdx_xml_line(lin), c->id,
				     "tính điểm tuyến tính (<linear/>) chỉ dùng cho kiểu percent, "
				     "không dùng cho %s",
				     "linear scoring applies to percent criteria only, not %s", tn);
		} else if (bands) {
			c->scoring = PDX_SCORING_BANDS;
			load_bands(L, bands, c);
		} else {
			c->scoring = PDX_SCORING_BANDS;
			ERRF(L, c->line, c->id, "tiêu chí kiểu %s cần <bands> hoặc <linear/>",
			     "a %s criterion needs <bands> or <linear/>", tn);
		}
		break;
	case PDX_TYPE_TEXT:
		c->scoring = PDX_SCORING_NONE;
		break;
	}
}

/* Every band's and option's points lie within the criterion max, and the max is
 * reachable: otherwise the declared maxima (and their sums) would promise points no
 * answer can earn. */
static void check_reachable(loader *L, const pdx_criterion *c)
{
	char m[24], p[24];
	pdx_points best = 0;
	if (c->scoring == PDX_SCORING_BANDS || c->scoring == PDX_SCORING_OPTIONS) {
		size_t n = c->scoring == PDX_SCORING_BANDS ? c->n_bands : c->n_options;
		for (size_t i = 0; i < n; i++) {
			pdx_points pts = c->scoring == PDX_SCORING_BANDS ? c->bands[i].points
			                                                 : c->options[i].points;
			long line =
			    c->scoring == PDX_SCORING_BANDS ? c->bands[i].line : c->options[i].line;
			if (pts > c->max)
				ERRF(L, line, c->id, "điểm %s vượt quá điểm tối đa %s của tiêu chí",
				     "points %s exceed the criterion's max %s",
				     pdx_points_format_short(pts, p, sizeof p),
				     pdx_points_format_short(c->max, m, sizeof m));
			if (pts > best)
				best = pts;
		}
		if (n && best < c->max)
			ERRF(L, c->line, c->id,
			     "điểm tối đa %s không thể đạt được: mức cao nhất chỉ cho %s điểm",
			     "max %s is not reachable: the highest band or option gives %s",
			     pdx_points_format_short(c->max, m, sizeof m),
			     pdx_points_format_short(best, p, sizeof p));
	}
}

static void check_sum(loader *L, long line, const char *id, const char *what_vi,
                      const char *what_en, pdx_points sum, pdx_points max)
{
	if (sum == max)
		return;
	char a[32], b[32];
	pdx_points_format_short(sum, a, sizeof a);
	pdx_points_format_short(max, b, sizeof b);
	char *vi =
	    pdx_aprintf("tổng điểm tối đa của các %s là %s, khác điểm tối đa %s", what_vi, a, b);
	char *en = pdx_aprintf("the maxima of its %s sum to %s, not to its max %s", what_en, a, b);
	if (vi && en)
		err(L, line, id, vi, en);
	else
		L->x.oom = 1;
	pdx_free(vi);
	pdx_free(en);
}

/* One namespace for pillar, component, criterion and question ids: answers name
 * criteria and questions by id, reports name pillars and components. */
static void check_unique(loader *L, const char **ids, const long *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (ids[i] && ids[j] && strcmp(ids[i], ids[j]) == 0) {
				ERRF(L, lines[i], ids[i], "mã \"%s\" bị trùng (đã dùng ở dòng %ld)",
				     "duplicate id \"%s\" (already used at line %ld)", ids[i],
				     lines[j]);
				break;
			}
}

static void load_levels(loader *L, const xmlNode *levels, pdx_status rubric_status)
{
	pdx_rubric *r = L->r;
	r->n_levels = pdx_xml_count(levels, "level");
	r->levels = pdx_arena_alloc(r->arena, r->n_levels * sizeof(pdx_level));
	if (!r->levels) {
		L->x.oom = 1;
		return;
	}
	size_t i = 0;
	for (const xmlNode *n = levels->children; n; n = n->next) {
		if (!pdx_xml_is(n, "level"))
			continue;
		pdx_level *v = &r->levels[i];
		v->line = pdx_xml_line(n);
		const char *num = attr(L, n, "number");
		/* the schema admits any positive integer; a level number is small */
		v->number = num && strlen(num) <= 4 ? atoi(num) : 0;
		if (v->number <= 0)
			ERRF(L, v->line, NULL, "số mức \"%s\" phải từ 1 đến 9999",
			     "level number \"%s\" must be from 1 to 9999", num ? num : "");
		v->status = status_of(L, n, rubric_status);
		names_of(L, n, &v->name, &v->name_en, NULL, v->status);
		v->above = attr(L, n, "above") != NULL;
		v->source = child_text(L, n, "source");
		v->min = points_attr(L, n, v->above ? "above" : "min", NULL);
		char a[32], b[32];
		if (i == 0 && (v->min != 0 || v->above))
			ERRF(L, v->line, NULL,
			     "mức thấp nhất phải bắt đầu từ 0 điểm, không phải %s",
			     "the lowest level must start at 0 points, not %s",
			     pdx_level_bound(v, true, a, sizeof a));
		if (i > 0 && v->number != r->levels[i - 1].number + 1)
			ERRF(L, v->line, NULL,
			     "mức số %d phải là %d (các mức đánh số liên tiếp từ 1)",
			     "level number %d should be %d (levels are numbered 1, 2, … in order)",
			     v->number, r->levels[i - 1].number + 1);
		if (i == 0 && v->number != 1)
			ERRF(L, v->line, NULL, "mức đầu tiên phải là số 1, không phải %d%s",
			     "the first level must be number 1, not %d%s", v->number, "");
		if (i > 0 && pdx_level_reach(v) <= pdx_level_reach(&r->levels[i - 1]))
			ERRF(L, v->line, NULL,
			     "ngưỡng %s của mức %d phải lớn hơn ngưỡng %s của mức trước (các mức "
			     "tăng dần)",
			     "lower bound %s of level %d must be above the previous level's %s "
			     "(levels ascend)",
			     pdx_points_format_short(v->min, a, sizeof a), v->number,
			     pdx_points_format_short(r->levels[i - 1].min, b, sizeof b));
		i++;
	}
}

static void load_questions(loader *L, const xmlNode *ctx, pdx_status st)
{
	pdx_rubric *r = L->r;
	r->n_questions = pdx_xml_count(ctx, "question");
	r->questions =
	    pdx_arena_alloc(r->arena, (r->n_questions ? r->n_questions : 1) * sizeof(pdx_question));
	if (!r->questions) {
		L->x.oom = 1;
		return;
	}
	size_t i = 0;
	for (const xmlNode *n = ctx->children; n; n = n->next) {
		if (!pdx_xml_is(n, "question"))
			continue;
		pdx_question *q = &r->questions[i++];
		q->id = attr(L, n, "id");
		q->line = pdx_xml_line(n);
		q->status = status_of(L, n, st);
		names_of(L, n, &q->name, &q->name_en, NULL, q->status);
		q->source = child_text(L, n, "source");
		const char *t = attr(L, n, "type");
		if (parse_type(t, &q->type) != 0) {
			q->type = PDX_TYPE_TEXT;
			ERRF(L, q->line, q->id,
			     "kiểu câu trả lời không biết \"%s\"; cần yesno, choice, percent, "
			     "number, count hoặc text",
			     "unknown answer type \"%s\"; expected yesno, choice, percent, number, "
			     "count or text",
			     t ? t : "");
		}
		load_options(L, n, q->id, &q->options, &q->n_options, false);
		if (q->type == PDX_TYPE_CHOICE && !q->n_options)
			ERRF(L, q->line, q->id, "câu hỏi lựa chọn cần ít nhất một <option>%s",
			     "a choice question needs at least one <option>%s", "");
	}
}

static void load_criterion(loader *L, const xmlNode *n, pdx_criterion *c, pdx_status st)
{
	c->id = attr(L, n, "id");
	c->line = pdx_xml_line(n);
	c->status = status_of(L, n, st);
	names_of(L, n, &c->name, &c->name_en, NULL, c->status);
	c->source = child_text(L, n, "source");
	c->max = points_attr(L, n, "max", c->id);
	const char *ev = attr(L, n, "evidence");
	c->evidence = ev && (strcmp(ev, "true") == 0 || strcmp(ev, "1") == 0);
	const char *t = attr(L, n, "type");
	if (parse_type(t, &c->type) != 0 || c->type == PDX_TYPE_TEXT) {
		ERRF(L, c->line, c->id,
		     "kiểu câu trả lời không biết \"%s\"; cần yesno, choice, percent, number hoặc "
		     "count",
		     "unknown answer type \"%s\"; expected yesno, choice, percent, number or count",
		     t ? t : "");
		c->type = PDX_TYPE_YESNO;
		c->scoring = PDX_SCORING_YESNO;
		return;
	}
	load_scoring(L, n, c);
	check_reachable(L, c);
	if (c->max <= 0)
		ERRF(L, c->line, c->id, "điểm tối đa của tiêu chí phải lớn hơn 0%s",
		     "a criterion's max must be above 0%s", "");
}

static void load_tree(loader *L, const xmlNode *root)
{
	pdx_rubric *r = L->r;
	pdx_rubric_meta *m = &r->meta;
	m->id = attr(L, root, "id");
	m->status = status_of(L, root, PDX_OFFICIAL);
	m->total = points_attr(L, root, "total", NULL);
	m->title = child_text(L, root, "title");
	m->title_en = child_text(L, root, "title-en");
	m->decision = child_text(L, root, "decision");
	m->issuer = child_text(L, root, "issuer");
	m->date = child_text(L, root, "date");
	m->source = child_text(L, root, "source");
	const xmlNode *years = pdx_xml_first(root, "years");
	if (years) {
		/* the schema bounds both to 2000..2999 */
		const char *from = attr(L, years, "from"), *to = attr(L, years, "to");
		m->year_from = from ? atoi(from) : 0;
		m->year_to = to ? atoi(to) : 0;
		if (m->year_to && m->year_to < m->year_from)
			ERRF(L, pdx_xml_line(years), NULL,
			     "năm cuối %d trước năm đầu %d của bộ chỉ số",
			     "the edition's last year %d is before its first year %d", m->year_to,
			     m->year_from);
	}

	load_levels(L, pdx_xml_first(root, "levels"), m->status);

	/* Count first so that each array is allocated once, in the arena. */
	for (const xmlNode *p = root->children; p; p = p->next) {
		if (!pdx_xml_is(p, "pillar"))
			continue;
		r->n_pillars++;
		for (const xmlNode *c = p->children; c; c = c->next) {
			if (!pdx_xml_is(c, "component"))
				continue;
			r->n_components++;
			r->n_criteria += pdx_xml_count(c, "criterion");
		}
	}
	r->pillars = pdx_arena_alloc(r->arena, r->n_pillars * sizeof(pdx_pillar) + 1);
	r->components = pdx_arena_alloc(r->arena, r->n_components * sizeof(pdx_component) + 1);
	r->criteria = pdx_arena_alloc(r->arena, r->n_criteria * sizeof(pdx_criterion) + 1);
	if (!r->pillars || !r->components || !r->criteria) {
		L->x.oom = 1;
		return;
	}
	memset(r->criteria, 0, r->n_criteria * sizeof(pdx_criterion));
	size_t pi = 0, ci = 0, ki = 0;
	pdx_points pillar_sum = 0;
	for (const xmlNode *p = root->children; p; p = p->next) {
		if (!pdx_xml_is(p, "pillar"))
			continue;
		pdx_pillar *P = &r->pillars[pi];
		P->id = attr(L, p, "id");
		P->line = pdx_xml_line(p);
		P->status = status_of(L, p, m->status);
		names_of(L, p, &P->name, &P->name_en, &P->name_status, P->status);
		P->source = child_text(L, p, "source");
		P->max = points_attr(L, p, "max", P->id);
		P->first_component = ci;
		P->first_criterion = ki;
		pdx_points comp_sum = 0;
		for (const xmlNode *c = p->children; c; c = c->next) {
			if (!pdx_xml_is(c, "component"))
				continue;
			pdx_component *C = &r->components[ci];
			C->id = attr(L, c, "id");
			C->line = pdx_xml_line(c);
			C->status = status_of(L, c, P->status);
			names_of(L, c, &C->name, &C->name_en, &C->name_status, C->status);
			C->source = child_text(L, c, "source");
			C->max = points_attr(L, c, "max", C->id);
			C->pillar = pi;
			C->first_criterion = ki;
			pdx_points crit_sum = 0;
			for (const xmlNode *k = c->children; k; k = k->next) {
				if (!pdx_xml_is(k, "criterion"))
					continue;
				pdx_criterion *K = &r->criteria[ki++];
				K->pillar = pi;
				K->component = ci;
				load_criterion(L, k, K, C->status);
				crit_sum += K->max;
			}
			C->n_criteria = ki - C->first_criterion;
			check_sum(L, C->line, C->id, "tiêu chí", "criteria", crit_sum, C->max);
			comp_sum += C->max;
			ci++;
		}
		P->n_components = ci - P->first_component;
		P->n_criteria = ki - P->first_criterion;
		check_sum(L, P->line, P->id, "chỉ số thành phần", "components", comp_sum, P->max);
		pillar_sum += P->max;
		pi++;
	}
	check_sum(L, pdx_xml_line(root), m->id, "trụ cột", "pillars", pillar_sum, m->total);

	const xmlNode *ctx = pdx_xml_first(root, "context");
	if (ctx)
		load_questions(L, ctx, m->status);

	for (size_t i = 0; i < r->n_levels; i++)
		if (pdx_level_reach(&r->levels[i]) > m->total) {
			char a[32], b[32];
			ERRF(L, r->levels[i].line, NULL,
			     "ngưỡng %s của mức %s cao hơn tổng điểm %s: không thể đạt",
			     "level threshold %s of \"%s\" is above the total %s: unreachable",
			     pdx_points_format_short(r->levels[i].min, a, sizeof a),
			     r->levels[i].name ? r->levels[i].name : "",
			     pdx_points_format_short(m->total, b, sizeof b));
		}

	size_t n_ids = r->n_pillars + r->n_components + r->n_criteria + r->n_questions;
	const char **ids = pdx_malloc((n_ids + 1) * sizeof(*ids));
	long *lines = pdx_malloc((n_ids + 1) * sizeof(*lines));
	if (!ids || !lines) {
		L->x.oom = 1;
	} else {
		size_t k = 0;
		for (size_t i = 0; i < r->n_pillars; i++, k++)
			ids[k] = r->pillars[i].id, lines[k] = r->pillars[i].line;
		for (size_t i = 0; i < r->n_components; i++, k++)
			ids[k] = r->components[i].id, lines[k] = r->components[i].line;
		for (size_t i = 0; i < r->n_criteria; i++, k++)
			ids[k] = r->criteria[i].id, lines[k] = r->criteria[i].line;
		for (size_t i = 0; i < r->n_questions; i++, k++)
			ids[k] = r->questions[i].id, lines[k] = r->questions[i].line;
		check_unique(L, ids, lines, n_ids);
	}
	pdx_free(ids);
	pdx_free(lines);
}

/* Editions deriving from editions: a chain this long is a loop, or a mistake. */
#define MAX_DEPTH 8

static xmlDocPtr base_file_doc(pdx_xml_ctx *x, const char *id, const char *dir, int depth);

/* The canonical form: the table `pressdx rubrics export` writes, which holds everything
 * scoring and reports use and nothing of how the file was written (comments, layout,
 * whole or derived). Its digest is the one reports show, so that the same edition
 * written two ways is recognised as one. */
static int canonical_sha256(pdx_rubric *r)
{
	char *table;
	size_t len;
	int rc = pdx_rubric_export_table(&table, &len, r);
	if (rc == PDX_EINVALID) {
		/* an option the table cannot carry (a ';' in its label): the rubric is valid
		 * all the same, and its resolved XML stands for it */
		pdx_sha256_hex(r->resolved, r->resolved_len, r->meta.sha256);
		return 0;
	}
	if (rc)
		return rc;
	pdx_sha256_hex(table, len, r->meta.sha256);
	pdx_free(table);
	return 0;
}

static int keep_resolved(pdx_rubric *r, const char *xml, size_t len)
{
	char *copy = pdx_arena_alloc(r->arena, len + 1);
	if (!copy)
		return PDX_ENOMEM;
	memcpy(copy, xml, len);
	copy[len] = '\0';
	r->resolved = copy;
	r->resolved_len = len;
	return 0;
}

/* The whole document a derived one `doc` (consumed) stands for: its base's (`base`, or
 * DIR/ID.xml, itself resolved when derived) with the differences applied. Only the
 * result is checked as a rubric: a base is read for its elements, never loaded. */
static xmlDocPtr whole_doc(pdx_xml_ctx *x, xmlDocPtr doc, const pdx_rubric *base, const char *dir,
                           int depth)
{
	const char *extends = pdx_rubric_doc_extends(doc);
	long line = pdx_xml_line(xmlDocGetRootElement(doc));
	xmlDocPtr b = NULL;
	if (base && strcmp(base->meta.id, extends) != 0)
		PDX_XERR(x, line, extends, "bộ chỉ số gốc được đưa vào là %s, không phải %s",
		         "the base rubric given is %s, not %s", base->meta.id, extends);
	else if (base)
		b = pdx_xml_parse(x, base->resolved, base->resolved_len, &pdx_xml_rubric_limits,
		                  "rubric", "rubric");
	else if (dir)
		b = base_file_doc(x, extends, dir, depth);
	else
		PDX_XERR(x, line, extends,
		         "bộ chỉ số này mở rộng bộ chỉ số %s, cần nạp %s trước (tệp %s.xml cùng "
		         "thư mục)",
		         "this rubric extends %s: load %s first (the file %s.xml beside it)",
		         extends, extends, extends);
	xmlDocPtr out = NULL;
	if (b && pdx_rubric_validate_derived(x, doc) == 0)
		out = pdx_rubric_derive(x, doc, b);
	else
		xmlFreeDoc(b);
	xmlFreeDoc(doc);
	return out;
}

/* The base of a derived file, DIR/ID.xml, as a whole document. An id that could name a
 * file elsewhere (a slash, a leading dot) is refused: a rubric from another office must
 * not make the loader read files outside the rubric's own folder. */
static xmlDocPtr base_file_doc(pdx_xml_ctx *x, const char *id, const char *dir, int depth)
{
	if (depth >= MAX_DEPTH) {
		PDX_XERR(x, 0, id, "chuỗi bộ chỉ số mở rộng nhau dài quá %d (có vòng lặp?) tại %s",
		         "editions extend each other more than %d deep (a loop?) at %s", MAX_DEPTH,
		         id);
		return NULL;
	}
	if (id[0] == '.' || strchr(id, '/') || strchr(id, '\\')) {
		PDX_XERR(x, 0, id, "mã bộ chỉ số gốc \"%s\" không thể là tên tệp",
		         "the base rubric id \"%s\" cannot name a file", id);
		return NULL;
	}
	char *path = pdx_aprintf("%s/%s.xml", dir, id);
	if (!path) {
		x->oom = 1;
		return NULL;
	}
	/* the base's own problems are said of the base's file */
	pdx_xml_ctx bx = {x->diags, path, 0, 0, PDX_CODE_NONE};
	char *data = NULL;
	size_t len;
	xmlDocPtr doc = NULL;
	int rc = pdx_xml_read_file(&bx, path, &pdx_xml_rubric_limits, &data, &len);
	if (rc == PDX_ENOMEM)
		bx.oom = 1;
	else if (rc == 0)
		doc = pdx_xml_parse(&bx, data, len, &pdx_xml_rubric_limits, "rubric", "rubric");
	pdx_free(data);
	if (doc && pdx_rubric_doc_extends(doc))
		doc = whole_doc(&bx, doc, NULL, dir, depth + 1);
	if (bx.oom)
		x->oom = 1;
	else if (!doc)
		PDX_XERR(x, 0, id, "không đọc được bộ chỉ số gốc %s (%s)",
		         "the base rubric %s (%s) could not be read", id, path);
	pdx_free(path);
	return doc;
}

static int load(pdx_rubric **out, const char *data, size_t len, const char *name,
                const pdx_rubric *base, const char *dir, pdx_diags *diags)
{
	*out = NULL;
	pdx_rubric *r = pdx_calloc(1, sizeof(*r));
	if (!r)
		return PDX_ENOMEM;
	r->arena = pdx_arena_new();
	if (!r->arena) {
		pdx_free(r);
		return PDX_ENOMEM;
	}
	loader L = {{diags, name ? name : "<rubric>", 0, 0, PDX_CODE_NONE}, r};
	r->meta.path = pdx_arena_strdup(r->arena, L.x.file);
	if (!r->meta.path) {
		pdx_rubric_free(r);
		return PDX_ENOMEM;
	}

	char *resolved = NULL;
	size_t resolved_len = 0;
	xmlDocPtr doc = pdx_xml_parse(&L.x, data, len, &pdx_xml_rubric_limits, "rubric", "rubric");
	const char *extends = pdx_rubric_doc_extends(doc);
	if (doc && extends) {
		r->meta.extends = pdx_arena_strdup(r->arena, extends);
		if (!r->meta.extends)
			L.x.oom = 1;
		pdx_xml_channel ch = pdx_xml_silence();
		doc = whole_doc(&L.x, doc, base, dir, 0);
		if (doc && pdx_rubric_dump(doc, &resolved, &resolved_len))
			L.x.oom = 1;
		pdx_xml_restore(ch);
	}
	if (doc &&
	    pdx_xml_validate(&L.x, doc, pdx_rubric_rng, pdx_rubric_rng_len, "rubric.rng") == 0) {
		L.x.code = PDX_E_RUBRIC; /* what the schema cannot say: sums, bands, levels */
		load_tree(&L, xmlDocGetRootElement(doc));
	}
	bool parsed = doc != NULL;
	xmlFreeDoc(doc);
	if (!L.x.oom && !L.x.errors && parsed &&
	    keep_resolved(r, resolved ? resolved : data, resolved ? resolved_len : len))
		L.x.oom = 1;
	pdx_free(resolved);
	if (L.x.oom || L.x.errors || !parsed) {
		pdx_rubric_free(r);
		return L.x.oom ? PDX_ENOMEM : PDX_EINVALID;
	}
	if (index_ids(r)) {
		pdx_rubric_free(r);
		return PDX_ENOMEM;
	}
	if (r->meta.status == PDX_PROVISIONAL)
		r->meta.provisional = true;
	if (build_notice(r) || canonical_sha256(r)) {
		pdx_rubric_free(r);
		return PDX_ENOMEM;
	}
	*out = r;
	return 0;
}

int pdx_rubric_load_memory(pdx_rubric **out, const char *data, size_t len, const char *name,
                           pdx_diags *diags)
{
	return load(out, data, len, name, NULL, NULL, diags);
}

int pdx_rubric_load_memory_base(pdx_rubric **out, const char *data, size_t len, const char *name,
                                const pdx_rubric *base, pdx_diags *diags)
{
	return load(out, data, len, name, base, NULL, diags);
}

const char *pdx_rubric_resolved_xml(const pdx_rubric *r, size_t *len)
{
	if (len)
		*len = r ? r->resolved_len : 0;
	return r ? r->resolved : NULL;
}

/* The parts of the rubric of one status, named: "ngưỡng mức, tiêu chí" or its English. */
static void notice_parts(pdx_buf *b, const pdx_rubric *r, pdx_status st, bool en)
{
	static const char *const vi_names[] = {"ngưỡng mức", "trụ cột", "chỉ số thành phần",
	                                       "tiêu chí", "câu hỏi bối cảnh"};
	static const char *const en_names[] = {"level bounds", "pillars", "component indices",
	                                       "criteria", "context questions"};
	bool has[5] = {false};
	for (size_t i = 0; i < r->n_levels; i++)
		has[0] |= r->levels[i].status == st;
	for (size_t i = 0; i < r->n_pillars; i++)
		has[1] |= r->pillars[i].status == st;
	for (size_t i = 0; i < r->n_components; i++)
		has[2] |= r->components[i].status == st;
	for (size_t i = 0; i < r->n_criteria; i++)
		has[3] |= r->criteria[i].status == st;
	for (size_t i = 0; i < r->n_questions; i++)
		has[4] |= r->questions[i].status == st;
	size_t n = 0;
	for (size_t i = 0; i < 5; i++)
		if (has[i])
			pdx_buf_printf(b, "%s%s", n++ ? ", " : "", en ? en_names[i] : vi_names[i]);
	if (!n) /* only the rubric element itself carries the status */
		pdx_buf_puts(b, en ? "the rubric as a whole" : "toàn bộ chỉ số");
}

/* What every report made with the rubric says of its parts that are not from the
 * decision's text: which are the project's (provisional) and which were taken from an
 * official publication (published). Built once, at load. */
static int build_notice(pdx_rubric *r)
{
	pdx_rubric_meta *m = &r->meta;
	if (!m->provisional && !m->published)
		return 0;
	pdx_buf b = {0};
	size_t vi_len = 0;
	for (int en = 0; en < 2; en++) {
		if (en)
			vi_len = b.len;
		pdx_buf_puts(&b, en ? " / NOTE: " : "LƯU Ý: ");
		if (m->provisional) {
			pdx_buf_puts(&b,
			             en ? "this rubric has provisional content, not the official "
			                  "annex; results are indicative only. Provisional: "
			                : "bộ chỉ số này có nội dung TẠM THỜI (provisional), không "
			                  "phải phụ lục chính thức; kết quả chỉ để tham khảo. Tạm "
			                  "thời: ");
			notice_parts(&b, r, PDX_PROVISIONAL, en);
			pdx_buf_puts(&b, ".");
		}
		if (m->published) {
			pdx_buf_puts(&b, m->provisional ? " " : "");
			pdx_buf_puts(
			    &b, en ? "From an official publication, not the decision's text: "
			           : "Lấy từ công bố chính thức, không phải văn bản quyết định: ");
			notice_parts(&b, r, PDX_PUBLISHED, en);
			pdx_buf_puts(&b, ".");
		}
	}
	char *text;
	size_t len;
	if (pdx_buf_finish(&b, &text, &len))
		return PDX_ENOMEM;
	m->notice = pdx_arena_strdup(r->arena, text);
	/* the English part follows the " / " that joins the two */
	r->notice_en = m->notice ? m->notice + vi_len + 3 : NULL;
	/* the Vietnamese alone, without the both form's English gloss of TẠM THỜI */
	static const char gloss[] = " (provisional)";
	char *g = strstr(text, gloss);
	if (g && (size_t)(g - text) < vi_len) {
		size_t n = sizeof gloss - 1;
		memmove(g, g + n, strlen(g + n) + 1);
		vi_len -= n;
	}
	r->notice_vi = pdx_arena_strndup(r->arena, text, vi_len);
	free(text);
	return m->notice && r->notice_vi ? 0 : PDX_ENOMEM;
}

const char *pdx_rubric_notice_lang(const pdx_rubric *r, pdx_lang lang)
{
	if (!r->meta.notice || lang == PDX_LANG_BOTH)
		return r->meta.notice;
	return lang == PDX_LANG_EN ? r->notice_en : r->notice_vi;
}

int pdx_rubric_load_file(pdx_rubric **out, const char *path, pdx_diags *diags)
{
	char *data;
	size_t len;
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!path)
		return PDX_EARG;
	pdx_xml_ctx x = {diags, path, 0, 0, PDX_CODE_NONE};
	int rc = pdx_xml_read_file(&x, path, &pdx_xml_rubric_limits, &data, &len);
	if (rc)
		return x.oom ? PDX_ENOMEM : rc;
	/* the base is looked for beside the file (standard input: the current folder) */
	const char *slash = strcmp(path, "-") == 0 ? NULL : strrchr(path, '/');
	char *dir = slash ? pdx_malloc((size_t)(slash - path) + 2) : pdx_strdup(".");
	if (!dir) {
		pdx_free(data);
		return PDX_ENOMEM;
	}
	if (slash) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
		if (slash == path) { /* "/x.xml": the root folder */
			dir[0] = '/';
			dir[1] = '\0';
		}
	}
	rc = load(out, data, len, path, NULL, dir, diags);
	pdx_free(dir);
	pdx_free(data);
	return rc;
}

void pdx_rubric_free(pdx_rubric *r)
{
	if (!r)
		return;
	pdx_arena_free(r->arena);
	pdx_free(r);
}

const pdx_rubric_meta *pdx_rubric_meta_get(const pdx_rubric *r)
{
	return r ? &r->meta : NULL;
}

#define GETTERS(type, name, arr, count)                                                            \
	size_t pdx_rubric_##name##_count(const pdx_rubric *r)                                      \
	{                                                                                          \
		return r ? r->count : 0;                                                           \
	}                                                                                          \
	const type *pdx_rubric_##name(const pdx_rubric *r, size_t i)                               \
	{                                                                                          \
		return r && i < r->count ? &r->arr[i] : NULL;                                      \
	}

GETTERS(pdx_level, level, levels, n_levels)
GETTERS(pdx_pillar, pillar, pillars, n_pillars)
GETTERS(pdx_component, component, components, n_components)
GETTERS(pdx_criterion, criterion, criteria, n_criteria)
GETTERS(pdx_question, question, questions, n_questions)

long pdx_rubric_find_criterion(const pdx_rubric *r, const char *id)
{
	uint32_t k = find_id(r, id);
	return k && k <= r->n_criteria ? (long)k - 1 : -1;
}

long pdx_rubric_find_question(const pdx_rubric *r, const char *id)
{
	uint32_t k = find_id(r, id);
	return k && k > r->n_criteria ? (long)(k - 1 - r->n_criteria) : -1;
}

const pdx_level *pdx_rubric_level_for(const pdx_rubric *r, pdx_points total)
{
	const pdx_level *best = NULL;
	for (size_t i = 0; r && i < r->n_levels; i++)
		if (total >= pdx_level_reach(&r->levels[i]))
			best = &r->levels[i];
	return best;
}

bool pdx_rubric_compatible(const pdx_rubric *a, const pdx_rubric *b)
{
	if (a == b)
		return true;
	if (a->n_pillars != b->n_pillars || a->n_levels != b->n_levels)
		return false;
	for (size_t i = 0; i < a->n_pillars; i++)
		if (strcmp(a->pillars[i].id, b->pillars[i].id) != 0)
			return false;
	for (size_t i = 0; i < a->n_levels; i++)
		if (a->levels[i].number != b->levels[i].number)
			return false;
	return true;
}

long pdx_rubric_find_pillar(const pdx_rubric *r, const char *id)
{
	for (size_t i = 0; i < r->n_pillars; i++)
		if (strcmp(r->pillars[i].id, id) == 0)
			return (long)i;
	return -1;
}

bool pdx_rubric_same(const pdx_rubric *a, const pdx_rubric *b)
{
	return a == b || (a && b && strcmp(a->meta.sha256, b->meta.sha256) == 0);
}

pdx_points pdx_level_reach(const pdx_level *level)
{
	return level->above ? level->min + 1 : level->min;
}

char *pdx_level_bound(const pdx_level *level, bool short_form, char *buf, size_t size)
{
	char v[28]; /* points are at most 21 characters */
	if (short_form)
		pdx_points_format_short(level->min, v, sizeof v);
	else
		pdx_points_format(level->min, v, sizeof v);
	snprintf(buf, size, "%s%s", level->above ? ">" : "", v);
	return buf;
}

const char *pdx_rubric_schema(void)
{
	return pdx_rubric_rng;
}
