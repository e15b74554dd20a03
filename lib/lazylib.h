/* lazylib.h: shared libraries loaded on first use (dlopen) rather than at
 * every start of every program: poppler-glib, libzip and libical bring in
 * many libraries that only reading a PDF or a DOCX, or writing an
 * iCalendar, needs. Private to lib/.
 *
 * A user lists the functions it calls in a struct of pointers of the same
 * types (__typeof__ of each function) and a table of their names and
 * slots; cm_lazylib_load fills the slots once, thread-safe. */
#ifndef CM_LAZYLIB_H
#define CM_LAZYLIB_H

#include <pthread.h>
#include <stddef.h>

typedef struct {
	const char *name;
	void **slot; /* where the function's address goes */
} cm_lazy_symbol;

typedef struct {
	const char *soname;  /* e.g. "libzip.so.4" */
	const char *what;    /* for messages, e.g. "DOCX support" */
	const cm_lazy_symbol *symbols;
	size_t nsymbols;
	pthread_mutex_t lock;
	int tried;
	char error[256];     /* why loading failed, "" once loaded */
} cm_lazylib;

/* An entry of a symbol table: the function f and its slot in api. */
#define CM_LAZY_SYMBOL(api, f) {#f, (void **)&(api).f}

/* 0 once the library is loaded and every slot filled, or
 * CM_EUNSUPPORTED "WHAT unavailable: REASON" (every later call too). */
int cm_lazylib_load(cm_lazylib *l);

#endif
