/* O_TMPFILE and linkat() are Linux extensions. */
#define _GNU_SOURCE
/* Whole-file reads and atomic writes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

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
	char *buf = malloc(cap + 1);
	int rc = 0;
	while (buf) {
		if (n == cap) {
			if (cap > max_bytes) {
				rc = PDX_EINVALID;
				break;
			}
			char *p = realloc(buf, cap * 2 + 1);
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
		free(buf);
		errno = saved;
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t k = write(fd, data + off, len - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		off += (size_t)k;
	}
	return fsync(fd);
}

/* The folder of `path`, for an unnamed temporary file beside it. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return pdx_strdup(".");
	if (slash == path)
		return pdx_strdup("/");
	return pdx_aprintf("%.*s", (int)(slash - path), path);
}

int pdx_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = pdx_aprintf("%s.tmp-XXXXXX", path);
	char *dir = dir_of(path);
	if (!tmp || !dir) {
		free(tmp);
		free(dir);
		return PDX_ENOMEM;
	}
	int ok = 0, fd = -1;
#ifdef O_TMPFILE
	/* An unnamed file (Linux): killed at any point while writing, the process leaves
	 * nothing behind. Only once complete and synced does it get a name, which is then
	 * renamed over the target. */
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
	if (fd >= 0) {
		char proc[64];
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		ok = write_all(fd, data, len) == 0;
		for (unsigned k = 0; ok; k++) {
			char *name = pdx_aprintf("%s.tmp-%ld-%u", path, (long)getpid(), k);
			if (!name) {
				ok = 0;
				break;
			}
			if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0) {
				if (rename(name, path) != 0) {
					int saved = errno;
					unlink(name);
					errno = saved;
					ok = 0;
				}
				free(name);
				break;
			}
			free(name);
			if (errno != EEXIST || k > 100)
				ok = 0;
		}
		if (close(fd) != 0)
			ok = 0;
		free(tmp);
		free(dir);
		return ok ? 0 : PDX_EIO;
	}
#endif
	/* Elsewhere: a named temporary file, removed on any failure. */
	fd = mkstemp(tmp);
	if (fd >= 0) {
		(void)fchmod(fd, 0644); /* mkstemp creates 0600; a report is for others too */
		ok = write_all(fd, data, len) == 0;
		if (close(fd) != 0)
			ok = 0;
		if (ok && rename(tmp, path) != 0)
			ok = 0;
		if (!ok) {
			int saved = errno;
			unlink(tmp);
			errno = saved;
		}
	}
	free(tmp);
	free(dir);
	return ok ? 0 : PDX_EIO;
}
