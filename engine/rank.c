/* SPDX-License-Identifier: MIT */
/* Rankings within blocks (khối) or provinces, as the ministry publishes them. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct rank_priv {
	pdx_ranking pub;
	pdx_rank_group *groups;
	pdx_ranked *items;
};

const char *pdx_within_name(pdx_within w)
{
	return w == PDX_WITHIN_BLOCK ? "block" : w == PDX_WITHIN_PROVINCE ? "province" : "none";
}

static const char *group_key(const pdx_result *r, pdx_within w)
{
	if (w == PDX_WITHIN_BLOCK)
		return r->assessment->block;
	if (w == PDX_WITHIN_PROVINCE)
		return r->assessment->province;
	return NULL;
}

static int cmp_str_null_last(const char *a, const char *b)
{
	if (a == b)
		return 0; /* an answer set keeps one copy of each text: the common case */
	if (!a || !b)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

typedef struct {
	pdx_within within;
	bool by_year;
} rank_ctx;

/* qsort has no context argument in C11; the comparator reads it from the item pair.
 * What it compares is copied into the item, so that sorting tens of thousands of
 * results reads one array, not every result and assessment again at each step. */
typedef struct {
	const pdx_result *r;
	const rank_ctx *ctx;
	const char *key, *id;
	pdx_points total;
	int year;
} rank_sort_item;

static int cmp_items(const void *pa, const void *pb)
{
	const rank_sort_item *a = pa, *b = pb;
	int k = cmp_str_null_last(a->key, b->key);
	if (k)
		return k;
	if (a->ctx->by_year && a->year != b->year)
		return a->year > b->year ? -1 : 1;
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	k = a->id == b->id ? 0 : strcmp(a->id, b->id);
	if (k)
		return k;
	return a->year < b->year ? -1 : a->year > b->year;
}

int pdx_rank(pdx_ranking **out, pdx_result *const *results, size_t n, pdx_within within)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (n && !results)
		return PDX_EARG;
	for (size_t i = 0; i < n; i++)
		if (!results[i])
			return PDX_EARG;
	struct rank_priv *p = pdx_calloc(1, sizeof(*p));
	rank_sort_item *tmp = pdx_calloc(n + 1, sizeof(*tmp));
	if (p) {
		p->items = pdx_calloc(n + 1, sizeof(pdx_ranked));
		p->groups = pdx_calloc(n + 1, sizeof(pdx_rank_group));
	}
	if (!p || !tmp || !p->items || !p->groups) {
		pdx_free(tmp);
		pdx_ranking_free(p ? &p->pub : NULL);
		return PDX_ENOMEM;
	}
	rank_ctx ctx = {within, false};
	/* unfilled questionnaires are no agencies to rank */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (results[i]->unfilled) {
			p->pub.unfilled++;
			continue;
		}
		if (m && results[i]->assessment->year != tmp[0].r->assessment->year)
			ctx.by_year = true;
		const pdx_assessment *a = results[i]->assessment;
		tmp[m++] = (rank_sort_item){
		    results[i],        &ctx,   group_key(results[i], within), a->agency_id,
		    results[i]->total, a->year};
	}
	n = m;
	qsort(tmp, n, sizeof(*tmp), cmp_items);
	size_t g = 0;
	for (size_t i = 0; i < n; i++) {
		const pdx_result *r = tmp[i].r;
		bool new_group =
		    i == 0 ||
		    cmp_str_null_last(group_key(r, within), group_key(tmp[i - 1].r, within)) ||
		    (ctx.by_year && r->assessment->year != tmp[i - 1].r->assessment->year);
		if (new_group) {
			p->groups[g].key = group_key(r, within);
			p->groups[g].year = ctx.by_year ? r->assessment->year : 0;
			p->groups[g].items = &p->items[i];
			g++;
		}
		pdx_rank_group *grp = &p->groups[g - 1];
		size_t pos = grp->n++;
		p->items[i].result = r;
		/* competition ranking: a tie shares the rank of its first member */
		p->items[i].rank = pos > 0 && p->items[i - 1].result->total == r->total
		                       ? p->items[i - 1].rank
		                       : pos + 1;
	}
	pdx_free(tmp);
	p->pub.within = within;
	p->pub.by_year = ctx.by_year;
	p->pub.groups = p->groups;
	p->pub.n_groups = g;
	*out = &p->pub;
	return 0;
}

void pdx_ranking_free(pdx_ranking *rk)
{
	if (!rk)
		return;
	struct rank_priv *p = (struct rank_priv *)rk;
	pdx_free(p->groups);
	pdx_free(p->items);
	pdx_free(p);
}
