/* mod_threading.c - the threading module's Thread class and functions,
 * and the small _thread module.
 *
 * A Thread keeps its state in C fields; the OS thread behind it comes
 * from thr_start (runtime/thread.h).  Two locks tie them together, as in
 * CPython: start() waits on `started`, which the new thread releases once
 * its ids are known, and the new thread holds `done` until it has
 * finished, so join() is an acquire (interruptible on the main thread,
 * PEP 475) followed by a release.  A running thread is registered in the
 * `active` dict (get_ident() -> Thread), a collector root, which keeps
 * the Thread alive while its OS thread uses it; the thread removes itself
 * and releases `done` under the GIL before its OS thread ends.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/thread.h"
#include "runtime/sigtrace.h"
#include "stdlib/stdlib.h"
#include "stdlib/threading_int.h"

typedef struct ThreadObj {
    InstanceObj base;
    Value target, args, kwargs; /* run()'s call; None once run */
    Value name;                 /* str */
    Value started;              /* TLockObj released when running */
    Value done;                 /* TLockObj held until finished */
    unsigned long ident;
    long native_id;
    int initialized, is_started, finished, daemon, has_ident;
} ThreadObj;

static TypeObj thread_type, mainthread_type;

/* Module state, under the GIL.  All roots. */
static DictObj *active;       /* get_ident() -> Thread, running ones */
static ThreadObj *main_obj;   /* threading.main_thread() */
static ModuleObj *module;
static int64_t name_counter;  /* "Thread-N" */

static void thread_trace(Obj *o)
{
    ThreadObj *t = (ThreadObj *)o;
    gc_mark_obj((Obj *)t->base.dict);
    gc_mark_value(t->target);
    gc_mark_value(t->args);
    gc_mark_value(t->kwargs);
    gc_mark_value(t->name);
    gc_mark_value(t->started);
    gc_mark_value(t->done);
}

static void threading_roots(void)
{
    gc_mark_obj((Obj *)active);
    gc_mark_obj((Obj *)main_obj);
    gc_mark_obj((Obj *)module);
}

static ThreadObj *thread_self(Value *args, int nargs, const char *what)
{
    if (nargs < 1 || !val_isinstance(args[0], &thread_type)) {
        err_set(&exc_TypeError, "descriptor '%s' requires a 'Thread' object",
                what);
        return NULL;
    }
    return (ThreadObj *)AS_OBJ(args[0]);
}

static ThreadObj *current_thread_obj(void)
{
    Value t = V_NULL;
    if (active && dict_lookup(active, V_INT((int64_t)ts_current->ident),
                              &t) == 1)
        return (ThreadObj *)AS_OBJ(t);
    return main_obj;
}

/* ------------------------------------------------------------ creation */

static Value thread_alloc(TypeObj *t)
{
    ThreadObj *th = gc_alloc(t, t->instance_size);
    th->target = V_NONE;
    th->args = V_NONE;
    th->kwargs = V_NONE;
    th->name = V_NONE;
    th->started = V_NONE;
    th->done = V_NONE;
    return V_OBJ(th);
}

/* "Thread-N", or "Thread-N (f)" after target f's __name__. */
static Value default_name(Value target)
{
    StrObj *base = str_printf("Thread-%lld", (long long)++name_counter);
    if (IS_NONE(target))
        return V_OBJ(base);
    Value tn;
    Value bv = V_OBJ(base);
    gc_root_push(&bv);
    int rc = obj_lookup_attr(target, rt_names.name, &tn);
    gc_root_pop(1);
    if (rc < 0)
        return V_NULL;
    if (IS_NULL(tn))
        return bv;
    gc_root_push(&bv);
    gc_root_push(&tn);
    Value s = obj_str(tn);
    gc_root_pop(2);
    if (IS_NULL(s))
        return V_NULL;
    return V_OBJ(str_printf("%s (%s)", STR_CSTR(base),
                            STR_CSTR((StrObj *)AS_OBJ(s))));
}

static int thread_init_fields(ThreadObj *t, Value *a)
{
    /* a: group, target, name, args, kwargs, daemon */
    if (!IS_NULL(a[0]) && !IS_NONE(a[0])) {
        err_set(&exc_AssertionError, "group argument must be None for now");
        return -1;
    }
    t->target = IS_NULL(a[1]) ? V_NONE : a[1];
    int named = !IS_NULL(a[2]) && !IS_NONE(a[2]);
    if (named && (named = obj_truthy(a[2])) < 0)
        return -1;
    Value name = named ? obj_str(a[2]) : default_name(t->target);
    if (IS_NULL(name))
        return -1;
    t->name = name;
    t->args = IS_NULL(a[3]) ? V_OBJ(tuple_new(0)) : a[3];
    t->kwargs = IS_NULL(a[4]) || IS_NONE(a[4]) ? V_OBJ(dict_new()) : a[4];
    if (IS_NULL(a[5]) || IS_NONE(a[5])) {
        ThreadObj *cur = current_thread_obj();
        t->daemon = cur ? cur->daemon : 0;
    } else if ((t->daemon = obj_truthy(a[5])) < 0) {
        return -1;
    }
    t->initialized = 1;
    return 0;
}

static Value thread_init_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"group", "target", "name",
                                        "args", "kwargs", "daemon"};
    Value a[6];
    ThreadObj *t = thread_self(args, nargs, "__init__");
    if (!t || args_bind("Thread.__init__", args + 1, nargs - 1, kwnames,
                        names, 6, 5, 0, a) < 0)
        return V_NULL;
    return thread_init_fields(t, a) < 0 ? V_NULL : V_NONE;
}

/* Whether a script class between t and Thread defines __init__: then
 * type_call runs it, and it calls Thread.__init__ (or not) itself. */
static int has_script_init(TypeObj *t)
{
    for (; t && (t->flags & TF_HEAPTYPE); t = t->base)
        if (!IS_NULL(dict_get_str(t->base_hdr.dict, rt_names.init)))
            return 1;
    return 0;
}

static Value thread_type_new(Value self, Value *args, int nargs,
                             TupleObj *kwnames)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    Value obj = thread_alloc(t);
    if (has_script_init(t))
        return obj;
    gc_root_push(&obj);
    /* self, then the arguments as given (positional, then keyword
     * values); args_bind reports any count or name error. */
    enum { MAX_ARGS = 16 };
    Value full[MAX_ARGS + 1];
    int total = nargs + (kwnames ? (int)kwnames->n : 0);
    Value r = V_NULL;
    if (total > MAX_ARGS) {
        err_set(&exc_TypeError, "Thread() got too many arguments");
    } else {
        full[0] = obj;
        memcpy(full + 1, args, (size_t)total * sizeof(Value));
        r = thread_init_m(full, nargs + 1, kwnames);
    }
    gc_root_pop(1);
    return IS_NULL(r) ? V_NULL : obj;
}

/* ------------------------------------------------------------- running */

/* Call target(*args, **kwargs). */
static Value call_target(ThreadObj *t)
{
    Value args = tuple_from_iter(t->args);
    if (IS_NULL(args))
        return V_NULL;
    gc_root_push(&args);
    Value r = V_NULL;
    if (!IS_TYPE(t->kwargs, dict_type)) {
        char buf[128];
        Value fn = obj_getattr(t->target, rt_names.name);
        snprintf(buf, sizeof buf, "%s",
                 IS_TYPE(fn, str_type) ? STR_CSTR((StrObj *)AS_OBJ(fn))
                                       : "function");
        err_clear();
        err_set(&exc_TypeError,
                "%s() argument after ** must be a mapping, not %s", buf,
                val_type_name(t->kwargs));
        gc_root_pop(1);
        return V_NULL;
    }
    DictObj *kw = (DictObj *)AS_OBJ(t->kwargs);
    TupleObj *at = (TupleObj *)AS_OBJ(args);
    size_t n = at->n + kw->used;
    TupleObj *all = tuple_new(n);
    Value allv = V_OBJ(all);
    gc_root_push(&allv);
    TupleObj *names = kw->used ? tuple_new(kw->used) : NULL;
    Value namesv = names ? V_OBJ(names) : V_NONE;
    gc_root_push(&namesv);
    for (size_t i = 0; i < at->n; i++)
        all->items[i] = at->items[i];
    size_t pos = 0, k = 0;
    Value key, val;
    while (dict_next(kw, &pos, &key, &val)) {
        names->items[k] = key;
        all->items[at->n + k++] = val;
    }
    r = obj_call(t->target, all->items, (int)at->n, names);
    gc_root_pop(3);
    return r;
}

static Value thread_run_m(Value *args, int nargs, TupleObj *kwnames)
{
    ThreadObj *t = thread_self(args, nargs, "run");
    if (!t || args_no_kw("run", kwnames) < 0)
        return V_NULL;
    Value r = V_NONE;
    if (!IS_NONE(t->target))
        r = call_target(t);
    /* As CPython's finally clause: drop the references either way. */
    t->target = t->args = t->kwargs = V_NONE;
    return IS_NULL(r) ? V_NULL : V_NONE;
}

/* "Exception in thread NAME:" and the traceback, on sys.stderr, as
 * threading.excepthook prints them; SystemExit ends a thread quietly. */
static void report_exception(ThreadObj *t, Value exc)
{
    if (val_isinstance(exc, &exc_SystemExit))
        return;
    gc_root_push(&exc);
    StrObj *head = str_printf("Exception in thread %s:\n",
                              STR_CSTR((StrObj *)AS_OBJ(t->name)));
    Value err = sys_get("stderr");
    if (file_check(err)) {
        FileObj *f = (FileObj *)AS_OBJ(err);
        if (file_write(f, STR_CSTR(head), head->nbytes) < 0 ||
            file_flush(f) < 0)
            err_clear();
    } else {
        fputs(STR_CSTR(head), stderr);
    }
    err_print_exception(exc);
    gc_root_pop(1);
}

/* The new thread's whole life, under the GIL (thread.h). */
static void thread_body(void *arg)
{
    ThreadObj *t = arg;
    Value self = V_OBJ(t);
    gc_root_push(&self);
    t->native_id = ts_current->native_id;
    t->ident = ts_current->ident;
    t->has_ident = 1;
    tlock_release((TLockObj *)AS_OBJ(t->started));
    Value r = obj_call_method(self, "run", NULL, 0);
    if (IS_NULL(r))
        report_exception(t, err_fetch());
    err_clear();
    t->finished = 1;
    Value key = V_INT((int64_t)t->ident);
    trc_thread_exit();
    if (dict_contains(active, key) && dict_del(active, key) < 0)
        err_clear();
    /* The last step that touches the Thread: joiners wake up, and take
     * the GIL once this thread has given it up for good. */
    tlock_release((TLockObj *)AS_OBJ(t->done));
    gc_root_pop(1);
}

static Value thread_start_m(Value *args, int nargs, TupleObj *kwnames)
{
    ThreadObj *t = thread_self(args, nargs, "start");
    if (!t || args_no_kw("start", kwnames) < 0 ||
        args_count("start", nargs - 1, 0, 0) < 0)
        return V_NULL;
    if (!t->initialized)
        return err_set(&exc_RuntimeError, "thread.__init__() not called");
    if (t->is_started)
        return err_set(&exc_RuntimeError, "threads can only be started once");
    TLockObj *started = tlock_new();
    t->started = V_OBJ(started);
    TLockObj *done = tlock_new();
    t->done = V_OBJ(done);
    tlock_acquire(started, 0);
    tlock_acquire(done, 0);
    unsigned long ident;
    if (thr_start(thread_body, t, &ident) != 0)
        return err_set(&exc_RuntimeError, "can't start new thread");
    t->is_started = 1;
    /* Registered before the thread can run, so it stays alive. */
    if (dict_set(active, V_INT((int64_t)ident), args[0]) < 0)
        return V_NULL;
    if (tlock_acquire(started, -1) < 0)
        return V_NULL;
    return V_NONE;
}

static Value thread_join_m(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"timeout"};
    Value a;
    ThreadObj *t = thread_self(args, nargs, "join");
    if (!t || args_bind("join", args + 1, nargs - 1, kwnames, names, 1, 1, 0,
                        &a) < 0)
        return V_NULL;
    if (!t->initialized)
        return err_set(&exc_RuntimeError, "Thread.__init__() not called");
    if (!t->is_started)
        return err_set(&exc_RuntimeError,
                       "cannot join thread before it is started");
    if (t == current_thread_obj())
        return err_set(&exc_RuntimeError, "cannot join current thread");
    double timeout = -1;
    if (!IS_NULL(a) && !IS_NONE(a) && args_double(a, &timeout) < 0)
        return V_NULL;
    if (t->finished || IS_NONE(t->done))
        return V_NONE;
    /* threading.py: lock.acquire(True, max(timeout, 0)), with that call's
     * checks (NaN is not below 0 and reaches them). */
    if (!IS_NULL(a) && !IS_NONE(a) &&
        tsync_timeout(timeout < 0 ? V_INT(0) : a, &timeout) < 0)
        return V_NULL;
    TLockObj *done = (TLockObj *)AS_OBJ(t->done);
    int got = tlock_acquire(done, timeout);
    if (got < 0)
        return V_NULL;
    if (got)
        tlock_release(done); /* for the next joiner */
    return V_NONE;
}

static Value thread_is_alive_m(Value *args, int nargs, TupleObj *kwnames)
{
    ThreadObj *t = thread_self(args, nargs, "is_alive");
    if (!t || args_no_kw("is_alive", kwnames) < 0)
        return V_NULL;
    if (!t->initialized)
        return err_set(&exc_AssertionError, "Thread.__init__() not called");
    return V_BOOL(t->is_started && !t->finished);
}

/* ----------------------------------------------------------- attributes */

static Value thread_repr(Value self)
{
    ThreadObj *t = (ThreadObj *)AS_OBJ(self);
    if (!t->initialized)
        return err_set(&exc_AssertionError,
                       "Thread.__init__() was not called");
    char status[64];
    int n = snprintf(status, sizeof status, "%s",
                     t->finished ? "stopped"
                     : t->is_started ? "started" : "initial");
    if (t->daemon)
        n += snprintf(status + n, sizeof status - (size_t)n, " daemon");
    if (t->has_ident)
        snprintf(status + n, sizeof status - (size_t)n, " %lu", t->ident);
    return V_OBJ(str_printf("<%s(%s, %s)>", obj_type_name(self),
                            STR_CSTR((StrObj *)AS_OBJ(t->name)), status));
}

static Value thread_getattr(Value self, StrObj *name)
{
    ThreadObj *t = (ThreadObj *)AS_OBJ(self);
    const char *s = STR_CSTR(name);
    int special = strcmp(s, "name") == 0 || strcmp(s, "daemon") == 0 ||
                  strcmp(s, "ident") == 0 || strcmp(s, "native_id") == 0;
    if (!special)
        return obj_generic_getattr(self, name);
    if (!t->initialized)
        return err_set(&exc_AssertionError, "Thread.__init__() not called");
    if (s[0] == 'n' && s[1] == 'a' && s[2] == 'm')
        return t->name;
    if (s[0] == 'd')
        return V_BOOL(t->daemon);
    if (!t->has_ident)
        return V_NONE;
    return s[0] == 'i' ? V_INT((int64_t)t->ident) : V_INT(t->native_id);
}

static int thread_setattr(Value self, StrObj *name, Value v)
{
    ThreadObj *t = (ThreadObj *)AS_OBJ(self);
    const char *s = STR_CSTR(name);
    if (IS_NULL(v) || (strcmp(s, "name") != 0 && strcmp(s, "daemon") != 0))
        return obj_generic_setattr(self, name, v);
    if (!t->initialized) {
        err_set(&exc_AssertionError, "Thread.__init__() not called");
        return -1;
    }
    if (s[0] == 'n') {
        Value str = obj_str(v);
        if (IS_NULL(str))
            return -1;
        t->name = str;
        return 0;
    }
    if (t->is_started) {
        err_set(&exc_RuntimeError, "cannot set daemon status of active thread");
        return -1;
    }
    int d = obj_truthy(v);
    if (d < 0)
        return -1;
    t->daemon = d;
    return 0;
}

static const MethodDef thread_methods[] = {
    {"__init__", thread_init_m, NATIVE_METHOD},
    {"start", thread_start_m, NATIVE_METHOD},
    {"run", thread_run_m, NATIVE_METHOD},
    {"join", thread_join_m, NATIVE_METHOD},
    {"is_alive", thread_is_alive_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

static TypeObj thread_type = {
    TYPE_OBJ_HEAD,
    .name = "Thread",
    .flags = TF_BASETYPE | TF_HAS_DICT,
    .instance_size = sizeof(ThreadObj),
    .trace = thread_trace,
    .repr = thread_repr,
    .getattr = thread_getattr,
    .setattr = thread_setattr,
    .new_ = thread_type_new,
};

static TypeObj mainthread_type = {
    TYPE_OBJ_HEAD,
    .name = "_MainThread",
    .flags = TF_HAS_DICT,
    .instance_size = sizeof(ThreadObj),
    .trace = thread_trace,
    .repr = thread_repr,
    .getattr = thread_getattr,
    .setattr = thread_setattr,
};

/* ------------------------------------------------------------ functions */

static Value mod_current_thread(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("current_thread", kwnames) < 0 ||
        args_count("current_thread", nargs, 0, 0) < 0)
        return V_NULL;
    return V_OBJ(current_thread_obj());
}

static Value mod_main_thread(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("main_thread", kwnames) < 0 ||
        args_count("main_thread", nargs, 0, 0) < 0)
        return V_NULL;
    return V_OBJ(main_obj);
}

static Value mod_get_ident(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("get_ident", kwnames) < 0 ||
        args_count("get_ident", nargs, 0, 0) < 0)
        return V_NULL;
    return V_INT((int64_t)ts_current->ident);
}

static Value mod_get_native_id(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("get_native_id", kwnames) < 0 ||
        args_count("get_native_id", nargs, 0, 0) < 0)
        return V_NULL;
    return V_INT(ts_current->native_id);
}

static Value mod_active_count(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("active_count", kwnames) < 0 ||
        args_count("active_count", nargs, 0, 0) < 0)
        return V_NULL;
    return V_INT((int64_t)active->used);
}

static Value mod_enumerate(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("enumerate", kwnames) < 0 ||
        args_count("enumerate", nargs, 0, 0) < 0)
        return V_NULL;
    ListObj *l = list_new(0);
    size_t pos = 0;
    Value k, v;
    while (dict_next(active, &pos, &k, &v))
        list_append(l, v);
    return V_OBJ(l);
}

/* _thread.interrupt_main(signum=SIGINT): trip the signal as if it had
 * arrived; the main thread runs the handler at its next check. */
static Value mod_interrupt_main(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"signum"};
    Value a;
    int signum = SIGINT;
    if (args_bind("interrupt_main", args, nargs, kwnames, names, 1, 1, 0,
                  &a) < 0 || (!IS_NULL(a) && args_int(a, &signum) < 0))
        return V_NULL;
    if (sig_trip_simulated(signum) < 0)
        return err_set(&exc_ValueError, "signal number out of range");
    return V_NONE;
}

static const MethodDef threading_methods[] = {
    {"current_thread", mod_current_thread, 0},
    {"main_thread", mod_main_thread, 0},
    {"get_ident", mod_get_ident, NATIVE_NO_CHECK},
    {"get_native_id", mod_get_native_id, NATIVE_NO_CHECK},
    {"active_count", mod_active_count, 0},
    {"enumerate", mod_enumerate, 0},
    {NULL, NULL, 0},
};

static const MethodDef thread_mod_methods[] = {
    {"get_ident", mod_get_ident, NATIVE_NO_CHECK},
    {"get_native_id", mod_get_native_id, NATIVE_NO_CHECK},
    {"interrupt_main", mod_interrupt_main, 0},
    {NULL, NULL, 0},
};

/* ----------------------------------------------------------------- init */

static void setup_thread_types(void)
{
    thread_type.base = &object_type;
    thread_type.module = str_intern_cstr("threading");
    thread_type.name_str = str_intern_cstr("Thread");
    thread_type.qualname = thread_type.name_str;
    type_dict(&thread_type);
    type_add_methods(&thread_type, thread_methods);
    type_register_static(&thread_type);
    mainthread_type.base = &thread_type;
    mainthread_type.module = thread_type.module;
    mainthread_type.name_str = str_intern_cstr("_MainThread");
    mainthread_type.qualname = mainthread_type.name_str;
    type_dict(&mainthread_type);
    type_register_static(&mainthread_type);
}

/* The state every thread-related entry point needs, made once. */
static void threading_state_init(void)
{
    if (active)
        return;
    setup_thread_types();
    active = dict_new();
    gc_register_roots(threading_roots);
    main_obj = (ThreadObj *)AS_OBJ(thread_alloc(&mainthread_type));
    ThreadState *ts = ts_main() ? ts_main() : ts_current;
    main_obj->name = V_OBJ(str_from_cstr("MainThread"));
    main_obj->initialized = main_obj->is_started = 1;
    main_obj->ident = ts->ident;
    main_obj->native_id = ts->native_id;
    main_obj->has_ident = 1;
    dict_set(active, V_INT((int64_t)ts->ident), V_OBJ(main_obj));
}

static ModuleObj *threading_module_init(void)
{
    threading_state_init();
    ModuleObj *m = module_new("threading");
    module = m;
    module_add_methods(m, threading_methods);
    module_add(m, "Thread", V_OBJ(&thread_type));
    module_add(m, "TIMEOUT_MAX", V_FLOAT(9223372036.0));
    tsync_init(m);
    return m;
}

static ModuleObj *thread_module_init(void)
{
    threading_state_init();
    ModuleObj *m = module_new("_thread");
    module_add_methods(m, thread_mod_methods);
    tsync_init(m);
    module_add(m, "allocate_lock", V_OBJ(&tlock_type));
    module_add(m, "LockType", V_OBJ(&tlock_type));
    module_add(m, "error", V_OBJ(&exc_RuntimeError));
    return m;
}

/* --trace-signals names threads as threading does ("MainThread",
 * "Thread-1 (worker)"); before the module is imported every thread is
 * still nameless and the trace numbers them. */
static const char *thread_name_for_trace(unsigned long ident)
{
    Value t = V_NULL;
    if (active && dict_lookup(active, V_INT((int64_t)ident), &t) == 1) {
        ThreadObj *th = (ThreadObj *)AS_OBJ(t);
        if (IS_TYPE(th->name, str_type))
            return STR_CSTR((StrObj *)AS_OBJ(th->name));
    }
    return NULL;
}

void threadmod_register(void)
{
    module_register("threading", threading_module_init);
    module_register("_thread", thread_module_init);
    trc_thread_name_hook = thread_name_for_trace;
}

/* The first non-daemon thread still running, or NULL. */
static ThreadObj *next_to_join(void)
{
    size_t pos = 0;
    Value k, v;
    while (dict_next(active, &pos, &k, &v)) {
        ThreadObj *t = (ThreadObj *)AS_OBJ(v);
        if (t != main_obj && !t->daemon && !t->finished)
            return t;
    }
    return NULL;
}

void threadmod_shutdown(void)
{
    if (!active)
        return;
    ThreadObj *t;
    while ((t = next_to_join()) != NULL) {
        Value tv = V_OBJ(t);
        gc_root_push(&tv);
        int got = tlock_acquire((TLockObj *)AS_OBJ(t->done), -1);
        gc_root_pop(1);
        if (got < 0) {
            /* As CPython's threading._shutdown interrupted by a signal:
             * report and stop waiting. */
            Value exc = err_fetch();
            gc_root_push(&exc);
            err_write_unraisable(exc, NULL,
                                 module ? V_OBJ(module) : V_NONE);
            gc_root_pop(1);
            return;
        }
        tlock_release((TLockObj *)AS_OBJ(t->done));
    }
}

void threadmod_after_fork_child(void)
{
    if (!active)
        return;
    ThreadObj *cur = current_thread_obj();
    size_t pos = 0;
    Value k, v;
    while (dict_next(active, &pos, &k, &v)) {
        ThreadObj *t = (ThreadObj *)AS_OBJ(v);
        if (t != cur)
            t->finished = 1;
    }
    dict_clear(active);
    dict_set(active, V_INT((int64_t)ts_current->ident), V_OBJ(cur));
    main_obj = cur;
}
