/* SPDX-License-Identifier: MIT */
/* pressdx — common types and error codes of libpressdx.
 *
 * Conventions of the whole API (as in libgit2): functions return 0 or a negative
 * PDX_E… code, out-parameters come first, every object that a function hands out
 * has a NULL-safe `_free`, and const getters return memory owned by the object.
 * Problems found in the user's files are not return codes: they are collected in a
 * pdx_diags list (see diag.h) so that one run reports every bad row at once.
 *
 * Arguments are checked, never trusted: a NULL object or an index past the end makes
 * a getter return NULL (a count 0, a find -1) and a function returning int return
 * PDX_EARG, with its out-parameters cleared; results handed to a report with the
 * rubric of another edition are refused with PDX_EINVALID (the figures come from each
 * result's own rubric). tests/api/test_args.c holds the library to this, under
 * AddressSanitizer and valgrind in CI.
 */
#ifndef PRESSDX_COMMON_H
#define PRESSDX_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the documented API. libpressdx is built with hidden visibility, so a function
 * without this marker is internal to the library whatever its name; the list of what
 * is exported is kept in tests/abi/libpressdx.symbols and compared with every build,
 * so that an export is always a decision (README, "Library API and ABI"). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define PDX_EXTERN __attribute__((visibility("default")))
#else
#define PDX_EXTERN
#endif

enum {
	PDX_OK = 0,
	PDX_ENOMEM = -1,   /* out of memory */
	PDX_EIO = -2,      /* a file could not be read or written */
	PDX_EINVALID = -3, /* the input is invalid; details are in the diagnostics */
	PDX_EARG = -4      /* a caller passed an impossible argument */
};

/* Points in hundredths: 81.06 points is 8106. The index rounds every criterion to
 * 0.01 and sums the rounded values, so integers are exact; no float ever decides a
 * maturity level. */
typedef int64_t pdx_points;

/* A decimal answer or band bound in billionths (1e-9). When the written number had
 * non-zero digits beyond the ninth decimal, `rest` is +1 or -1: the true value lies
 * strictly between nanos and nanos + rest (in billionths). That keeps comparisons
 * with bounds (which have at most 9 decimals, rest 0) and rounding exact. */
typedef struct pdx_decimal {
	int64_t nanos;
	int rest; /* -1, 0 or +1 */
} pdx_decimal;

#define PDX_DECIMAL_ONE INT64_C(1000000000)

/* Maturity status of a rubric element: from the decision's own text (official), from an
 * official publication about it such as the ministry's magazine (published, with its
 * source beside it), or filled in by the project until the annex is available. */
typedef enum { PDX_OFFICIAL = 0, PDX_PROVISIONAL = 1, PDX_PUBLISHED = 2 } pdx_status;

/* The language of a message for people: Vietnamese, English, or both on one line
 * ("vi (en)", the default). Chosen per call, never from the process locale. */
typedef enum { PDX_LANG_BOTH = 0, PDX_LANG_VI = 1, PDX_LANG_EN = 2 } pdx_lang;

/* Reads a language name: "vi", "en", "both", or a locale name that starts with one of
 * the first two ("vi_VN.UTF-8", "en_US"; also a LANGUAGE list, "vi:en", by its first
 * entry). 0 and *out set, or PDX_EINVALID for anything else (C, POSIX, "fr_FR"),
 * leaving *out alone. */
PDX_EXTERN int pdx_lang_parse(const char *name, pdx_lang *out);

/* Output formats of the report serialisers. HTML: a self-contained page. XLSX: an
 * Office Open XML workbook (binary bytes; one sheet per table), written through
 * libxlsxwriter, which needs a temporary file (in $TMPDIR, else /tmp) while it works. */
typedef enum {
	PDX_FORMAT_TEXT = 0,
	PDX_FORMAT_JSON,
	PDX_FORMAT_CSV,
	PDX_FORMAT_HTML,
	PDX_FORMAT_XLSX
} pdx_format;

/* A report format in a language: every function that takes a pdx_format (the reports,
 * the report writer, the history report) also reads from it the language of the
 * headings, labels and messages it writes for people; PDX_FORMAT_LANG(PDX_FORMAT_HTML,
 * PDX_LANG_EN) is the HTML report in English. A plain format is PDX_LANG_BOTH, today's
 * "vi (en)" form. Data (agency names, answers, the rubric's texts that have no English)
 * is written as it is; JSON keys and CSV column names never change with the language.
 * A language other than these three, like an unknown format, is PDX_EARG. */
#define PDX_FORMAT_LANG_SHIFT 8
#define PDX_FORMAT_LANG(fmt, lang)                                                                 \
	((pdx_format)((unsigned)(fmt) | ((unsigned)(lang) << PDX_FORMAT_LANG_SHIFT)))

/* Where libpressdx takes its memory from (see pdx_set_allocator). `realloc` must
 * accept NULL; a function returning NULL is an allocation failure, which every
 * function of the library reports as PDX_ENOMEM without leaking or crashing. */
typedef struct pdx_allocator {
	void *(*malloc)(size_t size, void *ctx);
	void *(*realloc)(void *ptr, size_t size, void *ctx);
	void (*free)(void *ptr, void *ctx);
	void *ctx;
} pdx_allocator;

/* Routes every allocation of the library through `a` (NULL: the C library's). A
 * process-wide setting, like sqlite3_config(SQLITE_CONFIG_MALLOC): set it before any
 * other call and never while library objects exist, since memory is freed by the
 * allocator that gave it. Not thread-safe. */
PDX_EXTERN void pdx_set_allocator(const pdx_allocator *a);

/* Frees memory the library handed out to the caller (a report, a formatted
 * diagnostic): with the library's allocator, whatever pdx_set_allocator chose.
 * NULL-safe. */
PDX_EXTERN void pdx_free(void *ptr);

/* Returns a static English text for a PDX_E… code. */
PDX_EXTERN const char *pdx_strerror(int code);

/* Formats `p` hundredths as "81.06" (always two decimals) into buf, NUL-terminated;
 * returns buf. buf must hold at least 24 bytes. */
PDX_EXTERN char *pdx_points_format(pdx_points p, char *buf, size_t size);

/* Formats `p` with at most two decimals and no trailing zeros ("81.06", "65.5",
 * "50"), as JSON numbers are written. buf must hold at least 24 bytes. */
PDX_EXTERN char *pdx_points_format_short(pdx_points p, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
