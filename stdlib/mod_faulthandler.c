/* mod_faulthandler.c - the `faulthandler` module: dump the script's
 * traceback when the interpreter dies of SIGSEGV, SIGFPE, SIGABRT, SIGBUS
 * or SIGILL, or on request.
 *
 * The fatal handler runs in a signal handler, on an alternate stack (so a
 * C stack overflow can still be reported).  It only reads frames and code
 * objects (plain memory) and calls write(2): no allocation, no stdio, no
 * locks.  Then it restores the previous disposition and re-raises the
 * signal, so the process dies of it as it would have.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "stdlib.h"

static const struct {
    int signum;
    const char *name;
} fatal_signals[] = {
    {SIGSEGV, "Segmentation fault"},
    {SIGFPE, "Floating point exception"},
    {SIGABRT, "Aborted"},
    {SIGBUS, "Bus error"},
    {SIGILL, "Illegal instruction"},
};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

/* Written by enable()/disable() on the main thread; read by the fatal
 * handler, which only runs while the process is dying. */
static volatile sig_atomic_t enabled;
static volatile sig_atomic_t out_fd = 2;
static volatile sig_atomic_t dump_all_threads = 1;
static struct sigaction previous[NFATAL];
static void *alt_stack;

static void put(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0) {
            if (w < 0 && errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void put_decimal(int fd, long v)
{
    char buf[24];
    int i = (int)sizeof buf - 1;
    int neg = v < 0;
    unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u && i > 1);
    if (neg)
        buf[--i] = '-';
    put(fd, buf + i);
}

static void put_hex(int fd, unsigned long v)
{
    char buf[19];
    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 16; i++)
        buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
    buf[18] = '\0';
    put(fd, buf);
}

/* One line per frame, innermost first, as CPython's faulthandler. */
static void dump_frames(int fd, ThreadState *ts)
{
    int depth = 0;
    for (Frame *f = ts ? ts->frame : NULL; f != NULL; f = f->back) {
        if (++depth > 100) {
            put(fd, "  ...\n");
            return;
        }
        put(fd, "  File \"");
        put(fd, STR_CSTR(f->code->filename));
        put(fd, "\", line ");
        put_decimal(fd, code_line_at(f->code, f->lasti < 0 ? 0 : f->lasti));
        put(fd, " in ");
        put(fd, STR_CSTR(f->code->name));
        put(fd, "\n");
    }
}

static void dump_thread(int fd, ThreadState *ts, int current)
{
    put(fd, current ? "Current thread " : "Thread ");
    put_hex(fd, ts->ident);
    put(fd, " (most recent call first):\n");
    dump_frames(fd, ts);
}

static void dump_traceback(int fd, int all_threads)
{
    ThreadState *cur = ts_current;
    if (!all_threads) {
        put(fd, "Stack (most recent call first):\n");
        dump_frames(fd, cur);
        return;
    }
    if (cur != NULL)
        dump_thread(fd, cur, 1);
    for (ThreadState *ts = ts_first(); ts != NULL; ts = ts->next) {
        if (ts == cur)
            continue;
        put(fd, "\n");
        dump_thread(fd, ts, 0);
    }
}

static void fatal_handler(int signum)
{
    int saved_errno = errno;
    size_t i = 0;
    while (i < NFATAL && fatal_signals[i].signum != signum)
        i++;
    if (enabled && i < NFATAL) {
        int fd = out_fd;
        put(fd, "Fatal Python error: ");
        put(fd, fatal_signals[i].name);
        put(fd, "\n\n");
        dump_traceback(fd, dump_all_threads);
        /* Die of the signal: restore what was there and raise again (the
         * faulting instruction re-executes for SIGSEGV and friends). */
        sigaction(signum, &previous[i], NULL);
    }
    errno = saved_errno;
    raise(signum);
}

static int enable_handlers(void)
{
    if (alt_stack == NULL) {
        stack_t ss;
        ss.ss_size = SIGSTKSZ * 4;
        alt_stack = malloc(ss.ss_size);
        if (alt_stack == NULL)
            return -1;
        ss.ss_sp = alt_stack;
        ss.ss_flags = 0;
        sigaltstack(&ss, NULL);
    }
    for (size_t i = 0; i < NFATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | SA_ONSTACK;
        if (sigaction(fatal_signals[i].signum, &sa, &previous[i]) != 0)
            return -1;
    }
    enabled = 1;
    return 0;
}

static void disable_handlers(void)
{
    if (!enabled)
        return;
    enabled = 0;
    for (size_t i = 0; i < NFATAL; i++)
        sigaction(fatal_signals[i].signum, &previous[i], NULL);
}

/* The `file` argument: an fd, or an object with fileno(); default stderr. */
static int file_fd(Value file, int *fd)
{
    if (IS_NULL(file) || IS_NONE(file)) {
        *fd = 2;
        return 0;
    }
    if (IS_INTLIKE(file))
        return args_int(file, fd);
    Value r = obj_call_method(file, "fileno", NULL, 0);
    if (IS_NULL(r))
        return -1;
    if (args_int(r, fd) < 0)
        return -1;
    Value flushed = obj_call_method(file, "flush", NULL, 0);
    if (IS_NULL(flushed))
        err_clear();
    return 0;
}

static const char *const dump_params[] = {"file", "all_threads"};

static Value fh_enable(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[2];
    int fd;
    int all = 1;
    if (args_bind("enable", args, nargs, kwnames, dump_params, 2, 2, 0, a) < 0 ||
        file_fd(a[0], &fd) < 0)
        return V_NULL;
    if (!IS_NULL(a[1]) && (all = obj_truthy(a[1])) < 0)
        return V_NULL;
    if (fd < 0 || fcntl(fd, F_GETFD) < 0)
        return err_set(&exc_ValueError, "file is not a valid file descripter");
    out_fd = fd;
    dump_all_threads = all;
    if (enable_handlers() < 0)
        return err_from_errno(&exc_OSError, errno);
    return V_NONE;
}

static Value fh_disable(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_bind("disable", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return V_NULL;
    int was = enabled;
    disable_handlers();
    return V_BOOL(was);
}

static Value fh_is_enabled(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_bind("is_enabled", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return V_NULL;
    return V_BOOL(enabled);
}

static Value fh_dump_traceback(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[2];
    int fd, all = 1;
    if (args_bind("dump_traceback", args, nargs, kwnames, dump_params, 2, 2, 0,
                  a) < 0 ||
        file_fd(a[0], &fd) < 0)
        return V_NULL;
    if (!IS_NULL(a[1]) && (all = obj_truthy(a[1])) < 0)
        return V_NULL;
    dump_traceback(fd, all);
    return V_NONE;
}

static const MethodDef faulthandler_methods[] = {
    {"enable", fh_enable, 0},
    {"disable", fh_disable, 0},
    {"is_enabled", fh_is_enabled, 0},
    {"dump_traceback", fh_dump_traceback, 0},
    {NULL, NULL, 0},
};

static ModuleObj *faulthandler_module_init(void)
{
    ModuleObj *m = module_new("faulthandler");
    module_add_methods(m, faulthandler_methods);
    return m;
}

void fhmod_register(void)
{
    module_register("faulthandler", faulthandler_module_init);
}

int fhmod_enable_at_startup(void)
{
    out_fd = 2;
    return enable_handlers();
}
