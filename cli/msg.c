/* SPDX-License-Identifier: MIT */
/* The command's own messages in the user's language: see msg.h. */
#include "msg.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "vi_catalog.h"

static int by_english(const void *key, const void *entry)
{
	return strcmp(key, ((const cli_catalog_entry *)entry)->en);
}

const char *cli_tr(const char *en)
{
	const cli_catalog_entry *e =
	    bsearch(en, cli_vi_catalog, cli_vi_catalog_size, sizeof *cli_vi_catalog, by_english);
	return e ? e->vi : en;
}

void cli_vput(FILE *f, const char *en_fmt, va_list ap)
{
	/* (neither is ever NULL; said for the compiler, which under -fsanitize=undefined
	 * follows a path where they are and warns of a null format) */
	if (!en_fmt)
		return;
	const char *vi_fmt = cli_tr(en_fmt);
	if (!vi_fmt)
		vi_fmt = en_fmt;
	if (cli_lang == PDX_LANG_EN) {
		vfprintf(f, en_fmt, ap);
	} else {
		va_list again;
		va_copy(again, ap);
		/* the format comes from the catalogue, checked against the English one by
		 * msgfmt --check-format */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		vfprintf(f, vi_fmt, again);
#pragma GCC diagnostic pop
		va_end(again);
		if (cli_lang == PDX_LANG_BOTH && vi_fmt != en_fmt) {
			fputs(" (", f);
			vfprintf(f, en_fmt, ap);
			fputc(')', f);
		}
	}
}

void cli_put(FILE *f, const char *en_fmt, ...)
{
	va_list ap;
	va_start(ap, en_fmt);
	cli_vput(f, en_fmt, ap);
	va_end(ap);
}

void cli_vsay(FILE *f, const char *prefix, const char *en_fmt, va_list ap)
{
	fputs(prefix, f);
	cli_vput(f, en_fmt, ap);
	fputc('\n', f);
}

void cli_say(FILE *f, const char *prefix, const char *en_fmt, ...)
{
	va_list ap;
	va_start(ap, en_fmt);
	cli_vsay(f, prefix, en_fmt, ap);
	va_end(ap);
}

/* "pressdx CMD: [WORD: ]message" on stderr (CMD "" gives "pressdx: "). */
__attribute__((format(printf, 3, 0))) static void cmd_vsay(const char *cmd, const char *word,
                                                           const char *en_fmt, va_list ap)
{
	fprintf(stderr, "pressdx%s%s: %s%s", *cmd ? " " : "", cmd, word ? word : "",
	        word ? ": " : "");
	cli_vput(stderr, en_fmt, ap);
	fputc('\n', stderr);
}

void cli_err(const char *cmd, const char *en_fmt, ...)
{
	va_list ap;
	va_start(ap, en_fmt);
	cmd_vsay(cmd, NULL, en_fmt, ap);
	va_end(ap);
}

void cli_warn(const char *cmd, const char *en_fmt, ...)
{
	va_list ap;
	va_start(ap, en_fmt);
	cmd_vsay(cmd,
	         cli_lang == PDX_LANG_VI   ? "cảnh báo"
	         : cli_lang == PDX_LANG_EN ? "warning"
	                                   : "cảnh báo/warning",
	         en_fmt, ap);
	va_end(ap);
}

void cli_help(FILE *f, const char *const *pieces)
{
	if (cli_lang != PDX_LANG_EN)
		for (size_t i = 0; pieces[i]; i++)
			fputs(cli_tr(pieces[i]), f);
	if (cli_lang == PDX_LANG_BOTH)
		fputc('\n', f);
	if (cli_lang != PDX_LANG_VI)
		for (size_t i = 0; pieces[i]; i++)
			fputs(pieces[i], f);
}
