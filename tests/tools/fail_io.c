/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fail_io.c: an LD_PRELOAD shim for tests/e2e/test_inject.sh. From the Nth
 * call on (CM_FAIL_IO=N), write, pwrite, writev, fsync and fdatasync on
 * descriptors above 2 fail with CM_FAIL_ERRNO ("ENOSPC", the default, or
 * "EIO"), as on a full or failing disk; CM_FAIL_IO=count prints how many
 * such calls a run made, at exit. Built without the sanitizers; a sanitized
 * program needs ASAN_OPTIONS=verify_asan_link_order=0 to load it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static long calls, fail_at; /* fail_at 0: never */
static int counting, fail_errno = ENOSPC;

__attribute__((constructor)) static void fail_io_init(void)
{
	const char *at = getenv("CM_FAIL_IO"), *e = getenv("CM_FAIL_ERRNO");

	counting = at && strcmp(at, "count") == 0;
	fail_at = at && !counting ? atol(at) : 0;
	if (e && strcmp(e, "EIO") == 0)
		fail_errno = EIO;
}

__attribute__((destructor)) static void fail_io_report(void)
{
	if (counting)
		fprintf(stderr, "fail_io: %ld calls\n", calls);
}

/* Stores into *out (a function pointer) the next definition of name after
 * this library's. */
static void resolve(void *out, const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);

	memcpy(out, &p, sizeof p);
}

/* 1 (errno set) if this call on fd must fail. */
static int failing(int fd)
{
	if (fd <= 2)
		return 0;
	calls++;
	if (fail_at == 0 || calls < fail_at)
		return 0;
	errno = fail_errno;
	return 1;
}

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*pwrite64_fn)(int, const void *, size_t, off64_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);
typedef int (*sync_fn)(int);

ssize_t write(int fd, const void *buf, size_t n)
{
	static write_fn real;

	if (!real)
		resolve(&real, "write");
	return failing(fd) ? -1 : real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	static pwrite_fn real;

	if (!real)
		resolve(&real, "pwrite");
	return failing(fd) ? -1 : real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	static pwrite64_fn real;

	if (!real)
		resolve(&real, "pwrite64");
	return failing(fd) ? -1 : real(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	static writev_fn real;

	if (!real)
		resolve(&real, "writev");
	return failing(fd) ? -1 : real(fd, iov, n);
}

int fsync(int fd)
{
	static sync_fn real;

	if (!real)
		resolve(&real, "fsync");
	return failing(fd) ? -1 : real(fd);
}

int fdatasync(int fd)
{
	static sync_fn real;

	if (!real)
		resolve(&real, "fdatasync");
	return failing(fd) ? -1 : real(fd);
}
