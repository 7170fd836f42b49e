/* SPDX-License-Identifier: MIT */
/* The command's own messages in the user's language (issue 12, §4).
 *
 * A message is written once, in English, marked N_("…") where it is used; its
 * Vietnamese is in po/vi.po, the catalogue translators work on (xgettext extracts the
 * marked strings, msgfmt --check checks the translations: tests/readme/check-po.py).
 * The catalogue is compiled into a table at build time (po/po2c.py), and looked up by
 * the language cli_lang names, never through the process locale: setlocale and
 * LANGUAGE tricks are not for a library, and a vi locale need not be installed. */
#ifndef PRESSDX_CLI_MSG_H
#define PRESSDX_CLI_MSG_H

#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

/* Marks an English message for extraction; it is the key of its translation. */
#define N_(s) s

/* The Vietnamese of `en`, or `en` itself when the catalogue has none. */
const char *cli_tr(const char *en);

/* Writes prefix (not translated, e.g. "pressdx score: "), then the message formatted in
 * cli_lang: Vietnamese, English, or "Vietnamese (English)"; then a newline. The two
 * texts take the same arguments in the same order (msgfmt --check-format sees to it). */
void cli_vsay(FILE *f, const char *prefix, const char *en_fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
void cli_say(FILE *f, const char *prefix, const char *en_fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* cli_say with the prefix "pressdx CMD: " (CMD "" gives "pressdx: "), on stderr: how a
 * command reports a problem that is not a usage error. */
void cli_err(const char *cmd, const char *en_fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same for a warning: "pressdx CMD: warning: …", the word as the library's
 * diagnostics write it (cảnh báo, warning, cảnh báo/warning). */
void cli_warn(const char *cmd, const char *en_fmt, ...) __attribute__((format(printf, 2, 3)));

/* The message alone, without prefix or newline: for a line made of several messages
 * (e.g. "cannot write FILE: " and then the cause), so that in both languages each part
 * reads "Vietnamese (English)" next to its own translation. */
void cli_vput(FILE *f, const char *en_fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void cli_put(FILE *f, const char *en_fmt, ...) __attribute__((format(printf, 2, 3)));

/* A help text (a command's --help), given as its pieces (English, NULL-terminated),
 * printed one after the other: in Vietnamese, in English, or for both the Vietnamese,
 * a blank line, then the English. Whole paragraphs each, not "vi (en)" lines: a reader
 * takes in one language at a time. */
void cli_help(FILE *f, const char *const *pieces);

/* A usage error of command `cmd` from the catalogue: "pressdx CMD: message", then the
 * pointer to CMD --help, in cli_lang; returns 2, the exit status of usage errors. */
int cli_usage(const char *cmd, const char *en_fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
