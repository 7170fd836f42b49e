/* SPDX-License-Identifier: MIT */
/* Two answer sets compared: self-assessment against the appraisal council's verified
 * answers, or last year against this year. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct diff_priv {
	pdx_diff pub;
	pdx_diff_item *items;
	pdx_change *changes;
	pdx_result **only_before, **only_after;
};

void pdx_diff_free(pdx_diff *d)
{
	if (!d)
		return;
	struct diff_priv *p = (struct diff_priv *)d;
	pdx_free(p->items);
	pdx_free(p->changes);
	pdx_free(p->only_before);
	pdx_free(p->only_after);
	pdx_free(p);
}

static size_t count_id(pdx_result *const *rs, size_t n, const char *id)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += strcmp(rs[i]->assessment->agency_id, id) == 0;
	return k;
}

/* The partner of `a` on the other side: same agency and year; or, when the agency
 * appears once on each side, that one whatever its year. */
static long partner(const pdx_result *a, pdx_result *const *bef, size_t nb, pdx_result *const *aft,
                    size_t na)
{
	for (size_t j = 0; j < na; j++)
		if (strcmp(aft[j]->assessment->agency_id, a->assessment->agency_id) == 0 &&
		    aft[j]->assessment->year == a->assessment->year)
			return (long)j;
	if (count_id(bef, nb, a->assessment->agency_id) == 1 &&
	    count_id(aft, na, a->assessment->agency_id) == 1)
		for (size_t j = 0; j < na; j++)
			if (strcmp(aft[j]->assessment->agency_id, a->assessment->agency_id) == 0)
				return (long)j;
	return -1;
}

static const char *answer_of(const pdx_criterion_result *cr)
{
	return cr->answer ? cr->answer->value : NULL;
}

/* Two answers that mean the same are no change, however they are written ("có" and
 * "Có", "55.44" and "55,44", "40" and "40%"): compared as parsed, not as typed. */
static bool same_answer(const pdx_criterion_result *x, const pdx_criterion_result *y)
{
	const char *xa = answer_of(x), *ya = answer_of(y);
	if (!xa || !ya)
		return !xa && !ya;
	if (strcmp(xa, ya) == 0)
		return true;
	if (x->status != y->status || x->status == PDX_CRIT_ERROR ||
	    x->status == PDX_CRIT_UNANSWERED)
		return false;
	return x->yes == y->yes && x->option == y->option && x->has_value == y->has_value &&
	       (!x->has_value || pdx_decimal_cmp(x->value, y->value) == 0);
}

/* The crosswalk among `cws` that joins the two editions, or NULL. */
static const pdx_crosswalk *joining(const pdx_crosswalk *const *cws, size_t n, const pdx_rubric *a,
                                    const pdx_rubric *b)
{
	for (size_t i = 0; i < n; i++)
		if (cws[i] && pdx_crosswalk_joins(cws[i], a, b))
			return cws[i];
	return NULL;
}

/* The counterpart in edition `r` of criterion c (of the other edition), or -1. */
static long counterpart(const pdx_crosswalk *cw, const pdx_rubric *r, const pdx_criterion *c,
                        bool *comparable)
{
	const pdx_crosswalk_pair *p = pdx_crosswalk_find(cw, c);
	if (!p)
		return -1;
	*comparable = p->points_comparable;
	const pdx_criterion *o = p->from == c ? p->to : p->from;
	return pdx_rubric_find_criterion(r, o->id);
}

int pdx_diff_compute(pdx_diff **out, pdx_result *const *before, size_t nb, pdx_result *const *after,
                     size_t na)
{
	return pdx_diff_compute_crosswalk(out, before, nb, after, na, NULL, 0);
}

int pdx_diff_compute_crosswalk(pdx_diff **out, pdx_result *const *before, size_t nb,
                               pdx_result *const *after, size_t na, const pdx_crosswalk *const *cws,
                               size_t n_cws)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if ((nb && !before) || (na && !after) || (n_cws && !cws))
		return PDX_EARG;
	for (size_t i = 0; i < nb; i++)
		if (!before[i])
			return PDX_EARG;
	for (size_t i = 0; i < na; i++)
		if (!after[i])
			return PDX_EARG;
	struct diff_priv *p = pdx_calloc(1, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	/* each side may have criteria the other lacks: at most both sides' counts */
	size_t nk = 0;
	for (size_t i = 0; i < nb; i++)
		if (pdx_rubric_criterion_count(before[i]->rubric) > nk)
			nk = pdx_rubric_criterion_count(before[i]->rubric);
	for (size_t j = 0; j < na; j++)
		if (pdx_rubric_criterion_count(after[j]->rubric) > nk)
			nk = pdx_rubric_criterion_count(after[j]->rubric);
	nk *= 2;
	p->items = pdx_calloc(nb + 1, sizeof(pdx_diff_item));
	p->changes = pdx_calloc(nb * nk + 1, sizeof(pdx_change));
	p->only_before = pdx_calloc(nb + 1, sizeof(pdx_result *));
	p->only_after = pdx_calloc(na + 1, sizeof(pdx_result *));
	bool *matched = pdx_calloc(na + 1, sizeof(bool));
	if (!p->items || !p->changes || !p->only_before || !p->only_after || !matched) {
		pdx_free(matched);
		pdx_diff_free(&p->pub);
		return PDX_ENOMEM;
	}
	size_t ni = 0, nc = 0, nob = 0, noa = 0;
	/* a criterion the other edition lacks: no row, no points */
	const pdx_criterion_result none = {.status = PDX_CRIT_UNANSWERED, .option = -1};
	for (size_t i = 0; i < nb; i++) {
		long j = partner(before[i], before, nb, after, na);
		if (j < 0 || matched[j]) {
			p->only_before[nob++] = before[i];
			continue;
		}
		matched[j] = true;
		pdx_diff_item *it = &p->items[ni++];
		it->before = before[i];
		it->after = after[j];
		it->changes = &p->changes[nc];
		const pdx_rubric *rb = before[i]->rubric, *ra = after[j]->rubric;
		bool same = pdx_rubric_same(rb, ra);
		const pdx_crosswalk *cw = same ? NULL : joining(cws, n_cws, rb, ra);
		it->compare = same ? PDX_DIFF_CRITERIA : cw ? PDX_DIFF_CROSSWALK : PDX_DIFF_PILLARS;
		it->crosswalk = cw;
		if (it->before->total != it->after->total)
			p->pub.differs = true;
		if (it->compare == PDX_DIFF_PILLARS)
			continue; /* criteria of two editions no crosswalk joins: not compared */
		size_t kb = pdx_rubric_criterion_count(rb), ka = pdx_rubric_criterion_count(ra);
		for (size_t k = 0; k < kb; k++) {
			const pdx_criterion_result *x = &before[i]->criteria[k];
			bool comparable = true;
			long m = same ? (long)k : counterpart(cw, ra, x->criterion, &comparable);
			if (m < 0)
				continue; /* no counterpart: nothing to compare it with */
			const pdx_criterion_result *y = &after[j]->criteria[m];
			/* the same answer under a changed rule is no change of the agency's */
			if (same_answer(x, y) && (x->points == y->points || !comparable))
				continue;
			p->changes[nc++] =
			    (pdx_change){x->criterion, answer_of(x), answer_of(y), x->points,
			                 y->points,    y->criterion, comparable};
			it->n_changes++;
		}
		/* the later edition's criteria without a counterpart, when answered */
		for (size_t m = 0; !same && m < ka; m++) {
			const pdx_criterion_result *y = &after[j]->criteria[m];
			bool comparable;
			if (counterpart(cw, rb, y->criterion, &comparable) >= 0 ||
			    (same_answer(&none, y) && y->points == 0))
				continue;
			p->changes[nc++] = (pdx_change){y->criterion, NULL,         answer_of(y), 0,
			                                y->points,    y->criterion, false};
			it->n_changes++;
		}
		if (it->n_changes)
			p->pub.differs = true;
	}
	for (size_t j = 0; j < na; j++)
		if (!matched[j])
			p->only_after[noa++] = after[j];
	pdx_free(matched);
	if (nob || noa)
		p->pub.differs = true;
	p->pub.items = p->items;
	p->pub.n = ni;
	p->pub.only_before = p->only_before;
	p->pub.n_only_before = nob;
	p->pub.only_after = p->only_after;
	p->pub.n_only_after = noa;
	*out = &p->pub;
	return 0;
}
