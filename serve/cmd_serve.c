/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_serve.c: `chimuc serve [--db DIR] [--listen ADDR:PORT] [--threads N]
 * [--auth FILE | --no-auth] [--tls-cert FILE --tls-key FILE]`: its
 * options, the refusal to listen beyond loopback without --auth or
 * --no-auth, the users of --auth, the certificate of --tls-cert (tls.h),
 * the server started (http.h) and stopped on SIGTERM or SIGINT after the
 * requests in flight. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "http.h"
#include "serve_limits.h"
#include "listen.h"
#include "serve.h"

static const char usage_text[] =
	"Usage: chimuc serve [OPTION]...\n"
	"Answer the JSON API over HTTP (GET /api/search, /api/doc/ID, /api/cited-by,\n"
	"/api/cites, /api/top-cited, /api/stats, /api/deadlines, /api/graph; POST\n"
	"/api/map), reading the index; documents the indexer adds appear without\n"
	"a restart. SIGTERM or SIGINT ends it after the requests in flight.\n"
	"\n"
	"  --db DIR             the index (repeated, or a Xapian stub file: many\n"
	"                       shards; --shard-timeout SECONDS, --all-shards)\n"
	"  --listen ADDR:PORT   where to listen (default " CM_SERVE_LISTEN_DEFAULT "; port 0:\n"
	"                       any free one; [::1]:PORT for IPv6)\n"
	"  --threads N          worker threads (default 16, at most 64)\n"
	"  --auth FILE          ask for a user of FILE (HTTP Basic; lines user:hash,\n"
	"                       salted crypt(3) hashes: mkpasswd, openssl passwd -6)\n"
	"  --no-auth            allow an address beyond loopback without\n"
	"                       authentication (behind a reverse proxy that does it)\n"
	"  --tls-cert FILE      serve HTTPS (only) with this PEM certificate (or chain)\n"
	"  --tls-key FILE       and its PEM private key (both or neither)\n"
	"  -h, --help           show this help\n"
	"An address beyond loopback needs --auth FILE or --no-auth, with TLS too.\n"
	"Basic credentials travel in clear over plain HTTP: beyond loopback, give\n"
	"--tls-cert and --tls-key, or put a TLS reverse proxy in front.\n"
	"The address and port it listens on are printed on standard error.\n";

typedef struct {
	const char *listen;
	unsigned threads;
	int no_auth;
	const char *auth; /* --auth FILE */
	const char *tls_cert, *tls_key;
} options;

static int parse_options(options *o, cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"listen", required_argument, NULL, 'l'},
						 {"threads", required_argument, NULL, 't'},
						 {"no-auth", no_argument, NULL, 'n'},
						 {"auth", required_argument, NULL, 'a'},
						 {"tls-cert", required_argument, NULL, 'c'},
						 {"tls-key", required_argument, NULL, 'k'},
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	int c;

	*o = (options){CM_SERVE_LISTEN_DEFAULT, CM_SERVE_THREADS_DEFAULT, 0, NULL, NULL, NULL};
	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		switch (c) {
		case 'l': o->listen = optarg; break;
		case 't':
			if (cm_cli_count(&o->threads, optarg, CM_SERVE_THREADS_MAX) < 0 ||
			    o->threads == 0)
				return cm_cli_usage_error("serve",
							  "--threads needs a number from 1 to %d",
							  CM_SERVE_THREADS_MAX);
			break;
		case 'n': o->no_auth = 1; break;
		case 'a': o->auth = optarg; break;
		case 'c': o->tls_cert = optarg; break;
		case 'k': o->tls_key = optarg; break;
		}
	}
	if (c < 0)
		return ctx->exit;
	if (optind < argc)
		return cm_cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
	if (o->auth && o->no_auth)
		return cm_cli_usage_error("serve", "--auth and --no-auth exclude each other");
	if (!o->tls_cert != !o->tls_key)
		return cm_cli_usage_error("serve", "--tls-cert and --tls-key go together");
	return -1;
}

/* Serves until a stop signal; the signals are blocked before the threads
 * start, so that only sigwait sees them. */
static int run(const cm_serve_config *cfg, const char *listen, const char *db)
{
	cm_serve_server *s = NULL;
	size_t hits, misses;
	sigset_t stop;
	int sig, rc;

	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	if ((rc = cm_serve_start(&s, cfg)) < 0) {
		cm_diag(CM_PROGRAM, listen, "%s", cm_error_last());
		return CM_EXIT_FAIL;
	}
	fprintf(stderr, "%s: serving %s on port %u\n", CM_PROGRAM, db, cm_serve_port(s));
	fflush(stderr);
	sigwait(&stop, &sig);
	cm_serve_tally(&hits, &misses, s);
	cm_serve_stop(s);
	fprintf(stderr, "%s: stopped (%zu answers from the cache, %zu read from the index)\n",
		CM_PROGRAM, hits, misses);
	return CM_EXIT_OK;
}

int cm_cmd_serve(cm_cmd_ctx *ctx, int argc, char **argv)
{
	struct sockaddr_storage addr;
	cm_serve_config cfg = {0};
	cm_serve_pool *pool = NULL;
	cm_serve_auth *auth = NULL;
	cm_serve_tls *tls = NULL;
	cm_index_options io;
	options o;
	int status;

	if ((status = parse_options(&o, ctx, argc, argv)) >= 0)
		return status;
	if (cm_serve_listen_parse(&addr, &cfg.addrlen, o.listen) < 0)
		return cm_cli_usage_error("serve", "%s", cm_error_last());
	if (!cm_serve_loopback((struct sockaddr *)&addr) && !o.no_auth && !o.auth)
		return cm_cli_usage_error("serve",
					  "%s is beyond loopback: anyone who reaches it could "
					  "read the index; give --auth FILE, or --no-auth",
					  o.listen);
	if ((o.auth && cm_serve_auth_load(&auth, o.auth) < 0) ||
	    (o.tls_cert && cm_serve_tls_load(&tls, o.tls_cert, o.tls_key) < 0) ||
	    cm_cmd_index_options(&io, ctx) < 0 || cm_serve_pool_new(&pool, &io) < 0) {
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
		status = CM_EXIT_FAIL;
		goto cleanup;
	}
	cfg.addr = (struct sockaddr *)&addr;
	cfg.threads = o.threads;
	cfg.pool = pool;
	cfg.auth = auth;
	cfg.tls = tls;
	status = run(&cfg, o.listen, io.paths[0]);
cleanup:
	cm_serve_pool_free(pool);
	cm_serve_tls_free(tls);
	cm_serve_auth_free(auth);
	return status;
}
