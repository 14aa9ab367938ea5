/* rl_load.c - opening GNU readline on first use (see rl_load.h). */
#include <dlfcn.h>
#include <string.h>

#include "cli/rl_load.h"
#include "config.h"

RllApi rll;

static char rll_why[512];

const char *rll_error(void)
{
    return rll_why;
}

/* Record why loading failed (dlerror's text) and undo what was done. */
static int rll_fail(const char *soname, void *lib)
{
    const char *why = dlerror();
    snprintf(rll_why, sizeof rll_why, "cannot load GNU readline (%s): %s",
             soname, why ? why : "unknown error");
    memset(&rll, 0, sizeof rll);
    if (lib)
        dlclose(lib);
    return -1;
}

int rll_open(const char *soname)
{
    /* RTLD_LOCAL: readline's names stay out of the global scope, so they
     * cannot capture a lookup made by another library. */
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL)
        return rll_fail(soname, NULL);
    /* POSIX guarantees that a data pointer from dlsym converts to a
     * function pointer. */
#define RLL_LOOKUP(name)                                                    \
    if ((rll.name = (__typeof__(rll.name))dlsym(lib, #name)) == NULL)      \
        return rll_fail(soname, lib);
    RLL_SYMBOLS(RLL_LOOKUP)
#undef RLL_LOOKUP
    return 0;
}

int rll_load(void)
{
    static int state; /* 0 not tried, 1 loaded, -1 failed */
    if (state == 0)
        state = rll_open(READLINE_SONAME) == 0 ? 1 : -1;
    return state > 0 ? 0 : -1;
}
