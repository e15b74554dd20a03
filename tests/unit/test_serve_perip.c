/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_serve_perip.c: connections per client address (serve/perip.h): an
 * address is admitted up to the limit and refused past it, others (IPv4
 * and IPv6) counted apart, admitted again once one of its connections
 * leaves; more addresses than slots are not counted (never refused for
 * that). */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <string.h>

#include "perip.h"

static struct sockaddr_storage v4(const char *ip, unsigned short port)
{
	struct sockaddr_storage ss = {0};
	struct sockaddr_in *a = (struct sockaddr_in *)&ss;

	a->sin_family = AF_INET;
	a->sin_port = htons(port);
	cr_assert_eq(inet_pton(AF_INET, ip, &a->sin_addr), 1);
	return ss;
}

static struct sockaddr_storage v6(const char *ip)
{
	struct sockaddr_storage ss = {0};
	struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

	a->sin6_family = AF_INET6;
	cr_assert_eq(inet_pton(AF_INET6, ip, &a->sin6_addr), 1);
	return ss;
}

#define SA(x) ((const struct sockaddr *)&(x))

Test(serve_perip, limit_per_address)
{
	cm_serve_perip *p;
	struct sockaddr_storage a = v4("127.0.0.1", 1000), a2 = v4("127.0.0.1", 2000),
				b = v4("10.0.0.2", 1000), c = v6("::1");
	void *slots[3];

	cr_assert_eq(cm_serve_perip_new(&p, 8, 3), 0);
	for (int i = 0; i < 3; i++) {
		cr_assert(cm_serve_perip_admit(p, SA(a)), "connection %d", i + 1);
		cr_assert_not_null(slots[i] = cm_serve_perip_enter(p, i % 2 ? SA(a2) : SA(a)));
	}
	/* the port does not matter: the 4th from 127.0.0.1 is refused */
	cr_expect_not(cm_serve_perip_admit(p, SA(a)));
	cr_expect_not(cm_serve_perip_admit(p, SA(a2)));
	cr_expect(cm_serve_perip_admit(p, SA(b)));
	cr_expect(cm_serve_perip_admit(p, SA(c)));
	cm_serve_perip_leave(p, slots[1]);
	cr_expect(cm_serve_perip_admit(p, SA(a)));
	cm_serve_perip_leave(p, slots[0]);
	cm_serve_perip_leave(p, slots[2]);
	cm_serve_perip_free(p);
}

Test(serve_perip, more_addresses_than_slots)
{
	cm_serve_perip *p;
	struct sockaddr_storage a = v4("10.0.0.1", 1), b = v4("10.0.0.2", 1), c = v4("10.0.0.3", 1);
	void *sa, *sb;

	cr_assert_eq(cm_serve_perip_new(&p, 2, 1), 0);
	cr_assert_not_null(sa = cm_serve_perip_enter(p, SA(a)));
	cr_assert_not_null(sb = cm_serve_perip_enter(p, SA(b)));
	cr_expect_null(cm_serve_perip_enter(p, SA(c)));
	cr_expect(cm_serve_perip_admit(p, SA(c)));
	cr_expect_not(cm_serve_perip_admit(p, SA(a)));
	cm_serve_perip_leave(p, NULL);
	cm_serve_perip_leave(p, sa);
	/* the slot of a is free again: c is counted in it */
	cr_assert_not_null(sa = cm_serve_perip_enter(p, SA(c)));
	cr_expect_not(cm_serve_perip_admit(p, SA(c)));
	cr_expect(cm_serve_perip_admit(p, SA(a)));
	cm_serve_perip_leave(p, sa);
	cm_serve_perip_leave(p, sb);
	cm_serve_perip_free(p);
}
