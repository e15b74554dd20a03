/* SPDX-License-Identifier: GPL-2.0-or-later */

/* main.c: chimuc-index, the command line of the indexing operation
 * (chimuc/indexer.h): options, the index's location, the messages of the
 * run's events, the progress line, the summary and the exit status (75 when
 * another writer holds the index). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chimuc/dbpath.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/indexer.h"
#include "chimuc/source.h"
#include "front.h"
#include "progress.h"

static const char usage_text[] =
	"Usage: chimuc-index [OPTION]... PATH...\n"
	"Index the directive documents in each PATH (a file or a folder, walked\n"
	"recursively) into a chimuc index. Rerunning is incremental: unchanged files\n"
	"are skipped, changed ones replaced, and files gone from a walked folder\n"
	"removed from the index.\n"
	"\n"
	"In folders, files named *.txt, *.md, *.text, *.markdown, *.html, *.htm,\n"
	"*.xhtml, *.xml, *.docx and *.pdf are documents; hidden entries (.name) are\n"
	"passed over. A file named on the command line is always read. The format\n"
	"(text, HTML, XML, DOCX, PDF) and the encoding (UTF-8, UTF-16,\n"
	"Windows-1258, TCVN3, VNI) are told from the content, not the name.\n"
	"Binary, empty, unreadable and hostile files are reported and skipped;\n"
	"invalid bytes are replaced, reported and indexed. A file skipped for its\n"
	"content is not read again until its modification time or size changes.\n"
	"\n"
	"Options:\n"
	"  --db DIR         the index (default: $CHIMUC_DB, else\n"
	"                   $XDG_DATA_HOME/chimuc/index, else\n"
	"                   ~/.local/share/chimuc/index)\n"
	"  --follow         follow symbolic links (loops are detected)\n"
	"  --max-size N     skip files larger than N bytes (default 64 MiB;\n"
	"                   suffixes K, M, G)\n"
	"  --batch N        commit every N changed documents (default 1000)\n"
	"  --jobs N         build a new index with N threads, in shards merged at\n"
	"                   the end (default: the number of processors, at most\n"
	"                   16; 1 to index one file after another)\n"
	"  --ocr WHEN       read PDF pages by OCR (Tesseract): auto (scanned pages:\n"
	"                   no text layer, an image; the default), never, or always\n"
	"  --strict         exit 1 when any input was skipped\n"
	"  -q, --quiet      no summary line\n"
	"  -h, --help       show this help\n"
	"  -V, --version    show the version\n"
	"\n"
	"Exit status: 0 success; 1 failure, or skipped inputs with --strict;\n"
	"2 usage error; 75 the index is locked by another writer.\n";

typedef struct {
	const char *db;
	int follow, strict, quiet;
	uint64_t max_size;
	unsigned batch, jobs;
	cm_ocr_mode ocr;
} options;

static int parse_size(uint64_t *out, const char *s)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);

	if (end == s)
		return -1;
	switch (*end) {
	case 'K':
	case 'k':
		v <<= 10;
		end++;
		break;
	case 'M':
	case 'm':
		v <<= 20;
		end++;
		break;
	case 'G':
	case 'g':
		v <<= 30;
		end++;
		break;
	default: break;
	}
	if (*end)
		return -1;
	*out = v;
	return 0;
}

/* A bad value: "chimuc-index: MESSAGE: VALUE" and a hint at --help. */
static int usage_error(const char *msg, const char *arg)
{
	return cm_front_usage_error(CM_INDEXER_PROGRAM, NULL, "%s: %s", msg, arg);
}

/* Returns -1 to go on, else the exit status. getopt's messages name the
 * program as argv[0] does: argv[0] becomes its name. */
static int parse_options(options *o, int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"follow", no_argument, NULL, 'f'},
						 {"max-size", required_argument, NULL, 'm'},
						 {"batch", required_argument, NULL, 'b'},
						 {"jobs", required_argument, NULL, 'j'},
						 {"strict", no_argument, NULL, 's'},
						 {"quiet", no_argument, NULL, 'q'},
						 {"help", no_argument, NULL, 'h'},
						 {"version", no_argument, NULL, 'V'},
						 {"ocr", required_argument, NULL, 'o'},
						 {NULL, 0, NULL, 0}};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t n;
	static char program[] = CM_INDEXER_PROGRAM;
	int c;

	argv[0] = program;
	*o = (options){.max_size = CM_SOURCE_MAX_DEFAULT,
		       .batch = 1000,
		       .jobs = cpus < 1                     ? 1
			       : cpus > CM_INDEXER_JOBS_MAX ? CM_INDEXER_JOBS_MAX
							    : (unsigned)cpus};
	while ((c = getopt_long(argc, argv, "qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'f': o->follow = 1; break;
		case 's': o->strict = 1; break;
		case 'q': o->quiet = 1; break;
		case 'm':
			if (parse_size(&o->max_size, optarg) < 0)
				return usage_error("--max-size needs a size", optarg);
			break;
		case 'b':
			if (parse_size(&n, optarg) < 0 || n == 0 || n > 1000000)
				return usage_error("--batch needs a number from 1 to 1000000",
						   optarg);
			o->batch = (unsigned)n;
			break;
		case 'j':
			if (parse_size(&n, optarg) < 0 || n == 0 || n > CM_INDEXER_JOBS_MAX)
				return usage_error("--jobs needs a number from 1 to 16", optarg);
			o->jobs = (unsigned)n;
			break;
		case 'o':
			if (strcmp(optarg, "auto") == 0)
				o->ocr = CM_OCR_AUTO;
			else if (strcmp(optarg, "never") == 0)
				o->ocr = CM_OCR_NEVER;
			else if (strcmp(optarg, "always") == 0)
				o->ocr = CM_OCR_ALWAYS;
			else
				return usage_error("--ocr needs auto, never or always", optarg);
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		case 'V': printf("chimuc-index %s\n", CM_VERSION); return CM_EXIT_OK;
		default: return cm_front_bad_option(CM_INDEXER_PROGRAM, NULL);
		}
	}
	if (optind >= argc)
		return cm_front_usage_error(CM_INDEXER_PROGRAM, NULL, "no PATH to index");
	return -1;
}

static void summary(const cm_indexer_counts *c)
{
	unsigned long indexed = c->added + c->updated;

	printf("%s: %lu seen: %lu indexed, %lu unchanged, %lu removed, %lu skipped",
	       CM_INDEXER_PROGRAM, c->seen, indexed, c->unchanged, c->removed, c->skipped);
	if (c->warnings)
		printf(" (%lu with warnings)", c->warnings);
	if (c->ignored)
		printf("; %lu other files ignored", c->ignored);
	if (indexed + c->removed == 0)
		printf("; the index is unchanged");
	putchar('\n');
}

/* Each event with a message is one line on standard error; a page OCR
 * starts on is shown on the progress line (data, when drawn). */
static void on_event(const cm_indexer_event *ev, void *data)
{
	if (ev->kind == CM_INDEXER_OCR_PAGE) {
		if (data)
			cm_progress_ocr(data, ev->path, ev->page, ev->pages);
	} else if (ev->message)
		cm_diag(CM_INDEXER_PROGRAM, ev->path, "%s", ev->message);
}

static void on_progress(const cm_indexer_progress *p, void *data)
{
	if (p->start)
		cm_progress_start(data, p->total, p->total_bytes, p->estimated);
	else
		cm_progress_show(data, p->done, p->bytes);
}

int main(int argc, char **argv)
{
	options o;
	cm_indexer_options io = CM_INDEXER_OPTIONS_INIT;
	cm_indexer *ix = NULL;
	cm_progress progress = {.last = -1};
	const cm_indexer_counts *counts;
	char *dbpath = NULL;
	int status, rc = 0, skipped;

	if ((status = parse_options(&o, argc, argv)) >= 0)
		return status;
	/* The files are OCR'd on the build's threads: Tesseract's own OpenMP
	 * threads would only compete with them (and spin). */
	setenv("OMP_THREAD_LIMIT", "1", 0);
	if (cm_dbpath_resolve(&dbpath, o.db) < 0 || cm_dbpath_make_parents(dbpath) < 0) {
		cm_diag(CM_INDEXER_PROGRAM, NULL, "%s", cm_error_last());
		free(dbpath);
		return CM_EXIT_FAIL;
	}
	io.follow = o.follow;
	io.max_size = o.max_size;
	io.batch = o.batch;
	io.jobs = o.jobs;
	io.ocr = o.ocr;
	io.on_event = on_event;
	if (isatty(STDERR_FILENO)) {
		io.on_progress = on_progress;
		io.progress_data = &progress;
		io.event_data = &progress;
	}
	rc = cm_indexer_open(&ix, dbpath, &io);
	if (rc == CM_ELOCKED) {
		cm_diag(CM_INDEXER_PROGRAM, dbpath, "index is locked by another writer");
		free(dbpath);
		return CM_EXIT_LOCKED;
	}
	if (rc < 0) {
		cm_diag(CM_INDEXER_PROGRAM, dbpath, "cannot open the index: %s", cm_error_last());
		free(dbpath);
		return CM_EXIT_FAIL;
	}
	rc = cm_indexer_run(ix, (const char *const *)argv + optind, (size_t)(argc - optind));
	if (rc < 0)
		cm_diag(CM_INDEXER_PROGRAM, dbpath,
			"indexing stopped: %s (the index keeps its "
			"last commit)",
			cm_error_last());
	if (cm_indexer_close(ix) < 0 && rc >= 0) {
		cm_diag(CM_INDEXER_PROGRAM, dbpath, "cannot close the index: %s", cm_error_last());
		rc = CM_EIO;
	}
	cm_progress_end(&progress);
	counts = cm_indexer_counts_get(ix);
	if (!o.quiet)
		summary(counts);
	skipped = counts->skipped > 0;
	cm_indexer_free(ix);
	free(dbpath);
	if (rc < 0)
		return CM_EXIT_FAIL;
	return o.strict && skipped ? CM_EXIT_FAIL : CM_EXIT_OK;
}
