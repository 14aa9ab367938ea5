/* signals.c - the C signal handler and the deferred running of script
 * handlers on the main thread.
 *
 * Async-signal-safety audit of c_handler (POSIX.1-2017 2.4.3), covering
 * everything it reaches:
 * - write(2) in write_wakeup_byte, on the async-signal-safe list; its
 *   EINTR retry and the errno it reads on failure are the handler's own.
 * - C11 atomics: loads and stores of atomic_int (tripped, is_tripped,
 *   signals_pending, the wakeup fd, flag and errno) and eb_set's
 *   atomic_fetch_or on the 32-bit eb_word plus its load of eb_slow_table
 *   and store to eb_table (pointers).  Only lock-free atomics are safe in
 *   a handler (an emulated one takes a lock); the static assertions below
 *   make a platform where int or pointer atomics are not always lock-free
 *   fail to build instead of deadlocking at run time.
 * - on_main_thread, a _Thread_local of libsigvm.a.  Linked into the
 *   executable it lives in the static TLS block and is read through the
 *   thread pointer; in a shared object it could go through
 *   __tls_get_addr, which may allocate, so keep libsigvm static (or build
 *   it with -ftls-model=initial-exec).
 * - trc_record_arrival (only while --trace-signals is on), audited in
 *   runtime/sigtrace.c: atomics, clock_gettime (async-signal-safe) and
 *   pthread_self, plus reads of the interrupted thread's TLS and frame.
 * It does not allocate, lock, touch stdio or any object, never longjmps,
 * and it saves errno on entry and restores it on exit.  sig_trip_simulated
 * calls it from ordinary code too, which needs nothing more.
 */
#include "signals.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include "breaker.h"
#include "error.h"
#include "frame.h"
#include "gc.h"
#include "object.h"
#include "sigtrace.h"
#include "tstate.h"

/* See the audit above: the C handler relies on lock-free int and pointer
 * atomics. */
_Static_assert(ATOMIC_INT_LOCK_FREE == 2,
               "the C signal handler needs lock-free int atomics");
_Static_assert(ATOMIC_POINTER_LOCK_FREE == 2,
               "the C signal handler needs lock-free pointer atomics");

/* tripped[i]: set to 1 by the C handler (relaxed store, any thread) and
 * cleared by the main thread in sig_check just before it calls handler i.
 * Relaxed is enough: it is published by the seq_cst store to is_tripped
 * that follows it in the handler. */
static atomic_int tripped[SIG_NSIG];

/* "Some tripped[i] may be 1."  Stored (seq_cst) by the C handler after
 * tripped[i]; the main thread clears it *before* scanning, so a signal that
 * arrives during the scan sets it again and the next check scans again
 * (at worst finding nothing).  Clearing it after the scan could lose that
 * signal until another one came. */
static atomic_int is_tripped;

/* "The main thread should call sig_handle_pending."  Set by the C handler
 * on any thread; cleared by the main thread before it runs handlers and
 * set again if a handler raised, so the remaining ones run at the next
 * check.  A worker never clears it: the main thread recomputes its
 * breaker bit from it when it takes the GIL (sig_recompute_breaker). */
static atomic_int signals_pending;

/* The wakeup fd and its warn flag: written by the main thread
 * (set_wakeup_fd), read by the C handler on any thread. */
static atomic_int wakeup_fd = -1;
static atomic_int wakeup_warn = 1;

/* errno of a failed wakeup write, recorded by the C handler; the main
 * thread reports it later from the breaker's pending-call step.  CPython
 * queues a pending call from its handler here, taking a lock; recording
 * two atomics keeps this path async-signal-safe too. */
static atomic_int wakeup_errno;
static atomic_int wakeup_error_pending;

/* Whether the current thread runs script handlers.  Written only by the
 * thread itself (start-up, after fork); read by the C handler running on
 * that same thread, so no ordering is involved. */
static _Thread_local int on_main_thread;

/* The script-visible handler of each signal.  Only the main thread
 * changes it, holding the GIL; the C handler never reads it (it trips the
 * signal whatever the handler is, and sig_check reports the race). */
static Value handlers[SIG_NSIG];

static void write_wakeup_byte(int signum)
{
    int fd = atomic_load_explicit(&wakeup_fd, memory_order_relaxed);
    if (fd == -1)
        return;
    unsigned char byte = (unsigned char)signum;
    ssize_t rc;
    do {
        rc = write(fd, &byte, 1);
    } while (rc < 0 && errno == EINTR);
    if (rc >= 0)
        return;
    int warn = atomic_load_explicit(&wakeup_warn, memory_order_relaxed);
    if (warn || (errno != EAGAIN && errno != EWOULDBLOCK)) {
        atomic_store(&wakeup_errno, errno);
        atomic_store(&wakeup_error_pending, 1);
        if (on_main_thread)
            eb_set(EB_PENDING);
    }
}

/* The one C handler installed for every signal with a script handler. */
static void c_handler(int signum)
{
    int saved_errno = errno;

    /* Recorded before the flag is set, so that the main thread, once it
     * sees the flag, also finds the arrival (--trace-signals). */
    if (atomic_load_explicit(&trc_on, memory_order_relaxed))
        trc_record_arrival(signum);
    atomic_store_explicit(&tripped[signum], 1, memory_order_relaxed);
    atomic_store(&is_tripped, 1);
    atomic_store(&signals_pending, 1);
    /* Only the main thread's breaker fires, as CPython's
     * COMPUTE_EVAL_BREAKER evaluated on the handling thread: a worker
     * would only spin on a bit it may not act on. */
    if (on_main_thread)
        eb_set(EB_SIGNALS);
    /* After the flags (bpo-30038): a select() woken by the byte must find
     * them already set. */
    write_wakeup_byte(signum);

    errno = saved_errno;
}

void sig_set_main_thread(void)
{
    on_main_thread = 1;
}

int sig_is_main_thread(void)
{
    return on_main_thread;
}

Value sig_get_handler(int signum)
{
    return handlers[signum];
}

static int is_callable_handler(Value h)
{
    return !IS_NULL(h) && !IS_NONE(h) && !IS_INT(h) && obj_is_callable(h);
}

static int install(int signum, void (*disposition)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = disposition;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocking call in the receiving thread fails with
     * EINTR so PEP 475 can run the handler; siginterrupt(sig, False) is
     * the only way to add it.  No SA_NODEFER, no SA_RESETHAND. */
    sa.sa_flags = SA_ONSTACK;
    return sigaction(signum, &sa, NULL);
}

int sig_set_handler(int signum, Value handler, Value *old)
{
    void (*disposition)(int);
    if (is_callable_handler(handler))
        disposition = c_handler;
    else if (IS_INT(handler) && AS_INT(handler) == 1)
        disposition = SIG_IGN;
    else
        disposition = SIG_DFL;
    if (install(signum, disposition) != 0) {
        err_from_errno(&exc_OSError, errno);
        return -1;
    }
    *old = handlers[signum];
    handlers[signum] = handler;
    return 0;
}

void sig_init(Value default_int_handler)
{
    install(SIGPIPE, SIG_IGN);
    install(SIGXFSZ, SIG_IGN);
    for (int i = 1; i < SIG_NSIG; i++) {
        struct sigaction cur;
        atomic_store(&tripped[i], 0);
        if (sigaction(i, NULL, &cur) != 0)
            handlers[i] = V_NONE;
        else if (cur.sa_handler == SIG_DFL)
            handlers[i] = V_INT(0);
        else if (cur.sa_handler == SIG_IGN)
            handlers[i] = V_INT(1);
        else
            handlers[i] = V_NONE; /* "none of our business" */
    }
    /* An inherited SIG_IGN for SIGINT (a background job, `trap '' INT`)
     * stays: only a default SIGINT becomes KeyboardInterrupt. */
    if (IS_INT(handlers[SIGINT]) && AS_INT(handlers[SIGINT]) == 0 &&
        !IS_NULL(default_int_handler)) {
        if (install(SIGINT, c_handler) == 0)
            handlers[SIGINT] = default_int_handler;
    }
    sig_set_main_thread();
}

int sig_trip_simulated(int signum)
{
    if (signum < 1 || signum >= SIG_NSIG)
        return -1;
    Value h = handlers[signum];
    if (IS_INT(h) && (AS_INT(h) == 0 || AS_INT(h) == 1))
        return 0;
    c_handler(signum);
    return 0;
}

static Value current_frame(void)
{
    ThreadState *ts = ts_current;
    if (ts == NULL || ts->frame == NULL)
        return V_NONE;
    return frame_escape(ts->frame);
}

/* bpo-43406: the handler changed to SIG_IGN/SIG_DFL (or the table was
 * finalized) after the C handler tripped the signal.  Report, don't
 * raise. */
static void report_race(int signum)
{
    Value saved = err_fetch();
    err_set(&exc_OSError, "Signal %d ignored due to race condition", signum);
    Value exc = err_fetch();
    err_write_unraisable(exc, NULL, V_NONE);
    err_restore(saved);
}

/* at_boundary: called from the breaker between two instructions rather
 * than from inside one (only the trace needs to know). */
static int check(int at_boundary)
{
    if (!on_main_thread)
        return 0;
    if (!atomic_load(&is_tripped))
        return 0;
    atomic_store(&is_tripped, 0);

    Value frame = current_frame();
    for (int i = 1; i < SIG_NSIG; i++) {
        if (!atomic_load_explicit(&tripped[i], memory_order_relaxed))
            continue;
        /* Cleared before the call: a signal arriving while the handler
         * runs trips it again and runs it again (nested or later). */
        atomic_store_explicit(&tripped[i], 0, memory_order_relaxed);
        Value func = handlers[i];
        if (!is_callable_handler(func)) {
            report_race(i);
            continue;
        }
        Value args[2] = {V_INT(i), frame};
        int traced = atomic_load_explicit(&trc_on, memory_order_relaxed);
        if (traced)
            trc_handler_begin(i, ts_current ? ts_current->frame : NULL,
                              at_boundary);
        Value result = obj_call(func, args, 2, NULL);
        if (traced)
            trc_handler_end(i, IS_NULL(result));
        if (IS_NULL(result)) {
            /* Re-arm so the signals still tripped run at the next check.
             * The pending request is set again too: a handler that ran
             * script code had its own breaker check clear it (nested
             * sig_handle_pending), and a direct call from a native
             * (pthread_sigmask, os.kill) has no caller to re-arm it. */
            atomic_store(&is_tripped, 1);
            atomic_store(&signals_pending, 1);
            eb_set(EB_SIGNALS);
            return -1;
        }
    }
    return 0;
}

int sig_check(void)
{
    return check(0);
}

int sig_handle_pending(void)
{
    if (!on_main_thread) {
        eb_clear(EB_SIGNALS);
        return 0;
    }
    atomic_store(&signals_pending, 0);
    eb_clear(EB_SIGNALS);
    return check(1);
}

void sig_recompute_breaker(void)
{
    if (!on_main_thread)
        return;
    if (atomic_load(&signals_pending))
        eb_set(EB_SIGNALS);
    if (atomic_load(&wakeup_error_pending))
        eb_set(EB_PENDING);
}

void sig_after_fork(void)
{
    sig_set_main_thread();
    if (!atomic_load(&is_tripped))
        return;
    atomic_store(&is_tripped, 0);
    for (int i = 1; i < SIG_NSIG; i++)
        atomic_store(&tripped[i], 0);
    atomic_store(&signals_pending, 0);
    eb_clear(EB_SIGNALS);
}

void sig_fini(void)
{
    for (int i = 1; i < SIG_NSIG; i++) {
        atomic_store(&tripped[i], 0);
        Value old = handlers[i];
        handlers[i] = V_NULL;
        if (is_callable_handler(old))
            install(i, SIG_DFL);
    }
}

int sig_set_wakeup_fd(int fd, int warn_on_full_buffer)
{
    atomic_store(&wakeup_warn, warn_on_full_buffer ? 1 : 0);
    return atomic_exchange(&wakeup_fd, fd < 0 ? -1 : fd);
}

void sig_report_wakeup_error(void)
{
    if (!on_main_thread || !atomic_exchange(&wakeup_error_pending, 0))
        return;
    int e = atomic_load(&wakeup_errno);
    Value saved = err_fetch();
    err_from_errno(&exc_OSError, e);
    Value exc = err_fetch();
    err_write_unraisable(
        exc, "Exception ignored when trying to write to the signal wakeup fd",
        V_NULL);
    err_restore(saved);
}

int sig_is_tripped(int signum)
{
    return atomic_load(&tripped[signum]);
}

void sig_gc_roots(void)
{
    for (int i = 1; i < SIG_NSIG; i++)
        gc_mark_value(handlers[i]);
}
