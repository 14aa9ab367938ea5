/* mod_threading_sync.c - threading's synchronisation objects beyond the
 * locks (mod_threading_lock.c): Condition, Event, Semaphore and
 * BoundedSemaphore, and the function that adds all of them to the module.
 *
 * Condition, Event and Semaphore queue one fresh waiter lock per waiting
 * thread and release it to wake that thread, the design CPython's
 * threading.py uses; the wait itself is a lock's, so it releases the GIL
 * and runs signal handlers as SIGNALS.md 8.5 says.  Event and Semaphore
 * need no lock of their own: they change their state and queue a waiter
 * only while holding the GIL and never block in between.
 */
#include <string.h>

#include "runtime/blocking.h"
#include "stdlib/threading_int.h"

/* -------------------------------------------------------- waiter queues */

static void waitq_remove(ListObj *q, Obj *w)
{
    for (size_t i = 0; i < q->n; i++) {
        if (IS_OBJ(q->items[i]) && AS_OBJ(q->items[i]) == w) {
            memmove(q->items + i, q->items + i + 1,
                    (q->n - i - 1) * sizeof(Value));
            q->n--;
            return;
        }
    }
}

/* Queue a fresh waiter lock, already acquired, at the end of q. */
static TLockObj *waitq_enqueue(ListObj *q)
{
    TLockObj *w = tlock_new();
    sem_trywait(&w->sem);
    list_append(q, V_OBJ(w));
    return w;
}

/* Wait until the waiter is released (1), the timeout passes (0) or a
 * signal handler raises (-1); the waiter leaves the queue either way.
 * The waiter stays rooted while this thread blocks: a notify takes it
 * off the queue, and another thread may collect meanwhile. */
static int waitq_block(ListObj *q, TLockObj *w, double timeout)
{
    Value wv = V_OBJ(w);
    gc_root_push(&wv);
    int got = tlock_acquire(w, timeout);
    gc_root_pop(1);
    if (got != 1)
        waitq_remove(q, (Obj *)w);
    return got;
}

/* Wake up to n waiters, oldest first. */
static void waitq_notify(ListObj *q, int64_t n)
{
    while (q->n > 0 && n > 0) {
        TLockObj *w = (TLockObj *)AS_OBJ(q->items[0]);
        if (tlock_is_locked(w)) {
            tlock_release(w);
            n--;
        }
        waitq_remove(q, (Obj *)w);
    }
}

/* An optional timeout argument as threading.py's Condition.wait reads it:
 * None (or absent) is -1, "forever"; a number > 0 is a timed acquire of
 * the waiter lock (with its range checks); anything else -- 0, negative,
 * NaN -- a single try. */
static int opt_timeout(Value v, double *out)
{
    *out = -1;
    if (IS_NULL(v) || IS_NONE(v))
        return 0;
    double d;
    if (args_double(v, &d) < 0)
        return -1;
    *out = 0;
    return d > 0 ? tsync_timeout(v, out) : 0;
}

/* ----------------------------------------------------------- Condition */

typedef struct TCondObj {
    InstanceObj base;
    Value lock;       /* a Lock or an RLock */
    ListObj *waiters; /* TLockObj, oldest first */
} TCondObj;

static void tcond_trace(Obj *o)
{
    TCondObj *c = (TCondObj *)o;
    gc_mark_obj((Obj *)c->base.dict);
    gc_mark_value(c->lock);
    gc_mark_obj((Obj *)c->waiters);
}

static Value tcond_type_new(Value self, Value *args, int nargs,
                            TupleObj *kwnames)
{
    static const char *const names[] = {"lock"};
    Value lock;
    if (args_bind("Condition", args, nargs, kwnames, names, 1, 1, 0, &lock) < 0)
        return V_NULL;
    if (IS_NULL(lock) || IS_NONE(lock)) {
        lock = trlock_new();
    } else if (!IS_TYPE(lock, tlock_type) && !IS_TYPE(lock, trlock_type)) {
        return err_set(&exc_TypeError,
                       "Condition() takes a Lock or an RLock, not '%s'",
                       val_type_name(lock));
    }
    gc_root_push(&lock);
    TCondObj *c = gc_alloc((TypeObj *)AS_OBJ(self),
                           ((TypeObj *)AS_OBJ(self))->instance_size);
    c->lock = lock;
    c->waiters = list_new(0);
    gc_root_pop(1);
    return V_OBJ(c);
}

static int tcond_owned(TCondObj *c)
{
    if (IS_TYPE(c->lock, trlock_type))
        return trlock_is_owned(c->lock);
    return tlock_is_locked((TLockObj *)AS_OBJ(c->lock));
}

/* Give the lock up entirely (an RLock however deep) and return what
 * tcond_restore needs to take it back. */
static int64_t tcond_release_save(TCondObj *c)
{
    if (IS_TYPE(c->lock, trlock_type))
        return trlock_release_save(c->lock);
    tlock_release((TLockObj *)AS_OBJ(c->lock));
    return 1;
}

static int tcond_restore(TCondObj *c, int64_t saved)
{
    if (IS_TYPE(c->lock, trlock_type))
        return trlock_acquire_restore(c->lock, saved);
    return tlock_acquire((TLockObj *)AS_OBJ(c->lock), -1) < 0 ? -1 : 0;
}

/* Condition.wait: 1 notified, 0 timed out, -1 error. */
static int tcond_wait(TCondObj *c, double timeout)
{
    if (!tcond_owned(c)) {
        err_set(&exc_RuntimeError, "cannot wait on un-acquired lock");
        return -1;
    }
    TLockObj *w = waitq_enqueue(c->waiters);
    int64_t saved = tcond_release_save(c);
    int got = waitq_block(c->waiters, w, timeout);
    /* The lock comes back even when a handler raised, as a finally
     * clause would take it; its exception wins over nothing else. */
    Value pending = got < 0 ? err_fetch() : V_NULL;
    gc_root_push(&pending);
    int rc = tcond_restore(c, saved);
    gc_root_pop(1);
    if (rc < 0)
        return -1;
    if (got < 0) {
        err_restore(pending);
        return -1;
    }
    return got;
}

static TCondObj *cond_self(Value *args, int nargs, const char *what)
{
    if (tsync_self_of(args, nargs, &tcond_type, what) < 0)
        return NULL;
    return (TCondObj *)AS_OBJ(args[0]);
}

static Value tcond_wait_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"timeout"};
    Value a;
    double timeout;
    TCondObj *c = cond_self(args, nargs, "wait");
    if (!c || args_bind("wait", args + 1, nargs - 1, kwnames, names, 1, 1,
                        0, &a) < 0 || opt_timeout(a, &timeout) < 0)
        return V_NULL;
    int got = tcond_wait(c, timeout);
    return got < 0 ? V_NULL : V_BOOL(got);
}

static Value tcond_wait_for_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"predicate", "timeout"};
    Value a[2];
    TCondObj *c = cond_self(args, nargs, "wait_for");
    if (!c || args_bind("wait_for", args + 1, nargs - 1, kwnames, names, 2,
                        2, 1, a) < 0)
        return V_NULL;
    int timed = !IS_NULL(a[1]) && !IS_NONE(a[1]);
    double given = -1, wait = -1;
    if (timed && args_double(a[1], &given) < 0)
        return V_NULL;
    double deadline = blk_monotonic() + given;
    Value result = obj_call0(a[0]);
    gc_root_push(&result);
    for (int first = 1;; first = 0) {
        int truth = IS_NULL(result) ? -1 : obj_truthy(result);
        if (truth != 0)
            break;
        if (timed) {
            /* threading.py waits first with the caller's timeout, then
             * with the float that is left. */
            Value left = first ? a[1] : V_FLOAT(deadline - blk_monotonic());
            if (!first && AS_FLOAT(left) <= 0)
                break;
            if (opt_timeout(left, &wait) < 0) {
                result = V_NULL;
                break;
            }
        }
        if (tcond_wait(c, wait) < 0) {
            result = V_NULL;
            break;
        }
        result = obj_call0(a[0]);
    }
    gc_root_pop(1);
    return result;
}

static Value tcond_notify_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"n"};
    Value a;
    int64_t n = 1;
    TCondObj *c = cond_self(args, nargs, "notify");
    if (!c || args_bind("notify", args + 1, nargs - 1, kwnames, names, 1, 1,
                        0, &a) < 0 || (!IS_NULL(a) && args_int64(a, &n) < 0))
        return V_NULL;
    if (!tcond_owned(c))
        return err_set(&exc_RuntimeError, "cannot notify on un-acquired lock");
    waitq_notify(c->waiters, n);
    return V_NONE;
}

static Value tcond_notify_all_m(Value *args, int nargs, TupleObj *kwnames)
{
    TCondObj *c = cond_self(args, nargs, "notify_all");
    if (!c || args_no_kw("notify_all", kwnames) < 0 ||
        args_count("notify_all", nargs - 1, 0, 0) < 0)
        return V_NULL;
    if (!tcond_owned(c))
        return err_set(&exc_RuntimeError, "cannot notify on un-acquired lock");
    waitq_notify(c->waiters, (int64_t)c->waiters->n);
    return V_NONE;
}

/* acquire, release, __enter__ and __exit__ are the lock's own. */
static Value tcond_forward(Value *args, int nargs, TupleObj *kwnames,
                           const char *what)
{
    TCondObj *c = cond_self(args, nargs, what);
    if (!c)
        return V_NULL;
    Value m = obj_getattr_cstr(c->lock, what);
    if (IS_NULL(m))
        return V_NULL;
    gc_root_push(&m);
    Value r = obj_call(m, args + 1, nargs - 1, kwnames);
    gc_root_pop(1);
    return r;
}

static Value tcond_acquire_m(Value *args, int nargs, TupleObj *kwnames)
{
    return tcond_forward(args, nargs, kwnames, "acquire");
}

static Value tcond_release_m(Value *args, int nargs, TupleObj *kwnames)
{
    return tcond_forward(args, nargs, kwnames, "release");
}

static Value tcond_enter_m(Value *args, int nargs, TupleObj *kwnames)
{
    return tcond_forward(args, nargs, kwnames, "__enter__");
}

static Value tcond_exit_m(Value *args, int nargs, TupleObj *kwnames)
{
    return tcond_forward(args, nargs, kwnames, "__exit__");
}

static Value tcond_repr(Value self)
{
    TCondObj *c = (TCondObj *)AS_OBJ(self);
    Value lr = obj_repr(c->lock);
    if (IS_NULL(lr))
        return V_NULL;
    return V_OBJ(str_printf("<Condition(%s, %zu)>",
                            STR_CSTR((StrObj *)AS_OBJ(lr)), c->waiters->n));
}

static const MethodDef tcond_methods[] = {
    {"wait", tcond_wait_m, NATIVE_METHOD},
    {"wait_for", tcond_wait_for_m, NATIVE_METHOD},
    {"notify", tcond_notify_m, NATIVE_METHOD},
    {"notify_all", tcond_notify_all_m, NATIVE_METHOD},
    {"acquire", tcond_acquire_m, NATIVE_METHOD},
    {"release", tcond_release_m, NATIVE_METHOD},
    {"__enter__", tcond_enter_m, NATIVE_METHOD},
    {"__exit__", tcond_exit_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj tcond_type = {
    TYPE_OBJ_HEAD,
    .name = "Condition",
    .flags = TF_BASETYPE | TF_HAS_DICT,
    .instance_size = sizeof(TCondObj),
    .trace = tcond_trace,
    .repr = tcond_repr,
    .setattr = obj_generic_setattr,
    .new_ = tcond_type_new,
};

/* --------------------------------------------------------------- Event */

typedef struct TEventObj {
    InstanceObj base;
    int flag;
    ListObj *waiters;
} TEventObj;

static void tevent_trace(Obj *o)
{
    TEventObj *e = (TEventObj *)o;
    gc_mark_obj((Obj *)e->base.dict);
    gc_mark_obj((Obj *)e->waiters);
}

static Value tevent_type_new(Value self, Value *args, int nargs,
                             TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("Event", kwnames) < 0 ||
        args_count("Event", nargs, 0, 0) < 0)
        return V_NULL;
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    TEventObj *e = gc_alloc(t, t->instance_size);
    e->waiters = list_new(0);
    return V_OBJ(e);
}

static TEventObj *event_self(Value *args, int nargs, const char *what)
{
    if (tsync_self_of(args, nargs, &tevent_type, what) < 0)
        return NULL;
    return (TEventObj *)AS_OBJ(args[0]);
}

static Value tevent_is_set_m(Value *args, int nargs, TupleObj *kwnames)
{
    TEventObj *e = event_self(args, nargs, "is_set");
    if (!e || args_no_kw("is_set", kwnames) < 0)
        return V_NULL;
    return V_BOOL(e->flag);
}

static Value tevent_set_m(Value *args, int nargs, TupleObj *kwnames)
{
    TEventObj *e = event_self(args, nargs, "set");
    if (!e || args_no_kw("set", kwnames) < 0)
        return V_NULL;
    e->flag = 1;
    waitq_notify(e->waiters, (int64_t)e->waiters->n);
    return V_NONE;
}

static Value tevent_clear_m(Value *args, int nargs, TupleObj *kwnames)
{
    TEventObj *e = event_self(args, nargs, "clear");
    if (!e || args_no_kw("clear", kwnames) < 0)
        return V_NULL;
    e->flag = 0;
    return V_NONE;
}

static Value tevent_wait_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"timeout"};
    Value a;
    double timeout;
    TEventObj *e = event_self(args, nargs, "wait");
    if (!e || args_bind("wait", args + 1, nargs - 1, kwnames, names, 1, 1, 0,
                        &a) < 0 || opt_timeout(a, &timeout) < 0)
        return V_NULL;
    if (e->flag)
        return V_TRUE;
    TLockObj *w = waitq_enqueue(e->waiters);
    int got = waitq_block(e->waiters, w, timeout);
    return got < 0 ? V_NULL : V_BOOL(got);
}

static const MethodDef tevent_methods[] = {
    {"is_set", tevent_is_set_m, NATIVE_METHOD},
    {"set", tevent_set_m, NATIVE_METHOD},
    {"clear", tevent_clear_m, NATIVE_METHOD},
    {"wait", tevent_wait_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj tevent_type = {
    TYPE_OBJ_HEAD,
    .name = "Event",
    .flags = TF_BASETYPE | TF_HAS_DICT,
    .instance_size = sizeof(TEventObj),
    .trace = tevent_trace,
    .setattr = obj_generic_setattr,
    .new_ = tevent_type_new,
};

/* ----------------------------------------------------------- Semaphore */

typedef struct TSemObj {
    InstanceObj base;
    int64_t value;
    int64_t initial;  /* BoundedSemaphore's bound */
    ListObj *waiters;
} TSemObj;

static void tsem_trace(Obj *o)
{
    TSemObj *s = (TSemObj *)o;
    gc_mark_obj((Obj *)s->base.dict);
    gc_mark_obj((Obj *)s->waiters);
}

static Value tsem_type_new(Value self, Value *args, int nargs,
                           TupleObj *kwnames)
{
    static const char *const names[] = {"value"};
    Value a;
    int64_t value = 1;
    if (args_bind("Semaphore", args, nargs, kwnames, names, 1, 1, 0, &a) < 0 ||
        (!IS_NULL(a) && args_int64(a, &value) < 0))
        return V_NULL;
    if (value < 0)
        return err_set(&exc_ValueError, "semaphore initial value must be >= 0");
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    TSemObj *s = gc_alloc(t, t->instance_size);
    s->value = s->initial = value;
    s->waiters = list_new(0);
    return V_OBJ(s);
}

static TSemObj *sem_self(Value *args, int nargs, const char *what)
{
    if (tsync_self_of(args, nargs, &tsem_type, what) < 0)
        return NULL;
    return (TSemObj *)AS_OBJ(args[0]);
}

/* Wait in the queue until the value is positive: 1, 0 (timed out or not
 * blocking), -1 error. */
static int tsem_acquire(TSemObj *s, int blocking, Value timeout)
{
    int timed = !IS_NULL(timeout) && !IS_NONE(timeout);
    double deadline = 0;
    int first = 1;
    while (s->value == 0) {
        if (!blocking)
            return 0;
        double wait = -1;
        if (timed) {
            /* As threading.py: the deadline is computed once it must wait,
             * then Condition.wait with the caller's timeout first and the
             * float that is left after. */
            if (first && args_double(timeout, &deadline) < 0)
                return -1;
            if (first)
                deadline += blk_monotonic();
            Value left = first ? timeout : V_FLOAT(deadline - blk_monotonic());
            if (!first && AS_FLOAT(left) <= 0)
                return 0;
            if (opt_timeout(left, &wait) < 0)
                return -1;
        }
        first = 0;
        TLockObj *w = waitq_enqueue(s->waiters);
        if (waitq_block(s->waiters, w, wait) < 0)
            return -1;
    }
    s->value--;
    return 1;
}

static Value tsem_acquire_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"blocking", "timeout"};
    Value a[2];
    TSemObj *s = sem_self(args, nargs, "acquire");
    if (!s || args_bind("acquire", args + 1, nargs - 1, kwnames, names, 2, 2,
                        0, a) < 0)
        return V_NULL;
    int blocking = IS_NULL(a[0]) ? 1 : obj_truthy(a[0]);
    if (blocking < 0)
        return V_NULL;
    if (!blocking && !IS_NULL(a[1]) && !IS_NONE(a[1]))
        return err_set(&exc_ValueError,
                       "can't specify timeout for non-blocking acquire");
    int got = tsem_acquire(s, blocking, a[1]);
    return got < 0 ? V_NULL : V_BOOL(got);
}

static Value tsem_release_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"n"};
    Value a;
    int64_t n = 1;
    TSemObj *s = sem_self(args, nargs, "release");
    if (!s || args_bind("release", args + 1, nargs - 1, kwnames, names, 1, 1,
                        0, &a) < 0 || (!IS_NULL(a) && args_int64(a, &n) < 0))
        return V_NULL;
    if (n < 1)
        return err_set(&exc_ValueError, "n must be one or more");
    if (val_isinstance(args[0], &tbsem_type) && s->value + n > s->initial)
        return err_set(&exc_ValueError, "Semaphore released too many times");
    s->value += n;
    waitq_notify(s->waiters, n);
    return V_NONE;
}

static Value tsem_enter_m(Value *args, int nargs, TupleObj *kwnames)
{
    return tsem_acquire_m(args, nargs > 0 ? 1 : 0, kwnames);
}

static Value tsem_exit_m(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    return tsem_release_m(args, nargs > 0 ? 1 : 0, NULL);
}

static const MethodDef tsem_methods[] = {
    {"acquire", tsem_acquire_m, NATIVE_METHOD},
    {"release", tsem_release_m, NATIVE_METHOD},
    {"__enter__", tsem_enter_m, NATIVE_METHOD},
    {"__exit__", tsem_exit_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj tsem_type = {
    TYPE_OBJ_HEAD,
    .name = "Semaphore",
    .flags = TF_BASETYPE | TF_HAS_DICT,
    .instance_size = sizeof(TSemObj),
    .trace = tsem_trace,
    .setattr = obj_generic_setattr,
    .new_ = tsem_type_new,
};

TypeObj tbsem_type = {
    TYPE_OBJ_HEAD,
    .name = "BoundedSemaphore",
    .flags = TF_BASETYPE | TF_HAS_DICT,
    .instance_size = sizeof(TSemObj),
    .trace = tsem_trace,
    .setattr = obj_generic_setattr,
    .new_ = tsem_type_new,
};

/* ---------------------------------------------------------------- init */

void tsync_init(ModuleObj *m)
{
    static int done;
    if (!done) {
        done = 1;
        tsync_lock_setup();
        tsync_setup_type(&tcond_type, &object_type, "threading",
                         tcond_methods);
        tsync_setup_type(&tevent_type, &object_type, "threading",
                         tevent_methods);
        tsync_setup_type(&tsem_type, &object_type, "threading",
                         tsem_methods);
        tsync_setup_type(&tbsem_type, &tsem_type, "threading", NULL);
    }
    module_add(m, "Lock", V_OBJ(&tlock_type));
    module_add(m, "RLock", V_OBJ(&trlock_type));
    module_add(m, "Condition", V_OBJ(&tcond_type));
    module_add(m, "Event", V_OBJ(&tevent_type));
    module_add(m, "Semaphore", V_OBJ(&tsem_type));
    module_add(m, "BoundedSemaphore", V_OBJ(&tbsem_type));
}
