/* SPDX-License-Identifier: MIT */
/* Crosswalks: which criterion of one edition of the index corresponds to which of the
 * next (rubrics/crosswalk/FROM_TO.xml, schema crosswalk.rng). A comparison across
 * editions goes down to criteria only where a crosswalk maps both sides. */
#ifndef PRESSDX_CROSSWALK_H
#define PRESSDX_CROSSWALK_H

#include "rubric.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pdx_crosswalk pdx_crosswalk;

typedef struct pdx_crosswalk_meta {
	const char *from_id, *to_id; /* the two editions, older first */
	const char *source;          /* may be NULL */
	const char *path;            /* the file it was loaded from, or the given name */
	pdx_status status;
} pdx_crosswalk_meta;

/* One criterion of `from` and its counterpart in `to`. */
typedef struct pdx_crosswalk_pair {
	const pdx_criterion *from, *to;
	/* false when the question is the same but its points or rule changed: the answers
	 * compare, the points do not */
	bool points_comparable;
	const char *note; /* may be NULL */
} pdx_crosswalk_pair;

/* Loads a crosswalk between two loaded editions (which must outlive it): the schema,
 * then its from/to ids must be those of `from` and `to`, every criterion it names must
 * exist on its side, and no criterion may be paired twice. Problems go to `diags` with
 * file and line. 0 with *out, or PDX_EIO, PDX_EINVALID, PDX_ENOMEM. */
PDX_EXTERN int pdx_crosswalk_load_file(pdx_crosswalk **out, const char *path,
                                       const pdx_rubric *from, const pdx_rubric *to,
                                       pdx_diags *diags);
PDX_EXTERN int pdx_crosswalk_load_memory(pdx_crosswalk **out, const char *data, size_t len,
                                         const char *name, const pdx_rubric *from,
                                         const pdx_rubric *to, pdx_diags *diags);
PDX_EXTERN void pdx_crosswalk_free(pdx_crosswalk *cw);

PDX_EXTERN const pdx_crosswalk_meta *pdx_crosswalk_meta_get(const pdx_crosswalk *cw);
PDX_EXTERN size_t pdx_crosswalk_pair_count(const pdx_crosswalk *cw);
/* Pairs in the order of `from`'s criteria; NULL past the end. */
PDX_EXTERN const pdx_crosswalk_pair *pdx_crosswalk_pair_at(const pdx_crosswalk *cw, size_t i);

/* The pair of criterion `c` of either edition, or NULL when it has no counterpart. */
PDX_EXTERN const pdx_crosswalk_pair *pdx_crosswalk_find(const pdx_crosswalk *cw,
                                                        const pdx_criterion *c);

/* Whether the crosswalk joins editions a and b, in either order. */
PDX_EXTERN bool pdx_crosswalk_joins(const pdx_crosswalk *cw, const pdx_rubric *a,
                                    const pdx_rubric *b);

/* Two crosswalks end to end (951 → 1827 and 1827 → 3560 make 951 → 3560): a criterion
 * of ab's first edition maps to one of bc's last when it maps to a criterion of the
 * middle edition that maps on (matched by id); its points compare when they do at both
 * steps and the two ends have the same maximum. The notes of the second step win. The
 * result refers to ab's and bc's outer editions only (which must outlive it), not to
 * ab or bc. PDX_EARG when ab does not end where bc starts; 0 or PDX_ENOMEM. */
PDX_EXTERN int pdx_crosswalk_chain(pdx_crosswalk **out, const pdx_crosswalk *ab,
                                   const pdx_crosswalk *bc);

/* The embedded RELAX NG schema (rubrics/crosswalk/crosswalk.rng), NUL-terminated. */
PDX_EXTERN const char *pdx_crosswalk_schema(void);

#ifdef __cplusplus
}
#endif

#endif
