/* SPDX-License-Identifier: MIT */
/* The publication list: the ministry's yearly recognition decision, per block, without
 * scores (see analysis.h for the order). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct publication_priv {
	pdx_publication pub;
	pdx_publication_group *groups;
	const pdx_result **items;
};

/* What the sort compares, computed once per agency (qsort has no context in C11). */
typedef struct {
	const pdx_result *r;
	char *block_key, *name_key;
	size_t block_len, name_len;
	bool by_year;
	int year, level;
} item;

static int cmp_items(const void *pa, const void *pb)
{
	const item *a = pa, *b = pb;
	/* blocks alphabetically, an unknown block last */
	const char *ba = a->r->assessment->block, *bb = b->r->assessment->block;
	if (!ba != !bb)
		return ba ? -1 : 1;
	int c =
	    ba ? pdx_collate_keys_cmp(a->block_key, a->block_len, b->block_key, b->block_len) : 0;
	if (!c && ba)
		c = strcmp(ba, bb);
	if (c)
		return c;
	if (a->by_year && a->year != b->year)
		return a->year > b->year ? -1 : 1;
	if (a->level != b->level)
		return a->level > b->level ? -1 : 1;
	c = pdx_collate_keys_cmp(a->name_key, a->name_len, b->name_key, b->name_len);
	if (c)
		return c;
	const pdx_assessment *x = a->r->assessment, *y = b->r->assessment;
	c = strcmp(x->agency_name ? x->agency_name : "", y->agency_name ? y->agency_name : "");
	if (c)
		return c;
	c = strcmp(x->agency_id, y->agency_id);
	return c ? c : (x->year > y->year) - (x->year < y->year);
}

static void free_items(item *it, size_t n)
{
	for (size_t i = 0; it && i < n; i++) {
		pdx_free(it[i].block_key);
		pdx_free(it[i].name_key);
	}
	pdx_free(it);
}

int pdx_publication_build(pdx_publication **out, pdx_result *const *results, size_t n)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!results && n)
		return PDX_EARG;
	struct publication_priv *p = pdx_calloc(1, sizeof(*p));
	item *it = pdx_calloc(n + 1, sizeof(*it));
	if (p) {
		p->items = pdx_calloc(n + 1, sizeof(*p->items));
		p->groups = pdx_calloc(n + 1, sizeof(*p->groups));
	}
	if (!p || !it || !p->items || !p->groups) {
		pdx_free(it);
		pdx_publication_free(p ? &p->pub : NULL);
		return PDX_ENOMEM;
	}
	size_t m = 0;
	bool by_year = false;
	for (size_t i = 0; i < n; i++) {
		const pdx_result *r = results[i];
		if (r->unfilled) {
			p->pub.unfilled++;
			continue;
		}
		if (pdx_result_errors(r)) {
			p->pub.with_errors++;
			continue;
		}
		const pdx_assessment *a = r->assessment;
		if (m && a->year != it[0].r->assessment->year)
			by_year = true;
		/* an agency without a name is listed by its id */
		const char *name = a->agency_name ? a->agency_name : a->agency_id;
		it[m] =
		    (item){r, NULL, NULL, 0, 0, false, a->year, r->level ? r->level->number : 0};
		m++;
		if (pdx_collate_key(name, &it[m - 1].name_key, &it[m - 1].name_len) ||
		    (a->block &&
		     pdx_collate_key(a->block, &it[m - 1].block_key, &it[m - 1].block_len))) {
			free_items(it, m);
			pdx_publication_free(&p->pub);
			return PDX_ENOMEM;
		}
	}
	for (size_t i = 0; i < m; i++)
		it[i].by_year = by_year;
	qsort(it, m, sizeof(*it), cmp_items);
	size_t g = 0;
	for (size_t i = 0; i < m; i++) {
		const pdx_assessment *a = it[i].r->assessment;
		const pdx_assessment *b = i ? it[i - 1].r->assessment : NULL;
		bool same_block = b && (a->block == b->block ||
		                        (a->block && b->block && strcmp(a->block, b->block) == 0));
		if (!b || !same_block || (by_year && a->year != b->year)) {
			p->groups[g].block = a->block;
			p->groups[g].year = by_year ? a->year : 0;
			p->groups[g].items = &p->items[i];
			g++;
		}
		p->items[i] = it[i].r;
		p->groups[g - 1].n++;
	}
	free_items(it, m);
	p->pub.by_year = by_year;
	p->pub.groups = p->groups;
	p->pub.n_groups = g;
	*out = &p->pub;
	return 0;
}

void pdx_publication_free(pdx_publication *pub)
{
	if (!pub)
		return;
	struct publication_priv *p = (struct publication_priv *)pub;
	pdx_free(p->groups);
	pdx_free(p->items);
	pdx_free(p);
}
