/* SPDX-License-Identifier: GPL-2.0-or-later */

/* listen.c: --listen ADDR:PORT parsed, and the loopback test (listen.h). */
#include "listen.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "chimuc/error.h"

static int port_parse(unsigned *out, const char *s)
{
	unsigned n = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > 65535)
			return -1;
		n = n * 10 + (unsigned)(*s - '0');
	}
	if (n > 65535)
		return -1;
	*out = n;
	return 0;
}

int cm_serve_listen_parse(struct sockaddr_storage *out, socklen_t *len, const char *s)
{
	char host[64];
	const char *colon, *h = s;
	size_t n;
	unsigned port;

	memset(out, 0, sizeof *out);
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':')
			return cm_error_set(CM_EINVAL, "--listen: '%s' is not [ADDR]:PORT", s);
		h = s + 1;
		n = (size_t)(close - h);
		colon = close + 1;
	} else {
		if (!(colon = strrchr(s, ':')))
			return cm_error_set(CM_EINVAL, "--listen: '%s' is not ADDR:PORT", s);
		n = (size_t)(colon - s);
	}
	if (n == 0 || n >= sizeof host || port_parse(&port, colon + 1) < 0)
		return cm_error_set(CM_EINVAL, "--listen: '%s' is not ADDR:PORT", s);
	memcpy(host, h, n);
	host[n] = '\0';
	if (!strcmp(host, "localhost"))
		strcpy(host, "127.0.0.1");
	if (s[0] != '[') {
		struct sockaddr_in *a = (struct sockaddr_in *)out;
		if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
			return cm_error_set(CM_EINVAL, "--listen: '%s' is no IPv4 address", host);
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)port);
		*len = sizeof *a;
	} else {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)out;
		if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1)
			return cm_error_set(CM_EINVAL, "--listen: '%s' is no IPv6 address", host);
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)port);
		*len = sizeof *a;
	}
	return 0;
}

int cm_serve_loopback(const struct sockaddr *addr)
{
	if (addr->sa_family == AF_INET) {
		const struct sockaddr_in *a = (const struct sockaddr_in *)addr;
		return (ntohl(a->sin_addr.s_addr) >> 24) == 127;
	}
	if (addr->sa_family == AF_INET6) {
		const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)addr;
		const unsigned char *b = a->sin6_addr.s6_addr;
		static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
		return IN6_IS_ADDR_LOOPBACK(&a->sin6_addr) ||
		       (!memcmp(b, mapped, sizeof mapped) && b[12] == 127);
	}
	return 0;
}
