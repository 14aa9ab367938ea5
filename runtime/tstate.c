/* tstate.c - per-thread interpreter states and the native recursion
 * guard. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "runtime/error.h"
#include "runtime/tstate.h"

_Thread_local ThreadState *ts_current;
int ts_recursion_limit = 1000;

/* All states, newest first.  Linked and unlinked under the GIL, which the
 * collector also holds while it walks the list. */
static ThreadState *all_states;
static ThreadState *main_state;

ThreadState *ts_new(void)
{
    ThreadState *ts = calloc(1, sizeof *ts);
    if (!ts) {
        fputs("sigvm: out of memory\n", stderr);
        abort();
    }
    ts->exc = V_NULL;
    ts->handled = V_NULL;
    ts_bind_self(ts);
    ts->next = all_states;
    all_states = ts;
    if (!main_state) {
        main_state = ts;
        ts->is_main = 1;
    }
    return ts;
}

void ts_delete(ThreadState *ts)
{
    for (ThreadState **p = &all_states; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            break;
        }
    }
    if (ts == main_state)
        main_state = NULL;
    if (ts == ts_current)
        ts_current = NULL;
    free(ts->roots);
    free(ts);
}

void ts_bind_self(ThreadState *ts)
{
    ts->ident = (unsigned long)pthread_self();
    ts->native_id = (long)gettid();
}

void ts_after_fork(ThreadState *ts)
{
    ThreadState *p = all_states;
    while (p) {
        ThreadState *next = p->next;
        if (p != ts) {
            free(p->roots);
            free(p);
        }
        p = next;
    }
    ts->next = NULL;
    all_states = ts;
    /* The old main state, if another, was freed above. */
    main_state = ts;
    ts->is_main = 1;
    ts_bind_self(ts);
}

int ts_count(void)
{
    int n = 0;
    for (ThreadState *p = all_states; p; p = p->next)
        n++;
    return n;
}

ThreadState *ts_main(void)
{
    return main_state;
}

ThreadState *ts_first(void)
{
    return all_states;
}

/* Native recursion (repr of a list that contains itself through a chain
 * of objects, == on deeply nested tuples) shares the script's recursion
 * limit, so a runaway structure raises RecursionError instead of
 * overflowing the C stack.  `where` completes the message, e.g.
 * " while getting the repr of an object". */
int ts_enter_recursive(const char *where)
{
    ThreadState *ts = ts_current;
    if (++ts->c_depth + ts->depth > ts_recursion_limit) {
        ts->c_depth--;
        err_set(&exc_RecursionError, "maximum recursion depth exceeded%s",
                where ? where : "");
        return -1;
    }
    return 0;
}

void ts_leave_recursive(void)
{
    ts_current->c_depth--;
}
