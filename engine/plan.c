/* SPDX-License-Identifier: MIT */
/* Plan files and plan targets.
 *
 * A province plan says "70% of our agencies have content on digital platforms by
 * 2025"; the rubric's criteria say whether an agency does. A plan file states each
 * target and the condition on criterion answers that makes an agency count; this
 * module loads it (as safely as a rubric) and measures the agencies against it with
 * exact integer shares. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

extern const char pdx_plan_rng[];
extern const size_t pdx_plan_rng_len;

struct pdx_plan {
	pdx_arena *arena;
	const pdx_rubric *rubric;
	pdx_plan_meta meta;
	pdx_indicator *indicators;
	size_t n_indicators;
};

typedef struct ploader {
	pdx_xml_ctx x;
	pdx_plan *p;
} ploader;

const char *pdx_plan_schema(void)
{
	return pdx_plan_rng;
}

const pdx_plan_meta *pdx_plan_meta_get(const pdx_plan *plan)
{
	return plan ? &plan->meta : NULL;
}

size_t pdx_plan_indicator_count(const pdx_plan *plan)
{
	return plan ? plan->n_indicators : 0;
}

const pdx_indicator *pdx_plan_indicator(const pdx_plan *plan, size_t i)
{
	return plan && i < plan->n_indicators ? &plan->indicators[i] : NULL;
}

void pdx_plan_free(pdx_plan *plan)
{
	if (!plan)
		return;
	pdx_arena_free(plan->arena);
	pdx_free(plan);
}

/* Whether `id` is one of the space-separated ids of a plan's rubric attribute. */
static bool written_for(const char *ids, const char *id)
{
	size_t n = strlen(id);
	for (const char *s = ids; *s;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		const char *e = s;
		while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
			e++;
		if ((size_t)(e - s) == n && n && strncmp(s, id, n) == 0)
			return true;
		s = e;
	}
	return false;
}

/* The plan is used with an edition it was not written for; its conditions fit it (the
 * load checked each), which the warning says. 0, or PDX_ENOMEM. */
static int other_rubric(ploader *L, long line, const char *written, const char *used)
{
	char *vi = pdx_aprintf("kế hoạch được viết cho bộ chỉ số %s, không phải %s; các mã tiêu "
	                       "chí và câu trả lời vẫn khớp",
	                       written, used);
	char *en = pdx_aprintf("the plan was written for %s, not %s; its criterion ids and "
	                       "answers still fit",
	                       written, used);
	int rc = vi && en ? pdx_diag_addc(L->x.diags, PDX_W_PLAN_OTHER_RUBRIC, PDX_SEV_WARNING,
	                                  L->x.file, line, 0, NULL, NULL, vi, en)
	                  : PDX_ENOMEM;
	pdx_free(vi);
	pdx_free(en);
	return rc;
}

static const char *attr(ploader *L, const xmlNode *n, const char *name)
{
	return pdx_xml_attr(&L->x, L->p->arena, n, name);
}

/* One <answer>: the criterion must exist and the comparison fit its answer type. */
static void load_answer(ploader *L, const xmlNode *n, pdx_plan_answer *a)
{
	static const char *const ops[] = {"in", "equals", "ge", "gt", "le", "lt"};
	const pdx_rubric *r = L->p->rubric;
	a->line = pdx_xml_line(n);
	const char *id = attr(L, n, "criterion");
	long k = id ? pdx_rubric_find_criterion(r, id) : -1;
	if (k < 0) {
		PDX_XERR(&L->x, a->line, id, "tiêu chí \"%s\" không có trong bộ chỉ số %s",
		         "criterion \"%s\" does not exist in rubric %s", id ? id : "",
		         pdx_rubric_meta_get(r)->id);
		return;
	}
	a->criterion = pdx_rubric_criterion(r, (size_t)k);
	a->criterion_index = (size_t)k;
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (pdx_xml_has(n, ops[i])) {
			a->op = (pdx_cond_op)i;
			a->text = attr(L, n, ops[i]);
		}
	if (!a->text)
		return;
	const pdx_criterion *c = a->criterion;
	bool numeric =
	    c->type == PDX_TYPE_PERCENT || c->type == PDX_TYPE_NUMBER || c->type == PDX_TYPE_COUNT;
	if (a->op >= PDX_COND_GE) {
		if (!numeric)
			PDX_XERR(&L->x, a->line, c->id,
			         "so sánh số (%s) không dùng được với tiêu chí kiểu %s; dùng in "
			         "hoặc equals",
			         "a numeric comparison (%s) does not fit a %s criterion; use in or "
			         "equals",
			         ops[a->op], pdx_answer_type_name(c->type));
		else if (pdx_decimal_parse(a->text, false, &a->value) != 0)
			PDX_XERR(&L->x, a->line, c->id, "\"%s\" không phải số%s",
			         "\"%s\" is not a number%s", a->text, "");
		return;
	}
	if (numeric) {
		if (a->op == PDX_COND_EQUALS && pdx_decimal_parse(a->text, false, &a->value) == 0)
			return;
		PDX_XERR(&L->x, a->line, c->id,
		         "tiêu chí %s kiểu %s cần so sánh số (ge, gt, le, lt hoặc equals một số)",
		         "criterion %s is a %s: compare it with ge, gt, le, lt or equals a number",
		         c->id, pdx_answer_type_name(c->type));
		return;
	}
	/* in / equals on yesno or choice: every word must be an answer of the criterion */
	char *copy = pdx_strdup(a->text), *save = NULL;
	long *opts = pdx_arena_alloc(L->p->arena, (strlen(a->text) + 1) * sizeof(long));
	if (!copy || !opts) {
		pdx_free(copy);
		L->x.oom = 1;
		return;
	}
	size_t n_words = 0;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		pdx_value v;
		int prc = pdx_value_parse(&v, NULL, c, w);
		if (prc == PDX_ENOMEM) {
			L->x.oom = 1;
			continue;
		}
		if (prc != 0) {
			pdx_buf keys = {0};
			for (size_t i = 0; i < c->n_options; i++)
				pdx_buf_printf(&keys, "%s%s", i ? ", " : "", c->options[i].key);
			if (c->type == PDX_TYPE_YESNO)
				pdx_buf_puts(&keys, "có, không");
			char *k2;
			if (pdx_buf_finish(&keys, &k2, NULL) == 0) {
				PDX_XERR(
				    &L->x, a->line, c->id,
				    "\"%s\" không phải câu trả lời của tiêu chí %s; cần một trong: "
				    "%s",
				    "\"%s\" is not an answer of criterion %s; expected one of: %s",
				    w, c->id, k2);
				pdx_free(k2);
			}
			continue;
		}
		if (c->type == PDX_TYPE_YESNO)
			a->yes = v.yes;
		else
			opts[n_words++] = v.option;
	}
	a->options = opts;
	a->n_options = n_words;
	pdx_free(copy);
}

static const pdx_plan_condition *load_condition(ploader *L, const xmlNode *n)
{
	if (!n)
		return NULL;
	pdx_plan_condition *c = pdx_arena_alloc(L->p->arena, sizeof(*c));
	size_t k = pdx_xml_count(n, "answer");
	pdx_plan_answer *as = pdx_arena_alloc(L->p->arena, (k + 1) * sizeof(*as));
	if (!c || !as) {
		L->x.oom = 1;
		return NULL;
	}
	memset(as, 0, (k + 1) * sizeof(*as));
	size_t i = 0;
	for (const xmlNode *a = n->children; a; a = a->next)
		if (pdx_xml_is(a, "answer"))
			load_answer(L, a, &as[i++]);
	c->answers = as;
	c->n = k;
	return c;
}

static void load_indicator(ploader *L, const xmlNode *n, pdx_indicator *ind)
{
	pdx_arena *ar = L->p->arena;
	ind->line = pdx_xml_line(n);
	ind->id = attr(L, n, "id");
	ind->name = pdx_xml_text(&L->x, ar, pdx_xml_first(n, "name"));
	ind->name_en = pdx_xml_text(&L->x, ar, pdx_xml_first(n, "name-en"));
	ind->media = attr(L, n, "media");
	const char *m = attr(L, n, "measured");
	ind->measured = !(m && (strcmp(m, "false") == 0 || strcmp(m, "0") == 0));
	ind->condition = load_condition(L, pdx_xml_first(n, "condition"));
	size_t k = pdx_xml_count(n, "target");
	pdx_plan_target *ts = pdx_arena_alloc(ar, (k + 1) * sizeof(*ts));
	if (!ts) {
		L->x.oom = 1;
		return;
	}
	size_t i = 0;
	bool all_have_condition = true;
	for (const xmlNode *t = n->children; t; t = t->next) {
		if (!pdx_xml_is(t, "target"))
			continue;
		pdx_plan_target *x = &ts[i];
		x->line = pdx_xml_line(t);
		const char *y = attr(L, t, "year"), *pct = attr(L, t, "pct");
		x->year = y ? atoi(y) : 0;
		pdx_decimal d = {0, 0};
		if (!pct || pdx_decimal_parse(pct, false, &d) != 0 || d.rest ||
		    d.nanos % (PDX_DECIMAL_ONE / 100) != 0 || d.nanos < 0 ||
		    d.nanos > 100 * PDX_DECIMAL_ONE)
			PDX_XERR(&L->x, x->line, ind->id,
			         "tỷ lệ mục tiêu \"%s\" phải là số từ 0 đến 100, tối đa 2 chữ số "
			         "thập phân",
			         "target share \"%s\" must be a number from 0 to 100 with at most "
			         "2 decimals",
			         pct ? pct : "");
		x->pct = d.nanos / (PDX_DECIMAL_ONE / 100);
		x->condition = load_condition(L, pdx_xml_first(t, "condition"));
		all_have_condition &= x->condition != NULL;
		for (size_t j = 0; j < i; j++)
			if (ts[j].year == x->year)
				PDX_XERR(
				    &L->x, x->line, ind->id, "năm %d đã có mục tiêu (dòng %ld)",
				    "year %d already has a target (line %ld)", x->year, ts[j].line);
		if (i > 0 && x->year < ts[i - 1].year)
			PDX_XERR(&L->x, x->line, ind->id,
			         "các năm mục tiêu phải tăng dần (%d sau %d)",
			         "target years must ascend (%d after %d)", x->year, ts[i - 1].year);
		if (!ind->measured && x->condition)
			PDX_XERR(&L->x, x->line, ind->id,
			         "chỉ tiêu không đo được (measured=\"false\") không có điều kiện%s",
			         "an indicator with measured=\"false\" takes no condition%s", "");
		i++;
	}
	ind->targets = ts;
	ind->n_targets = k;
	if (!ind->measured && ind->condition)
		PDX_XERR(&L->x, ind->line, ind->id,
		         "chỉ tiêu không đo được (measured=\"false\") không có điều kiện%s",
		         "an indicator with measured=\"false\" takes no condition%s", "");
	if (ind->measured && !ind->condition && !all_have_condition)
		PDX_XERR(&L->x, ind->line, ind->id,
		         "chỉ tiêu cần <condition> (hoặc mỗi <target> có điều kiện riêng), hoặc "
		         "measured=\"false\"%s",
		         "an indicator needs a <condition> (or one in every <target>), or "
		         "measured=\"false\"%s",
		         "");
}

static void load_plan(ploader *L, const xmlNode *root)
{
	pdx_plan *p = L->p;
	pdx_arena *ar = p->arena;
	p->meta.id = attr(L, root, "id");
	p->meta.rubric = attr(L, root, "rubric");
	p->meta.title = pdx_xml_text(&L->x, ar, pdx_xml_first(root, "title"));
	p->meta.issuer = pdx_xml_text(&L->x, ar, pdx_xml_first(root, "issuer"));
	p->meta.source = pdx_xml_text(&L->x, ar, pdx_xml_first(root, "source"));
	const xmlNode *scope = pdx_xml_first(root, "scope");
	const char *by = attr(L, scope, "by");
	p->meta.scope = by && strcmp(by, "owner") == 0 ? PDX_KEY_OWNER : PDX_KEY_PROVINCE;
	size_t nm = pdx_xml_count(scope, "match");
	const char **matches = pdx_arena_alloc(ar, (nm + 1) * sizeof(char *));
	p->n_indicators = pdx_xml_count(root, "indicator");
	p->indicators = pdx_arena_alloc(ar, (p->n_indicators + 1) * sizeof(pdx_indicator));
	if (!matches || !p->indicators) {
		L->x.oom = 1;
		return;
	}
	size_t i = 0;
	for (const xmlNode *m = scope->children; m; m = m->next)
		if (pdx_xml_is(m, "match"))
			matches[i++] = pdx_xml_text(&L->x, ar, m);
	p->meta.matches = matches;
	p->meta.n_matches = nm;
	memset(p->indicators, 0, (p->n_indicators + 1) * sizeof(pdx_indicator));
	i = 0;
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (!pdx_xml_is(n, "indicator"))
			continue;
		pdx_indicator *ind = &p->indicators[i];
		load_indicator(L, n, ind);
		for (size_t j = 0; j < i; j++)
			if (ind->id && p->indicators[j].id &&
			    strcmp(ind->id, p->indicators[j].id) == 0)
				PDX_XERR(&L->x, ind->line, ind->id,
				         "chỉ tiêu \"%s\" bị trùng (đã có ở dòng %ld)",
				         "duplicate indicator \"%s\" (already at line %ld)",
				         ind->id, p->indicators[j].line);
		i++;
	}
	const char *rid = pdx_rubric_meta_get(p->rubric)->id;
	/* a warning lost for want of memory is an out-of-memory error, not silence */
	if (p->meta.rubric && !written_for(p->meta.rubric, rid) && !L->x.errors &&
	    other_rubric(L, pdx_xml_line(root), p->meta.rubric, rid) != 0)
		L->x.oom = 1;
}

int pdx_plan_load_memory(pdx_plan **out, const char *data, size_t len, const char *name,
                         const pdx_rubric *rubric, pdx_diags *diags)
{
	*out = NULL;
	pdx_plan *p = pdx_calloc(1, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	p->arena = pdx_arena_new();
	if (!p->arena) {
		pdx_free(p);
		return PDX_ENOMEM;
	}
	p->rubric = rubric;
	ploader L = {{diags, name ? name : "<plan>", 0, 0, PDX_CODE_NONE}, p};
	p->meta.path = pdx_arena_strdup(p->arena, L.x.file);
	if (!p->meta.path) {
		pdx_plan_free(p);
		return PDX_ENOMEM;
	}
	xmlDocPtr doc = pdx_xml_parse(&L.x, data, len, &pdx_xml_plan_limits, "kế hoạch", "plan");
	if (doc && pdx_xml_validate(&L.x, doc, pdx_plan_rng, pdx_plan_rng_len, "plan.rng") == 0) {
		L.x.code = PDX_E_PLAN; /* conditions that must fit the rubric */
		load_plan(&L, xmlDocGetRootElement(doc));
	}
	xmlFreeDoc(doc);
	if (L.x.oom || L.x.errors || !doc) {
		int rc = L.x.oom ? PDX_ENOMEM : PDX_EINVALID;
		pdx_plan_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

int pdx_plan_load_file(pdx_plan **out, const char *path, const pdx_rubric *rubric, pdx_diags *diags)
{
	char *data;
	size_t len;
	*out = NULL;
	pdx_xml_ctx x = {diags, path, 0, 0, PDX_CODE_NONE};
	int rc = pdx_xml_read_file(&x, path, &pdx_xml_plan_limits, &data, &len);
	if (rc)
		return x.oom ? PDX_ENOMEM : rc;
	rc = pdx_plan_load_memory(out, data, len, path, rubric, diags);
	pdx_free(data);
	return rc;
}

/* ---- measuring ---- */

static bool answer_holds(const pdx_plan_answer *a, const pdx_result *res)
{
	const pdx_criterion_result *cr = &res->criteria[a->criterion_index];
	/* an unanswered or unreadable answer never meets a target */
	if (cr->status != PDX_CRIT_OK && cr->status != PDX_CRIT_NO_EVIDENCE)
		return false;
	const pdx_criterion *c = a->criterion;
	if (c->type == PDX_TYPE_YESNO)
		return cr->yes == a->yes;
	if (c->type == PDX_TYPE_CHOICE) {
		for (size_t i = 0; i < a->n_options; i++)
			if (a->options[i] == cr->option)
				return true;
		return false;
	}
	int cmp = pdx_decimal_cmp(cr->value, a->value);
	switch (a->op) {
	case PDX_COND_GE:
		return cmp >= 0;
	case PDX_COND_GT:
		return cmp > 0;
	case PDX_COND_LE:
		return cmp <= 0;
	case PDX_COND_LT:
		return cmp < 0;
	case PDX_COND_EQUALS:
		return cmp == 0;
	case PDX_COND_IN:
		break;
	}
	return false;
}

bool pdx_condition_holds(const pdx_plan_condition *c, const pdx_result *res)
{
	if (!c)
		return false;
	for (size_t i = 0; i < c->n; i++)
		if (!answer_holds(&c->answers[i], res))
			return false;
	return true;
}

struct targets_priv {
	pdx_targets pub;
	pdx_target_result *items;
	const pdx_result **shorts;
};

void pdx_targets_free(pdx_targets *t)
{
	if (!t)
		return;
	struct targets_priv *p = (struct targets_priv *)t;
	pdx_free(p->items);
	pdx_free(p->shorts);
	pdx_free(p);
}

/* Whether the agency is in the plan's scope: its province (names compared by
 * province_key) or its owner (compared without regard to case and Unicode form). Sets
 * *oom when a key cannot be made. */
static bool in_scope(const pdx_plan *plan, const pdx_assessment *a, bool *oom)
{
	bool owner = plan->meta.scope == PDX_KEY_OWNER;
	const char *v = owner ? a->owner : a->province;
	if (!v)
		return false;
	char *kv = owner ? pdx_utf8_key(v, 0) : pdx_province_key(v);
	bool found = false;
	for (size_t i = 0; kv && !found && i < plan->meta.n_matches; i++) {
		if (!plan->meta.matches[i])
			continue;
		char *km = owner ? pdx_utf8_key(plan->meta.matches[i], 0)
		                 : pdx_province_key(plan->meta.matches[i]);
		if (!km)
			*oom = true;
		found = km && strcmp(kv, km) == 0;
		pdx_free(km);
	}
	if (!kv)
		*oom = true;
	pdx_free(kv);
	return found;
}

/* Whether the '|'-separated media list contains `type` (case-insensitively): 1, 0, or
 * PDX_ENOMEM. */
static int has_media(const char *list, const char *type)
{
	if (!list)
		return 0;
	const char *p = list;
	while (*p) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *v = pdx_utf8_clean(p, len);
		int eq = v ? pdx_utf8_equal_fold(v, type) : PDX_ENOMEM;
		pdx_free(v);
		if (eq)
			return eq;
		p = e ? e + 1 : p + len;
	}
	return 0;
}
int pdx_targets_compute(pdx_targets **out, const pdx_plan *plan, pdx_result *const *results,
                        size_t n, int year)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!plan || (n && !results))
		return PDX_EARG;
	struct targets_priv *p = pdx_calloc(1, sizeof(*p));
	const pdx_result **chosen = pdx_calloc(n + 1, sizeof(*chosen));
	if (p) {
		p->items = pdx_calloc(plan->n_indicators + 1, sizeof(pdx_target_result));
		p->shorts = pdx_calloc(plan->n_indicators * n + 1, sizeof(pdx_result *));
	}
	if (!p || !chosen || !p->items || !p->shorts) {
		pdx_free(chosen);
		pdx_targets_free(p ? &p->pub : NULL);
		return PDX_ENOMEM;
	}
	/* One assessment per agency in scope: the year asked for, else its latest. */
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		const pdx_assessment *a = results[i]->assessment;
		bool oom = false;
		bool in = in_scope(plan, a, &oom);
		if (oom) {
			pdx_free(chosen);
			pdx_targets_free(&p->pub);
			return PDX_ENOMEM;
		}
		if (!in)
			continue;
		if (results[i]->unfilled) { /* an unfilled questionnaire counts for nothing */
			p->pub.unfilled++;
			continue;
		}
		size_t k;
		for (k = 0; k < nc && strcmp(chosen[k]->assessment->agency_id, a->agency_id) != 0;
		     k++)
			;
		if (k == nc) {
			chosen[nc++] = results[i];
			continue;
		}
		/* the year asked for wins; otherwise the latest (an unknown year, 0, loses
		 * to any known one) */
		int have = chosen[k]->assessment->year;
		bool better =
		    year ? (have != year && (a->year == year || a->year > have)) : a->year > have;
		if (better)
			chosen[k] = results[i];
	}
	int y = year;
	for (size_t k = 0; !year && k < nc; k++)
		if (chosen[k]->assessment->year > y)
			y = chosen[k]->assessment->year;

	size_t ns = 0;
	for (size_t i = 0; i < plan->n_indicators; i++) {
		const pdx_indicator *ind = &plan->indicators[i];
		pdx_target_result *tr = &p->items[i];
		tr->indicator = ind;
		/* this year's target, or where the plan sets none, the next one after it */
		for (size_t t = 0; t < ind->n_targets && !tr->target; t++)
			if (ind->targets[t].year >= y)
				tr->target = &ind->targets[t];
		tr->short_of = &p->shorts[ns];
		const pdx_plan_condition *cond =
		    tr->target && tr->target->condition ? tr->target->condition : ind->condition;
		for (size_t k = 0; k < nc; k++) {
			int media =
			    ind->media ? has_media(chosen[k]->assessment->media, ind->media) : 1;
			if (media < 0) {
				pdx_free(chosen);
				pdx_targets_free(&p->pub);
				return PDX_ENOMEM;
			}
			if (!media)
				continue;
			tr->eligible++;
			if (!ind->measured)
				continue;
			if (pdx_condition_holds(cond, chosen[k]))
				tr->achieved++;
			else
				p->shorts[ns + tr->n_short++] = chosen[k];
		}
		ns += tr->n_short;
		if (ind->measured && tr->eligible) {
			tr->achieved_pct =
			    pdx_round_div((int64_t)tr->achieved * 10000, (int64_t)tr->eligible);
			/* exact: k/n >= pct/100 ⇔ k·10000 >= pct(hundredths)·n */
			tr->met = tr->target && (int64_t)tr->achieved * 10000 >=
			                            tr->target->pct * (int64_t)tr->eligible;
		}
	}
	pdx_free(chosen);
	p->pub.plan = plan;
	p->pub.year = y;
	p->pub.items = p->items;
	p->pub.n = plan->n_indicators;
	p->pub.in_scope = nc;
	*out = &p->pub;
	return 0;
}
