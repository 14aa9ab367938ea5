/* mod_signal.c - the `signal` module: CPython 3.11's API on Linux, with its
 * argument checks in CPython's order and its exact messages (SIGNALS.md
 * section 4).  The mechanism (C handler, flags, handler table) lives in
 * runtime/signals.c; this file validates, converts and calls.
 *
 * CPython splits the module into the C `_signal` and the Python wrapper
 * `signal.py`; sigvm is native throughout, so each function here applies
 * the wrapper's conversions itself (and there is no signal.py frame).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "runtime/blocking.h"
#include "runtime/runtime.h"
#include "runtime/signals.h"
#include "intenum.h"
#include "pytime.h"
#include "stdlib.h"

static TypeObj *signals_enum;  /* signal.Signals */
static TypeObj *handlers_enum; /* signal.Handlers */
static TypeObj *sigmasks_enum; /* signal.Sigmasks */
static TypeObj *itimer_error;  /* signal.itimer_error (ItimerError) */
static Value default_int_handler;

/* ---- argument helpers -------------------------------------------------- */

static int parse_signum(Value v, int *out)
{
    return args_int(v, out);
}

static int check_range(int signum)
{
    if (signum < 1 || signum >= SIG_NSIG) {
        err_set(&exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

/* signal.py's _enum_to_int: int(v), or v unchanged if int() refuses it. */
static Value enum_to_int(Value v)
{
    if (IS_INT(v))
        return v;
    Value r = obj_call(V_OBJ(&int_type), &v, 1, NULL);
    if (!IS_NULL(r))
        return r;
    if (err_matches(&exc_ValueError) || err_matches(&exc_TypeError)) {
        err_clear();
        return v;
    }
    return V_NULL;
}

static Value sigset_to_set(const sigset_t *mask)
{
    SetObj *s = set_new();
    Value result = V_OBJ(s);
    for (int i = 1; i < SIG_NSIG; i++) {
        if (sigismember(mask, i) != 1)
            continue;
        if (set_add(s, ie_to_enum(signals_enum, V_INT(i))) < 0)
            return V_NULL;
    }
    return result;
}

/* One signal number into the sigset_t at mask (an obj_foreach callback). */
static int add_to_sigset(Value item, void *mask)
{
    int64_t n;
    if (args_int64(item, &n) < 0)
        return -1;
    if (n <= 0 || n >= SIG_NSIG) {
        err_set(&exc_ValueError, "signal number %lld out of range [1; %d]",
                (long long)n, SIG_NSIG - 1);
        return -1;
    }
    /* glibc refuses its internal signals 32 and 33: CPython warns and goes
     * on; sigvm just goes on. */
    sigaddset(mask, (int)n);
    return 0;
}

/* Any iterable of ints, with CPython's messages. */
static int iterable_to_sigset(Value iterable, sigset_t *mask)
{
    sigemptyset(mask);
    return obj_foreach(iterable, add_to_sigset, mask);
}

static int is_main_thread_or_raise(const char *what)
{
    if (sig_is_main_thread())
        return 0;
    err_set(&exc_ValueError,
            "%s only works in main thread of the main interpreter", what);
    return -1;
}

/* Seconds as setitimer and sigtimedwait read them (rounded up, so a tiny
 * positive time stays > 0), in microseconds. */
static int seconds_to_usec(Value v, int64_t *usec)
{
    int64_t ns;
    if (pt_from_object(v, PT_SECONDS, PT_CEILING, &ns) < 0)
        return -1;
    *usec = pt_divide(ns, 1000, PT_CEILING);
    return 0;
}

static struct timeval usec_to_timeval(int64_t usec)
{
    struct timeval tv;
    tv.tv_sec = usec / 1000000;
    tv.tv_usec = usec % 1000000;
    if (tv.tv_usec < 0) {
        tv.tv_usec += 1000000;
        tv.tv_sec -= 1;
    }
    return tv;
}

static double timeval_to_double(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6;
}

static Value itimer_tuple(const struct itimerval *v)
{
    return V_OBJ(tuple_pack(2, V_FLOAT(timeval_to_double(v->it_value)),
                            V_FLOAT(timeval_to_double(v->it_interval))));
}

/* ---- signal, getsignal, default_int_handler ----------------------------- */

static const char *const signal_params[] = {"signalnum", "handler"};

static Value sigmod_signal(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[2];
    if (args_bind("signal", args, nargs, kwnames, signal_params, 2, 2, 2, a) < 0)
        return V_NULL;
    Value signum_v = enum_to_int(a[0]);
    if (IS_NULL(signum_v))
        return V_NULL;
    gc_root_push(&signum_v);
    Value handler = enum_to_int(a[1]);
    gc_root_pop(1);
    if (IS_NULL(handler))
        return V_NULL;

    if (is_main_thread_or_raise("signal") < 0)
        return V_NULL;
    int signum;
    if (parse_signum(signum_v, &signum) < 0 || check_range(signum) < 0)
        return V_NULL;
    if (!obj_is_callable(handler) &&
        !(IS_INT(handler) && (AS_INT(handler) == 0 || AS_INT(handler) == 1)))
        return err_set(&exc_TypeError,
                       "signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                       "or a callable object");
    /* Pending signals are handled by the old handler first; if it raises,
     * the handler is not changed. */
    gc_root_push(&handler);
    int rc = sig_check();
    gc_root_pop(1);
    if (rc < 0)
        return V_NULL;
    Value old;
    if (sig_set_handler(signum, handler, &old) < 0)
        return V_NULL;
    if (IS_NULL(old))
        return V_NONE;
    return ie_to_enum(handlers_enum, old);
}

static const char *const getsignal_params[] = {"signalnum"};

static Value sigmod_getsignal(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[1];
    int signum;
    if (args_bind("getsignal", args, nargs, kwnames, getsignal_params, 1, 1, 1,
                  a) < 0 ||
        parse_signum(a[0], &signum) < 0 || check_range(signum) < 0)
        return V_NULL;
    Value h = sig_get_handler(signum);
    if (IS_NULL(h) || IS_NONE(h))
        return V_NONE;
    return ie_to_enum(handlers_enum, h);
}

static Value sigmod_default_int_handler_fn(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("default_int_handler", kwnames) < 0 ||
        args_count("default_int_handler", nargs, 2, 2) < 0)
        return V_NULL;
    return err_set_exc(V_OBJ(&exc_KeyboardInterrupt));
}

/* ---- set_wakeup_fd ------------------------------------------------------ */

/* An "i" argument of CPython's PyArg_Parse: its own overflow messages. */
static int parse_c_int(Value v, int *out)
{
    int64_t n;
    if (args_int64(v, &n) < 0)
        return -1;
    if (n > INT32_MAX) {
        err_set(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (n < INT32_MIN) {
        err_set(&exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int parse_wakeup_args(Value *args, int nargs, TupleObj *kwnames,
                             int *fd, int *warn)
{
    int nkw = kwnames ? (int)kwnames->n : 0;
    if (nargs > 1)
        return (err_set(&exc_TypeError, "set_wakeup_fd() takes at most 1 "
                        "positional argument (%d given)", nargs), -1);
    if (nargs < 1)
        return (err_set(&exc_TypeError, "set_wakeup_fd() takes exactly 1 "
                        "positional argument (0 given)"), -1);
    *warn = 1;
    for (int i = 0; i < nkw; i++) {
        StrObj *k = (StrObj *)AS_OBJ(kwnames->items[i]);
        if (strcmp(STR_CSTR(k), "warn_on_full_buffer") != 0)
            return (err_set(&exc_TypeError, "'%s' is an invalid keyword "
                            "argument for set_wakeup_fd()", STR_CSTR(k)), -1);
        int t = obj_truthy(args[nargs + i]);
        if (t < 0)
            return -1;
        *warn = t;
    }
    return parse_c_int(args[0], fd);
}

static Value sigmod_set_wakeup_fd(Value *args, int nargs, TupleObj *kwnames)
{
    int fd, warn;
    if (parse_wakeup_args(args, nargs, kwnames, &fd, &warn) < 0)
        return V_NULL;
    if (is_main_thread_or_raise("set_wakeup_fd") < 0)
        return V_NULL;
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) != 0)
            return err_from_errno(&exc_OSError, errno);
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0)
            return err_from_errno(&exc_OSError, errno);
        if (!(flags & O_NONBLOCK))
            return err_set(&exc_ValueError,
                           "the fd %d must be in non-blocking mode", fd);
    }
    return V_INT(sig_set_wakeup_fd(fd, warn));
}

/* ---- raise_signal, strsignal, valid_signals, alarm, pause --------------- */

static Value one_int_arg(const char *fname, Value *args, int nargs,
                         TupleObj *kwnames, int *out)
{
    if (args_no_kw(fname, kwnames) < 0 || args_count(fname, nargs, 1, 1) < 0 ||
        args_int(args[0], out) < 0)
        return V_NULL;
    return V_NONE;
}

static Value sigmod_raise_signal(Value *args, int nargs, TupleObj *kwnames)
{
    int signum;
    if (IS_NULL(one_int_arg("_signal.raise_signal", args, nargs, kwnames,
                            &signum)))
        return V_NULL;
    if (raise(signum) != 0)
        return err_from_errno(&exc_OSError, errno);
    /* The handler runs inside this call on the main thread (3.11+). */
    if (sig_check() < 0)
        return V_NULL;
    return V_NONE;
}

static Value sigmod_strsignal(Value *args, int nargs, TupleObj *kwnames)
{
    int signum;
    if (IS_NULL(one_int_arg("_signal.strsignal", args, nargs, kwnames, &signum)) ||
        check_range(signum) < 0)
        return V_NULL;
    errno = 0;
    const char *text = strsignal(signum);
    if (errno != 0 || text == NULL || strstr(text, "Unknown signal") != NULL)
        return V_NONE;
    return V_OBJ(str_from_cstr(text));
}

static Value sigmod_valid_signals(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_bind("valid_signals", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return V_NULL;
    sigset_t all;
    sigfillset(&all);
    return sigset_to_set(&all);
}

static Value sigmod_alarm(Value *args, int nargs, TupleObj *kwnames)
{
    int seconds;
    if (IS_NULL(one_int_arg("_signal.alarm", args, nargs, kwnames, &seconds)))
        return V_NULL;
    /* Negative numbers wrap, as in CPython (alarm(-1) is ~136 years). */
    return V_INT((int64_t)alarm((unsigned)seconds));
}

static Value sigmod_pause(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("_signal.pause", kwnames) < 0 ||
        args_count("_signal.pause", nargs, 0, 0) < 0)
        return V_NULL;
    void *token = blk_release_hook ? blk_release_hook() : NULL;
    pause();
    if (blk_acquire_hook)
        blk_acquire_hook(token);
    /* Not retried (not a PEP 475 call): it returns after the handler. */
    if (sig_check() < 0)
        return V_NULL;
    return V_NONE;
}

/* ---- itimers ------------------------------------------------------------ */

static Value itimer_errno(int e)
{
    return err_from_errno(itimer_error, e);
}

static Value sigmod_setitimer(Value *args, int nargs, TupleObj *kwnames)
{
    int which;
    int64_t delay_us, interval_us = 0;
    if (args_no_kw("setitimer", kwnames) < 0 ||
        args_count("setitimer", nargs, 2, 3) < 0 || args_int(args[0], &which) < 0 ||
        seconds_to_usec(args[1], &delay_us) < 0 ||
        (nargs == 3 && seconds_to_usec(args[2], &interval_us) < 0))
        return V_NULL;
    struct itimerval new_v, old_v;
    new_v.it_value = usec_to_timeval(delay_us);
    new_v.it_interval = usec_to_timeval(interval_us);
    if (setitimer(which, &new_v, &old_v) != 0)
        return itimer_errno(errno);
    return itimer_tuple(&old_v);
}

static Value sigmod_getitimer(Value *args, int nargs, TupleObj *kwnames)
{
    int which;
    if (IS_NULL(one_int_arg("_signal.getitimer", args, nargs, kwnames, &which)))
        return V_NULL;
    struct itimerval v;
    if (getitimer(which, &v) != 0)
        return itimer_errno(errno);
    return itimer_tuple(&v);
}

/* ---- siginterrupt, masks, pending, waits, kills -------------------------- */

static Value sigmod_siginterrupt(Value *args, int nargs, TupleObj *kwnames)
{
    int signum, flag;
    if (args_no_kw("siginterrupt", kwnames) < 0 ||
        args_count("siginterrupt", nargs, 2, 2) < 0 ||
        parse_signum(args[0], &signum) < 0 || check_range(signum) < 0 ||
        args_int(args[1], &flag) < 0)
        return V_NULL;
    struct sigaction sa;
    if (sigaction(signum, NULL, &sa) != 0)
        return err_from_errno(&exc_OSError, errno);
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (sigaction(signum, &sa, NULL) != 0)
        return err_from_errno(&exc_OSError, errno);
    return V_NONE;
}

static const char *const sigmask_params[] = {"how", "mask"};

static Value sigmod_pthread_sigmask(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[2];
    int how;
    sigset_t mask, old;
    if (args_bind("pthread_sigmask", args, nargs, kwnames, sigmask_params, 2,
                  2, 2, a) < 0 ||
        args_int(a[0], &how) < 0 || iterable_to_sigset(a[1], &mask) < 0)
        return V_NULL;
    int err = pthread_sigmask(how, &mask, &old);
    if (err != 0)
        return err_from_errno(&exc_OSError, err);
    /* If a signal was unblocked, its handler runs now, inside this call;
     * its exception replaces the result (the mask has changed anyway). */
    if (sig_check() < 0)
        return V_NULL;
    return sigset_to_set(&old);
}

static Value sigmod_sigpending(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_bind("sigpending", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return V_NULL;
    sigset_t pending;
    if (sigpending(&pending) != 0)
        return err_from_errno(&exc_OSError, errno);
    return sigset_to_set(&pending);
}

typedef struct WaitArgs {
    sigset_t mask;
    siginfo_t info;
    int signum;
} WaitArgs;

static int attempt_sigwait(void *arg, double remaining)
{
    (void)remaining;
    WaitArgs *w = arg;
    int err = sigwait(&w->mask, &w->signum);
    if (err != 0) {
        errno = err;
        return -1;
    }
    return 0;
}

static const char *const sigwait_params[] = {"sigset"};

static Value sigmod_sigwait(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[1];
    WaitArgs w;
    if (args_bind("sigwait", args, nargs, kwnames, sigwait_params, 1, 1, 1, a) < 0 ||
        iterable_to_sigset(a[0], &w.mask) < 0)
        return V_NULL;
    int rc = blk_call(attempt_sigwait, &w, -1.0);
    if (rc == BLK_RAISED)
        return V_NULL;
    if (rc < 0)
        return err_from_errno(&exc_OSError, errno);
    return ie_to_enum(signals_enum, V_INT(w.signum));
}

/* struct_siginfo: a struct sequence, i.e. a tuple of seven ints whose
 * fields also have names, printed as CPython prints it. */
static const char *const siginfo_fields[] = {
    "si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status",
    "si_band"};
#define SIGINFO_NFIELDS 7

/* A copy of tuple's type with its own name, repr and field names. */
static TypeObj siginfo_type;

static Value siginfo_repr(Value self)
{
    TupleObj *t = (TupleObj *)AS_OBJ(self);
    char buf[512];
    int n = snprintf(buf, sizeof buf, "signal.struct_siginfo(");
    for (int i = 0; i < SIGINFO_NFIELDS; i++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%s=%lld",
                      i ? ", " : "", siginfo_fields[i],
                      (long long)AS_INT(t->items[i]));
    snprintf(buf + n, sizeof buf - (size_t)n, ")");
    return V_OBJ(str_from_cstr(buf));
}

static Value siginfo_getattr(Value self, StrObj *name)
{
    TupleObj *t = (TupleObj *)AS_OBJ(self);
    for (int i = 0; i < SIGINFO_NFIELDS; i++)
        if (strcmp(STR_CSTR(name), siginfo_fields[i]) == 0)
            return t->items[i];
    return obj_generic_getattr(self, name);
}

static Value siginfo_new(const siginfo_t *info)
{
    TupleObj *t = tuple_pack(SIGINFO_NFIELDS, V_INT(info->si_signo),
                             V_INT(info->si_code), V_INT(info->si_errno),
                             V_INT(info->si_pid), V_INT(info->si_uid),
                             V_INT(info->si_status), V_INT(info->si_band));
    t->hdr.type = &siginfo_type;
    return V_OBJ(t);
}

static void siginfo_type_init(void)
{
    siginfo_type = tuple_type;
    siginfo_type.name = "struct_siginfo";
    siginfo_type.name_str = str_intern_cstr("struct_siginfo");
    siginfo_type.qualname = siginfo_type.name_str;
    siginfo_type.module = str_intern_cstr("signal");
    siginfo_type.base = &tuple_type;
    siginfo_type.base_hdr.dict = NULL;
    siginfo_type.flags &= ~TF_BASETYPE;
    siginfo_type.repr = siginfo_repr;
    siginfo_type.str = siginfo_repr;
    siginfo_type.getattr = siginfo_getattr;
    siginfo_type.new_ = NULL;
}

static int attempt_sigtimedwait(void *arg, double remaining)
{
    WaitArgs *w = arg;
    if (remaining < 0)
        return sigwaitinfo(&w->mask, &w->info) < 0 ? -1 : 0;
    struct timespec ts;
    ts.tv_sec = (time_t)remaining;
    ts.tv_nsec = (long)((remaining - (double)ts.tv_sec) * 1e9);
    return sigtimedwait(&w->mask, &w->info, &ts) < 0 ? -1 : 0;
}

static Value sigmod_sigwaitinfo(Value *args, int nargs, TupleObj *kwnames)
{
    WaitArgs w;
    if (args_no_kw("_signal.sigwaitinfo", kwnames) < 0 ||
        args_count("_signal.sigwaitinfo", nargs, 1, 1) < 0 ||
        iterable_to_sigset(args[0], &w.mask) < 0)
        return V_NULL;
    int rc = blk_call(attempt_sigtimedwait, &w, -1.0);
    if (rc == BLK_RAISED)
        return V_NULL;
    if (rc < 0)
        return err_from_errno(&exc_OSError, errno);
    return siginfo_new(&w.info);
}

static Value sigmod_sigtimedwait(Value *args, int nargs, TupleObj *kwnames)
{
    WaitArgs w;
    int64_t usec;
    if (args_no_kw("sigtimedwait", kwnames) < 0 ||
        args_count("sigtimedwait", nargs, 2, 2) < 0 ||
        iterable_to_sigset(args[0], &w.mask) < 0 ||
        seconds_to_usec(args[1], &usec) < 0)
        return V_NULL;
    if (usec < 0)
        return err_set(&exc_ValueError, "timeout must be non-negative");
    int rc = blk_call(attempt_sigtimedwait, &w, (double)usec / 1e6);
    if (rc == BLK_RAISED)
        return V_NULL;
    if (rc == BLK_TIMEDOUT || (rc < 0 && errno == EAGAIN))
        return V_NONE;
    if (rc < 0)
        return err_from_errno(&exc_OSError, errno);
    return siginfo_new(&w.info);
}

/* pthread_kill on an id that is not a live thread of ours is undefined
 * behaviour in glibc (CPython segfaults); sigvm checks the id first. */
static int is_known_thread(unsigned long ident)
{
    for (ThreadState *ts = ts_first(); ts != NULL; ts = ts->next)
        if (ts->ident == ident)
            return 1;
    return 0;
}

static Value sigmod_pthread_kill(Value *args, int nargs, TupleObj *kwnames)
{
    int signum;
    if (args_no_kw("pthread_kill", kwnames) < 0 ||
        args_count("pthread_kill", nargs, 2, 2) < 0)
        return V_NULL;
    int64_t n;
    if (IS_INT(args[0]) || IS_BOOL(args[0]))
        n = AS_INT(args[0]);
    else if (!val_as_int_subclass(args[0], &n))
        return err_set(&exc_TypeError,
                       "pthread_kill() argument 1 must be int, not %s",
                       val_type_name(args[0]));
    if (args_int(args[1], &signum) < 0)
        return V_NULL;
    unsigned long ident = (unsigned long)n;
    if (!is_known_thread(ident))
        return err_from_errno(&exc_OSError, ESRCH);
    int err = pthread_kill((pthread_t)ident, signum);
    if (err != 0)
        return err_from_errno(&exc_OSError, err);
    /* The signal may have been sent to this very thread. */
    if (sig_check() < 0)
        return V_NULL;
    return V_NONE;
}

static Value sigmod_pidfd_send_signal(Value *args, int nargs, TupleObj *kwnames)
{
    int pidfd, signum, flags = 0;
    if (args_no_kw("pidfd_send_signal", kwnames) < 0 ||
        args_count("pidfd_send_signal", nargs, 2, 4) < 0 ||
        args_int(args[0], &pidfd) < 0 || args_int(args[1], &signum) < 0)
        return V_NULL;
    if (nargs > 2 && !IS_NONE(args[2]))
        return err_set(&exc_TypeError, "siginfo must be None");
    if (nargs > 3 && args_int(args[3], &flags) < 0)
        return V_NULL;
    if (syscall(SYS_pidfd_send_signal, pidfd, signum, NULL, flags) < 0)
        return err_from_errno(&exc_OSError, errno);
    return V_NONE;
}

/* ---- the module ---------------------------------------------------------- */

static const MethodDef signal_methods[] = {
    {"signal", sigmod_signal, 0},
    {"getsignal", sigmod_getsignal, 0},
    {"set_wakeup_fd", sigmod_set_wakeup_fd, 0},
    {"raise_signal", sigmod_raise_signal, 0},
    {"strsignal", sigmod_strsignal, 0},
    {"valid_signals", sigmod_valid_signals, 0},
    {"alarm", sigmod_alarm, 0},
    {"pause", sigmod_pause, 0},
    {"setitimer", sigmod_setitimer, 0},
    {"getitimer", sigmod_getitimer, 0},
    {"siginterrupt", sigmod_siginterrupt, 0},
    {"pthread_sigmask", sigmod_pthread_sigmask, 0},
    {"sigpending", sigmod_sigpending, 0},
    {"sigwait", sigmod_sigwait, 0},
    {"sigwaitinfo", sigmod_sigwaitinfo, 0},
    {"sigtimedwait", sigmod_sigtimedwait, 0},
    {"pthread_kill", sigmod_pthread_kill, 0},
    {"pidfd_send_signal", sigmod_pidfd_send_signal, 0},
    {NULL, NULL, 0},
};

/* Linux's signals in value order; where two names share a value the
 * first is the member's name and the second an alias (as _convert_ picks
 * them). */
static const struct {
    const char *name;
    int value;
} signal_names[] = {
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM}, {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},
    {"SIGCLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH},
    {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS}, {"SIGRTMIN", 34}, {"SIGRTMAX", 64},
};

static void add_signal_members(ModuleObj *m)
{
    signals_enum = ie_new_type("Signals", "signal");
    module_add(m, "Signals", V_OBJ(signals_enum));
    for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0]; i++) {
        Value member = ie_add_member(signals_enum, signal_names[i].name,
                                     signal_names[i].value);
        module_add(m, signal_names[i].name, member);
    }
}

static void add_enum_constants(ModuleObj *m)
{
    handlers_enum = ie_new_type("Handlers", "signal");
    module_add(m, "Handlers", V_OBJ(handlers_enum));
    module_add(m, "SIG_DFL", ie_add_member(handlers_enum, "SIG_DFL", 0));
    module_add(m, "SIG_IGN", ie_add_member(handlers_enum, "SIG_IGN", 1));

    sigmasks_enum = ie_new_type("Sigmasks", "signal");
    module_add(m, "Sigmasks", V_OBJ(sigmasks_enum));
    module_add(m, "SIG_BLOCK", ie_add_member(sigmasks_enum, "SIG_BLOCK", SIG_BLOCK));
    module_add(m, "SIG_UNBLOCK",
               ie_add_member(sigmasks_enum, "SIG_UNBLOCK", SIG_UNBLOCK));
    module_add(m, "SIG_SETMASK",
               ie_add_member(sigmasks_enum, "SIG_SETMASK", SIG_SETMASK));
}

static void add_itimer_error(ModuleObj *m)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("__module__"), V_OBJ(str_intern_cstr("signal")));
    StrObj *name = str_intern_cstr("itimer_error");
    Value t = type_new_class(name, name, &exc_OSError, ns);
    itimer_error = (TypeObj *)AS_OBJ(t);
    module_add(m, "ItimerError", t);
}

static ModuleObj *signal_module_init(void)
{
    ModuleObj *m = module_new("signal");
    module_add_methods(m, signal_methods);
    module_add(m, "default_int_handler", default_int_handler);
    module_add(m, "NSIG", V_INT(SIG_NSIG));
    module_add(m, "ITIMER_REAL", V_INT(ITIMER_REAL));
    module_add(m, "ITIMER_VIRTUAL", V_INT(ITIMER_VIRTUAL));
    module_add(m, "ITIMER_PROF", V_INT(ITIMER_PROF));
    siginfo_type_init();
    module_add(m, "struct_siginfo", V_OBJ(&siginfo_type));
    add_signal_members(m);
    add_enum_constants(m);
    add_itimer_error(m);
    return m;
}

void sigmod_startup(void)
{
    default_int_handler =
        native_new("default_int_handler", sigmod_default_int_handler_fn, V_NULL, 0);
    ((NativeObj *)AS_OBJ(default_int_handler))->module = "signal";
    gc_register_roots(sig_gc_roots);
    sig_init(default_int_handler);
    module_register("signal", signal_module_init);
}
