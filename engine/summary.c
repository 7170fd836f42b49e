/* Summaries per group of agencies: the province and block comparisons the ministry
 * and the provincial departments report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct group_acc {
	const char **values;
	const pdx_result **members;
	size_t n, cap;
} group_acc;

struct summary_priv {
	pdx_summary pub;
	pdx_arena *arena;
	pdx_group_key *keys;
	pdx_summary_group *groups;
};

static const char *const key_names[] = {"province", "owner", "block", "year", "media"};

int pdx_group_key_parse(const char *name, pdx_group_key *key)
{
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
		if (strcmp(name, key_names[i]) == 0) {
			*key = (pdx_group_key)i;
			return 0;
		}
	return PDX_EARG;
}

const char *pdx_group_key_name(pdx_group_key key)
{
	return (unsigned)key < sizeof key_names / sizeof *key_names ? key_names[key] : "?";
}

static int eq_null(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The values of one key for one agency: one, or one per media type. */
static size_t key_values(pdx_arena *ar, const pdx_assessment *a, pdx_group_key key,
                         const char **out, size_t max)
{
	switch (key) {
	case PDX_KEY_PROVINCE:
		out[0] = a->province;
		return 1;
	case PDX_KEY_OWNER:
		out[0] = a->owner;
		return 1;
	case PDX_KEY_BLOCK:
		out[0] = a->block;
		return 1;
	case PDX_KEY_YEAR: {
		char y[16];
		snprintf(y, sizeof y, "%d", a->year);
		out[0] = a->year ? pdx_arena_strdup(ar, y) : NULL;
		return 1;
	}
	case PDX_KEY_MEDIA:
		break;
	}
	if (!a->media) {
		out[0] = NULL;
		return 1;
	}
	size_t n = 0;
	const char *p = a->media;
	while (*p && n < max) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *v = pdx_utf8_clean(p, len);
		if (v && *v) {
			size_t k;
			for (k = 0; k < n && strcmp(out[k], v) != 0; k++)
				;
			if (k == n)
				out[n++] = pdx_arena_strdup(ar, v);
		}
		free(v);
		p = e ? e + 1 : p + len;
	}
	if (n == 0)
		out[n++] = NULL;
	return n;
}

static int cmp_points(const void *a, const void *b)
{
	pdx_points x = *(const pdx_points *)a, y = *(const pdx_points *)b;
	return x < y ? -1 : x > y;
}

static int fill_stats(pdx_arena *ar, const pdx_rubric *r, const pdx_result *const *m, size_t n,
                      pdx_stats *st)
{
	size_t nl = pdx_rubric_level_count(r), np = pdx_rubric_pillar_count(r);
	size_t *levels = pdx_arena_alloc(ar, (nl + 1) * sizeof(size_t));
	pdx_points *pm = pdx_arena_alloc(ar, (np + 1) * sizeof(pdx_points));
	pdx_points *pp = pdx_arena_alloc(ar, (np + 1) * sizeof(pdx_points));
	pdx_points *totals = malloc((n + 1) * sizeof(pdx_points));
	if (!levels || !pm || !pp || !totals) {
		free(totals);
		return PDX_ENOMEM;
	}
	memset(levels, 0, (nl + 1) * sizeof(size_t));
	pdx_points sum = 0;
	for (size_t i = 0; i < n; i++) {
		totals[i] = m[i]->total;
		sum += m[i]->total;
		for (size_t l = 0; l < nl; l++)
			if (m[i]->level == pdx_rubric_level(r, l))
				levels[l]++;
	}
	qsort(totals, n, sizeof *totals, cmp_points);
	st->count = n;
	st->mean = n ? pdx_round_div(sum, (int64_t)n) : 0;
	st->min = n ? totals[0] : 0;
	st->max = n ? totals[n - 1] : 0;
	/* an even count takes the mean of the two middle totals, rounded like a point */
	st->median = !n      ? 0
	             : n % 2 ? totals[n / 2]
	                     : pdx_round_div(totals[n / 2 - 1] + totals[n / 2], 2);
	for (size_t p = 0; p < np; p++) {
		pdx_points s = 0, max = pdx_rubric_pillar(r, p)->max;
		for (size_t i = 0; i < n; i++)
			s += m[i]->pillars[p];
		pm[p] = n ? pdx_round_div(s, (int64_t)n) : 0;
		pp[p] = n && max ? pdx_round_div(s * 10000, (int64_t)n * max) : 0;
	}
	st->levels = levels;
	st->pillar_mean = pm;
	st->pillar_pct = pp;
	free(totals);
	return 0;
}

static int cmp_groups(const void *pa, const void *pb, size_t n_keys)
{
	const pdx_summary_group *a = pa, *b = pb;
	if (a->stats.mean != b->stats.mean)
		return a->stats.mean > b->stats.mean ? -1 : 1;
	for (size_t k = 0; k < n_keys; k++) {
		const char *x = a->values[k], *y = b->values[k];
		if (!x || !y) {
			if (x != y)
				return x ? -1 : 1;
			continue;
		}
		int c = strcmp(x, y);
		if (c)
			return c;
	}
	return 0;
}

static void sort_groups(pdx_summary_group *g, size_t n, size_t n_keys)
{
	for (size_t i = 1; i < n; i++) { /* insertion sort: stable, few groups */
		pdx_summary_group x = g[i];
		size_t j = i;
		while (j > 0 && cmp_groups(&g[j - 1], &x, n_keys) > 0) {
			g[j] = g[j - 1];
			j--;
		}
		g[j] = x;
	}
}

void pdx_summary_free(pdx_summary *s)
{
	if (!s)
		return;
	struct summary_priv *p = (struct summary_priv *)s;
	pdx_arena_free(p->arena);
	free(p->groups);
	free(p->keys);
	free(p);
}

#define MAX_MEDIA 16

int pdx_summarize(pdx_summary **out, const pdx_rubric *r, pdx_result *const *results, size_t n,
                  const pdx_group_key *keys, size_t n_keys)
{
	*out = NULL;
	struct summary_priv *p = calloc(1, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	p->arena = pdx_arena_new();
	p->keys = malloc((n_keys + 1) * sizeof(*keys));
	group_acc *acc = NULL;
	size_t n_acc = 0, cap_acc = 0;
	int rc = PDX_ENOMEM;
	if (!p->arena || !p->keys)
		goto fail;
	memcpy(p->keys, keys, n_keys * sizeof(*keys));
	for (size_t i = 0; i < n; i++) {
		/* the cartesian product of the agency's values over the keys */
		const char *vals[8][MAX_MEDIA];
		size_t nv[8], idx[8] = {0};
		if (n_keys > 8) {
			rc = PDX_EARG;
			goto fail;
		}
		for (size_t k = 0; k < n_keys; k++)
			nv[k] = key_values(p->arena, results[i]->assessment, keys[k], vals[k],
			                   MAX_MEDIA);
		for (;;) {
			size_t g;
			for (g = 0; g < n_acc; g++) {
				size_t k;
				for (k = 0;
				     k < n_keys && eq_null(acc[g].values[k], vals[k][idx[k]]); k++)
					;
				if (k == n_keys)
					break;
			}
			if (g == n_acc) {
				if (n_acc == cap_acc) {
					size_t cap = cap_acc ? cap_acc * 2 : 16;
					group_acc *q = realloc(acc, cap * sizeof(*q));
					if (!q)
						goto fail;
					acc = q;
					cap_acc = cap;
				}
				acc[g] = (group_acc){0};
				acc[g].values =
				    pdx_arena_alloc(p->arena, (n_keys + 1) * sizeof(char *));
				if (!acc[g].values)
					goto fail;
				for (size_t k = 0; k < n_keys; k++)
					acc[g].values[k] = vals[k][idx[k]];
				n_acc++;
			}
			if (acc[g].n == acc[g].cap) {
				size_t cap = acc[g].cap ? acc[g].cap * 2 : 8;
				const pdx_result **q = realloc(acc[g].members, cap * sizeof(*q));
				if (!q)
					goto fail;
				acc[g].members = q;
				acc[g].cap = cap;
			}
			acc[g].members[acc[g].n++] = results[i];
			size_t k = 0;
			while (k < n_keys && ++idx[k] == nv[k])
				idx[k++] = 0;
			if (k == n_keys)
				break;
		}
	}
	p->groups = calloc(n_acc + 1, sizeof(pdx_summary_group));
	if (!p->groups)
		goto fail;
	for (size_t g = 0; g < n_acc; g++) {
		p->groups[g].values = acc[g].values;
		if (fill_stats(p->arena, r, acc[g].members, acc[g].n, &p->groups[g].stats))
			goto fail;
	}
	if (fill_stats(p->arena, r, (const pdx_result *const *)results, n, &p->pub.all))
		goto fail;
	sort_groups(p->groups, n_acc, n_keys);
	p->pub.keys = p->keys;
	p->pub.n_keys = n_keys;
	p->pub.groups = p->groups;
	p->pub.n_groups = n_acc;
	for (size_t g = 0; g < n_acc; g++)
		free(acc[g].members);
	free(acc);
	*out = &p->pub;
	return 0;
fail:
	for (size_t g = 0; g < n_acc; g++)
		free(acc[g].members);
	free(acc);
	pdx_summary_free(&p->pub);
	return rc;
}
