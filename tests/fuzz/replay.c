/* SPDX-License-Identifier: MIT */
/* Replay driver: runs a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer, so that the seed corpus and the saved regressions run in every
 * `meson test` (and under the sanitizer and valgrind builds of CI).
 *
 *   fuzz-replay-<target> PATH...
 *
 * Each PATH is a file or a folder whose files (not sub-folders, not names starting
 * with '.') are replayed in name order. A path that does not exist is an error.
 *
 * Each input runs in a child process (fork), in a buffer of exactly its size, so that
 * one finding does not hide the next: every failing input is listed with its path,
 * and the exit status is 1 when any failed. The fixed inputs of the target (the
 * bundled rubric and plans) are loaded once, before the first fork, by running the
 * empty input. FUZZ_REPLAY_NOFORK=1 runs everything in one process (for a debugger);
 * FUZZ_REPLAY_VERBOSE=1 names each input as it runs. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

/* A finding must fail the test whatever the environment says (UBSan only reports by
 * default); UBSAN_OPTIONS in the environment still wins. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

static size_t replayed, failed;
static int no_fork;

/* Runs one input, in a child process unless no_fork. */
static void run(const char *path, const uint8_t *data, size_t len)
{
	if (getenv("FUZZ_REPLAY_VERBOSE"))
		fprintf(stderr, "replay %s (%zu bytes)\n", path, len);
	replayed++;
	if (no_fork) {
		LLVMFuzzerTestOneInput(data, len);
		return;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "%s: fork: %s\n", path, strerror(errno));
		failed++;
		return;
	}
	if (pid == 0) {
		LLVMFuzzerTestOneInput(data, len);
		exit(0); /* atexit handlers free the fixed inputs; LeakSanitizer runs */
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "%s: waitpid: %s\n", path, strerror(errno));
			failed++;
			return;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	failed++;
	if (WIFSIGNALED(status))
		fprintf(stderr, "FAILED %s (signal %d)\n", path, WTERMSIG(status));
	else
		fprintf(stderr, "FAILED %s (exit status %d)\n", path, WEXITSTATUS(status));
}

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 4096, len = 0;
	uint8_t *buf = malloc(cap);
	for (size_t got; buf && (got = fread(buf + len, 1, cap - len, f)) > 0;) {
		len += got;
		if (len == cap) {
			uint8_t *p = realloc(buf, cap *= 2);
			if (!p)
				free(buf);
			buf = p;
		}
	}
	int err = ferror(f);
	fclose(f);
	if (!buf || err) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(buf);
		return -1;
	}
	/* an exact-size copy, so that ASan sees any read past the end */
	uint8_t *exact = malloc(len ? len : 1);
	if (!exact) {
		free(buf);
		return -1;
	}
	if (len)
		memcpy(exact, buf, len);
	free(buf);
	run(path, exact, len);
	free(exact);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **paths = NULL;
	size_t n = 0;
	int rc = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (e->d_name[0] == '.')
			continue;
		char *path = pdx_aprintf("%s/%s", dir, e->d_name);
		char **p = path ? realloc(paths, (n + 1) * sizeof(*p)) : NULL;
		if (!p) {
			free(path);
			rc = -1;
			break;
		}
		paths = p;
		paths[n++] = path;
	}
	closedir(d);
	if (n)
		qsort(paths, n, sizeof(*paths), by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (rc == 0 && stat(paths[i], &st) == 0 && S_ISREG(st.st_mode))
			rc = replay_file(paths[i]);
		free(paths[i]);
	}
	free(paths);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s PATH...\n", argv[0]);
		return 2;
	}
	no_fork = getenv("FUZZ_REPLAY_NOFORK") != NULL;
	if (!no_fork) {
		static const uint8_t empty[1];
		LLVMFuzzerTestOneInput(empty, 0); /* loads the fixed inputs once */
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		int rc = S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : replay_file(argv[i]);
		if (rc)
			return 1;
	}
	if (replayed == 0) {
		fprintf(stderr, "no input to replay\n");
		return 1;
	}
	printf("replayed %zu inputs, %zu failed\n", replayed, failed);
	return failed ? 1 : 0;
}
