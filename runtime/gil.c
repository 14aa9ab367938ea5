/* gil.c - the global interpreter lock.
 *
 * A mutex guards the lock's state and two condition variables: `cond`
 * wakes threads waiting to take the GIL, `switched` wakes a holder that
 * dropped it on request and waits to see another thread take it.  The
 * waiters time out after the switch interval and then set EB_GIL_DROP,
 * exactly the hand-off CPython's ceval_gil.c describes.
 */
#include "gil.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "breaker.h"
#include "signals.h"
#include "tstate.h"

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond;     /* the GIL became free */
static pthread_cond_t switched; /* a thread took the GIL after a drop */

/* Guarded by `mutex`. */
static int locked;
static unsigned long switch_number; /* counts every hand-over */
static int waiters;

/* Read by waiters without the mutex; a stale value only delays a drop
 * request by one interval. */
static _Atomic double interval = 0.005;

/* Set (seq_cst) by the GIL holder when it starts the first thread, or by
 * a thread that found the GIL taken; never cleared.  Read by the holder
 * around blocking calls: while it is 0 there is no other thread, so
 * releasing the GIL would be pure cost.  It only changes under the GIL,
 * so a holder reads the same value before and after its system call. */
static atomic_int threaded;

static void cond_init_monotonic(pthread_cond_t *c)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(c, &attr);
    pthread_condattr_destroy(&attr);
}

void gil_init(struct ThreadState *main_ts)
{
    cond_init_monotonic(&cond);
    cond_init_monotonic(&switched);
    locked = 1;
    ts_current = main_ts;
}

static void deadline_after(struct timespec *ts, double seconds)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    long ns = (long)(seconds * 1e9);
    ts->tv_sec += ns / 1000000000L;
    ts->tv_nsec += ns % 1000000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

void gil_acquire(struct ThreadState *ts)
{
    pthread_mutex_lock(&mutex);
    if (locked) {
        atomic_store(&threaded, 1);
        waiters++;
        while (locked) {
            unsigned long seen = switch_number;
            struct timespec until;
            deadline_after(&until, atomic_load(&interval));
            int rc = pthread_cond_timedwait(&cond, &mutex, &until);
            /* Nobody took the GIL for a whole interval: ask the holder
             * to drop it at its next instruction boundary. */
            if (rc == ETIMEDOUT && locked && switch_number == seen)
                eb_set(EB_GIL_DROP);
        }
        waiters--;
    }
    locked = 1;
    switch_number++;
    /* A request made for the previous holder is spent.  Clearing it even
     * when others still wait gives the new holder a whole interval: a
     * waiter that keeps waiting asks again when its own interval ends.
     * Leaving it set would make the new holder yield after a single
     * instruction, and the lock would ping-pong. */
    eb_clear(EB_GIL_DROP);
    pthread_cond_broadcast(&switched);
    pthread_mutex_unlock(&mutex);
    ts_current = ts;
    /* A signal caught by a worker set the flags but not our bit. */
    sig_recompute_breaker();
}

struct ThreadState *gil_release(void)
{
    struct ThreadState *ts = ts_current;
    pthread_mutex_lock(&mutex);
    locked = 0;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&mutex);
    return ts;
}

void gil_yield(void)
{
    struct ThreadState *ts = ts_current;
    pthread_mutex_lock(&mutex);
    eb_clear(EB_GIL_DROP);
    if (waiters == 0) {
        pthread_mutex_unlock(&mutex);
        return;
    }
    unsigned long seen = switch_number;
    locked = 0;
    pthread_cond_signal(&cond);
    /* Do not race the waiter for the lock we just released: wait until
     * someone else has taken it. */
    while (switch_number == seen && waiters > 0)
        pthread_cond_wait(&switched, &mutex);
    pthread_mutex_unlock(&mutex);
    gil_acquire(ts);
}

int gil_is_threaded(void)
{
    return atomic_load(&threaded);
}

void gil_set_threaded(void)
{
    atomic_store(&threaded, 1);
}

void *gil_release_for_blocking(void)
{
    if (!atomic_load(&threaded))
        return NULL;
    return gil_release();
}

void gil_acquire_after_blocking(void *token)
{
    if (token)
        gil_acquire(token);
}

int gil_drop_hook(void)
{
    gil_yield();
    return 0;
}

void gil_set_switch_interval(double seconds)
{
    atomic_store(&interval, seconds);
}

double gil_get_switch_interval(void)
{
    return atomic_load(&interval);
}

void gil_after_fork(struct ThreadState *ts)
{
    pthread_mutex_init(&mutex, NULL);
    cond_init_monotonic(&cond);
    cond_init_monotonic(&switched);
    locked = 1;
    waiters = 0;
    ts_current = ts;
    eb_clear(EB_GIL_DROP);
}
