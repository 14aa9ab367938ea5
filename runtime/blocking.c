/* blocking.c - blocking system calls with the GIL released and PEP 475
 * retries (the contract is in blocking.h). */
#include "runtime/blocking.h"

#include <errno.h>
#include <unistd.h>

#include "runtime/sigtrace.h"

void *(*blk_release_hook)(void);
void (*blk_acquire_hook)(void *token);
int (*blk_eintr_hook)(void);

double blk_monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One attempt with the GIL released.  errno is saved across the acquire
 * hook, which may itself make system calls. */
static int attempt(BlkFn fn, void *arg, double remaining, int *err)
{
    void *token = blk_release_hook ? blk_release_hook() : NULL;
    /* Published for the C handler (--trace-signals names the call). */
    trc_blocking_begin();
    int r = fn(arg, remaining);
    *err = errno;
    trc_blocking_end();
    if (blk_acquire_hook)
        blk_acquire_hook(token);
    return r;
}

int blk_call(BlkFn fn, void *arg, double timeout)
{
    double deadline = timeout >= 0 ? blk_monotonic() + timeout : 0;
    double remaining = timeout;
    for (;;) {
        int err;
        int r = attempt(fn, arg, remaining, &err);
        if (r >= 0)
            return r;
        if (err != EINTR) {
            errno = err;
            return -1;
        }
        /* The signal handlers run here, between two attempts, with the
         * GIL held: a handler that raises ends the call. */
        if (blk_eintr_hook && blk_eintr_hook() < 0)
            return BLK_RAISED;
        if (timeout >= 0) {
            remaining = deadline - blk_monotonic();
            if (remaining < 0)
                return BLK_TIMEDOUT;
        }
    }
}

/* blk_sleep sleeps to an absolute CLOCK_MONOTONIC deadline, so a retry
 * after EINTR needs no arithmetic and cannot drift. */
static int sleep_attempt(void *arg, double remaining)
{
    (void)remaining;
    int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
                             (const struct timespec *)arg, NULL);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return 0;
}

int blk_sleep(double secs)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    time_t whole = (time_t)secs;
    long nsec = until.tv_nsec + (long)((secs - (double)whole) * 1e9);
    until.tv_sec += whole + nsec / 1000000000L;
    until.tv_nsec = nsec % 1000000000L;
    int r = blk_call(sleep_attempt, &until, secs);
    return r == BLK_TIMEDOUT ? 0 : r;
}

typedef struct IoArgs {
    int fd;
    void *buf;
    size_t n;
    ssize_t done;
} IoArgs;

static int read_attempt(void *arg, double remaining)
{
    (void)remaining;
    IoArgs *io = arg;
    io->done = read(io->fd, io->buf, io->n);
    return io->done < 0 ? -1 : 0;
}

int blk_read(int fd, void *buf, size_t n, ssize_t *nread)
{
    IoArgs io = {.fd = fd, .buf = buf, .n = n, .done = 0};
    int r = blk_call(read_attempt, &io, -1);
    *nread = r == 0 ? io.done : 0;
    return r;
}

static int write_attempt(void *arg, double remaining)
{
    (void)remaining;
    IoArgs *io = arg;
    io->done = write(io->fd, io->buf, io->n);
    return io->done < 0 ? -1 : 0;
}

int blk_write_all(int fd, const void *buf, size_t n, size_t *written)
{
    size_t off = 0;
    int r = 0;
    while (off < n) {
        IoArgs io = {.fd = fd, .buf = (char *)buf + off, .n = n - off};
        r = blk_call(write_attempt, &io, -1);
        if (r < 0)
            break;
        off += (size_t)io.done;
    }
    if (written)
        *written = off;
    return r < 0 ? r : 0;
}
