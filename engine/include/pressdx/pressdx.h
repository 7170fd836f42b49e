/* SPDX-License-Identifier: MIT */
/* pressdx — scoring of press agencies against the Vietnamese press digital
 * transformation maturity index. Umbrella header of libpressdx. */
#ifndef PRESSDX_H
#define PRESSDX_H

#include "analysis.h"
#include "answers.h"
#include "common.h"
#include "crosswalk.h"
#include "diag.h"
#include "history.h"
#include "io.h"
#include "plan.h"
#include "provinces.h"
#include "report.h"
#include "roster.h"
#include "rubric.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, e.g. "0.1.0". */
PDX_EXTERN const char *pdx_version(void);

#ifdef __cplusplus
}
#endif

#endif
