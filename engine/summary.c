/* SPDX-License-Identifier: MIT */
/* Summaries per group of agencies: the province and block comparisons the ministry
 * and the provincial departments report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct group_acc {
	int year;
	const char **values;
	const pdx_result **members;
	size_t n, cap;
} group_acc;

struct summary_priv {
	pdx_summary pub;
	const pdx_rubric **rubrics;
	pdx_arena *arena;
	pdx_group_key *keys;
	pdx_summary_group *groups;
	pdx_summary_group *totals;
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

/* The values of one key for one agency: one, or one per media type; 0 when out of
 * memory. */
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
		return a->year && !out[0] ? 0 : 1; /* 0: out of memory */
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
		if (!v)
			return 0;
		if (*v) {
			size_t k;
			for (k = 0; k < n && strcmp(out[k], v) != 0; k++)
				;
			if (k == n && !(out[n++] = pdx_arena_strdup(ar, v))) {
				pdx_free(v);
				return 0;
			}
		}
		pdx_free(v);
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
	/* the group's edition (results of one year share it): its pillar maxima */
	if (n && m[0]->rubric)
		r = m[0]->rubric;
	size_t nl = pdx_rubric_level_count(r), np = pdx_rubric_pillar_count(r);
	size_t *levels = pdx_arena_alloc(ar, (nl + 1) * sizeof(size_t));
	pdx_points *pm = pdx_arena_alloc(ar, (np + 1) * sizeof(pdx_points));
	pdx_points *pp = pdx_arena_alloc(ar, (np + 1) * sizeof(pdx_points));
	pdx_points *totals = pdx_malloc((n + 1) * sizeof(pdx_points));
	if (!levels || !pm || !pp || !totals) {
		pdx_free(totals);
		return PDX_ENOMEM;
	}
	memset(levels, 0, (nl + 1) * sizeof(size_t));
	pdx_points sum = 0;
	for (size_t i = 0; i < n; i++) {
		totals[i] = m[i]->total;
		sum += m[i]->total;
		for (size_t l = 0; m[i]->level && l < nl; l++)
			if (m[i]->level->number == pdx_rubric_level(r, l)->number)
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
	pdx_free(totals);
	return 0;
}

/* Newest year first, an unknown year (0) last. */
static int cmp_year(int a, int b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return a ? -1 : 1;
	return a > b ? -1 : 1;
}

static int cmp_groups(const pdx_summary_group *a, const pdx_summary_group *b, size_t n_keys,
                      bool by_year)
{
	int y = by_year ? cmp_year(a->year, b->year) : 0;
	if (y)
		return y;
	if (a->stats.mean != b->stats.mean)
		return a->stats.mean > b->stats.mean ? -1 : 1;
	for (size_t k = 0; k < n_keys; k++) {
		const char *x = a->values[k], *v = b->values[k];
		if (!x || !v) {
			if (x != v)
				return x ? -1 : 1;
			continue;
		}
		int c = strcmp(x, v);
		if (c)
			return c;
	}
	return 0;
}

static void sort_groups(pdx_summary_group *g, size_t n, size_t n_keys, bool by_year)
{
	for (size_t i = 1; i < n; i++) { /* insertion sort: stable, few groups */
		pdx_summary_group x = g[i];
		size_t j = i;
		while (j > 0 && cmp_groups(&g[j - 1], &x, n_keys, by_year) > 0) {
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
	pdx_free(p->rubrics);
	pdx_free(p->groups);
	pdx_free(p->totals);
	pdx_free(p->keys);
	pdx_free(p);
}

#define MAX_MEDIA 16

/* Members of one group while they are gathered. */
static int acc_add(group_acc *g, const pdx_result *r)
{
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 8;
		const pdx_result **q = pdx_reallocarray(g->members, cap, sizeof(*q));
		if (!q)
			return PDX_ENOMEM;
		g->members = q;
		g->cap = cap;
	}
	g->members[g->n++] = r;
	return 0;
}

/* The group of (year, values), found or added. */
static group_acc *acc_find(pdx_arena *ar, group_acc **acc, size_t *n_acc, size_t *cap_acc, int year,
                           const char *const *vals, size_t n_keys)
{
	for (size_t g = 0; g < *n_acc; g++) {
		size_t k;
		if ((*acc)[g].year != year)
			continue;
		for (k = 0; k < n_keys && eq_null((*acc)[g].values[k], vals[k]); k++)
			;
		if (k == n_keys)
			return &(*acc)[g];
	}
	if (*n_acc == *cap_acc) {
		size_t cap = *cap_acc ? *cap_acc * 2 : 16;
		group_acc *q = pdx_reallocarray(*acc, cap, sizeof(*q));
		if (!q)
			return NULL;
		*acc = q;
		*cap_acc = cap;
	}
	group_acc *g = &(*acc)[(*n_acc)++];
	*g = (group_acc){0};
	g->year = year;
	g->values = pdx_arena_alloc(ar, (n_keys + 1) * sizeof(char *));
	if (!g->values) {
		(*n_acc)--;
		return NULL;
	}
	for (size_t k = 0; k < n_keys; k++)
		g->values[k] = vals[k];
	return g;
}

static void acc_free(group_acc *acc, size_t n)
{
	for (size_t g = 0; g < n; g++)
		pdx_free(acc[g].members);
	pdx_free(acc);
}

/* Turns gathered groups into summary groups with their statistics. */
static int finish_groups(pdx_arena *ar, const pdx_rubric *r, group_acc *acc, size_t n,
                         pdx_summary_group **out)
{
	pdx_summary_group *g = pdx_calloc(n + 1, sizeof(*g));
	if (!g)
		return PDX_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		g[i].values = acc[i].values;
		g[i].year = acc[i].year;
		g[i].rubric = acc[i].n && acc[i].members[0]->rubric ? acc[i].members[0]->rubric : r;
		if (fill_stats(ar, r, acc[i].members, acc[i].n, &g[i].stats)) {
			pdx_free(g);
			return PDX_ENOMEM;
		}
	}
	*out = g;
	return 0;
}

int pdx_summarize(pdx_summary **out, const pdx_rubric *r, pdx_result *const *results, size_t n,
                  const pdx_group_key *keys, size_t n_keys)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!r || (n && !results) || (n_keys && !keys) || n_keys > 8)
		return PDX_EARG;
	for (size_t i = 0; i < n; i++)
		if (!results[i] ||
		    (results[i]->rubric && !pdx_rubric_compatible(r, results[i]->rubric)))
			return PDX_EINVALID;
	struct summary_priv *p = pdx_calloc(1, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	p->arena = pdx_arena_new();
	p->keys = pdx_malloc((n_keys + 1) * sizeof(*keys));
	group_acc *acc = NULL, *tot = NULL;
	size_t n_acc = 0, cap_acc = 0, n_tot = 0, cap_tot = 0;
	if (!p->arena || !p->keys)
		goto fail;
	if (n_keys)
		memcpy(p->keys, keys, n_keys * sizeof(*keys));
	/* several years (an unknown one counts as one): every group is of one year */
	int first_year = -1;
	for (size_t i = 0; i < n; i++) {
		if (results[i]->unfilled)
			continue;
		if (first_year < 0)
			first_year = results[i]->assessment->year;
		else if (results[i]->assessment->year != first_year)
			p->pub.by_year = true;
	}
	for (size_t i = 0; i < n; i++) {
		if (results[i]->unfilled) {
			p->pub.unfilled++;
			continue;
		}
		int year = results[i]->assessment->year;
		const char *none[1] = {NULL};
		group_acc *t = acc_find(p->arena, &tot, &n_tot, &cap_tot, year, none, 0);
		if (!t || acc_add(t, results[i]))
			goto fail;
		/* the cartesian product of the agency's values over the keys */
		const char *vals[8][MAX_MEDIA];
		size_t nv[8], idx[8] = {0};
		for (size_t k = 0; k < n_keys; k++)
			if (!(nv[k] = key_values(p->arena, results[i]->assessment, keys[k], vals[k],
			                         MAX_MEDIA)))
				goto fail;
		for (;;) {
			const char *combo[8];
			for (size_t k = 0; k < n_keys; k++)
				combo[k] = vals[k][idx[k]];
			group_acc *g =
			    acc_find(p->arena, &acc, &n_acc, &cap_acc, year, combo, n_keys);
			if (!g || acc_add(g, results[i]))
				goto fail;
			size_t k = 0;
			while (k < n_keys && ++idx[k] == nv[k])
				idx[k++] = 0;
			if (k == n_keys)
				break;
		}
	}
	if (finish_groups(p->arena, r, acc, n_acc, &p->groups) ||
	    finish_groups(p->arena, r, tot, n_tot, &p->totals))
		goto fail;
	sort_groups(p->groups, n_acc, n_keys, p->pub.by_year);
	sort_groups(p->totals, n_tot, 0, true);
	if (!p->pub.by_year && n_tot == 1)
		p->pub.all = p->totals[0].stats;
	else if (!p->pub.by_year && fill_stats(p->arena, r, NULL, 0, &p->pub.all))
		goto fail;
	p->pub.keys = p->keys;
	p->pub.n_keys = n_keys;
	p->pub.groups = p->groups;
	p->pub.n_groups = n_acc;
	p->pub.totals = p->totals;
	p->pub.n_totals = n_tot;
	/* the editions, in the totals' order, each once */
	p->rubrics = pdx_calloc(n_tot + 1, sizeof(*p->rubrics));
	if (!p->rubrics)
		goto fail;
	for (size_t t = 0; t < n_tot; t++) {
		size_t k = 0;
		while (k < p->pub.n_rubrics && !pdx_rubric_same(p->rubrics[k], p->totals[t].rubric))
			k++;
		if (k == p->pub.n_rubrics)
			p->rubrics[p->pub.n_rubrics++] = p->totals[t].rubric;
	}
	if (!p->pub.n_rubrics)
		p->rubrics[p->pub.n_rubrics++] = r;
	p->pub.rubrics = p->rubrics;
	acc_free(acc, n_acc);
	acc_free(tot, n_tot);
	*out = &p->pub;
	return 0;
fail:
	acc_free(acc, n_acc);
	acc_free(tot, n_tot);
	pdx_summary_free(&p->pub);
	return PDX_ENOMEM;
}
