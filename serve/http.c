/* SPDX-License-Identifier: GPL-2.0-or-later */

/* http.c: the libmicrohttpd daemon of `chimuc serve` (http.h): one
 * exchange per request (its raw target from the URI log callback, its body
 * up to CM_SERVE_BODY_MAX, raw or a multipart upload's draft: body.h),
 * dispatched to the routes with an index handle from the pool (none for the
 * page) through the answer cache (warm.h), answered with the security
 * headers of an API, or the caching and policy the reply names (the page's
 * files). */
#include "http.h"

#include <microhttpd.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "body.h"
#include "cache.h"
#include "perip.h"
#include "warm.h"
#include "chimuc/error.h"
#include "serve_limits.h"
#include "reply.h"
#include "request.h"
#include "route.h"

struct cm_serve_server {
	struct MHD_Daemon *d;
	cm_serve_pool *pool;
	const cm_serve_auth *auth;
	cm_serve_cache *cache;
	cm_serve_perip *perip;
	cm_serve_warm *warm;
	atomic_int active; /* requests begun and not yet completed */
};

/* One request: its raw target and its body. */
typedef struct {
	char *uri;
	size_t uri_len;
	int started;
	cm_serve_body body;
} exchange;

/* A new connection is accepted while its address has fewer than
 * CM_SERVE_CONNECTIONS_PER_IP open. */
static enum MHD_Result accept_policy(void *cls, const struct sockaddr *addr, socklen_t len)
{
	cm_serve_server *s = cls;

	(void)len;
	return cm_serve_perip_admit(s->perip, addr) ? MHD_YES : MHD_NO;
}

static void connection_event(void *cls, struct MHD_Connection *c, void **socket_context,
			     enum MHD_ConnectionNotificationCode what)
{
	cm_serve_server *s = cls;
	const union MHD_ConnectionInfo *i;

	if (what == MHD_CONNECTION_NOTIFY_STARTED) {
		i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		*socket_context = cm_serve_perip_enter(s->perip, i ? i->client_addr : NULL);
	} else if (what == MHD_CONNECTION_NOTIFY_CLOSED) {
		cm_serve_perip_leave(s->perip, *socket_context);
		*socket_context = NULL;
	}
}

static void *uri_begun(void *cls, const char *uri, struct MHD_Connection *c)
{
	cm_serve_server *s = cls;
	exchange *x = calloc(1, sizeof *x);

	(void)c;
	atomic_fetch_add(&s->active, 1);
	if (x) {
		x->uri_len = strlen(uri);
		/* past the limit only the length is kept: the answer is 414 */
		x->uri = x->uri_len > CM_SERVE_URL_MAX ? NULL : strdup(uri);
	}
	return x;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
		      enum MHD_RequestTerminationCode why)
{
	cm_serve_server *s = cls;
	exchange *x = *con_cls;

	(void)c;
	(void)why;
	if (x) {
		free(x->uri);
		cm_serve_body_release(&x->body);
		free(x);
	}
	*con_cls = NULL;
	atomic_fetch_sub(&s->active, 1);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, cm_serve_reply *rep)
{
	struct MHD_Response *r;
	enum MHD_Result ok;

	r = MHD_create_response_from_buffer(rep->len, rep->body, MHD_RESPMEM_MUST_FREE);
	if (!r)
		return MHD_NO;
	rep->body = NULL;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rep->type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
				rep->cache ? rep->cache : "no-store");
	MHD_add_response_header(r, "Content-Security-Policy",
				rep->policy ? rep->policy
					    : "default-src 'none'; frame-ancestors 'none'");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	ok = MHD_queue_response(c, rep->status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
	cm_serve_reply rep = {0};

	if (cm_serve_reply_error(&rep, status, msg) < 0)
		return MHD_NO;
	return send_reply(c, &rep);
}

/* 1 if the request's Basic credentials are one of the users'. */
static int authorized(const cm_serve_server *s, struct MHD_Connection *c)
{
	char *password = NULL, *name;
	int ok;

	if (!s->auth)
		return 1;
	name = MHD_basic_auth_get_username_password(c, &password);
	ok = cm_serve_auth_check(s->auth, name, password);
	if (password) {
		explicit_bzero(password, strlen(password));
		MHD_free(password);
	}
	if (name)
		MHD_free(name);
	return ok;
}

/* 401 with the challenge of the realm "chimuc". */
static enum MHD_Result send_unauthorized(struct MHD_Connection *c)
{
	cm_serve_reply rep = {0};
	struct MHD_Response *r;
	enum MHD_Result ok;

	if (cm_serve_reply_error(&rep, 401, "authentication needed") < 0)
		return MHD_NO;
	if (!(r = MHD_create_response_from_buffer(rep.len, rep.body, MHD_RESPMEM_MUST_FREE))) {
		cm_serve_reply_release(&rep);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rep.type);
	ok = MHD_queue_basic_auth_fail_response(c, "chimuc", r);
	MHD_destroy_response(r);
	return ok;
}

/* The message of an index that cannot be opened, for the client. */
static int unavailable(cm_serve_reply *rep, int code)
{
	if (code == CM_ENOTFOUND)
		return cm_serve_reply_error(rep, 503,
					    "no index yet: build it with chimuc-index, then retry");
	if (code == CM_EUNSUPPORTED || code == CM_ECORRUPT || code == CM_ELOCKED ||
	    code == CM_EMODIFIED)
		return cm_serve_reply_error(rep, 503, cm_error_last());
	return cm_serve_reply_failed(rep, code);
}

/* The reply to a whole request. */
static int answer(cm_serve_reply *rep, cm_serve_server *s, exchange *x, const char *method,
		  const char *body, size_t body_len)
{
	cm_serve_request req;
	const cm_serve_route *route;
	cm_serve_call call = {0};
	cm_serve_handle h = {NULL, 0};
	unsigned status;
	int rc, broken = 0;

	if (!x->uri)
		return cm_serve_reply_error(rep, 414, "the URL is too long");
	if ((rc = cm_serve_request_parse(&req, x->uri, x->uri_len)) < 0)
		return rc == CM_ELIMIT ? cm_serve_reply_error(rep, 414, cm_error_last())
				       : cm_serve_reply_failed(rep, rc);
	status = cm_serve_route_find(&route, &call.rest, method, req.path);
	if (status != 200) {
		rc = cm_serve_reply_error(rep, status,
					  status == 404   ? "no such endpoint"
					  : status == 405 ? "method not allowed here"
							  : "the path needs an ID");
		goto cleanup;
	}
	call.req = &req;
	if (route->no_index) {
		rc = route->handler(rep, &call);
		goto cleanup;
	}
	if ((rc = cm_serve_pool_take(&h, s->pool)) < 0) {
		rc = unavailable(rep, rc);
		goto cleanup;
	}
	call.ix = h.ix;
	call.body = body;
	call.body_len = body_len;
	if ((rc = cm_serve_cached_reply(rep, s->cache, route, &call, 0)) < 0) {
		/* a failure of the index (not of the question): a new handle next time */
		broken = cm_serve_status_of(rc) >= 500;
		cm_serve_reply_release(rep);
		rc = cm_serve_reply_failed(rep, rc);
	} else
		rc = cm_serve_reply_mark_partial(rep, h.ix);
	cm_serve_pool_give(s->pool, h, broken);
cleanup:
	cm_serve_request_release(&req);
	return rc;
}

/* 1 when the declared body is already larger than limit. */
static int declared_too_large(struct MHD_Connection *c, size_t limit)
{
	const char *v =
		MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	unsigned long long n;

	if (!v)
		return 0;
	n = strtoull(v, NULL, 10);
	return n > limit;
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *c, const char *url,
				      const char *method, const char *version,
				      const char *upload_data, size_t *upload_data_size,
				      void **con_cls)
{
	cm_serve_server *s = cls;
	exchange *x = *con_cls;
	cm_serve_reply rep = {0};
	const char *body = "";
	size_t body_len = 0;
	int rc;

	(void)url;
	(void)version;
	if (!x)
		return send_error(c, 500, "out of memory");
	if (!x->started) {
		x->started = 1;
		if (!authorized(s, c))
			return send_unauthorized(c);
		if (strcmp(method, "POST") && strcmp(method, "PUT")) {
			if (declared_too_large(c, CM_SERVE_BODY_MAX))
				return send_error(c, 413, "the body is too large");
			goto whole;
		}
		if (cm_serve_body_begin(&x->body, c) < 0)
			return send_error(c, 400, cm_error_last());
		if (declared_too_large(c, cm_serve_body_limit(&x->body)))
			return send_error(c, 413, "the body is too large");
		return MHD_YES;
	}
	if (*upload_data_size) {
		cm_serve_body_add(&x->body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if ((rc = cm_serve_body_end(&body, &body_len, &x->body)) < 0)
		return rc == CM_ELIMIT ? send_error(c, 413, "the body is too large")
				       : send_error(c, 400, cm_error_last());
whole:
	cm_error_clear();
	if (answer(&rep, s, x, method, body, body_len) < 0)
		return send_error(c, 500, "out of memory");
	return send_reply(c, &rep);
}

int cm_serve_start(cm_serve_server **out, const cm_serve_config *cfg)
{
	cm_serve_server *s = calloc(1, sizeof *s);
	/* poll(2), not epoll: with a thread pool on epoll, libmicrohttpd 0.9.75
	 * drops a few keep-alive connections under load (wrk counts them) */
	unsigned flags = MHD_USE_POLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	struct MHD_OptionItem opts[] = {
		{MHD_OPTION_SOCK_ADDR, 0, (void *)cfg->addr},
		{MHD_OPTION_CONNECTION_LIMIT, CM_SERVE_CONNECTIONS_MAX, NULL},
		{MHD_OPTION_CONNECTION_TIMEOUT, CM_SERVE_TIMEOUT, NULL},
		{MHD_OPTION_CONNECTION_MEMORY_LIMIT, CM_SERVE_HEADERS_MAX, NULL},
		{MHD_OPTION_END, 0, NULL}, /* the thread pool, unless one thread */
		{MHD_OPTION_END, 0, NULL}, /* the TLS key and certificate */
		{MHD_OPTION_END, 0, NULL},
		{MHD_OPTION_END, 0, NULL}};
	size_t n = 4;

	*out = NULL;
	if (!s)
		return cm_error_nomem();
	s->pool = cfg->pool;
	s->auth = cfg->auth;
	atomic_init(&s->active, 0);
	if (cm_serve_cache_new(&s->cache, CM_SERVE_CACHE_BYTES) < 0 ||
	    cm_serve_perip_new(&s->perip, CM_SERVE_CONNECTIONS_MAX, CM_SERVE_CONNECTIONS_PER_IP) <
		    0 ||
	    cm_serve_warm_start(&s->warm, s->pool, s->cache) < 0) {
		cm_serve_perip_free(s->perip);
		cm_serve_cache_free(s->cache);
		free(s);
		return cm_error_nomem();
	}
	if (cfg->addr->sa_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* one thread: the polling thread alone, no pool */
	if (cfg->threads > 1)
		opts[n++] = (struct MHD_OptionItem){MHD_OPTION_THREAD_POOL_SIZE,
						    (intptr_t)cfg->threads, NULL};
	if (cfg->tls) {
		flags |= MHD_USE_TLS;
		opts[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_KEY, 0, cfg->tls->key};
		opts[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_CERT, 0, cfg->tls->cert};
	}
	s->d = MHD_start_daemon(flags, 0, accept_policy, s, access_handler, s,
				MHD_OPTION_URI_LOG_CALLBACK, uri_begun, s,
				MHD_OPTION_NOTIFY_COMPLETED, completed, s,
				MHD_OPTION_NOTIFY_CONNECTION, connection_event, s, MHD_OPTION_ARRAY,
				opts, MHD_OPTION_END);
	if (!s->d) {
		cm_serve_warm_stop(s->warm);
		cm_serve_perip_free(s->perip);
		cm_serve_cache_free(s->cache);
		free(s);
		return cm_error_set(CM_EIO, "cannot listen there (address in use, or not ours)");
	}
	*out = s;
	return 0;
}

unsigned cm_serve_port(const cm_serve_server *s)
{
	const union MHD_DaemonInfo *i = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	return i ? i->port : 0;
}

void cm_serve_tally(size_t *hits, size_t *misses, cm_serve_server *s)
{
	cm_serve_cache_tally(hits, misses, s->cache);
}

void cm_serve_stop(cm_serve_server *s)
{
	MHD_socket fd = MHD_quiesce_daemon(s->d);
	struct timespec tick = {0, 50 * 1000 * 1000};

	for (int i = 0; i < CM_SERVE_DRAIN_SECONDS * 20 && atomic_load(&s->active) > 0; i++)
		nanosleep(&tick, NULL);
	MHD_stop_daemon(s->d);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	cm_serve_warm_stop(s->warm);
	cm_serve_perip_free(s->perip);
	cm_serve_cache_free(s->cache);
	free(s);
}
