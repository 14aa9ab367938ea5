/* Unit tests for runtime/thread.c and the thread states of tstate.c:
 * bodies run under the GIL with their own state, states are freed when
 * threads end, and each thread's C roots are collector roots. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdatomic.h>

#include "runtime/gil.h"
#include "runtime/runtime.h"
#include "runtime/thread.h"

static void setup(void)
{
    rt_init();
    gil_init(ts_current);
}

TestSuite(thread, .init = setup);

/* Let started threads run until none is left.  gil_yield hands the
 * lock to a waiting thread; a bare release and re-acquire could take it
 * straight back every time. */
static void wait_all_ended(void)
{
    while (thr_running() > 0)
        gil_yield();
}

static atomic_int body_ok;

static void check_body(void *arg)
{
    ThreadState *ts = ts_current;
    int ok = ts != NULL && ts != ts_main() && !ts->is_main &&
             ts->ident == (unsigned long)pthread_self() &&
             ts->native_id > 0 && arg == (void *)&body_ok;
    atomic_store(&body_ok, ok ? 1 : -1);
}

Test(thread, body_runs_with_its_own_state)
{
    unsigned long ident = 0;
    cr_assert_eq(thr_start(check_body, &body_ok, &ident), 0);
    cr_assert_neq(ident, 0);
    cr_assert_eq(ts_count(), 2);
    wait_all_ended();
    cr_assert_eq(atomic_load(&body_ok), 1);
    cr_assert_eq(ts_count(), 1);
    cr_assert(gil_is_threaded());
}

static void count_body(void *arg)
{
    (*(int *)arg)++; /* under the GIL: no race */
}

Test(thread, states_are_freed_when_threads_end)
{
    int n = 0;
    for (int i = 0; i < 1000; i++) {
        unsigned long ident;
        cr_assert_eq(thr_start(count_body, &n, &ident), 0);
        if (i % 50 == 49)
            wait_all_ended();
    }
    wait_all_ended();
    cr_assert_eq(n, 1000);
    cr_assert_eq(ts_count(), 1);
}

static void collect_body(void *arg)
{
    (void)arg;
    gc_collect();
}

/* Collect on another thread while this one has roots pushed. */
static size_t count_after_collect_elsewhere(void)
{
    unsigned long ident;
    cr_assert_eq(thr_start(collect_body, NULL, &ident), 0);
    wait_all_ended();
    return gc_object_count();
}

Test(thread, roots_of_a_waiting_thread_survive_a_collection)
{
    Value list = V_OBJ(list_new(0));
    gc_root_push(&list);
    for (int i = 0; i < 1000; i++)
        list_append((ListObj *)AS_OBJ(list), V_OBJ(str_printf("s%d", i)));
    size_t with_root = count_after_collect_elsewhere();
    cr_assert_eq(((ListObj *)AS_OBJ(list))->n, 1000);
    gc_root_pop(1);
    size_t without_root = count_after_collect_elsewhere();
    cr_assert_geq(with_root - without_root, 1000);
}
