/* SPDX-License-Identifier: MIT */
/* Scoring: pure functions from (rubric, assessment) to points in hundredths.
 *
 * The rules, as the index states them: a criterion is scored on its own answer;
 * points are rounded to 0.01 per criterion; components, pillars and the total are
 * sums of the rounded points; the level is the highest whose lower bound the total
 * reaches. Answers that cannot be read score 0 and are reported, never guessed. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct result_priv {
	pdx_result pub;
	pdx_points *pillars;    /* after the struct, in its allocation */
	pdx_points *components; /* likewise */
	pdx_criterion_result *criteria;
	pdx_answer *answers;        /* the answer kept per criterion, then per question */
	const pdx_answer **context; /* per question */
	pdx_diags *diags;
} result_priv;

void pdx_result_free(pdx_result *res)
{
	if (!res)
		return;
	result_priv *p = (result_priv *)res;
	pdx_free(p->criteria);
	pdx_free(p->answers);
	pdx_free(p->context);
	pdx_diags_free(p->diags);
	pdx_free(p);
}

size_t pdx_result_errors(const pdx_result *res)
{
	return res ? pdx_diags_errors(res->diags) : 0;
}

static int diag_at(pdx_diags *d, pdx_code code, pdx_severity sev, const pdx_answer *ans,
                   long column, const char *crit, const char *agency, char *vi, char *en)
{
	int rc = PDX_ENOMEM;
	if (vi && en) {
		pdx_diag g = {sev,    code, ans->file, ans->sheet, ans->line,
		              column, crit, agency,    vi,         en};
		rc = pdx_diags_add(d, &g);
	}
	pdx_free(vi);
	pdx_free(en);
	return rc;
}

/* An answer that cannot be read (error) or that was read in a way worth saying
 * (warning); the wording is the parser's (pdx_value_message, pdx_value_note). */
static int answer_diag(pdx_diags *d, pdx_code code, pdx_severity sev, const pdx_assessment *a,
                       const pdx_answer *ans, const pdx_criterion *c, char *vi, char *en)
{
	return diag_at(d, code, sev, ans, ans->column, c->id, a->agency_id, vi, en);
}

/* A criterion id not in the rubric; the usual slips ("1.1.1." typed by hand) get the
 * real id as a hint. */
static int unknown_criterion(pdx_diags *d, const pdx_rubric *r, const pdx_assessment *a,
                             const pdx_answer *ans)
{
	char *stripped = pdx_strdup(ans->criterion);
	char *shown = pdx_excerpt(ans->criterion);
	if (!stripped || !shown) {
		pdx_free(stripped);
		pdx_free(shown);
		return PDX_ENOMEM;
	}
	size_t n = strlen(stripped);
	while (n && (stripped[n - 1] == '.' || stripped[n - 1] == ' '))
		stripped[--n] = '\0';
	long k = pdx_rubric_find_criterion(r, stripped);
	const char *hint = k >= 0 ? pdx_rubric_criterion(r, (size_t)k)->id : NULL;
	int rc;
	if (hint)
		rc = diag_at(
		    d, PDX_E_UNKNOWN_CRITERION, PDX_SEV_ERROR, ans, ans->criterion_column, shown,
		    a->agency_id,
		    pdx_aprintf("mã tiêu chí \"%s\" không có trong bộ chỉ số; có phải là "
		                "\"%s\"?",
		                shown, hint),
		    pdx_aprintf("unknown criterion id \"%s\"; did you mean \"%s\"?", shown, hint));
	else
		rc = diag_at(d, PDX_E_UNKNOWN_CRITERION, PDX_SEV_ERROR, ans, ans->criterion_column,
		             shown, a->agency_id,
		             pdx_aprintf("mã tiêu chí \"%s\" không có trong bộ chỉ số %s", shown,
		                         pdx_rubric_meta_get(r)->id),
		             pdx_aprintf("unknown criterion id \"%s\" (not in rubric %s)", shown,
		                         pdx_rubric_meta_get(r)->id));
	pdx_free(stripped);
	pdx_free(shown);
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
		pdx_diag g = {PDX_SEV_WARNING,
		              PDX_W_NO_EVIDENCE,
		              a->file,
		              a->sheet,
		              a->line,
		              0,
		              NULL,
		              a->agency_id,
		              vi,
		              en};
		rc = vi && en ? pdx_diags_add(d, &g) : PDX_ENOMEM;
		pdx_free(vi);
		pdx_free(en);
	}
	pdx_free(list);
	return rc;
}

/* Evidence cells that say there is none ("không", "chưa có", "N/A", "-", "0") are no
 * evidence: the appraisal council would find none. */
static int says_none(const char *evidence, bool *none)
{
	static const char *const words[] = {"không",   "khong", "không có", "khong co", "chưa có",
	                                    "chua co", "chưa",  "n/a",      "na",       "-",
	                                    "0",       "none",  "no"};
	*none = false;
	if (!evidence)
		return 0;
	/* Every word starts with k, c, n, '-' or '0'. A cell starting with another ASCII
	 * character keeps it first in its key (NFKC and case folding map an ASCII letter to
	 * itself or its lower case, and a mark after it makes a letter no word starts
	 * with): most evidence ("QĐ 12/2025", a file name, a link) is told apart here
	 * without computing the key. (Cells are trimmed: no leading white space.) */
	unsigned char c0 = (unsigned char)evidence[0];
	if (c0 < 0x80 && !strchr("kKcCnN-0", c0))
		return 0;
	char *k = pdx_utf8_key(evidence, 0);
	if (!k)
		return PDX_ENOMEM;
	for (size_t i = 0; i < sizeof words / sizeof *words && !*none; i++)
		*none = strcmp(k, words[i]) == 0;
	pdx_free(k);
	return 0;
}

/* The answers an assessment gave for one criterion: a blank row never shadows a filled
 * one; the same value twice is one answer (and a warning); two different values are an
 * error naming both places, and the criterion scores 0 until fixed — whatever their
 * order in the files. */
typedef struct slot {
	pdx_answer first; /* the first filled answer, or the first blank one */
	bool has, filled;
	pdx_answer dup; /* a second filled answer with the same value */
	bool has_dup;
	pdx_answer other; /* a filled answer with another value */
	bool conflict;
} slot;

static bool same_value(const pdx_criterion *c, const char *x, const char *y)
{
	if (strcmp(x, y) == 0)
		return true;
	pdx_value vx, vy;
	pdx_value_problem px, py;
	if (pdx_value_parse(&vx, &px, c, x) != 0 || pdx_value_parse(&vy, &py, c, y) != 0)
		return false;
	return pdx_value_equal(&vx, &vy);
}

static void take(slot *sl, const pdx_answer *ans, const pdx_criterion *c)
{
	if (!sl->has) {
		sl->first = *ans;
		sl->has = true;
		sl->filled = ans->value != NULL;
		return;
	}
	if (!ans->value)
		return;
	if (!sl->filled) {
		sl->first = *ans;
		sl->filled = true;
		return;
	}
	if (sl->conflict)
		return;
	/* context questions (c == NULL) compare as written */
	if (c ? same_value(c, sl->first.value, ans->value)
	      : strcmp(sl->first.value, ans->value) == 0) {
		if (!sl->has_dup) {
			sl->dup = *ans;
			sl->has_dup = true;
		}
		return;
	}
	sl->other = *ans;
	sl->conflict = true;
}

static char *place(const pdx_answer *x)
{
	return x->sheet ? pdx_aprintf("%s[%s] dòng %ld", x->file, x->sheet, x->line)
	                : pdx_aprintf("%s dòng %ld", x->file, x->line);
}

static char *place_en(const pdx_answer *x)
{
	return x->sheet ? pdx_aprintf("%s[%s] row %ld", x->file, x->sheet, x->line)
	                : pdx_aprintf("%s line %ld", x->file, x->line);
}

static int slot_diags(pdx_diags *d, const pdx_assessment *a, const slot *sl, const char *id)
{
	const pdx_answer *later = sl->conflict ? &sl->other : &sl->dup;
	if (!sl->conflict && !sl->has_dup)
		return 0;
	char *p1 = place(&sl->first), *p1e = place_en(&sl->first);
	char *x = pdx_excerpt(sl->first.value), *y = pdx_excerpt(later->value);
	int rc = PDX_ENOMEM;
	if (p1 && p1e && x && y) {
		if (sl->conflict)
			rc = diag_at(
			    d, PDX_E_ANSWER_CONFLICT, PDX_SEV_ERROR, later, later->column, id,
			    a->agency_id,
			    pdx_aprintf("tiêu chí %s có hai câu trả lời khác nhau cho năm này: "
			                "\"%s\" ở %s và \"%s\" ở đây; tiêu chí được 0 điểm cho "
			                "đến khi sửa",
			                id, x, p1, y),
			    pdx_aprintf("criterion %s has two different answers for this year: "
			                "\"%s\" at %s and \"%s\" here; it scores 0 until fixed",
			                id, x, p1e, y));
		else
			rc = diag_at(
			    d, PDX_W_DUPLICATE_ANSWER, PDX_SEV_WARNING, later, later->column, id,
			    a->agency_id,
			    pdx_aprintf("tiêu chí %s đã được trả lời cùng giá trị ở %s; tính một "
			                "lần",
			                id, p1),
			    pdx_aprintf("criterion %s was already given the same answer at %s; "
			                "it counts once",
			                id, p1e));
	}
	pdx_free(p1);
	pdx_free(p1e);
	pdx_free(x);
	pdx_free(y);
	return rc;
}

/* ---- a scorer: what scoring a batch learns once ----
 *
 * In a batch the same criterion ids and the same answers come back on every
 * assessment, and an answer set hands them out as the same interned strings. A scorer
 * remembers, by string address, which rubric criterion an id names and how an answer
 * text parses; an entry is used only when its text is the one given (compared), so an
 * address reused for another text after its set was freed is a miss, never a wrong
 * result. Parsing and looking up are pure functions of the text: a scorer changes no
 * result, only the time. */

#define CRIT_MEMO  256u /* powers of two */
#define VALUE_MEMO 2048u

typedef struct crit_memo {
	const char *ptr; /* NULL: empty */
	long k, q;       /* criterion, question index (-1 when not one) */
} crit_memo;

typedef struct value_memo {
	const char *ptr; /* NULL: empty */
	char *text;      /* a copy, to check that ptr still holds it */
	size_t crit;
	int rc;
	pdx_value v;
	pdx_value_problem pb;
} value_memo;

struct pdx_scorer {
	const pdx_rubric *r;
	pdx_score_options opts;
	crit_memo crit[CRIT_MEMO];
	value_memo *vals; /* VALUE_MEMO of them; NULL when it could not be had */
	/* Working memory lent to each scoring instead of allocated and freed per
	 * assessment; with totals_only the per-criterion arrays too, as the result gives
	 * them up anyway. Held results then lie together in the heap, not between
	 * freed 10 KB blocks. NULL when it could not be had: allocated per call. */
	slot *slots;
	pdx_criterion_result *criteria;
	pdx_answer *answers;
	const pdx_answer **context;
};

static size_t addr_hash(const void *p, size_t salt)
{
	uint64_t h =
	    ((uint64_t)(uintptr_t)p ^ (uint64_t)salt * 0x9e3779b97f4a7c15u) * 0xff51afd7ed558ccdu;
	return (size_t)(h >> 40);
}

static void resolve(pdx_scorer *m, const pdx_rubric *r, const char *id, long *k, long *q)
{
	crit_memo *e = m ? &m->crit[addr_hash(id, 0) & (CRIT_MEMO - 1)] : NULL;
	if (e && e->ptr == id) {
		const char *known = e->k >= 0   ? pdx_rubric_criterion(r, (size_t)e->k)->id
		                    : e->q >= 0 ? pdx_rubric_question(r, (size_t)e->q)->id
		                                : NULL;
		if (known && strcmp(known, id) == 0) {
			*k = e->k;
			*q = e->q;
			return;
		}
	}
	*k = pdx_rubric_find_criterion(r, id);
	*q = *k >= 0 ? -1 : pdx_rubric_find_question(r, id);
	if (e && (*k >= 0 || *q >= 0))
		*e = (crit_memo){id, *k, *q};
}

static int parse_value(pdx_scorer *m, size_t i, const pdx_criterion *c, const char *text,
                       pdx_value *v, pdx_value_problem *pb)
{
	value_memo *e = m && m->vals ? &m->vals[addr_hash(text, i) & (VALUE_MEMO - 1)] : NULL;
	if (e && e->ptr == text && e->crit == i && strcmp(e->text, text) == 0) {
		*v = e->v;
		*pb = e->pb;
		return e->rc;
	}
	int rc = pdx_value_parse(v, pb, c, text);
	if (!e || rc == PDX_ENOMEM)
		return rc;
	size_t n = strlen(text);
	char *copy = pdx_malloc(n + 1);
	if (!copy)
		return rc; /* not remembered: the result is the same */
	memcpy(copy, text, n + 1);
	pdx_free(e->text);
	*e = (value_memo){text, copy, i, rc, *v, *pb};
	return rc;
}

int pdx_scorer_new(pdx_scorer **out, const pdx_rubric *r, const pdx_score_options *opts)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!r)
		return PDX_EARG;
	pdx_scorer *m = pdx_calloc(1, sizeof(*m));
	if (!m)
		return PDX_ENOMEM;
	m->r = r;
	if (opts)
		m->opts = *opts;
	m->vals = pdx_calloc(VALUE_MEMO, sizeof(*m->vals)); /* NULL: no value memo */
	size_t nk = pdx_rubric_criterion_count(r), nq = pdx_rubric_question_count(r);
	m->slots = pdx_reallocarray(NULL, nk + nq + 1, sizeof(*m->slots));
	if (m->opts.totals_only) {
		m->criteria = pdx_reallocarray(NULL, nk + 1, sizeof(*m->criteria));
		m->answers = pdx_reallocarray(NULL, nk + nq + 1, sizeof(*m->answers));
		m->context = pdx_reallocarray(NULL, nq + 1, sizeof(*m->context));
	}
	*out = m;
	return 0;
}

void pdx_scorer_free(pdx_scorer *m)
{
	if (!m)
		return;
	for (size_t i = 0; m->vals && i < VALUE_MEMO; i++)
		pdx_free(m->vals[i].text);
	pdx_free(m->vals);
	pdx_free(m->slots);
	pdx_free(m->criteria);
	pdx_free(m->answers);
	pdx_free(m->context);
	pdx_free(m);
}

static int score_criterion(pdx_scorer *m, result_priv *p, const pdx_assessment *a, size_t i,
                           const slot *sl, bool require)
{
	const pdx_criterion *c = p->pub.criteria[i].criterion;
	pdx_criterion_result *cr = &p->criteria[i];
	cr->option = -1;
	if (!sl->has) {
		cr->status = PDX_CRIT_UNANSWERED;
		p->pub.n_unanswered++;
		return 0;
	}
	p->answers[i] = sl->first;
	cr->answer = &p->answers[i];
	int rc = slot_diags(p->diags, a, sl, c->id);
	if (rc)
		return rc;
	if (!sl->filled) {
		cr->status = PDX_CRIT_UNANSWERED;
		p->pub.n_unanswered++;
		return 0;
	}
	if (sl->conflict) {
		cr->status = PDX_CRIT_ERROR;
		cr->conflict = true;
		return 0;
	}
	pdx_value v;
	pdx_value_problem pb;
	char *vi = NULL, *en = NULL;
	rc = parse_value(m, i, c, cr->answer->value, &v, &pb);
	if (rc == PDX_ENOMEM)
		return rc;
	if (rc) {
		static const pdx_code codes[] = {PDX_E_ANSWER_INVALID, PDX_E_ANSWER_INVALID,
		                                 PDX_E_ANSWER_RANGE, PDX_E_ANSWER_AMBIGUOUS,
		                                 PDX_E_ANSWER_TOO_LARGE};
		cr->status = PDX_CRIT_ERROR;
		rc = pdx_value_message(&vi, &en, c, cr->answer->value, pb);
		pdx_code code =
		    (unsigned)pb < sizeof codes / sizeof *codes ? codes[pb] : PDX_E_ANSWER_INVALID;
		return rc ? rc
		          : answer_diag(p->diags, code, PDX_SEV_ERROR, a, cr->answer, c, vi, en);
	}
	rc = pdx_value_note(&vi, &en, c, cr->answer->value, v.flags);
	if (!rc && vi)
		rc = answer_diag(p->diags, PDX_W_PERCENT_FRACTION, PDX_SEV_WARNING, a, cr->answer,
		                 c, vi, en);
	if (rc)
		return rc;
	cr->has_value = v.has_number;
	cr->value = v.number;
	cr->option = v.option;
	cr->yes = v.yes;
	cr->points = pdx_value_points(c, &v);
	cr->status = PDX_CRIT_OK;
	/* The appraisal council counts a claimed criterion only with evidence. */
	bool none;
	if ((rc = says_none(cr->answer->evidence, &none)))
		return rc;
	if (c->evidence && cr->points > 0 && (!cr->answer->evidence || none)) {
		cr->missing_evidence = true;
		if (require) {
			cr->points = 0;
			cr->status = PDX_CRIT_NO_EVIDENCE;
		}
	}
	return 0;
}

static int unfilled_diag(pdx_diags *d, const pdx_assessment *a)
{
	pdx_diag g = {PDX_SEV_WARNING,
	              PDX_W_UNFILLED,
	              a->file,
	              a->sheet,
	              a->line,
	              0,
	              NULL,
	              a->agency_id,
	              "phiếu chưa điền: không tiêu chí nào được trả lời; không tính vào xếp hạng, "
	              "tổng hợp và chỉ tiêu",
	              "unfilled questionnaire: no criterion is answered; left out of rankings, "
	              "summaries and plan targets"};
	return pdx_diags_add(d, &g);
}

/* Detaches what the scorer lent from a result about to be freed or trimmed, so that
 * freeing the result frees only its own. */
static void give_back(result_priv *p, pdx_scorer *m, slot *slots, bool lent)
{
	if (slots && (!m || slots != m->slots))
		pdx_free(slots);
	if (lent) {
		p->criteria = NULL;
		p->answers = NULL;
		p->context = NULL;
		p->pub.criteria = NULL;
	}
}

static int score_one(pdx_result **out, const pdx_rubric *r, const pdx_assessment *a,
                     const pdx_score_options *opts, pdx_scorer *m)
{
	size_t np = pdx_rubric_pillar_count(r), nc = pdx_rubric_component_count(r),
	       nk = pdx_rubric_criterion_count(r), nq = pdx_rubric_question_count(r);
	/* what a result keeps in one allocation: a batch ranked from totals holds tens of
	 * thousands of them */
	if (np + nc + 2 > (SIZE_MAX - sizeof(result_priv)) / sizeof(pdx_points))
		return PDX_ENOMEM;
	result_priv *p = pdx_calloc(1, sizeof(*p) + (np + nc + 2) * sizeof(pdx_points));
	if (!p)
		return PDX_ENOMEM;
	p->pillars = (pdx_points *)(void *)(p + 1);
	p->components = p->pillars + np + 1;
	/* the scorer's arrays when it lends them (see struct pdx_scorer) */
	bool lent = m && m->criteria && m->answers && m->context;
	if (lent) {
		p->criteria = memset(m->criteria, 0, (nk + 1) * sizeof(*p->criteria));
		p->answers = memset(m->answers, 0, (nk + nq + 1) * sizeof(*p->answers));
		p->context = memset((void *)m->context, 0, (nq + 1) * sizeof(*p->context));
	} else {
		p->criteria = pdx_calloc(nk + 1, sizeof(pdx_criterion_result));
		p->answers = pdx_calloc(nk + nq + 1, sizeof(pdx_answer));
		p->context = pdx_calloc(nq + 1, sizeof(pdx_answer *));
	}
	/* not zeroed whole (10 KB an assessment for 951): an answer in a slot is read only
	 * where a flag says it was taken */
	slot *slots = m && m->slots ? m->slots : pdx_reallocarray(NULL, nk + nq + 1, sizeof(slot));
	p->diags = pdx_diags_new();
	if (!p->criteria || !p->answers || !p->context || !slots || !p->diags ||
	    pdx_diags_append(p->diags, a->diags)) {
		give_back(p, m, slots, lent);
		pdx_result_free(&p->pub);
		return PDX_ENOMEM;
	}
	for (size_t i = 0; i < nk + nq + 1; i++)
		slots[i].has = slots[i].filled = slots[i].has_dup = slots[i].conflict = false;
	p->pub.criteria = p->criteria;
	for (size_t i = 0; i < nk; i++)
		p->criteria[i].criterion = pdx_rubric_criterion(r, i);
	int rc = 0;
	/* the rows of the assessment, resolved against this edition of the index */
	size_t cursor = 0;
	pdx_answer ans;
	while (!rc && pdx_assessment_next_answer(a, &cursor, &ans)) {
		long k, q;
		resolve(m, r, ans.criterion, &k, &q);
		if (k >= 0) {
			take(&slots[k], &ans, pdx_rubric_criterion(r, (size_t)k));
			continue;
		}
		if (q >= 0)
			take(&slots[nk + (size_t)q], &ans, NULL);
		else
			rc = unknown_criterion(p->diags, r, a, &ans);
	}
	bool require = opts && opts->require_evidence;
	for (size_t i = 0; i < nk && !rc; i++)
		rc = score_criterion(m, p, a, i, &slots[i], require);
	for (size_t q = 0; q < nq && !rc; q++) {
		const slot *sl = &slots[nk + q];
		if (!sl->has || !sl->filled)
			continue;
		p->answers[nk + q] = sl->first;
		p->context[q] = &p->answers[nk + q];
		rc = slot_diags(p->diags, a, sl, pdx_rubric_question(r, q)->id);
	}
	if (!m || slots != m->slots)
		pdx_free(slots);
	if (!rc)
		rc = evidence_diag(p->diags, a, p->criteria, nk, require);
	p->pub.unfilled = nk > 0 && p->pub.n_unanswered == nk;
	p->pub.evidence_required = require;
	if (!rc && p->pub.unfilled)
		rc = unfilled_diag(p->diags, a);
	if (!rc)
		rc = pdx_diags_sort(p->diags);
	if (rc) {
		give_back(p, m, NULL, lent);
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
	p->pub.context = p->context;
	p->pub.n_context = nq;
	p->pub.diags = p->diags;
	if (opts && opts->totals_only) {
		/* every pointer into the answers went with the criteria and the context */
		give_back(p, m, NULL, lent);
		pdx_free(p->criteria);
		pdx_free(p->answers);
		pdx_free(p->context);
		p->criteria = NULL;
		p->answers = NULL;
		p->context = NULL;
		p->pub.criteria = NULL;
		p->pub.context = NULL;
		p->pub.n_context = 0;
	}
	*out = &p->pub;
	return 0;
}

int pdx_score_assessment(pdx_result **out, const pdx_rubric *r, const pdx_assessment *a,
                         const pdx_score_options *opts)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!r || !a)
		return PDX_EARG;
	return score_one(out, r, a, opts, NULL);
}

int pdx_scorer_score(pdx_scorer *m, pdx_result **out, const pdx_assessment *a)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!m || !a)
		return PDX_EARG;
	return score_one(out, m->r, a, &m->opts, m);
}

int pdx_score_all(pdx_result ***out, size_t *n, const pdx_rubric *rubric, const pdx_answers *set,
                  const pdx_score_options *opts)
{
	if (!out || !n)
		return PDX_EARG;
	size_t count = pdx_answers_count(set);
	*out = NULL;
	*n = 0;
	if (!rubric || !set)
		return PDX_EARG;
	pdx_result **res = pdx_calloc(count + 1, sizeof(*res));
	pdx_scorer *m = NULL;
	if (!res || pdx_scorer_new(&m, rubric, opts)) {
		pdx_free(res);
		return PDX_ENOMEM;
	}
	for (size_t i = 0; i < count; i++) {
		int rc = pdx_scorer_score(m, &res[i], pdx_answers_get(set, i));
		if (rc) {
			pdx_results_free(res, i);
			pdx_scorer_free(m);
			return rc;
		}
	}
	pdx_scorer_free(m);
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
	pdx_free(results);
}
