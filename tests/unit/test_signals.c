/* Unit tests of the low-level signal layer: real signals, real pipes. */
#include <criterion/criterion.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "runtime/signals.h"

static int calls[16];
static int ncalls;
static int raise_on = -1;

static Value record(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    cr_assert_eq(nargs, 2);
    cr_assert(IS_INT(args[0]), "the signum is a plain int");
    int signum = (int)AS_INT(args[0]);
    calls[ncalls++] = signum;
    if (signum == raise_on)
        return err_set(&exc_RuntimeError, "raised by handler %d", signum);
    return V_NONE;
}

static void setup(void)
{
    rt_init();
    sig_init(V_NULL);
    ncalls = 0;
    raise_on = -1;
}

static void handle(int signum)
{
    Value old;
    Value h = native_new("record", record, V_NULL, 0);
    cr_assert_eq(sig_set_handler(signum, h, &old), 0);
}

static void block(int a, int b, int c)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, a);
    if (b) sigaddset(&set, b);
    if (c) sigaddset(&set, c);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

static void unblock_all(void)
{
    sigset_t set;
    sigfillset(&set);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

TestSuite(signals, .init = setup);

Test(signals, c_handler_preserves_errno)
{
    handle(SIGUSR1);
    errno = 1234;
    raise(SIGUSR1);
    cr_assert_eq(errno, 1234);
    cr_assert(sig_is_tripped(SIGUSR1));
}

Test(signals, handler_runs_only_at_the_check)
{
    handle(SIGUSR1);
    raise(SIGUSR1);
    cr_assert_eq(ncalls, 0, "the C handler must not run the script handler");
    cr_assert(eb_load() & EB_SIGNALS, "the breaker asks the main thread to look");
    cr_assert_eq(sig_handle_pending(), 0);
    cr_assert_eq(ncalls, 1);
    cr_assert_eq(calls[0], SIGUSR1);
    cr_assert_not(sig_is_tripped(SIGUSR1), "flag cleared");
}

Test(signals, handlers_run_in_ascending_signal_order)
{
    handle(SIGHUP);
    handle(SIGUSR1);
    handle(SIGUSR2);
    block(SIGHUP, SIGUSR1, SIGUSR2);
    raise(SIGUSR2);
    raise(SIGHUP);
    raise(SIGUSR1);
    unblock_all();
    cr_assert_eq(sig_check(), 0);
    cr_assert_eq(ncalls, 3);
    cr_assert_eq(calls[0], SIGHUP);
    cr_assert_eq(calls[1], SIGUSR1);
    cr_assert_eq(calls[2], SIGUSR2);
}

Test(signals, repeated_arrivals_coalesce_into_one_call)
{
    int rt = SIGRTMIN + 2; /* real-time signals queue: three C handler runs */
    handle(rt);
    block(rt, 0, 0);
    raise(rt);
    raise(rt);
    raise(rt);
    unblock_all();
    cr_assert_eq(sig_check(), 0);
    cr_assert_eq(ncalls, 1, "a tripped flag is a bit, not a counter");
}

Test(signals, raising_handler_leaves_the_rest_for_the_next_check)
{
    handle(SIGUSR1);
    handle(SIGUSR2);
    raise_on = SIGUSR1;
    block(SIGUSR1, SIGUSR2, 0);
    raise(SIGUSR1);
    raise(SIGUSR2);
    unblock_all();
    cr_assert_eq(sig_handle_pending(), -1);
    cr_assert(err_matches(&exc_RuntimeError));
    err_clear();
    cr_assert_eq(ncalls, 1);
    cr_assert(sig_is_tripped(SIGUSR2), "still tripped after the raise");
    cr_assert(eb_load() & EB_SIGNALS, "re-armed for the next check");
    cr_assert_eq(sig_handle_pending(), 0);
    cr_assert_eq(ncalls, 2);
    cr_assert_eq(calls[1], SIGUSR2);
}

static atomic_int seen_tripped_when_byte_arrived = -1;

static void *wakeup_reader(void *arg)
{
    int fd = *(int *)arg;
    unsigned char byte;
    /* Only this thread reads the pipe; the byte is our cue to look. */
    while (read(fd, &byte, 1) != 1)
        ;
    atomic_store(&seen_tripped_when_byte_arrived, sig_is_tripped(byte));
    return NULL;
}

Test(signals, wakeup_byte_is_written_after_the_flags)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    handle(SIGUSR1);
    cr_assert_eq(sig_set_wakeup_fd(fds[1], 1), -1);
    pthread_t t;
    block(SIGUSR1, 0, 0); /* the reader thread inherits the block */
    pthread_create(&t, NULL, wakeup_reader, &fds[0]);
    unblock_all();
    raise(SIGUSR1);
    pthread_join(t, NULL);
    cr_assert_eq(atomic_load(&seen_tripped_when_byte_arrived), 1);
    cr_assert_eq(sig_set_wakeup_fd(-1, 1), fds[1]);
    close(fds[0]);
    close(fds[1]);
}

static void *worker_check(void *arg)
{
    (void)arg;
    return (void *)(intptr_t)sig_check();
}

Test(signals, only_the_main_thread_runs_handlers)
{
    handle(SIGUSR1);
    raise(SIGUSR1);
    pthread_t t;
    void *rc;
    pthread_create(&t, NULL, worker_check, NULL);
    pthread_join(t, &rc);
    cr_assert_eq((intptr_t)rc, 0);
    cr_assert_eq(ncalls, 0, "a worker never runs handlers");
    cr_assert(sig_is_tripped(SIGUSR1), "nor clears the flags");
    cr_assert_eq(sig_check(), 0);
    cr_assert_eq(ncalls, 1);
}

Test(signals, simulated_trip_ignores_default_and_ignored_handlers)
{
    Value old;
    cr_assert_eq(sig_trip_simulated(0), -1);
    cr_assert_eq(sig_trip_simulated(SIG_NSIG), -1);
    cr_assert_eq(sig_set_handler(SIGUSR2, V_INT(1), &old), 0);
    cr_assert_eq(sig_trip_simulated(SIGUSR2), 0);
    cr_assert_not(sig_is_tripped(SIGUSR2));
    handle(SIGUSR1);
    cr_assert_eq(sig_trip_simulated(SIGUSR1), 0);
    cr_assert(sig_is_tripped(SIGUSR1));
}

Test(signals, startup_ignores_sigpipe_and_keeps_an_ignored_sigint)
{
    cr_assert(IS_INT(sig_get_handler(SIGPIPE)));
    cr_assert_eq(AS_INT(sig_get_handler(SIGPIPE)), 1);
    signal(SIGINT, SIG_IGN);
    sig_init(native_new("default_int_handler", record, V_NULL, 0));
    cr_assert(IS_INT(sig_get_handler(SIGINT)), "an inherited SIG_IGN stays");
    cr_assert_eq(AS_INT(sig_get_handler(SIGINT)), 1);
    signal(SIGINT, SIG_DFL);
    sig_init(native_new("default_int_handler", record, V_NULL, 0));
    cr_assert(IS_OBJ(sig_get_handler(SIGINT)), "a default SIGINT gets the handler");
}

Test(signals, direct_check_that_raises_rearms_the_breaker)
{
    /* A native such as pthread_sigmask calls sig_check directly; when a
     * handler raises there, the rest must still run at the loop's next
     * check, even if a nested check cleared the pending request. */
    handle(SIGUSR1);
    handle(SIGUSR2);
    raise_on = SIGUSR1;
    block(SIGUSR1, SIGUSR2, 0);
    raise(SIGUSR1);
    raise(SIGUSR2);
    unblock_all();
    eb_clear(EB_SIGNALS); /* as a nested check inside the handler would */
    cr_assert_eq(sig_check(), -1);
    err_clear();
    cr_assert(eb_load() & EB_SIGNALS, "the next check point must look again");
    cr_assert_eq(sig_handle_pending(), 0);
    cr_assert_eq(ncalls, 2);
    cr_assert_eq(calls[1], SIGUSR2);
}
