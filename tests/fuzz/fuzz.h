/* SPDX-License-Identifier: MIT */
/* Shared by the libFuzzer targets of pressdx and by their replay driver (replay.c).
 *
 * Each target defines LLVMFuzzerTestOneInput. Built with clang -fsanitize=fuzzer it is a
 * libFuzzer binary; built with the normal compiler and replay.c it replays files, so
 * that every `meson test` runs the seed corpus and the saved regressions.
 *
 * A target frees everything it allocates (a leak is a finding) and prints nothing;
 * only a failed FUZZ_CHECK prints, just before it aborts. */
#ifndef PDX_FUZZ_H
#define PDX_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property of the engine that every input must keep. When it does not hold the
 * input is a finding: say which property, then abort so that libFuzzer (or the
 * replay test) saves and reports the input. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__,      \
			        #cond);                                                            \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* The same for a property whose violation was found and reported but is not fixed
 * yet: a local run may skip it by name (FUZZ_IGNORE=name1,name2 in the environment)
 * to look for other findings. CI and the replay tests leave every check on. */
#define FUZZ_CHECK_NAMED(name, cond)                                                               \
	do {                                                                                       \
		if (!(cond) && !fuzz_ignored(name)) {                                              \
			fprintf(stderr, "%s:%d: fuzz check \"%s\" failed: %s\n", __FILE__,         \
			        __LINE__, name, #cond);                                            \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* Whether FUZZ_IGNORE names the check `name`. */
int fuzz_ignored(const char *name);

/* The library collects problems and never prints them. libxml2 prints what reaches its
 * generic error handler: fuzz_xml_watch() installs one that records instead (call it
 * before loading XML), fuzz_xml_check() fails the check "xml-prints" when anything
 * reached it. */
void fuzz_xml_watch(void);
void fuzz_xml_check(void);

/* The bundled rubric rubrics/951-2023.xml, loaded on first use and freed at exit.
 * Aborts when it does not load: that is a broken set-up, not a finding. */
const pdx_rubric *fuzz_rubric_951(void);

/* Every bundled plan (rubrics/plans/NAME.xml) loaded against fuzz_rubric_951(), in file
 * name order; loaded on first use, freed at exit. */
const pdx_plan *const *fuzz_plans(size_t *n);

/* `size` bytes as a NUL-terminated string (malloc'd; NULL when out of memory). */
char *fuzz_strndup(const uint8_t *data, size_t size);

/* Formats every diagnostic of `d` (the way the CLI prints them) and checks the fields
 * the API promises; returns the number of errors. */
size_t fuzz_walk_diags(const pdx_diags *d);

/* Checks that a report serialiser's output is what it promises: a NUL-terminated
 * document of *len bytes. JSON output must also parse. Frees `out`. */
void fuzz_check_report(int rc, char *out, size_t len, pdx_format fmt);

/* Checks the invariants of one scored result against its rubric: criterion points
 * within 0..max, components, pillars and total the sums of the criterion points, the
 * level the one the total reaches. */
void fuzz_check_result(const pdx_result *res);

/* Produces every report the library has for `results` (text, JSON, CSV; rankings,
 * summaries, roadmaps, a diff against `other` when given, and the targets of `plans`),
 * checks each and frees everything. */
void fuzz_all_reports(const pdx_rubric *r, pdx_result *const *results, size_t n,
                      pdx_result *const *other, size_t n_other, const pdx_plan *const *plans,
                      size_t n_plans);

#endif
