/* SPDX-License-Identifier: MIT */
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
	pdx_free(p->improvements);
	pdx_free(p->minimal);
	pdx_free(p->weakest);
	pdx_free(p);
}

const char *pdx_gap_action_name(pdx_gap_action a)
{
	return a == PDX_GAP_FIX ? "fix" : "answer";
}

/* The error that made a criterion's answer unreadable, to say what to fix. */
static const pdx_diag *problem_of(const pdx_result *res, const pdx_criterion *c)
{
	for (size_t i = 0; i < pdx_diags_count(res->diags); i++) {
		const pdx_diag *g = pdx_diags_get(res->diags, i);
		if (g->severity == PDX_SEV_ERROR && g->criterion &&
		    strcmp(g->criterion, c->id) == 0)
			return g;
	}
	return NULL;
}

/* The answers to propose, each the simplest a person can type and checked by scoring it
 * (pdx_value_answer_for): the full points, and the next step up from where the agency
 * stands. A linear criterion has no steps: its full answer says it all. */
static int proposals(pdx_gap_item *it)
{
	const pdx_criterion *c = it->criterion;
	int rc = pdx_value_answer_for(it->full_answer, sizeof it->full_answer, c, c->max);
	if (rc)
		return rc == PDX_ENOMEM ? rc : 0; /* a valid rubric's max is always reachable */
	pdx_points next = c->max;
	switch (c->scoring) {
	case PDX_SCORING_OPTIONS:
		for (size_t i = 0; i < c->n_options; i++)
			if (c->options[i].points > it->current && c->options[i].points < next)
				next = c->options[i].points;
		break;
	case PDX_SCORING_BANDS:
		for (size_t i = 0; i < c->n_bands; i++)
			if (c->bands[i].points > it->current && c->bands[i].points < next)
				next = c->bands[i].points;
		break;
	case PDX_SCORING_LINEAR:
	case PDX_SCORING_NONE:
		return 0;
	case PDX_SCORING_YESNO:
		break;
	}
	rc = pdx_value_answer_for(it->next_answer, sizeof it->next_answer, c, next);
	if (rc == PDX_ENOMEM)
		return rc;
	it->has_next = rc == 0;
	it->next_points = next;
	return 0;
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
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!res || !res->rubric)
		return PDX_EARG;
	const pdx_rubric *r = res->rubric;
	size_t nk = pdx_rubric_criterion_count(r), np = pdx_rubric_pillar_count(r);
	size_t nl = pdx_rubric_level_count(r);
	struct gap_priv *p = pdx_calloc(1, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	p->improvements = pdx_calloc(nk + 1, sizeof(pdx_gap_item));
	p->minimal = pdx_calloc(nk + 1, sizeof(pdx_gap_item));
	p->weakest = pdx_calloc(np + 1, sizeof(size_t));
	if (!p->improvements || !p->minimal || !p->weakest) {
		pdx_gap_free(&p->pub);
		return PDX_ENOMEM;
	}
	size_t ni = 0;
	pdx_points possible = 0;
	for (size_t i = 0; i < nk; i++) {
		const pdx_criterion_result *cr = &res->criteria[i];
		pdx_gap_item it;
		memset(&it, 0, sizeof it);
		it.criterion = cr->criterion;
		it.current = cr->points;
		it.answer = cr->answer ? cr->answer->value : NULL;
		it.gain = cr->criterion->max - cr->points;
		if (it.gain <= 0)
			continue;
		/* an answer that cannot be read is to be fixed, never "lowered" to a proposal
		 * that earns less than it seems to claim */
		if (cr->status == PDX_CRIT_ERROR) {
			it.action = PDX_GAP_FIX;
			it.problem = problem_of(res, cr->criterion);
		}
		it.needs_evidence = res->evidence_required && cr->criterion->evidence;
		int rc = proposals(&it);
		if (rc) {
			pdx_gap_free(&p->pub);
			return rc;
		}
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
	pdx_points reach = target ? pdx_level_reach(target) : 0;
	p->pub.needed = target && reach > res->total ? reach - res->total : 0;
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
