/* SPDX-License-Identifier: MIT */
/* Crosswalks between editions (pressdx/crosswalk.h).
 *
 * A crosswalk is data like a rubric: a file from another office, loaded as safely (no
 * DOCTYPE, the embedded schema), then checked against the two editions it joins, so
 * that a comparison never pairs a criterion with one that does not exist. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "pressdx/crosswalk.h"
#include "xml.h"

extern const char pdx_crosswalk_rng[];
extern const size_t pdx_crosswalk_rng_len;

struct pdx_crosswalk {
	pdx_arena *arena;
	pdx_crosswalk_meta meta;
	const pdx_rubric *from, *to;
	pdx_crosswalk_pair *pairs; /* in the order of from's criteria */
	size_t n_pairs;
	/* per criterion of each side: its pair + 1, or 0 (no counterpart) */
	size_t *by_from, *by_to;
	long *line_from, *line_to; /* the line that paired it (0: same-ids) */
};

typedef struct cloader {
	pdx_xml_ctx x;
	pdx_crosswalk *cw;
} cloader;

const char *pdx_crosswalk_schema(void)
{
	return pdx_crosswalk_rng;
}

const pdx_crosswalk_meta *pdx_crosswalk_meta_get(const pdx_crosswalk *cw)
{
	return cw ? &cw->meta : NULL;
}

size_t pdx_crosswalk_pair_count(const pdx_crosswalk *cw)
{
	return cw ? cw->n_pairs : 0;
}

const pdx_crosswalk_pair *pdx_crosswalk_pair_at(const pdx_crosswalk *cw, size_t i)
{
	return cw && i < cw->n_pairs ? &cw->pairs[i] : NULL;
}

/* The index of c among r's criteria, or -1 when c is not one of r's. */
static long index_in(const pdx_rubric *r, const pdx_criterion *c)
{
	long k = c ? pdx_rubric_find_criterion(r, c->id) : -1;
	return k >= 0 && pdx_rubric_criterion(r, (size_t)k) == c ? k : -1;
}

const pdx_crosswalk_pair *pdx_crosswalk_find(const pdx_crosswalk *cw, const pdx_criterion *c)
{
	long k = index_in(cw->from, c);
	if (k >= 0)
		return cw->by_from[k] ? &cw->pairs[cw->by_from[k] - 1] : NULL;
	k = index_in(cw->to, c);
	if (k >= 0)
		return cw->by_to[k] ? &cw->pairs[cw->by_to[k] - 1] : NULL;
	return NULL;
}

bool pdx_crosswalk_joins(const pdx_crosswalk *cw, const pdx_rubric *a, const pdx_rubric *b)
{
	return (pdx_rubric_same(cw->from, a) && pdx_rubric_same(cw->to, b)) ||
	       (pdx_rubric_same(cw->from, b) && pdx_rubric_same(cw->to, a));
}

void pdx_crosswalk_free(pdx_crosswalk *cw)
{
	if (!cw)
		return;
	pdx_arena_free(cw->arena);
	pdx_free(cw);
}

static const char *attr(cloader *L, const xmlNode *n, const char *name)
{
	return pdx_xml_attr(&L->x, L->cw->arena, n, name);
}

/* The criterion `id` of side r ("from" or "to"), or -1 after an error at `line`. */
static long criterion_of(cloader *L, const pdx_rubric *r, const char *side, const char *id,
                         long line)
{
	long k = id ? pdx_rubric_find_criterion(r, id) : -1;
	if (k < 0 && id)
		PDX_XERR(&L->x, line, id, "bộ chỉ số %s (%s) không có tiêu chí \"%s\"",
		         "%s (the %s side) has no criterion \"%s\"", pdx_rubric_meta_get(r)->id,
		         side, id);
	return k;
}

/* Pairs criterion f of `from` with t of `to` (either may be -1: no counterpart),
 * replacing what same-ids gave either; a criterion paired twice by the file is an
 * error. */
static void set_pair(cloader *L, long f, long t, bool points, const char *note, long line)
{
	pdx_crosswalk *cw = L->cw;
	if (f >= 0 && cw->line_from[f]) {
		PDX_XERR(&L->x, line, pdx_rubric_criterion(cw->from, (size_t)f)->id,
		         "tiêu chí %s đã được đối chiếu ở dòng %ld",
		         "criterion %s was already mapped at line %ld",
		         pdx_rubric_criterion(cw->from, (size_t)f)->id, cw->line_from[f]);
		return;
	}
	if (t >= 0 && cw->line_to[t]) {
		PDX_XERR(&L->x, line, pdx_rubric_criterion(cw->to, (size_t)t)->id,
		         "tiêu chí %s đã được đối chiếu ở dòng %ld",
		         "criterion %s was already mapped at line %ld",
		         pdx_rubric_criterion(cw->to, (size_t)t)->id, cw->line_to[t]);
		return;
	}
	/* undo what same-ids paired with either criterion */
	if (f >= 0 && cw->by_from[f]) {
		pdx_crosswalk_pair *p = &cw->pairs[cw->by_from[f] - 1];
		cw->by_to[index_in(cw->to, p->to)] = 0;
		p->to = NULL;
	}
	if (t >= 0 && cw->by_to[t]) {
		pdx_crosswalk_pair *p = &cw->pairs[cw->by_to[t] - 1];
		cw->by_from[index_in(cw->from, p->from)] = 0;
		p->to = NULL;
	}
	if (f >= 0)
		cw->line_from[f] = line;
	if (t >= 0)
		cw->line_to[t] = line;
	if (f < 0 || t < 0)
		return;
	const pdx_criterion *a = pdx_rubric_criterion(cw->from, (size_t)f),
	                    *b = pdx_rubric_criterion(cw->to, (size_t)t);
	pdx_crosswalk_pair *p = &cw->pairs[f]; /* slot f: pairs stay in from's order */
	*p = (pdx_crosswalk_pair){a, b, points && a->max == b->max, note};
	cw->by_from[f] = (size_t)f + 1;
	cw->by_to[t] = (size_t)f + 1;
}

static void load_tree(cloader *L, const xmlNode *root)
{
	pdx_crosswalk *cw = L->cw;
	pdx_crosswalk_meta *m = &cw->meta;
	m->from_id = attr(L, root, "from");
	m->to_id = attr(L, root, "to");
	const char *st = attr(L, root, "status");
	m->status = !st || strcmp(st, "provisional") == 0 ? PDX_PROVISIONAL
	            : strcmp(st, "published") == 0        ? PDX_PUBLISHED
	                                                  : PDX_OFFICIAL;
	m->source = pdx_xml_text(&L->x, cw->arena, pdx_xml_first(root, "source"));
	if (L->x.oom)
		return;
	const pdx_rubric *sides[] = {cw->from, cw->to};
	const char *ids[] = {m->from_id, m->to_id};
	for (int s = 0; s < 2; s++)
		if (strcmp(ids[s], pdx_rubric_meta_get(sides[s])->id) != 0)
			PDX_XERR(&L->x, pdx_xml_line(root), NULL,
			         "bảng đối chiếu nối %s, không phải %s",
			         "the crosswalk joins %s, not %s", ids[s],
			         pdx_rubric_meta_get(sides[s])->id);
	if (L->x.errors)
		return;
	if (pdx_xml_first(root, "same-ids"))
		for (size_t f = 0; f < pdx_rubric_criterion_count(cw->from); f++) {
			const pdx_criterion *a = pdx_rubric_criterion(cw->from, f);
			long t = pdx_rubric_find_criterion(cw->to, a->id);
			if (t < 0)
				continue;
			const pdx_criterion *b = pdx_rubric_criterion(cw->to, (size_t)t);
			/* the same id and the same maximum; a changed maximum makes points not
			 * comparable even without a <pair> saying so */
			cw->pairs[f] = (pdx_crosswalk_pair){a, b, a->max == b->max, NULL};
			cw->by_from[f] = f + 1;
			cw->by_to[t] = f + 1;
		}
	for (const xmlNode *n = root->children; n && !L->x.oom; n = n->next) {
		bool pair = pdx_xml_is(n, "pair");
		if (!pair && !pdx_xml_is(n, "none"))
			continue;
		long line = pdx_xml_line(n);
		const char *fid = attr(L, n, "from"), *tid = attr(L, n, "to");
		const char *note = pdx_xml_text(&L->x, cw->arena, pdx_xml_first(n, "note"));
		const char *points = attr(L, n, "points");
		if (L->x.oom)
			return;
		long f = fid ? criterion_of(L, cw->from, "from", fid, line) : -1;
		long t = tid ? criterion_of(L, cw->to, "to", tid, line) : -1;
		if ((fid && f < 0) || (tid && t < 0))
			continue;
		set_pair(L, f, t, !(points && strcmp(points, "differ") == 0), note, line);
	}
	/* the pairs, compacted in from's order */
	size_t n = 0;
	for (size_t f = 0; f < pdx_rubric_criterion_count(cw->from); f++)
		if (cw->pairs[f].to)
			cw->pairs[n++] = cw->pairs[f];
	cw->n_pairs = n;
	for (size_t i = 0; i < n; i++) {
		cw->by_from[index_in(cw->from, cw->pairs[i].from)] = i + 1;
		cw->by_to[index_in(cw->to, cw->pairs[i].to)] = i + 1;
	}
	for (size_t f = 0; f < pdx_rubric_criterion_count(cw->from); f++)
		if (cw->by_from[f] &&
		    cw->pairs[cw->by_from[f] - 1].from != pdx_rubric_criterion(cw->from, f))
			cw->by_from[f] = 0;
	for (size_t t = 0; t < pdx_rubric_criterion_count(cw->to); t++)
		if (cw->by_to[t] &&
		    cw->pairs[cw->by_to[t] - 1].to != pdx_rubric_criterion(cw->to, t))
			cw->by_to[t] = 0;
}

int pdx_crosswalk_load_memory(pdx_crosswalk **out, const char *data, size_t len, const char *name,
                              const pdx_rubric *from, const pdx_rubric *to, pdx_diags *diags)
{
	*out = NULL;
	pdx_crosswalk *cw = pdx_calloc(1, sizeof(*cw));
	if (!cw)
		return PDX_ENOMEM;
	cw->arena = pdx_arena_new();
	if (!cw->arena) {
		pdx_free(cw);
		return PDX_ENOMEM;
	}
	cw->from = from;
	cw->to = to;
	size_t nf = pdx_rubric_criterion_count(from), nt = pdx_rubric_criterion_count(to);
	cloader L = {{diags, name ? name : "<crosswalk>", 0, 0, PDX_CODE_NONE}, cw};
	cw->meta.path = pdx_arena_strdup(cw->arena, L.x.file);
	cw->pairs = pdx_arena_alloc(cw->arena, (nf + 1) * sizeof(*cw->pairs));
	cw->by_from = pdx_arena_alloc(cw->arena, (nf + 1) * sizeof(*cw->by_from));
	cw->by_to = pdx_arena_alloc(cw->arena, (nt + 1) * sizeof(*cw->by_to));
	cw->line_from = pdx_arena_alloc(cw->arena, (nf + 1) * sizeof(*cw->line_from));
	cw->line_to = pdx_arena_alloc(cw->arena, (nt + 1) * sizeof(*cw->line_to));
	if (!cw->meta.path || !cw->pairs || !cw->by_from || !cw->by_to || !cw->line_from ||
	    !cw->line_to) {
		pdx_crosswalk_free(cw);
		return PDX_ENOMEM;
	}
	memset(cw->pairs, 0, (nf + 1) * sizeof(*cw->pairs));
	memset(cw->by_from, 0, (nf + 1) * sizeof(*cw->by_from));
	memset(cw->by_to, 0, (nt + 1) * sizeof(*cw->by_to));
	memset(cw->line_from, 0, (nf + 1) * sizeof(*cw->line_from));
	memset(cw->line_to, 0, (nt + 1) * sizeof(*cw->line_to));
	xmlDocPtr doc =
	    pdx_xml_parse(&L.x, data, len, &pdx_xml_plan_limits, "bảng đối chiếu", "crosswalk");
	if (doc && pdx_xml_validate(&L.x, doc, pdx_crosswalk_rng, pdx_crosswalk_rng_len,
	                            "crosswalk.rng") == 0) {
		L.x.code = PDX_E_CROSSWALK;
		load_tree(&L, xmlDocGetRootElement(doc));
	}
	xmlFreeDoc(doc);
	if (L.x.oom || L.x.errors || !doc) {
		int rc = L.x.oom ? PDX_ENOMEM : PDX_EINVALID;
		pdx_crosswalk_free(cw);
		return rc;
	}
	*out = cw;
	return 0;
}

int pdx_crosswalk_load_file(pdx_crosswalk **out, const char *path, const pdx_rubric *from,
                            const pdx_rubric *to, pdx_diags *diags)
{
	char *data;
	size_t len;
	*out = NULL;
	pdx_xml_ctx x = {diags, path, 0, 0, PDX_CODE_NONE};
	int rc = pdx_xml_read_file(&x, path, &pdx_xml_plan_limits, &data, &len);
	if (rc)
		return x.oom || rc == PDX_ENOMEM ? PDX_ENOMEM : rc;
	rc = pdx_crosswalk_load_memory(out, data, len, path, from, to, diags);
	pdx_free(data);
	return rc;
}

/* The weaker of two statuses: provisional before published before official. */
static pdx_status weaker(pdx_status a, pdx_status b)
{
	if (a == PDX_PROVISIONAL || b == PDX_PROVISIONAL)
		return PDX_PROVISIONAL;
	return a == PDX_PUBLISHED || b == PDX_PUBLISHED ? PDX_PUBLISHED : PDX_OFFICIAL;
}

int pdx_crosswalk_chain(pdx_crosswalk **out, const pdx_crosswalk *ab, const pdx_crosswalk *bc)
{
	*out = NULL;
	if (!ab || !bc || !pdx_rubric_same(ab->to, bc->from))
		return PDX_EARG;
	pdx_crosswalk *cw = pdx_calloc(1, sizeof(*cw));
	if (!cw || !(cw->arena = pdx_arena_new())) {
		pdx_free(cw);
		return PDX_ENOMEM;
	}
	cw->from = ab->from;
	cw->to = bc->to;
	size_t nf = pdx_rubric_criterion_count(cw->from), nt = pdx_rubric_criterion_count(cw->to);
	char *path = pdx_aprintf("%s + %s", ab->meta.path, bc->meta.path);
	cw->meta = (pdx_crosswalk_meta){pdx_arena_strdup(cw->arena, ab->meta.from_id),
	                                pdx_arena_strdup(cw->arena, bc->meta.to_id), NULL,
	                                path ? pdx_arena_strdup(cw->arena, path) : NULL,
	                                weaker(ab->meta.status, bc->meta.status)};
	pdx_free(path);
	cw->pairs = pdx_arena_alloc(cw->arena, (nf + 1) * sizeof(*cw->pairs));
	cw->by_from = pdx_arena_alloc(cw->arena, (nf + 1) * sizeof(*cw->by_from));
	cw->by_to = pdx_arena_alloc(cw->arena, (nt + 1) * sizeof(*cw->by_to));
	if (!cw->meta.from_id || !cw->meta.to_id || !cw->meta.path || !cw->pairs || !cw->by_from ||
	    !cw->by_to) {
		pdx_crosswalk_free(cw);
		return PDX_ENOMEM;
	}
	memset(cw->by_from, 0, (nf + 1) * sizeof(*cw->by_from));
	memset(cw->by_to, 0, (nt + 1) * sizeof(*cw->by_to));
	/* a → b → c: the middle edition's criterion found by id on the second crosswalk's
	 * side, which may be another load of the same edition */
	for (size_t i = 0; i < ab->n_pairs; i++) {
		const pdx_crosswalk_pair *p = &ab->pairs[i];
		long k = pdx_rubric_find_criterion(bc->from, p->to->id);
		const pdx_crosswalk_pair *q =
		    k >= 0 ? pdx_crosswalk_find(bc, pdx_rubric_criterion(bc->from, (size_t)k))
		           : NULL;
		if (!q || q->from != pdx_rubric_criterion(bc->from, (size_t)k))
			continue;
		const char *note = q->note ? q->note : p->note;
		char *kept = note ? pdx_arena_strdup(cw->arena, note) : NULL; /* ab, bc may go */
		if (note && !kept) {
			pdx_crosswalk_free(cw);
			return PDX_ENOMEM;
		}
		cw->pairs[cw->n_pairs] = (pdx_crosswalk_pair){
		    p->from, q->to,
		    p->points_comparable && q->points_comparable && p->from->max == q->to->max,
		    kept};
		cw->by_from[index_in(cw->from, p->from)] = ++cw->n_pairs;
		cw->by_to[index_in(cw->to, q->to)] = cw->n_pairs;
	}
	*out = cw;
	return 0;
}
