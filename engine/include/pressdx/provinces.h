/* SPDX-License-Identifier: MIT */
/* pressdx — the province map: Vietnam's provinces and cities before and after the 2025
 * arrangement (63 → 34, Nghị quyết 202/2025/QH15), loaded from data
 * (rubrics/provinces/provinces.xml), so that province cells written in many ways are
 * one name, and earlier years can be grouped under the province an agency belongs to
 * now. A loaded map is immutable; its strings live until pdx_provinces_free.
 */
#ifndef PRESSDX_PROVINCES_H
#define PRESSDX_PROVINCES_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pdx_provinces pdx_provinces;

/* Loads and checks a map file: the XML limits of a plan file, no DOCTYPE, the embedded
 * schema (rubrics/provinces/provinces.rng), then no two names or aliases with the same
 * key (see pdx_provinces_find). Returns 0 (*out owns the map), PDX_EIO, PDX_EINVALID
 * (problems in `diags`) or PDX_ENOMEM. */
PDX_EXTERN int pdx_provinces_load_file(pdx_provinces **out, const char *path, pdx_diags *diags);
PDX_EXTERN int pdx_provinces_load_memory(pdx_provinces **out, const char *data, size_t len,
                                         const char *name, pdx_diags *diags);
PDX_EXTERN void pdx_provinces_free(pdx_provinces *p);

/* The first assessment year on the new map (2025), and the map's source (the
 * resolution), as the file states them. */
PDX_EXTERN int pdx_provinces_new_map_from(const pdx_provinces *p);
PDX_EXTERN const char *pdx_provinces_source(const pdx_provinces *p);
/* Units on the earlier map (63) and on the new one (34). */
PDX_EXTERN size_t pdx_provinces_count(const pdx_provinces *p, bool new_map);

typedef enum pdx_province_status {
	PDX_PROVINCE_UNKNOWN = 0, /* on neither map of the year: name is NULL */
	PDX_PROVINCE_OK,          /* a unit of the map of the year */
	PDX_PROVINCE_FORMER       /* a unit of the earlier map, written for a year on the new
	                             one: name is the unit it is part of now */
} pdx_province_status;

typedef struct pdx_province_match {
	pdx_province_status status;
	const char *name;   /* the official name (without "tỉnh"/"thành phố"); NULL: unknown */
	const char *former; /* PDX_PROVINCE_FORMER: the earlier unit's name */
	const char *closest; /* PDX_PROVINCE_UNKNOWN: the nearest name of the year's map */
} pdx_province_match;

/* The province `written` names for an assessment of `year`: names are compared
 * without case, diacritics, punctuation, spaces and a leading "Tỉnh", "Thành phố",
 * "TP." ("TP. Hải Phòng" = "hai phong" = "Hải Phòng"), and aliases count. A year from
 * new_map_from is on the new map, an earlier one on the earlier map, year 0 on either
 * (the new first). With `to_now` the name is that of the unit of the new map the
 * province belongs to (Hải Dương 2024 → Hải Phòng). The strings live as long as p.
 * Returns 0, or PDX_ENOMEM (PDX_EINVALID for a NULL argument). */
PDX_EXTERN int pdx_provinces_find(const pdx_provinces *p, const char *written, int year,
                                  bool to_now, pdx_province_match *m);

/* Rewrites every assessment's province in `set` (read completely: call after the last
 * file) to its official name, or with `to_now` to the unit of the new map it belongs
 * to. A name on neither map stays as written, with a warning naming the closest one
 * (PDX_W_PROVINCE_UNKNOWN); a former unit written for a year on the new map is counted
 * as the unit it is part of, with a warning (PDX_W_PROVINCE_FORMER). Each warning is
 * given once per name as written and map, at the first assessment that has it, into
 * `diags`. Returns 0 or PDX_ENOMEM. */
PDX_EXTERN int pdx_provinces_apply(const pdx_provinces *p, pdx_answers *set, bool to_now,
                                   pdx_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
