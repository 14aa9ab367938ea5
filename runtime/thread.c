/* thread.c - OS threads that run bytecode (the contract is in thread.h). */
#include "runtime/thread.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "runtime/gil.h"
#include "runtime/tstate.h"

typedef struct Start {
    ThrBody body;
    void *arg;
    ThreadState *ts;
} Start;

/* Threads between thr_start and the end of their body.  Changed under
 * the GIL; read by tests. */
static int running;

static void *thread_main(void *p)
{
    Start st = *(Start *)p;
    free(p);
    gil_acquire(st.ts);
    ts_bind_self(st.ts);
    st.body(st.arg);
    running--;
    /* Under the GIL, so the collector never walks a half-freed state. */
    ts_delete(st.ts);
    gil_release();
    return NULL;
}

int thr_start(ThrBody body, void *arg, unsigned long *ident)
{
    Start *st = malloc(sizeof *st);
    if (!st)
        return ENOMEM;
    st->body = body;
    st->arg = arg;
    /* Linked now, under the creator's GIL, so the state is on the list
     * before the thread can run. */
    ThreadState *ts = ts_new();
    ts->is_main = 0;
    st->ts = ts;
    gil_set_threaded();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t tid;
    int err = pthread_create(&tid, &attr, thread_main, st);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        ts_delete(ts);
        free(st);
        return err;
    }
    /* The value the thread's own pthread_self() returns.  Written now, so
     * that signal.pthread_kill finds the thread as soon as start()
     * returns; the thread cannot free ts before we give the GIL up. */
    ts->ident = (unsigned long)tid;
    running++;
    *ident = (unsigned long)tid;
    return 0;
}

int thr_running(void)
{
    return running;
}
