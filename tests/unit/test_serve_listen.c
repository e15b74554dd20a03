/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_serve_listen.c: --listen ADDR:PORT of chimuc serve
 * (serve/listen.h), table-driven: IPv4, IPv6 in brackets, localhost, port 0,
 * refused forms; which addresses are loopback. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <string.h>

#include "chimuc/error.h"
#include "listen.h"

typedef struct {
	const char *spec;
	int rc;
	int family; /* when rc is 0 */
	unsigned port;
	int loopback;
} listen_case;

static const listen_case cases[] = {
	{"127.0.0.1:8080", 0, AF_INET, 8080, 1},
	{"127.1.2.3:0", 0, AF_INET, 0, 1},
	{"localhost:80", 0, AF_INET, 80, 1},
	{"0.0.0.0:8080", 0, AF_INET, 8080, 0},
	{"192.168.1.10:65535", 0, AF_INET, 65535, 0},
	{"[::1]:8080", 0, AF_INET6, 8080, 1},
	{"[::]:8080", 0, AF_INET6, 8080, 0},
	{"[::ffff:127.0.0.1]:1", 0, AF_INET6, 1, 1},
	{"[::ffff:10.0.0.1]:1", 0, AF_INET6, 1, 0},
	{"[fe80::1]:8080", 0, AF_INET6, 8080, 0},
	{"127.0.0.1", CM_EINVAL, 0, 0, 0},
	{"127.0.0.1:", CM_EINVAL, 0, 0, 0},
	{"127.0.0.1:65536", CM_EINVAL, 0, 0, 0},
	{"127.0.0.1:99999999999", CM_EINVAL, 0, 0, 0},
	{"127.0.0.1:-1", CM_EINVAL, 0, 0, 0},
	{"127.0.0.1:8o", CM_EINVAL, 0, 0, 0},
	{":8080", CM_EINVAL, 0, 0, 0},
	{"example.org:80", CM_EINVAL, 0, 0, 0},
	{"1.2.3:80", CM_EINVAL, 0, 0, 0},
	{"::1:8080", CM_EINVAL, 0, 0, 0},
	{"[::1:8080", CM_EINVAL, 0, 0, 0},
	{"[::1]8080", CM_EINVAL, 0, 0, 0},
	{"[127.0.0.1]:80", CM_EINVAL, 0, 0, 0},
	{"", CM_EINVAL, 0, 0, 0},
};

Test(serve_listen, addresses)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const listen_case *t = &cases[i];
		struct sockaddr_storage ss;
		socklen_t len = 0;
		int rc = cm_serve_listen_parse(&ss, &len, t->spec);

		cr_expect_eq(rc, t->rc, "%s: %d", t->spec, rc);
		if (rc < 0)
			continue;
		cr_expect_eq(ss.ss_family, t->family, "%s", t->spec);
		if (t->family == AF_INET) {
			const struct sockaddr_in *a = (const struct sockaddr_in *)&ss;
			cr_expect_eq(len, sizeof *a, "%s", t->spec);
			cr_expect_eq(ntohs(a->sin_port), t->port, "%s", t->spec);
		} else {
			const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)&ss;
			cr_expect_eq(len, sizeof *a, "%s", t->spec);
			cr_expect_eq(ntohs(a->sin6_port), t->port, "%s", t->spec);
		}
		cr_expect_eq(cm_serve_loopback((const struct sockaddr *)&ss), t->loopback, "%s",
			     t->spec);
	}
}

Test(serve_listen, the_default_is_loopback)
{
	struct sockaddr_storage ss;
	socklen_t len;

	cr_assert_eq(cm_serve_listen_parse(&ss, &len, CM_SERVE_LISTEN_DEFAULT), 0);
	cr_expect(cm_serve_loopback((const struct sockaddr *)&ss));
}
