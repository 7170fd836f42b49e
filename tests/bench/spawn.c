/* SPDX-License-Identifier: MIT */
/* Benchmark launcher: runs a command and writes its peak RSS, as the kernel counts it.
 *
 *   bench-spawn STATFILE PROGRAM [ARG...]
 *
 * Forks, execs PROGRAM (stdin, stdout and stderr inherited), waits for it with wait4(2)
 * and writes "MAXRSS_KIB\n" (ru_maxrss of that child) to STATFILE; exits with the
 * child's exit status (128 + signal when it was killed). Why not os.wait4 in bench.py
 * directly: Linux carries a process's peak RSS across exec, and Python starts children
 * with vfork, so every child would report at least the Python driver's own RSS (≈ 17
 * MiB, more than the whole floor). A child forked from this small program starts from
 * its RSS (≈ 1 MiB) instead. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: bench-spawn STATFILE PROGRAM [ARG...]\n", stderr);
		return 125;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench-spawn: fork");
		return 125;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid) {
		perror("bench-spawn: wait4");
		return 125;
	}
	FILE *f = fopen(argv[1], "w");
	if (!f || fprintf(f, "%ld\n", ru.ru_maxrss) < 0 || fclose(f) != 0) {
		perror(argv[1]);
		return 125;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
