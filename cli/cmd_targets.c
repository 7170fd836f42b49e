/* SPDX-License-Identifier: MIT */
/* pressdx targets: the agencies measured against a province's or ministry's plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"

static const char *const usage =
    "Cách dùng (usage): pressdx targets --plan TỆP|MÃ [tùy chọn] CÂU_TRẢ_LỜI.csv...\n"
    "\n"
    "Đối chiếu các cơ quan với chỉ tiêu của kế hoạch tỉnh hoặc bộ: mỗi chỉ tiêu có mục tiêu,\n"
    "số cơ quan đạt trên số cơ quan thuộc diện, đạt hay chưa, và cơ quan nào chưa đạt. Chỉ\n"
    "cơ quan trong phạm vi kế hoạch được tính (kế hoạch tỉnh: cột province; kế hoạch bộ: cột\n"
    "owner). --year chọn mục tiêu của năm đó; mặc định là năm của câu trả lời, và khi kế\n"
    "hoạch không đặt mục tiêu cho năm đó thì lấy năm mục tiêu kế tiếp. Plan targets.\n"
    "\n"
    "  --plan TỆP|MÃ        tệp kế hoạch, hoặc mã trong rubrics/plans (hai-phong, tay-ninh,\n"
    "                       can-tho, lai-chau, bo-noi-vu)\n" CLI_PROVINCES_HELP CLI_ROSTER_HELP
        CLI_INPUT_HELP;

static int on_extra(int opt, const char *arg, void *ctx)
{
	if (opt != 'P')
		return 2;
	*(const char **)ctx = arg;
	return 0;
}

/* A plan whose province (or owner) is none of the agencies' is a mistake worth an exit
 * status: "0 agencies" would read as a measured result. Says which names the data has. */
static void no_agency_in_scope(const pdx_plan *plan, const cli_inputs *in)
{
	const pdx_plan_meta *m = pdx_plan_meta_get(plan);
	bool owner = m->scope == PDX_KEY_OWNER;
	fprintf(stderr, "pressdx targets: kế hoạch %s (%s", m->id,
	        owner ? "cơ quan chủ quản" : "tỉnh/TP");
	for (size_t i = 0; i < m->n_matches; i++)
		fprintf(stderr, "%s%s", i ? " / " : " ", m->matches[i]);
	fprintf(stderr, ") không khớp cơ quan nào trong dữ liệu; %s có trong dữ liệu:",
	        owner ? "các cơ quan chủ quản" : "các tỉnh/TP");
	const char **seen = calloc(in->n_results + 1, sizeof(*seen));
	size_t n_seen = 0;
	for (size_t i = 0; seen && i < in->n_results; i++) {
		const pdx_assessment *a = in->results[i]->assessment;
		const char *v = owner ? a->owner : a->province;
		size_t k = 0;
		while (k < n_seen && !(v && seen[k] && strcmp(seen[k], v) == 0) &&
		       !(!v && !seen[k]))
			k++;
		if (k < n_seen)
			continue;
		seen[n_seen++] = v;
		fprintf(stderr, "%s %s", n_seen > 1 ? "," : "", v ? v : "(không ghi / none given)");
	}
	free(seen);
	fprintf(stderr, " (the plan's %s matches no agency of the input)\n",
	        owner ? "owner" : "province");
}

int cmd_targets(int argc, char **argv)
{
	static const struct option extra[] = {CLI_PROVINCES_LONGOPT,
	                                      CLI_ROSTER_LONGOPT,
	                                      {"plan", required_argument, NULL, 'P'},
	                                      {NULL, 0, NULL, 0}};
	cli_inputs in = {0};
	const char *plan_arg = NULL;
	int rc = cli_parse(&in, "targets", usage, argc, argv, extra, on_extra, &plan_arg);
	in.provinces = true; /* province names as the map writes them */
	if (rc >= 0)
		return rc;
	if (!plan_arg)
		return cli_usage_error("targets",
		                       "thiếu --plan (missing --plan), ví dụ --plan hai-phong");
	if (optind >= argc)
		return cli_usage("targets", N_("no answer file given"));
	/* the plan is found before anything is read, so that -o cannot name it */
	char *path = cli_find_data(plan_arg, "plans");
	if (!path) {
		fprintf(stderr,
		        "pressdx targets: không tìm thấy kế hoạch \"%s\" (plan not found)\n",
		        plan_arg);
		return 2;
	}
	const char *more[] = {path};
	rc = cli_operands("targets", argv + optind, argc - optind, &in.files, &in.n_files);
	if (!rc)
		rc = cli_inputs_begin(&in, "targets", in.files, in.n_files, more, 1);
	if (!rc)
		rc = cli_inputs_read(&in, in.files, in.n_files, true);
	if (!rc)
		rc = cli_roster_check(&in);
	pdx_plan *plan = NULL;
	if (!rc) {
		pdx_diags *d = pdx_diags_new();
		int e = d ? pdx_plan_load_file(&plan, path, in.rubric, d) : PDX_ENOMEM;
		cli_print_diags(d);
		if (e == PDX_ENOMEM)
			cli_say(stderr, "pressdx: ", N_("out of memory"));
		else if (e)
			fprintf(stderr,
			        "pressdx targets: kế hoạch %s không dùng được (plan rejected)\n",
			        path);
		rc = e ? 2 : 0;
		pdx_diags_free(d);
	}
	free(path);
	if (!rc) {
		pdx_targets *t = NULL;
		char *out = NULL;
		size_t len = 0;
		int e = pdx_targets_compute(&t, plan, in.results, in.n_results, in.year);
		if (!e)
			e = pdx_report_targets(&out, &len, in.rubric, t, cli_format(&in));
		rc = cli_emit(&in, e, out, len);
		if (!rc)
			rc = cli_inputs_status(&in);
		if (!rc && t && t->in_scope + t->unfilled == 0 && in.n_results > 0) {
			no_agency_in_scope(plan, &in);
			rc = 1;
		}
		pdx_targets_free(t);
	}
	pdx_plan_free(plan);
	cli_inputs_free(&in);
	return rc;
}
