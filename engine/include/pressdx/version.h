/* SPDX-License-Identifier: MIT */
/* pressdx — the version of the headers a program is compiled with.
 *
 * pdx_version() gives the version of the library a program runs with; the two differ
 * when a program built against one release runs with another of the same soname.
 * meson.build's project version must be the same string: tests/unit/test_version.c
 * checks it. What changes the soname is written in the README ("Library API and ABI"):
 * a removed or changed function or a changed transparent struct bumps it; an added
 * function bumps the minor version only. */
#ifndef PRESSDX_VERSION_H
#define PRESSDX_VERSION_H

#define PDX_VERSION_MAJOR  0
#define PDX_VERSION_MINOR  1
#define PDX_VERSION_PATCH  0
#define PDX_VERSION_STRING "0.1.0"

/* One number to compare with: PDX_VERSION_NUMBER >= PDX_VERSION_AT(0, 2, 0) */
#define PDX_VERSION_AT(major, minor, patch) ((major)*10000 + (minor)*100 + (patch))
#define PDX_VERSION_NUMBER                  PDX_VERSION_AT(PDX_VERSION_MAJOR, PDX_VERSION_MINOR, PDX_VERSION_PATCH)

#endif
