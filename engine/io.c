/* SPDX-License-Identifier: MIT */
/* O_TMPFILE, linkat(), flock() and statfs() are Linux (or BSD) extensions. */
#define _GNU_SOURCE
/* Whole-file reads, and the output writer: a report is replaced in one step or not
 * at all, and a device or pipe is written directly. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* The test build of the CLI (tests/limits) compiles this file with PDX_TEST_HOOKS, to
 * stop the process at each step of a commit and kill it there, and with
 * PDX_TEST_NO_O_TMPFILE, to test the named-temporary path on a system that has
 * O_TMPFILE. Neither exists in the library that is built and installed. */
#if defined(O_TMPFILE) && !defined(PDX_TEST_NO_O_TMPFILE)
#define HAVE_O_TMPFILE 1
#endif

#ifdef PDX_TEST_HOOKS
#include <signal.h>
static void test_pause(const char *step)
{
	const char *want = getenv("PDX_TEST_OUTPUT_PAUSE");
	if (want && strcmp(want, step) == 0)
		raise(SIGSTOP);
}
#else
#define test_pause(step) ((void)0)
#endif

#define PROC_SUPER_MAGIC_ 0x9fa0 /* statfs f_type of /proc (linux/magic.h) */
#define OUTPUT_BUF_SIZE   65536
#define MAX_LINK_HOPS     40 /* as the kernel's own limit on symbolic links */

int pdx_read_all(char **out, size_t *len, const char *path, size_t max_bytes)
{
	*out = NULL;
	*len = 0;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return PDX_EIO;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (fd != STDIN_FILENO)
			close(fd);
		errno = EISDIR;
		return PDX_EIO;
	}
	/* a regular file too large is refused before a byte of it is read */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > max_bytes) {
		if (fd != STDIN_FILENO)
			close(fd);
		return PDX_EINVALID;
	}
	size_t cap = 65536, n = 0;
	char *buf = pdx_malloc(cap + 1);
	int rc = 0;
	while (buf) {
		if (n == cap) {
			if (cap > max_bytes) {
				rc = PDX_EINVALID;
				break;
			}
			char *p = pdx_realloc(buf, cap * 2 + 1);
			if (!p) {
				rc = PDX_ENOMEM;
				break;
			}
			buf = p;
			cap *= 2;
		}
		ssize_t k = read(fd, buf + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			rc = PDX_EIO;
			break;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	int saved = errno;
	if (fd != STDIN_FILENO)
		close(fd);
	if (!buf)
		return PDX_ENOMEM;
	if (!rc && n > max_bytes)
		rc = PDX_EINVALID;
	if (rc) {
		pdx_free(buf);
		errno = saved;
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

struct pdx_output {
	int fd;       /* where the bytes go; -1 once closed */
	int own_fd;   /* opened here, so closed here */
	int direct;   /* written in place: a device, pipe, FIFO or a caller's descriptor */
	int unnamed;  /* fd is an O_TMPFILE file without a name yet */
	int finished; /* committed or aborted */
	unsigned flags;
	char *path;    /* as the caller named it, for messages about a direct output */
	char *target;  /* the file to replace, symbolic links followed */
	char *dir;     /* its folder, where the temporary file is made */
	char *tmpname; /* the temporary file's name while it has one */
	int keep;      /* the target exists: its permissions and owner are kept */
	mode_t keep_mode;
	uid_t keep_uid;
	gid_t keep_gid;
	pdx_output_error err;
	char *err_path; /* owned copy behind err.path */
	size_t n;       /* bytes buffered */
	char buf[OUTPUT_BUF_SIZE];
};

/* Records the first failure; later calls return it again. */
static int fail(pdx_output *o, pdx_output_step step, int errnum, const char *path)
{
	if (!o->err.code) {
		o->err.code = PDX_EIO;
		o->err.errnum = errnum;
		o->err.step = step;
		if (path) {
			o->err_path = pdx_strdup(path);
			o->err.path = o->err_path;
		}
	}
	errno = o->err.errnum;
	return o->err.code;
}

/* The folder of `path` ("." for a bare name). */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return pdx_strdup(".");
	while (slash > path && slash[-1] == '/')
		slash--;
	if (slash == path)
		return pdx_strdup("/");
	return pdx_aprintf("%.*s", (int)(slash - path), path);
}

static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t k = write(fd, data + off, len - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			/* a descriptor left non-blocking by whoever started us: wait, do not
			 * drop bytes */
			struct pollfd p = {fd, POLLOUT, 0};
			if (poll(&p, 1, -1) < 0 && errno != EINTR)
				return -1;
			continue;
		}
		if (k < 0)
			return -1;
		if (k == 0) {
			errno = EIO;
			return -1;
		}
		off += (size_t)k;
	}
	return 0;
}

/* Same inode behind the open descriptor and the name: the name was not removed or
 * replaced by someone else meanwhile. */
static int same_file(int dirfd, const char *name, int fd)
{
	struct stat a, b;
	return fstat(fd, &a) == 0 && fstatat(dirfd, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Our temporary names: ".pressdx-PID-HEX.tmp". Hidden (a dot name) and unlike any
 * name a user would give a report. */
static int is_temp_name(const char *s)
{
	static const char prefix[] = ".pressdx-";
	if (strncmp(s, prefix, sizeof prefix - 1) != 0)
		return 0;
	s += sizeof prefix - 1;
	const char *p = s;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == s || *p != '-')
		return 0;
	s = ++p;
	while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))
		p++;
	return p - s == 8 && strcmp(p, ".tmp") == 0;
}

static char *temp_name(const pdx_output *o, unsigned attempt)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	/* unique enough to rarely collide; O_EXCL and linkat's EEXIST make it safe */
	uint32_t x = (uint32_t)ts.tv_nsec ^ (uint32_t)((uintptr_t)o >> 4) ^ (attempt * 2654435761u);
	return pdx_aprintf("%s/.pressdx-%ld-%08x.tmp", o->dir, (long)getpid(), (unsigned)x);
}

/* Removes the temporaries that killed writers left in `dir`: only names of our
 * pattern, only regular files of our own user, and only those no living process
 * holds. A writer holds an exclusive flock() on its temporary from before it has a
 * name until it is closed; the kernel drops the lock when the process dies, so a
 * temporary we can lock is stale. Best effort: failures change nothing else. */
static void clean_stale(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return;
	int lfd = dup(dfd); /* fdopendir takes one; the other stays for *at() calls */
	DIR *d = lfd >= 0 ? fdopendir(lfd) : NULL;
	if (!d) {
		if (lfd >= 0)
			close(lfd);
		close(dfd);
		return;
	}
	const struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_temp_name(e->d_name))
			continue;
		/* O_NONBLOCK: a FIFO someone planted under our name must not block us */
		int fd = openat(dfd, e->d_name,
		                O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			fd = openat(dfd, e->d_name,
			            O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			continue;
		struct stat st;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0 && same_file(dfd, e->d_name, fd))
			(void)unlinkat(dfd, e->d_name, 0);
		close(fd);
	}
	closedir(d);
	close(dfd);
}

/* Follows the symbolic links at the end of `path`, so that the file they lead to is
 * replaced and the links stay links. Sets *magic when a link lives in /proc (as
 * /dev/stdout → /proc/self/fd/1 does): its text is not a path to replace, so such an
 * output is written directly. Returns the final path (malloc'd), or NULL after
 * recording the error. */
static char *resolve(pdx_output *o, const char *path, int *magic)
{
	char *cur = pdx_strdup(path);
	for (int hops = 0; cur; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0) {
			/* not there yet: created in its folder, whose own problems (missing,
			 * not writable) are named when the temporary file is made there */
			if (errno == ENOENT)
				return cur;
			/* a folder on the way that is a file, or that we may not search, is
			 * the cause to name */
			int e = errno;
			char *d = e == ENOTDIR || e == EACCES ? dir_of(cur) : NULL;
			fail(o, PDX_OUTPUT_STEP_OPEN, e, d ? d : cur);
			pdx_free(d);
			pdx_free(cur);
			return NULL;
		}
		if (!S_ISLNK(st.st_mode))
			return cur;
		char *dir = dir_of(cur);
		struct statfs fs;
		if (dir && statfs(dir, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC_) {
			*magic = 1;
			pdx_free(dir);
			return cur;
		}
		if (hops == MAX_LINK_HOPS) {
			pdx_free(dir);
			fail(o, PDX_OUTPUT_STEP_OPEN, ELOOP, path);
			pdx_free(cur);
			return NULL;
		}
		size_t cap = (size_t)st.st_size + 2;
		char *text = dir ? pdx_malloc(cap) : NULL;
		ssize_t k = text ? readlink(cur, text, cap) : -1;
		char *next = NULL;
		if (k >= 0 && (size_t)k < cap) {
			text[k] = '\0';
			next = text[0] == '/' || strcmp(dir, ".") == 0
			           ? pdx_strdup(text)
			           : pdx_aprintf("%s/%s", dir, text);
		} else if (text && k >= 0) {
			errno = EAGAIN; /* the link changed while we read it */
		}
		int e = text ? errno : ENOMEM;
		pdx_free(text);
		pdx_free(dir);
		if (!next) {
			fail(o, PDX_OUTPUT_STEP_OPEN, e ? e : EIO, cur);
			pdx_free(cur);
			return NULL;
		}
		pdx_free(cur);
		cur = next;
	}
	fail(o, PDX_OUTPUT_STEP_OPEN, ENOMEM, path);
	return NULL;
}

static int open_direct(pdx_output *o, const char *path, int extra)
{
	o->direct = 1;
	o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | extra);
	if (o->fd < 0)
		return fail(o, PDX_OUTPUT_STEP_OPEN, errno, o->path);
	o->own_fd = 1;
	return 0;
}

/* The temporary file beside the target, locked (see clean_stale) and with the
 * target's permissions when it exists. New files are created with 0666 and the
 * kernel applies the umask: the library never calls umask(), which is process-wide. */
static int create_temp(pdx_output *o)
{
#ifdef HAVE_O_TMPFILE
	/* naming it later goes through /proc/self/fd: without /proc, use a named one */
	if (access("/proc/self/fd", X_OK) == 0) {
		int fd = open(o->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
		if (fd >= 0) {
			(void)flock(fd, LOCK_EX);
			o->fd = fd;
			o->own_fd = 1;
			o->unnamed = 1;
		} else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
			/* EOPNOTSUPP, EISDIR, EINVAL: no O_TMPFILE on this file system or
			 * kernel; anything else is a real reason not to write here */
			return fail(o, PDX_OUTPUT_STEP_OPEN, errno, o->dir);
		}
	}
#endif
	for (unsigned k = 0; o->fd < 0 && k < 100; k++) {
		char *name = temp_name(o, k);
		if (!name)
			return fail(o, PDX_OUTPUT_STEP_OPEN, ENOMEM, o->dir);
		int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0) {
			int e = errno;
			pdx_free(name);
			if (e == EEXIST)
				continue;
			return fail(o, PDX_OUTPUT_STEP_OPEN, e, o->dir);
		}
		(void)flock(fd, LOCK_EX);
		/* A cleaner in another process may have locked and removed the new name
		 * before we locked it: then start again with another name. */
		if (!same_file(AT_FDCWD, name, fd)) {
			close(fd);
			pdx_free(name);
			continue;
		}
		o->fd = fd;
		o->own_fd = 1;
		o->tmpname = name;
	}
	if (o->fd < 0)
		return fail(o, PDX_OUTPUT_STEP_OPEN, EEXIST, o->dir);
	test_pause("created");
	if (o->keep) {
		/* the owner first: chown() clears set-id bits that chmod() then restores */
		if (o->keep_uid != geteuid() || o->keep_gid != getegid())
			(void)!fchown(o->fd, o->keep_uid, o->keep_gid);
		if (fchmod(o->fd, o->keep_mode) != 0)
			return fail(o, PDX_OUTPUT_STEP_OPEN, errno, o->dir);
	}
	return 0;
}

static pdx_output *output_new(void)
{
	pdx_output *o = pdx_calloc(1, sizeof *o);
	if (o)
		o->fd = -1;
	return o;
}

int pdx_output_open_fd(pdx_output **out, int fd)
{
	*out = output_new();
	if (!*out)
		return PDX_ENOMEM;
	(*out)->fd = fd;
	(*out)->direct = 1;
	return 0;
}

int pdx_output_open(pdx_output **out, const char *path, unsigned flags)
{
	if (!path || strcmp(path, "-") == 0)
		return pdx_output_open_fd(out, STDOUT_FILENO);
	pdx_output *o = *out = output_new();
	if (!o)
		return PDX_ENOMEM;
	o->flags = flags;
	o->path = pdx_strdup(path);
	if (!o->path)
		return fail(o, PDX_OUTPUT_STEP_OPEN, ENOMEM, path);
	if (!*path)
		return fail(o, PDX_OUTPUT_STEP_OPEN, ENOENT, path);
	int magic = 0;
	o->target = resolve(o, path, &magic);
	if (!o->target)
		return o->err.code;
	if (magic)
		/* a regular file reached this way is the caller's own descriptor (a shell's
		 * `>` or `>>`): append, so that nothing already there is destroyed */
		return open_direct(o, path, O_APPEND);
	struct stat st;
	int exists = stat(o->target, &st) == 0;
	if (!exists && errno != ENOENT)
		return fail(o, PDX_OUTPUT_STEP_OPEN, errno, o->target);
	if (exists && S_ISDIR(st.st_mode))
		return fail(o, PDX_OUTPUT_STEP_OPEN, EISDIR, o->target);
	if (exists && !S_ISREG(st.st_mode))
		/* a terminal, FIFO, socket or device: replacing the node would break it
		 * (and /dev/null is not ours to replace) */
		return open_direct(o, o->target, 0);
	o->dir = dir_of(o->target);
	if (!o->dir)
		return fail(o, PDX_OUTPUT_STEP_OPEN, ENOMEM, o->target);
	/* before any refusal below, so that even a refused write tidies the folder */
	if (!(flags & PDX_OUTPUT_NO_TIDY))
		clean_stale(o->dir);
	if (exists) {
		if (flags & PDX_OUTPUT_NO_CLOBBER)
			return fail(o, PDX_OUTPUT_STEP_OPEN, EEXIST, o->target);
		/* A file its owner made read-only is not replaced behind their back (a
		 * rename would only need the folder to be writable); EROFS names a
		 * read-only file system. */
		if (faccessat(AT_FDCWD, o->target, W_OK, AT_EACCESS) != 0)
			return fail(o, PDX_OUTPUT_STEP_OPEN, errno, o->target);
		o->keep = 1;
		o->keep_mode = st.st_mode & 07777;
		o->keep_uid = st.st_uid;
		o->keep_gid = st.st_gid;
	}
	return create_temp(o);
}

static int flush(pdx_output *o)
{
	if (!o->n)
		return 0;
	if (write_all(o->fd, o->buf, o->n) != 0)
		return fail(o, PDX_OUTPUT_STEP_WRITE, errno, o->path);
	o->n = 0;
	test_pause("writing");
	return 0;
}

int pdx_output_write(pdx_output *o, const void *data, size_t len)
{
	if (!o || (!data && len))
		return PDX_EARG;
	if (o->err.code)
		return o->err.code;
	if (o->finished)
		return PDX_EARG;
	if (!len)
		return 0;
	if (len > sizeof o->buf - o->n) {
		int rc = flush(o);
		if (rc)
			return rc;
		if (len >= sizeof o->buf) {
			/* large pieces go straight through, without a copy */
			if (write_all(o->fd, data, len) != 0)
				return fail(o, PDX_OUTPUT_STEP_WRITE, errno, o->path);
			test_pause("writing");
			return 0;
		}
	}
	memcpy(o->buf + o->n, data, len);
	o->n += len;
	return 0;
}

/* Durability of the rename itself; some file systems refuse fsync on a folder, and the
 * file is already complete and in place, so failures are not reported. */
static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Gives the unnamed file a name: the target itself (no clobber: linkat fails if the
 * name exists) or a hidden temporary that is then renamed over the target. */
static int name_unnamed(pdx_output *o)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", o->fd);
	if (o->flags & PDX_OUTPUT_NO_CLOBBER) {
		if (linkat(AT_FDCWD, proc, AT_FDCWD, o->target, AT_SYMLINK_FOLLOW) != 0)
			return fail(o, PDX_OUTPUT_STEP_COMMIT, errno, o->target);
		o->unnamed = 0;
		test_pause("linked");
		return 0;
	}
	for (unsigned k = 0; k < 100; k++) {
		char *name = temp_name(o, k);
		if (!name)
			return fail(o, PDX_OUTPUT_STEP_COMMIT, ENOMEM, o->dir);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0) {
			o->tmpname = name;
			o->unnamed = 0;
			return 0;
		}
		int e = errno;
		pdx_free(name);
		if (e != EEXIST)
			return fail(o, PDX_OUTPUT_STEP_COMMIT, e, o->dir);
	}
	return fail(o, PDX_OUTPUT_STEP_COMMIT, EEXIST, o->dir);
}

int pdx_output_commit(pdx_output *o)
{
	if (!o)
		return PDX_EARG;
	if (o->err.code)
		return o->err.code;
	if (o->finished)
		return PDX_EARG;
	int rc = flush(o);
	if (rc)
		return rc;
	if (o->direct) {
		if (o->own_fd) {
			int fd = o->fd;
			o->fd = -1;
			if (close(fd) != 0 && errno != EINTR)
				return fail(o, PDX_OUTPUT_STEP_COMMIT, errno, o->path);
		}
		o->finished = 1;
		return 0;
	}
	test_pause("written");
	if (fsync(o->fd) != 0)
		return fail(o, PDX_OUTPUT_STEP_SYNC, errno, o->path);
	test_pause("synced");
	if (o->unnamed && (rc = name_unnamed(o)) != 0)
		return rc;
	if (o->tmpname) {
		if (o->flags & PDX_OUTPUT_NO_CLOBBER) {
			if (link(o->tmpname, o->target) != 0)
				return fail(o, PDX_OUTPUT_STEP_COMMIT, errno, o->target);
			test_pause("linked");
			(void)unlink(o->tmpname);
		} else {
			test_pause("linked");
			if (rename(o->tmpname, o->target) != 0)
				return fail(o, PDX_OUTPUT_STEP_COMMIT, errno, o->target);
		}
		pdx_free(o->tmpname);
		o->tmpname = NULL;
	}
	o->finished = 1;
	test_pause("renamed");
	sync_dir(o->dir);
	/* the data is synced and in place: a late close() error changes nothing */
	close(o->fd);
	o->fd = -1;
	return 0;
}

int pdx_output_abort(pdx_output *o)
{
	if (!o || o->finished)
		return 0;
	o->finished = 1;
	if (o->tmpname) {
		(void)unlink(o->tmpname);
		pdx_free(o->tmpname);
		o->tmpname = NULL;
	}
	if (o->own_fd && o->fd >= 0)
		close(o->fd); /* an unnamed temporary file vanishes with its descriptor */
	o->fd = -1;
	return 0;
}

const pdx_output_error *pdx_output_error_get(const pdx_output *o)
{
	static const pdx_output_error none = {0, 0, PDX_OUTPUT_STEP_NONE, NULL};
	return o ? &o->err : &none;
}

void pdx_output_free(pdx_output *o)
{
	if (!o)
		return;
	pdx_output_abort(o);
	pdx_free(o->tmpname);
	pdx_free(o->path);
	pdx_free(o->target);
	pdx_free(o->dir);
	pdx_free(o->err_path);
	pdx_free(o);
}

int pdx_write_atomic(const char *path, const char *data, size_t len)
{
	pdx_output *o;
	int rc = pdx_output_open(&o, path, 0);
	if (!rc)
		rc = pdx_output_write(o, data, len);
	if (!rc)
		rc = pdx_output_commit(o);
	int e = o ? pdx_output_error_get(o)->errnum : ENOMEM;
	pdx_output_free(o);
	if (rc)
		errno = e;
	return rc;
}
