/* SPDX-License-Identifier: MIT */
/* pressdx — a rubric: one edition of the maturity index, loaded from XML.
 *
 * The model is flat: pillars, components and criteria each sit in one array in
 * document order, and each element knows the index range of its children. All
 * strings and arrays are owned by the rubric and live until pdx_rubric_free.
 */
#ifndef PRESSDX_RUBRIC_H
#define PRESSDX_RUBRIC_H

#include "common.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	PDX_TYPE_YESNO = 0,
	PDX_TYPE_CHOICE,
	PDX_TYPE_PERCENT,
	PDX_TYPE_NUMBER,
	PDX_TYPE_COUNT,
	PDX_TYPE_TEXT /* context questions only */
} pdx_answer_type;

typedef enum {
	PDX_SCORING_YESNO = 0, /* full points on yes */
	PDX_SCORING_OPTIONS,   /* the chosen option's points */
	PDX_SCORING_BANDS,     /* the first band whose bound the value reaches */
	PDX_SCORING_LINEAR,    /* max × value / 100 */
	PDX_SCORING_NONE       /* context questions: collected, never scored */
} pdx_scoring;

typedef struct pdx_band {
	pdx_decimal bound;
	bool strict; /* true: value > bound; false: value >= bound */
	pdx_points points;
	long line;
} pdx_band;

typedef struct pdx_option {
	const char *key;
	const char *label;    /* Vietnamese */
	const char *label_en; /* may be NULL */
	pdx_points points;
	long line;
} pdx_option;

typedef struct pdx_criterion {
	const char *id;
	const char *name;
	const char *name_en; /* may be NULL */
	const char *source;  /* may be NULL */
	pdx_answer_type type;
	pdx_scoring scoring;
	pdx_points max;
	bool evidence; /* evidence (minh chứng) expected for points claimed */
	pdx_status status;
	size_t pillar;    /* index into the pillar array */
	size_t component; /* index into the component array */
	const pdx_band *bands;
	size_t n_bands;
	const pdx_option *options;
	size_t n_options;
	long line;
} pdx_criterion;

typedef struct pdx_component {
	const char *id;
	const char *name;
	const char *name_en;
	pdx_status status;
	pdx_status name_status;
	pdx_points max;
	size_t pillar;
	size_t first_criterion, n_criteria;
	long line;
	const char *source; /* may be NULL */
} pdx_component;

typedef struct pdx_pillar {
	const char *id;
	const char *name;
	const char *name_en;
	pdx_status status;
	pdx_status name_status;
	pdx_points max;
	size_t first_component, n_components;
	size_t first_criterion, n_criteria;
	long line;
	const char *source; /* may be NULL */
} pdx_pillar;

typedef struct pdx_level {
	int number;
	const char *name;
	const char *name_en;
	pdx_points min;
	pdx_status status;
	long line;
	/* The bound is strict: the level starts above `min` ("trên 80": 80.00 stays in the
	 * level below, 80.01 reaches this one). Totals are hundredths, so the smallest total
	 * that reaches the level is min + 1 (pdx_level_reach). */
	bool above;
	const char *source; /* may be NULL */
} pdx_level;

/* A context question: asked and reported, never scored ("không tính điểm"). */
typedef struct pdx_question {
	const char *id;
	const char *name;
	const char *name_en;
	pdx_answer_type type;
	pdx_status status;
	const pdx_option *options; /* choice questions; points unused */
	size_t n_options;
	long line;
	const char *source; /* may be NULL */
} pdx_question;

typedef struct pdx_rubric_meta {
	const char *id;
	const char *title;
	const char *title_en; /* may be NULL */
	const char *decision; /* may be NULL */
	const char *issuer;   /* may be NULL */
	const char *date;     /* ISO date; may be NULL */
	const char *source;   /* may be NULL */
	const char *path;     /* the file it was loaded from, or the given name */
	pdx_status status;    /* the rubric element's own status */
	bool provisional;     /* true when any element of the rubric is provisional */
	pdx_points total;
	/* Hex SHA-256 of the canonical form, the table `pressdx rubrics export` writes
	 * (pdx_rubric_export_table): equal for the same edition however its file is written,
	 * whole or derived, with or without comments. (A rubric with an option the table
	 * cannot carry, a ';' in its label: of its resolved XML, pdx_rubric_resolved_xml.) */
	char sha256[65];
	/* The assessment years this edition is in force for: year_from 0 when the rubric
	 * does not say; year_to 0 when open (until a later edition). */
	int year_from, year_to;
	bool published; /* true when any element is taken from a publication */
	/* What a report must say of the parts that are not official (provisional and
	 * published ones, named), Vietnamese then English; NULL for an all-official rubric. */
	const char *notice;
	/* The id of the edition this one was written as differences from (extends=), or
	 * NULL for a rubric written whole. */
	const char *extends;
} pdx_rubric_meta;

typedef struct pdx_rubric pdx_rubric;

/* Loads and checks a rubric file: within the limits of the README (16 MiB, 10,000
 * elements, depth 32, 64 attributes per element...; checked on the bytes before they are
 * parsed), well-formed XML without a DOCTYPE (no entities, no network), valid against the
 * embedded RELAX NG schema (rubrics/rubric.rng), then the semantic checks: unique ids,
 * sums of maxima, band and option points, levels. Every problem is added to `diags` (may
 * be NULL) with file and line. "-" is standard input.
 * On success *out owns a new rubric (free with pdx_rubric_free) and 0 is returned;
 * otherwise *out is NULL and PDX_EIO, PDX_EINVALID or PDX_ENOMEM is returned. */
PDX_EXTERN int pdx_rubric_load_file(pdx_rubric **out, const char *path, pdx_diags *diags);

/* The same from a buffer; `name` is used in diagnostics and as meta->path. A rubric that
 * extends another cannot be loaded this way (PDX_EINVALID, with a diagnostic): use
 * pdx_rubric_load_memory_base, or pdx_rubric_load_file, which finds the base as ID.xml
 * beside the file (up to 8 editions deep). */
PDX_EXTERN int pdx_rubric_load_memory(pdx_rubric **out, const char *data, size_t len,
                                      const char *name, pdx_diags *diags);

/* The same for a rubric written as differences from `base` (extends="ID" naming base's
 * id); `base` is only read, and may be freed once this returns. A rubric written whole
 * ignores `base`. */
PDX_EXTERN int pdx_rubric_load_memory_base(pdx_rubric **out, const char *data, size_t len,
                                           const char *name, const pdx_rubric *base,
                                           pdx_diags *diags);

/* The rubric as one whole XML file: the file as read for a rubric written whole; for a
 * derived one, the base with the differences applied, without comments. Owned by the
 * rubric; *len (may be NULL) gets its length. */
PDX_EXTERN const char *pdx_rubric_resolved_xml(const pdx_rubric *r, size_t *len);

PDX_EXTERN void pdx_rubric_free(pdx_rubric *r);

PDX_EXTERN const pdx_rubric_meta *pdx_rubric_meta_get(const pdx_rubric *r);

PDX_EXTERN size_t pdx_rubric_level_count(const pdx_rubric *r);
PDX_EXTERN const pdx_level *pdx_rubric_level(const pdx_rubric *r, size_t i);
PDX_EXTERN size_t pdx_rubric_pillar_count(const pdx_rubric *r);
PDX_EXTERN const pdx_pillar *pdx_rubric_pillar(const pdx_rubric *r, size_t i);
PDX_EXTERN size_t pdx_rubric_component_count(const pdx_rubric *r);
PDX_EXTERN const pdx_component *pdx_rubric_component(const pdx_rubric *r, size_t i);
PDX_EXTERN size_t pdx_rubric_criterion_count(const pdx_rubric *r);
PDX_EXTERN const pdx_criterion *pdx_rubric_criterion(const pdx_rubric *r, size_t i);
PDX_EXTERN size_t pdx_rubric_question_count(const pdx_rubric *r);
PDX_EXTERN const pdx_question *pdx_rubric_question(const pdx_rubric *r, size_t i);

/* Index of the criterion with this id, or -1. */
PDX_EXTERN long pdx_rubric_find_criterion(const pdx_rubric *r, const char *id);
/* Index of the context question with this id, or -1. */
PDX_EXTERN long pdx_rubric_find_question(const pdx_rubric *r, const char *id);

/* The smallest total that reaches `level`: its min, or min + 0.01 for a strict bound. */
PDX_EXTERN pdx_points pdx_level_reach(const pdx_level *level);

/* The level reached by `total`: the highest whose lower bound the total reaches.
 * NULL only for a total below every level (impossible in a loaded rubric, whose first
 * level starts at 0, unless the total is negative). */
PDX_EXTERN const pdx_level *pdx_rubric_level_for(const pdx_rubric *r, pdx_points total);

/* Stable lowercase names: "yesno", "choice", "percent", "number", "count", "text";
 * "official", "provisional", "published". */
PDX_EXTERN const char *pdx_answer_type_name(pdx_answer_type t);
PDX_EXTERN const char *pdx_status_name(pdx_status s);

/* Whether results of `b` may stand beside those of `a` in one table (a summary, a
 * ranking): the same pillar ids in the same order and the same level numbers; bands,
 * maxima and criteria may differ, as between the editions of one index. */
PDX_EXTERN bool pdx_rubric_compatible(const pdx_rubric *a, const pdx_rubric *b);

/* The rubric as a table (CSV, UTF-8 with a BOM) that a person reads and types in a
 * spreadsheet: a head of field rows (pressdx-rubric-table,1; id; title; title_en;
 * decision; issuer; date; source; status; total; years,FROM,TO; one level row per level:
 * level,NUMBER,NAME,NAME_EN,BOUND,STATUS,SOURCE with BOUND "50" or ">80"; one question
 * row per context question), an empty row, then one row per criterion under the header
 * pillar,pillar_name,…,criterion,question,question_en,type,points,rule,options,
 * options_en,evidence,status,source (README "Nạp phụ lục chính thức"). Every status is
 * written out, resolved. PDX_EINVALID when an option's key or label holds a list
 * separator (';', a line break, '=' in a key) the table cannot carry. */
PDX_EXTERN int pdx_rubric_export_table(char **out, size_t *len, const pdx_rubric *r);

/* Such a table (exported, or typed from a decision's annex: rows in any column order,
 * pillar and component cells left empty continue the row above, "có=3; không=0",
 * "≥80%:3; ≥50%:2; >0:1", "linear 0..100" or "none=0; multi=3" as scoring rules) as
 * rubric XML (*xml, malloc'd, NUL-terminated). Only the table's own shape is checked
 * here, with file, line and column; load the XML (pdx_rubric_load_memory) for the
 * rubric's rules. Returns 0, PDX_EINVALID (problems in `diags`) or PDX_ENOMEM. */
PDX_EXTERN int pdx_rubric_import_table(char **xml, size_t *xml_len, const char *data, size_t len,
                                       const char *name, pdx_diags *diags);

/* The schema every rubric is validated against (NUL-terminated, static). */
PDX_EXTERN const char *pdx_rubric_schema(void);

#ifdef __cplusplus
}
#endif

#endif
