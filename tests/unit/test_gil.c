/* Unit tests for runtime/gil.c: the drop request after the switch
 * interval, the hand-off that lets the waiter in, and the blocking hooks
 * that cost nothing until a second thread exists. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include "runtime/breaker.h"
#include "runtime/gil.h"
#include "runtime/runtime.h"

static atomic_int waiter_ran;
static ThreadState *waiter_ts;

static void *waiter(void *arg)
{
    (void)arg;
    gil_acquire(waiter_ts);
    atomic_store(&waiter_ran, 1);
    cr_assert_eq(ts_current, waiter_ts);
    gil_release();
    return NULL;
}

static void setup(void)
{
    rt_init();
    gil_init(ts_current);
    waiter_ts = ts_new();
}

TestSuite(gil, .init = setup);

Test(gil, waiter_sets_drop_request_and_yield_hands_over)
{
    gil_set_switch_interval(0.001);
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    /* The holder keeps the GIL: the waiter must ask for it. */
    while (!(eb_load() & EB_GIL_DROP))
        sched_yield();
    cr_assert(gil_is_threaded());
    ThreadState *me = ts_current;
    gil_yield();
    /* gil_yield returns only after another thread had the lock. */
    cr_assert_eq(atomic_load(&waiter_ran), 1);
    cr_assert_eq(ts_current, me);
    cr_assert_eq(eb_load() & EB_GIL_DROP, 0);
    pthread_join(t, NULL);
}

Test(gil, yield_without_waiters_keeps_the_lock)
{
    eb_set(EB_GIL_DROP);
    gil_yield();
    cr_assert_eq(eb_load() & EB_GIL_DROP, 0);
    cr_assert_eq(gil_drop_hook(), 0);
}

Test(gil, blocking_hooks_are_free_until_threaded)
{
    cr_assert_not(gil_is_threaded());
    cr_assert_null(gil_release_for_blocking());
    gil_acquire_after_blocking(NULL);
    gil_set_threaded();
    ThreadState *me = ts_current;
    void *token = gil_release_for_blocking();
    cr_assert_eq(token, me);
    gil_acquire_after_blocking(token);
    cr_assert_eq(ts_current, me);
}

Test(gil, switch_interval_round_trips)
{
    gil_set_switch_interval(0.25);
    cr_assert_float_eq(gil_get_switch_interval(), 0.25, 1e-12);
}

Test(gil, after_fork_gives_a_fresh_held_lock)
{
    ThreadState *me = ts_current;
    eb_set(EB_GIL_DROP);
    gil_after_fork(me);
    cr_assert_eq(ts_current, me);
    cr_assert_eq(eb_load() & EB_GIL_DROP, 0);
    gil_set_threaded();
    void *token = gil_release_for_blocking();
    gil_acquire_after_blocking(token);
    cr_assert_eq(ts_current, me);
}
