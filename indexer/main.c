/* SPDX-License-Identifier: GPL-2.0-or-later */

/* main.c: chimuc-index, the command line of the indexer: options, opening
 * the index for writing (exit 75 when another writer holds it), the walk of
 * every PATH, pruning, the final commit and the summary. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chimuc/dbpath.h"
#include "chimuc/docpath.h"
#include "chimuc/strmap.h"
#include "chimuc/diag.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/source.h"
#include "front.h"
#include "indexer.h"

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
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},       {"follow", no_argument, NULL, 'f'},
		{"max-size", required_argument, NULL, 'm'}, {"batch", required_argument, NULL, 'b'},
		{"jobs", required_argument, NULL, 'j'},     {"strict", no_argument, NULL, 's'},
		{"quiet", no_argument, NULL, 'q'},          {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},        {NULL, 0, NULL, 0}};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t n;
	static char program[] = CM_INDEXER_PROGRAM;
	int c;

	argv[0] = program;
	*o = (options){.max_size = CM_SOURCE_MAX_DEFAULT,
		       .batch = 1000,
		       .jobs = cpus < 1    ? 1
			       : cpus > 16 ? 16
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
			if (parse_size(&n, optarg) < 0 || n == 0 || n > 16)
				return usage_error("--jobs needs a number from 1 to 16", optarg);
			o->jobs = (unsigned)n;
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

/* Indexes one command-line PATH, under its canonical absolute path (one
 * document per file however the path is spelt); only index failures are
 * returned. */
static int index_root(cm_indexer *ix, const char *arg)
{
	struct stat st;
	char *root = NULL;
	int rc;

	if ((rc = cm_docpath_canonical(&root, arg, ix->follow)) == CM_ENOMEM)
		return rc;
	if (rc < 0 || (ix->follow ? stat(root, &st) : lstat(root, &st)) < 0) {
		if (root)
			cm_error_set(CM_EIO, "%s", strerror(errno));
		ix->seen++;
		ix->skipped++;
		cm_diag(CM_INDEXER_PROGRAM, arg, "skipped: %s", cm_error_last());
		free(root);
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		rc = cm_indexer_found(ix, root, &st);
	else if ((rc = cm_indexer_walk(ix, root)) >= 0 && !ix->found &&
		 (rc = cm_indexer_prune(ix, root)) >= 0)
		rc = cm_failure_prune(ix, root);
	free(root);
	return rc;
}

static void summary(const cm_indexer *ix)
{
	printf("%s: %lu seen: %lu indexed, %lu unchanged, %lu removed, %lu skipped",
	       CM_INDEXER_PROGRAM, ix->seen, ix->indexed, ix->unchanged, ix->removed, ix->skipped);
	if (ix->warnings)
		printf(" (%lu with warnings)", ix->warnings);
	if (ix->ignored)
		printf("; %lu other files ignored", ix->ignored);
	if (ix->indexed + ix->removed == 0)
		printf("; the index is unchanged");
	putchar('\n');
}

/* The progress line of an update expects as many files as the index holds
 * documents (a parallel build starts it again with the files it found). */
static int start_progress(cm_progress *p, cm_xdb *db)
{
	unsigned docs;
	int rc;

	if ((rc = cm_xdb_doccount(&docs, db)) < 0)
		return rc;
	cm_progress_start(p, docs, 0, 1);
	return 0;
}

/* Drops the files found twice (a file named twice, or by a link with
 * --follow), keeping the first: one writer replaces a document by its id,
 * but the shards of a parallel build would each keep one. */
static int drop_twice_found(cm_filelist *l)
{
	cm_strmap seen = CM_STRMAP_INIT;
	size_t kept = 0;
	int rc = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (rc >= 0)
			rc = cm_strmap_put(NULL, &seen, l->v[i].path, strlen(l->v[i].path), i);
		if (rc == 1)
			l->v[kept++] = l->v[i];
		else
			free(l->v[i].path);
	}
	l->n = kept;
	cm_strmap_free(&seen);
	return rc < 0 ? rc : 0;
}

/* Indexes the roots: in parallel when the index is new, else incrementally
 * in one transaction per batch. */
static int run(cm_indexer *ix, const char *dbpath, const options *o, char **roots, int nroots)
{
	cm_filelist found = {0};
	int parallel, rc;

	if ((rc = cm_parallel_wanted(&parallel, ix, o->jobs)) < 0)
		return rc;
	if (!parallel) {
		if ((rc = cm_index_format_check(ix->db, 1)) == 0)
			rc = cm_indexer_begin(ix);
		for (int i = 0; i < nroots && rc >= 0; i++)
			rc = index_root(ix, roots[i]);
		return rc < 0 ? rc : cm_indexer_finish(ix);
	}
	ix->found = &found;
	for (int i = 0; i < nroots && rc >= 0; i++)
		rc = index_root(ix, roots[i]);
	ix->found = NULL;
	if (rc >= 0)
		rc = drop_twice_found(&found);
	if (rc >= 0)
		rc = cm_parallel_build(ix, dbpath, &found, o->jobs);
	cm_filelist_free(&found);
	return rc;
}

int main(int argc, char **argv)
{
	options o;
	cm_indexer ix = {0};
	cm_progress progress;
	char *dbpath = NULL;
	int status, rc = 0;

	if ((status = parse_options(&o, argc, argv)) >= 0)
		return status;
	if (cm_dbpath_resolve(&dbpath, o.db) < 0 || cm_dbpath_make_parents(dbpath) < 0) {
		cm_diag(CM_INDEXER_PROGRAM, NULL, "%s", cm_error_last());
		free(dbpath);
		return CM_EXIT_FAIL;
	}
	rc = cm_xdb_open_writable(&ix.db, dbpath, CM_XDB_CREATE_OR_OPEN);
	if (rc == CM_ELOCKED) {
		cm_diag(CM_INDEXER_PROGRAM, dbpath, "index is locked by another writer");
		free(dbpath);
		return CM_EXIT_LOCKED;
	}
	if (rc == 0 && (rc = cm_index_format_check(ix.db, 0)) < 0)
		cm_xdb_free(ix.db);
	if (rc < 0) {
		cm_diag(CM_INDEXER_PROGRAM, dbpath, "cannot open the index: %s", cm_error_last());
		free(dbpath);
		return CM_EXIT_FAIL;
	}
	ix.follow = o.follow;
	ix.max_size = o.max_size;
	ix.batch = o.batch;
	if (isatty(STDERR_FILENO) && start_progress(&progress, ix.db) == 0)
		ix.progress = &progress;
	rc = run(&ix, dbpath, &o, argv + optind, argc - optind);
	if (rc < 0)
		cm_diag(CM_INDEXER_PROGRAM, dbpath,
			"indexing stopped: %s (the index keeps its "
			"last commit)",
			cm_error_last());
	if (cm_xdb_free(ix.db) < 0 && rc >= 0) {
		cm_diag(CM_INDEXER_PROGRAM, dbpath, "cannot close the index: %s", cm_error_last());
		rc = CM_EIO;
	}
	if (ix.progress)
		cm_progress_end(ix.progress);
	if (!o.quiet)
		summary(&ix);
	cm_indexer_release(&ix);
	free(dbpath);
	if (rc < 0)
		return CM_EXIT_FAIL;
	return o.strict && ix.skipped ? CM_EXIT_FAIL : CM_EXIT_OK;
}
