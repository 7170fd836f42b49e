/* SPDX-License-Identifier: MIT */
/* Unit tests of the output writer (engine/io.c): what a folder holds after a commit,
 * an abort or a failure; modes, the umask, symbolic links, devices, no-clobber, the
 * errors a message is built from, and the removal of stale temporaries.
 *
 * Built twice (tests/unit/meson.build): test_io with the library as it is, and
 * test_io_named with io.c compiled without O_TMPFILE, so that the named-temporary
 * path gets the same tests on a system that has O_TMPFILE. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

/* A fresh folder per test, removed with everything in it afterwards. */
static int setup_dir(void **state)
{
	char tmpl[] = "/tmp/pressdx-io-XXXXXX";
	char *d = mkdtemp(tmpl);
	if (!d)
		return -1;
	*state = strdup(d);
	return 0;
}

static int teardown_dir(void **state)
{
	char *d = *state;
	DIR *dir = opendir(d);
	const struct dirent *e;
	while (dir && (e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = unit_path(d, e->d_name);
		(void)unlink(p);
		(void)rmdir(p);
		free(p);
	}
	if (dir)
		closedir(dir);
	rmdir(d);
	free(d);
	return 0;
}

/* The names in `dir`, sorted and joined by spaces ("" when empty). */
static char *listing(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	assert_true(n >= 0);
	pdx_buf b = {0};
	pdx_buf_puts(&b, "");
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0) {
			if (b.len)
				pdx_buf_putc(&b, ' ');
			pdx_buf_puts(&b, names[i]->d_name);
		}
		free(names[i]);
	}
	free(names);
	char *out;
	size_t len;
	assert_int_equal(pdx_buf_finish(&b, &out, &len), 0);
	return out;
}

static void assert_listing(const char *dir, const char *want)
{
	char *got = listing(dir);
	assert_string_equal(got, want);
	free(got);
}

static void put(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
}

static void assert_content(const char *path, const char *want)
{
	size_t len;
	char *got = unit_slurp(path, &len);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(got, want, len);
	free(got);
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	return st.st_mode & 07777;
}

static int write_text(const char *path, const char *text, unsigned flags)
{
	pdx_output *o;
	int rc = pdx_output_open(&o, path, flags);
	if (!rc)
		rc = pdx_output_write(o, text, strlen(text));
	if (!rc)
		rc = pdx_output_commit(o);
	pdx_output_free(o);
	return rc;
}

static void test_new_file_in_pieces(void **state)
{
	const char *dir = *state;
	char *path = unit_path(dir, "r.json");
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, path, 0), 0);
	/* nothing a user sees before the commit: an unnamed file, or a hidden one on the
	 * path without O_TMPFILE (which also proves this build's io.c is the one tested) */
	char *before = listing(dir);
#ifdef PDX_TEST_NO_O_TMPFILE
	assert_int_equal(strncmp(before, ".pressdx-", 9), 0);
	assert_null(strchr(before, ' '));
#else
	assert_string_equal(before, "");
#endif
	free(before);
	/* small pieces through the buffer, and one larger than the buffer */
	size_t big = 200000;
	char *blob = malloc(big);
	assert_non_null(blob);
	for (size_t i = 0; i < big; i++)
		blob[i] = (char)('a' + i % 26);
	assert_int_equal(pdx_output_write(o, "head,", 5), 0);
	assert_int_equal(pdx_output_write(o, blob, big), 0);
	assert_int_equal(pdx_output_write(o, ",tail", 5), 0);
	assert_int_equal(pdx_output_write(o, "", 0), 0);
	assert_int_equal(pdx_output_commit(o), 0);
	assert_int_equal(pdx_output_error_get(o)->code, 0);
	pdx_output_free(o);
	assert_listing(dir, "r.json");
	size_t len;
	char *got = unit_slurp(path, &len);
	assert_int_equal(len, big + 10);
	assert_memory_equal(got, "head,", 5);
	assert_memory_equal(got + 5, blob, big);
	assert_memory_equal(got + 5 + big, ",tail", 5);
	free(got);
	free(blob);
	free(path);
}

/* The library never calls umask(): the kernel applies it to the 0666 it creates
 * with, on both paths. */
static void test_new_file_honours_umask(void **state)
{
	const char *dir = *state;
	static const mode_t masks[] = {022, 002, 027, 077};
	for (size_t i = 0; i < sizeof masks / sizeof *masks; i++) {
		char name[32];
		snprintf(name, sizeof name, "u%03o.csv", (unsigned)masks[i]);
		char *path = unit_path(dir, name);
		mode_t old = umask(masks[i]);
		int rc = write_text(path, "x\n", 0);
		umask(old);
		assert_int_equal(rc, 0);
		assert_int_equal(mode_of(path), 0666 & ~masks[i]);
		free(path);
	}
}

static void test_replace_keeps_mode_and_is_a_new_inode(void **state)
{
	const char *dir = *state;
	char *path = unit_path(dir, "r.csv");
	put(path, "old\n", 0600);
	struct stat a, b;
	assert_int_equal(stat(path, &a), 0);
	mode_t old = umask(0);
	assert_int_equal(write_text(path, "new\n", 0), 0);
	umask(old);
	assert_int_equal(stat(path, &b), 0);
	assert_content(path, "new\n");
	/* the permissions of the file it replaces, not 0666 less the umask */
	assert_int_equal(b.st_mode & 07777, 0600);
	/* replaced in one step by another file, never rewritten in place */
	assert_true(a.st_ino != b.st_ino);
	assert_listing(dir, "r.csv");
	free(path);
}

static void test_abort_and_free_leave_the_target(void **state)
{
	const char *dir = *state;
	char *path = unit_path(dir, "r.csv");
	put(path, "old\n", 0644);
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, path, 0), 0);
	assert_int_equal(pdx_output_write(o, "new\n", 4), 0);
	assert_int_equal(pdx_output_abort(o), 0);
	/* after an abort, writes and commits are refused; a second abort is harmless */
	assert_int_equal(pdx_output_write(o, "x", 1), PDX_EARG);
	assert_int_equal(pdx_output_commit(o), PDX_EARG);
	assert_int_equal(pdx_output_abort(o), 0);
	pdx_output_free(o);
	assert_content(path, "old\n");
	assert_listing(dir, "r.csv");
	/* freeing without a commit aborts */
	assert_int_equal(pdx_output_open(&o, path, 0), 0);
	assert_int_equal(pdx_output_write(o, "new\n", 4), 0);
	pdx_output_free(o);
	assert_content(path, "old\n");
	assert_listing(dir, "r.csv");
	pdx_output_free(NULL);
	free(path);
}

static void test_no_clobber(void **state)
{
	const char *dir = *state;
	char *path = unit_path(dir, "phieu.csv");
	/* absent: created */
	assert_int_equal(write_text(path, "one\n", PDX_OUTPUT_NO_CLOBBER), 0);
	assert_content(path, "one\n");
	/* present: refused when opening, the file untouched */
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, path, PDX_OUTPUT_NO_CLOBBER), PDX_EIO);
	const pdx_output_error *e = pdx_output_error_get(o);
	assert_int_equal(e->errnum, EEXIST);
	assert_int_equal(e->step, PDX_OUTPUT_STEP_OPEN);
	assert_string_equal(e->path, path);
	pdx_output_free(o);
	assert_content(path, "one\n");
	/* appearing between open and commit: the link into place fails, race-free */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(pdx_output_open(&o, path, PDX_OUTPUT_NO_CLOBBER), 0);
	assert_int_equal(pdx_output_write(o, "mine\n", 5), 0);
	put(path, "theirs\n", 0644);
	assert_int_equal(pdx_output_commit(o), PDX_EIO);
	assert_int_equal(pdx_output_error_get(o)->errnum, EEXIST);
	assert_int_equal(pdx_output_error_get(o)->step, PDX_OUTPUT_STEP_COMMIT);
	pdx_output_free(o);
	assert_content(path, "theirs\n");
	assert_listing(dir, "phieu.csv");
	free(path);
}

static void test_symlinks_are_followed(void **state)
{
	const char *dir = *state;
	char *real = unit_path(dir, "real.csv");
	char *l1 = unit_path(dir, "l1.csv");
	char *l2 = unit_path(dir, "l2.csv");
	put(real, "old\n", 0640);
	/* two hops, relative texts: l2 → l1 → real.csv */
	assert_int_equal(symlink("real.csv", l1), 0);
	assert_int_equal(symlink("l1.csv", l2), 0);
	assert_int_equal(write_text(l2, "new\n", 0), 0);
	assert_content(real, "new\n");
	assert_int_equal(mode_of(real), 0640);
	struct stat st;
	assert_int_equal(lstat(l1, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(l2, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	/* a dangling link: the file it names is created; no clobber applies to it */
	char *dangling = unit_path(dir, "d.csv");
	char *created = unit_path(dir, "created.csv");
	assert_int_equal(symlink("created.csv", dangling), 0);
	assert_int_equal(write_text(dangling, "fresh\n", PDX_OUTPUT_NO_CLOBBER), 0);
	assert_content(created, "fresh\n");
	assert_int_equal(lstat(dangling, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_listing(dir, "created.csv d.csv l1.csv l2.csv real.csv");
	/* a loop is an error, not a hang */
	char *loop = unit_path(dir, "loop");
	assert_int_equal(symlink("loop", loop), 0);
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, loop, 0), PDX_EIO);
	assert_int_equal(pdx_output_error_get(o)->errnum, ELOOP);
	pdx_output_free(o);
	free(loop);
	free(dangling);
	free(created);
	free(real);
	free(l1);
	free(l2);
}

static void test_devices_are_written_directly(void **state)
{
	(void)state;
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, "/dev/null", 0), 0);
	assert_int_equal(pdx_output_write(o, "x", 1), 0);
	assert_int_equal(pdx_output_commit(o), 0);
	pdx_output_free(o);
	struct stat st;
	assert_int_equal(lstat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	/* no clobber concerns regular files only */
	assert_int_equal(pdx_output_open(&o, "/dev/null", PDX_OUTPUT_NO_CLOBBER), 0);
	pdx_output_free(o);
	/* /dev/full: the error surfaces when the buffer is written, with its errno */
	if (access("/dev/full", W_OK) != 0)
		return;
	assert_int_equal(pdx_output_open(&o, "/dev/full", 0), 0);
	assert_int_equal(pdx_output_write(o, "report\n", 7), 0);
	assert_int_equal(pdx_output_commit(o), PDX_EIO);
	const pdx_output_error *e = pdx_output_error_get(o);
	assert_int_equal(e->errnum, ENOSPC);
	assert_int_equal(e->step, PDX_OUTPUT_STEP_WRITE);
	assert_string_equal(e->path, "/dev/full");
	/* the first error sticks */
	assert_int_equal(pdx_output_write(o, "x", 1), PDX_EIO);
	assert_int_equal(pdx_output_error_get(o)->errnum, ENOSPC);
	pdx_output_free(o);
}

/* A terminal (here a pseudo-terminal) is written directly, as the user watching it
 * expects; nothing is created beside it. */
static void test_terminal(void **state)
{
	(void)state;
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
		if (master >= 0)
			close(master);
		skip();
	}
	const char *name = ptsname(master);
	assert_non_null(name);
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, name, 0), 0);
	assert_int_equal(pdx_output_write(o, "on screen", 9), 0);
	assert_int_equal(pdx_output_commit(o), 0);
	pdx_output_free(o);
	char buf[32] = {0};
	assert_int_equal(read(master, buf, sizeof buf - 1), 9);
	assert_string_equal(buf, "on screen");
	struct stat st;
	assert_int_equal(stat(name, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	close(master);
}

static void test_fifo_and_fd(void **state)
{
	const char *dir = *state;
	char *fifo = unit_path(dir, "f");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* a reader first, so that opening for writing does not wait */
	int r = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(r >= 0);
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, fifo, 0), 0);
	assert_int_equal(pdx_output_write(o, "via fifo", 8), 0);
	assert_int_equal(pdx_output_commit(o), 0);
	pdx_output_free(o);
	char buf[16] = {0};
	assert_int_equal(read(r, buf, sizeof buf), 8);
	assert_string_equal(buf, "via fifo");
	close(r);
	struct stat st;
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	free(fifo);
	/* a caller's descriptor: written, never closed */
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(pdx_output_open_fd(&o, p[1]), 0);
	assert_int_equal(pdx_output_write(o, "via fd", 6), 0);
	assert_int_equal(pdx_output_commit(o), 0);
	assert_null(pdx_output_error_get(o)->path);
	pdx_output_free(o);
	assert_int_equal(write(p[1], "!", 1), 1); /* still open */
	memset(buf, 0, sizeof buf);
	assert_int_equal(read(p[0], buf, sizeof buf), 7);
	assert_string_equal(buf, "via fd!");
	close(p[0]);
	/* a pipe whose reader is gone: EPIPE, as the CLI sees it (it ignores SIGPIPE) */
	assert_int_equal(pipe(p), 0);
	close(p[0]);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	assert_int_equal(pdx_output_open_fd(&o, p[1]), 0);
	assert_int_equal(pdx_output_write(o, "x", 1), 0);
	assert_int_equal(pdx_output_commit(o), PDX_EIO);
	assert_int_equal(pdx_output_error_get(o)->errnum, EPIPE);
	pdx_output_free(o);
	signal(SIGPIPE, old);
	close(p[1]);
}

static void expect_open_error(const char *path, int errnum, const char *about)
{
	pdx_output *o;
	assert_int_equal(pdx_output_open(&o, path, 0), PDX_EIO);
	const pdx_output_error *e = pdx_output_error_get(o);
	assert_int_equal(e->code, PDX_EIO);
	assert_int_equal(e->errnum, errnum);
	assert_int_equal(e->step, PDX_OUTPUT_STEP_OPEN);
	assert_string_equal(e->path, about);
	/* write and commit return the same error; free still works */
	assert_int_equal(pdx_output_write(o, "x", 1), PDX_EIO);
	assert_int_equal(pdx_output_commit(o), PDX_EIO);
	pdx_output_free(o);
}

/* The path in the error is the one to name: the missing folder, the file that is not
 * a folder, the folder given as a file. */
static void test_errors_name_the_cause(void **state)
{
	const char *dir = *state;
	char *missing = unit_path(dir, "no-folder/r.csv");
	char *missing_dir = unit_path(dir, "no-folder");
	expect_open_error(missing, ENOENT, missing_dir);
	char *file = unit_path(dir, "notes.txt");
	put(file, "x\n", 0644);
	char *under_file = unit_path(dir, "notes.txt/r.csv");
	expect_open_error(under_file, ENOTDIR, file);
	expect_open_error(dir, EISDIR, dir);
	expect_open_error("", ENOENT, "");
	/* a read-only file is not replaced (root may write it anyway) */
	if (geteuid() != 0) {
		char *ro = unit_path(dir, "ro.csv");
		put(ro, "keep\n", 0444);
		expect_open_error(ro, EACCES, ro);
		assert_content(ro, "keep\n");
		free(ro);
	}
	assert_listing(dir, geteuid() != 0 ? "notes.txt ro.csv" : "notes.txt");
	free(missing);
	free(missing_dir);
	free(file);
	free(under_file);
}

/* Temporaries left by killed writers are removed by the next output in the folder:
 * only names of our pattern, only files that no living writer holds locked. */
static void test_stale_temporaries_are_removed(void **state)
{
	const char *dir = *state;
	static const char *const names[] = {
	    ".pressdx-123-0000abcd.tmp", /* stale: ours, unlocked */
	    ".pressdx-9-deadbeef.tmp",   /* held by a live writer (the lock below) */
	    ".pressdx-1-abc.tmp",        /* not our pattern: 3 hex digits */
	    ".pressdx-x-0000abcd.tmp",   /* not our pattern: no pid */
	    "pressdx-123-0000abcd.tmp",  /* not hidden: not ours */
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char *p = unit_path(dir, names[i]);
		put(p, "left\n", 0600);
		free(p);
	}
	char *live = unit_path(dir, names[1]);
	int held = open(live, O_RDONLY);
	assert_true(held >= 0);
	assert_int_equal(flock(held, LOCK_EX), 0);
	/* a stale one that is a folder is not touched either */
	char *sub = unit_path(dir, ".pressdx-5-00000001.tmp");
	assert_int_equal(mkdir(sub, 0700), 0);
	char *path = unit_path(dir, "r.csv");
	/* asked not to tidy: everything stays */
	assert_int_equal(write_text(path, "first\n", PDX_OUTPUT_NO_TIDY), 0);
	assert_listing(dir, ".pressdx-1-abc.tmp .pressdx-123-0000abcd.tmp .pressdx-5-00000001.tmp "
	                    ".pressdx-9-deadbeef.tmp .pressdx-x-0000abcd.tmp "
	                    "pressdx-123-0000abcd.tmp r.csv");
	assert_int_equal(write_text(path, "new\n", 0), 0);
	assert_listing(dir, ".pressdx-1-abc.tmp .pressdx-5-00000001.tmp .pressdx-9-deadbeef.tmp "
	                    ".pressdx-x-0000abcd.tmp pressdx-123-0000abcd.tmp r.csv");
	/* once its writer is gone, the next output removes it too; a refused output
	 * (no clobber onto an existing file) tidies as well */
	close(held);
	assert_int_equal(write_text(path, "again\n", PDX_OUTPUT_NO_CLOBBER), PDX_EIO);
	assert_listing(dir, ".pressdx-1-abc.tmp .pressdx-5-00000001.tmp .pressdx-x-0000abcd.tmp "
	                    "pressdx-123-0000abcd.tmp r.csv");
	assert_content(path, "new\n");
	rmdir(sub);
	free(sub);
	free(live);
	free(path);
}

static void test_write_atomic(void **state)
{
	const char *dir = *state;
	char *path = unit_path(dir, "a.txt");
	assert_int_equal(pdx_write_atomic(path, "abc", 3), 0);
	assert_content(path, "abc");
	char *bad = unit_path(dir, "no/a.txt");
	errno = 0;
	assert_int_equal(pdx_write_atomic(bad, "abc", 3), PDX_EIO);
	assert_int_equal(errno, ENOENT);
	assert_listing(dir, "a.txt");
	free(bad);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_new_file_in_pieces, setup_dir, teardown_dir),
	    cmocka_unit_test_setup_teardown(test_new_file_honours_umask, setup_dir, teardown_dir),
	    cmocka_unit_test_setup_teardown(test_replace_keeps_mode_and_is_a_new_inode, setup_dir,
	                                    teardown_dir),
	    cmocka_unit_test_setup_teardown(test_abort_and_free_leave_the_target, setup_dir,
	                                    teardown_dir),
	    cmocka_unit_test_setup_teardown(test_no_clobber, setup_dir, teardown_dir),
	    cmocka_unit_test_setup_teardown(test_symlinks_are_followed, setup_dir, teardown_dir),
	    cmocka_unit_test_setup_teardown(test_devices_are_written_directly, setup_dir,
	                                    teardown_dir),
	    cmocka_unit_test_setup_teardown(test_terminal, setup_dir, teardown_dir),
	    cmocka_unit_test_setup_teardown(test_fifo_and_fd, setup_dir, teardown_dir),
	    cmocka_unit_test_setup_teardown(test_errors_name_the_cause, setup_dir, teardown_dir),
	    cmocka_unit_test_setup_teardown(test_stale_temporaries_are_removed, setup_dir,
	                                    teardown_dir),
	    cmocka_unit_test_setup_teardown(test_write_atomic, setup_dir, teardown_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
