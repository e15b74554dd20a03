/* cmd_extract.c: `chimuc extract`: reads files (no index needed) and prints
 * what the extractors find in them, or with --text the canonical text. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/source.h"
#include "chimuc/text.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc extract [--json | --text] FILE...\n"
	"Print the dates found in each FILE ('-' for standard input): ISO value, and\n"
	"whether each is a deadline, an occasion, or a cited document's date. No\n"
	"index is needed. start and end are byte offsets in the file's text (as\n"
	"decoded: the file's own bytes for valid UTF-8).\n"
	"\n"
	"  --json     one JSON object per finding and line: path, kind, text, start,\n"
	"             end, iso, resolved, deadline, occasion, in_citation, range,\n"
	"             recurrence\n"
	"  --text     print the canonical text (NFC, canonical tone placement) instead\n"
	"  -h, --help show this help\n"
	"\n"
	"Exit status: 0 success; 1 some file could not be read; 2 usage error.\n";

static void print_date(const char *path, const char *text, const cm_date *d, int json)
{
	static const char *const roles[] = {NULL, "start", "end"};

	if (json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "path", json_object_new_string(path));
		json_object_object_add(o, "kind", json_object_new_string("date"));
		json_object_object_add(o, "text", json_object_new_string_len(text + d->start,
									       (int)(d->end - d->start)));
		json_object_object_add(o, "start", json_object_new_int64((int64_t)d->start));
		json_object_object_add(o, "end", json_object_new_int64((int64_t)d->end));
		json_object_object_add(o, "iso", json_object_new_string(d->iso));
		json_object_object_add(o, "resolved", d->resolved[0] ? json_object_new_string(d->resolved) : NULL);
		json_object_object_add(o, "deadline", json_object_new_boolean(d->deadline));
		json_object_object_add(o, "occasion", cm_cli_json_string(d->occasion));
		json_object_object_add(o, "in_citation", json_object_new_boolean(d->in_citation));
		json_object_object_add(o, "in_self", json_object_new_boolean(d->in_self));
		json_object_object_add(o, "range", cm_cli_json_string(roles[d->range]));
		json_object_object_add(o, "recurrence", cm_cli_json_string(d->recurrence));
		cm_cli_json_line(o);
		return;
	}
	cm_diag_path(stdout, path);
	printf(":%zu-%zu\tdate\t%s\t%.*s", d->start, d->end, d->iso, (int)(d->end - d->start),
	       text + d->start);
	if (d->deadline)
		fputs("\tdeadline", stdout);
	if (d->in_citation)
		fputs("\tcited document's date", stdout);
	if (d->in_self)
		fputs("\tthe document's date", stdout);
	if (d->occasion)
		printf("\toccasion: %s", d->occasion);
	putchar('\n');
}

static int load(cm_source **out, const char *path)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc;

	if (strcmp(path, "-"))
		return cm_source_load(out, path, CM_SOURCE_MAX_DEFAULT, 1);
	for (;;) {
		size_t n;
		if (len == cap) {
			char *nb;
			if (cap >= CM_SOURCE_MAX_DEFAULT) {
				free(buf);
				return cm_error_set(CM_ELIMIT, "larger than the size limit");
			}
			if (!(nb = realloc(buf, cap = cap ? 2 * cap : 65536))) {
				free(buf);
				return cm_error_set(CM_ENOMEM, "out of memory");
			}
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, stdin)) == 0)
			break;
		len += n;
	}
	rc = cm_source_from_bytes(out, buf, len);
	free(buf);
	return rc;
}

static int extract_one(const char *path, int json, int text_only)
{
	cm_source *src = NULL;
	cm_dates *dates = NULL;
	int rc;

	if ((rc = load(&src, path)) < 0)
		goto cleanup;
	if (text_only) {
		char *canon;
		size_t n;
		if ((rc = cm_text_canon(&canon, &n, NULL, src->text, src->text_len)) < 0)
			goto cleanup;
		fwrite(canon, 1, n, stdout);
		free(canon);
		goto cleanup;
	}
	if ((rc = cm_dates_extract(&dates, src->text, src->text_len)) < 0)
		goto cleanup;
	for (size_t i = 0; i < dates->n; i++)
		print_date(path, src->text, &dates->v[i], json);
cleanup:
	if (rc < 0)
		cm_diag(CM_PROGRAM, path, "skipped: %s", cm_error_last());
	cm_dates_free(dates);
	cm_source_free(src);
	return rc;
}

int cm_cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {{"json", no_argument, NULL, 'j'},
						 {"text", no_argument, NULL, 't'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	int c, json = 0, text_only = 0, failed = 0;

	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 't': text_only = 1; break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("extract", "unknown option");
		}
	}
	if (optind >= argc)
		return cm_cli_usage_error("extract", "no FILE given");
	if (json && text_only)
		return cm_cli_usage_error("extract", "--json and --text exclude each other");
	for (int i = optind; i < argc; i++)
		failed |= extract_one(argv[i], json, text_only) < 0;
	return failed ? CM_EXIT_FAIL : CM_EXIT_OK;
}
