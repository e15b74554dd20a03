/* SPDX-License-Identifier: GPL-2.0-or-later */

/* lazylib.h: shared libraries loaded on first use (dlopen) rather than at
 * every start of every program: poppler-glib, libzip and libical bring in
 * many libraries that only reading a PDF or a DOCX, or writing an
 * iCalendar, needs. Private to lib/.
 *
 * A user lists the functions it calls in an X-macro and defines with
 * CM_LAZYLIB a struct of pointers of the same types (__typeof__ of each
 * function) and the cm_lazylib that fills them; cm_lazylib_load fills them
 * once, thread-safe. */
#ifndef CM_LAZYLIB_H
#define CM_LAZYLIB_H

#include <pthread.h>
#include <stddef.h>

typedef struct {
	const char *name;
	void **slot; /* where the function's address goes */
} cm_lazy_symbol;

typedef struct {
	const char *soname; /* e.g. "libzip.so.4" */
	const char *what;   /* for messages, e.g. "DOCX support" */
	const cm_lazy_symbol *symbols;
	size_t nsymbols;
	pthread_mutex_t lock;
	int tried;
	char error[256]; /* why loading failed, "" once loaded */
} cm_lazylib;

#define CM_LAZY_POINTER(api, f) __typeof__(&f) f;
#define CM_LAZY_ENTRY(api, f) {#f, (void **)&(api).f},

/* Defines api, a struct with a pointer to each function that FUNCTIONS
 * lists (FUNCTIONS(X, a) expands X(a, f) for each function f), and lib,
 * the cm_lazylib that fills it from soname. */
#define CM_LAZYLIB(api, lib, FUNCTIONS, soname, what)                                  \
	static struct {                                                                \
		FUNCTIONS(CM_LAZY_POINTER, api)                                        \
	} api;                                                                         \
	static const cm_lazy_symbol lib##_symbols[] = {FUNCTIONS(CM_LAZY_ENTRY, api)}; \
	static cm_lazylib lib = {soname,                                               \
				 what,                                                 \
				 lib##_symbols,                                        \
				 sizeof lib##_symbols / sizeof lib##_symbols[0],       \
				 PTHREAD_MUTEX_INITIALIZER,                            \
				 0,                                                    \
				 ""}

/* 0 once the library is loaded and every slot filled, or CM_EMISSING
 * "WHAT unavailable: REASON" (every later call too). The library is
 * $CHIMUC_LAZYLIB_PATH/SONAME when that variable is set, else SONAME as
 * the dynamic linker finds it. */
int cm_lazylib_load(cm_lazylib *l);

#endif
