/* SPDX-License-Identifier: MIT */
/* Embedding libpressdx: a rubric, answers added by a program (a web form, say), a level.
 *
 *   cc embed.c $(pkg-config --cflags --libs libpressdx) -o embed
 *   ./embed RUBRIC.xml AGENCY YEAR CRITERION=ANSWER[|EVIDENCE]...
 *   ./embed rubrics/951-2023.xml HP01 2023 '1.1.1=có|https://…/ke-hoach.pdf' 1.1.2=80 */
#include <pressdx/pressdx.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s RUBRIC.xml AGENCY YEAR CRITERION=ANSWER[|EVIDENCE]...\n",
		        argv[0]);
		return 2;
	}
	pdx_global_init();
	pdx_diags *d = pdx_diags_new();
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_rubric *r = NULL;
	pdx_result **res = NULL;
	size_t n = 0;
	int rc = pdx_rubric_load_file(&r, argv[1], d);
	if (!rc)
		rc = pdx_answers_begin(set, "embed", NULL, "utf-8", 0);
	for (int i = 4; !rc && i < argc; i++) {
		char *answer = strchr(argv[i], '='), *evidence = strchr(argv[i], '|');
		if (answer)
			*answer++ = '\0';
		if (evidence)
			*evidence++ = '\0';
		rc = pdx_answers_add(set, argv[2], atoi(argv[3]), argv[i], answer, evidence, d);
	}
	if (!rc)
		rc = pdx_answers_commit(set, d);
	if (!rc)
		rc = pdx_score_all(&res, &n, r, set, NULL);
	for (size_t i = 0; !rc && i < n; i++) {
		const pdx_result *x = res[i];
		printf("%s %d: %lld.%02lld / %lld, mức %d: %s\n", x->assessment->agency_id,
		       x->assessment->year, (long long)(x->total / 100),
		       (long long)(x->total % 100),
		       (long long)(pdx_rubric_meta_get(r)->total / 100), x->level->number,
		       x->level->name);
		for (size_t k = 0; k < pdx_diags_count(x->diags); k++)
			printf("  %s\n", pdx_diags_get(x->diags, k)->message_vi);
	}
	for (size_t k = 0; k < pdx_diags_count(d); k++)
		fprintf(stderr, "%s\n", pdx_diags_get(d, k)->message_vi);
	if (rc)
		fprintf(stderr, "pressdx: %s\n", pdx_strerror(rc));
	pdx_results_free(res, n);
	pdx_rubric_free(r);
	pdx_answers_free(set);
	pdx_diags_free(d);
	pdx_global_cleanup();
	return rc ? 1 : 0;
}
