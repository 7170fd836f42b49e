/* SPDX-License-Identifier: MIT */
/* Where results go: -o FILE or standard output, through the library's writer, with the
 * checks that keep a user's files safe and messages that name the real cause. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static int to_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

int cli_output_check(const char *cmd, const char *output, const char *const *inputs, size_t n)
{
	struct stat out;
	/* an output that does not exist yet cannot be an input; one we may not stat is
	 * named by the open that follows */
	if (to_stdout(output) || stat(output, &out) != 0 || !S_ISREG(out.st_mode))
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (!inputs[i])
			continue;
		/* the same file by device and inode: also through a symbolic link, a
		 * hard link, "./x/../x", or standard input redirected from it */
		int ok =
		    strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(inputs[i], &st);
		if (ok != 0 || st.st_dev != out.st_dev || st.st_ino != out.st_ino)
			continue;
		if (strcmp(inputs[i], "-") == 0)
			cli_err(cmd,
			        N_("-o %s is the file read on standard input; an input is never "
			           "overwritten: choose another name"),
			        output);
		else
			cli_err(cmd,
			        N_("-o %s is the input file %s; an input is never overwritten: "
			           "choose another name"),
			        output, inputs[i]);
		return 2;
	}
	return 0;
}

/* The cause of a failed write, in cli_lang, naming `p` (the path the failing call was
 * about) where it helps. */
static void print_cause(int e, const char *p, const char *target)
{
	if (!p)
		p = target ? target : "-";
	switch (e) {
	case ENOENT:
		if (target && strcmp(p, target) != 0)
			cli_put(stderr, N_("folder %s does not exist"), p);
		else
			cli_put(stderr, N_("%s does not exist"), p);
		break;
	case ENOTDIR:
		cli_put(stderr, N_("%s is not a folder"), p);
		break;
	case EACCES:
	case EPERM:
		cli_put(stderr, N_("permission denied: %s"), p);
		break;
	case EROFS:
		cli_put(stderr, N_("%s is on a read-only file system"), p);
		break;
	case EISDIR:
		cli_put(stderr, N_("%s is a folder"), p);
		break;
	case ENOSPC:
		cli_put(stderr, N_("no space left on device"));
		break;
	case EDQUOT:
		cli_put(stderr, N_("disk quota exceeded"));
		break;
	case EPIPE:
		cli_put(stderr, N_("broken pipe: the reading end was closed"));
		break;
	case EIO:
		cli_put(stderr, N_("input/output error"));
		break;
	case ELOOP:
		cli_put(stderr, N_("too many levels of symbolic links: %s"), p);
		break;
	case ENAMETOOLONG:
		cli_put(stderr, N_("file name too long: %s"), p);
		break;
	case EEXIST:
		cli_put(stderr, N_("%s already exists"), p);
		break;
	case ENOMEM:
		cli_put(stderr, N_("out of memory"));
		break;
	default:
		/* strerror's text is the C library's, in the process locale */
		cli_put(stderr, N_("system error"));
		fprintf(stderr, ": %s: %s", p, strerror(e));
		break;
	}
}

static void print_failure(const char *cmd, const char *path, int e, const char *about)
{
	fprintf(stderr, "pressdx%s%s: ", *cmd ? " " : "", cmd);
	if (to_stdout(path))
		cli_put(stderr, N_("cannot write to standard output"));
	else
		cli_put(stderr, N_("cannot write %s"), path);
	fputs(": ", stderr);
	print_cause(e, about, to_stdout(path) ? NULL : path);
	fputc('\n', stderr);
}

static int report(const char *cmd, const char *path, const pdx_output *o, int rc)
{
	const pdx_output_error *err = pdx_output_error_get(o);
	if (rc == PDX_ENOMEM || err->code == PDX_ENOMEM)
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	else if (err->errnum == EEXIST && !to_stdout(path))
		/* PDX_OUTPUT_NO_CLOBBER, when opening or (a file that appeared meanwhile)
		 * when linking it into place */
		cli_err(cmd,
		        N_("%s already exists and is left as it is; use --force to replace it"),
		        path);
	else
		print_failure(cmd, path, err->errnum, err->path);
	return 2;
}

int cli_output_open(pdx_output **o, const char *cmd, const char *path, unsigned flags)
{
	/* what the command printed with stdio so far comes before the report */
	if (to_stdout(path))
		fflush(stdout);
	int rc = pdx_output_open(o, path, flags);
	if (!rc)
		return 0;
	report(cmd, path, *o, rc);
	pdx_output_free(*o);
	*o = NULL;
	return 2;
}

int cli_output_binary(const char *cmd, const char *path)
{
	if (!to_stdout(path) || !isatty(STDOUT_FILENO))
		return 0;
	cli_err(cmd, N_("a workbook is binary and is not written to a terminal: use -o FILE.xlsx"));
	return 2;
}

int cli_output_failed(pdx_output *o, const char *cmd, const char *path, int rc)
{
	return report(cmd, path, o, rc);
}

int cli_output_finish(pdx_output *o, const char *cmd, const char *path, const char *data,
                      size_t len)
{
	if (cli_oom)
		return 2; /* said already; the output stays uncommitted: nothing replaced */
	int rc = len ? pdx_output_write(o, data, len) : 0;
	if (!rc)
		rc = pdx_output_commit(o);
	return rc ? report(cmd, path, o, rc) : 0;
}

int cli_stdout_close(const char *cmd)
{
	/* Buffered stdio output (help, validate, rubrics) meets its write errors here:
	 * /dev/full, a closed pipe (SIGPIPE is ignored in main, so it is EPIPE). */
	errno = 0;
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (!bad)
		return 0;
	print_failure(cmd, NULL, e ? e : EIO, NULL);
	return 2;
}
