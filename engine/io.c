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

int pdx_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = pdx_aprintf("%s.tmp-XXXXXX", path);
	if (!tmp)
		return PDX_ENOMEM;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return PDX_EIO;
	}
	/* mkstemp creates 0600; a report is an ordinary file that others may read. */
	(void)fchmod(fd, 0644);
	size_t off = 0;
	int ok = 1;
	while (off < len) {
		ssize_t k = write(fd, data + off, len - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			ok = 0;
			break;
		}
		off += (size_t)k;
	}
	if (ok && fsync(fd) != 0)
		ok = 0;
	if (close(fd) != 0)
		ok = 0;
	if (ok && rename(tmp, path) != 0)
		ok = 0;
	if (!ok) {
		int saved = errno;
		unlink(tmp);
		errno = saved;
	}
	free(tmp);
	return ok ? 0 : PDX_EIO;
}
