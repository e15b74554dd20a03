/* SPDX-License-Identifier: GPL-2.0-or-later */

/* lazylib.c: loads a shared library on first use and looks up the functions
 * its user calls; a failure is remembered and reported on every call. The
 * library is opened by its soname through the dynamic linker's search, or
 * from the folder CHIMUC_LAZYLIB_PATH names (for libraries installed
 * elsewhere; documented in the manual pages). */
#include "util/lazylib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include "chimuc/error.h"

static void load(cm_lazylib *l)
{
	const char *dir = getenv("CHIMUC_LAZYLIB_PATH");
	char path[4096];
	void *lib;

	if (dir && *dir) {
		if (snprintf(path, sizeof path, "%s/%s", dir, l->soname) >= (int)sizeof path) {
			snprintf(l->error, sizeof l->error, "CHIMUC_LAZYLIB_PATH is too long");
			return;
		}
		lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	} else {
		lib = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
	}
	if (!lib) {
		snprintf(l->error, sizeof l->error, "%s", dlerror());
		return;
	}
	for (size_t i = 0; i < l->nsymbols; i++)
		if (!(*l->symbols[i].slot = dlsym(lib, l->symbols[i].name))) {
			snprintf(l->error, sizeof l->error, "%s not found in %s",
				 l->symbols[i].name, l->soname);
			return;
		}
}

int cm_lazylib_load(cm_lazylib *l)
{
	pthread_mutex_lock(&l->lock);
	if (!l->tried)
		load(l);
	l->tried = 1;
	pthread_mutex_unlock(&l->lock);
	if (l->error[0])
		return cm_error_set(CM_EMISSING, "%s unavailable: %s", l->what, l->error);
	return 0;
}
