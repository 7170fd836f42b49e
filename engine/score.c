/* Scoring: pure functions from (rubric, assessment) to points in hundredths.
 *
 * The rules, as the index states them: a criterion is scored on its own answer;
 * points are rounded to 0.01 per criterion; components, pillars and the total are
 * sums of the rounded points; the level is the highest whose lower bound the total
 * reaches. Answers that cannot be read score 0 and are reported, never guessed. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The accepted spellings of yes and no, compared after Unicode case folding. */
static const char *const yes_words[] = {"có", "co", "yes", "y", "1", "x", "true"};
static const char *const no_words[] = {"không", "khong", "no", "n", "0", "false"};

static int in_list(const char *folded, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(folded, list[i]) == 0)
			return 1;
	return 0;
}

int pdx_value_parse(const pdx_criterion *crit, const char *text, pdx_decimal *value, long *option,
                    bool *yes, const char **expected_vi, const char **expected_en)
{
	const char *evi = "", *een = "";
	int rc = PDX_EINVALID;
	*option = -1;
	*yes = false;
	value->nanos = 0;
	value->rest = 0;
	switch (crit->type) {
	case PDX_TYPE_YESNO: {
		evi = "có hoặc không (có/co/yes/y/1/x/true, không/khong/no/n/0/false)";
		een = "yes or no (có/co/yes/y/1/x/true, không/khong/no/n/0/false)";
		/* the usual spellings match as written; fold only the rest ("CÓ", "Yes") */
		if (in_list(text, yes_words, sizeof yes_words / sizeof *yes_words)) {
			*yes = true;
			rc = 0;
			break;
		}
		if (in_list(text, no_words, sizeof no_words / sizeof *no_words)) {
			rc = 0;
			break;
		}
		char *f = pdx_utf8_fold(text);
		if (!f)
			return PDX_ENOMEM;
		if (in_list(f, yes_words, sizeof yes_words / sizeof *yes_words)) {
			*yes = true;
			rc = 0;
		} else if (in_list(f, no_words, sizeof no_words / sizeof *no_words)) {
			rc = 0;
		}
		free(f);
		break;
	}
	case PDX_TYPE_CHOICE:
		evi = "một mã lựa chọn của tiêu chí";
		een = "one of the criterion's option keys";
		for (size_t i = 0; i < crit->n_options; i++)
			if (strcmp(text, crit->options[i].key) == 0)
				*option = (long)i;
		for (size_t i = 0; *option < 0 && i < crit->n_options; i++)
			if (pdx_utf8_equal_fold(text, crit->options[i].key))
				*option = (long)i;
		rc = *option >= 0 ? 0 : PDX_EINVALID;
		break;
	case PDX_TYPE_PERCENT: {
		evi = "một số từ 0 đến 100 (ví dụ 45, 12,5 hoặc 80%)";
		een = "a number from 0 to 100 (e.g. 45, 12.5 or 80%)";
		pdx_decimal zero = {0, 0}, hundred = {100 * PDX_DECIMAL_ONE, 0};
		if (pdx_decimal_parse(text, true, value) == 0 &&
		    pdx_decimal_cmp(*value, zero) >= 0 && pdx_decimal_cmp(*value, hundred) <= 0)
			rc = 0;
		break;
	}
	case PDX_TYPE_NUMBER:
		evi = "một số, có thể âm (ví dụ 15, -3,5 hoặc 20%)";
		een = "a number, possibly negative (e.g. 15, -3.5 or 20%)";
		rc = pdx_decimal_parse(text, true, value) == 0 ? 0 : PDX_EINVALID;
		break;
	case PDX_TYPE_COUNT:
		evi = "một số nguyên không âm (ví dụ 0, 3, 12)";
		een = "a whole number, 0 or more (e.g. 0, 3, 12)";
		if (pdx_decimal_parse(text, false, value) == 0 && value->nanos >= 0 &&
		    value->rest == 0 && value->nanos % PDX_DECIMAL_ONE == 0)
			rc = 0;
		break;
	case PDX_TYPE_TEXT:
		rc = 0;
		break;
	}
	if (expected_vi)
		*expected_vi = evi;
	if (expected_en)
		*expected_en = een;
	return rc;
}

static pdx_points band_points(const pdx_criterion *c, pdx_decimal v)
{
	for (size_t i = 0; i < c->n_bands; i++) {
		int cmp = pdx_decimal_cmp(v, c->bands[i].bound);
		if (cmp > 0 || (cmp == 0 && !c->bands[i].strict))
			return c->bands[i].points;
	}
	return 0;
}

typedef struct result_priv {
	pdx_result pub;
	pdx_points *pillars;
	pdx_points *components;
	pdx_criterion_result *criteria;
	pdx_diags *diags;
} result_priv;

void pdx_result_free(pdx_result *res)
{
	if (!res)
		return;
	result_priv *p = (result_priv *)res;
	free(p->pillars);
	free(p->components);
	free(p->criteria);
	pdx_diags_free(p->diags);
	free(p);
}

size_t pdx_result_errors(const pdx_result *res)
{
	return pdx_diags_errors(res->diags);
}

static int answer_error(pdx_diags *d, const pdx_assessment *a, const pdx_answer *ans,
                        const pdx_criterion *c, const char *evi, const char *een)
{
	char *vi, *en, *shown = pdx_excerpt(ans->value);
	if (!shown)
		return PDX_ENOMEM;
	if (c->type == PDX_TYPE_CHOICE) {
		pdx_buf keys = {0};
		for (size_t i = 0; i < c->n_options; i++)
			pdx_buf_printf(&keys, "%s%s", i ? ", " : "", c->options[i].key);
		char *k;
		if (pdx_buf_finish(&keys, &k, NULL)) {
			free(shown);
			return PDX_ENOMEM;
		}
		vi = pdx_aprintf("câu trả lời \"%s\" không hợp lệ; cần một trong: %s", shown, k);
		en = pdx_aprintf("invalid answer \"%s\"; expected one of: %s", shown, k);
		free(k);
	} else {
		vi = pdx_aprintf("câu trả lời \"%s\" không hợp lệ; cần %s", shown, evi);
		en = pdx_aprintf("invalid answer \"%s\"; expected %s", shown, een);
	}
	int rc = vi && en ? pdx_diag_addf(d, PDX_SEV_ERROR, ans->file, ans->line, ans->column,
	                                  c->id, a->agency_id, vi, en)
	                  : PDX_ENOMEM;
	free(vi);
	free(en);
	free(shown);
	return rc;
}

/* One warning per assessment, listing every criterion that claims points without
 * evidence: a file without an evidence column would otherwise print dozens of lines. */
static int evidence_diag(pdx_diags *d, const pdx_assessment *a, const pdx_criterion_result *crit,
                         size_t n, bool required)
{
	pdx_buf ids = {0};
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (crit[i].missing_evidence)
			pdx_buf_printf(&ids, "%s%s", count++ ? ", " : "", crit[i].criterion->id);
	char *list;
	if (pdx_buf_finish(&ids, &list, NULL))
		return PDX_ENOMEM;
	int rc = 0;
	if (count) {
		char *vi =
		    pdx_aprintf(required ? "%zu tiêu chí không có minh chứng nên được 0 điểm "
		                           "(--require-evidence): %s"
		                         : "%zu tiêu chí có điểm nhưng chưa có minh chứng (cột "
		                           "evidence trống): %s",
		                count, list);
		char *en =
		    pdx_aprintf(required ? "%zu criteria without evidence scored 0 "
		                           "(--require-evidence): %s"
		                         : "%zu criteria claim points without evidence (empty "
		                           "evidence cell): %s",
		                count, list);
		rc = vi && en ? pdx_diag_addf(d, PDX_SEV_WARNING, a->file, a->line, 0, NULL,
		                              a->agency_id, vi, en)
		              : PDX_ENOMEM;
		free(vi);
		free(en);
	}
	free(list);
	return rc;
}

int pdx_score_assessment(pdx_result **out, const pdx_rubric *r, const pdx_assessment *a,
                         const pdx_score_options *opts)
{
	*out = NULL;
	size_t np = pdx_rubric_pillar_count(r), nc = pdx_rubric_component_count(r),
	       nk = pdx_rubric_criterion_count(r);
	result_priv *p = calloc(1, sizeof(*p));
	if (!p)
		return PDX_ENOMEM;
	p->pillars = calloc(np + 1, sizeof(pdx_points));
	p->components = calloc(nc + 1, sizeof(pdx_points));
	p->criteria = calloc(nk + 1, sizeof(pdx_criterion_result));
	p->diags = pdx_diags_new();
	if (!p->pillars || !p->components || !p->criteria || !p->diags ||
	    pdx_diags_append(p->diags, a->diags)) {
		pdx_result_free(&p->pub);
		return PDX_ENOMEM;
	}
	bool require = opts && opts->require_evidence;
	int rc = 0;
	for (size_t i = 0; i < nk && !rc; i++) {
		const pdx_criterion *c = pdx_rubric_criterion(r, i);
		pdx_criterion_result *cr = &p->criteria[i];
		cr->criterion = c;
		cr->option = -1;
		cr->answer = pdx_assessment_answer(a, (long)i);
		if (!cr->answer || !cr->answer->value) {
			cr->status = PDX_CRIT_UNANSWERED;
			p->pub.n_unanswered++;
			continue;
		}
		const char *evi, *een;
		rc = pdx_value_parse(c, cr->answer->value, &cr->value, &cr->option, &cr->yes, &evi,
		                     &een);
		if (rc == PDX_ENOMEM)
			break;
		if (rc) {
			rc = answer_error(p->diags, a, cr->answer, c, evi, een);
			cr->status = PDX_CRIT_ERROR;
			continue;
		}
		cr->has_value = c->type == PDX_TYPE_PERCENT || c->type == PDX_TYPE_NUMBER ||
		                c->type == PDX_TYPE_COUNT;
		switch (c->scoring) {
		case PDX_SCORING_YESNO:
			cr->points = cr->yes ? c->max : 0;
			break;
		case PDX_SCORING_OPTIONS:
			cr->points = c->options[cr->option].points;
			break;
		case PDX_SCORING_BANDS:
			cr->points = band_points(c, cr->value);
			break;
		case PDX_SCORING_LINEAR:
			cr->points = pdx_linear_points(c->max, cr->answer->value);
			break;
		case PDX_SCORING_NONE:
			break;
		}
		cr->status = PDX_CRIT_OK;
		/* The appraisal council counts a claimed criterion only with evidence. */
		if (c->evidence && cr->points > 0 && !cr->answer->evidence) {
			cr->missing_evidence = true;
			if (require) {
				cr->points = 0;
				cr->status = PDX_CRIT_NO_EVIDENCE;
			}
		}
	}
	if (!rc)
		rc = evidence_diag(p->diags, a, p->criteria, nk, require);
	pdx_diags_sort(p->diags);
	if (rc) {
		pdx_result_free(&p->pub);
		return PDX_ENOMEM;
	}
	for (size_t i = 0; i < nk; i++) {
		const pdx_criterion *c = p->criteria[i].criterion;
		p->components[c->component] += p->criteria[i].points;
		p->pillars[c->pillar] += p->criteria[i].points;
		p->pub.total += p->criteria[i].points;
	}
	p->pub.rubric = r;
	p->pub.assessment = a;
	p->pub.level = pdx_rubric_level_for(r, p->pub.total);
	p->pub.pillars = p->pillars;
	p->pub.components = p->components;
	p->pub.criteria = p->criteria;
	p->pub.diags = p->diags;
	*out = &p->pub;
	return 0;
}

int pdx_score_all(pdx_result ***out, size_t *n, const pdx_rubric *rubric, const pdx_answers *set,
                  const pdx_score_options *opts)
{
	size_t count = pdx_answers_count(set);
	*out = NULL;
	*n = 0;
	pdx_result **res = calloc(count + 1, sizeof(*res));
	if (!res)
		return PDX_ENOMEM;
	for (size_t i = 0; i < count; i++) {
		int rc = pdx_score_assessment(&res[i], rubric, pdx_answers_get(set, i), opts);
		if (rc) {
			pdx_results_free(res, i);
			return rc;
		}
	}
	*out = res;
	*n = count;
	return 0;
}

void pdx_results_free(pdx_result **results, size_t n)
{
	if (!results)
		return;
	for (size_t i = 0; i < n; i++)
		pdx_result_free(results[i]);
	free(results);
}
