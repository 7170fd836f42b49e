/* SPDX-License-Identifier: MIT */
/* Allocation-failure sweep, in the style of SQLite's: every allocation of the engine
 * goes through pdx_set_allocator, and for each command on a representative input this
 * program fails the Nth allocation (once), for every N of the run, in a child process.
 *
 * Each run must end in one of two ways:
 *   - a clean "out of memory" error: exit status 2, the message on stderr, and the -o
 *     target exactly as it was before the run;
 *   - or output byte-identical to the run without failure (same -o file, same stdout,
 *     same stderr, same exit status) — the failure was absorbed where it cannot change
 *     a result.
 * Never a crash, an abort, a hang, or a different score.
 *
 * Usage: oom [--stride K] [--offset J] [--only NAME] [--at N] -- CASE...
 * where each CASE is NAME=ARGS (the pressdx arguments, split on '|'; @OUT@ is replaced by
 * the -o target). With --stride K only every Kth N is tried (starting at J), so that a
 * quick run samples the whole range; CI runs the full sweep. */
#define _GNU_SOURCE
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pressdx/pressdx.h>

int pressdx_main(int argc, char **argv);

/* ---- the failing allocator (in the child) ---- */

static long long only_at; /* --at N: that allocation only, its stderr shown */
static long long counter, fail_at = -1;
static bool trace; /* --at N: where the failing allocation was asked for, on stderr */

static bool fails(void)
{
	if (++counter != fail_at)
		return false;
	if (trace) {
		void *frames[16];
		int n = backtrace(frames, 16);
		backtrace_symbols_fd(frames, n, 2);
	}
	return true;
}

static void *fail_malloc(size_t size, void *ctx)
{
	(void)ctx;
	return fails() ? NULL : malloc(size);
}

static void *fail_realloc(void *ptr, size_t size, void *ctx)
{
	(void)ctx;
	return fails() ? NULL : realloc(ptr, size);
}

static void fail_free(void *ptr, void *ctx)
{
	(void)ctx;
	free(ptr);
}

/* ---- files ---- */

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		*len = 0;
		return NULL;
	}
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t k;
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			char *p = realloc(buf, cap *= 2);
			if (!p) {
				free(buf);
				buf = NULL;
			}
			buf = p;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	int ok = fwrite(data, 1, len, f) == len;
	return fclose(f) == 0 && ok ? 0 : -1;
}

static bool same_file(const char *a, const char *b)
{
	size_t la, lb;
	char *x = slurp(a, &la), *y = slurp(b, &lb);
	bool same = (!x && !y) || (x && y && la == lb && memcmp(x, y, la) == 0);
	free(x);
	free(y);
	return same;
}

static bool contains(const char *path, const char *needle)
{
	size_t n;
	char *s = slurp(path, &n);
	bool found = s && memmem(s, n, needle, strlen(needle)) != NULL;
	free(s);
	return found;
}

/* ---- one run ---- */

typedef struct run {
	int status; /* exit status, or 128 + signal */
	long long allocations;
} run;

static const char *work;

static char *path_in(const char *name)
{
	size_t n = strlen(work) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", work, name);
	return p;
}

/* Runs pressdx with `argv` in a child, the Nth allocation failing (n < 0: none). The
 * child's stdout and stderr go to files named by `tag`; its allocation count comes back
 * through a pipe. */
static run run_once(char **argv, int argc, long long n, const char *tag)
{
	run r = {-1, -1};
	int fds[2];
	if (pipe(fds) != 0)
		return r;
	char out[64], err[64];
	snprintf(out, sizeof out, "%s.stdout", tag);
	snprintf(err, sizeof err, "%s.stderr", tag);
	char *po = path_in(out), *pe = path_in(err);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		int o = open(po, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int e = open(pe, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0)
			_exit(120);
		close(o);
		close(e);
		free(po); /* what is left of the parent's, freed: LeakSanitizer sees only ours */
		free(pe);
		alarm(60);
		fail_at = n;
		trace = only_at > 0;
		pdx_allocator a = {fail_malloc, fail_realloc, fail_free, NULL};
		pdx_set_allocator(&a);
		int rc = pressdx_main(argc, argv);
		fflush(NULL);
		if (write(fds[1], &counter, sizeof counter) != (ssize_t)sizeof counter)
			_exit(121);
		exit(rc); /* not _exit: LeakSanitizer, when built in, checks what a failed run left
		           */
	}
	close(fds[1]);
	int st = 0;
	if (pid > 0 && waitpid(pid, &st, 0) == pid) {
		r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		if (read(fds[0], &r.allocations, sizeof r.allocations) !=
		    (ssize_t)sizeof r.allocations)
			r.allocations = -1;
	}
	close(fds[0]);
	free(po);
	free(pe);
	return r;
}

/* ---- findings, one line per kind (what went wrong and the first line of stderr) ---- */

#define MAX_KINDS 40
static struct {
	char key[400];
	long long first, count;
	int status;
} kinds[MAX_KINDS];
static int n_kinds;
static const char *kinds_case;

static void flush_reports(void)
{
	for (int k = 0; k < n_kinds; k++)
		fprintf(stderr, "%s: %lld× (first: allocation %lld, exit %d): %s\n", kinds_case,
		        kinds[k].count, kinds[k].first, kinds[k].status, kinds[k].key);
	n_kinds = 0;
}

static void report(const char *name, long long n, long long total, const char *why, int status,
                   const char *err_path)
{
	(void)total;
	kinds_case = name;
	size_t len;
	char *e = slurp(err_path, &len);
	char line[300] = "";
	if (e) {
		size_t k = 0;
		while (k < len && k < sizeof line - 1 && e[k] != '\n')
			k++;
		memcpy(line, e, k);
		line[k] = '\0';
	}
	free(e);
	char key[400];
	snprintf(key, sizeof key, "%s | %s", why, line);
	for (int k = 0; k < n_kinds; k++)
		if (strcmp(kinds[k].key, key) == 0) {
			kinds[k].count++;
			return;
		}
	if (n_kinds < MAX_KINDS) {
		snprintf(kinds[n_kinds].key, sizeof kinds[n_kinds].key, "%s", key);
		kinds[n_kinds].first = n;
		kinds[n_kinds].count = 1;
		kinds[n_kinds].status = status;
		n_kinds++;
	}
}

/* ---- a case ---- */

#define MAX_ARGS 64
static const char old_report[] = "an earlier report that must survive a failed run\n";

static int sweep(const char *name, const char *spec, long long stride, long long offset)
{
	char *copy = strdup(spec), *argv[MAX_ARGS + 2];
	char *target = path_in("target.out");
	int argc = 0;
	argv[argc++] = (char *)"pressdx";
	for (char *save = NULL, *t = strtok_r(copy, "|", &save); t && argc < MAX_ARGS;
	     t = strtok_r(NULL, "|", &save))
		argv[argc++] = strcmp(t, "@OUT@") == 0 ? target : t;
	argv[argc] = NULL;

	/* the reference: no failure */
	write_file(target, old_report, sizeof old_report - 1);
	run ref = run_once(argv, argc, -1, "ref");
	char *ref_out = path_in("ref.out");
	rename(target, ref_out);
	if (ref.status < 0 || ref.status > 2 || ref.allocations <= 0) {
		fprintf(stderr, "%s: the reference run failed (status %d, %lld allocations)\n",
		        name, ref.status, ref.allocations);
		return 1;
	}
	int failures = 0;
	long long tried = 0, clean_oom = 0, absorbed = 0;
	char *ref_stdout = path_in("ref.stdout"), *ref_stderr = path_in("ref.stderr");
	char *got_stdout = path_in("got.stdout"), *got_stderr = path_in("got.stderr");
	long long first = 1 + offset, last = ref.allocations;
	if (only_at > 0)
		first = last = only_at, stride = 1;
	for (long long n = first; n <= last; n += stride) {
		write_file(target, old_report, sizeof old_report - 1);
		run r = run_once(argv, argc, n, "got");
		tried++;
		if (only_at > 0) {
			size_t len;
			char *e = slurp(got_stderr, &len);
			fprintf(stderr, "allocation %lld: exit %d, stderr:\n%.*s", n, r.status,
			        (int)len, e ? e : "");
			free(e);
		}
		const char *why = NULL;
		if (r.status >= 128)
			why = "crashed";
		else if (r.status == 2 && contains(got_stderr, "hết bộ nhớ (out of memory)")) {
			struct stat st;
			if (stat(target, &st) == 0 &&
			    !(st.st_size == (off_t)(sizeof old_report - 1) &&
			      contains(target, old_report)))
				why = "out of memory, but the -o target was changed";
			else
				clean_oom++;
		} else if (r.status != ref.status)
			why = "a different exit status without an out-of-memory error";
		else if (!same_file(target, ref_out))
			why = "a different -o file";
		else if (!same_file(got_stdout, ref_stdout))
			why = "a different stdout";
		else if (!same_file(got_stderr, ref_stderr))
			why = "a different stderr";
		else
			absorbed++;
		if (why) {
			failures++;
			report(name, n, ref.allocations, why, r.status, got_stderr);
		}
	}
	flush_reports();
	printf("%-22s %6lld allocations, %6lld tried: %6lld clean out-of-memory errors, %6lld "
	       "absorbed, %d wrong\n",
	       name, ref.allocations, tried, clean_oom, absorbed, failures);
	free(ref_stdout);
	free(ref_stderr);
	free(got_stdout);
	free(got_stderr);
	free(ref_out);
	free(target);
	free(copy);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	long long stride = 1, offset = 0;
	const char *only = NULL;
	int i = 1;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--stride") == 0 && i + 1 < argc)
			stride = atoll(argv[++i]);
		else if (strcmp(argv[i], "--offset") == 0 && i + 1 < argc)
			offset = atoll(argv[++i]);
		else if (strcmp(argv[i], "--at") == 0 && i + 1 < argc)
			only_at = atoll(argv[++i]);
		else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
			only = argv[++i];
	}
	const char *env = getenv("PRESSDX_OOM_STRIDE");
	if (env && *env)
		stride = atoll(env);
	if (stride < 1)
		stride = 1;
	char tmpl[] = "/tmp/pressdx-oom-XXXXXX";
	work = mkdtemp(tmpl);
	if (!work) {
		perror("mkdtemp");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	int bad = 0;
	for (i++; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (!eq)
			continue;
		*eq = '\0';
		if (only && strcmp(only, argv[i]) != 0)
			continue;
		bad |= sweep(argv[i], eq + 1, stride, offset % stride);
	}
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", work);
	if (stride > 1)
		printf("(every %lld-th allocation tried, from the %lld-th; the full sweep: "
		       "PRESSDX_OOM_STRIDE=1)\n",
		       stride, offset % stride + 1);
	return bad;
}
