/* mod_threading_lock.c - threading's locks: _thread.lock (Lock) and
 * RLock, the semaphore wait that every blocking threading call makes,
 * and what the other synchronisation objects in mod_threading_sync.c
 * borrow from here (the self check, the type set-up, RLock's
 * release-and-restore).
 *
 * Every wait is a wait on a semaphore through blk_call, so the GIL is
 * released while a thread waits, and on the main thread a signal handler
 * runs when the wait is interrupted: a raising handler ends the wait with
 * its exception, a quiet one lets it go on with the time that remains
 * (SIGNALS.md 8.5).
 */
#include <errno.h>
#include <time.h>

#include "runtime/blocking.h"
#include "stdlib/pytime.h"
#include "stdlib/threading_int.h"

/* ---------------------------------------------------------- semaphores */

/* One attempt of a blocking wait, run by blk_call without the GIL. */
static int sem_attempt(void *arg, double remaining)
{
    sem_t *sem = arg;
    if (remaining < 0)
        return sem_wait(sem);
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    time_t whole = (time_t)remaining;
    long nsec = until.tv_nsec + (long)((remaining - (double)whole) * 1e9);
    until.tv_sec += whole + nsec / 1000000000L;
    until.tv_nsec = nsec % 1000000000L;
    return sem_clockwait(sem, CLOCK_MONOTONIC, &until);
}

int tsync_sem_acquire(sem_t *sem, double timeout)
{
    if (sem_trywait(sem) == 0)
        return 1;
    if (timeout == 0)
        return 0;
    int rc = blk_call(sem_attempt, sem, timeout);
    if (rc >= 0)
        return 1;
    if (rc == BLK_RAISED)
        return -1;
    if (rc == BLK_TIMEDOUT || errno == ETIMEDOUT)
        return 0;
    err_from_errno(&exc_OSError, errno);
    return -1;
}

int tsync_self_of(Value *args, int nargs, TypeObj *t, const char *what)
{
    if (nargs < 1 || !val_isinstance(args[0], t)) {
        err_set(&exc_TypeError, "descriptor '%s' requires a '%s' object",
                what, t->name);
        return -1;
    }
    return 0;
}

/* The limit _thread puts on a timeout in microseconds (PY_TIMEOUT_MAX):
 * it turns them back into nanoseconds. */
#define TIMEOUT_MAX_US (INT64_MAX / 1000)

static int check_timeout_max(int64_t ns)
{
    if (pt_divide(ns, 1000, PT_TIMEOUT) > TIMEOUT_MAX_US) {
        err_set(&exc_OverflowError, "timeout value is too large");
        return -1;
    }
    return 0;
}

int tsync_timeout(Value v, double *secs)
{
    int64_t ns;
    if (pt_from_object(v, PT_SECONDS, PT_TIMEOUT, &ns) < 0 ||
        check_timeout_max(ns) < 0)
        return -1;
    *secs = pt_seconds(ns);
    return 0;
}

/* Lock.acquire's (blocking=True, timeout=-1) as a timeout in the
 * convention of tsync_sem_acquire, with _thread's messages and checks, in
 * its order; -1 (exactly -1 s after rounding) means "no timeout". */
static int lock_timeout(const char *fname, Value *args, int nargs,
                        TupleObj *kwnames, double *out)
{
    static const char *const names[] = {"blocking", "timeout"};
    const int64_t unset = -(int64_t)PT_SECONDS;
    Value a[2];
    if (args_bind(fname, args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return -1;
    int blocking = 1;
    if (!IS_NULL(a[0]) && (blocking = obj_truthy(a[0])) < 0)
        return -1;
    int64_t ns = unset;
    if (!IS_NULL(a[1]) && pt_from_object(a[1], PT_SECONDS, PT_TIMEOUT, &ns) < 0)
        return -1;
    if (!blocking && ns != unset) {
        err_set(&exc_ValueError,
                "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (ns < 0 && ns != unset) {
        err_set(&exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking) {
        *out = 0;
        return 0;
    }
    if (ns == unset) {
        *out = -1;
        return 0;
    }
    if (check_timeout_max(ns) < 0)
        return -1;
    *out = pt_seconds(ns);
    return 0;
}

/* ---------------------------------------------------------------- Lock */

static void tlock_finalize(Obj *o)
{
    sem_destroy(&((TLockObj *)o)->sem);
}

TLockObj *tlock_new(void)
{
    TLockObj *l = gc_alloc(&tlock_type, sizeof *l);
    sem_init(&l->sem, 0, 1);
    return l;
}

int tlock_acquire(TLockObj *l, double timeout)
{
    return tsync_sem_acquire(&l->sem, timeout);
}

void tlock_release(TLockObj *l)
{
    sem_post(&l->sem);
}

int tlock_is_locked(TLockObj *l)
{
    int v = 0;
    sem_getvalue(&l->sem, &v);
    return v <= 0;
}

static Value tlock_type_new(Value self, Value *args, int nargs,
                            TupleObj *kwnames)
{
    (void)self;
    (void)args;
    if (args_no_kw("allocate_lock", kwnames) < 0)
        return V_NULL;
    if (nargs != 0)
        return err_set(&exc_TypeError,
                       "_thread.allocate_lock() takes no arguments (%d given)",
                       nargs);
    return V_OBJ(tlock_new());
}

static Value tlock_acquire_m(Value *args, int nargs, TupleObj *kwnames)
{
    double timeout;
    if (tsync_self_of(args, nargs, &tlock_type, "acquire") < 0 ||
        lock_timeout("acquire", args + 1, nargs - 1, kwnames, &timeout) < 0)
        return V_NULL;
    int r = tlock_acquire((TLockObj *)AS_OBJ(args[0]), timeout);
    return r < 0 ? V_NULL : V_BOOL(r);
}

static Value tlock_release_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (tsync_self_of(args, nargs, &tlock_type, "release") < 0 ||
        args_no_kw("release", kwnames) < 0)
        return V_NULL;
    TLockObj *l = (TLockObj *)AS_OBJ(args[0]);
    if (!tlock_is_locked(l))
        return err_set(&exc_RuntimeError, "release unlocked lock");
    tlock_release(l);
    return V_NONE;
}

static Value tlock_locked_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (tsync_self_of(args, nargs, &tlock_type, "locked") < 0 ||
        args_no_kw("locked", kwnames) < 0)
        return V_NULL;
    return V_BOOL(tlock_is_locked((TLockObj *)AS_OBJ(args[0])));
}

static Value tlock_enter_m(Value *args, int nargs, TupleObj *kwnames)
{
    return tlock_acquire_m(args, nargs > 0 ? 1 : 0, kwnames);
}

static Value tlock_exit_m(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    return tlock_release_m(args, nargs > 0 ? 1 : 0, NULL);
}

static Value tlock_repr(Value self)
{
    TLockObj *l = (TLockObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<%s %s object at %p>",
                            tlock_is_locked(l) ? "locked" : "unlocked",
                            "_thread.lock", (void *)l));
}

static const MethodDef tlock_methods[] = {
    {"acquire", tlock_acquire_m, NATIVE_METHOD},
    {"release", tlock_release_m, NATIVE_METHOD},
    {"locked", tlock_locked_m, NATIVE_METHOD},
    {"__enter__", tlock_enter_m, NATIVE_METHOD},
    {"__exit__", tlock_exit_m, NATIVE_METHOD},
    {"acquire_lock", tlock_acquire_m, NATIVE_METHOD},
    {"release_lock", tlock_release_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj tlock_type = {
    TYPE_OBJ_HEAD,
    .name = "lock",
    .instance_size = sizeof(TLockObj),
    .finalize = tlock_finalize,
    .repr = tlock_repr,
    .new_ = tlock_type_new,
};

/* --------------------------------------------------------------- RLock */

/* The owner's get_ident() and the recursion count; both changed only by
 * the owner, under the GIL. */
typedef struct TRLockObj {
    InstanceObj base;
    sem_t sem;
    unsigned long owner; /* 0: not owned */
    int64_t count;
} TRLockObj;

static unsigned long my_ident(void)
{
    return ts_current->ident;
}

static void trlock_finalize(Obj *o)
{
    sem_destroy(&((TRLockObj *)o)->sem);
}

static Value trlock_type_new(Value self, Value *args, int nargs,
                             TupleObj *kwnames)
{
    (void)self;
    (void)args;
    if (args_no_kw("RLock", kwnames) < 0 ||
        args_count("RLock", nargs, 0, 0) < 0)
        return V_NULL;
    TRLockObj *r = gc_alloc(&trlock_type, sizeof *r);
    sem_init(&r->sem, 0, 1);
    return V_OBJ(r);
}

static int trlock_acquire(TRLockObj *r, double timeout)
{
    unsigned long me = my_ident();
    if (r->count > 0 && r->owner == me) {
        r->count++;
        return 1;
    }
    int got = tsync_sem_acquire(&r->sem, timeout);
    if (got == 1) {
        r->owner = me;
        r->count = 1;
    }
    return got;
}

static int trlock_owned(TRLockObj *r)
{
    return r->count > 0 && r->owner == my_ident();
}

static Value trlock_acquire_m(Value *args, int nargs, TupleObj *kwnames)
{
    double timeout;
    if (tsync_self_of(args, nargs, &trlock_type, "acquire") < 0 ||
        lock_timeout("acquire", args + 1, nargs - 1, kwnames, &timeout) < 0)
        return V_NULL;
    int r = trlock_acquire((TRLockObj *)AS_OBJ(args[0]), timeout);
    return r < 0 ? V_NULL : V_BOOL(r);
}

static Value trlock_release_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (tsync_self_of(args, nargs, &trlock_type, "release") < 0 ||
        args_no_kw("release", kwnames) < 0)
        return V_NULL;
    TRLockObj *r = (TRLockObj *)AS_OBJ(args[0]);
    if (!trlock_owned(r))
        return err_set(&exc_RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0) {
        r->owner = 0;
        sem_post(&r->sem);
    }
    return V_NONE;
}

static Value trlock_enter_m(Value *args, int nargs, TupleObj *kwnames)
{
    return trlock_acquire_m(args, nargs > 0 ? 1 : 0, kwnames);
}

static Value trlock_exit_m(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    return trlock_release_m(args, nargs > 0 ? 1 : 0, NULL);
}

static Value trlock_is_owned_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (tsync_self_of(args, nargs, &trlock_type, "_is_owned") < 0 ||
        args_no_kw("_is_owned", kwnames) < 0)
        return V_NULL;
    return V_BOOL(trlock_owned((TRLockObj *)AS_OBJ(args[0])));
}

static Value trlock_repr(Value self)
{
    TRLockObj *r = (TRLockObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<%s _thread.RLock object owner=%lu count=%lld "
                            "at %p>",
                            r->count > 0 ? "locked" : "unlocked",
                            r->count > 0 ? r->owner : 0UL,
                            (long long)r->count, (void *)r));
}

static const MethodDef trlock_methods[] = {
    {"acquire", trlock_acquire_m, NATIVE_METHOD},
    {"release", trlock_release_m, NATIVE_METHOD},
    {"__enter__", trlock_enter_m, NATIVE_METHOD},
    {"__exit__", trlock_exit_m, NATIVE_METHOD},
    {"_is_owned", trlock_is_owned_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj trlock_type = {
    TYPE_OBJ_HEAD,
    .name = "RLock",
    .instance_size = sizeof(TRLockObj),
    .finalize = trlock_finalize,
    .repr = trlock_repr,
    .new_ = trlock_type_new,
};

Value trlock_new(void)
{
    return trlock_type_new(V_OBJ(&trlock_type), NULL, 0, NULL);
}

int trlock_is_owned(Value rlock)
{
    return trlock_owned((TRLockObj *)AS_OBJ(rlock));
}

int64_t trlock_release_save(Value rlock)
{
    TRLockObj *r = (TRLockObj *)AS_OBJ(rlock);
    int64_t count = r->count;
    r->count = 0;
    r->owner = 0;
    sem_post(&r->sem);
    return count;
}

int trlock_acquire_restore(Value rlock, int64_t count)
{
    TRLockObj *r = (TRLockObj *)AS_OBJ(rlock);
    if (tsync_sem_acquire(&r->sem, -1) < 0)
        return -1;
    r->owner = my_ident();
    r->count = count;
    return 0;
}

/* ------------------------------------------------------------- set-up */

void tsync_setup_type(TypeObj *t, TypeObj *base, const char *module,
                      const MethodDef *methods)
{
    t->base = base;
    t->module = str_intern_cstr(module);
    t->name_str = str_intern_cstr(t->name);
    t->qualname = t->name_str;
    type_dict(t);
    if (methods)
        type_add_methods(t, methods);
    type_register_static(t);
}

void tsync_lock_setup(void)
{
    tsync_setup_type(&tlock_type, &object_type, "_thread", tlock_methods);
    tsync_setup_type(&trlock_type, &object_type, "_thread", trlock_methods);
}
