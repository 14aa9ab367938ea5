/* blocking.h - the one way sigvm makes a system call that may block.
 *
 * Every call that can wait (sleep, read, write, select, waitpid, and later
 * lock acquire and join) goes through blk_call, so that two concerns live
 * in one place instead of at every call site:
 *
 *  - The GIL.  blk_call calls blk_release_hook before the system call and
 *    blk_acquire_hook after it, so other threads run while this one waits.
 *    Both hooks are NULL until the threads phase installs them.
 *
 *  - EINTR (PEP 475).  When the call fails with EINTR, blk_call takes the
 *    GIL back and calls blk_eintr_hook, which runs pending signal handlers
 *    (main thread only).  If the hook returns -1 a handler raised: blk_call
 *    returns BLK_RAISED and the exception stays set for the caller to pass
 *    up.  Otherwise the call is retried with the time that remains before
 *    the deadline, measured on CLOCK_MONOTONIC from when blk_call started;
 *    if none remains, blk_call returns BLK_TIMEDOUT.  A NULL hook means
 *    "no handler raised": retry.
 *
 * The contract for the attempt function:
 *
 *     int fn(void *arg, double remaining)
 *
 * performs the system call once.  `remaining` is the number of seconds
 * left before the deadline (>= 0), or a negative number when the call has
 * no timeout.  fn returns >= 0 on success (the meaning is fn's own:
 * blk_call passes it through), or -1 with errno set.  It must not touch
 * Python objects: it runs without the GIL.  Results larger than an int
 * (byte counts) go back through `arg`.
 *
 * blk_call's result:
 *    >= 0          fn's result
 *    -1            fn failed with errno set (not EINTR); no exception is
 *                  set, the caller raises (err_from_errno) or not
 *    BLK_RAISED    a signal handler raised; the exception is set
 *    BLK_TIMEDOUT  interrupted, and the deadline passed meanwhile
 *
 * Callers hold the GIL when they call blk_call and when it returns.
 */
#ifndef SIGVM_BLOCKING_H
#define SIGVM_BLOCKING_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

enum { BLK_RAISED = -2, BLK_TIMEDOUT = -3 };

typedef int (*BlkFn)(void *arg, double remaining);

/* Run fn(arg, remaining) as described above; timeout < 0: no deadline. */
int blk_call(BlkFn fn, void *arg, double timeout);

/* Hooks filled in by later phases; NULL means "nothing to do".
 * blk_release_hook returns a token that blk_acquire_hook gets back (the
 * thread state, say).  blk_eintr_hook runs with the GIL held and returns
 * -1 with an exception set if a signal handler raised, else 0.
 * They are written once at start-up, before any thread exists. */
extern void *(*blk_release_hook)(void);
extern void (*blk_acquire_hook)(void *token);
extern int (*blk_eintr_hook)(void);

/* Seconds on CLOCK_MONOTONIC, the clock every deadline is measured on. */
double blk_monotonic(void);

/* Helpers built on blk_call, with the same result convention. */

/* Sleep until `secs` seconds from now (secs >= 0): 0 when done. */
int blk_sleep(double secs);
/* One read(2): the byte count goes to *nread (0 at end of file). */
int blk_read(int fd, void *buf, size_t n, ssize_t *nread);
/* write(2) until all n bytes are written (a short write is continued):
 * 0 on success; on failure *written says how much got out. */
int blk_write_all(int fd, const void *buf, size_t n, size_t *written);

#endif
