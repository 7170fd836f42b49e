/* Roadmap to the next maturity level: what the index exists for. Exact arithmetic in
 * hundredths, as in scoring. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

__extension__ typedef __int128 i128;

struct gap_priv {
	pdx_gap pub;
	pdx_gap_item *improvements;
	pdx_gap_item *minimal;
	size_t *weakest;
};

void pdx_gap_free(pdx_gap *g)
{
	if (!g)
		return;
	struct gap_priv *p = (struct gap_priv *)g;
	free(p->improvements);
	free(p->minimal);
	free(p->weakest);
	free(p);
}

/* The band the answer reaches now (n_bands when none), by the same rule as scoring. */
static size_t current_band(const pdx_criterion *c, const pdx_criterion_result *cr)
{
	if (cr->status != PDX_CRIT_OK && cr->status != PDX_CRIT_NO_EVIDENCE)
		return c->n_bands;
	for (size_t i = 0; i < c->n_bands; i++) {
		int cmp = pdx_decimal_cmp(cr->value, c->bands[i].bound);
		if (cmp > 0 || (cmp == 0 && !c->bands[i].strict))
			return i;
	}
	return c->n_bands;
}

/* The answer that earns the next band up, the option worth the next points up, or
 * "có"; as an official would type it. */
static void next_answer(pdx_gap_item *it, const pdx_criterion_result *cr)
{
	const pdx_criterion *c = it->criterion;
	char b[48];
	switch (c->scoring) {
	case PDX_SCORING_YESNO:
		it->has_next = true;
		snprintf(it->next_answer, sizeof it->next_answer, "có");
		it->next_points = c->max;
		break;
	case PDX_SCORING_OPTIONS: {
		long best = -1;
		for (size_t i = 0; i < c->n_options; i++)
			if (c->options[i].points > it->current &&
			    (best < 0 || c->options[i].points < c->options[best].points))
				best = (long)i;
		if (best >= 0) {
			it->has_next = true;
			snprintf(it->next_answer, sizeof it->next_answer, "%s",
			         c->options[best].key);
			it->next_points = c->options[best].points;
		}
		break;
	}
	case PDX_SCORING_BANDS: {
		size_t cur = current_band(c, cr);
		/* the next band up that pays more than now (bands below pay nothing extra) */
		for (size_t k = cur; k-- > 0;) {
			if (c->bands[k].points <= it->current)
				continue;
			const pdx_band *x = &c->bands[k];
			pdx_decimal_format(x->bound, b, sizeof b);
			if (!x->strict)
				snprintf(it->next_answer, sizeof it->next_answer, "%s", b);
			else if (c->type == PDX_TYPE_COUNT) /* "> 3" on a count: 4 */
				snprintf(it->next_answer, sizeof it->next_answer, "%lld",
				         (long long)(x->bound.nanos / PDX_DECIMAL_ONE) + 1LL);
			else
				snprintf(it->next_answer, sizeof it->next_answer, ">%s", b);
			it->has_next = true;
			it->next_points = x->points;
			break;
		}
		break;
	}
	case PDX_SCORING_LINEAR:
	case PDX_SCORING_NONE:
		break;
	}
}

static int cmp_gain(const void *pa, const void *pb)
{
	const pdx_gap_item *a = pa, *b = pb;
	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	/* ties by rubric order, which is id order */
	return a->criterion < b->criterion ? -1 : a->criterion > b->criterion;
}

int pdx_gap_compute(pdx_gap **out, const pdx_result *res, int target_level)
{
	*out = NULL;
	const pdx_rubric *r = res->rubric;
	size_t nk = pdx_rubric_criterion_count(r), np = pdx_rubric_pillar_count(r);
	size_t nl = pdx_rubric_level_count(r);
	struct gap_priv *p = calloc(1, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	p->improvements = calloc(nk + 1, sizeof(pdx_gap_item));
	p->minimal = calloc(nk + 1, sizeof(pdx_gap_item));
	p->weakest = calloc(np + 1, sizeof(size_t));
	if (!p->improvements || !p->minimal || !p->weakest) {
		pdx_gap_free(&p->pub);
		return PDX_ENOMEM;
	}
	size_t ni = 0;
	pdx_points possible = 0;
	for (size_t i = 0; i < nk; i++) {
		const pdx_criterion_result *cr = &res->criteria[i];
		pdx_gap_item it = {0};
		it.criterion = cr->criterion;
		it.current = cr->points;
		it.answer = cr->answer ? cr->answer->value : NULL;
		it.gain = cr->criterion->max - cr->points;
		if (it.gain <= 0)
			continue;
		next_answer(&it, cr);
		possible += it.gain;
		p->improvements[ni++] = it;
	}
	qsort(p->improvements, ni, sizeof(pdx_gap_item), cmp_gain);

	/* Target: the requested level, or the next one above the current level. */
	const pdx_level *target = NULL;
	int cur = res->level ? res->level->number : 0;
	for (size_t l = 0; l < nl; l++) {
		const pdx_level *lv = pdx_rubric_level(r, l);
		if (target_level > 0 ? lv->number == target_level : lv->number > cur) {
			target = lv;
			break;
		}
	}
	p->pub.target = target;
	p->pub.needed = target && target->min > res->total ? target->min - res->total : 0;
	p->pub.reachable = p->pub.needed <= possible;
	/* Fewest criteria whose full points close the gap: the largest gains first; among
	 * sets of that size this one also wins the most points. Closing exactly at the
	 * bound is enough, since a level is reached at its lower bound. */
	size_t nm = 0;
	if (p->pub.needed > 0 && p->pub.reachable) {
		pdx_points sum = 0;
		while (sum < p->pub.needed && nm < ni) {
			sum += p->improvements[nm].gain;
			p->minimal[nm] = p->improvements[nm];
			nm++;
		}
	}
	for (size_t i = 0; i < np; i++)
		p->weakest[i] = i;
	for (size_t i = 1; i < np; i++) { /* weakest share of the pillar max first */
		size_t x = p->weakest[i], j = i;
		while (j > 0) {
			size_t y = p->weakest[j - 1];
			/* 128-bit: points × max overflows 64 bits for maxima near the 9e9 limit */
			i128 lhs = (i128)res->pillars[x] * pdx_rubric_pillar(r, y)->max;
			i128 rhs = (i128)res->pillars[y] * pdx_rubric_pillar(r, x)->max;
			if (lhs >= rhs)
				break;
			p->weakest[j] = y;
			j--;
		}
		p->weakest[j] = x;
	}
	p->pub.result = res;
	p->pub.minimal = p->minimal;
	p->pub.n_minimal = nm;
	p->pub.improvements = p->improvements;
	p->pub.n_improvements = ni;
	p->pub.weakest = p->weakest;
	p->pub.n_weakest = np;
	*out = &p->pub;
	return 0;
}
