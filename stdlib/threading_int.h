/* threading_int.h - what the parts of the threading module share:
 * mod_threading.c (Thread and the module functions), mod_threading_lock.c
 * (Lock, RLock) and mod_threading_sync.c (Condition, Event, Semaphore).
 * Private to stdlib/. */
#ifndef SIGVM_THREADING_INT_H
#define SIGVM_THREADING_INT_H

#include <semaphore.h>

#include "runtime/runtime.h"

/* _thread.lock: a binary semaphore (value 1: unlocked).  A semaphore,
 * not a mutex, because sem_wait fails with EINTR when a signal handler
 * runs on the waiting thread, which PEP 475 needs on the main thread,
 * and because any thread may release a lock another one acquired. */
typedef struct TLockObj {
    InstanceObj base;
    sem_t sem;
} TLockObj;

extern TypeObj tlock_type, trlock_type, tcond_type, tevent_type,
    tsem_type, tbsem_type;

/* Wait for sem: timeout < 0 forever, 0 a single try, else seconds.  The
 * GIL is released while waiting; on the main thread signal handlers run
 * on EINTR and a raising one ends the wait (PEP 475).  1 acquired, 0
 * timed out, -1 with the exception set. */
int tsync_sem_acquire(sem_t *sem, double timeout);

/* A positive timeout v (an int or a float, seconds) as _thread's
 * lock.acquire(True, v) checks it, in seconds in *secs: OverflowError past
 * CPython's nanosecond clock (about 9.2e9 s).  threading.py's Condition,
 * Event, Semaphore and Thread.join end in that call, so they share it.
 * 0, or -1 with the exception set. */
int tsync_timeout(Value v, double *secs);

/* A new lock, unlocked; -1 / NULL never: creation aborts on failure. */
TLockObj *tlock_new(void);
/* Acquire as tsync_sem_acquire; release without checks. */
int tlock_acquire(TLockObj *l, double timeout);
void tlock_release(TLockObj *l);
int tlock_is_locked(TLockObj *l);

/* A new RLock, unowned. */
Value trlock_new(void);
/* Whether the calling thread owns the RLock rlock. */
int trlock_is_owned(Value rlock);
/* Condition.wait's way with an RLock the caller owns: give it up however
 * deep the caller holds it, returning the depth; then wait for it again
 * (0, or -1 with a handler's exception) and restore that depth. */
int64_t trlock_release_save(Value rlock);
int trlock_acquire_restore(Value rlock, int64_t count);

/* Fails with CPython's TypeError unless args[0] is a t: the self check of
 * a method called through the class. */
int tsync_self_of(Value *args, int nargs, TypeObj *t, const char *what);
/* Give a static type its base, module, name and methods, and register it. */
void tsync_setup_type(TypeObj *t, TypeObj *base, const char *module,
                      const MethodDef *methods);
/* Set up the Lock and RLock types (once, before tsync_init adds them). */
void tsync_lock_setup(void);

/* Fill the types' dicts (once) and add the sync classes to module m. */
void tsync_init(ModuleObj *m);

#endif
