/* iter.c - the builtin iterator types: enumerate, zip, map, filter,
 * reversed, the sequence iterator behind obj_iter's __getitem__ fallback,
 * and iter(callable, sentinel).
 *
 * Each holds its source iterators in GC-visible fields and drops them
 * when exhausted, so a finished pipeline frees its inputs early.
 */
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/iter.h"

typedef struct EnumerateObj {
    Obj hdr;
    Value it; /* V_NULL once exhausted */
    int64_t count;
} EnumerateObj;

/* zip and map: iters is a tuple of iterators, NULL once exhausted. */
typedef struct MultiIterObj {
    Obj hdr;
    Value func; /* map only */
    TupleObj *iters;
} MultiIterObj;

typedef struct FilterObj {
    Obj hdr;
    Value func; /* None: keep truthy items */
    Value it;   /* V_NULL once exhausted */
} FilterObj;

/* reversed() over len + getitem, and the forward sequence iterator. */
typedef struct SeqIterObj {
    Obj hdr;
    Value seq; /* V_NULL once exhausted */
    int64_t i;
} SeqIterObj;

typedef struct CallIterObj {
    Obj hdr;
    Value callable; /* V_NULL once exhausted */
    Value sentinel;
} CallIterObj;

static TypeObj seqiter_type, calliter_type;

/* An exhausted source: V_NULL, keeping any exception it raised. */
static Value done(Value *field)
{
    *field = V_NULL;
    return V_NULL;
}

/* ---- enumerate ---- */

static void enumerate_trace(Obj *self)
{
    gc_mark_value(((EnumerateObj *)self)->it);
}

static Value enumerate_new(Value type, Value *args, int nargs,
                           TupleObj *kwnames)
{
    (void)type;
    static const char *const names[] = {"iterable", "start"};
    Value a[2];
    if (nargs == 0 && (!kwnames || kwnames->n == 0))
        return err_set(&exc_TypeError,
                       "enumerate() missing required argument 'iterable'");
    if (args_bind("enumerate", args, nargs, kwnames, names, 2, 2, 1, a) < 0)
        return V_NULL;
    int64_t start = 0;
    if (!IS_NULL(a[1]) && num_as_index(a[1], &start) < 0)
        return V_NULL;
    Value it = obj_iter(a[0]);
    if (IS_NULL(it))
        return V_NULL;
    gc_root_push(&it);
    EnumerateObj *e = gc_alloc(&enumerate_type, sizeof *e);
    gc_root_pop(1);
    e->it = it;
    e->count = start;
    return V_OBJ(e);
}

static Value enumerate_next(Value self)
{
    EnumerateObj *e = (EnumerateObj *)AS_OBJ(self);
    if (IS_NULL(e->it))
        return V_NULL;
    Value v = obj_next(e->it);
    if (IS_NULL(v))
        return done(&e->it);
    if (e->count == INT64_MAX)
        return err_set(&exc_OverflowError, "integer overflow");
    return V_OBJ(tuple_pack(2, V_INT(e->count++), v));
}

TypeObj enumerate_type = {
    TYPE_OBJ_HEAD,
    .name = "enumerate",
    .base = &object_type,
    .instance_size = sizeof(EnumerateObj),
    .trace = enumerate_trace,
    .iter = obj_iter_self,
    .next = enumerate_next,
    .new_ = enumerate_new,
};

/* ---- zip and map ---- */

static void multi_trace(Obj *self)
{
    MultiIterObj *m = (MultiIterObj *)self;
    gc_mark_value(m->func);
    gc_mark_obj((Obj *)m->iters);
}

/* A tuple of iter(x) for each of n iterables, or NULL. */
static TupleObj *iter_all(Value *iterables, int n)
{
    TupleObj *t = tuple_new((size_t)n);
    Value tv = V_OBJ(t);
    gc_root_push(&tv);
    for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++)
            t->items[j] = V_NONE; /* keep the tuple traceable */
        Value it = obj_iter(iterables[i]);
        if (IS_NULL(it)) {
            gc_root_pop(1);
            return NULL;
        }
        t->items[i] = it;
    }
    gc_root_pop(1);
    return t;
}

static Value multi_new(TypeObj *type, Value func, Value *iterables, int n)
{
    if (IS_OBJ(func))
        gc_root_push(&func);
    TupleObj *iters = iter_all(iterables, n);
    if (IS_OBJ(func))
        gc_root_pop(1);
    if (!iters)
        return V_NULL;
    Value iv = V_OBJ(iters);
    gc_root_push(&iv);
    MultiIterObj *m = gc_alloc(type, sizeof *m);
    gc_root_pop(1);
    m->func = func;
    m->iters = iters;
    return V_OBJ(m);
}

/* Next item of every iterator into a fresh tuple; NULL when any is
 * exhausted (or failed). */
static TupleObj *next_of_all(MultiIterObj *m)
{
    TupleObj *iters = m->iters;
    if (!iters || iters->n == 0)
        return NULL;
    TupleObj *t = tuple_new(iters->n);
    for (size_t i = 0; i < iters->n; i++)
        t->items[i] = V_NONE;
    Value tv = V_OBJ(t);
    gc_root_push(&tv);
    for (size_t i = 0; i < iters->n; i++) {
        Value v = obj_next(iters->items[i]);
        if (IS_NULL(v)) {
            m->iters = NULL;
            t = NULL;
            break;
        }
        t->items[i] = v;
    }
    gc_root_pop(1);
    return t;
}

static Value zip_new(Value type, Value *args, int nargs, TupleObj *kwnames)
{
    (void)type;
    size_t nkw = kwnames ? kwnames->n : 0;
    for (size_t i = 0; i < nkw; i++) {
        const char *name = STR_CSTR((StrObj *)AS_OBJ(kwnames->items[i]));
        if (strcmp(name, "strict") != 0)
            return err_set(&exc_TypeError,
                           "zip() got an unexpected keyword argument '%s'",
                           name);
    }
    return multi_new(&zip_type, V_NULL, args, nargs);
}

static Value zip_next(Value self)
{
    TupleObj *t = next_of_all((MultiIterObj *)AS_OBJ(self));
    return t ? V_OBJ(t) : V_NULL;
}

TypeObj zip_type = {
    TYPE_OBJ_HEAD,
    .name = "zip",
    .base = &object_type,
    .instance_size = sizeof(MultiIterObj),
    .trace = multi_trace,
    .iter = obj_iter_self,
    .next = zip_next,
    .new_ = zip_new,
};

static Value map_new(Value type, Value *args, int nargs, TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("map", kwnames) < 0)
        return V_NULL;
    if (nargs < 2)
        return err_set(&exc_TypeError,
                       "map() must have at least two arguments.");
    return multi_new(&map_type, args[0], args + 1, nargs - 1);
}

static Value map_next(Value self)
{
    MultiIterObj *m = (MultiIterObj *)AS_OBJ(self);
    if (m->iters && m->iters->n == 1) {
        /* One iterable, the common case: no argument tuple. */
        Value v = obj_next(m->iters->items[0]);
        if (IS_NULL(v)) {
            m->iters = NULL;
            return V_NULL;
        }
        gc_root_push(&v);
        Value r = obj_call1(m->func, v);
        gc_root_pop(1);
        return r;
    }
    TupleObj *t = next_of_all(m);
    if (!t)
        return V_NULL;
    Value tv = V_OBJ(t);
    gc_root_push(&tv);
    Value r = obj_call(m->func, t->items, (int)t->n, NULL);
    gc_root_pop(1);
    return r;
}

TypeObj map_type = {
    TYPE_OBJ_HEAD,
    .name = "map",
    .base = &object_type,
    .instance_size = sizeof(MultiIterObj),
    .trace = multi_trace,
    .iter = obj_iter_self,
    .next = map_next,
    .new_ = map_new,
};

/* ---- filter ---- */

static void filter_trace(Obj *self)
{
    FilterObj *f = (FilterObj *)self;
    gc_mark_value(f->func);
    gc_mark_value(f->it);
}

static Value filter_new(Value type, Value *args, int nargs,
                        TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("filter", kwnames) < 0 ||
        args_count("filter", nargs, 2, 2) < 0)
        return V_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it))
        return V_NULL;
    gc_root_push(&it);
    FilterObj *f = gc_alloc(&filter_type, sizeof *f);
    gc_root_pop(1);
    f->func = args[0];
    f->it = it;
    return V_OBJ(f);
}

/* 1 keep, 0 skip, -1 error. */
static int filter_keeps(FilterObj *f, Value v)
{
    if (IS_NONE(f->func) || val_is(f->func, V_OBJ(&bool_type)))
        return obj_truthy(v);
    Value r = obj_call1(f->func, v);
    if (IS_NULL(r))
        return -1;
    return obj_truthy(r);
}

static Value filter_next(Value self)
{
    FilterObj *f = (FilterObj *)AS_OBJ(self);
    while (!IS_NULL(f->it)) {
        Value v = obj_next(f->it);
        if (IS_NULL(v))
            return done(&f->it);
        gc_root_push(&v);
        int keep = filter_keeps(f, v);
        gc_root_pop(1);
        if (keep < 0)
            return V_NULL;
        if (keep)
            return v;
    }
    return V_NULL;
}

TypeObj filter_type = {
    TYPE_OBJ_HEAD,
    .name = "filter",
    .base = &object_type,
    .instance_size = sizeof(FilterObj),
    .trace = filter_trace,
    .iter = obj_iter_self,
    .next = filter_next,
    .new_ = filter_new,
};

/* ---- reversed and the sequence iterator ---- */

static void seqiter_trace(Obj *self)
{
    gc_mark_value(((SeqIterObj *)self)->seq);
}

static Value seqiter_alloc(TypeObj *type, Value seq, int64_t start)
{
    gc_root_push(&seq);
    SeqIterObj *s = gc_alloc(type, sizeof *s);
    gc_root_pop(1);
    s->seq = seq;
    s->i = start;
    return V_OBJ(s);
}

/* seq[i], or V_NULL with no exception once IndexError / StopIteration
 * says the sequence has ended. */
static Value item_or_end(SeqIterObj *s)
{
    Value v = obj_getitem(s->seq, V_INT(s->i));
    if (!IS_NULL(v))
        return v;
    if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration))
        err_clear();
    return done(&s->seq);
}

Value iter_seq_new(Value seq)
{
    return seqiter_alloc(&seqiter_type, seq, 0);
}

static Value seqiter_next(Value self)
{
    SeqIterObj *s = (SeqIterObj *)AS_OBJ(self);
    if (IS_NULL(s->seq))
        return V_NULL;
    Value v = item_or_end(s);
    if (!IS_NULL(v))
        s->i++;
    return v;
}

static TypeObj seqiter_type = {
    TYPE_OBJ_HEAD,
    .name = "iterator",
    .base = &object_type,
    .instance_size = sizeof(SeqIterObj),
    .trace = seqiter_trace,
    .iter = obj_iter_self,
    .next = seqiter_next,
};

/* A sequence in the protocol's sense: __len__ and __getitem__, and not a
 * mapping (dict has both but reverses by its own rule). */
static int is_sequence(Value v)
{
    TypeObj *t = val_type(v);
    if (t->flags & TF_HEAPTYPE)
        return !IS_NULL(type_lookup(t, rt_names.getitem)) &&
               !IS_NULL(type_lookup(t, rt_names.len));
    return t->getitem && t->len && t != &dict_type;
}

static Value reversed_generic(Value seq)
{
    int64_t n = obj_len(seq);
    if (n < 0)
        return V_NULL;
    return seqiter_alloc(&reversed_type, seq, n - 1);
}

static Value reversed_new(Value type, Value *args, int nargs,
                          TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("reversed", kwnames) < 0 ||
        args_count("reversed", nargs, 1, 1) < 0)
        return V_NULL;
    Value seq = args[0];
    if (IS_TYPE(seq, list_type))
        return list_reversed_new((ListObj *)AS_OBJ(seq));
    if (IS_TYPE(seq, range_type))
        return range_reversed_new((RangeObj *)AS_OBJ(seq));
    if (IS_TYPE(seq, dict_type))
        return dict_reversed_new((DictObj *)AS_OBJ(seq));
    TypeObj *t = val_type(seq);
    if (t->flags & TF_HEAPTYPE) {
        Value m = type_lookup(t, rt_names.reversed);
        if (!IS_NULL(m))
            return obj_call_method(seq, "__reversed__", NULL, 0);
    }
    if (!is_sequence(seq))
        return err_set(&exc_TypeError, "'%s' object is not reversible",
                       val_type_name(seq));
    return reversed_generic(seq);
}

static Value reversed_next(Value self)
{
    SeqIterObj *s = (SeqIterObj *)AS_OBJ(self);
    if (IS_NULL(s->seq))
        return V_NULL;
    if (s->i < 0)
        return done(&s->seq);
    Value v = item_or_end(s);
    if (!IS_NULL(v))
        s->i--;
    return v;
}

TypeObj reversed_type = {
    TYPE_OBJ_HEAD,
    .name = "reversed",
    .base = &object_type,
    .instance_size = sizeof(SeqIterObj),
    .trace = seqiter_trace,
    .iter = obj_iter_self,
    .next = reversed_next,
    .new_ = reversed_new,
};

/* ---- iter(callable, sentinel) ---- */

static void calliter_trace(Obj *self)
{
    CallIterObj *c = (CallIterObj *)self;
    gc_mark_value(c->callable);
    gc_mark_value(c->sentinel);
}

Value iter_callable_new(Value callable, Value sentinel)
{
    gc_root_push(&callable);
    gc_root_push(&sentinel);
    CallIterObj *c = gc_alloc(&calliter_type, sizeof *c);
    gc_root_pop(2);
    c->callable = callable;
    c->sentinel = sentinel;
    return V_OBJ(c);
}

static Value calliter_next(Value self)
{
    CallIterObj *c = (CallIterObj *)AS_OBJ(self);
    if (IS_NULL(c->callable))
        return V_NULL;
    Value v = obj_call0(c->callable);
    if (IS_NULL(v)) {
        if (err_matches(&exc_StopIteration))
            err_clear();
        return done(&c->callable);
    }
    gc_root_push(&v);
    int eq = iter_item_eq(v, c->sentinel);
    gc_root_pop(1);
    if (eq < 0)
        return V_NULL;
    return eq ? done(&c->callable) : v;
}

static TypeObj calliter_type = {
    TYPE_OBJ_HEAD,
    .name = "callable_iterator",
    .base = &object_type,
    .instance_size = sizeof(CallIterObj),
    .trace = calliter_trace,
    .iter = obj_iter_self,
    .next = calliter_next,
};

void iter_init(void)
{
    type_register_static(&enumerate_type);
    type_register_static(&zip_type);
    type_register_static(&map_type);
    type_register_static(&filter_type);
    type_register_static(&reversed_type);
    type_register_static(&seqiter_type);
    type_register_static(&calliter_type);
}
