/* SPDX-License-Identifier: MIT */
/* Allocation failures inside libxml2 never change a rubric or a plan (engine/xml.c).
 *
 * libxml2 returns NULL both for "absent" and for "out of memory": an attribute it could
 * not copy looked absent, and under memory pressure evidence="true" became "no evidence"
 * (a 3.00 became 5.00). The rule: a load either fails (PDX_ENOMEM, or an error) or
 * yields exactly the rubric (plan) of a load without failure.
 *
 * The sweep, in the style of SQLite's malloc tests: libxml2's allocators are replaced
 * (xmlGcMemSetup) by ones that count, and make the Nth allocation fail, once; for every N
 * from 1 to the number of allocations a normal load makes, the load runs in a forked
 * child, which compares every field of what it loaded with the normal result. A fork
 * per N keeps one N's leaks and damage from the next.
 *
 * Debian's libxml2 2.9.14 crashes on its own under some allocation failures (it
 * dereferences what a failed allocation gave it). A child that crashes with libxml2's
 * code innermost on its stack (below the C library, the sanitizers and this file's
 * allocators) is counted and skipped; a crash anywhere else, a hang, and above all a
 * rubric or plan that differs, fail the test. The counts are printed.
 *
 * Its damage is not always caught where it is done: a write past a block or a double
 * free may corrupt the C library's heap and be found only at a later free() — ours,
 * with our code innermost ("corrupted size vs. prev_size" in pdx_arena_free, seen once
 * in CI). Without a sanitizer such an abort inside the allocator cannot be attributed:
 * it is counted ("heap damage found late") and printed, not failed; the sweep under
 * AddressSanitizer, which reports a bad write where it happens, attributes it (and
 * fails on one of ours).
 *
 * Under valgrind (which the CI runs the unit tests in) the sweep is skipped: a child per
 * allocation under valgrind would take hours, and valgrind reports the leaks libxml2
 * leaves behind a failed allocation as the child's exit status. Under AddressSanitizer,
 * where a child costs some 70 ms, one allocation in 8 fails, from a start that changes
 * from run to run; its reports inside libxml2 count as libxml2's crashes.
 *
 * To investigate: PDX_OOM_RANGE=A-B sweeps those allocations only, PDX_OOM_STEP=K one in
 * K, and PDX_OOM_AT=N makes allocation N fail in the test's own process (no fork), for a
 * debugger, and prints the load's diagnostics. Allocation counts vary by a few from run
 * to run (libxml2 seeds its hash tables at random), so N names about the same place, not
 * exactly.
 *
 * Most failed loads end in an error rather than PDX_ENOMEM: libxml2's RELAX NG code
 * turns some allocation failures into validity errors ("Invalid attribute evidence for
 * element criterion") without reporting the shortage. Those are errors, never a
 * different rubric, which is what this test holds the loaders to. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifdef UNDER_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

/* ---- failing allocators ---- */

static long n_allocs; /* libxml2 allocations since the count was reset */
static long fail_at;  /* the one that fails, or 0 */

static xmlFreeFunc real_free;
static xmlMallocFunc real_malloc, real_atomic;
static xmlReallocFunc real_realloc;
static xmlStrdupFunc real_strdup;

static bool fails_now(void)
{
	return ++n_allocs == fail_at;
}

/* Not static, and the executable exports its symbols (meson.build), so that a crash
 * report can recognise them by name. */
void *oom_malloc(size_t n);
void *oom_atomic(size_t n);
void *oom_realloc(void *p, size_t n);
char *oom_strdup(const char *s);

void *oom_malloc(size_t n)
{
	return fails_now() ? NULL : real_malloc(n);
}

void *oom_atomic(size_t n)
{
	return fails_now() ? NULL : real_atomic(n);
}

void *oom_realloc(void *p, size_t n)
{
	return fails_now() ? NULL : real_realloc(p, n);
}

char *oom_strdup(const char *s)
{
	return fails_now() ? NULL : real_strdup(s);
}

static void counting_on(long fail)
{
	n_allocs = 0;
	fail_at = fail;
	xmlGcMemSetup(real_free, oom_malloc, oom_atomic, oom_realloc, oom_strdup);
}

static void counting_off(void)
{
	xmlGcMemSetup(real_free, real_malloc, real_atomic, real_realloc, real_strdup);
}

/* ---- where a child crashed ---- */

enum child_end {
	SAME = 10,       /* loaded, identical to the normal load */
	FAILED_OOM,      /* PDX_ENOMEM */
	FAILED_ERROR,    /* another error code */
	DIFFERENT,       /* loaded, but not what a normal load gives: the defect */
	LIBXML2_CRASHED, /* a crash innermost in libxml2 */
	WE_CRASHED,      /* a crash anywhere else */
	NOT_REACHED,     /* identical, and fewer allocations than N: nothing failed */
	HEAP_LATE,       /* an abort inside malloc/free: heap damage found late (no sanitizer) */
	PRINTED,         /* something was written to stderr: the library never prints */
};

/* In a child, stderr is a temporary file (to catch anything the load prints); the
 * test's own stderr stays here, for reports. */
static int report_fd = 2;

/* What the child's stderr holds so far, onto the test's. */
static void pass_on(void)
{
	char buf[4096];
	ssize_t k = pread(2, buf, sizeof buf, 0);
	if (k > 0 && report_fd != 2)
		(void)!write(report_fd, buf, (size_t)k);
}

/* Whether a frame belongs to code a crash passes through without being its cause: the
 * C library (raise, abort, memcpy...), the sanitizers' runtime, the dynamic loader,
 * the libraries only libxml2 calls, and the allocators above. */
static bool pass_through(const Dl_info *in)
{
	static const char *const libs[] = {"libc.so",  "libasan", "libubsan", "ld-linux",
	                                   "libgcc_s", "liblzma", "libz.so",  "libicu"};
	if (in->dli_sname && strncmp(in->dli_sname, "oom_", 4) == 0)
		return true;
	for (size_t i = 0; in->dli_fname && i < sizeof libs / sizeof *libs; i++)
		if (strstr(in->dli_fname, libs[i]))
			return true;
	return false;
}

/* Who crashed, from the stack of a crash handler: past the handler's own frames (and
 * the sanitizer's or the C library's frames around them), the first frame that is not
 * passed through decides. */
static enum child_end blame(int sig)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	int i = 0;
	Dl_info in;
#ifndef UNDER_ASAN
	/* the C library's heap checks abort from inside its allocator: the damage was done
	 * earlier, by whoever wrote where they should not */
	static const char *const allocator[] = {"__libc_free",   "__libc_malloc", "__libc_realloc",
	                                        "__libc_calloc", "free",          "malloc",
	                                        "realloc",       "calloc",        "cfree"};
	for (int k = 0; sig == SIGABRT && k < n; k++) {
		if (!dladdr(frames[k], &in) || !in.dli_sname || !in.dli_fname ||
		    !strstr(in.dli_fname, "libc.so"))
			continue;
		for (size_t a = 0; a < sizeof allocator / sizeof *allocator; a++)
			if (strcmp(in.dli_sname, allocator[a]) == 0) {
				pass_on(); /* the C library's words, for the test's log */
				return HEAP_LATE;
			}
	}
#else
	(void)sig;
#endif
	/* leading runtime frames (a sanitizer's backtrace), then this file's handler */
	while (i < n && dladdr(frames[i], &in) && pass_through(&in))
		i++;
	while (i < n && dladdr(frames[i], &in) && !pass_through(&in))
		i++;
	for (; i < n; i++) {
		if (!dladdr(frames[i], &in))
			continue; /* a jump through a bad pointer: its caller decides */
		if (pass_through(&in))
			continue;
		if (in.dli_fname && strstr(in.dli_fname, "libxml2"))
			return LIBXML2_CRASHED;
		break;
	}
	pass_on(); /* the C library's own words ("double free"...) */
	backtrace_symbols_fd(frames, n, report_fd); /* for the test's log */
	return WE_CRASHED;
}

static void on_crash(int sig)
{
	enum child_end e = blame(sig);
	if (e == WE_CRASHED)
		dprintf(report_fd, "signal %d\n", sig);
	_exit(e);
}

#ifdef UNDER_ASAN
static void on_asan_report(void)
{
	_exit(blame(0));
}
#endif

static void child_traps(void)
{
	FILE *out = tmpfile();
	report_fd = dup(2);
	if (!out || report_fd < 0 || dup2(fileno(out), 2) < 0)
		_exit(WE_CRASHED);
	/* A recursion without end in libxml2 (its RelaxNG compiler, after a failed
	 * allocation) overflows the stack: the handler must run on a stack of its own, or
	 * the kernel kills the child with no word of where it was. */
	static char alt[1 << 16];
	stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt};
	if (sigaltstack(&ss, NULL) != 0)
		_exit(WE_CRASHED);
	struct sigaction sa = {.sa_handler = on_crash, .sa_flags = SA_ONSTACK};
	sigemptyset(&sa.sa_mask);
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, NULL);
#ifdef UNDER_ASAN
	__sanitizer_set_death_callback(on_asan_report);
#endif
	alarm(60); /* a hang ends the child by SIGALRM, which fails the test */
}

/* ---- comparing ---- */

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_dec(pdx_decimal a, pdx_decimal b)
{
	return a.nanos == b.nanos && a.rest == b.rest;
}

static bool same_options(const pdx_option *a, size_t na, const pdx_option *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (!same_str(a[i].key, b[i].key) || !same_str(a[i].label, b[i].label) ||
		    !same_str(a[i].label_en, b[i].label_en) || a[i].points != b[i].points ||
		    a[i].line != b[i].line)
			return false;
	return true;
}

static bool same_criterion(const pdx_criterion *a, const pdx_criterion *b)
{
	if (!same_str(a->id, b->id) || !same_str(a->name, b->name) ||
	    !same_str(a->name_en, b->name_en) || !same_str(a->source, b->source) ||
	    a->type != b->type || a->scoring != b->scoring || a->max != b->max ||
	    a->evidence != b->evidence || a->status != b->status || a->pillar != b->pillar ||
	    a->component != b->component || a->line != b->line || a->n_bands != b->n_bands)
		return false;
	for (size_t i = 0; i < a->n_bands; i++)
		if (!same_dec(a->bands[i].bound, b->bands[i].bound) ||
		    a->bands[i].strict != b->bands[i].strict ||
		    a->bands[i].points != b->bands[i].points ||
		    a->bands[i].line != b->bands[i].line)
			return false;
	return same_options(a->options, a->n_options, b->options, b->n_options);
}

static bool same_rubric(const pdx_rubric *a, const pdx_rubric *b)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(a), *n = pdx_rubric_meta_get(b);
	if (!same_str(m->id, n->id) || !same_str(m->title, n->title) ||
	    !same_str(m->title_en, n->title_en) || !same_str(m->decision, n->decision) ||
	    !same_str(m->issuer, n->issuer) || !same_str(m->date, n->date) ||
	    !same_str(m->source, n->source) || !same_str(m->path, n->path) ||
	    m->status != n->status || m->provisional != n->provisional || m->total != n->total ||
	    strcmp(m->sha256, n->sha256) != 0)
		return false;
	if (pdx_rubric_level_count(a) != pdx_rubric_level_count(b) ||
	    pdx_rubric_pillar_count(a) != pdx_rubric_pillar_count(b) ||
	    pdx_rubric_component_count(a) != pdx_rubric_component_count(b) ||
	    pdx_rubric_criterion_count(a) != pdx_rubric_criterion_count(b) ||
	    pdx_rubric_question_count(a) != pdx_rubric_question_count(b))
		return false;
	for (size_t i = 0; i < pdx_rubric_level_count(a); i++) {
		const pdx_level *x = pdx_rubric_level(a, i), *y = pdx_rubric_level(b, i);
		if (x->number != y->number || !same_str(x->name, y->name) ||
		    !same_str(x->name_en, y->name_en) || x->min != y->min ||
		    x->status != y->status || x->line != y->line)
			return false;
	}
	for (size_t i = 0; i < pdx_rubric_pillar_count(a); i++) {
		const pdx_pillar *x = pdx_rubric_pillar(a, i), *y = pdx_rubric_pillar(b, i);
		if (!same_str(x->id, y->id) || !same_str(x->name, y->name) ||
		    !same_str(x->name_en, y->name_en) || x->status != y->status ||
		    x->name_status != y->name_status || x->max != y->max ||
		    x->first_component != y->first_component ||
		    x->n_components != y->n_components ||
		    x->first_criterion != y->first_criterion || x->n_criteria != y->n_criteria ||
		    x->line != y->line)
			return false;
	}
	for (size_t i = 0; i < pdx_rubric_component_count(a); i++) {
		const pdx_component *x = pdx_rubric_component(a, i),
		                    *y = pdx_rubric_component(b, i);
		if (!same_str(x->id, y->id) || !same_str(x->name, y->name) ||
		    !same_str(x->name_en, y->name_en) || x->status != y->status ||
		    x->name_status != y->name_status || x->max != y->max ||
		    x->pillar != y->pillar || x->first_criterion != y->first_criterion ||
		    x->n_criteria != y->n_criteria || x->line != y->line)
			return false;
	}
	for (size_t i = 0; i < pdx_rubric_criterion_count(a); i++)
		if (!same_criterion(pdx_rubric_criterion(a, i), pdx_rubric_criterion(b, i)))
			return false;
	for (size_t i = 0; i < pdx_rubric_question_count(a); i++) {
		const pdx_question *x = pdx_rubric_question(a, i), *y = pdx_rubric_question(b, i);
		if (!same_str(x->id, y->id) || !same_str(x->name, y->name) ||
		    !same_str(x->name_en, y->name_en) || x->type != y->type ||
		    x->status != y->status || x->line != y->line ||
		    !same_options(x->options, x->n_options, y->options, y->n_options))
			return false;
	}
	return true;
}

static bool same_condition(const pdx_plan_condition *a, const pdx_plan_condition *b)
{
	if (!a || !b)
		return a == b;
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const pdx_plan_answer *x = &a->answers[i], *y = &b->answers[i];
		if (x->criterion_index != y->criterion_index || x->op != y->op ||
		    !same_str(x->text, y->text) || x->n_options != y->n_options ||
		    x->yes != y->yes || !same_dec(x->value, y->value) || x->line != y->line ||
		    !same_str(x->criterion ? x->criterion->id : NULL,
		              y->criterion ? y->criterion->id : NULL))
			return false;
		for (size_t k = 0; k < x->n_options; k++)
			if (x->options[k] != y->options[k])
				return false;
	}
	return true;
}

static bool same_plan(const pdx_plan *a, const pdx_plan *b)
{
	const pdx_plan_meta *m = pdx_plan_meta_get(a), *n = pdx_plan_meta_get(b);
	if (!same_str(m->id, n->id) || !same_str(m->title, n->title) ||
	    !same_str(m->issuer, n->issuer) || !same_str(m->source, n->source) ||
	    !same_str(m->rubric, n->rubric) || !same_str(m->path, n->path) ||
	    m->scope != n->scope || m->n_matches != n->n_matches)
		return false;
	for (size_t i = 0; i < m->n_matches; i++)
		if (!same_str(m->matches[i], n->matches[i]))
			return false;
	if (pdx_plan_indicator_count(a) != pdx_plan_indicator_count(b))
		return false;
	for (size_t i = 0; i < pdx_plan_indicator_count(a); i++) {
		const pdx_indicator *x = pdx_plan_indicator(a, i), *y = pdx_plan_indicator(b, i);
		if (!same_str(x->id, y->id) || !same_str(x->name, y->name) ||
		    !same_str(x->name_en, y->name_en) || !same_str(x->media, y->media) ||
		    x->measured != y->measured || x->line != y->line ||
		    x->n_targets != y->n_targets || !same_condition(x->condition, y->condition))
			return false;
		for (size_t k = 0; k < x->n_targets; k++) {
			const pdx_plan_target *s = &x->targets[k], *t = &y->targets[k];
			if (s->year != t->year || s->pct != t->pct || s->line != t->line ||
			    !same_condition(s->condition, t->condition))
				return false;
		}
	}
	return true;
}

/* ---- the sweep ---- */

typedef struct sweep {
	const char *what;
	const char *path;
	const pdx_rubric *rubric_ref; /* the rubric sweep: the normal result */
	const pdx_rubric *rubric;     /* the plan sweep: the rubric it is loaded against */
	const pdx_plan *plan_ref;
	/* under AddressSanitizer, sample this many times more sparsely than the default
	 * (0: as the default): a derived edition's load makes three times the allocations */
	long asan_scale;
} sweep;

/* One load under the current allocators; the child's exit status. */
static enum child_end load_and_compare(const sweep *w)
{
	pdx_diags *d = pdx_diags_new();
	int rc;
	bool same;
	if (w->plan_ref) {
		pdx_plan *p = NULL;
		rc = pdx_plan_load_file(&p, w->path, w->rubric, d);
		same = !rc && same_plan(p, w->plan_ref);
		pdx_plan_free(p);
	} else {
		pdx_rubric *r = NULL;
		rc = pdx_rubric_load_file(&r, w->path, d);
		same = !rc && same_rubric(r, w->rubric_ref);
		pdx_rubric_free(r);
	}
	if (getenv("PDX_OOM_AT"))
		unit_dump_diags(w->what, d);
	pdx_diags_free(d);
	if (rc == PDX_ENOMEM)
		return FAILED_OOM;
	if (rc)
		return FAILED_ERROR;
	return same ? SAME : DIFFERENT;
}

static bool under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");
	return p && strstr(p, "vgpreload");
}

/* How a child ended, as an enum child_end, or -1 (killed, or an unknown exit). */
static int ending(int status)
{
	if (!WIFEXITED(status))
		return -1;
	int code = WEXITSTATUS(status);
	return code >= SAME && code <= PRINTED ? code : -1;
}

static const char *ending_name(int e)
{
	switch (e) {
	case DIFFERENT:
		return "loaded, but different from a normal load";
	case WE_CRASHED:
		return "crashed outside libxml2 (backtrace above)";
	case PRINTED:
		return "printed to stderr (above)";
	default:
		return "killed (a hang, after 60 s?) or an unknown exit status";
	}
}

static long default_step(void)
{
#ifdef UNDER_ASAN
	return 8;
#else
	return 1;
#endif
}

/* A child failing the Nth libxml2 allocation of a load; its pid. */
static pid_t spawn(const sweep *w, long n)
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		child_traps();
		counting_on(n);
		enum child_end e = load_and_compare(w);
		/* random hash seeds make the count vary a little from run to run: near
		 * the end, N may not be reached */
		if (lseek(2, 0, SEEK_END) > 0) {
			pass_on();
			_exit(PRINTED);
		}
		_exit(n_allocs < n && e == SAME ? NOT_REACHED : e);
	}
	return pid;
}

static void run_sweep(const sweep *w)
{
	/* the number of libxml2 allocations of a normal load */
	counting_on(0);
	enum child_end normal = load_and_compare(w);
	counting_off();
	long total = n_allocs;
	assert_int_equal(normal, SAME);
	assert_true(total > 100);

	/* PDX_OOM_AT=N: that allocation alone fails, in this process (for a debugger) */
	const char *only = getenv("PDX_OOM_AT");
	if (only) {
		counting_on(atol(only));
		enum child_end e = load_and_compare(w);
		counting_off();
		print_message("%s: allocation %s failed: end %d\n", w->what, only, (int)e);
		return;
	}
	/* PDX_OOM_RANGE=A-B: only those allocations fail, one per child */
	long from = 1, to = total;
	const char *range = getenv("PDX_OOM_RANGE");
	if (range && sscanf(range, "%ld-%ld", &from, &to) != 2)
		from = 1, to = total;
	if (to > total)
		to = total;
	/* PDX_OOM_STEP=K: every Kth allocation only, from a start that changes from run to
	 * run (printed, with PDX_OOM_RANGE to replay it). The default is 1, every one, but
	 * under AddressSanitizer, where a child costs some 70 ms, it is 8. */
	long step = default_step();
	if (step > 1 && w->asan_scale > 1)
		step *= w->asan_scale;
	const char *k = getenv("PDX_OOM_STEP");
	if (k && atol(k) > 0)
		step = atol(k);
	if (step > 1 && !range) {
		from = 1 + (long)(time(NULL) % step);
		print_message("%s: one allocation in %ld, starting at %ld (PDX_OOM_STEP=%ld "
		              "PDX_OOM_RANGE=%ld-%ld to replay)\n",
		              w->what, step, from, step, from, total);
	}

	/* a few children at a time; each N is its own child all the same */
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int width = cpus < 1 ? 1 : cpus > 4 ? 4 : (int)cpus;
	pid_t pids[4] = {0};
	long ns[4] = {0};
	int tries[4] = {0};
	long count[PRINTED + 1] = {0}, other = 0, first_bad = 0, next = from;
	int running = 0;
	while (next <= to || running) {
		while (next <= to && running < width) {
			int slot = 0;
			while (pids[slot])
				slot++;
			pids[slot] = spawn(w, next);
			ns[slot] = next;
			tries[slot] = 0;
			next += step;
			running++;
		}
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		assert_true(pid > 0);
		int slot = 0;
		while (slot < width && pids[slot] != pid)
			slot++;
		assert_true(slot < width);
		int e = ending(status);
		/* A child killed by a signal its handler could not take (the handler itself
		 * faulting on the heap libxml2 damaged) or ending in no known way: the same
		 * N once or twice again, since what follows heap damage depends on the
		 * heap's layout (MALLOC_PERTURB_, hash seeds); a defect of ours ends the same
		 * way every time and still fails below. */
		if (e < 0 && tries[slot] < 2) {
			fprintf(stderr, "%s: failing libxml2 allocation %ld of %ld: %s", w->what,
			        ns[slot], total, ending_name(e));
			if (WIFSIGNALED(status))
				fprintf(stderr, " (signal %d)", WTERMSIG(status));
			else
				fprintf(stderr, " (exit %d)", WEXITSTATUS(status));
			fprintf(stderr, "; once more\n");
			tries[slot]++;
			pids[slot] = spawn(w, ns[slot]);
			continue;
		}
		pids[slot] = 0;
		running--;
		if (e < 0)
			other++;
		else
			count[e]++;
		if (e == HEAP_LATE)
			fprintf(
			    stderr,
			    "%s: failing libxml2 allocation %ld of %ld: the C library found its "
			    "heap damaged at a later free (not attributable without a "
			    "sanitizer; the AddressSanitizer sweep attributes it)\n",
			    w->what, ns[slot], total);
		if (e != SAME && e != FAILED_OOM && e != FAILED_ERROR && e != LIBXML2_CRASHED &&
		    e != NOT_REACHED && e != HEAP_LATE) {
			fprintf(stderr, "%s: failing libxml2 allocation %ld of %ld: %s", w->what,
			        ns[slot], total, ending_name(e));
			if (WIFSIGNALED(status))
				fprintf(stderr, " (signal %d)", WTERMSIG(status));
			else if (e < 0)
				fprintf(stderr, " (exit %d)", WEXITSTATUS(status));
			fputc('\n', stderr);
			if (!first_bad || ns[slot] < first_bad)
				first_bad = ns[slot];
		}
	}
	long swept = other;
	for (int e = SAME; e <= PRINTED; e++)
		swept += count[e];
	print_message("%s: %ld libxml2 allocations, %ld of them failed in turn, one per child: "
	              "%ld loads identical, %ld out of memory, %ld other errors, %ld skipped "
	              "(libxml2 crashed in its own code), %ld heap damage found late, %ld "
	              "different, %ld crashed elsewhere, %ld printed, %ld other; %ld not "
	              "reached\n",
	              w->what, total, swept, count[SAME], count[FAILED_OOM], count[FAILED_ERROR],
	              count[LIBXML2_CRASHED], count[HEAP_LATE], count[DIFFERENT], count[WE_CRASHED],
	              count[PRINTED], other, count[NOT_REACHED]);
	assert_int_equal(first_bad, 0);
}

static int setup(void **state)
{
	(void)state;
	xmlGcMemGet(&real_free, &real_malloc, &real_atomic, &real_realloc, &real_strdup);
	/* backtrace() loads libgcc_s on its first call, which a damaged heap may not allow
	 * in a crashed child: load it now */
	void *frame;
	backtrace(&frame, 1);
	return 0;
}

static void test_rubric_sweep(void **state)
{
	(void)state;
	if (under_valgrind())
		skip();
	pdx_rubric *ref = unit_load_951(); /* also runs libxml2's one-time initialisation */
	char *path = unit_path(RUBRICS_DIR, "951-2023.xml");
	sweep w = {"rubrics/951-2023.xml", path, ref, NULL, NULL, 0};
	run_sweep(&w);
	free(path);
	pdx_rubric_free(ref);
}

/* An edition written as differences: its bases read, the differences applied (copies,
 * attributes set), the result written out as text and loaded. */
static void test_derived_sweep(void **state)
{
	(void)state;
	if (under_valgrind())
		skip();
	pdx_rubric *ref = unit_load_rubric("1827-2024.xml");
	char *path = unit_path(RUBRICS_DIR, "1827-2024.xml");
	sweep w = {"rubrics/1827-2024.xml", path, ref, NULL, NULL, 3};
	run_sweep(&w);
	free(path);
	pdx_rubric_free(ref);
}

static void test_plan_sweep(void **state)
{
	(void)state;
	if (under_valgrind())
		skip();
	pdx_rubric *r = unit_load_951();
	char *path = unit_path(RUBRICS_DIR, "plans/hai-phong.xml");
	pdx_plan *ref = NULL;
	assert_int_equal(pdx_plan_load_file(&ref, path, r, NULL), 0);
	sweep w = {"rubrics/plans/hai-phong.xml", path, NULL, r, ref, 0};
	run_sweep(&w);
	pdx_plan_free(ref);
	free(path);
	pdx_rubric_free(r);
}

/* The allocators are libxml2's own again after the sweeps. */
static void test_allocators_restored(void **state)
{
	(void)state;
	xmlFreeFunc f;
	xmlMallocFunc m, a;
	xmlReallocFunc r;
	xmlStrdupFunc s;
	xmlGcMemGet(&f, &m, &a, &r, &s);
	assert_ptr_equal(f, real_free);
	assert_ptr_equal(m, real_malloc);
	assert_ptr_equal(a, real_atomic);
	assert_ptr_equal(r, real_realloc);
	assert_ptr_equal(s, real_strdup);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rubric_sweep),
	    cmocka_unit_test(test_derived_sweep),
	    cmocka_unit_test(test_plan_sweep),
	    cmocka_unit_test(test_allocators_restored),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
