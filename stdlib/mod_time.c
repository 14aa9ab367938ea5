/* mod_time.c - the time module: clocks and sleep.
 *
 * sleep goes through blk_sleep (runtime/blocking.h), which sleeps to an
 * absolute CLOCK_MONOTONIC deadline and, on EINTR, runs the signal
 * handlers and resumes (PEP 475).
 */
#include "stdlib/stdlib.h"

#include <errno.h>
#include <time.h>

#include "runtime/blocking.h"
#include "stdlib/pytime.h"

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static double clock_secs(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int no_args(const char *name, int nargs, TupleObj *kwnames)
{
    return args_no_kw(name, kwnames) < 0 || args_count(name, nargs, 0, 0) < 0
               ? -1 : 0;
}

#define CLOCK_FN(pyname, id) \
    static Value time_##pyname(Value *args, int nargs, TupleObj *kwnames) \
    { \
        (void)args; \
        if (no_args("time." #pyname, nargs, kwnames) < 0) \
            return V_NULL; \
        return V_FLOAT(clock_secs(id)); \
    } \
    static Value time_##pyname##_ns(Value *args, int nargs, \
                                    TupleObj *kwnames) \
    { \
        (void)args; \
        if (no_args("time." #pyname "_ns", nargs, kwnames) < 0) \
            return V_NULL; \
        return V_INT(clock_ns(id)); \
    }

CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)

static Value time_sleep(Value *args, int nargs, TupleObj *kwnames)
{
    int64_t ns;
    if (args_no_kw("time.sleep", kwnames) < 0 ||
        args_count("time.sleep", nargs, 1, 1) < 0 ||
        pt_from_object(args[0], PT_SECONDS, PT_TIMEOUT, &ns) < 0)
        return V_NULL;
    if (ns < 0)
        return err_set(&exc_ValueError, "sleep length must be non-negative");
    /* CPython's deadline is the monotonic clock plus ns in 64-bit
     * nanoseconds; past 2^63 the sum wraps negative and clock_nanosleep
     * refuses it with EINVAL (where blk_sleep would sleep ~292 years). */
    if (ns > INT64_MAX - clock_ns(CLOCK_MONOTONIC))
        return std_raise_oserror(EINVAL, V_NULL);
    int r = blk_sleep(pt_seconds(ns));
    if (r == BLK_RAISED)
        return V_NULL;
    if (r < 0)
        return std_raise_oserror(errno, V_NULL);
    return V_NONE;
}

static const MethodDef time_methods[] = {
    {"time", time_time, NATIVE_NO_CHECK},
    {"time_ns", time_time_ns, NATIVE_NO_CHECK},
    {"monotonic", time_monotonic, NATIVE_NO_CHECK},
    {"monotonic_ns", time_monotonic_ns, NATIVE_NO_CHECK},
    {"perf_counter", time_perf_counter, NATIVE_NO_CHECK},
    {"perf_counter_ns", time_perf_counter_ns, NATIVE_NO_CHECK},
    {"process_time", time_process_time, NATIVE_NO_CHECK},
    {"process_time_ns", time_process_time_ns, NATIVE_NO_CHECK},
    {"sleep", time_sleep, 0},
    {NULL, NULL, 0},
};

ModuleObj *time_module_init(void)
{
    ModuleObj *m = module_new("time");
    module_add_methods(m, time_methods);
    return m;
}
