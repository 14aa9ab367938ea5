/* gil.h - the global interpreter lock, handed over through the eval
 * breaker.
 *
 * One thread runs bytecode at a time.  A thread that waits for the GIL
 * longer than the switch interval sets EB_GIL_DROP; the holder sees it at
 * its next instruction boundary and calls gil_yield(), which releases the
 * lock and does not take it back until another thread has had it, so the
 * waiter is guaranteed to get it (no convoy where the same thread re-takes
 * the lock forever).
 */
#ifndef SIGVM_GIL_H
#define SIGVM_GIL_H

struct ThreadState;

/* Create the lock held by the calling (main) thread. */
void gil_init(struct ThreadState *main_ts);
/* Take the lock for ts (blocking), make ts current, and recompute the
 * breaker bits this thread must see (signals caught elsewhere). */
void gil_acquire(struct ThreadState *ts);
/* Give the lock up; returns the state that held it, for gil_acquire. */
struct ThreadState *gil_release(void);
/* At an instruction boundary when EB_GIL_DROP is set: let a waiter in. */
void gil_yield(void);
/* Whether more than one thread has ever run: single-threaded programs
 * skip all GIL work. */
int gil_is_threaded(void);
/* Called by the GIL holder before it starts the first other thread. */
void gil_set_threaded(void);

/* The hooks cli/ installs: blk_release_hook / blk_acquire_hook around
 * every blocking system call (they do nothing until a second thread
 * exists: the token is then NULL), and vm_gil_drop_hook at an
 * instruction boundary with EB_GIL_DROP set. */
void *gil_release_for_blocking(void);
void gil_acquire_after_blocking(void *token);
int gil_drop_hook(void);

/* sys.setswitchinterval / getswitchinterval, in seconds. */
void gil_set_switch_interval(double seconds);
double gil_get_switch_interval(void);

/* In the child after fork: the forking thread owns a fresh lock. */
void gil_after_fork(struct ThreadState *ts);

#endif
