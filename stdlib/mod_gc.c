/* mod_gc.c - the gc module: a thin layer over runtime/gc.h. */
#include "stdlib/stdlib.h"

/* gc.collect(generation=2).  sigvm's collector has one generation; the
 * argument is checked as CPython checks it.  A native call is a safe
 * point: the caller's values are on its frame's stack, which the VM has
 * stored before the call, and this function holds no temporaries.  The
 * result is the number of objects freed, close to CPython's count of the
 * unreachable objects it found. */
static Value gcmod_collect(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"generation"};
    Value gen;
    int64_t g = 2;
    if (nargs > 1)
        return err_set(&exc_TypeError,
                       "collect() takes at most 1 argument (%d given)", nargs);
    if (args_bind("collect", args, nargs, kwnames, names, 1, 1, 0, &gen) < 0)
        return V_NULL;
    if (!IS_NULL(gen) && args_int64(gen, &g) < 0)
        return V_NULL;
    if (g < 0 || g > 2)
        return err_set(&exc_ValueError, "invalid generation");
    size_t before = gc_object_count();
    gc_collect();
    size_t after = gc_object_count();
    return V_INT(before > after ? (int64_t)(before - after) : 0);
}

static Value gcmod_switch(const char *name, int nargs, TupleObj *kwnames,
                          int on)
{
    if (args_no_kw(name, kwnames) < 0 || args_count(name, nargs, 0, 0) < 0)
        return V_NULL;
    if (on >= 0)
        gc_set_enabled(on);
    return V_NONE;
}

static Value gcmod_enable(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    return gcmod_switch("gc.enable", nargs, kwnames, 1);
}

static Value gcmod_disable(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    return gcmod_switch("gc.disable", nargs, kwnames, 0);
}

static Value gcmod_isenabled(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (IS_NULL(gcmod_switch("gc.isenabled", nargs, kwnames, -1)))
        return V_NULL;
    return V_BOOL(gc_is_enabled());
}

static const MethodDef gcmod_methods[] = {
    {"collect", gcmod_collect, 0},
    {"enable", gcmod_enable, NATIVE_NO_CHECK},
    {"disable", gcmod_disable, NATIVE_NO_CHECK},
    {"isenabled", gcmod_isenabled, NATIVE_NO_CHECK},
    {NULL, NULL, 0},
};

ModuleObj *gcmod_module_init(void)
{
    ModuleObj *m = module_new("gc");
    module_add_methods(m, gcmod_methods);
    return m;
}
