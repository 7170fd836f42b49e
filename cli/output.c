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
			fprintf(
			    stderr,
			    "pressdx %s: -o %s là tệp đang được đọc qua đầu vào chuẩn; không ghi "
			    "đè tệp đầu vào, hãy chọn tên khác (-o %s is the file read on "
			    "standard input; an input is never overwritten: choose another "
			    "name)\n",
			    cmd, output, output);
		else
			fprintf(
			    stderr,
			    "pressdx %s: -o %s là tệp đầu vào %s; không ghi đè tệp đầu vào, hãy "
			    "chọn tên khác (-o %s is the input file %s; an input is never "
			    "overwritten: choose another name)\n",
			    cmd, output, inputs[i], output, inputs[i]);
		return 2;
	}
	return 0;
}

/* The cause of a failed write, in Vietnamese and English, naming `p` (the path the
 * failing call was about) where it helps. */
static void print_cause(int e, const char *p, const char *target)
{
	if (!p)
		p = target ? target : "-";
	switch (e) {
	case ENOENT:
		if (target && strcmp(p, target) != 0)
			fprintf(stderr, "không có thư mục %s (folder %s does not exist)", p, p);
		else
			fprintf(stderr, "không có %s (%s does not exist)", p, p);
		break;
	case ENOTDIR:
		fprintf(stderr, "%s không phải là thư mục (%s is not a folder)", p, p);
		break;
	case EACCES:
	case EPERM:
		fprintf(stderr, "không có quyền ghi vào %s (permission denied: %s)", p, p);
		break;
	case EROFS:
		fprintf(stderr,
		        "%s nằm trên hệ thống tệp chỉ đọc (%s is on a read-only file system)", p,
		        p);
		break;
	case EISDIR:
		fprintf(stderr, "%s là một thư mục (%s is a folder)", p, p);
		break;
	case ENOSPC:
		fputs("thiết bị đã hết chỗ trống (no space left on device)", stderr);
		break;
	case EDQUOT:
		fputs("đã vượt hạn mức dung lượng (disk quota exceeded)", stderr);
		break;
	case EPIPE:
		fputs("chương trình nhận kết quả đã đóng đường ống (broken pipe: the reading end "
		      "was closed)",
		      stderr);
		break;
	case EIO:
		fputs("lỗi vào/ra của thiết bị (input/output error)", stderr);
		break;
	case ELOOP:
		fprintf(stderr,
		        "quá nhiều liên kết tượng trưng ở %s (too many levels of symbolic links: "
		        "%s)",
		        p, p);
		break;
	case ENAMETOOLONG:
		fprintf(stderr, "tên quá dài: %s (file name too long: %s)", p, p);
		break;
	case EEXIST:
		fprintf(stderr, "%s đã có (%s already exists)", p, p);
		break;
	case ENOMEM:
		fputs("hết bộ nhớ (out of memory)", stderr);
		break;
	default:
		fprintf(stderr, "lỗi hệ thống (system error): %s: %s", p, strerror(e));
		break;
	}
}

static void print_failure(const char *cmd, const char *path, int e, const char *about)
{
	fprintf(stderr, "pressdx%s%s: ", *cmd ? " " : "", cmd);
	if (to_stdout(path))
		fputs("không ghi được ra đầu ra chuẩn (cannot write to standard output): ", stderr);
	else
		fprintf(stderr, "không ghi được %s (cannot write %s): ", path, path);
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
		fprintf(stderr,
		        "pressdx %s: %s đã có; không ghi đè, dùng --force nếu thật sự muốn thay "
		        "(%s already exists and is left as it is; use --force to replace it)\n",
		        cmd, path, path);
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
	fprintf(stderr,
	        "pressdx %s: không ghi bảng tính (tệp nhị phân) ra màn hình; hãy dùng -o TỆP.xlsx "
	        "(a workbook is binary and is not written to a terminal: use -o FILE.xlsx)\n",
	        cmd);
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
