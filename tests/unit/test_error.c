/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_error.c: the per-thread last error (chimuc/error.h): what each way
 * of recording one leaves as code and message, truncation of an over-long
 * message, clearing, and that another thread's error is not this one's. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>

#include "chimuc/error.h"

static int record_invalid(void)
{
	return cm_error_set(CM_EINVAL, "%s: %d", "a test", 7);
}

static int record_nomem(void)
{
	return cm_error_nomem();
}

static int record_version(void)
{
	return cm_error_version("cites", 2, 1);
}

Test(error, each_way_of_recording)
{
	static const struct {
		int (*record)(void);
		int code;
		const char *message, *name;
	} cases[] = {
		{record_invalid, CM_EINVAL, "a test: 7", "invalid"},
		{record_nomem, CM_ENOMEM, "out of memory", "out of memory"},
		{record_version, CM_EINVAL, "cites: options of version 2, not 1", "invalid"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_error_clear();
		cr_expect_eq(cases[i].record(), cases[i].code, "case %zu: returned", i);
		cr_expect_eq(cm_error_code(), cases[i].code, "case %zu: code", i);
		cr_expect_str_eq(cm_error_last(), cases[i].message, "case %zu", i);
		cr_expect_str_eq(cm_error_name(cm_error_code()), cases[i].name, "case %zu", i);
	}
}

Test(error, clear_forgets_it)
{
	record_invalid();
	cm_error_clear();
	cr_expect_eq(cm_error_code(), CM_OK);
	cr_expect_str_eq(cm_error_last(), "");
	cr_expect_str_eq(cm_error_name(CM_OK), "ok");
}

Test(error, an_over_long_message_is_cut_not_overrun)
{
	static char word[5000];

	memset(word, 'x', sizeof word - 1);
	cr_expect_eq(cm_error_set(CM_EPARSE, "%s", word), CM_EPARSE);
	cr_expect_gt(strlen(cm_error_last()), 0);
	cr_expect_lt(strlen(cm_error_last()), sizeof word - 1);
	cr_expect_eq(strspn(cm_error_last(), "x"), strlen(cm_error_last()));
}

static void *other_thread(void *arg)
{
	(void)arg;
	cm_error_set(CM_ELOCKED, "held by the other thread");
	return NULL;
}

Test(error, per_thread)
{
	pthread_t t;

	record_version();
	cr_assert_eq(pthread_create(&t, NULL, other_thread, NULL), 0);
	pthread_join(t, NULL);
	cr_expect_eq(cm_error_code(), CM_EINVAL);
	cr_expect_str_eq(cm_error_last(), "cites: options of version 2, not 1");
}
